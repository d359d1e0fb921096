"""Session 32, recall32c: PHP, Ruby and Python misses (/work/notes/repro21t) and the shapes of a
program-structure matrix for Python: each shape the audit missed, with a correct twin that stays
silent."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

B = "https://openapi.akool.com/api/open/v3"


def rules_at(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name))


# -- CodeIgniter 4's curlrequest service given a baseURI ---------------------------------------------

CI4 = "\n".join(
    [
        "<?php",
        "$client = {make}['baseURI' => '{base}']);",
        "$res = $client->get('{path}', ['query' => ['{key}' => $id]]);",
    ]
)


@pytest.mark.parametrize("make", ["service('curlrequest', ", "\\Config\\Services::curlrequest("])
def test_ci4_curlrequest_base_uri_is_joined(make: str) -> None:
    text = CI4.format(make=make, base=B + "/", path="content/video/infobymodelid", key="video_id")
    assert rules_at(text, "v.php") == [(3, "unknown-field")]
    typo = CI4.format(
        make=make, base=B + "/", path="content/video/infobymodelidx", key="video_model_id"
    )
    assert rules_at(typo, "v.php") == [(3, "unknown-endpoint")]


def test_ci4_curlrequest_base_uri_resolves_as_rfc3986() -> None:
    """CI4's CURLRequest resolves a path against baseURI (URI::resolveRelativeURI): a base without
    its trailing "/" loses v3, a leading "/" drops the base's path; the documented form is silent."""
    make = "service('curlrequest', "
    good = CI4.format(
        make=make, base=B + "/", path="content/video/infobymodelid", key="video_model_id"
    )
    assert rules_at(good, "v.php") == []
    short = CI4.format(make=make, base=B, path="content/video/infobymodelid", key="video_model_id")
    assert rules_at(short, "v.php") == [(3, "unknown-endpoint")]


# -- Laravel's client bound to `$http` (a PHP variable, never the `http` module) ---------------------

LARAVEL = (
    "<?php\n"
    "use Illuminate\\Support\\Facades\\Http;\n"
    "${name} = Http::withHeaders(['x-api-key' => $k])->baseUrl('" + B + "');\n"
    "$r = ${name}->post('/content/video/createbytalkingphoto', ['talking_photo_url' => $p,"
    " 'audio_url' => $a, 'resolution' => '{res}']);\n"
)


@pytest.mark.parametrize("name", ["http", "api", "this->http"])
def test_laravel_client_named_http_is_joined(name: str) -> None:
    assert rules_at(LARAVEL.format(name=name, res="720p"), "l.php") == [(4, "bad-value")]
    assert rules_at(LARAVEL.format(name=name, res="720"), "l.php") == []


# -- Python queries as pairs, dict(k=v), QueryParams and urlencode joined to the URL -----------------

PY_QUERY = (
    "import httpx, requests\n"
    "from urllib.parse import urlencode\n"
    'I = "' + B + '/content/video/infobymodelid"\n'
    "{pre}r = {call}\n"
)
SHAPES = [
    ("", 'requests.get(I, params=[("{k}", v)])'),
    ("", 'requests.get(I, params=(("{k}", v),))'),
    ("", 'requests.get(I, params=dict({k}="x"))'),
    ("", 'httpx.get(I, params=httpx.QueryParams({{"{k}": v}}))'),
    ("", "httpx.get(I, params=httpx.QueryParams({k}=v))"),
    ("", 'requests.get(I + "?" + urlencode({{"{k}": v}}))'),
    ("", 'requests.get(I + "?" + urllib.parse.urlencode([("{k}", v)]))'),
    ('q = [("{k}", v)]\n', "requests.get(I, params=q)"),
    ('q = httpx.QueryParams({k}="x")\n', "httpx.get(I, params=q)"),
]


@pytest.mark.parametrize(("pre", "call"), SHAPES)
def test_python_query_shapes_are_read(pre: str, call: str) -> None:
    wrong = PY_QUERY.format(pre=pre.format(k="video_id"), call=call.format(k="video_id"))
    found = rules_at(wrong, "q.py")
    assert [rule for _, rule in found] in (["unknown-field"], ["misnamed-field"]), found
    right = PY_QUERY.format(
        pre=pre.format(k="video_model_id"), call=call.format(k="video_model_id")
    )
    assert rules_at(right, "q.py") == []


