"""`akool audit` on HTTP clients and file kinds whose calls it did not read (issue 21's M3 and
M19, from a break-it run): each call's method, path and body read as the client sends them
(Swift's URLRequest and Alamofire, Perl's LWP and HTTP::Request, XMLHttpRequest, ...), correct
calls silent, `--diff` only where exact. The corpus scripts are in tests/audit_corpus/clients21t/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from akool_cli.audit.scan import audit, audit_text
from tests.test_audit_patches import apply_and_reaudit

CORPUS = Path(__file__).parent / "audit_corpus" / "clients21t"


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


# -- Swift ------------------------------------------------------------------------------------------

SWIFT = """let base = "https://openapi.akool.com"
func make(p: String) async throws {
    var req = URLRequest(url: URL(string: base + "/api/open/v3/content/image/createbyprompt")!)
    req.httpMethod = "{method}"
    req.httpBody = try JSONSerialization.data(withJSONObject: ["prompt": p, "{key}": "1:1"])
    _ = try await URLSession.shared.data(for: req)
}
"""


def test_swift_urlrequests_body_and_method_are_set_on_it_after_the_call() -> None:
    assert found(SWIFT.replace("{method}", "POST").replace("{key}", "size"), "a.swift") == [
        (5, "misnamed-field", "size")
    ]
    assert found(SWIFT.replace("{method}", "GET").replace("{key}", "scale"), "a.swift") == [
        (3, "wrong-method", "GET")
    ]


def test_a_correct_swift_urlrequest_is_silent() -> None:
    assert found(SWIFT.replace("{method}", "POST").replace("{key}", "scale"), "a.swift") == []


def test_swifts_interpolated_base_and_alamofires_method_are_read() -> None:
    text = (
        'let base = "https://openapi.akool.com/api/open/v3"\n'
        'AF.request("\\(base)/content/video/infobymodelid", method: .post, parameters: [:])\n'
        'AF.request("\\(base)/content/video/createbytalkingphoto", method: .post,\n'
        '           parameters: ["talking_photo_url": i, "audio_url": a, "resolution": "720p"])\n'
        'AF.request("\\(base)/content/video/infobymodelid", parameters: ["video_model_id": id])\n'
    )
    assert [(line, rule) for line, rule, _ in found(text, "a.swift")] == [
        (2, "wrong-method"),
        (4, "bad-value"),
    ]


def test_a_swift_url_held_in_a_name_and_a_typed_dictionary_body() -> None:
    text = (
        'let base = "https://openapi.akool.com/api/open/v3"\n'
        "func talk(img: String, audio: String) async throws {\n"
        '    let url = URL(string: "\\(base)/content/video/createbytalkingphoto")!\n'
        "    var request = URLRequest(url: url)\n"
        '    request.httpMethod = "POST"\n'
        '    let body: [String: Any] = ["talking_photo_url": img, "audio_url": audio, "resolution": "720p"]\n'
        "    request.httpBody = try JSONSerialization.data(withJSONObject: body)\n"
        "}\n"
    )
    assert found(text, "a.swift") == [(6, "bad-value", '"720p"')]


CODABLE = """let base = "https://openapi.akool.com/api/open/v3"
struct ImageRequest: Encodable {
    let prompt: String
    let KEY: String
}
func image(prompt: String) async throws {
    var req = URLRequest(url: URL(string: "\\(base)/content/image/createbyprompt")!)
    req.httpMethod = "POST"
    let body = ImageRequest(prompt: prompt, KEY: "1:1")
    req.httpBody = try JSONEncoder().encode(body)
}
"""


def test_a_swift_codable_structs_initializer_is_the_body_its_rename_left_to_a_person() -> None:
    got = [f for f in audit_text(CODABLE.replace("KEY", "size"), "a.swift") if f.rule != "info"]
    assert [(f.line, f.rule, f.fix) for f in got] == [(9, "misnamed-field", None)]
    assert "ImageRequest is a Codable struct" in got[0].message
    assert found(CODABLE.replace("KEY", "scale"), "a.swift") == []
    keyed = CODABLE.replace("KEY", "size").replace(
        "    let size: String\n",
        '    let size: String\n    enum CodingKeys: String, CodingKey { case prompt; case size = "scale" }\n',
    )
    assert found(keyed, "a.swift") == []  # (its CodingKeys name the JSON keys)


def test_alamofires_parameters_of_a_get_are_its_query() -> None:
    text = (
        'let base = "https://openapi.akool.com/api/open/v3"\n'
        'AF.request("\\(base)/content/video/infobymodelid", parameters: ["videoModelId": id])\n'
        'AF.request("\\(base)/content/video/infobymodelid", method: .get, parameters: ["video_model_id": id])\n'
        'AF.request("\\(base)/content/image/createbyprompt", method: .post, parameters: ["prompt": "x"],\n'
        "           encoding: JSONEncoding.default)\n"
    )
    assert found(text, "a.swift") == [(2, "misnamed-field", "videoModelId")]


# -- Perl -------------------------------------------------------------------------------------------

PERL = """my $base = "https://openapi.akool.com/api/open/v3";
sub talk {
    my ($img, $audio) = @_;
    my $req = HTTP::Request->new(POST => "$base/content/video/createbytalkingphoto");
    $req->header('Content-Type' => 'application/json');
    $req->content(encode_json({ talking_photo_url => $img, audio_url => $audio, resolution => "720p" }));
    return $ua->request($req);
}
sub image {
    return $ua->post("$base/content/image/createbyprompt", Content_Type => 'application/json',
        Content => encode_json({ prompt => $_[0], size => "1:1" }));
}
"""


def test_perls_hash_keys_and_http_request_content_are_the_body() -> None:
    assert found(PERL, "a.pl") == [(6, "bad-value", '"720p"'), (11, "misnamed-field", "size")]


def test_perls_fat_comma_opens_no_function() -> None:
    """`POST => "$base/..."` is Perl's comma, not an arrow function whose parameter hides the
    file's `$base` (the path was read as relative to no base)."""
    text = PERL.replace('resolution => "720p"', 'resolution => "720"')
    text = text.replace("size =>", "scale =>").replace(
        "HTTP::Request->new(POST", "HTTP::Request->new(GET"
    )
    assert found(text, "a.pl") == [(4, "wrong-method", "GET")]


