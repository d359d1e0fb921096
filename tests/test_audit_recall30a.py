"""`akool audit` on session eighteen's recall30a shapes: JVM, .NET, PHP and Ruby code that reads
AKOOL's answer through a held node, takes its base from config, or sends both auth headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import audit, audit_text

VIDEO_INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id="


def judged(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name))


def _scan(folder: Path, files: dict[str, str]) -> set[tuple[str, int, str]]:
    """The findings (file name, line, rule) of a folder holding `files` (name: text)."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return {(Path(f.file).name, f.line, f.rule) for f in audit([folder]).findings}


# -- csharp-jsonelement-held-in-variable-read-missed, java-jsonnode-held-in-variable-read-missed --


JACKSON_HELD = """\
class A {
    static boolean done(String id) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("URL" + id)).build(), ofString());
        JsonNode root = new ObjectMapper().readTree(res.body());
        JsonNode job = root.HOW("data");
        int status = job.HOW("status").asInt();
        return status == 3 && !job.HOW("video").asText().isEmpty();
    }
}
"""


def test_a_jackson_node_held_in_a_variable_is_read_under_data() -> None:
    # root.path("data") / root.get("data") held in `job`: job.path("status") reads data.status
    for how in ("path", "get"):
        text = JACKSON_HELD.replace("URL", VIDEO_INFO).replace("HOW", how)
        assert judged(text, "A.java") == [(6, "response-field")], how


def test_org_json_and_kotlin_held_data_objects_are_read_under_data() -> None:
    java = f"""\
class O {{
    static String done(String id) throws Exception {{
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("{VIDEO_INFO}" + id)).build(), ofString());
        JSONObject obj = new JSONObject(res.body());
        JSONObject job = obj.getJSONObject("data");
        JSONObject j2 = obj.optJSONObject("data");
        String u = job.getString("video_url");
        return u + j2.optString("video");
    }}
}}
"""
    assert judged(java, "O.java") == [(7, "response-field")]
    kotlin = f"""\
fun done(client: OkHttpClient, id: String): Boolean {{
    val res = client.newCall(Request.Builder().url("{VIDEO_INFO}$id").build()).execute()
    val root = ObjectMapper().readTree(res.body!!.string())
    val job = root.path("data")
    val st = job.path("status").asInt()
    return st == 3
}}
"""
    assert judged(kotlin, "K.kt") == [(5, "response-field")]


def test_a_json_element_held_in_a_variable_is_read_under_data() -> None:
    # System.Text.Json: doc.RootElement.GetProperty("data") held in `d2`, then d2.GetProperty(...)
    text = f"""\
using System.Text.Json;
var http = new HttpClient();
var s = await http.GetStringAsync($"{VIDEO_INFO}{{id}}");
using var jd = JsonDocument.Parse(s);
var d2 = jd.RootElement.GetProperty("data");
var st = d2.GetProperty("status").GetInt32();
Console.WriteLine(d2.GetProperty("video").GetString());
"""
    assert judged(text, "Poll.cs") == [(6, "response-field")]


# -- java-jackson-chained-path-get-answer-read-missed ------------------------------------------

QUOTA = "https://openapi.akool.com/api/open/v3/faceswap/quota/info"


def test_a_read_chained_on_the_parse_of_a_sent_request_is_the_requests() -> None:
    # readTree(http.send(req, ...).body()).path("data").path("credits"): req holds the URL (the
    # client `http` holds nothing of it); OkHttp's newCall(req).execute() the same
    text = f"""\
class A {{
    double f(HttpClient http) throws Exception {{
        HttpRequest req = HttpRequest.newBuilder(URI.create("{QUOTA}")).GET().build();
        return M.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body()).get("data").get("credits").asDouble();
    }}
    double g(OkHttpClient client) throws Exception {{
        Request request = new Request.Builder().url("{QUOTA}").build();
        return M.readTree(client.newCall(request).execute().body().string()).path("data").path("credits").asDouble();
    }}
}}
"""
    assert judged(text, "A.java") == [(4, "response-field"), (8, "response-field")]


# -- laravel-baseurl-mid-chain-from-config-missed ----------------------------------------------


