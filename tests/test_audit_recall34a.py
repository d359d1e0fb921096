"""Session 34, recall34a: the blind tester's misses (/work/notes/break34a/items): the credential
sent where AKOOL does not read it (wrong-auth-header: the key under another header's name, an
Authorization value without the Bearer scheme), each with correct twins that stay silent."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text
from tests.test_audit_recall31g import B, rules_at

QUOTA = f"{B}/faceswap/quota/info"
RULE = "wrong-auth-header"

# -- the key under a header name AKOOL does not read ---------------------------------------------

WRONG_NAMES = {
    "a.py": (
        "import os, requests\n"
        f'r = requests.get("{QUOTA}",\n'
        '                 headers={"api-key": os.environ["AKOOL_API_KEY"]})\n'
    ),
    "Lip.java": (
        "class Lip {\n  Request r(String body) {\n"
        f'    return new Request.Builder().url("{QUOTA}")\n'
        '      .addHeader("x-akool-key", System.getenv("AKOOL_API_KEY")).build();\n  }\n}\n'
    ),
    "a.js": (
        "const KEY = process.env.AKOOL_API_KEY;\n"
        'const H = { "X-Api-Token": KEY };\n'
        f'await fetch("{QUOTA}", {{ headers: H }});\n'
    ),
    "a.go": (
        "package main\nfunc f(key string) {\n"
        f'\treq, _ := http.NewRequest("GET", "{QUOTA}", nil)\n'
        '\treq.Header.Set("api_key", key)\n}\n'
    ),
    "A.cs": (
        "class A {\n  async Task F(string apiKey) {\n"
        f'    var http = new HttpClient {{ BaseAddress = new Uri("{B}/") }};\n'
        '    http.DefaultRequestHeaders.Add("X-Akool-Api-Key", apiKey);\n'
        '    await http.GetStringAsync("faceswap/quota/info");\n  }\n}\n'
    ),
    "a.php": (
        f'<?php\n$ch = curl_init("{QUOTA}");\n'
        "curl_setopt($ch, CURLOPT_HTTPHEADER, ['apikey: ' . $apiKey]);\n"
    ),
    "a.rb": (
        f'uri = URI("{QUOTA}")\nreq = Net::HTTP::Get.new(uri)\n'
        'req["api-key"] = ENV["AKOOL_API_KEY"]\n'
    ),
    "a.sh": f'curl -s "{QUOTA}" \\\n  -H "x-akool-api-key: $AKOOL_API_KEY"\n',
}
WRONG_LINES = {"a.py": 3, "Lip.java": 4, "a.js": 2, "a.go": 4, "A.cs": 4, "a.php": 3, "a.rb": 3}


@pytest.mark.parametrize("name", sorted(WRONG_NAMES))
def test_the_key_under_another_header_name_is_an_error(name: str) -> None:
    text = WRONG_NAMES[name]
    assert rules_at(text, name, RULE) == [WRONG_LINES.get(name, 2)]


@pytest.mark.parametrize("name", sorted(WRONG_NAMES))
def test_the_documented_header_name_in_any_case_is_silent(name: str) -> None:
    text = WRONG_NAMES[name]
    for wrong in ("api-key", "x-akool-key", "X-Api-Token", "api_key", "X-Akool-Api-Key"):
        text = text.replace(f'"{wrong}', '"X-API-KEY').replace(f"'{wrong}", "'x-api-key")
    text = text.replace("'apikey:", "'x-api-key:").replace('"x-akool-api-key:', '"x-api-key:')
    assert rules_at(text, name, RULE) == []


def test_the_fix_names_x_api_key_for_a_key_not_for_a_token() -> None:
    found = [f for f in audit_text(WRONG_NAMES["a.py"], "a.py") if f.rule == RULE]
    assert found[0].fix is not None and found[0].fix.new == "x-api-key"
    assert "x-api-key: <key>" in found[0].message and "Bearer <token>" in found[0].message
    token = [f for f in audit_text(WRONG_NAMES["a.js"], "a.js") if f.rule == RULE]
    assert token[0].fix is None


QUIET_NAMES = {
    # Supabase's own `apikey` header, in a file that also calls AKOOL
    "supabase.py": (
        "import requests\n"
        'SB = {"apikey": SB_KEY}\n'
        'requests.post("https://x.supabase.co/rest/v1/jobs", headers=SB, json={})\n'
        f'requests.get("{QUOTA}", headers={{"x-api-key": KEY}})\n'
    ),
    # a body or a query field, not a header
    "body.py": (
        "import requests\n"
        f'requests.get("{QUOTA}", params={{"api_key": KEY}}, headers={{"x-api-key": KEY}})\n'
        'payload = {"apikey": KEY}\n'
    ),
    # the key's own header beside another that AKOOL ignores
    "both.js": f'await fetch("{QUOTA}", {{ headers: {{ "x-api-key": K, "api-key": K }} }});\n',
    # a header read, not set
    "hook.js": 'app.post("/akool", (req, res) => { const k = req.header("x-akool-key"); });\n'
    f'await fetch("{QUOTA}", {{ headers: {{ "x-api-key": K }} }});\n',
}


@pytest.mark.parametrize("name", sorted(QUIET_NAMES))
def test_other_headers_and_fields_named_like_a_key_are_silent(name: str) -> None:
    assert rules_at(QUIET_NAMES[name], name, RULE) == []


# -- Authorization without the Bearer scheme -------------------------------------------------------

NO_BEARER = {
    "a.sh": (
        f'#!/bin/sh\ncurl -s "{QUOTA}" \\\n  -H "Authorization: $AKOOL_API_KEY"\n'
        f'curl -s "{QUOTA}" \\\n  -H "Authorization: Token $AKOOL_API_KEY"\n'
    ),
    "a.py": (
        "import os, requests\nKEY = os.environ['AKOOL_API_KEY']\n"
        f'requests.get("{QUOTA}", headers={{"Authorization": f"Token {{KEY}}"}})\n'
        f'requests.get("{QUOTA}", headers={{"Authorization": os.environ["AKOOL_API_KEY"]}})\n'
    ),
    "a.js": (
        "class A {\n  async q() {\n"
        f'    await fetch("{QUOTA}", {{ headers: {{ Authorization: this.key }} }});\n'
        f'    await fetch("{QUOTA}", {{ headers: {{ "Authorization": `Basic ${{b64}}` }} }});\n'
        "  }\n}\n"
    ),
    "a.go": (
        "package main\nfunc f(apiKey string) {\n"
        f'\treq, _ := http.NewRequest("GET", "{QUOTA}", nil)\n'
        '\treq.Header.Set("Authorization", apiKey)\n\n'
        '\treq.Header.Set("Authorization", "Key "+apiKey)\n}\n'
    ),
    "A.java": (
        "class A {\n  Request r(String apiKey) {\n"
        f'    return new Request.Builder().url("{QUOTA}")\n'
        '      .header("Authorization", apiKey).build();\n  }\n}\n'
    ),
    "a.php": (
        f'<?php\n$ch = curl_init("{QUOTA}");\n'
        "curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: ' . $apiKey]);\n"
    ),
    "a.rb": (f'HTTParty.get("{QUOTA}", headers: {{ "Authorization" => ENV["AKOOL_API_KEY"] }})\n'),
}
NO_BEARER_LINES = {
    "a.sh": [3, 5],
    "a.py": [3, 4],
    "a.js": [3, 4],
    "a.go": [4, 6],
    "A.java": [4],
    "a.php": [3],
    "a.rb": [1],
}


@pytest.mark.parametrize("name", sorted(NO_BEARER))
def test_authorization_without_the_bearer_scheme_is_an_error(name: str) -> None:
    assert rules_at(NO_BEARER[name], name, RULE) == NO_BEARER_LINES[name]


def test_a_bare_key_in_authorization_is_fixed_to_x_api_key() -> None:
    found = [f for f in audit_text(NO_BEARER["a.sh"], "a.sh") if f.rule == RULE]
    assert [f.fix.new if f.fix else None for f in found] == ["x-api-key", None]
    assert 'scheme "Token"' in found[1].message


QUIET_AUTHORIZATION = {
    # Bearer written, in any case and any shape
    "bearer.py": (
        f'requests.get("{QUOTA}", headers={{"Authorization": f"Bearer {{KEY}}"}})\n'
        f'requests.get("{QUOTA}", headers={{"Authorization": "bearer " + api_key}})\n'
    ),
    # names that may already hold "Bearer ..."
    "names.js": (
        f'await fetch("{QUOTA}", {{ headers: {{ Authorization: token }} }});\n'
        f'await fetch("{QUOTA}", {{ headers: {{ Authorization: authHeader }} }});\n'
        f'await fetch("{QUOTA}", {{ headers: {{ Authorization: getAuth(apiKey) }} }});\n'
        f'await fetch("{QUOTA}", {{ headers: {{ Authorization: process.env.AKOOL_TOKEN }} }});\n'
    ),
    # a key name the file binds to a Bearer value
    "bound.py": (
        'api_key = "Bearer " + os.environ["AKOOL_TOKEN"]\n'
        f'requests.get("{QUOTA}", headers={{"Authorization": api_key}})\n'
    ),
    # another host's request, and a header read
    "other.py": (
        'requests.get("https://api.example.com/v1/x", headers={"Authorization": API_KEY})\n'
        'auth = request.headers.get("Authorization", api_key)\n'
        f'requests.get("{QUOTA}", headers={{"x-api-key": API_KEY}})\n'
    ),
    # the key's own header on the request too (both-auth-headers' case)
    "both.py": (f'requests.get("{QUOTA}", headers={{"x-api-key": KEY, "Authorization": KEY}})\n'),
}


@pytest.mark.parametrize("name", sorted(QUIET_AUTHORIZATION))
def test_authorization_that_may_hold_bearer_is_silent(name: str) -> None:
    assert rules_at(QUIET_AUTHORIZATION[name], name, RULE) == []


# -- getToken's code compared with another number than 1000 ----------------------------------------

TOKEN = (
    "import os, requests\n"
    f'res = requests.post("{B}/getToken",\n'
    '                    json={{"clientId": os.environ["CID"], "clientSecret": os.environ["CS"]}}).json()\n'
    'if res["code"] == {code}:\n'
    '    TOKEN = res["token"]\n'
)


def test_getToken_code_200_taken_as_success_is_an_error() -> None:
    """authentication/usage's table gives getToken's code 1000 (success); the status table missed
    it, the page live-faceswap (also getToken's) giving face detect's `error_code` 0 in a row whose
    description says "Error code (0: success)"."""
    assert rules_at(TOKEN.format(code=200), "token.py", "status-value") == [4]
    assert rules_at(TOKEN.format(code=1000), "token.py", "status-value") == []


# -- a comparison a function named for a state returns ---------------------------------------------

IMAGE_INFO = f"{B}/content/image/infobymodelid"
RETURNED = {
    "done.ts": (
        'const H = {{ "x-api-key": process.env.AKOOL_API_KEY! }};\n'
        "export async function {name}(id: string) {{\n"
        f"  const r = await fetch(`{IMAGE_INFO}?image_model_id=${{{{id}}}}`, {{{{ headers: H }}}});\n"
        "  const j = await r.json();\n"
        "  return j.data.image_status === {value};\n}}\n"
    ),
    "done.py": (
        "import requests\n\n\ndef {name}(i):\n"
        f'    r = requests.get("{IMAGE_INFO}", params={{{{"image_model_id": i}}}},'
        ' headers={{"x-api-key": K}}).json()\n'
        '    return r["data"]["image_status"] == {value}\n'
    ),
}


@pytest.mark.parametrize("name", sorted(RETURNED))
def test_a_done_function_returning_processing_is_an_error(name: str) -> None:
    """image-generate gives image_status 2 processing, 3 completed: `done()` returning `== 2` says
    the job is done while it is still processing."""
    line = 5 if name.endswith(".ts") else 6
    assert rules_at(RETURNED[name].format(name="done", value=2), name, "status-value") == [line]
    text = RETURNED[name].format(name="isComplete", value=2)
    assert rules_at(text, name, "status-value") == [line]


@pytest.mark.parametrize("name", sorted(RETURNED))
def test_a_returned_comparison_of_the_right_state_or_an_unnamed_function_is_silent(
    name: str,
) -> None:
    assert rules_at(RETURNED[name].format(name="done", value=3), name, "status-value") == []
    assert rules_at(RETURNED[name].format(name="check", value=2), name, "status-value") == []
    assert rules_at(RETURNED[name].format(name="isProcessing", value=2), name, "status-value") == []


# -- a parse of a response's body with keys read on it, and Ruby's `.first` ---------------------------

LISTBYIDS = f"{B}/faceswap/result/listbyids"
ROWS = {
    "swap.rb": (
        'require "faraday"; require "json"\n'
        f'res = Faraday.get("{LISTBYIDS}", {{ _ids: ARGV[0] }}, {{ "x-api-key" => ENV["K"] }})\n'
        'row = JSON.parse(res.body)["data"]["result"]{item}\n'
        'puts row["{field}"] if row["faceswap_status"] == 3\n'
    ),
    "rows.rb": (
        'require "faraday"; require "json"\n'
        f'res = Faraday.get("{LISTBYIDS}", {{ _ids: ARGV[0] }}, {{ "x-api-key" => ENV["K"] }})\n'
        'rows = JSON.parse(res.body)["data"]["result"]\n'
        "row = rows{item}\n"
        'puts row["{field}"]\n'
    ),
    "swap.js": (
        'const got = require("got");\n'
        f'const res = await got("{LISTBYIDS}?_ids=1", {{ headers: {{ "x-api-key": K }} }});\n'
        "const row = JSON.parse(res.body).data.result{item};\n"
        "console.log(row.{field});\n"
    ),
}


# (JavaScript's lists have no `.first`: its file is read with `[0]` alone)
ROW_ITEMS = [
    (name, item)
    for name in sorted(ROWS)
    for item in (("[0]",) if name.endswith(".js") else (".first", "[0]"))
]


@pytest.mark.parametrize(("name", "item"), ROW_ITEMS)
def test_a_row_of_a_parsed_body_is_read_as_the_answers_item(name: str, item: str) -> None:
    """faceswap/result/listbyids gives data.result[i] `url`, not `result_url`."""
    text = ROWS[name].replace("{item}", item)
    line = 5 if name == "rows.rb" else 4
    assert rules_at(text.replace("{field}", "result_url"), name, "answer-field") == [line]
    assert rules_at(text.replace("{field}", "url"), name, "answer-field") == []


# -- a Java cast of a getter's value read on ----------------------------------------------------------

CAST_READ = (
    "import java.util.Map;\n"
    "import org.springframework.web.reactive.function.client.WebClient;\n"
    "public class Img {\n"
    f'  WebClient c = WebClient.builder().baseUrl("{B}").defaultHeader("x-api-key", K).build();\n'
    "  public String gen(String p) {\n"
    '    Map<?, ?> res = c.post().uri("/content/image/createbyprompt")'
    '.bodyValue(Map.of("prompt", p, "scale", "1:1")).retrieve().bodyToMono(Map.class).block();\n'
    '    return (String) ((Map<?, ?>) res.get("data")).get("{field}");\n'
    "  }\n}\n"
)


def test_a_read_through_a_cast_of_the_data_field_is_judged() -> None:
    """image-generate's create answer gives data {_id, image_status}, no image_id."""
    text = CAST_READ.replace("{field}", "image_id")
    found = [f for f in audit_text(text, "Img.java") if f.rule == "response-field"]
    assert [(f.line, f.column) for f in found] == [(7, 56)]
    assert rules_at(CAST_READ.replace("{field}", "_id"), "Img.java", "response-field") == []


# -- a Postman collection's and a HAR's header pairs -------------------------------------------------

POSTMAN = (
    '{{\n  "info": {{"name": "AKOOL", "schema": '
    '"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}},\n'
    '  "item": [\n    {{\n      "name": "quota",\n      "request": {{\n'
    '        "method": "GET",\n        "header": [\n          {{\n'
    '            "key": "{name}",\n            "value": "{value}",\n'
    '            "type": "text"\n          }}\n        ],\n'
    f'        "url": {{{{"raw": "{QUOTA}"}}}}\n'
    "      }}\n    }}\n  ]\n}}\n"
)
HAR = (
    '{{"log": {{"entries": [{{"request": {{"method": "GET", '
    f'"url": "{QUOTA}",\n'
    '  "headers": [{{"name": "{name}", "value": "{value}"}}]}}}}]}}}}\n'
)


@pytest.mark.parametrize(
    ("name", "value"),
    [("x-akool-key", "{{apiKey}}"), ("apikey", "{{apiKey}}"), ("Authorization", "{{apiKey}}")],
)
def test_postman_and_har_header_pairs_are_judged(name: str, value: str) -> None:
    postman = POSTMAN.format(name=name, value=value)
    assert rules_at(postman, "a.postman_collection.json", RULE) == [10]
    assert rules_at(HAR.format(name=name, value=value), "a.har", RULE) == [2]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("X-API-KEY", "{{apiKey}}"),
        ("Authorization", "Bearer {{token}}"),
        ("Authorization", "{{token}}"),
    ],
)
def test_postman_and_har_documented_pairs_are_silent(name: str, value: str) -> None:
    postman = POSTMAN.format(name=name, value=value)
    assert rules_at(postman, "a.postman_collection.json", RULE) == []
    assert rules_at(HAR.format(name=name, value=value), "a.har", RULE) == []