def test_perls_answer_reads_are_judged() -> None:
    text = (
        'my $base = "https://openapi.akool.com/api/open/v3";\n'
        'my $res = $ua->get("$base/content/video/infobymodelid?video_model_id=1");\n'
        "my $answer = decode_json($res->decoded_content);\n"
        "print $answer->{data}{FIELD}, $answer->{'data'}->{'video_status'};\n"
    )
    assert [rule for _, rule, _ in found(text.replace("FIELD", "video_url"), "a.pl")] == [
        "response-field"
    ]
    assert found(text.replace("FIELD", "video"), "a.pl") == []


def test_a_correct_perl_script_is_silent() -> None:
    text = PERL.replace('"720p"', '"720"').replace("size =>", "scale =>")
    assert found(text, "a.pl") == []


def test_perls_http_tiny_options_and_http_request_commons_method() -> None:
    text = (
        'my $base = "https://openapi.akool.com/api/open/v3";\n'
        "my $res = $http->request('POST', \"$base/content/image/createbyprompt\", {\n"
        "    headers => { 'Content-Type' => 'application/json' },\n"
        '    content => encode_json({ prompt => "x", size => "1:1" }),\n'
        "});\n"
        'my $r2 = $ua->request(POST "$base/content/video/infobymodelid?video_model_id=1");\n'
        'my $r3 = $ua->request(GET "$base/content/video/infobymodelid?video_model_id=1");\n'
    )
    assert [(line, rule) for line, rule, _ in found(text, "a.pl")] == [
        (4, "misnamed-field"),
        (6, "wrong-method"),
    ]


