"""Session 32, recall32b: JVM, .NET, Go and PowerShell shapes the blind testers' code routes
AKOOL's data through (constants of a routes class, a Go answer named `in`, flag defaults,
PowerShell's top-level answers, request objects), each with a correct twin that stays silent."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text
from tests.test_audit_recall31g import INFO, B, errors, rules_at

CREDIT = f"{B}/faceswap/quota/info"


# -- a URL held in a constant of a routes class, read through the class's name -------------------

ROUTES = {
    "Routes.cs": (
        "public static class AkoolRoutes\n{\n"
        f'    public const string Base = "{B}";\n'
        '    public const string Credit = Base + "/faceswap/quota/info";\n}\n'
        "public class C(HttpClient http)\n{\n    public async Task<double> Left()\n    {\n"
        "        var j = await http.GetFromJsonAsync<JsonElement>(AkoolRoutes.Credit);\n"
        '        return j.GetProperty("data").GetProperty("{read}").GetDouble();\n    }\n}\n',
        11,
    ),
    "Routes.java": (
        "final class Routes {\n"
        f'    static final String CREDIT = "{CREDIT}";\n}}\n'
        "class E {\n    double credit(HttpClient http, ObjectMapper om) throws Exception {\n"
        "        var req = HttpRequest.newBuilder(URI.create(Routes.CREDIT)).build();\n"
        "        JsonNode root = om.readTree(http.send(req, BodyHandlers.ofString()).body());\n"
        '        return root.path("data").path("{read}").asDouble();\n    }\n}\n',
        8,
    ),
    "Routes.kt": (
        "class Api {\n    companion object {\n"
        f'        const val CREDIT = "{CREDIT}"\n    }}\n}}\n\n'
        "fun credit(client: OkHttpClient): Double {\n"
        "    val req = Request.Builder().url(Api.CREDIT).build()\n"
        "    client.newCall(req).execute().use { resp ->\n"
        "        val j = JSONObject(resp.body!!.string())\n"
        '        return j.getJSONObject("data").getDouble("{read}")\n    }\n}\n',
        11,
    ),
    "routes.ts": (
        "export class Routes {\n"
        f'  static readonly CREDIT = "{CREDIT}";\n}}\n'
        "export async function credit() {\n"
        '  const r = await fetch(Routes.CREDIT, { headers: { "x-api-key": "k" } });\n'
        "  const j = await r.json();\n  return j.data.{read};\n}\n",
        7,
    ),
    "routes.py": (
        "import requests\n\n\nclass Routes:\n"
        f'    CREDIT = "{CREDIT}"\n\n\n'
        "def credit():\n"
        '    r = requests.get(Routes.CREDIT, headers={"x-api-key": "k"})\n'
        '    return r.json()["data"]["{read}"]\n',
        10,
    ),
}


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_a_routes_class_constant_ties_the_answer_read_after_its_call(name: str) -> None:
    text, line = ROUTES[name]
    assert rules_at(text.replace("{read}", "credits"), name, "response-field") == [line]
    assert errors(text.replace("{read}", "credit"), name) == []


def test_a_method_local_is_no_class_constant() -> None:
    # (a name bound in a method is read through no type's name: nothing new is tied)
    text = (
        "class E {\n    double credit(HttpClient http) throws Exception {\n"
        f'        String url = "{CREDIT}";\n'
        "        var req = HttpRequest.newBuilder(URI.create(E.url)).build();\n"
        "        JsonNode root = om.readTree(http.send(req, BodyHandlers.ofString()).body());\n"
        '        return root.path("data").path("credits").asDouble();\n    }\n}\n'
    )
    from akool_cli.audit import classconstants

    lines = text.splitlines()
    assert classconstants.qualified(lines, 2, ("url",), f'"{CREDIT}";') == []
    lines_const = ROUTES["Routes.java"][0].splitlines()
    assert classconstants.qualified(lines_const, 1, ("CREDIT",), f'"{CREDIT}";') == [
        "Routes.CREDIT"
    ]


# -- Go: a decoded answer named `in` (no keyword in Go) ------------------------------------------

GO_POLL = (
    "package worker\n\n"
    'import (\n\t"encoding/json"\n\t"net/http"\n)\n\n'
    "type info struct {\n\tData struct {\n"
    '\t\tVideoStatus int    `json:"video_status"`\n'
    '\t\tVideo       string `json:"video"`\n'
    '\t} `json:"data"`\n}\n\n'
    "func Wait(id string) (string, error) {\n"
    f'\treq, _ := http.NewRequest("GET", "{INFO}?video_model_id="+id, nil)\n'
    "\tres, err := http.DefaultClient.Do(req)\n"
    '\tif err != nil {\n\t\treturn "", err\n\t}\n'
    "\tvar NAME info\n"
    "\tjson.NewDecoder(res.Body).Decode(&NAME)\n"
    "\tif NAME.Data.VideoStatus == VALUE {\n"
    "\t\treturn NAME.Data.Video, nil\n\t}\n"
    '\treturn "", nil\n}\n'
)


@pytest.mark.parametrize("name", ["in", "out"])
def test_a_go_answer_named_in_opens_its_success_branch(name: str) -> None:
    text = GO_POLL.replace("NAME", name)
    assert rules_at(text.replace("VALUE", "2"), "poll.go", "status-value") == [23]
    assert errors(text.replace("VALUE", "3"), "poll.go") == []


def test_a_java_stream_named_in_too() -> None:
    text = (
        "class W {\n    String wait(HttpClient http, ObjectMapper om, String id) throws Exception {\n"
        f'        var req = HttpRequest.newBuilder(URI.create("{INFO}?video_model_id=" + id)).build();\n'
        "        JsonNode in = om.readTree(http.send(req, BodyHandlers.ofString()).body());\n"
        '        if (in.path("data").path("video_status").asInt() == 2) {\n'
        '            return in.path("data").path("video").asText();\n        }\n'
        "        return null;\n    }\n}\n"
    )
    assert rules_at(text, "W.java", "status-value") == [5]


# -- PowerShell: Invoke-RestMethod's parsed answer, its envelope's code and a switch's cases -----

PS_CODE = (
    '$headers = @{ "x-api-key" = $env:AKOOL_API_KEY }\n'
    f'$r = Invoke-RestMethod -Uri "{CREDIT}" -Headers $headers\n'
    "if ($r.code -eq CODE) { Write-Host $r.data.credit }\n"
)


def test_a_powershell_answer_s_code_is_judged() -> None:
    assert rules_at(PS_CODE.replace("CODE", "0"), "c.ps1", "status-value") == [3]
    assert errors(PS_CODE.replace("CODE", "1000"), "c.ps1") == []
    one_line = PS_CODE.replace("\nif", "; if").replace("CODE", "0")  # (`$r = irm ...; if (...)`)
    assert rules_at(one_line, "c.ps1", "status-value") == [2]


def test_a_web_request_s_response_is_no_parsed_answer() -> None:
    # (Invoke-WebRequest gives a response: its `.code` is nothing of AKOOL's envelope)
    text = PS_CODE.replace("Invoke-RestMethod", "Invoke-WebRequest").replace("CODE", "0")
    assert rules_at(text, "c.ps1", "status-value") == []


PS_SWITCH = (
    '$headers = @{ "x-api-key" = $env:AKOOL_API_KEY }\n'
    f'$r = Invoke-RestMethod -Uri "{INFO}?video_model_id=abc" -Headers $headers\n'
    "switch ($r.data.video_status) {\n"
    '    DONE { Write-Host "done"; $r.data.video }\n'
    '    4 { throw "failed" }\n}\n'
)


def test_a_powershell_switch_s_cases_are_judged() -> None:
    assert rules_at(PS_SWITCH.replace("DONE", "2"), "w.ps1", "status-value") == [4]
    assert errors(PS_SWITCH.replace("DONE", "3"), "w.ps1") == []


# -- Go: a flag's default as a field's value (flag, pflag, cobra) --------------------------------

GO_FLAG = (
    "package main\n\n"
    'import (\n\t"bytes"\n\t"encoding/json"\n\t"flag"\n\t"net/http"\n)\n\n'
    "func main() {\n"
    "\tDECLARE\n"
    "\tflag.Parse()\n"
    "\tbody, _ := json.Marshal(map[string]any{\n"
    '\t\t"talking_photo_url": "https://x/a.png",\n'
    '\t\t"audio_url":         "https://x/a.mp3",\n'
    '\t\t"resolution":        VALUE,\n\t})\n'
    f'\treq, _ := http.NewRequest("POST", "{B}/content/video/createbytalkingphoto", '
    "bytes.NewReader(body))\n"
    "\thttp.DefaultClient.Do(req)\n}\n"
)
FLAGS = {
    "StringVar": ('var res string\n\tflag.StringVar(&res, "resolution", "R", "usage")', "res"),
    "cobra VarP": (
        'var res string\n\tcmd := &cobra.Command{Use: "talk"}\n'
        '\tcmd.Flags().StringVarP(&res, "resolution", "r", "R", "usage")',
        "res",
    ),
    "cobra P": (
        'cmd := &cobra.Command{Use: "talk"}\n'
        '\tres := cmd.Flags().StringP("resolution", "r", "R", "usage")',
        "*res",
    ),
    "persistent": (
        'cmd := &cobra.Command{Use: "talk"}\n'
        '\tres := cmd.PersistentFlags().String("resolution", "R", "usage")',
        "*res",
    ),
    "flag.String": ('res := flag.String("resolution", "R", "usage")', "*res"),
}


@pytest.mark.parametrize("kind", sorted(FLAGS))
def test_a_go_flag_s_default_is_the_field_s_value(kind: str) -> None:
    declare, value = FLAGS[kind]
    text = GO_FLAG.replace("DECLARE", declare).replace("VALUE", value)
    line = 1 + text[: text.index('"R"')].count("\n")
    assert rules_at(text.replace('"R"', '"720p"'), "main.go", "bad-value") == [line]
    # (the flag's name and its one-letter shorthand are no values; a documented default is silent)
    assert errors(text.replace('"R"', '"1080"'), "main.go") == []


# -- JVM: a lambda chained after the link that makes the request is given its response ----------

PLAY = (
    "public class RenderController extends Controller {\n"
    f'    private static final String INFO = "{INFO}";\n'
    "    private final WSClient ws;\n\n"
    "    public CompletionStage<Result> show(String id) {\n"
    "        return ws.url(INFO)\n"
    '                .addQueryParameter("video_model_id", id)\n'
    "                .get()\n"
    "                .thenApply(r -> {\n"
    "                    JsonNode json = r.asJson();\n"
    '                    return ok(json.get("data").get("READ").asText());\n'
    "                });\n    }\n}\n"
)
CHAINS = {
    "Play.java": (PLAY, 11),
    "PlayInline.java": (
        "public class W {\n    public CompletionStage<String> show(WSClient ws, String id) {\n"
        f'        return ws.url("{INFO}")\n'
        '                .addQueryParameter("video_model_id", id)\n'
        "                .get()\n"
        '                .thenApply(r -> r.asJson().get("data").get("READ").asText());\n'
        "    }\n}\n",
        6,
    ),
    "SendAsync.java": (
        "public class H {\n"
        "    public CompletableFuture<String> show(HttpClient http, String id) {\n"
        f'        var req = HttpRequest.newBuilder(URI.create("{INFO}?video_model_id=" + id)).build();\n'
        "        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString())\n"
        '                .thenApply(r -> new JSONObject(r.body()).getJSONObject("data")'
        '.getString("READ"));\n    }\n}\n',
        5,
    ),
    "Reactive.java": (
        "public class S {\n    public Mono<String> show(WebClient web, String id) {\n"
        f'        return web.get().uri("{INFO}?video_model_id=" + id)\n'
        "                .retrieve()\n"
        "                .bodyToMono(JsonNode.class)\n"
        '                .map(j -> j.path("data").path("READ").asText());\n    }\n}\n',
        6,
    ),
}


@pytest.mark.parametrize("name", sorted(CHAINS))
def test_a_jvm_chain_s_lambda_after_the_request_reads_its_answer(name: str) -> None:
    text, line = CHAINS[name]
    assert rules_at(text.replace("READ", "video_url"), name, "response-field") == [line]
    assert errors(text.replace("READ", "video"), name) == []


def test_a_lambda_after_another_host_s_request_reads_no_akool_answer() -> None:
    text = CHAINS["PlayInline.java"][0].replace("openapi.akool.com", "api.example.com")
    assert errors(text.replace("READ", "video_url"), "Other.java") == []


# -- Go: go-resty's query setters on the request's own chain ------------------------------------

RESTY = {
    "one line": (
        '\tr.R().SetQueryParam("KEY", ids).Get("/faceswap/result/listbyids")\n',
        7,
    ),
    "a map": (
        '\tr.R().SetQueryParams(map[string]string{"KEY": ids}).Get("/faceswap/result/listbyids")\n',
        7,
    ),
    "gofmt chain": (
        "\tresp, err := r.R().\n"
        '\t\tSetHeader("Accept", "application/json").\n'
        '\t\tSetQueryParam("KEY", ids).\n'
        '\t\tGet("/faceswap/result/listbyids")\n'
        "\t_, _ = resp, err\n",
        9,
    ),
}


@pytest.mark.parametrize("shape", sorted(RESTY))
def test_a_resty_query_setter_gives_the_request_its_query(shape: str) -> None:
    call, line = RESTY[shape]
    text = (
        'package c\n\nimport "github.com/go-resty/resty/v2"\n\n'
        "func f(ids string) {\n"
        f'\tr := resty.New().SetBaseURL("{B}")\n' + call + "}\n"
    )
    assert rules_at(text.replace("KEY", "ids"), "c.go", "misnamed-field") == [line]
    assert errors(text.replace("KEY", "_ids"), "c.go") == []


# -- a convenience constructor giving the full one AKOOL's base (`this(key, DEFAULT_BASE)`) ------

JAVA_CLIENT = (
    "public final class AkoolClient {\n"
    f'    public static final String DEFAULT_BASE = "{B}";\n'
    "    private final String base;\n"
    "    private final HttpClient http = HttpClient.newHttpClient();\n\n"
    "    public AkoolClient(String apiKey) { this(apiKey, DEFAULT_BASE); }\n\n"
    "    public AkoolClient(String apiKey, String base) {\n"
    "        this.base = base;\n    }\n\n"
    "    private String post(String path, Map<String, Object> body) throws Exception {\n"
    "        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))\n"
    "                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))).build();\n"
    "        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();\n    }\n\n"
    "    public String reage(String image) throws Exception {\n"
    '        return post("/faceswap/highquality/imgreage", Map.of("targetImage", image,\n'
    '                "face_reage", AGE, "modifyImage", image));\n    }\n}\n'
)
CS_CLIENT = (
    "public sealed class AkoolClient\n{\n"
    f'    public const string DefaultBase = "{B}";\n'
    "    private readonly string _base;\n"
    "    private readonly HttpClient _http = new();\n\n"
    "    public AkoolClient(string key) : this(key, DefaultBase) { }\n\n"
    "    public AkoolClient(string key, string baseUrl)\n    {\n"
    "        _base = baseUrl;\n    }\n\n"
    "    private async Task<HttpResponseMessage> Post(string path, object body)\n    {\n"
    "        return await _http.PostAsJsonAsync(_base + path, body);\n    }\n\n"
    "    public Task<HttpResponseMessage> Reage(string image) =>\n"
    '        Post("/faceswap/highquality/imgreage", new { modifyImage = image, face_reage = AGE });\n'
    "}\n"
)


@pytest.mark.parametrize(("name", "text"), [("AkoolClient.java", JAVA_CLIENT), ("C.cs", CS_CLIENT)])
def test_a_convenience_constructor_s_base_reaches_the_helper(name: str, text: str) -> None:
    line = 1 + text[: text.index("AGE")].count("\n")
    assert rules_at(text.replace("AGE", "45"), name, "bad-value") == [line]
    assert errors(text.replace("AGE", "20"), name) == []


# -- an enum whose members carry their number (`DONE(3)`), read as `VideoStatus.DONE.code` -------

JAVA_ENUM = (
    "enum VideoStatus {\n    QUEUED(1), PROCESSING(2), DONE(N), FAILED(4);\n\n"
    "    final int code;\n\n    VideoStatus(int code) { this.code = code; }\n}\n\n"
    "class Poller {\n"
    "    String poll(HttpClient http, ObjectMapper om, String id) throws Exception {\n"
    f'        var req = HttpRequest.newBuilder(URI.create("{INFO}?video_model_id=" + id)).build();\n'
    "        JsonNode root = om.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());\n"
    '        if (root.path("data").path("video_status").asInt() == VideoStatus.DONE.code) {\n'
    '            return root.path("data").path("video").asText();\n        }\n'
    "        return null;\n    }\n}\n"
)
KOTLIN_ENUM = (
    "enum class VideoStatus(val code: Int) { QUEUED(1), PROCESSING(2), DONE(N), FAILED(4) }\n\n"
    "fun poll(client: OkHttpClient, id: String): String? {\n"
    f'    val req = Request.Builder().url("{INFO}?video_model_id=$id").build()\n'
    "    client.newCall(req).execute().use { resp ->\n"
    "        val j = JSONObject(resp.body!!.string())\n"
    '        if (j.getJSONObject("data").getInt("video_status") == VideoStatus.DONE.code) {\n'
    '            return j.getJSONObject("data").getString("video")\n        }\n    }\n'
    "    return null\n}\n"
)


@pytest.mark.parametrize(("name", "text"), [("Poller.java", JAVA_ENUM), ("Poll.kt", KOTLIN_ENUM)])
def test_an_enum_member_s_constructor_number_is_its_value(name: str, text: str) -> None:
    line = 1 + text[: text.index("VideoStatus.DONE.code")].count("\n")
    assert rules_at(text.replace("(N)", "(2)"), name, "status-value") == [line]
    assert errors(text.replace("(N)", "(3)"), name) == []


# -- a number converted to a string where the docs give an integer ------------------------------

REAGE = f"{B}/faceswap/highquality/imgreage"
CONVERTED = {
    "R.java": (
        "class Reage {\n    Object go(RestTemplate rest) {\n"
        "        Map<String, Object> body = new HashMap<>();\n"
        '        body.put("targetImage", new Object[]{Map.of("path", "u", "opts", "")});\n'
        '        body.put("face_reage", VALUE);\n'
        '        body.put("modifyImage", "u");\n'
        f'        return rest.postForObject("{REAGE}", body, Map.class);\n    }}\n}}\n',
        "String.valueOf(10)",
    ),
    "r.go": (
        'package main\n\nimport (\n\t"bytes"\n\t"encoding/json"\n\t"net/http"\n\t"strconv"\n)\n\n'
        "func main() {\n\tb, _ := json.Marshal(map[string]any{\n"
        '\t\t"targetImage": []map[string]string{{"path": "u", "opts": ""}},\n'
        '\t\t"face_reage":  VALUE,\n\t\t"modifyImage": "u",\n\t})\n'
        f'\thttp.Post("{REAGE}", "application/json", bytes.NewReader(b))\n}}\n',
        "strconv.Itoa(10)",
    ),
    "r.py": (
        "import requests\n\n"
        f'requests.post("{REAGE}", json={{"targetImage": [{{"path": "u", "opts": ""}}],\n'
        '    "face_reage": VALUE, "modifyImage": "u"})\n',
        "str(10)",
    ),
}


@pytest.mark.parametrize("name", sorted(CONVERTED))
def test_a_number_converted_to_a_string_is_reported_where_the_docs_give_an_integer(
    name: str,
) -> None:
    text, converted = CONVERTED[name]
    line = 1 + text[: text.index("VALUE")].count("\n")
    found = [f for f in audit_text(text.replace("VALUE", converted), name) if f.rule == "bad-value"]
    assert [(f.line, f.fix) for f in found] == [(line, None)]  # (no patch: the code converts)
    assert errors(text.replace("VALUE", "10"), name) == []


# -- a request type sent whole lacks a field the docs require ------------------------------------

TALK = f"{B}/content/video/createbytalkingphoto"
DTO = (
    "using System.Net.Http.Json;\nusing System.Text.Json.Serialization;\n\n"
    "public sealed class TalkRequest HEAD\n{\n"
    '    [JsonPropertyName("talking_photo_url")] public string PhotoUrl { get; set; } = "";\n'
    "MEMBER"
    '    [JsonPropertyName("resolution")] public string Resolution { get; set; } = "720";\n}\n\n'
    "public static class Talk\n{\n"
    "    public static Task<HttpResponseMessage> Send(HttpClient http, TalkRequest dto) =>\n"
    "        SENT;\n}\n"
)
AUDIO = '    [JsonPropertyName("audio_url")] public string AudioUrl { get; set; } = "";\n'


@pytest.mark.parametrize(
    "sent",
    [f'http.PostAsJsonAsync("{TALK}", dto)', f'http.PostAsync("{TALK}", JsonContent.Create(dto))'],
)
def test_a_request_type_sent_whole_lacks_a_required_field(sent: str) -> None:
    text = DTO.replace("SENT", sent).replace("HEAD", "")
    assert rules_at(text.replace("MEMBER", ""), "Talk.cs", "missing-field") == [4]
    assert errors(text.replace("MEMBER", AUDIO), "Talk.cs") == []


def test_a_request_type_that_extends_another_may_get_the_field_from_it() -> None:
    text = DTO.replace("SENT", f'http.PostAsJsonAsync("{TALK}", dto)').replace("MEMBER", "")
    assert errors(text.replace("HEAD", ": MediaRequest"), "Talk.cs") == []


# -- a command-line flag's boolean sent where the docs give an integer (v3 face_enhance: 0 or 1) --

SWAP = f"{B}/faceswap/highquality/specifyimage"
FLAGGED = {
    "argparse.py": (
        "import argparse, requests\np = argparse.ArgumentParser()\n"
        'p.add_argument("--enhance", action="store_true")\na = p.parse_args()\n'
        f'requests.post("{SWAP}", json={{"sourceImage": [], "targetImage": [], "modifyImage": "z",\n'
        '    "face_enhance": VALUE})\n',
        "a.enhance",
    ),
    "click.py": (
        "import click, requests\n\n@click.command()\n"
        '@click.option("--enhance", is_flag=True)\ndef main(enhance):\n'
        f'    requests.post("{SWAP}", json={{"sourceImage": [], "targetImage": [], "modifyImage": "z",\n'
        '        "face_enhance": VALUE})\n',
        "enhance",
    ),
}


@pytest.mark.parametrize("name", sorted(FLAGGED))
def test_a_boolean_flag_sent_as_an_integer_field(name: str) -> None:
    text, sent = FLAGGED[name]
    line = 1 + text[: text.index("VALUE")].count("\n")
    assert rules_at(text.replace("VALUE", sent), name, "bad-value") == [line]
    assert errors(text.replace("VALUE", f"int({sent})"), name) == []


def test_a_flag_bound_again_before_it_is_sent_is_not_its_boolean() -> None:
    text, _ = FLAGGED["click.py"]
    text = text.replace("    requests", "    enhance = 1 if enhance else 0\n    requests", 1)
    assert errors(text.replace("VALUE", "enhance"), "click.py") == []


# -- a GET's whole query in its URL literal, sent by Go's NewRequest or C#'s GetStringAsync -------

VOICES = "https://openapi.akool.com/api/open/v4/voice/list?page=1&size=100"
LITERAL_GETS = {
    "v.go": (
        'package main\n\nimport "net/http"\n\nfunc main() {\n'
        f'\treq, _ := http.NewRequest(METHOD, "{VOICES}", nil)\n'
        '\treq.Header.Set("x-api-key", "k")\n\thttp.DefaultClient.Do(req)\n}\n'
    ),
    "ctx.go": (
        'package main\n\nimport "net/http"\n\nfunc main() {\n'
        f'\treq, _ := http.NewRequestWithContext(ctx, METHOD, "{VOICES}", nil)\n'
        "\thttp.DefaultClient.Do(req)\n}\n"
    ),
    "v.cs": f'var http = new HttpClient();\n\n\nvar s = await http.GetStringAsync("{VOICES}");\n',
}


@pytest.mark.parametrize("name", sorted(LITERAL_GETS))
def test_a_literal_url_s_query_lacks_a_required_field(name: str) -> None:
    text = LITERAL_GETS[name].replace("METHOD", "http.MethodGet")
    assert rules_at(text, name, "missing-field") == [text[: text.index(VOICES)].count("\n") + 1]
    assert errors(text.replace("size=100", "size=100&type=1"), name) == []


def test_a_go_query_set_apart_may_hold_the_field() -> None:
    text = LITERAL_GETS["v.go"].replace("METHOD", '"GET"')
    text = text.replace(
        "\treq.Header", "\tq := req.URL.Query()\n\treq.URL.RawQuery = q.Encode()\n\treq.Header"
    )
    assert errors(text, "v.go") == []
