"""`akool audit` reads a request body given apart from the parentheses of the call that names the
URL (issue 21, a break-it run's M6, M12, M18, M20): Ruby Faraday's block and arguments, a curl
command's here-document, Node's `https.request` written to, Kotlin Ktor's `setBody` in a trailing
lambda, Go resty's `SetBody` link, and a reused PHP cURL handle, whose sends each take the options
set since the one before. The corpus scripts of these shapes are in tests/audit_corpus/bodies21r/."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import audit, audit_text
from tests.support.audited import found, patched

PROMPT = "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
TALK_BODY = '"talking_photo_url": "https://x/a.jpg", "audio_url": "https://x/a.mp3", '


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


# -- M6: curl's body from a here-document or a data file of the folder -----------------------------

HEREDOC_SHAPES = {
    "unquoted word": f"curl -s -X POST {PROMPT} \\\n"
    '  -H "Content-Type: application/json" -d @- <<EOF\n'
    '{"prompt": "a cat", "size": "1:1"}\n'
    "EOF\n",
    "quoted word, --data-binary": f"curl -s -X POST \"{PROMPT}\" --data-binary @- <<'JSON'\n"
    "{\n"
    '  "prompt": "a cat",\n'
    '  "size": "1:1"\n'
    "}\n"
    "JSON\n",
    "indented, <<-": "run() {\n"
    f"\tcurl -s {PROMPT} --json @- <<-END\n"
    '\t{"prompt": "a cat", "size": "1:1"}\n'
    "\tEND\n"
    "}\n",
}


@pytest.mark.parametrize("shape", sorted(HEREDOC_SHAPES))
def test_m6_a_curl_body_read_from_a_here_document(shape: str) -> None:
    text = HEREDOC_SHAPES[shape]
    got = found(text, "make.sh")
    assert [(rule, what) for _, rule, what in got] == [("misnamed-field", "size")], got
    assert '"scale": "1:1"' in patched(text, "make.sh")
    assert found(text.replace("size", "scale"), "make.sh") == []


def test_m6_a_here_document_not_read_by_curl_is_no_body() -> None:
    text = (
        f'curl -s -X POST {PROMPT} -d \'{{"prompt": "a cat"}}\'\n'
        "cat > notes.json <<EOF\n"
        '{"size": "1:1"}\n'
        "EOF\n"
    )
    assert found(text, "make.sh") == []


def test_m6_a_data_file_sent_by_a_curl_command_is_judged_in_that_file(tmp_path: Path) -> None:
    (tmp_path / "req").mkdir()
    (tmp_path / "req" / "prompt.json").write_text(
        '{\n  "prompt": "a cat",\n  "size": "1:1"\n}\n', encoding="utf-8"
    )
    (tmp_path / "other.json").write_text('{"size": "1:1"}\n', encoding="utf-8")
    (tmp_path / "make.sh").write_text(
        f'curl -s -X POST "{PROMPT}" \\\n  -H "Content-Type: application/json" \\\n'
        "  -d @req/prompt.json | jq .\n",
        encoding="utf-8",
    )
    result = audit([tmp_path])
    got = [(Path(f.file).name, f.line, f.rule) for f in result.findings]
    assert got == [("prompt.json", 3, "misnamed-field")]
    fix = result.findings[0].fix
    assert fix is not None and (fix.line, fix.old, fix.new) == (2, "size", "scale")


def test_m6_a_data_file_two_commands_send_is_reported_once_unpatched(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_text('{"prompt": "a cat", "size": "1:1"}\n', encoding="utf-8")
    command = f"curl -s {PROMPT} -d @body.json\n"
    (tmp_path / "a.sh").write_text(command, encoding="utf-8")
    (tmp_path / "b.sh").write_text(command, encoding="utf-8")
    result = audit([tmp_path])
    assert [(Path(f.file).name, f.rule, f.fix) for f in result.findings] == [
        ("body.json", "misnamed-field", None)
    ]


# -- M12: a Kotlin data class given to setBody ------------------------------------------------------

KTOR_CLASS = (
    "@Serializable\n"
    "data class TalkReq(\n"
    '    @SerialName("talking_photo_url") val photo: String,\n'
    '    @SerialName("audio_url") val audio: String,\n'
    '    val resolution: String = "720",\n'
    ")\n"
    "@Serializable\n"
    "data class PromptReq(val prompt: String, val size: String)\n"
    "suspend fun run(client: HttpClient) {\n"
    '    val req = TalkReq("https://x/a.jpg", "https://x/a.mp3", "720p")\n'
    f'    client.post("{TALK}") {{ setBody(req) }}\n'
    f'    client.post("{PROMPT}") {{\n'
    '        setBody(PromptReq(prompt = "a cat", size = "1:1"))\n'
    "    }\n"
    "}\n"
)


def test_m12_a_data_class_body_is_judged_by_its_json_names() -> None:
    got = found(KTOR_CLASS, "Make.kt")
    # `size` at its declaration (line 8): a rename there is the class's, so no patch
    assert got == [(8, "misnamed-field", "size"), (10, "bad-value", '"720p"')], got
    assert patched(KTOR_CLASS, "Make.kt") == KTOR_CLASS
    good = KTOR_CLASS.replace("720p", "1080").replace("size", "scale")
    assert found(good, "Make.kt") == []


def test_m12_a_naming_strategy_leaves_data_classes_unread() -> None:
    text = KTOR_CLASS.replace(
        "suspend fun",
        "val json = Json { namingStrategy = JsonNamingStrategy.SnakeCase }\nsuspend fun",
    )
    assert found(text, "Make.kt") == []


def test_m6_a_url_given_inside_a_faraday_block() -> None:
    text = (
        'conn = Faraday.new(url: "https://openapi.akool.com")\n'
        "resp = conn.post do |req|\n"
        '  req.url "/api/open/v3/content/image/createbyprompt"\n'
        '  req.body = { prompt: "a cat", size: "1:1" }\n'
        "end\n"
        "other = conn.post do |req|\n"
        '  req.body = { size: "1:1" }\n'
        "end\n"
    )
    assert found(text, "make.rb") == [(4, "misnamed-field", "size")]


def test_m12_a_url_given_inside_a_ktor_lambda() -> None:
    text = (
        "suspend fun run(client: HttpClient) {\n"
        "    client.post {\n"
        f'        url("{PROMPT}")\n'
        '        setBody(mapOf("prompt" to "a cat", "size" to "1:1"))\n'
        "    }\n"
        "}\n"
    )
    assert found(text, "Make.kt") == [(4, "misnamed-field", "size")]
    assert found(text.replace('"size"', '"scale"'), "Make.kt") == []


def test_m18_each_send_of_a_reused_curl_handle_has_its_own_method() -> None:
    text = (
        "<?php\n"
        "$ch = curl_init();\n"
        f"curl_setopt($ch, CURLOPT_URL, '{PROMPT}');\n"
        "curl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'PUT');\n"
        "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a cat', 'scale' => '1:1']));\n"
        "$image = json_decode(curl_exec($ch), true);\n"
        "curl_setopt($ch, CURLOPT_URL, 'https://openapi.akool.com/api/open/v3/content/image/"
        "infobymodelid?image_model_id=1');\n"
        "curl_setopt($ch, CURLOPT_HTTPGET, true);\n"
        "$done = json_decode(curl_exec($ch), true);\n"
    )
    got = audit_text(text, "make.php")
    assert [(f.line, f.rule, f.found) for f in got] == [(3, "wrong-method", "PUT")]
    assert "CURLOPT_CUSTOMREQUEST, 'POST'" in patched(text, "make.php")
    # the GET after it is a GET: the PUT was the send before's
    assert found(text.replace("'PUT'", "'POST'"), "make.php") == []


def test_m18_a_fresh_curl_handle_with_no_method_option_sends_a_get() -> None:
    text = (
        "<?php\n"
        f"$h = curl_init('{PROMPT}');\n"
        "curl_setopt($h, CURLOPT_RETURNTRANSFER, true);\n"
        "$out = curl_exec($h);\n"
    )
    assert [(f.line, f.rule) for f in audit_text(text, "make.php")] == [(2, "wrong-method")]
    # an option set by a function of the script's, or a handle returned to be set up elsewhere
    helper = text.replace("curl_setopt($h, CURLOPT_RETURNTRANSFER, true);", "common_options($h);")
    assert audit_text(helper, "make.php") == []
    returned = text.replace("$out = curl_exec($h);", "return $h;")
    assert audit_text(returned, "make.php") == []
    unseen = text.replace(
        "curl_setopt($h, CURLOPT_RETURNTRANSFER, true);", "curl_setopt_array($h, $opts);"
    )
    assert audit_text(unseen, "make.php") == []
    named = text.replace("CURLOPT_RETURNTRANSFER, true", "CURLOPT_CUSTOMREQUEST, $method")
    assert audit_text(named, "make.php") == []


CURL_NAMED = {
    "quoted JSON": 'BODY=\'{"prompt": "a cat", "size": "1:1"}\'\n'
    f'curl -s -X POST "{PROMPT}" -d "$BODY"\n',
    "$(cat <<EOF)": "BODY=$(cat <<EOF\n"
    '{"prompt": "a cat", "size": "1:1"}\n'
    "EOF\n"
    ")\n"
    f'curl -s -X POST "{PROMPT}" --data-binary "${{BODY}}"\n',
    "read <<EOF": "read -r -d '' BODY <<'EOF'\n"
    '{"prompt": "a cat", "size": "1:1"}\n'
    "EOF\n"
    f'curl -s -X POST "{PROMPT}" -d "$BODY"\n',
    "inline $(cat <<EOF)": f'curl -s -X POST "{PROMPT}" -d "$(cat <<EOF\n'
    '{"prompt": "a cat", "size": "1:1"}\n'
    "EOF\n"
    ')"\n',
}


@pytest.mark.parametrize("shape", sorted(CURL_NAMED))
def test_m6_a_curl_body_held_in_a_name_or_read_from_a_document(shape: str) -> None:
    text = CURL_NAMED[shape]
    got = found(text, "make.sh")
    assert [(rule, what) for _, rule, what in got] == [("misnamed-field", "size")], got
    assert found(text.replace('"size"', '"scale"'), "make.sh") == []


def test_m18_each_send_of_a_reused_curl_handle_gives_its_own_answer() -> None:
    text = (
        "<?php\n"
        f"$ch = curl_init('{PROMPT}');\n"
        "curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\n"
        "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['prompt' => 'a cat', 'scale' => '1:1']));\n"
        "$image = json_decode(curl_exec($ch), true);\n"
        "curl_setopt($ch, CURLOPT_URL, 'https://openapi.akool.com/api/open/v3/content/image/"
        "infobymodelid?image_model_id=' . $image['data']['_id']);\n"
        "curl_setopt($ch, CURLOPT_HTTPGET, true);\n"
        "$info = json_decode(curl_exec($ch), true);\n"
        "echo $info['data']['image'];\n"
        "echo $info['data']['video_url'];\n"
    )
    got = [(f.line, f.rule, f.found, f.message) for f in audit_text(text, "make.php")]
    # data.image is infobymodelid's answer (createbyprompt's has none); video_url is neither's
    assert [(line, rule, what) for line, rule, what, _ in got] == [
        (10, "response-field", "video_url")
    ], got
    assert "infobymodelid" in got[0][3] and "createbyprompt" not in got[0][3]


# -- the same mechanisms in other languages --------------------------------------------------------

AFTER_SHAPES = {
    "superagent": (
        "make.js",
        f'const r = await superagent.post("{PROMPT}").set("x-api-key", k)'
        '.send({ prompt: "a cat", size: "1:1" });\n',
    ),
    "unirest": (
        "Make.java",
        f'HttpResponse<String> r = Unirest.post("{PROMPT}")\n'
        '    .header("Content-Type", "application/json")\n'
        '    .body("{\\"prompt\\": \\"a cat\\", \\"size\\": \\"1:1\\"}")\n'
        "    .asString();\n",
    ),
    "restsharp": (
        "Make.cs",
        f'var request = new RestRequest("{PROMPT}", Method.Post);\n'
        'request.AddJsonBody(new { prompt = "a cat", size = "1:1" });\n'
        "var response = await client.ExecuteAsync(request);\n",
    ),
}


@pytest.mark.parametrize("shape", sorted(AFTER_SHAPES))
def test_a_body_given_after_the_call_in_other_languages(shape: str) -> None:
    name, text = AFTER_SHAPES[shape]
    got = found(text, name)
    assert [(rule, what) for _, rule, what in got] == [("misnamed-field", "size")], got
    assert found(patched(text, name), name) == []


def test_m20_a_path_joined_to_a_resty_clients_base() -> None:
    text = (
        "package main\n"
        "\n"
        "func main() {\n"
        '\tclient := resty.New().SetBaseURL("https://openapi.akool.com/api/open/v3")\n'
        '\tclient.R().SetBody(map[string]any{"prompt": "a cat", "size": "1:1"}).'
        'Post("/content/image/createbyprompt")\n'
        "}\n"
    )
    assert found(text, "main.go") == [(5, "misnamed-field", "size")]


def test_m18_a_body_in_an_array_of_curl_options_held_in_a_name() -> None:
    text = (
        "<?php\n"
        "$opts = [\n"
        f"    CURLOPT_URL => '{PROMPT}',\n"
        "    CURLOPT_POST => true,\n"
        "    CURLOPT_POSTFIELDS => json_encode(['prompt' => 'a cat', 'size' => '1:1']),\n"
        "];\n"
        "$ch = curl_init();\n"
        "curl_setopt_array($ch, $opts);\n"
        "$res = json_decode(curl_exec($ch), true);\n"
    )
    assert found(text, "make.php") == [(5, "misnamed-field", "size")]
    assert found(text.replace("'size'", "'scale'"), "make.php") == []


def test_m6_a_ruby_hash_given_to_json_generate_without_braces() -> None:
    text = (
        'conn = Faraday.new(url: "https://openapi.akool.com")\n'
        'conn.post("/api/open/v3/content/image/createbyprompt", '
        'JSON.generate(prompt: "a cat", size: "1:1"), "Content-Type" => "application/json")\n'
        'conn.post("/api/open/v3/content/image/createbyprompt") do |req|\n'
        '  req.body = JSON.dump("prompt" => "a dog", "size" => "1:1")\n'
        "end\n"
    )
    got = found(text, "make.rb")
    assert [(line, what) for line, _, what in got] == [(2, "size"), (4, "size")], got
    assert found(text.replace('size"', 'scale"').replace("size:", "scale:"), "make.rb") == []
