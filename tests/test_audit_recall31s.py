"""Session 31, recall31s: four misses found blind on the trial merge (/work/notes/repro21s): each
shape the audit missed, with a correct twin that stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import audit_text
from tests.test_audit_recall30c import folder_places

B = "https://openapi.akool.com/api/open/v3"


def rules_at(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name))


# -- a Guzzle client made with its namespace written out, given a base_uri --------------------------

GUZZLE = (
    "<?php\n"
    "$http = new {cls}(['base_uri' => '" + B + "/', 'headers' => ['x-api-key' => $k]]);\n"
    "$res = $http->get('content/video/infobymodelid', ['query' => ['video_model_id' => $id]]);\n"
    "$json = json_decode($res->getBody(), true);\n"
    "if ($json['data']['video_status'] === {status}) {{\n"
    "    echo $json['data']['{field}'];\n"
    "}}\n"
)


@pytest.mark.parametrize("cls", ["GuzzleHttp\\Client", "\\GuzzleHttp\\Client", "Client"])
def test_guzzle_base_uri_client_answer_reads_are_judged(cls: str) -> None:
    text = GUZZLE.format(cls=cls, status=5, field="video_url")
    assert rules_at(text, "svc.php") == [(5, "status-value"), (6, "response-field")]


@pytest.mark.parametrize("cls", ["GuzzleHttp\\Client", "\\GuzzleHttp\\Client"])
def test_guzzle_base_uri_client_correct_reads_stay_silent(cls: str) -> None:
    assert rules_at(GUZZLE.format(cls=cls, status=3, field="video"), "svc.php") == []


# -- a base read off a config object another file exports, under the same name ------------------------

CONFIG_TS = (
    "export const AKOOL_CONFIG = {\n"
    '  baseUrl: process.env.AKOOL_BASE_URL || "https://openapi.akool.com/api/open",\n'
    "  timeoutMs: 30_000,\n"
    "};\n"
)
CLIENT_TS = (
    'import { AKOOL_CONFIG } from "./config";\n\n'
    "export class AkoolClient {\n"
    "  constructor(private apiKey: string, private baseUrl: string = {given}) {}\n\n"
    "  private async request(method: string, path: string, body?: unknown) {\n"
    "    const res = await fetch(`${this.baseUrl}${path}`, {\n"
    '      method, headers: { "x-api-key": this.apiKey }, body: JSON.stringify(body),\n'
    "    });\n"
    "    return res.json();\n"
    "  }\n\n"
    "  translate(url: string) {\n"
    '    return this.request("POST", "/v3/content/video/{path}", { url, language: "fr" });\n'
    "  }\n"
    "}\n"
)
CLIENT_JS = (
    'const { AKOOL_CONFIG } = require("./config");\n\n'
    "class AkoolClient {\n"
    "  constructor(apiKey) {\n"
    "    this.apiKey = apiKey;\n"
    "    this.baseUrl = {given};\n"
    "  }\n\n"
    "  async translate(url) {\n"
    "    const res = await fetch(`${this.baseUrl}/v3/content/video/{path}`, {\n"
    '      method: "POST", headers: { "x-api-key": this.apiKey }, body: JSON.stringify({ url, language: "fr" }),\n'
    "    });\n"
    "    return res.json();\n"
    "  }\n"
    "}\n"
)
CONFIG_JS = CONFIG_TS.replace("export const", "const") + "module.exports = { AKOOL_CONFIG };\n"


@pytest.mark.parametrize(
    ("files", "line"),
    [
        ({"src/config.ts": CONFIG_TS, "src/client.ts": CLIENT_TS}, 14),
        ({"src/config.js": CONFIG_JS, "src/client.js": CLIENT_JS}, 10),
    ],
)
def test_a_base_read_off_an_imported_config_object_joins_its_paths(
    tmp_path: Path, files: dict[str, str], line: int
) -> None:
    client = next(n for n in files if "client" in n)
    wrong = {n: t.replace("{given}", "AKOOL_CONFIG.baseUrl") for n, t in files.items()}
    right = {n: t.replace("{path}", "createbytranslate") for n, t in wrong.items()}
    wrong = {n: t.replace("{path}", "translate") for n, t in wrong.items()}
    assert folder_places(tmp_path / "w", wrong) == {(client, line, "unknown-endpoint")}
    assert folder_places(tmp_path / "r", right) == set()


# -- a Ruby body given as a hash without braces after the path ------------------------------------

FARADAY = (
    'require "faraday"\n\n'
    'conn = Faraday.new(url: "' + B + '") do |f|\n'
    "  f.request :json\n"
    "end\n"
    "conn.post({talk})\n"
    "conn.post({image})\n"
)
TALK = '"content/video/createbytalkingphoto", talking_photo_url: ARGV[0], audio_url: ARGV[1], '


@pytest.mark.parametrize(
    ("talk", "image", "found"),
    [
        (
            TALK + 'resolution: "1080p"',
            '"content/image/createbyprompt", prompt: "a fox", size: "1:1"',
            [(6, "bad-value"), (7, "misnamed-field")],
        ),
        (
            TALK.replace("ARGV[0], ", "ARGV[0],\n  ") + '"resolution" => "1080p"',
            '"content/image/createbyprompt", :prompt => "a fox", :size => "1:1"',
            [(7, "bad-value"), (8, "misnamed-field")],
        ),
        (
            TALK + 'resolution: "1080"',
            '"content/image/createbyprompt", prompt: "a fox", scale: "1:1"',
            [],
        ),
    ],
)
def test_a_ruby_hash_given_without_braces_is_the_body(
    talk: str, image: str, found: list[tuple[int, str]]
) -> None:
    text = FARADAY.replace("{talk}", talk).replace("{image}", image)
    assert rules_at(text, "render.rb") == found


@pytest.mark.parametrize(
    "options",
    [
        'form: { prompt: "a fox", scale: "1:1" }',  # HTTP.rb
        "form: payload, ssl_context: ctx",
        "form: payload, followlocation: true",
        "json: payload, timeout: 30",
        'body: JSON.generate(prompt: "a fox", scale: "1:1"), followlocation: true',  # Typhoeus
    ],
)
def test_ruby_http_options_without_braces_are_no_body(options: str) -> None:
    text = f'r = HTTP.auth(KEY).post("{B}/content/image/createbyprompt", {options})\n'
    assert rules_at(text, "img.rb") == []


def test_ruby_client_options_without_braces_are_no_body() -> None:
    text = (
        'require "httparty"\n\n'
        'r = HTTParty.post("' + B + '/content/image/createbyprompt",\n'
        '  body: { prompt: "a fox", scale: "1:1" }.to_json, headers: { "x-api-key" => KEY })\n'
    )
    assert rules_at(text, "img.rb") == []


# -- a shell `case` whose word is the jq read itself -------------------------------------------------

POLL = (
    "#!/bin/bash\n"
    'j=$(curl -s "{url}?video_model_id=$1" -H "x-api-key: $AKOOL_API_KEY")\n'
    'case $(jq -r .data.video_status <<<"$j") in\n'
    "  3) echo done ;;\n"
    "  {value}) echo expired ;;\n"
    "esac\n"
    'case "$(echo "$j" | jq -r ".data.video_status")" in\n'
    "  2|{value}) sleep 5 ;;\n"
    "esac\n"
)


def test_a_case_on_the_jq_read_itself_is_judged() -> None:
    text = POLL.replace("{url}", f"{B}/content/video/infobymodelid")
    assert rules_at(text.replace("{value}", "5"), "poll.sh") == [
        (5, "status-value"),
        (8, "status-value"),
    ]
    assert rules_at(text.replace("{value}", "4"), "poll.sh") == []


def test_a_case_on_another_hosts_jq_read_is_not_judged() -> None:
    text = POLL.replace("{url}", "https://api.example.com/jobs").replace("{value}", "5")
    assert rules_at(text, "poll.sh") == []
