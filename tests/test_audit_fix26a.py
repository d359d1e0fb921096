"""Late fixes (fix26a): a Hurl request's query section and an n8n node's query and fields-mode
body are read as what the call sends."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text


def rules(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name))


HURL_QUERY = """GET https://openapi.akool.com/api/open/v3/content/video/infobymodelid
x-api-key: {{akool_key}}
[SECTION]
NAME: {{video_id}}
HTTP 200
[Captures]
status: jsonpath "$.data.video_status"
"""


@pytest.mark.parametrize("section", ["QueryStringParams", "Query"])
def test_a_hurl_query_section_is_what_the_request_sends(section: str) -> None:
    text = HURL_QUERY.replace("SECTION", section)
    assert rules(text.replace("NAME", "video_model_id"), "get.hurl") == []
    found = audit_text(text.replace("NAME", "videoModelId"), "get.hurl")
    assert [(f.line, f.rule) for f in found] == [(4, "misnamed-field")]
    assert found[0].fix is not None and found[0].fix.new == "video_model_id"