def test_a_content_field_without_headers_beside_it_is_an_akool_field() -> None:
    """The moderator's body has a `content` field: only beside `headers` is it HTTP::Tiny's."""
    text = (
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        'axios.post(`${BASE}/content/analysis/sentiment`, { content: "hi", url: u, typ: 1 });\n'
    )
    assert [(line, rule) for line, rule, _ in found(text, "a.js")] == [(2, "unknown-field")]


# -- XMLHttpRequest ---------------------------------------------------------------------------------

XHR = """const BASE = "https://openapi.akool.com/api/open/v3";
function create(prompt) {
  const xhr = new XMLHttpRequest();
  xhr.open("POST", BASE + "/content/image/createbyprompt");
  xhr.setRequestHeader("Content-Type", "application/json");
  xhr.send(JSON.stringify({ prompt: prompt, KEY: "1:1" }));
}
"""


def test_xhr_sends_the_body_given_to_send() -> None:
    assert found(XHR.replace("KEY", "size"), "a.js") == [(6, "misnamed-field", "size")]
    assert found(XHR.replace("KEY", "scale"), "a.js") == []


def test_another_xhr_of_the_same_name_in_another_function_is_another_request() -> None:
    text = XHR.replace("KEY", "scale") + (
        "function other() {\n  const xhr = new XMLHttpRequest();\n"
        '  xhr.open("POST", "https://example.com/x");\n'
        '  xhr.send(JSON.stringify({ size: "1:1" }));\n}\n'
    )
    assert found(text, "a.js") == []


# -- superagent, ky, ofetch -------------------------------------------------------------------------

JS_BASE = 'const BASE = "https://openapi.akool.com/api/open/v3";\n'


def test_superagents_send_and_query_links_are_the_request() -> None:
    text = JS_BASE + (
        'request.post(`${BASE}/content/image/createbyprompt`).set("x-api-key", k)'
        '.send({ prompt: p, size: "1:1" }).then((r) => r.body);\n'
        "request.get(`${BASE}/content/video/infobymodelid`).query({ videoModelId: id });\n"
        "request.get(`${BASE}/content/video/infobymodelid`).query({ video_model_id: id });\n"
    )
    assert [(line, rule) for line, rule, _ in found(text, "a.js")] == [
        (2, "misnamed-field"),
        (3, "misnamed-field"),
    ]


def test_kys_prefix_url_is_a_client_base() -> None:
    text = (
        'const api = ky.create({ prefixUrl: "https://openapi.akool.com/api/open/v3" });\n'
        'api.post("content/image/createbyprompt", { json: { prompt: p, size: "1:1" } });\n'
        'api.post("content/video/infobymodelid", { searchParams: { video_model_id: id } });\n'
        'api.get("content/video/infobymodelid", { searchParams: { video_model_id: id } });\n'
    )
    assert [(line, rule) for line, rule, _ in found(text, "a.js")] == [
        (2, "misnamed-field"),
        (3, "wrong-method"),
    ]


def test_ofetchs_base_option_and_a_client_called_as_a_function() -> None:
    text = (
        'const akool = ofetch.create({ baseURL: "https://openapi.akool.com/api/open/v3" });\n'
        'const other = ofetch.create({ baseURL: "https://example.com" });\n'
        'akool("/content/video/infobymodelid", { method: "POST" });\n'
        'other("/content/video/status/1");\n'
        'ofetch("/content/image/createbyprompt", {\n'
        '  baseURL: "https://openapi.akool.com/api/open/v3",\n'
        '  method: "POST",\n'
        '  body: { prompt: "x", size: "1:1" },\n'
        "});\n"
    )
    assert [(line, rule) for line, rule, _ in found(text, "a.ts")] == [
        (3, "wrong-method"),
        (8, "misnamed-field"),
    ]


