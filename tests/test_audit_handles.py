"""`akool audit` reads a body set on a request handle after the call that names the URL (PHP's
procedural cURL, pycurl, Ruby's Net::HTTP), and ties the answer of a request sent with its method
first (`requests.request("POST", url, ...)`, as docs.akool.com's Python tabs write it) to its call
(issue 21, a break-it run's M5-M7). The corpus scripts of these shapes are in
tests/audit_corpus/handles21/."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "handles21"
PROMPT = "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


# -- M5: PHP's procedural cURL -------------------------------------------------------------------

PHP_BODIES = {
    "named": f"$ch = curl_init('{PROMPT}');\n"
    "$body = ['prompt' => 'a dog', 'scale' => '16:10', 'webhook' => ''];\n"
    "curl_setopt($ch, CURLOPT_POST, true);\n"
    "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));\n",
    "inline": f"$ch = curl_init('{PROMPT}');\n"
    "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a dog', 'scale' => '16:10', "
    "'webhook' => '']));\n",
    "encoded first": f"$ch = curl_init('{PROMPT}');\n"
    "$body = ['prompt' => 'a dog', 'scale' => '16:10', 'webhook' => ''];\n"
    "$json = json_encode($body);\n"
    "curl_setopt($ch, CURLOPT_POSTFIELDS, $json);\n",
    "env base": "$base = getenv('AKOOL_BASE') ?: 'https://openapi.akool.com/api/open/v3';\n"
    '$ch = curl_init("$base/content/image/createbyprompt");\n'
    "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a dog', 'scale' => '16:10', "
    "'webhook' => '']));\n",
    "setopt_array": "$ch = curl_init();\n"
    f"curl_setopt_array($ch, [CURLOPT_URL => '{PROMPT}', CURLOPT_POST => true,\n"
    "    CURLOPT_POSTFIELDS => json_encode(['prompt' => 'a dog', 'scale' => '16:10', "
    "'webhook' => ''])]);\n",
    "setopt_array after init": f"$ch = curl_init('{PROMPT}');\n"
    "curl_setopt_array($ch, array(CURLOPT_POST => true, CURLOPT_POSTFIELDS => json_encode(array(\n"
    "    'prompt' => 'a dog', 'scale' => '16:10', 'webhook' => ''))));\n",
    "url option": f"$url = '{PROMPT}';\n"
    "$ch = curl_init();\n"
    "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a dog', 'scale' => '16:10', "
    "'webhook' => '']));\n"
    "curl_setopt($ch, CURLOPT_URL, $url);\n",
}


@pytest.mark.parametrize("shape", sorted(PHP_BODIES))
def test_m5_a_body_set_on_a_php_curl_handle_is_the_calls(shape: str) -> None:
    got = [(rule, what) for _, rule, what in found("<?php\n" + PHP_BODIES[shape], "a.php")]
    assert sorted(got) == [("bad-value", "'16:10'"), ("misnamed-field", "webhook")]


def test_m5_the_answer_of_a_curl_handle_is_its_calls() -> None:
    text = (
        "<?php\n" + PHP_BODIES["named"] + "$out = json_decode(curl_exec($ch), true);\n"
        "echo $out['data']['image_url'];\n"
    )
    assert ("response-field", 7) in [(f.rule, f.line) for f in audit_text(text, "a.php")]


def test_m5_the_answer_of_a_handle_given_a_url_held_in_a_name_is_its_calls() -> None:
    text = (
        "<?php\n" + PHP_BODIES["url option"] + "$out = json_decode(curl_exec($ch), true);\n"
        "echo $out['data']['_id'], $out['data']['image_url'];\n"
    )
    assert [(f.rule, f.found) for f in audit_text(text, "u.php") if f.line == 7] == [
        ("response-field", "image_url")
    ]


def test_m5_each_handle_binding_is_its_own_request() -> None:
    """A handle bound again is another request: its body is never the first one's, nor is a
    handle of the same name in another function."""
    text = (
        "<?php\n"
        "function talk($photo, $audio) {\n"
        f"    $ch = curl_init('{TALK}');\n"
        "    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['talking_photo_url' => $photo, "
        "'audio_url' => $audio, 'resolution' => '1080']));\n"
        "    return json_decode(curl_exec($ch), true)['data']['_id'];\n"
        "}\n"
        "function image($prompt) {\n"
        f"    $ch = curl_init('{PROMPT}');\n"
        "    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => $prompt, "
        "'scale' => '16:9']));\n"
        "    return json_decode(curl_exec($ch), true)['data']['image_status'];\n"
        "}\n"
        f"$ch = curl_init('{TALK}');\n"
        "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['talking_photo_url' => 'p', "
        "'audio_url' => 'a']));\n"
        f"$ch = curl_init('{PROMPT}');\n"
        "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'x', 'scale' => '1:1']));\n"
    )
    assert places(audit_text(text, "two.php")) == []


def test_m5_a_curl_handle_a_wrapper_fills_is_unchanged() -> None:
    """The wrapper shape that was read before (`akool_request($url, [...])`) still is, once."""
    text = (
        "<?php\n"
        "function akool_request($url, $body) {\n"
        "    $ch = curl_init($url);\n"
        "    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));\n"
        "    return json_decode(curl_exec($ch), true);\n"
        "}\n"
        f"akool_request('{PROMPT}', ['prompt' => 'a dog', 'scale' => '16:10']);\n"
    )
    assert places(audit_text(text, "w.php")) == [(7, "bad-value")]


def test_m5_pycurl_postfields() -> None:
    text = (
        "import json\nimport pycurl\n\nc = pycurl.Curl()\n"
        f'c.setopt(pycurl.URL, "{PROMPT}")\n'
        'c.setopt(pycurl.POSTFIELDS, json.dumps({"prompt": "a dog", "size": "1:1"}))\n'
        "c.perform()\n"
    )
    assert found(text, "p.py") == [(6, "misnamed-field", "size")]


# -- M6: Ruby's Net::HTTP -------------------------------------------------------------------------

RUBY_HEAD = (
    'require "net/http"\nrequire "json"\n'
    'BASE = ENV.fetch("AKOOL_BASE_URL", "https://openapi.akool.com/api/open/v3")\n'
    'uri = URI("#{BASE}/content/video/createbytalkingphoto")\n'
)
RUBY_BODIES = {
    "symbols": 'req.body = { talking_photo_url: "p", audio_url: "a", resolution: "2k", '
    'webhook: "" }.to_json\n',
    "strings": 'req.body = { "talking_photo_url" => "p", "audio_url" => "a", "resolution" => "2k", '
    '"webhook" => "" }.to_json\n',
    "generate": 'req.body = JSON.generate({ talking_photo_url: "p", audio_url: "a", '
    'resolution: "2k", webhook: "" })\n',
    "dump": 'payload = { "talking_photo_url" => "p", "audio_url" => "a", "resolution" => "2k", '
    '"webhook" => "" }\nreq.body = JSON.dump(payload)\n',
    "named": 'payload = { talking_photo_url: "p", audio_url: "a", resolution: "2k", webhook: "" }\n'
    "req.body = payload.to_json\n",
}


@pytest.mark.parametrize("shape", sorted(RUBY_BODIES))
def test_m6_a_body_set_on_a_net_http_request_is_the_calls(shape: str) -> None:
    text = (
        RUBY_HEAD + 'req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json", '
        '"x-api-key" => ENV["AKOOL_API_KEY"])\n'
        + RUBY_BODIES[shape]
        + "res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }\n"
        + 'puts JSON.parse(res.body)["data"]["id"]\n'
    )
    got = sorted((rule, what) for _, rule, what in found(text, "t.rb"))
    assert got == [("bad-value", '"2k"'), ("misnamed-field", "webhook"), ("response-field", "id")]


def test_m6_a_body_given_with_the_request_object() -> None:
    text = (
        RUBY_HEAD + "http = Net::HTTP.new(uri.host, uri.port)\n"
        'req = Net::HTTP::Post.new(uri.path, "Content-Type" => "application/json")\n'
        'res = http.request(req, { talking_photo_url: "p", audio_url: "a", resolution: "2k" }.to_json)\n'
    )
    assert [rule for _, rule, _ in found(text, "r.rb")] == ["bad-value"]


def test_m6_net_http_post_with_a_body_and_headers() -> None:
    text = (
        RUBY_HEAD
        + 'body = { talking_photo_url: "p", audio_url: "a", resolution: "2k" }\n'
        + 'res = Net::HTTP.post(uri, body.to_json, "x-api-key" => ENV["AKOOL_API_KEY"])\n'
    )
    assert [rule for _, rule, _ in found(text, "p.rb")] == ["bad-value"]


@pytest.mark.parametrize(
    "send",
    [
        'req = Net::HTTP::Post.new(uri.request_uri, { "Content-Type" => "application/json" })\n'
        'req.body = { talking_photo_url: "p", audio_url: "a" }.to_json\n',
        'hdrs = { "Content-Type" => "application/json", "x-api-key" => ENV["K"] }\n'
        "req = Net::HTTP::Post.new(uri, hdrs)\n"
        'req.body = { talking_photo_url: "p", audio_url: "a" }.to_json\n',
        'res = Net::HTTP.post(uri, { talking_photo_url: "p", audio_url: "a" }.to_json, '
        '{ "Content-Type" => "application/json", "x-api-key" => ENV["K"] })\n',
    ],
)
def test_m6_headers_given_to_net_http_are_not_a_body(send: str) -> None:
    """`Net::HTTP::Post.new(path, initheader)` and `Net::HTTP.post(uri, data, header)`: a hash
    of header names is headers, never fields of the body."""
    assert places(audit_text(RUBY_HEAD + send, "h.rb")) == []


def test_m6_an_instance_variable_request_and_a_correct_one() -> None:
    text = (
        'require "net/http"\nclass Akool\n  BASE = "https://openapi.akool.com/api/open/v3"\n'
        "  def talk(photo, audio)\n"
        '    uri = URI("#{BASE}/content/video/createbytalkingphoto")\n'
        "    @req = Net::HTTP::Post.new(uri)\n"
        '    @req.body = { talking_photo_url: photo, audio_url: audio, resolution: "1080" }.to_json\n'
        "  end\n"
        "  def image(prompt)\n"
        '    uri = URI("#{BASE}/content/image/createbyprompt")\n'
        "    @req = Net::HTTP::Post.new(uri)\n"
        '    @req.body = { prompt: prompt, scale: "16:9" }.to_json # a wide one\n'
        "  end\nend\n"
    )
    assert places(audit_text(text, "ok.rb")) == []


# -- M7: the answer of a request sent with its method first ------------------------------------------

SENDS = {
    "requests.request": 'response = requests.request("POST", url, headers=headers, data=payload)',
    "httpx.request": 'response = httpx.request("POST", url, headers=headers, content=payload)',
    "session.request": 'response = session.request("POST", url, headers=headers, data=payload)',
    "keywords": 'response = requests.request(method="POST", url=url, data=payload)',
}


@pytest.mark.parametrize("send", sorted(SENDS))
def test_m7_the_answer_of_a_request_with_its_method_first_is_read(send: str) -> None:
    text = (
        "import json, requests, httpx\nsession = requests.Session()\n"
        f'url = "{TALK}"\n'
        'payload = json.dumps({"talking_photo_url": "p", "audio_url": "a", "resolution": "720"})\n'
        "headers = {'x-api-key': '{{API Key}}', 'Content-Type': 'application/json'}\n"
        + SENDS[send]
        + '\nprint(response.json()["data"]["video_url"])\n'
        + 'print(response.json()["data"]["_id"], response.json()["data"]["video_status"])\n'
    )
    assert found(text, "docs.py") == [(7, "response-field", "video_url")]


def test_m7_a_clients_get_with_its_method_first() -> None:
    text = (
        "import httpx\n"
        'STATUS = "https://openapi.akool.com/api/open/v3/content/image/infobymodelid"\n'
        "with httpx.Client() as client:\n"
        '    r = client.request("GET", STATUS, params={"image_model_id": "x"})\n'
        '    print(r.json()["data"]["image_status"])\n'
        '    print(r.json()["data"]["status"])\n'
    )
    assert found(text, "s.py") == [(6, "response-field", "status")]


def test_m7_gos_new_request_with_its_method_first() -> None:
    text = (
        'package main\n\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n\nfunc main() {\n'
        f'\turl := "{TALK}"\n'
        '\treq, _ := http.NewRequest("POST", url, nil)\n'
        "\tresp, _ := http.DefaultClient.Do(req)\n"
        "\tvar out map[string]interface{}\n"
        "\tjson.NewDecoder(resp.Body).Decode(&out)\n"
        '\tdata := out["data"].(map[string]interface{})\n'
        '\tprintln(data["video_url"].(string), data["_id"].(string))\n}\n'
    )
    assert found(text, "g.go") == [(15, "response-field", "video_url")]


# -- the corpus folder, and a name another file binds ---------------------------------------------


def test_the_corpus_folder_gives_its_expected_findings_only() -> None:
    result = audit([CORPUS], exclude=["expected.json"])
    bad = {"curl_good.php", "net_http_good.rb", "request_good.py"}
    assert not [f for f in result.findings if Path(f.file).name in bad]
    assert len([f for f in result.findings if f.severity != "info"]) == 20


def test_a_dicts_url_key_is_not_another_files_url(tmp_path: Path) -> None:
    """A docs-tab script's `url = "https://.../createbytalkingphoto"` beside a file that reads
    `env["url"]` or `env.url` of a parameter: the parameter's value is no AKOOL URL."""
    (tmp_path / "docs_tab.py").write_text(f'import requests\nurl = "{TALK}"\n', encoding="utf-8")
    (tmp_path / "own.py").write_text(
        "import requests\ndef b(env):\n"
        '    base = env["url"]\n    return requests.get(f"{base}/status")\n',
        encoding="utf-8",
    )
    (tmp_path / "own.js").write_text(
        "function b(env) {\n  const base = env.url;\n  return fetch(`${base}/status`);\n}\n",
        encoding="utf-8",
    )
    assert places(audit([tmp_path]).findings) == []
