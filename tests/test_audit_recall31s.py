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
