"""fix34c's tests: a fallback literal that is only an operand of a larger expression is not what a
call sends (breakit34a: false-fallback-in-expression, false-fallback-transformed,
false-bool-from-comparison): compared, a subscript's key, a ternary's condition, or the receiver or
argument of a call or a slice that changes it. Only a fallback that is itself the value sent (in
parentheses, the lookup it is the default of, a conversion that keeps it) is judged."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

TP = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
TR = "https://openapi.akool.com/api/open/v3/content/video/createbytranslate"

PY_TP = (
    "import os, re, json, requests\n"
    'H = {"x-api-key": os.environ["AKOOL_API_KEY"]}\n'
    "MAP = {'720p': '720', '1080p': '1080'}\n"
    "def go(img, audio):\n"
    f'    return requests.post("{TP}", headers=H, json={{"talking_photo_url": img, '
    '"audio_url": audio, "resolution": @V@})\n'
)
PY_TR = (
    "import os, json, requests\n"
    'H = {"x-api-key": os.environ["AKOOL_API_KEY"]}\n'
    "def go(url):\n"
    "@PRE@"
    f'    return requests.post("{TR}", headers=H, json={{"url": url, "language": "fr", '
    '"lipsync": @V@})\n'
)
JS_TP = (
    "const MAP = { '720p': '720', '1080p': '1080' };\n"
    "async function go(img, audio) {\n"
    f'  return fetch("{TP}", {{ method: "POST", headers: {{ "x-api-key": process.env.KEY }}, '
    "body: JSON.stringify({ talking_photo_url: img, audio_url: audio, resolution: @V@ }) });\n"
    "}\n"
)
JS_TR = (
    "async function go(url) {\n"
    "@PRE@"
    f'  return fetch("{TR}", {{ method: "POST", headers: {{ "x-api-key": process.env.KEY }}, '
    'body: JSON.stringify({ url, language: "fr", lipsync: @V@ }) });\n'
    "}\n"
)


def fill(template: str, value: str, pre: str = "") -> str:
    return template.replace("@PRE@", pre).replace("@V@", value)


def bad_values(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.message) for f in audit_text(text, name) if f.rule == "bad-value")


PY_RESOLUTION = [
    'MAP[os.getenv("RES", "720p")]',
    '"1080" if os.getenv("HD", "no") == "yes" else "720"',
    '(os.getenv("R") or "720p").replace("p", "")',
    '(os.getenv("R") or "720p").strip("p")',
    '(os.getenv("R") or "720p")[:-1]',
    '(os.getenv("R") or "720p").removesuffix("p")',
    '(os.getenv("R") or "720p").split("p")[0]',
    'os.getenv("R", "720p").rstrip("p")',
    'os.getenv("R", "720p")[:3]',
    'str(int((os.getenv("R") or "720p")[:-1]))',
    're.sub("p$", "", os.getenv("R", "720p"))',
    '{"720p": "720"}.get(os.getenv("R", "720p"), "720")',
    'MAP.get(os.environ.get("R", "1080p"), "720")',
    "f\"{os.getenv('R', '720p')[:-1]}\"",
]
PY_LIPSYNC = [
    ("", 'os.getenv("LIPSYNC", "0") in ("1", "true")'),
    ("", 'os.getenv("LIPSYNC", "false").lower() == "true"'),
    ("", 'json.loads(os.getenv("LIPSYNC", "false"))'),
    ("", 'not os.getenv("NO_LIPSYNC", "false")'),
    ('    flag = os.getenv("LIPSYNC", "false").lower() == "true"\n', "flag"),
    ('    flag = os.environ.get("LIPSYNC", "0") in ("1", "true")\n', "flag"),
]
JS_RESOLUTION = [
    'MAP[process.env.RES ?? "720p"]',
    '(process.env.RES || "720p").toLowerCase() === "1080p" ? "1080" : "720"',
    '(process.env.R || "720p").replace("p", "")',
    '(process.env.R || "720p").slice(0, -1)',
    '(process.env.R || "720p").substring(0, 3)',
    '(process.env.R || "720p").split("p")[0]',
    '(process.env.R || "720p").replace(/p$/, "")',
    'String(parseInt(process.env.R || "720p"))',
    '({ "720p": "720" })[process.env.R || "720p"]',
    '`${process.env.R ?? "720p"}`.slice(0, -1)',
]
JS_LIPSYNC = [
    ("", '(process.env.LIPSYNC ?? "false") === "true"'),
    ("", '["1", "true"].includes(process.env.LIPSYNC ?? "0")'),
    ("", '!(process.env.NO_LIPSYNC ?? "")'),
    ('  const flag = (process.env.LIPSYNC || "no") === "yes";\n', "flag"),
]


@pytest.mark.parametrize("value", PY_RESOLUTION)
def test_a_python_fallback_changed_or_compared_is_not_the_resolution_sent(value: str) -> None:
    assert bad_values(fill(PY_TP, value), "tp.py") == []


@pytest.mark.parametrize(("pre", "value"), PY_LIPSYNC)
def test_a_python_boolean_made_of_a_fallback_is_no_string(pre: str, value: str) -> None:
    assert bad_values(fill(PY_TR, value, pre), "tr.py") == []


@pytest.mark.parametrize("value", JS_RESOLUTION)
def test_a_js_fallback_changed_or_compared_is_not_the_resolution_sent(value: str) -> None:
    assert bad_values(fill(JS_TP, value), "tp.js") == []


@pytest.mark.parametrize(("pre", "value"), JS_LIPSYNC)
def test_a_js_boolean_made_of_a_fallback_is_no_string(pre: str, value: str) -> None:
    assert bad_values(fill(JS_TR, value, pre), "tr.js") == []


OTHER_LANGUAGES = {
    "tr.go": (
        'package main\n\nimport (\n\t"bytes"\n\t"encoding/json"\n\t"net/http"\n\t"os"\n'
        '\t"strings"\n)\n\nfunc getenv(k, d string) string {\n\tif v := os.Getenv(k); v != "" {\n'
        "\t\treturn v\n\t}\n\treturn d\n}\n\nfunc main() {\n"
        '\tb, _ := json.Marshal(map[string]any{"url": os.Args[1], "language": "fr", '
        '"lipsync": getenv("LIPSYNC", "false") == "true"})\n'
        f'\thttp.Post("{TR}", "application/json", bytes.NewReader(b))\n'
        '\tb2, _ := json.Marshal(map[string]any{"talking_photo_url": os.Args[2], "audio_url": '
        'os.Args[3], "resolution": strings.TrimSuffix(getenv("RES", "720p"), "p")})\n'
        f'\thttp.Post("{TP}", "application/json", bytes.NewReader(b2))\n}}\n'
    ),
    "tr.rb": (
        'require "net/http"\nrequire "json"\n'
        f'uri = URI("{TP}")\n'
        "Net::HTTP.post(uri, JSON.generate(talking_photo_url: ARGV[0], audio_url: ARGV[1], "
        'resolution: (ENV["RES"] || "720p").delete_suffix("p")), "x-api-key" => ENV["K"])\n'
        f'uri2 = URI("{TR}")\n'
        'Net::HTTP.post(uri2, JSON.generate(url: ARGV[2], language: "fr", lipsync: '
        'ENV.fetch("LIPSYNC", "false") == "true"), "x-api-key" => ENV["K"])\n'
    ),
    "tr.cs": (
        "using System.Net.Http.Json;\npublic static class T\n{\n"
        "    public static Task<HttpResponseMessage> Tr(HttpClient http, string url) =>\n"
        f'        http.PostAsJsonAsync("{TR}",\n'
        '            new { url, language = "fr", lipsync = '
        '(Environment.GetEnvironmentVariable("LIPSYNC") ?? "false") == "true" });\n'
        "    public static Task<HttpResponseMessage> Tp(HttpClient http, string i, string a) =>\n"
        f'        http.PostAsJsonAsync("{TP}",\n'
        "            new { talking_photo_url = i, audio_url = a, resolution = "
        '(Environment.GetEnvironmentVariable("RES") ?? "720p").TrimEnd(\'p\') });\n}\n'
    ),
    "tr.php": (
        "<?php\nuse GuzzleHttp\\Client;\n"
        "$c = new Client(['base_uri' => 'https://openapi.akool.com/api/open/v3/', "
        "'headers' => ['x-api-key' => getenv('AKOOL_API_KEY')]]);\n"
        "$c->post('content/video/createbytranslate', ['json' => [\n    'url' => $argv[3],\n"
        "    'language' => 'fr',\n    'lipsync' => (getenv('LIPSYNC') ?: 'false') === 'true',\n]]);\n"
    ),
}


@pytest.mark.parametrize("name", sorted(OTHER_LANGUAGES))
def test_a_fallback_compared_or_changed_is_not_sent_in_other_languages(name: str) -> None:
    assert bad_values(OTHER_LANGUAGES[name], name) == []


# -- controls: a fallback that is itself the value sent is judged as before ---------------------

PY_SENT = [
    ('os.getenv("RES", "720p")', '"720p"'),
    ('os.getenv("RES") or "720p"', '"720p"'),
    ('(os.environ.get("RES") or "1080p")', '"1080p"'),
    ('str(os.getenv("RES", "720p"))', '"720p"'),
    ('os.getenv("RES", "720p").strip()', '"720p"'),
    ('"1080" if os.getenv("HD") == "yes" else "720p"', '"720p"'),
]
JS_SENT = [
    ('process.env.RES ?? "720p"', '"720p"'),
    ('(process.env.RES || "720p")', '"720p"'),
    ('String(process.env.RES ?? "1080p")', '"1080p"'),
    ('`${process.env.RES ?? "720p"}`', '"720p"'),
    ('process.env.HD === "yes" ? "1080p" : "720"', '"1080p"'),
]


@pytest.mark.parametrize(("value", "said"), PY_SENT)
def test_a_python_fallback_sent_as_is_is_still_judged(value: str, said: str) -> None:
    found = bad_values(fill(PY_TP, value), "tp.py")
    assert len(found) == 1 and f"resolution {said} is not one of" in found[0][1]


@pytest.mark.parametrize(("value", "said"), JS_SENT)
def test_a_js_fallback_sent_as_is_is_still_judged(value: str, said: str) -> None:
    found = bad_values(fill(JS_TP, value), "tp.js")
    assert len(found) == 1 and f"resolution {said} is not one of" in found[0][1]


def test_a_python_lookup_default_sent_as_a_string_is_still_judged() -> None:
    found = bad_values(fill(PY_TR, 'os.getenv("LIPSYNC", "false")'), "tr.py")
    assert len(found) == 1 and 'lipsync "false" is a string' in found[0][1]


def test_a_held_fallback_sent_as_is_is_still_judged() -> None:
    pre = '    flag = os.environ.get("LIPSYNC", "false")\n'
    found = bad_values(fill(PY_TR, "flag", pre), "tr.py")
    assert len(found) == 1 and 'lipsync "false" is a string' in found[0][1]


# -- the same across lines: a value that goes on on its next line -------------------------------

MULTI_LINE = {
    "flag.py": (
        "import os, requests\n"
        f'TR = "{TR}"\n'
        "def go(url):\n"
        '    flag = (\n        os.getenv("LIPSYNC", "false").lower()\n        == "true"\n    )\n'
        '    return requests.post(TR, json={"url": url, "language": "fr", "lipsync": flag})\n'
    ),
    "backslash.py": (
        "import os, requests\n"
        f'TR = "{TR}"\n'
        "def go(url):\n"
        '    flag = os.getenv("LIPSYNC", "false") \\\n        == "true"\n'
        '    return requests.post(TR, json={"url": url, "language": "fr", "lipsync": flag})\n'
    ),
    "chain.py": (
        "import os, requests\n"
        f'TP = "{TP}"\n'
        "def go(img, audio):\n"
        '    return requests.post(TP, json={\n        "talking_photo_url": img,\n'
        '        "audio_url": audio,\n        "resolution": (os.getenv("RES") or "720p")\n'
        '        .rstrip("p"),\n    })\n'
    ),
    "flag.js": (
        'async function go(url) {\n  const lipsync =\n    (process.env.LIPSYNC ?? "false")\n'
        '      === "true";\n'
        f'  return fetch("{TR}", {{ method: "POST", body: JSON.stringify({{ url, language: "fr", '
        "lipsync }) });\n}\n"
    ),
    "chain.js": (
        "async function go(img, audio) {\n"
        '  const resolution = (process.env.RES || "720p")\n    .replace("p", "");\n'
        f'  return fetch("{TP}", {{ method: "POST", body: JSON.stringify({{ talking_photo_url: img, '
        "audio_url: audio, resolution }) });\n}\n"
    ),
}


@pytest.mark.parametrize("name", sorted(MULTI_LINE))
def test_a_fallback_changed_or_compared_on_its_next_line_is_not_sent(name: str) -> None:
    assert bad_values(MULTI_LINE[name], name) == []


def test_a_fallback_sent_as_is_before_the_next_line_is_still_judged() -> None:
    text = (
        "import os, requests\n"
        f'TP = "{TP}"\n'
        "def go(img, audio):\n"
        '    return requests.post(TP, json={\n        "talking_photo_url": img,\n'
        '        "audio_url": audio,\n        "resolution": os.getenv("RES") or "720p"\n'
        "    })\n"
    )
    found = bad_values(text, "sent.py")
    assert len(found) == 1 and 'resolution "720p" is not one of' in found[0][1]