def test_a_word_of_a_url_in_a_call_is_no_name_it_passes() -> None:
    """`/api/` inside the URL of a call's options was taken for a name `api` passed to it, and the
    options of `const api = axios.create({ baseURL: ... })` for its body."""
    text = (
        'const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });\n'
        'const r = await $fetch("/content/image/createbyprompt", {\n'
        '  baseURL: "https://openapi.akool.com/api/open/v3", method: "POST",\n'
        '  body: { prompt: "x", scale: "1:1" },\n'
        "});\n"
    )
    assert found(text, "a.ts") == []


# -- .http / .rest request files ----------------------------------------------------------------------

HTTP_FILE = """@base = https://openapi.akool.com
@key = {{$dotenv AKOOL_API_KEY}}

### Create an image
POST {{base}}/api/open/v3/content/image/createbyprompt HTTP/1.1
Content-Type: application/json
x-api-key: {{key}}

{
  "prompt": "a cat",
  "KEY": "1:1"
}

###
METHOD {{base}}/api/open/v3/content/video/infobymodelid
    ?video_model_id=abc
x-api-key: {{key}}

> {%
  client.global.set("video", response.body.data.video);
%}
"""


def test_a_request_files_method_and_body_are_read() -> None:
    text = HTTP_FILE.replace("KEY", "size").replace("METHOD", "POST")
    assert found(text, "akool.http") == [
        (11, "misnamed-field", "size"),
        (15, "wrong-method", "POST"),
    ]


def test_a_request_files_base_read_from_an_akool_named_environment_variable() -> None:
    text = (
        "@base = {{$dotenv AKOOL_BASE_URL}}\n\nPOST {{base}}/content/image/createbyprompt\n\n"
        '{"prompt": "x", "size": "1:1"}\n\n###\nGET {{base}}/content/video/status/1\n'
    )
    assert [(line, rule) for line, rule, _ in found(text, "akool.http")] == [
        (5, "misnamed-field"),
        (8, "undocumented-path"),
    ]


def test_a_correct_request_file_is_silent() -> None:
    assert found(HTTP_FILE.replace("KEY", "scale").replace("METHOD", "GET"), "akool.http") == []


def test_a_rest_file_of_requests_is_read_as_one_and_restructuredtext_as_prose() -> None:
    text = HTTP_FILE.replace("KEY", "size").replace("METHOD", "GET")
    assert found(text, "akool.rest") == [(11, "misnamed-field", "size")]
    prose = 'Call it\n=======\n\n.. code-block:: json\n\n   {"size": "1:1"}\n'
    assert found(prose, "notes.rest") == []


def test_a_request_files_query_on_lines_of_its_own_is_patched_where_written(tmp_path: Path) -> None:
    text = HTTP_FILE.replace("KEY", "scale").replace("METHOD", "GET")
    (tmp_path / "akool.http").write_text(text.replace("?video_model_id", "?videoModelId"))
    fixable, _, _ = apply_and_reaudit(tmp_path)
    assert fixable == {("akool.http", 16, "misnamed-field", "videoModelId")}
    assert (tmp_path / "akool.http").read_text() == text


# -- Feign -----------------------------------------------------------------------------------------

FEIGN = """@FeignClient(name = "akool", url = "https://openapi.akool.com/api/open/v3")
public interface Akool {
    @VERBMapping("/content/video/infobymodelid")
    Resp info(@RequestParam("QUERY") String id);
}
"""


def test_a_feign_clients_mappings_are_calls_with_their_method_and_query() -> None:
    text = FEIGN.replace("VERB", "Post").replace("QUERY", "video_model_id")
    assert found(text, "Akool.java") == [(3, "wrong-method", "POST")]
    text = FEIGN.replace("VERB", "Get").replace("QUERY", "videoModelId")
    assert found(text, "Akool.java") == [(4, "misnamed-field", "videoModelId")]
    assert found(FEIGN.replace("VERB", "Get").replace("QUERY", "video_model_id"), "A.java") == []


def test_a_feign_request_mappings_method_is_read() -> None:
    text = FEIGN.replace("@VERBMapping(", "@RequestMapping(method = RequestMethod.METHOD, value = ")
    text = text.replace("QUERY", "video_model_id")
    assert found(text.replace("METHOD", "POST"), "Akool.java") == [(3, "wrong-method", "POST")]
    assert found(text.replace("METHOD", "GET"), "Akool.java") == []