def test_python_urlencoded_form_body_is_no_query() -> None:
    text = (
        "import requests\nfrom urllib.parse import urlencode\n"
        'requests.post("' + B + '/content/video/createbytalkingphoto", '
        'data=urlencode({"talking_photo_url": "p", "audio_url": "a", "resolution": "720"}))\n'
    )
    assert rules_at(text, "f.py") == []


# -- a PHP template's branch and Symfony's toArray() answers walked in a loop -----------------------

TEMPLATE = "\n".join(
    [
        "<?php",
        "$ctx = stream_context_create(['http' => ['header' => 'x-api-key: ' . getenv('K')]]);",
        "$json = json_decode(file_get_contents('" + B + "/faceswap/result/listbyids?_ids='"
        " . urlencode($ids), false, $ctx), true);",
        "?>",
        "<?php foreach ($json['data']['result'] as $item): ?>",
        "  <?php {open} ($item['faceswap_status'] == {status}): ?>",
        "    <img src=\"<?= htmlspecialchars($item['url']) ?>\"> done",
        "  <?php endif; ?>",
        "<?php endforeach; ?>",
        "",
    ]
)


@pytest.mark.parametrize("open_", ["if", "elseif"])
def test_php_template_success_branch_is_read(open_: str) -> None:
    text = TEMPLATE.replace("{open}", open_)
    assert rules_at(text.replace("{status}", "2"), "g.php") == [(6, "status-value")]
    assert rules_at(text.replace("{status}", "3"), "g.php") == []


SYMFONY = "\n".join(
    [
        "<?php",
        "$client = \\Symfony\\Component\\HttpClient\\HttpClient::create();",
        "$response = $client->request('GET', '" + B + "/language/list', "
        "['headers' => ['x-api-key' => 'k']]);",
        "$data = $response->toArray();",
        "foreach ($data['data']['lang_list'] as $lang) {",
        "    echo $lang['{field}'];",
        "}",
        "",
    ]
)


def test_symfony_to_array_items_are_judged() -> None:
    assert rules_at(SYMFONY.replace("{field}", "code"), "l.php") == [(6, "answer-field")]
    assert rules_at(SYMFONY.replace("{field}", "lang_code"), "l.php") == []


# -- Ruby's verbs called without parentheses on a client given a base ------------------------------

FARADAY = "\n".join(
    [
        'require "faraday"',
        'conn = Faraday.new(url: "' + B + '", headers: {{ "x-api-key" => ENV["K"] }})',
        "r = conn.get {path}, {query}",
        "",
    ]
)


@pytest.mark.parametrize("query", ["video_id: id", "{ video_id: id }", '"video_id" => id'])
def test_ruby_command_get_on_a_client_reads_its_query(query: str) -> None:
    wrong = FARADAY.format(path='"content/video/infobymodelid"', query=query)
    assert [rule for _, rule in rules_at(wrong, "a.rb")] in (["unknown-field"], ["misnamed-field"])
    right = FARADAY.format(path="'content/video/infobymodelid'", query="video_model_id: id")
    assert rules_at(right, "a.rb") == []


def test_ruby_command_verbs_join_their_path_to_the_client_base() -> None:
    typo = FARADAY.format(path='"content/video/infobymodelidx"', query="video_model_id: id")
    assert rules_at(typo, "a.rb") == [(3, "unknown-endpoint")]
    httparty = "\n".join(
        [
            "class Akool",
            "  include HTTParty",
            '  base_uri "' + B + '"',
            "  def info(id)",
            '    self.class.get "/content/video/infobymodelid", query: { video_id: id }',
            "  end",
            "end",
            "",
        ]
    )
    assert [rule for _, rule in rules_at(httparty, "a.rb")] == ["unknown-field"]


# -- a language's name where the docs ask for language codes -----------------------------------------

TRANSLATE = (
    "import requests\n"
    'requests.post("' + B + '/content/video/createbytranslate", json={{"url": u, '
    '"language": "{language}", "source_language": "{source}"}})\n'
)


@pytest.mark.parametrize(
    ("language", "source", "fixed"),
    [
        ("Spanish", "DEFAULT", '"es"'),
        ("es,French", "en", '"es,fr"'),
        ("zh-CN", "english", '"en"'),
    ],
)
def test_translate_language_names_are_found_with_their_codes(
    language: str, source: str, fixed: str
) -> None:
    found = audit_text(TRANSLATE.format(language=language, source=source), "t.py")
    assert [(f.line, f.rule) for f in found] == [(2, "bad-value")]
    assert fixed in found[0].message