def test_a_laravel_config_base_given_mid_chain_is_joined(tmp_path: Path) -> None:
    # Http::withHeaders([...])->baseUrl(config('services.akool.url'))->post('/content/...')
    config = (
        "<?php\nreturn [\n    'akool' => [\n"
        "        'url' => env('AKOOL_URL', 'https://openapi.akool.com/api/open/v3'),\n    ],\n];\n"
    )
    service = (
        "<?php\n$r = Http::withHeaders(['x-api-key' => $k])\n"
        "    ->baseUrl(config('services.akool.url'))\n"
        "    ->post('/content/video/createbytalkingphoto', ['resolution' => '1080p']);\n"
    )
    found = _scan(tmp_path, {"config/services.php": config, "S.php": service})
    assert ("S.php", 4, "bad-value") in found


# -- ruby-interpolated-scoped-constant-base-missed ---------------------------------------------


def test_a_ruby_scoped_constant_interpolated_is_the_base() -> None:
    # "#{Akool::BASE}/content/..." joins the module's constant, as `Akool::BASE + "/..."` does
    text = """\
require "httparty"
module Akool
  BASE = "https://openapi.akool.com/api/open/v3".freeze
end
HTTParty.get("#{Akool::BASE}/content/image/infobymodelid?image_model_id=1").parsed_response.dig("data", "image_url")
"""
    assert judged(text, "same_file.rb") == [(5, "response-field")]


# -- java-micronaut-quarkus-declarative-clients-not-read (a false unknown-endpoint) -------------


def test_a_micronaut_uri_templates_query_expansion_is_no_part_of_the_path() -> None:
    # @Get("/content/video/infobymodelid{?video_model_id}"): RFC 6570's {?a,b} is the query
    text = """\
@Client("https://openapi.akool.com/api/open/v3")
public interface Api {
    @Get("/content/video/infobymodelid{?video_model_id}")
    Map<String, Object> info(String video_model_id);

    @Get("/content/video/status{?id}")
    Map<String, Object> status(String id);
}
"""
    assert judged(text, "Api.java") == [(6, "unknown-endpoint")]


# -- config-file-base-appsettings-viper-not-read -----------------------------------------------


SETTINGS = '{"Akool": {"BaseUrl": "BASE", "ApiKey": ""}}\n'
SETTINGS_READER = """\
public class T {
    public T(HttpClient http, IConfiguration config) {
        _http = http; _http.BaseAddress = new Uri(config["Akool:BaseUrl"]!);
    }
    public Task<HttpResponseMessage> C(string p) =>
        _http.PostAsJsonAsync("content/video/createbytalkingphoto", new { resolution = "hd" });
}
"""


def test_an_appsettings_base_given_to_base_address_is_joined(tmp_path: Path) -> None:
    settings = SETTINGS.replace("BASE", "https://openapi.akool.com/api/open/v3/")
    found = _scan(tmp_path, {"appsettings.json": settings, "T.cs": SETTINGS_READER})
    assert ("T.cs", 6, "bad-value") in found


def test_an_appsettings_base_elsewhere_is_not_akools(tmp_path: Path) -> None:
    settings = SETTINGS.replace("BASE", "https://proxy.example.com/akool/")
    assert _scan(tmp_path, {"appsettings.json": settings, "T.cs": SETTINGS_READER}) == set()


def test_a_viper_read_joined_in_place_is_the_config_files_base(tmp_path: Path) -> None:
    go = (
        "package main\n"
        'func main() {\n\tb, _ := json.Marshal(map[string]string{"webhook": h})\n'
        '\treq, _ := http.NewRequest("POST", viper.GetString("akool.base_url")+"/content/video/lipsync", bytes.NewReader(b))\n'
        "\thttp.DefaultClient.Do(req)\n}\n"
    )
    config = "akool:\n  base_url: https://openapi.akool.com/api/open/v3\n"
    assert ("main.go", 3, "misnamed-field") in _scan(
        tmp_path, {"config.yaml": config, "main.go": go}
    )


# -- laravel-http-facade-headers-both-auth-missed, ruby-net-http-headers-both-auth-missed,
# -- php-stream-context-crlf-header-string-not-read, powershell-headers-both-auth-missed ------

INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"


def both_auth(text: str, name: str) -> list[int]:
    return [line for line, rule in judged(text, name) if rule == "both-auth-headers"]