# -- the envelope's code read after a call given a URL held in a name ----------------------------------

HELD = (
    "import os\nimport requests\n\n"
    f'INFO = "{B}/content/video/infobymodelid"\n'
    'res = requests.get(INFO, params={{"video_model_id": "x"}}, headers={{"x-api-key": K}}).json()\n'
    'if res["code"] == {code}:\n'
    '    print(res["data"]["video"])\n'
)


def test_the_code_of_a_call_given_a_held_url_is_judged() -> None:
    """The call is made where INFO is passed, not where the URL is written: the read of `code`
    right after it is of AKOOL's answer (code 1000 for success)."""
    assert rules_at(HELD.format(code=200), "held.py", "status-value") == [6]
    assert rules_at(HELD.format(code=1000), "held.py", "status-value") == []
    other = HELD.format(code=200).replace(
        "if res", 'res = requests.get("https://api.example.com/x").json()\nif res'
    )
    assert rules_at(other, "held.py", "status-value") == []


# -- a Ruby client's positional headers hash ------------------------------------------------------------

RUBY_POSITIONAL = {
    "faraday": 'a = Faraday.get(U, {{ _ids: 1 }}, {{ "{name}" => ENV["AKOOL_API_KEY"] }})\n',
    "restclient": 'c = RestClient.get(U, {{ "{name}" => ENV["AKOOL_API_KEY"] }})\n',
    "net_http": 'd = Net::HTTP::Get.new(URI(U), "{name}" => ENV["AKOOL_API_KEY"])\n',
}