@pytest.mark.parametrize(
    ("language", "source"), [("es", "DEFAULT"), ("es,fr,zh-CN", "en"), ("ja,zh-CN-shandong", "zh")]
)
def test_translate_language_codes_stay_silent(language: str, source: str) -> None:
    assert rules_at(TRANSLATE.format(language=language, source=source), "t.py") == []


def test_iso_code_fields_take_the_name_as_a_code() -> None:
    text = (
        "import requests\n"
        'requests.post("https://openapi.akool.com/api/open/v4/voice/tts", json={"input_text": "hi",'
        ' "voice_id": "v", "language_code": "english"})\n'
    )
    found = audit_text(text, "t.py")
    assert [(f.line, f.rule) for f in found] == [(2, "bad-value")] and '"en"' in found[0].message


# -- a PHP client's base given as a property or a constructor parameter's default -----------------

PHP_HELD_BASE = "\n".join(
    [
        "<?php",
        "class Akool {{",
        "    public $root = '" + B + "';",
        "    public function __construct(string $base = '" + B + "/') {{",
        "        $this->guzzle = new \\GuzzleHttp\\Client(['base_uri' => $base]);",
        "    }}",
        "    public function video(string $id) {{",
        "        $client = new \\yii\\httpclient\\Client(['baseUrl' => $this->root]);",
        "        return $client->get('{yii}', ['video_model_id' => $id])->send();",
        "    }}",
        "    public function talk() {{",
        "        return $this->guzzle->post('{guzzle}', ['json' => []]);",
        "    }}",
        "}}",
        "",
    ]
)


def test_php_client_base_held_in_a_property_or_a_parameter_default_is_joined() -> None:
    text = PHP_HELD_BASE.format(
        yii="content/video/infobymodelidx", guzzle="content/video/createbytalkingphotos"
    )
    assert rules_at(text, "a.php") == [(9, "unknown-endpoint"), (12, "unknown-endpoint")]


# -- a Python model built from the answer's data --------------------------------------------------

MODEL = "\n".join(
    [
        "from dataclasses import dataclass",
        "import requests",
        "",
        "@dataclass",
        "class Info:",
        "    video_status: int",
        '    {field}: str = ""',
        "",
        "def info(v):",
        '    j = requests.get("' + B + '/content/video/infobymodelid", '
        'params={{"video_model_id": v}}).json()',
        "{body}",
        "",
    ]
)


@pytest.mark.parametrize(
    "body",
    [
        '    return Info(**j["data"])',
        '    data = j["data"]\n    return Info(**data)',
        '    return Info.model_validate(j["data"])',
    ],
)
def test_python_model_of_the_answer_data_is_judged(body: str) -> None:
    assert rules_at(MODEL.format(field="video_url", body=body), "m.py") == [(7, "response-field")]
    assert rules_at(MODEL.format(field="video", body=body), "m.py") == []


# -- a helper that sends the body it is given unchanged -----------------------------------------------

HELPER = "\n".join(
    [
        "import requests",
        'BASE = "' + B + '"',
        "def _post(path, body):",
        "{sends}",
        '_post("/content/video/createbytalkingphoto", {{"talking_photo_url": "p"}})',
        "",
    ]
)


def test_missing_field_through_a_helper_that_sends_its_body_unchanged() -> None:
    sends = "    return requests.post(BASE + path, json=body).json()"
    assert rules_at(HELPER.format(sends=sends), "h.py") == [(5, "missing-field")]


@pytest.mark.parametrize(
    "sends",
    [
        '    body["audio_url"] = "a"\n    return requests.post(BASE + path, json=body).json()',
        '    return requests.post(BASE + path, json={**body, "audio_url": "a"}).json()',
        "    return requests.post(BASE + path, json=add_defaults(body)).json()",
    ],
)
def test_a_helper_that_adds_to_its_body_is_not_judged(sends: str) -> None:
    assert rules_at(HELPER.format(sends=sends), "h.py") == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "h.js",
            "const BASE = '" + B + "';\n"
            "async function post(path, body) {\n"
            "  return fetch(BASE + path, { method: 'POST', body: JSON.stringify(body) });\n"
            "}\n"
            "post('/content/video/createbytalkingphoto', { talking_photo_url: 'p' });\n",
        ),
        (
            "h.sh",
            'BASE="' + B + '"\n'
            'akool_post() {\n  curl -s -X POST "$BASE$1" -d "$2"\n}\n'
            'akool_post /content/video/createbytalkingphoto \'{"talking_photo_url": "p"}\'\n',
        ),
        (
            "h.php",
            "<?php\nfunction akool_post($path, $body) {\n"
            "    $ch = curl_init('" + B + "' . $path);\n"
            "    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));\n"
            "    return curl_exec($ch);\n}\n"
            "akool_post('/content/video/createbytalkingphoto', ['talking_photo_url' => 'p']);\n",
        ),
    ],
)
def test_missing_field_through_helpers_of_other_languages(name: str, text: str) -> None:
    assert [rule for _, rule in rules_at(text, name)] == ["missing-field"]