def test_both_auth_headers_in_php_ruby_and_powershell_hashes() -> None:
    laravel = f"""<?php
$res = Http::withToken($token)
    ->withHeaders(['x-api-key' => config('services.akool.key')])
    ->get('{INFO}', ['video_model_id' => 1]);
$res2 = Http::withHeaders(['x-api-key' => 'k', 'Authorization' => "Bearer $t"])
    ->get('{INFO}', ['video_model_id' => 1]);
"""
    assert both_auth(laravel, "l.php") == [3, 5]
    ruby = f"""uri = URI("{INFO}?video_model_id=1")
res = Net::HTTP.get_response(uri, {{ "x-api-key" => "k", "Authorization" => "Bearer t" }})
req = Net::HTTP::Get.new(uri)
req["x-api-key"] = "k"
req["Authorization"] = "Bearer t"
"""
    assert both_auth(ruby, "b.rb") == [2, 5]
    powershell = (
        f'$res = Invoke-RestMethod -Uri "{INFO}?video_model_id=1" '
        '-Headers @{ "x-api-key" = $key; "Authorization" = "Bearer $key" }\n'
    )
    assert both_auth(powershell, "i.ps1") == [1]


def test_both_auth_headers_in_a_crlf_joined_header_string() -> None:
    php = f"""<?php
$ctx = stream_context_create(['http' => [
    'method' => 'GET',
    'header' => "Accept: application/json\\r\\nx-api-key: " . getenv('K') . "\\r\\nAuthorization: Bearer $token\\r\\n",
]]);
$res = file_get_contents('{INFO}?video_model_id=1', false, $ctx);
"""
    assert both_auth(php, "talk.php") == [4]


def test_one_credential_per_branch_is_not_both() -> None:
    # each branch of an if sets one header; a PHP ternary picks one array; withToken alone
    ruby = f"""uri = URI("{INFO}?video_model_id=1")
req = Net::HTTP::Get.new(uri)
if token
  req["Authorization"] = "Bearer #{{token}}"
else
  req["x-api-key"] = key
end
"""
    assert both_auth(ruby, "b.rb") == []
    python = f"""import requests
headers = {{}}
if token:
    headers["Authorization"] = f"Bearer {{token}}"
else:
    headers["x-api-key"] = key
requests.get("{INFO}", headers=headers, params={{"video_model_id": "1"}})
"""
    assert both_auth(python, "p.py") == []
    php = f"""<?php
$headers = $useToken ? ['Authorization' => "Bearer $t"] : ['x-api-key' => $k];
$r = Http::withHeaders(['x-api-key' => $k])->get('{INFO}', ['video_model_id' => 1]);
$r2 = Http::withToken($t)->get('{INFO}', ['video_model_id' => 1]);
"""
    assert both_auth(php, "p.php") == []


# -- answer-dto-csharp-record-and-ts-interface-not-judged (the C# half) -------------------------

RECORDS = f"""\
public record Env<T>(int code, string msg, T data);
public record VideoInfo(string _id, int video_status, MEMBER);
public class S {{
  static readonly HttpClient Http = new();
  public async Task<VideoInfo?> A(string id) => (await Http.GetFromJsonAsync<Env<VideoInfo>>($"{INFO}?video_model_id={{id}}"))?.data;
}}
"""


def test_a_csharp_records_lower_case_members_are_judged_by_their_names() -> None:
    # GetFromJsonAsync reads `video_url` from the key of its own name (any letter case): AKOOL's
    # answer has data.video; a PascalCase `VideoUrl` reads `videoUrl` unless options say: unjudged
    assert judged(RECORDS.replace("MEMBER", "string video_url"), "A.cs") == [(2, "response-field")]
    assert judged(RECORDS.replace("MEMBER", "string video"), "A.cs") == []
    assert judged(RECORDS.replace("MEMBER", "string VideoUrl"), "A.cs") == []
    renamed = "using System.Text.Json;\n// PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower\n"
    assert judged(renamed + RECORDS.replace("MEMBER", "string video_url"), "A.cs") == []


# -- answer-dto-csharp-record-and-ts-interface-not-judged (the TypeScript half) ----------------

