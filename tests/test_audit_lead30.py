"""`akool audit` on the lead's fixes of session eighteen's merge: a JSON node a script takes below
an answer's data field by chained getters holds that part, not the whole answer."""

from __future__ import annotations

from typing import Any

import pytest

from akool_cli.audit.scan import audit_text

LANGUAGES = """\
public class Languages {
    public static void main(String[] args) throws Exception {
        Request request = new Request.Builder().url("https://openapi.akool.com/api/open/v3/language/list").get().build();
        OPEN
            JSONObject json = new JSONObject(response.body().string());
            JSONArray langs = json.getJSONObject("data").getJSONArray("lang_list");
            for (int i = 0; i < langs.length(); i++) {
                JSONObject l = langs.getJSONObject(i);
                System.out.println(l.getString("lang_code") + "\\t" + l.getString("lang_name"));
            }
        }
    }
}
"""
PLAIN = "{ Response response = client.newCall(request).execute();"
TRY = "try (Response response = client.newCall(request).execute()) {"


@pytest.mark.parametrize("opening", [PLAIN, TRY])
def test_an_item_of_a_list_taken_by_chained_getters_is_no_whole_answer(opening: str) -> None:
    # break21p's w6/Languages.java: two false answer-field warnings (lang_code, lang_name)
    text = LANGUAGES.replace("OPEN", opening)
    assert [(f.line, f.rule) for f in audit_text(text, "Languages.java")] == []


PYTHON_CHAIN = """\
import requests
r = requests.get("https://openapi.akool.com/api/open/v3/language/list", headers={"x-api-key": "k"})
langs = r.json().get("data").get("lang_list")
for l in langs:
    print(l["lang_codes"])
"""


def test_a_getter_chain_whose_place_is_followed_still_has_its_items_read() -> None:
    # Python's .get("data").get("lang_list") is a followed place: its items' wrong field is found
    found = [(f.line, f.rule) for f in audit_text(PYTHON_CHAIN, "langs.py")]
    assert found == [(5, "answer-field")]


POLL = """\
const H = { "x-api-key": process.env.K, "Content-Type": "application/json" };
const B = "https://openapi.akool.com/api/open/v3/content/image";
export async function generate(prompt) {
  let res = await fetch(`${B}/createbyprompt`, { method: "POST", headers: H, body: JSON.stringify({ prompt, scale: "1:1" }) });
  let { data } = await res.json();
  const id = data._id;
  for (;;) {
    res = await fetch(`${B}/infobymodelid?image_model_id=${id}`, { headers: H });
    ({ data } = await res.json());
    if (data.image_status === 3) return data.READ;
    await new Promise((r) => setTimeout(r, 3000));
  }
}
"""


def test_a_destructuring_assignment_in_parentheses_rebinds_to_the_later_answer() -> None:
    # break21p's js-destructuring-reassignment-keeps-first-answer-false-warning: data.image of
    # the image's info was judged against createbyprompt's answer
    assert audit_text(POLL.replace("READ", "image"), "poll.js") == []
    found = [(f.line, f.rule) for f in audit_text(POLL.replace("READ", "image_url"), "poll.js")]
    assert [line for line, _ in found] == [10], found
    assert "infobymodelid" in audit_text(POLL.replace("READ", "image_url"), "poll.js")[0].message


HELD_URL_BODIES = {
    "talk.py": (
        'import requests\nAKOOL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"\n'
        'def talk(photo):\n    return requests.post(AKOOL, json={"talking_photo_url": photo}).json()\n'
    ),
    "talk.js": (
        'const AKOOL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";\n'
        "export const talk = (p) =>\n"
        '  fetch(AKOOL, { method: "POST", body: JSON.stringify({ talking_photo_url: p }) });\n'
    ),
    "talk.sh": (
        'URL="https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"\n'
        'curl -X POST "$URL" -H \'x-api-key: k\' -d \'{"talking_photo_url": "p"}\'\n'
    ),
}


@pytest.mark.parametrize("name", sorted(HELD_URL_BODIES))
def test_a_body_sent_to_a_whole_url_held_in_a_name_is_checked_for_required_fields(
    name: str,
) -> None:
    # break21p's missing-field-silent-when-whole-url-held-in-name: the misnamed-field rule had
    # followed the name's uses first, and the missing-field rule then found no request there
    found = [(f.rule, f.message) for f in audit_text(HELD_URL_BODIES[name], name)]
    assert [rule for rule, _ in found] == ["missing-field"], found
    assert "audio_url" in found[0][1]


BLACK_LAYOUT = """\
import os

import requests

j = requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
                  headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
                  json={"talking_photo_url": "p", "audio_url": "a"}).json()
if j["code"] != 0:
    raise SystemExit(j["msg"])
"""


