"""Session 31, recall31s: four misses found blind on the trial merge (/work/notes/repro21s): each
shape the audit missed, with a correct twin that stays silent."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

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