TS_INFO = f"""\
interface Info {{ code: number; data: DATA }}
export async function info(id: string): Promise<Info> {{
  const r = await fetch(`{INFO}?video_model_id=${{id}}`);
  return (await r.json()) as Info;
}}
"""


def test_a_typescript_cast_of_the_parse_reads_the_types_inline_data() -> None:
    # `(await r.json()) as Info`, Info's data typed inline: its members are the answer's data's
    inline = "{ _id: string; video_status: number; video_url: string }"
    assert judged(TS_INFO.replace("DATA", inline), "t.ts") == [(1, "response-field")]
    assert judged(TS_INFO.replace("DATA", inline.replace("video_url", "video")), "t.ts") == []
    # a list of objects, or an object nesting another inline, is not read as the data's members
    listed = "{ voice_id: string; langx: string }[]"
    assert judged(TS_INFO.replace("DATA", listed), "t.ts") == []
    nested = "{ video_url: string; extra: { x: number } }"
    assert judged(TS_INFO.replace("DATA", nested), "t.ts") == []


# -- okhttp-try-with-resources-and-kotlin-use-it-answer-not-read -------------------------------

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"


def test_a_try_with_resources_response_holds_the_answer() -> None:
    text = f"""\
class T {{
  String f(OkHttpClient http, RequestBody body) throws Exception {{
    Request r = new Request.Builder().url("{TALK}").post(body).build();
    try (Response resp = http.newCall(r).execute()) {{
      JSONObject j = new JSONObject(resp.body().string());
      return j.getJSONObject("data").getString("id");
    }}
  }}
}}
"""
    assert judged(text, "T.java") == [(6, "response-field")]


def test_kotlins_use_without_a_parameter_gives_it_the_response() -> None:
    text = f"""\
fun render(http: OkHttpClient, body: RequestBody): String {{
    val req = Request.Builder()
        .url("{TALK}")
        .post(body)
        .build()
    return http.newCall(req).execute().use {{ JSONObject(it.body!!.string()).getJSONObject("data").getString("id") }}
}}
"""
    assert judged(text, "V.kt") == [(6, "response-field")]


# -- csharp-restsharp-requests-not-read --------------------------------------------------------


def test_restsharp_target_typed_clients_chained_bodies_and_whole_urls() -> None:
    # `RestClient _client = new("base")`, a body chained to the request it makes, and a client
    # given an endpoint's whole URL with `new RestRequest("")` (judged once, where it is written)
    chained = """\
public class T {
    private readonly RestClient _client = new("https://openapi.akool.com/api/open/v3");
    public async Task<string?> Create(string p, string a) {
        var req = new RestRequest("content/video/createbytalkingphoto", Method.Post)
            .AddJsonBody(new { talking_photo_url = p, audio_url = a, resolution = "4k" });
        var other = new RestRequest("content/video/createbytalkingphoto", Method.Post);
        other.AddJsonBody(new { talking_photo_url = p, audio_url = a, resolution = "720" });
        return (await _client.ExecuteAsync(req)).Content;
    }
}
"""
    assert judged(chained, "T.cs") == [(5, "bad-value")]
    whole = f"""\
var client = new RestClient("{TALK}x");
var req = new RestRequest("", Method.Post);
req.AddJsonBody(new {{ talking_photo_url = p, audio_url = a, resolution = "4k" }});
"""
    assert judged(whole, "O.cs") == [(1, "unknown-endpoint")]
    assert judged(whole.replace(f"{TALK}x", TALK), "O.cs") == [(3, "bad-value")]


# -- java-kotlin-nested-jsonobject-put-value-missed --------------------------------------------

TTS = "https://openapi.akool.com/api/open/v4/voice/tts"


