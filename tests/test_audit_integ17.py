"""Fixes the session-17 merge added: a Go answer struct whose data field is a slice (`Data []struct
{...}` or `Data []Avatar`) reads its tags as the items of the data list (break21m's
go-slice-struct-tags-flagged-as-list-answer: false list-answer warnings on correct Go)."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

HEAD = """package main

import (
\t"encoding/json"
\t"net/http"
\t"os"
)

const baseURL = "https://openapi.akool.com/api/open/v3"

func avatars() {
\treq, _ := http.NewRequest("GET", baseURL+"/avatar/list?from=2&page=1&size=100", nil)
\treq.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
\tresp, _ := http.DefaultClient.Do(req)
\tdefer resp.Body.Close()
"""

INLINE = """\tvar out struct {
\t\tData []struct {
\t\t\tAvatarID string `json:"TAG"`
\t\t\tURL      string `json:"url"`
\t\t} `json:"data"`
\t}
\tjson.NewDecoder(resp.Body).Decode(&out)
}
"""

NAMED = """\tvar out struct {
\t\tData []Avatar `json:"data"`
\t}
\tjson.NewDecoder(resp.Body).Decode(&out)
}

type Avatar struct {
\tAvatarID string `json:"TAG"`
\tURL      string `json:"url"`
}
"""


@pytest.mark.parametrize("shape", [INLINE, NAMED], ids=["inline", "named"])
def test_a_go_data_slice_reads_its_tags_as_the_lists_items(shape: str) -> None:
    right = audit_text(HEAD + shape.replace("TAG", "avatar_id"), "avatars.go")
    assert [(f.line, f.rule) for f in right] == []
    wrong = audit_text(HEAD + shape.replace("TAG", "avatarId"), "avatars.go")
    assert [(f.rule, "data[i].avatar_id" in str(f.to_json())) for f in wrong] == [
        ("answer-field", True)
    ]