def test_the_envelope_code_of_a_call_written_over_lines_and_parsed_at_its_close_is_judged() -> None:
    # break21q's python-multiline-call-json-envelope-code-not-judged (black's layout); AKOOL's
    # success code is 1000
    assert [(f.line, f.rule) for f in audit_text(BLACK_LAYOUT, "talk.py")] == [(8, "status-value")]
    unparsed = BLACK_LAYOUT.replace(").json()", ")")  # (a response's code is no answer's)
    assert audit_text(unparsed, "talk.py") == []


WP_STATUS = """\
<?php
function akool_status($id)
{
    $res = wp_remote_get('https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=' . $id);
    $data = json_decode(wp_remote_retrieve_body($res), true)['data'] ?? [];
    if (READ === 'completed') {
        return $data['video'];
    }
}
"""


@pytest.mark.parametrize("read", ["$data['video_status']", "($data['video_status'] ?? null)"])
def test_a_status_read_after_a_php_null_coalescing_fallback_is_judged(read: str) -> None:
    # break21q's php-null-coalesce-on-answer-read-status-not-judged: `['data'] ?? []` and
    # `($x['video_status'] ?? null) === ...` hid the comparison with a value the docs do not give
    found = [(f.line, f.rule) for f in audit_text(WP_STATUS.replace("READ", read), "s.php")]
    assert found == [(6, "status-value")]


JACKSON_CODE = """\
public class Translate {
    public static void main(String[] args) throws Exception {
        HttpRequest req = HttpRequest.newBuilder().uri(URI.create("https://openapi.akool.com/api/open/v3/faceswap/quota/info")).build();
        HttpResponse<String> resp = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode json = mapper.readTree(resp.body());
        if (json.get("code").asInt() != 0) {
            System.exit(1);
        }
    }
}
"""
SYSTEM_TEXT_JSON_CODE = """\
var http = new HttpClient();
var text = await http.GetStringAsync("https://openapi.akool.com/api/open/v3/faceswap/quota/info");
using var doc = JsonDocument.Parse(text);
var root = doc.RootElement;
if (root.GetProperty("code").GetInt32() == 200)
{
    Console.WriteLine(root.GetProperty("data").GetProperty("credit").GetDouble());
}
"""


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [("Translate.java", JACKSON_CODE, 6), ("CheckCode.cs", SYSTEM_TEXT_JSON_CODE, 5)],
)
def test_the_envelope_code_of_a_jvm_or_dotnet_parsed_tree_is_judged(
    name: str, text: str, line: int
) -> None:
    # break21q's java-jsonnode-/csharp-jsondocument-envelope-code-success-number-not-judged:
    # AKOOL's success code is 1000, not 0 or 200
    assert [(f.line, f.rule) for f in audit_text(text, name)] == [(line, "status-value")]
    right = text.replace("!= 0", "!= 1000").replace("== 200", "== 1000")
    assert audit_text(right, name) == []


SWAP_RESULT = """\
import requests
j = requests.get("https://openapi.akool.com/api/open/v3/faceswap/result/listbyids", params={"_ids": "x"}).json()
print(READ)
"""


@pytest.mark.parametrize(
    ("read", "found"),
    [
        ('j["data"]["result"]["url"]', [(3, "list-answer")]),
        ('j["data"]["result"][0]["url"]', []),
        ('len(j["data"]["result"])', []),
    ],
)
def test_a_field_read_on_a_list_under_the_answers_data_is_a_list_answer(
    read: str, found: list[tuple[int, str]]
) -> None:
    # break21q's list-result-read-as-object-field-not-judged: listbyids' data.result is a list
    got = audit_text(SWAP_RESULT.replace("READ", read), "swap.py")
    assert [(f.line, f.rule) for f in got] == found
    assert all("data.result[i].url" in f.message for f in got)


def test_a_list_read_by_its_own_members_is_no_list_answer() -> None:
    text = 'const j = await (await fetch("https://openapi.akool.com/api/open/v3/faceswap/result/listbyids?_ids=x")).json();\n'
    for read in ("j.data.result.length", "j.data.result.map((r) => r.url)", "j.data.result.url"):
        got = [(f.line, f.rule) for f in audit_text(text + f"console.log({read});\n", "s.js")]
        assert got == ([(2, "list-answer")] if read.endswith(".url") else []), (read, got)


IMAGE_FIRST = """\
import requests
d = requests.get("https://openapi.akool.com/api/open/v3/content/image/infobymodelid", params={"image_model_id": "x"}).json()["data"]
print(READ)
"""


@pytest.mark.parametrize(("read", "patched"), [('d["images"][0]', False), ('d["images"]', True)])
def test_an_indexed_read_renamed_to_a_field_that_is_no_list_gets_no_patch(
    read: str, patched: bool
) -> None:
    # break21q's diff-plural-list-read-renamed-to-string-field-keeps-index: d["image"][0] would be
    # the first letter of the image's URL; the finding stays, the person fixes it
    (found,) = audit_text(IMAGE_FIRST.replace("READ", read), "image.py")
    assert found.rule == "response-field"
    assert (found.fix is not None) is patched


RUBY_STATUS = """\
require "net/http"
require "json"
uri = URI("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=#{ARGV[0]}")
res = Net::HTTP.get_response(uri)
data = JSON.parse(res.body)["data"]
puts data["video"] if data["video_status"] == VALUE
"""