def test_an_org_json_object_put_as_a_value_gives_its_nested_keys() -> None:
    kotlin = f"""\
fun speak(text: String, voiceId: String): Request {{
    val body = JSONObject()
        .put("input_text", text)
        .put("voice_id", voiceId)
        .put("voice_options", JSONObject().put("speed", SPEED))
    return Request.Builder().url("{TTS}").post(body.toString().toRequestBody(JSON)).build()
}}
"""
    assert judged(kotlin.replace("SPEED", "1.5"), "V.kt") == [(5, "bad-value")]
    assert judged(kotlin.replace("SPEED", "1.1"), "V.kt") == []
    java = f"""\
class Tts {{
    Request build(String text, String voice) {{
        JSONObject opts = new JSONObject();
        opts.put("stability", STABILITY);
        JSONObject body = new JSONObject();
        body.put("input_text", text);
        body.put("voice_id", voice);
        body.put("voice_options", opts);
        return new Request.Builder().url("{TTS}").post(RequestBody.create(body.toString(), JSON)).build();
    }}
}}
"""
    assert judged(java.replace("STABILITY", "2"), "Tts.java") == [(4, "bad-value")]
    assert judged(java.replace("STABILITY", "0.5"), "Tts.java") == []


# -- a false answer-field on Newtonsoft's generic getter (found while testing the held nodes) ---


def test_newtonsofts_value_of_t_reads_its_argument_not_value() -> None:
    text = f"""\
using Newtonsoft.Json.Linq;
var s = await http.GetStringAsync($"{INFO}?video_model_id={{id}}");
var jo = JObject.Parse(s);
var st = jo["data"].Value<int>("video_status");
var data = jo["data"];
var v = data.Value<string>("VIDEO");
"""
    assert judged(text.replace("VIDEO", "video"), "G.cs") == []
    assert judged(text.replace("VIDEO", "video_url"), "G.cs") == [(6, "response-field")]


# -- ruby-uri-encode-www-form-query-not-read ---------------------------------------------------

VOICES = """\
require "net/http"
uri = URI("https://openapi.akool.com/api/open/v4/voice/list")
uri.query = URI.encode_www_form(QUERY)
req = Net::HTTP::Get.new(uri, "x-api-key" => ENV.fetch("AKOOL_API_KEY"))
res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
"""


def test_a_ruby_uris_www_form_query_is_the_requests() -> None:
    assert judged(VOICES.replace("QUERY", "type: 3, page: 1"), "v.rb") == [(3, "bad-value")]
    assert judged(VOICES.replace("QUERY", '"type" => 3'), "v.rb") == [(3, "bad-value")]
    assert judged(VOICES.replace("QUERY", "type: 1, page: 1, size: 50"), "v.rb") == []


# -- perf30's relay: answermodels.decoded_types read a minified line once per call on it ---------


def test_a_minified_lines_decodings_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from akool_cli.audit import answermodels

    piece = (
        'function gN(a){return fetch("https://openapi.akool.com/api/open/v3/content/video/'
        'infobymodelid?video_model_id="+a).then(r=>r.json()).then(j=>j.data.xN)};'
        'class CN extends B{constructor(){super("u")}}'
    )
    text = ";".join(piece.replace("N", str(n)) for n in range(40)) + "\n"
    seen: list[int] = []
    real = answermodels._decoded_in

    def counted(t: str, n: set[str]) -> list[tuple[str, str, str]]:
        seen.append(1)
        return real(t, n)

    monkeypatch.setattr(answermodels, "_decoded_in", counted)
    answermodels._decoded_types.cache_clear()
    audit_text(text, "min.js")
    assert 0 < len(seen) <= 2  # (once for the line, not once per each of its 40 calls)


# -- stdlib-http-answer-field-reads-not-judged (urllib's json.load half) -------------------------


def test_pythons_json_load_of_a_urlopen_response_is_its_parse() -> None:
    text = """\
import json, urllib.request
req = urllib.request.Request("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", data=b"{}", method="POST")
with urllib.request.urlopen(req) as resp:
    print(json.load(resp)["data"]["task_id"])
"""
    assert (4, "response-field") in judged(text, "u.py")


# -- java-orgjson-parse-then-data-node-held-read-missed (the one-expression half) ---------------


def test_a_data_node_taken_from_the_parse_in_one_expression_is_held() -> None:
    text = f"""\
class A {{
    static String f(HttpClient http, String id) throws Exception {{
        HttpRequest req = HttpRequest.newBuilder(URI.create("{INFO}?video_model_id=" + id)).GET().build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        JSONObject d = new JSONObject(res.body()).getJSONObject("data");
        JsonNode n = new ObjectMapper().readTree(res.body()).path("data");
        return d.getString("video_url") + n.path("video").asText();
    }}
}}
"""
    assert judged(text, "A.java") == [(7, "response-field")]
