"""`akool audit --format sarif` as code scanning reads it: the column kind is said, artifact URIs
are percent-encoded (a space, #, % or é in a file name), and each result's partial fingerprint is
stable from run to run and when lines move, yet tells two places apart. The log validates against
the official SARIF 2.1.0 schema (vendored in tests/data) and akool's stricter subset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest

from tests.support.runner import invoke
from tests.test_audit_output import OFFICIAL_SCHEMA, SUBSET_SCHEMA

CALL = 'requests.get("https://api.akool.com/api/open/v3/faceswap/quota/info")\n'


def sarif_of(folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(folder)
    document: dict[str, Any] = json.loads(
        invoke(["audit", "--format", "sarif", "."], expect=8).stdout
    )
    return document


def results(document: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = document["runs"][0]["results"]
    return found


def validate(document: dict[str, Any]) -> None:
    for path in (SUBSET_SCHEMA, OFFICIAL_SCHEMA):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft4Validator(
            schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
        ).validate(document)


def test_column_kind_and_percent_encoded_uris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "my scripts"
    folder.mkdir()
    (folder / "résumé #1 100%.py").write_text(CALL)
    document = sarif_of(folder, monkeypatch)
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    uri = results(document)[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "r%C3%A9sum%C3%A9%20%231%20100%25.py"
    assert unquote(uri) == "résumé #1 100%.py"
    fix = results(document)[0]["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"]
    assert fix == uri
    validate(document)


def test_fingerprints_are_stable_and_tell_places_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "calls.py"
    script.write_text("import requests\n" + CALL + CALL)
    first = [r["partialFingerprints"] for r in results(sarif_of(tmp_path, monkeypatch))]
    again = [r["partialFingerprints"] for r in results(sarif_of(tmp_path, monkeypatch))]
    assert first == again and len(first) == 2
    assert first[0] != first[1], "two places share a fingerprint"
    script.write_text("import requests\n\n# moved down by a comment\n" + CALL + CALL)
    moved = [r["partialFingerprints"] for r in results(sarif_of(tmp_path, monkeypatch))]
    assert moved == first, "a fingerprint changed when its line moved"
    script.write_text("import requests\n" + CALL.replace("quota/info", "quota/infos") + CALL)
    hosts = [
        r["partialFingerprints"]["akoolAudit/v2"]
        for r in results(sarif_of(tmp_path, monkeypatch))
        if r["ruleId"] == "wrong-host"
    ]
    assert hosts[0] not in {f["akoolAudit/v2"] for f in first}, "an edited line kept its print"


def test_a_file_outside_the_current_folder_has_an_absolute_uri(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside, outside = tmp_path / "here", tmp_path / "other dir"
    inside.mkdir()
    outside.mkdir()
    (outside / "x.py").write_text(CALL)
    monkeypatch.chdir(inside)
    document = json.loads(invoke(["audit", "--format", "sarif", str(outside)], expect=8).stdout)
    location = results(document)[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"].startswith("file:///") and "other%20dir" in location["uri"]
    assert "uriBaseId" not in location
    validate(document)