@pytest.mark.parametrize(("value", "found"), [('"3"', [(6, "status-value")]), ("3", [])])
def test_a_ruby_status_compared_with_a_string_of_digits_is_judged(
    value: str, found: list[tuple[int, str]]
) -> None:
    # break21q's ruby-status-compared-with-digit-string-not-judged: Ruby's == never makes "3"
    # equal 3, as Python's does not
    got = audit_text(RUBY_STATUS.replace("VALUE", value), "check.rb")
    assert [(f.line, f.rule) for f in got] == found


CURL_INIT = """\
<?php
$ch = curl_init('https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_id=' . urlencode($id));
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true]);
$out = json_decode(curl_exec($ch), true);
"""


def test_a_php_curl_get_whose_whole_query_is_a_wrong_id_is_an_error() -> None:
    # break21q's php-curl-init-query-wrong-id-only-warning-gate-passes: the same URL in Python's
    # requests.get is an error; PHP's urlencode($id) encodes the value, it adds no query
    (found,) = audit_text(CURL_INIT, "video.php")
    assert (found.line, found.rule, found.severity) == (2, "misnamed-field", "error")


ALLMAN = """\
public static class Swap
{
    public static HttpRequestMessage Build(string src, string tgt, string img)
    {
        var msg = new HttpRequestMessage(HttpMethod.Post, "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage");
        msg.Content = JsonContent.Create(new
        {
            sourceImage = new[] { new { path = src, opts = "" } },
            targetImage = new[] { new { path = tgt, opts = "" } },
            face_enhance = true,
            modifyImage = img,
        });
        return msg;
    }
}
"""


def test_a_csharp_body_whose_brace_opens_the_next_line_is_read() -> None:
    # break21q's csharp-jsoncontent-create-brace-on-next-line-body-missed: C#'s default layout
    found = [(f.line, f.rule) for f in audit_text(ALLMAN, "Swap.cs")]
    assert found == [(10, "bad-value")]


SYMFONY = """\
<?php
use Symfony\\Component\\HttpClient\\HttpClient;
$client = HttpClient::createForBaseUri('https://openapi.akool.com/api/open/v3/');
$a = $client->request('POST', 'content/image/createbyprompt', ['json' => ['prompt' => 'a fox', 'scale' => '5:4']]);
$b = $client->request('GET', '/content/video/infobymodelid', ['query' => ['video_model_id' => $id]]);
"""


def test_a_symfony_client_made_for_a_base_uri_joins_its_paths_as_rfc_3986_does() -> None:
    # break21q's php-symfony-createforbaseuri-base-not-joined (and repro21m's w3): a relative path
    # is joined to the base; a leading slash replaces the base's whole path
    found = [(f.line, f.rule) for f in audit_text(SYMFONY, "s.php")]
    assert found == [(4, "bad-value"), (5, "unknown-endpoint")]


def test_gets_on_a_client_made_far_above_scan_no_bindings(monkeypatch: pytest.MonkeyPatch) -> None:
    # bench's ordinary .js shape (a module-level axios client, one GET per function) had each
    # call scan 40 lines for bindings of a fresh client: 2.2x the file's cost on 1,000 calls;
    # only the calls within those 40 lines of the client's binding look now
    from akool_cli.audit import fields

    scans: list[int] = []
    real = fields.BINDING

    class Counting:
        def finditer(self, *args: Any) -> Any:
            scans.append(1)
            return real.finditer(*args)

    monkeypatch.setattr(fields, "BINDING", Counting())
    head = (
        'const axios = require("axios");\n'
        'const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });\n'
    )
    shape = (
        "async function f{n}(id) {{ const r{n} = await api.get("
        "`/content/video/infobymodelid?video_model_id=${{id}}`); return r{n}.data.data.video_status; }}\n"
    )
    counts = []
    for calls in (100, 400):
        scans.clear()
        assert audit_text(head + "".join(shape.format(n=n) for n in range(calls)), "o.js") == []
        counts.append(len(scans))
    assert counts[0] == counts[1] <= fields.CLIENT_BINDING_LINES


APACHE = """\
public class ApacheTalk {
    static HttpPost build(String photo, String audio) {
        HttpPost post = new HttpPost("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto");
        post.setHeader("x-api-key", System.getenv("AKOOL_API_KEY"));
        post.setEntity(new StringEntity("{\\"talking_photo_url\\":\\"https://x/p.jpg\\",\\"audio_url\\":\\"https://x/a.mp3\\",\\"resolution\\":\\"1080p\\"}", ContentType.APPLICATION_JSON));
        return post;
    }
}
"""


def test_an_apache_httpclient_body_set_on_its_request_is_read() -> None:
    # break21q's java-apache-httpclient-setentity-body-not-read
    found = [(f.line, f.rule) for f in audit_text(APACHE, "ApacheTalk.java")]
    assert found == [(5, "bad-value")]