def test_a_controllers_mappings_stay_its_own_routes() -> None:
    text = FEIGN.replace("VERB", "Post").replace("QUERY", "videoModelId")
    text = text.replace('@FeignClient(name = "akool", url = ', "@RestController\n// ")
    assert found(text, "Akool.java") == []
    web = (
        "@RestController\npublic class Ctl {\n"
        '    WebClient web = WebClient.builder().baseUrl("https://openapi.akool.com/api/open/v3").build();\n'
        '    @RequestMapping(method = RequestMethod.POST, value = "/content/video/status")\n'
        '    Mono<String> status(@RequestParam("videoModelId") String id) {\n'
        '        return web.get().uri("/content/video/infobymodelid?video_model_id=" + id).retrieve()\n'
        "            .bodyToMono(String.class);\n    }\n}\n"
    )
    assert found(web, "Ctl.java") == []


def test_feigns_request_line_says_the_method() -> None:
    text = (
        "public interface Akool {\n"
        '    @RequestLine("POST /api/open/v3/content/video/infobymodelid?video_model_id={id}")\n'
        '    Resp info(@Param("id") String id);\n'
        '    @RequestLine("GET /api/open/v3/content/video/infobymodelid?video_model_id={id}")\n'
        '    Resp good(@Param("id") String id);\n}\n'
    )
    assert found(text, "Akool.java") == [(2, "wrong-method", "POST")]


# -- M19: jQuery, XMLHttpRequest's answer, Angular's pipe(map(...)) --------------------------------

TALK = "/content/video/createbytalkingphoto"
TALK_BODY = "JSON.stringify({ talking_photo_url: i, audio_url: a })"


@pytest.mark.parametrize(
    "call",
    [
        f'$.ajax({{\n  url: BASE + "{TALK}",\n  type: "POST",\n  data: {TALK_BODY},\n'
        "  success: function (r) {\n    show(r.data.FIELD);\n  },\n});\n",
        f'$.post(BASE + "{TALK}", {TALK_BODY}, function (r) {{\n  show(r.data.FIELD);\n}});\n',
        f'$.post(BASE + "{TALK}", {TALK_BODY}, (r) => show(r.data.FIELD));\n',
        f'$.ajax({{\n  url: BASE + "{TALK}",\n  type: "POST",\n  data: {TALK_BODY},\n'
        "}).then(function (r) { return r.data.FIELD; });\n",
    ],
)
def test_a_jquery_callbacks_answer_reads_are_judged(call: str) -> None:
    wrong = found(JS_BASE + call.replace("FIELD", "video_url"), "a.js")
    assert [rule for _, rule, _ in wrong] == ["response-field"]
    assert found(JS_BASE + call.replace("FIELD", "_id"), "a.js") == []


def test_jquery_gets_send_their_data_as_the_query_and_say_their_method() -> None:
    text = JS_BASE + (
        '$.getJSON(BASE + "/content/video/infobymodelid", { videoModelId: id });\n'
        '$.ajax({ url: BASE + "/content/video/infobymodelid", data: { video_model_id: id } });\n'
        '$.get(BASE + "/content/video/infobymodelid", { video_model_id: id });\n'
        '$.ajax({ url: BASE + "/content/video/infobymodelid", type: "POST" });\n'
        '$.get(BASE + "/content/image/createbyprompt");\n'
    )
    assert [(line, rule) for line, rule, _ in found(text, "a.js")] == [
        (2, "misnamed-field"),
        (5, "wrong-method"),
        (6, "wrong-method"),
    ]


