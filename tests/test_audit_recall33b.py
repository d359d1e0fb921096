"""Session 33, recall33b: JVM, .NET and Go shapes the blind testers' code routes AKOOL's data
through (.NET's typed Authorization header, Go request structs sent whole, ...), each with a
correct twin that stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_audit_recall30c import folder_places
from tests.test_audit_recall31g import B, rules_at

IMAGE = f"{B}/content/image/createbyprompt"


# -- .NET's typed Authorization header beside the key's own header ----------------------------------

TYPED_BEARER = {
    "request": (
        "public class A {\n    public async Task One(HttpClient http, string key) {\n"
        f'        using var req = new HttpRequestMessage(HttpMethod.Post, "{IMAGE}");\n'
        '        req.Headers.Add("x-api-key", key);\n'
        "        req.Headers.Authorization = new {value};\n"
        '        req.Content = JsonContent.Create(new { prompt = "x", scale = "1:1" });\n'
        "        await http.SendAsync(req);\n    }\n}\n"
    ),
    "client": (
        "public class AkoolClient {\n    private readonly HttpClient _http;\n"
        "    public AkoolClient(string key) {\n"
        f'        _http = new HttpClient {{ BaseAddress = new Uri("{B}/") }};\n'
        '        _http.DefaultRequestHeaders.Add("x-api-key", key);\n'
        "        _http.DefaultRequestHeaders.Authorization = new {value};\n    }\n\n"
        '    public Task<string> A() => _http.GetStringAsync("faceswap/quota/info");\n\n'
        '    public Task<string> B() => _http.GetStringAsync("faceswap/quota/info");\n\n'
        "    public async Task C() {\n"
        '        await _http.PostAsJsonAsync("content/image/createbyprompt", new { prompt = "x", scale = "1:1" });\n'
        "    }\n}\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(TYPED_BEARER))
@pytest.mark.parametrize(
    "value",
    [
        'AuthenticationHeaderValue("Bearer", key)',
        '("Bearer", key)',
        'System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key)',
    ],
)
def test_typed_bearer_header_beside_api_key_is_both(shape: str, value: str) -> None:
    text = TYPED_BEARER[shape].replace("{value}", value)
    assert rules_at(text, "A.cs", "both-auth-headers") == [5 if shape == "request" else 6]


@pytest.mark.parametrize("shape", sorted(TYPED_BEARER))
def test_typed_basic_header_or_bearer_alone_is_not_both(shape: str) -> None:
    basic = TYPED_BEARER[shape].replace("{value}", 'AuthenticationHeaderValue("Basic", key)')
    assert rules_at(basic, "A.cs", "both-auth-headers") == []
    alone = TYPED_BEARER[shape].replace("{value}", 'AuthenticationHeaderValue("Bearer", key)')
    alone = "\n".join("" if '"x-api-key"' in line else line for line in alone.split("\n"))
    assert rules_at(alone, "A.cs", "both-auth-headers") == []


# -- a Go request struct sent whole, its type lacking a required field --------------------------------

TALK = f"{B}/content/video/createbytalkingphoto"
GO_TALK = (
    'package main\n\nimport (\n\t"bytes"\n\t"encoding/json"\n\t"net/http"\n)\n\n'
    "type talkReq struct {\n{fields}}\n\n"
    "func main() {\n{send}"
    f'\thttp.Post("{TALK}", "application/json", bytes.NewReader(b))\n}}\n'
)
TWO_FIELDS = (
    '\tTalkingPhotoURL string `json:"talking_photo_url"`\n'
    '\tResolution      string `json:"resolution,omitempty"` // 720p or 1080p\n'
)
SENDS = {
    "literal": '\tb, _ := json.Marshal(talkReq{TalkingPhotoURL: "x", Resolution: "720"})\n',
    "held": '\tbody := talkReq{TalkingPhotoURL: "x", Resolution: "720"}\n\tb, _ := json.Marshal(body)\n',
    "pointer": '\tb, _ := json.Marshal(&talkReq{\n\t\tTalkingPhotoURL: "x",\n\t})\n',
}


@pytest.mark.parametrize("send", sorted(SENDS))
def test_go_struct_sent_whole_lacks_required_field(send: str) -> None:
    text = GO_TALK.replace("{fields}", TWO_FIELDS).replace("{send}", SENDS[send])
    assert rules_at(text, "talk.go", "missing-field") == [15]


@pytest.mark.parametrize(
    "more",
    [
        '\tAudioURL string `json:"audio_url"`\n',  # (the field is there)
        "\tAudio\n",  # (an embedded struct's fields are sent too)
        "\tAudio_url string\n",  # (untagged: sent under its Go name)
        '\tAudio string `json:",omitempty"`\n',
    ],
)
def test_go_struct_that_may_send_more_is_not_judged_whole(more: str) -> None:
    text = GO_TALK.replace("{fields}", TWO_FIELDS + more).replace("{send}", SENDS["literal"])
    assert rules_at(text, "talk.go", "missing-field") == []


# -- an options class's default base, read through the object the framework gives -------------------

WRONG_CREDIT = "/faceswap/quota/infos"
OPTIONS_FILES = {
    "csharp": {
        "AkoolOptions.cs": (
            "namespace Acme;\npublic class AkoolOptions\n{\n"
            f'    public string BaseUrl {{ get; set; }} = "{B}";\n'
            '    public string ApiKey { get; init; } = "";\n}\n'
        ),
        "CreditService.cs": (
            "using Microsoft.Extensions.Options;\nnamespace Acme;\n"
            "public class CreditService(HttpClient http, IOptions<AkoolOptions> opt)\n{\n"
            "    public Task<string> A() =>\n"
            f'        http.GetStringAsync(opt.Value.BaseUrl + "{WRONG_CREDIT}");\n'
            f'    public Task<string> B() => http.GetStringAsync($"{{opt.Value.BaseUrl}}{WRONG_CREDIT}");\n'
            "}\n"
        ),
    },
    "java": {
        "AkoolProperties.java": (
            '@ConfigurationProperties(prefix = "akool")\npublic class AkoolProperties {\n'
            f'    private String baseUrl = "{B}";\n'
            "    public String getBaseUrl() { return baseUrl; }\n"
            "    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }\n}\n"
        ),
        "CreditClient.java": (
            "@Service\npublic class CreditClient {\n    private final AkoolProperties props;\n"
            "    private final RestTemplate rest = new RestTemplate();\n"
            "    public CreditClient(AkoolProperties props) { this.props = props; }\n"
            f'    public String a() {{ return rest.getForObject(props.getBaseUrl() + "{WRONG_CREDIT}", String.class); }}\n'
            f'    public String b() {{ return rest.getForObject(props.getBaseUrl() + "{WRONG_CREDIT}", String.class); }}\n'
            "}\n"
        ),
    },
    "go": {
        "config.go": (
            'package akool\n\nimport "github.com/spf13/viper"\n\nfunc Init() {\n'
            f'\tviper.SetDefault("akool.base_url", "{B}")\n}}\n'
        ),
        "credit.go": (
            'package akool\n\nimport (\n\t"net/http"\n\n\t"github.com/spf13/viper"\n)\n\n'
            "func Credit() (*http.Response, error) {\n"
            f'\treturn http.Get(viper.GetString("akool.base_url") + "{WRONG_CREDIT}")\n}}\n'
            "func Credit2() (*http.Response, error) {\n"
            '\tbase := viper.GetString("akool.base_url")\n'
            f'\treturn http.Get(base + "{WRONG_CREDIT}")\n}}\n'
        ),
    },
}
OPTIONS_FOUND = {
    "csharp": {
        ("CreditService.cs", 6, "unknown-endpoint"),
        ("CreditService.cs", 7, "unknown-endpoint"),
    },
    "java": {
        ("CreditClient.java", 6, "unknown-endpoint"),
        ("CreditClient.java", 7, "unknown-endpoint"),
    },
    "go": {("credit.go", 10, "unknown-endpoint"), ("credit.go", 14, "unknown-endpoint")},
}


def test_code_default_base_in_another_file_is_not_certain(tmp_path: Path) -> None:
    """An options class's default (C#'s initializer, a bean's getter, viper's SetDefault in another
    file) may be overridden by a config file: no path is judged against it (break21y)."""
    for language, files in OPTIONS_FILES.items():
        found = folder_places(tmp_path / language, files)
        assert not {p for p in found if p[1] in (6, 7, 10) and p[0] != "credit.go"}, language


def test_viper_default_in_the_same_file_is_the_base() -> None:
    files = OPTIONS_FILES["go"]
    text = files["credit.go"] + files["config.go"].split("\n\n", 2)[2]
    assert rules_at(text, "main.go", "unknown-endpoint") == [10, 14]


# -- a status held in a typed local and compared with a word (Java's Yoda `.equals`) ------------------

VIDEO_INFO = f"{B}/content/video/infobymodelid"
HELD_STATUS = {
    "S.java": (
        "public class S {\n    static boolean done(String id) throws Exception {\n"
        f'        var req = HttpRequest.newBuilder(URI.create("{VIDEO_INFO}?video_model_id=" + id)).build();\n'
        "        JsonNode j = om.readTree(http.send(req, BodyHandlers.ofString()).body());\n"
        '        {decl} = j.path("data").path("video_status").asText();\n'
        "        return {test};\n    }\n}\n"
    ),
    "S.cs": (
        "public class S {\n    public async Task<bool> Done(HttpClient http, string id) {\n"
        f'        var j = await http.GetFromJsonAsync<JsonElement>($"{VIDEO_INFO}?video_model_id={{id}}");\n'
        "\n"
        '        {decl} = j.GetProperty("data").GetProperty("video_status").ToString();\n'
        "        return {test};\n    }\n}\n"
    ),
}
HELD_DECLS = {
    "S.java": ["String status", "final String status"],
    "S.cs": ["string status", "String status"],
}


@pytest.mark.parametrize("name", sorted(HELD_STATUS))
@pytest.mark.parametrize(
    "test", ['"completed".equals(status)', 'status.equals("completed")', 'status == "completed"']
)
def test_status_held_in_a_typed_local_compared_with_a_word(name: str, test: str) -> None:
    if name == "S.cs":
        test = test.replace(".equals(", ".Equals(")
    for decl in HELD_DECLS[name]:
        text = HELD_STATUS[name].replace("{decl}", decl).replace("{test}", test)
        assert rules_at(text, name, "status-value") == [6], decl


@pytest.mark.parametrize("name", sorted(HELD_STATUS))
def test_status_held_in_a_typed_local_compared_with_its_digits_is_right(name: str) -> None:
    equals = ".Equals(" if name == "S.cs" else ".equals("
    for test in (f'"3"{equals}status)', f'status{equals}"3")'):
        text = HELD_STATUS[name].replace("{decl}", HELD_DECLS[name][0]).replace("{test}", test)
        assert rules_at(text, name, "status-value") == []


# -- a switch expression's arms on a status read ------------------------------------------------------

SWITCH_READS = {
    "a.cs": (
        "static class P {\n  static async Task<string> S(HttpClient http, string id) {\n"
        f'    var j = await http.GetFromJsonAsync<JsonElement>($"{VIDEO_INFO}?video_model_id={{id}}");\n'
        '    var st = j.GetProperty("data").GetProperty("video_status").GetInt32();\n'
        "    return {switch};\n  }\n}\n"
    ),
    "a.kt": (
        "fun s(client: OkHttpClient, id: String): String {\n"
        f'    val req = Request.Builder().url("{VIDEO_INFO}?video_model_id=$id").build()\n'
        "    val j = JSONObject(client.newCall(req).execute().body!!.string())\n"
        '    val st = j.getJSONObject("data").getInt("video_status")\n'
        "    return {switch}\n}\n"
    ),
    "A.java": (
        "public class A {\n    static String s(HttpClient http, ObjectMapper om, String id) throws Exception {\n"
        f'        var req = HttpRequest.newBuilder(URI.create("{VIDEO_INFO}?video_model_id=" + id)).build();\n'
        "        JsonNode j = om.readTree(http.send(req, BodyHandlers.ofString()).body());\n"
        '        int st = j.path("data").path("video_status").asInt();\n'
        "        return {switch};\n    }\n}\n"
    ),
}
# (AKOOL: 1 queueing, 2 processing, 3 completed, 4 failed; the wrong arms call 2 done, 3 failed)
SWITCHES = {
    "a.cs": ('st switch { 1 => "queued", {2} => "done", {3} => "failed", _ => "unknown" }', 5),
    "a.kt": ('when (st) { 1 -> "queued"; {2} -> "done"; {3} -> "failed"; else -> "unknown" }', 5),
    "A.java": (
        'switch (st) { case 1 -> "queued"; case {2} -> "done"; case {3} -> "failed"; default -> "?"; }',
        6,
    ),
}


@pytest.mark.parametrize("name", sorted(SWITCH_READS))
def test_switch_expression_arms_on_one_line_are_judged(name: str) -> None:
    switch, line = SWITCHES[name]
    wrong = SWITCH_READS[name].replace("{switch}", switch.replace("{2}", "2").replace("{3}", "3"))
    assert rules_at(wrong, name, "status-value") == [line, line]
    right = SWITCH_READS[name].replace("{switch}", switch.replace("{2}", "3").replace("{3}", "4"))
    assert rules_at(right, name, "status-value") == []


def test_csharp_switch_expression_over_lines_is_judged() -> None:
    switch = 'st switch\n    {\n        1 => "queued",\n        {2} => "done",\n        _ => "unknown"\n    }'
    wrong = SWITCH_READS["a.cs"].replace("{switch}", switch.replace("{2}", "2"))
    assert rules_at(wrong, "a.cs", "status-value") == [8]
    right = SWITCH_READS["a.cs"].replace("{switch}", switch.replace("{2}", "3"))
    assert rules_at(right, "a.cs", "status-value") == []


# -- a GET's whole query written in the URL a JVM request builder takes -------------------------------

VOICES = "https://openapi.akool.com/api/open/v4/voice/list?page=1&size=100"
JVM_GETS = {
    "E.java": (
        "class E { void f() throws Exception {\n"
        f'  var req = HttpRequest.newBuilder(URI.create("{VOICES}")).header("x-api-key", "k").build();\n'
        "  HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());\n} }\n"
    ),
    "U.java": (
        "class E { void f() throws Exception {\n"
        f'  var req = HttpRequest.newBuilder().uri(URI.create("{VOICES}")).GET().build();\n'
        "  HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());\n} }\n"
    ),
    "j.kt": (
        f'val req = okhttp3.Request.Builder().url("{VOICES}").header("x-api-key", key).build()\n'
        "val r = client.newCall(req).execute()\n"
    ),
    "R.java": (
        "class R { String f(RestTemplate rest) {\n"
        f'  return rest.getForObject("{VOICES}", String.class);\n}} }}\n'
    ),
}


@pytest.mark.parametrize("name", sorted(JVM_GETS))
def test_jvm_builder_get_with_its_whole_query_in_the_url_lacks_required_field(name: str) -> None:
    line = 1 if name == "j.kt" else 2
    assert rules_at(JVM_GETS[name], name, "missing-field") == [line]
    given = JVM_GETS[name].replace("page=1&", "type=1&page=1&")
    assert rules_at(given, name, "missing-field") == []


# -- declared clients' body parameters: Refit's [Body], Spring's and Feign's @RequestBody -------------

TALK_TYPE = {
    "cs": (
        "public class TalkRequest\n{\n"
        '    [JsonPropertyName("talking_photo_url")] public string TalkingPhotoUrl { get; set; }\n'
        '    [JsonPropertyName("resolution")] public string Resolution { get; set; }\n}\n'
    ),
    "java": (
        "class TalkRequest {\n"
        '    @JsonProperty("talking_photo_url") public String talkingPhotoUrl;\n'
        '    @JsonProperty("resolution") public String resolution;\n}\n'
    ),
}
DECLARED_TALK = {
    "A.cs": TALK_TYPE["cs"]
    + "public interface IAkool\n{\n"
    + '    [Post("/api/open/v3/content/video/createbytalkingphoto")]\n'
    + "    Task<string> Talk([Body] TalkRequest body);\n}\n",
    "A.java": TALK_TYPE["java"]
    + f'@FeignClient(name = "akool", url = "{B}")\ninterface AkoolClient {{\n'
    + '    @PostMapping("/content/video/createbytalkingphoto")\n'
    + "    String talk(@RequestBody TalkRequest body);\n}\n",
}


@pytest.mark.parametrize("name", sorted(DECLARED_TALK))
def test_declared_client_body_type_lacks_required_field(name: str) -> None:
    text = DECLARED_TALK[name]
    # (at the C# type's name; at the Java type's first member, the body's first key)
    assert rules_at(text, name, "missing-field") == [1 if name == "A.cs" else 2]
    member = (
        '    [JsonPropertyName("audio_url")] public string AudioUrl { get; set; }\n'
        if name == "A.cs"
        else '    @JsonProperty("audio_url") public String audioUrl;\n'
    )
    given = text.replace(
        '    [JsonPropertyName("resolution")]', member + '    [JsonPropertyName("resolution")]'
    )
    given = given.replace(
        '    @JsonProperty("resolution")', member + '    @JsonProperty("resolution")'
    )
    assert rules_at(given, name, "missing-field") == []


DECLARED_MAP = {
    "M.cs": (
        "public interface IAkool\n{\n"
        '    [Post("/api/open/v3/content/image/createbyprompt")]\n'
        "    Task<string> Image([Body] Dictionary<string, object> body);\n}\n"
        "public class Use\n{\n    public async Task Go(IAkool api)\n    {\n"
        '        await api.Image(new Dictionary<string, object> { ["prompt"] = "x", ["scale"] = "{scale}" });\n'
        "    }\n}\n",
        10,
    ),
    "M.java": (
        f'@FeignClient(name = "akool", url = "{B}")\ninterface AkoolClient {{\n'
        '    @PostMapping("/content/image/createbyprompt")\n'
        "    Map<String, Object> image(@RequestBody Map<String, Object> body);\n}\n"
        "class Use {\n    Map<String, Object> go(AkoolClient c) {\n"
        '        return c.image(Map.of("prompt", "a cat", "scale", "{scale}"));\n    }\n}\n',
        8,
    ),
    "P.java": (
        f'@FeignClient(name = "akool", url = "{B}")\ninterface AkoolClient {{\n'
        '    @PostMapping("/content/image/createbyprompt")\n'
        "    Map<String, Object> image(@RequestBody Map<String, Object> body);\n}\n"
        "class Use {\n    Map<String, Object> go(AkoolClient c) {\n"
        "        Map<String, Object> body = new HashMap<>();\n"
        '        body.put("prompt", "a cat");\n        body.put("scale", "{scale}");\n'
        "        return c.image(body);\n    }\n}\n",
        10,
    ),
}


@pytest.mark.parametrize("name", sorted(DECLARED_MAP))
def test_declared_client_map_body_built_at_the_caller_is_judged(name: str) -> None:
    text, line = DECLARED_MAP[name]
    assert rules_at(text.replace("{scale}", "2:5"), name, "bad-value") == [line]
    assert rules_at(text.replace("{scale}", "1:1"), name, "bad-value") == []


# -- Vert.x's parsed answer read through its JsonObject getters ---------------------------------------

CREDIT = f"{B}/faceswap/quota/info"
VERTX_READS = [
    '                JsonObject data = res.bodyAsJsonObject().getJsonObject("data");\n'
    '                double c = data.getDouble("{read}");\n',
]


@pytest.mark.parametrize("read", VERTX_READS)
def test_vertx_answer_read_through_json_object_getters(read: str) -> None:
    text = (
        "class Vx {\n    void go(WebClient client) {\n"
        f'        client.getAbs("{CREDIT}")\n            .send()\n'
        "            .onSuccess(res -> {\n" + read + "            });\n    }\n}\n"
    )
    line = text.count("\n", 0, text.index("{read}")) + 1
    assert rules_at(text.replace("{read}", "credits"), "Vx.java", "response-field") == [line]
    assert rules_at(text.replace("{read}", "credit"), "Vx.java", "response-field") == []


# -- Kotlin's copy of a data class instance sent as a body --------------------------------------------

KOTLIN_COPY = (
    '@Serializable\ndata class ImageReq(val prompt: String, val scale: String = "1:1")\n\n'
    "suspend fun go(client: HttpClient) {\n"
    '    val base = ImageReq(prompt = "a cat")\n'
    '    val req = base.copy(scale = "{scale}")\n'
    f'    client.post("{B}/content/image/createbyprompt") {{\n'
    "        contentType(ContentType.Application.Json)\n        setBody(req)\n    }\n}\n"
)


@pytest.mark.parametrize("held", ["base", "DEFAULTS"])
def test_kotlin_copy_of_a_data_class_instance_is_the_body(held: str) -> None:
    text = KOTLIN_COPY.replace("base", held)
    assert rules_at(text.replace("{scale}", "2:5"), "a.kt", "bad-value") == [6]
    assert rules_at(text.replace("{scale}", "4:3"), "a.kt", "bad-value") == []