# -- a helper handing its path on to another, with a lookup's .get( in its arguments -----------------


def test_a_lookup_get_in_a_passed_on_call_says_no_method() -> None:
    text = "\n".join(
        [
            "import os, requests",
            'BASE = "' + B + '"',
            "def akool_post(path, body):",
            "    return requests.post(BASE + path, json=body).json()",
            "def hooked(path, body):",
            '    return akool_post(path, {**body, "webhookUrl": os.environ.get("HOOK", "")})',
            'hooked("/content/video/createbytalkingphoto", {"talking_photo_url": p, "audio_url": a})',
            "",
        ]
    )
    assert rules_at(text, "h.py") == []
    assert rules_at(text.replace("createbytalkingphoto", "createbyphoto"), "h.py") == [
        (7, "unknown-endpoint")
    ]


# -- a helper handing its keyword arguments whole to the HTTP library ---------------------------------

KW_HELPER = "\n".join(
    [
        "import requests",
        "class Akool:",
        "    def __init__(self):",
        '        self.base = "' + B + '"',
        "        self.session = requests.Session()",
        "    def _request(self, method, path, **kw):",
        "{body}",
        "    def talk(self, photo):",
        '        return self._request("POST", "/content/video/createbytalkingphoto",'
        ' json={{"talking_photo_url": photo}})',
        "",
    ]
)


def test_missing_field_through_a_helper_handing_on_its_keyword_arguments() -> None:
    body = (
        '        return self.session.request(method, f"{self.base}{path}", timeout=60, **kw).json()'
    )
    assert rules_at(KW_HELPER.format(body=body), "k.py") == [(9, "missing-field")]
    added = '        kw.setdefault("json", {})["audio_url"] = "a"\n' + body
    assert rules_at(KW_HELPER.format(body=added), "k.py") == []


def test_a_comprehension_over_a_get_chain_reads_its_items() -> None:
    text = "\n".join(
        [
            "import requests",
            'body = requests.get("'
            + B
            + '/faceswap/result/listbyids", params={{"_ids": i}}).json()',
            'urls = [r.get("{field}") for r in body.get("data", {{}}).get("result", [])]',
            "",
        ]
    )
    assert rules_at(text.format(field="result_url"), "c.py") == [(3, "answer-field")]
    assert rules_at(text.format(field="url"), "c.py") == []


# -- a Ruby client held in an instance variable named like a module (`@http`) -----------------------


@pytest.mark.parametrize("ivar", ["@http", "@conn"])
def test_ruby_instance_variable_client_named_http_is_joined(ivar: str) -> None:
    text = "\n".join(
        [
            'require "faraday"',
            "class A",
            '  def initialize(key: ENV["K"], base: "' + B + '")',
            "    " + ivar + ' = Faraday.new(url: base, headers: { "x-api-key" => key })',
            "  end",
            "  def talk(a, b)",
            "    " + ivar + '.post("content/video/createbytalkingphoto", '
            '{ talking_photo_url: a, audio_url: b, resolution: "{res}" }.to_json)',
            "  end",
            "end",
            "",
        ]
    )
    assert rules_at(text.replace("{res}", "2k"), "a.rb") == [(7, "bad-value")]
    assert rules_at(text.replace("{res}", "1080"), "a.rb") == []


def test_php_stream_context_content_encoding_a_held_payload_is_read() -> None:
    text = "\n".join(
        [
            "<?php",
            "$payload = ['talking_photo_url' => $p, 'audio_url' => $a, 'resolution' => '{res}'];",
            "$ctx = stream_context_create(['http' => ['method' => 'POST', 'header' => 'x-api-key: k',"
            " 'content' => json_encode($payload)]]);",
            "$res = file_get_contents('"
            + B
            + "/content/video/createbytalkingphoto', false, $ctx);",
            "",
        ]
    )
    assert rules_at(text.replace("{res}", "720p"), "s.php") == [(2, "bad-value")]
    assert rules_at(text.replace("{res}", "720"), "s.php") == []