def test_an_xhrs_response_text_is_its_answer() -> None:
    text = JS_BASE + (
        "function poll(id) {\n  const xhr = new XMLHttpRequest();\n"
        '  xhr.open("GET", BASE + "/content/video/infobymodelid?video_model_id=" + id);\n'
        "  xhr.onload = () => {\n    const answer = JSON.parse(xhr.responseText);\n"
        "    show(answer.data.FIELD);\n  };\n  xhr.send();\n}\n"
    )
    assert [rule for _, rule, _ in found(text.replace("FIELD", "video_url"), "a.js")] == [
        "response-field"
    ]
    assert found(text.replace("FIELD", "video"), "a.js") == []


ANGULAR = (
    JS_BASE
    + "class Akool {\n  constructor(private http: HttpClient) {}\n  talk(i: string, a: string) {\n"
    + "    return this.http\n"
    + f"      .post<any>(`${{BASE}}{TALK}`, {{ talking_photo_url: i, audio_url: a }})\n"
    + "      .pipe(map((r) => r.data.FIELD));\n  }\n}\n"
)


def test_an_observables_pipe_map_reads_the_answer_like_a_then() -> None:
    assert [rule for _, rule, _ in found(ANGULAR.replace("FIELD", "video_url"), "a.ts")] == [
        "response-field"
    ]
    assert found(ANGULAR.replace("FIELD", "_id"), "a.ts") == []
    subscribed = ANGULAR.replace(".pipe(map((r) =>", ".subscribe((r) =>").replace("));", ");")
    assert [rule for _, rule, _ in found(subscribed.replace("FIELD", "video_url"), "a.ts")] == [
        "response-field"
    ]


def test_angulars_observable_emits_the_body_and_nests_emits_axios_response() -> None:
    """Angular's HttpClient emits the parsed answer (`map((r) => r.data)` gives its data field),
    NestJS's HttpService axios' response (`r.data.data` is the data field); a pipe may be written
    over lines."""
    angular = JS_BASE + (
        "class Akool {\n  constructor(private http: HttpClient) {}\n  info(id: string) {\n"
        "    return this.http.get<any>(`${BASE}/content/video/infobymodelid`, "
        "{ params: { video_model_id: id } })\n"
        "      .pipe(\n        map((r) => r.data),\n      )\n"
        "      .subscribe((d) => show(d.FIELD));\n  }\n}\n"
    )
    assert found(angular.replace("FIELD", "video"), "a.ts") == []
    assert [rule for _, rule, _ in found(angular.replace("FIELD", "video_url"), "a.ts")] == [
        "response-field"
    ]
    nest = angular.replace("private http: HttpClient", "private http: HttpService")
    assert [rule for _, rule, _ in found(nest.replace("FIELD", "video"), "a.ts")] == [
        "response-field"
    ]
    assert found(nest.replace("d.FIELD", "d.data.video"), "a.ts") == []
    fetched = angular.replace("this.http.get<any>", "fetch").replace(
        ".pipe(\n        map((r) => r.data),\n      )\n      .subscribe((d) => show(d.FIELD));",
        ".then((r) => r.json())\n      .then((d) => show(d.data.FIELD));",
    )
    assert "fetch(" in fetched and ".then((r) => r.json())" in fetched
    # (a fetch's first callback is given its response, even in an Angular file)
    assert found(fetched.replace("FIELD", "video"), "a.ts") == []


# -- the corpus and its patches ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*_good.*")))
def test_the_good_scripts_are_silent(name: str) -> None:
    assert audit([CORPUS / name]).findings == []


def test_the_patches_are_exact_and_leave_the_rest(tmp_path: Path) -> None:
    for path in CORPUS.iterdir():
        if path.name != "expected.json":
            shutil.copy(path, tmp_path / path.name)
    fixable, _, diff = apply_and_reaudit(tmp_path)
    assert {(f, rule) for f, _, rule, _ in fixable} >= {
        ("swift_urlsession.swift", "misnamed-field"),
        ("swift_urlsession.swift", "bad-value"),
        ("perl_lwp.pl", "misnamed-field"),
        ("perl_lwp.pl", "bad-value"),
        ("xhr.js", "bad-value"),
    }
    assert b'"resolution": "720",' in diff