@pytest.mark.parametrize("shape", sorted(RUBY_POSITIONAL))
def test_a_ruby_clients_positional_headers_are_read(shape: str) -> None:
    head = f'require "faraday"\nU = "{QUOTA}"\n'
    text = head + RUBY_POSITIONAL[shape]
    assert rules_at(text.format(name="x-akool-key"), "a.rb", RULE) == [3]
    assert rules_at(text.format(name="X-Api-Key"), "a.rb", RULE) == []


def test_a_ruby_clients_params_hash_is_no_headers() -> None:
    text = f'U = "{QUOTA}"\na = Faraday.get(U, {{ "api_key" => K, "x" => 1 }}, {{ "x-api-key" => K }})\n'
    assert rules_at(text, "a.rb", RULE) == []
    assert (
        rules_at(f'U = "{QUOTA}"\ne = Faraday.get(U, {{ "api_key" => K }})\n', "a.rb", RULE) == []
    )


def test_a_call_to_the_scripts_own_server_path_is_silent() -> None:
    """A test of the script's own server (`client.post("/generate", headers=...)`) sends that
    server's credentials, in a file whose other call is AKOOL's."""
    text = (
        "import requests\n\n"
        "def generate():\n"
        f'    return requests.get("{QUOTA}", headers={{"x-api-key": K}}).json()\n\n'
        "def test_generate(client):\n"
        '    client.post("/generate", headers={"api-key": INTERNAL_KEY})\n'
        '    client.post("/generate", headers={"Authorization": INTERNAL_KEY})\n'
    )
    assert rules_at(text, "proxy.py", RULE) == []
    assert rules_at(text.replace('"/generate"', "path"), "proxy.py", RULE) == [7, 8]
