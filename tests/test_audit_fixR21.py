"""`akool audit` reads a request body given apart from the parentheses of the call that names the
URL (issue 21, a break-it run's M6, M12, M18, M20): Ruby Faraday's block and arguments, a curl
command's here-document, Node's `https.request` written to, Kotlin Ktor's `setBody` in a trailing
lambda, Go resty's `SetBody` link, and a reused PHP cURL handle, whose sends each take the options
set since the one before. The corpus scripts of these shapes are in tests/audit_corpus/bodies21r/."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

PROMPT = "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
TALK_BODY = '"talking_photo_url": "https://x/a.jpg", "audio_url": "https://x/a.mp3", '


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


def patched(text: str, name: str) -> str:
    """The text with every exact fix of its findings applied."""
    lines = text.split("\n")
    for f in audit_text(text, name):
        for fix in (f.fix, *f.fix.also) if f.fix is not None else ():
            line = lines[fix.line]
            lines[fix.line] = line[: fix.start] + fix.new + line[fix.end :]
    return "\n".join(lines)


# -- M6: Ruby Faraday ------------------------------------------------------------------------------

FARADAY = 'conn = Faraday.new(url: "https://openapi.akool.com")\n'
FARADAY_SHAPES = {
    "do block": FARADAY + 'conn.post("/api/open/v3/content/image/createbyprompt") do |req|\n'
    '  req.headers["Content-Type"] = "application/json"\n'
    '  req.body = { prompt: "a cat", size: "1:1" }.to_json\n'
    "end\n",
    "brace block": FARADAY + 'conn.post("/api/open/v3/content/image/createbyprompt") { |r| '
    'r.body = JSON.generate({ "prompt" => "a cat", "size" => "1:1" }) }\n',
    "named body in a block": FARADAY + 'body = { prompt: "a cat", size: "1:1" }\n'
    'res = conn.post("/api/open/v3/content/image/createbyprompt") do |req|\n'
    "  req.body = body.to_json\n"
    "end\n",
    "arguments": FARADAY + 'body = { prompt: "a cat", size: "1:1" }\n'
    'conn.post("/api/open/v3/content/image/createbyprompt", body.to_json, '
    '{ "Content-Type" => "application/json" })\n',
}


@pytest.mark.parametrize("shape", sorted(FARADAY_SHAPES))
def test_m6_a_faraday_body_is_its_calls(shape: str) -> None:
    text = FARADAY_SHAPES[shape]
    got = found(text, "make.rb")
    assert [(rule, what) for _, rule, what in got] == [("misnamed-field", "size")], got
    assert "size" not in patched(text, "make.rb").replace("sizes", "")
    good = text.replace("size", "scale")
    assert found(good, "make.rb") == []


def test_m6_a_faraday_block_sets_only_its_own_calls_body() -> None:
    text = (
        FARADAY + 'conn.post("/api/open/v3/content/image/createbyprompt") do |req|\n'
        '  req.body = { prompt: "a cat", scale: "1:1" }.to_json\n'
        "end\n"
        'conn.post("/api/open/v3/content/video/createbytalkingphoto") do |req|\n'
        "  req.body = { " + TALK_BODY.replace('": ', '" => ') + '"resolution" => "720p" }.to_json\n'
        "end\n"
    )
    got = found(text, "make.rb")
    assert [(line, rule) for line, rule, _ in got] == [(6, "bad-value")], got


# -- M12: Node's https.request, Ktor's setBody -----------------------------------------------------

NODE_OPTIONS = (
    'const https = require("https");\n'
    'const body = { prompt: "a cat", size: "1:1" };\n'
    "const options = {\n"
    '  hostname: "openapi.akool.com",\n'
    '  path: "/api/open/v3/content/image/createbyprompt",\n'
    '  method: "POST",\n'
    "};\n"
    "const req = https.request(options, (res) => {\n"
    '  res.on("data", (c) => process.stdout.write(c));\n'
    "});\n"
    "req.write(JSON.stringify(body));\n"
    "req.end();\n"
)


def test_m12_a_body_written_to_an_https_request_is_its_calls() -> None:
    got = found(NODE_OPTIONS, "make.js")
    assert got == [(2, "misnamed-field", "size")], got
    assert found(NODE_OPTIONS.replace("size", "scale"), "make.js") == []


def test_m12_an_inline_https_request_with_a_one_line_callback() -> None:
    text = (
        'const https = require("https");\n'
        'const img = https.request({ hostname: "openapi.akool.com", path: '
        '"/api/open/v3/content/image/createbyprompt", method: "POST" }, (res) => res.resume());\n'
        'img.end(JSON.stringify({ prompt: "a cat", size: "1:1" }));\n'
    )
    assert found(text, "make.js") == [(3, "misnamed-field", "size")]


KTOR = (
    "suspend fun run(client: HttpClient) {\n"
    '    val base = "https://openapi.akool.com/api/open/v3"\n'
    '    client.post("$base/content/video/createbytalkingphoto") {\n'
    "        contentType(ContentType.Application.Json)\n"
    '        setBody(mapOf("talking_photo_url" to "https://x/a.jpg", "audio_url" to "https://x/a.mp3", '
    '"resolution" to "720p"))\n'
    "    }\n"
    "}\n"
)


def test_m12_ktor_set_body_in_the_trailing_lambda() -> None:
    got = found(KTOR, "Make.kt")
    assert got == [(5, "bad-value", '"720p"')], got
    assert '"resolution" to "720"' in patched(KTOR, "Make.kt")
    assert found(KTOR.replace("720p", "1080"), "Make.kt") == []


# -- M18: a reused PHP cURL handle -----------------------------------------------------------------

PHP_REUSED = (
    "<?php\n"
    "$ch = curl_init();\n"
    "curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\n"
    f"curl_setopt($ch, CURLOPT_URL, '{TALK}');\n"
    "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['talking_photo_url' => $p, "
    "'audio_url' => $a, 'resolution' => '1080']));\n"
    "$talk = json_decode(curl_exec($ch), true);\n"
    f"curl_setopt($ch, CURLOPT_URL, '{PROMPT}');\n"
    "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a cat', 'size' => '1:1']));\n"
    "$image = json_decode(curl_exec($ch), true);\n"
)


def test_m18_each_send_of_a_reused_curl_handle_has_its_own_body() -> None:
    got = found(PHP_REUSED, "make.php")
    # `size` is the image call's (documented there as `scale`), not an unknown talking photo field
    assert got == [(8, "misnamed-field", "size")], got


def test_m18_a_curl_reset_ends_the_options_of_the_send_before() -> None:
    text = PHP_REUSED.replace("'size'", "'scale'") + (
        "curl_reset($ch);\n"
        f"curl_setopt_array($ch, [CURLOPT_URL => '{TALK}', CURLOPT_POST => true,\n"
        "    CURLOPT_POSTFIELDS => json_encode(['talking_photo_url' => $p, 'audio_url' => $a, "
        "'resolution' => '720p'])]);\n"
        "$again = json_decode(curl_exec($ch), true);\n"
    )
    assert found(text, "make.php") == [(12, "bad-value", "'720p'")]


# -- M20: Go resty ---------------------------------------------------------------------------------

RESTY = (
    "package main\n"
    "\n"
    "type TalkReq struct {\n"
    '\tTalkingPhotoURL string `json:"talking_photo_url"`\n'
    '\tAudioURL        string `json:"audio_url"`\n'
    '\tResolution      string `json:"resolution"`\n'
    "}\n"
    "\n"
    "func main() {\n"
    '\tclient := resty.New().SetBaseURL("https://openapi.akool.com")\n'
    "\t_, _ = client.R().\n"
    '\t\tSetHeader("x-api-key", key).\n'
    '\t\tSetBody(map[string]any{"prompt": "a cat", "size": "1:1"}).\n'
    "\t\tSetResult(&out).\n"
    '\t\tPost("/api/open/v3/content/image/createbyprompt")\n'
    '\treq := TalkReq{TalkingPhotoURL: p, AudioURL: a, Resolution: "720p"}\n'
    '\t_, _ = client.R().SetBody(req).Post("/api/open/v3/content/video/createbytalkingphoto")\n'
    "}\n"
)


def test_m20_a_resty_chains_body_is_its_calls() -> None:
    got = found(RESTY, "main.go")
    assert got == [(13, "misnamed-field", "size"), (16, "bad-value", '"720p"')], got
    fixed = patched(RESTY, "main.go")
    assert '"scale": "1:1"' in fixed
    assert found(fixed.replace("720p", "1080"), "main.go") == []
