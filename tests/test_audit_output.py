"""`akool audit --diff` (a patch git apply takes, after which the fixed findings are gone and no
new one appears) and `akool audit --format sarif` (valid SARIF 2.1.0 for GitHub code scanning)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from akool_cli.audit.rules import RULES
from akool_cli.audit.scan import audit
from tests.conftest import ROOT
from tests.support.runner import invoke

CORPUS = ROOT / "tests" / "audit_corpus"
SUBSET_SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0-subset.schema.json"
# The official schema (OASIS, sarif-schema-2.1.0.json, unmodified: see its NOTICE beside it).
OFFICIAL_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"


def git(repo: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(repo), *args], input=stdin, capture_output=True, text=True, check=False
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The corpus in a git repository of its own, as the current folder."""
    root = tmp_path / "repo"
    shutil.copytree(CORPUS, root, ignore=shutil.ignore_patterns("expected.json"))
    git(root, "init", "-q")
    monkeypatch.chdir(root)
    return root


def places(root: Path) -> set[tuple[str, int, str, str]]:
    return {(f.file, f.line, f.rule, f.found) for f in audit([Path(".")]).findings}


def test_the_diff_applies_and_the_patched_files_audit_clean(repo: Path) -> None:
    before = audit([Path(".")]).findings
    fixable = {(f.file, f.line, f.rule, f.found) for f in before if f.fix is not None}
    assert len(fixable) >= 20
    result = invoke(["audit", "--diff", "."], expect=8)
    assert result.stdout.startswith("--- a/")
    assert f"{len(fixable)} fix(es) in" in result.stderr
    check = git(repo, "apply", "--check", "-", stdin=result.stdout)
    assert check.returncode == 0, check.stderr
    git(repo, "apply", "-", stdin=result.stdout)
    after = places(repo)
    assert not after & fixable, "a fixed finding is still there"
    assert after == {(f.file, f.line, f.rule, f.found) for f in before} - fixable, "new findings"
    again = invoke(["audit", "--diff", "."], expect=8)
    assert again.stdout == "" and "0 fix(es) in 0 file(s)" in again.stderr


def test_each_kind_of_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("make.py").write_text(
        "import requests\n"
        'BASE = "https://api.akool.com/api/open/v3"\n'
        'requests.post(BASE + "/content/video/createByTalkingPhoto",\n'
        '    json={"talking_photo_url": p, "audio_url": a, "resolution": "1080p", "webhook_url": h})\n'
        'requests.post(f"{BASE}/content/image/createbyprompt", json={"prompt": t, "size": "16:9"})\n'
        'requests.get("https://openapi.akool.com/api/open/v4/faceswap/result/listbyids?_ids=" + i)\n'
    )
    diff = invoke(["audit", "--diff", "make.py"], expect=8).stdout
    assert diff == (
        "--- a/make.py\n+++ b/make.py\n@@ -1,6 +1,6 @@\n import requests\n"
        '-BASE = "https://api.akool.com/api/open/v3"\n'
        '-requests.post(BASE + "/content/video/createByTalkingPhoto",\n'
        '-    json={"talking_photo_url": p, "audio_url": a, "resolution": "1080p", "webhook_url": h})\n'
        '-requests.post(f"{BASE}/content/image/createbyprompt", json={"prompt": t, "size": "16:9"})\n'
        '-requests.get("https://openapi.akool.com/api/open/v4/faceswap/result/listbyids?_ids=" + i)\n'
        '+BASE = "https://openapi.akool.com/api/open/v3"\n'
        '+requests.post(BASE + "/content/video/createbytalkingphoto",\n'
        '+    json={"talking_photo_url": p, "audio_url": a, "resolution": "1080", "webhookUrl": h})\n'
        '+requests.post(f"{BASE}/content/image/createbyprompt", json={"prompt": t, "scale": "16:9"})\n'
        '+requests.get("https://openapi.akool.com/api/open/v3/faceswap/result/listbyids?_ids=" + i)\n'
    )


def test_a_closest_match_is_advice_not_a_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/voice/delete is most likely /voice/del, but the docs do not say so: no rewrite."""
    monkeypatch.chdir(tmp_path)
    Path("v.js").write_text('fetch("https://openapi.akool.com/api/open/v4/voice/delete");\n')
    found = audit([Path("v.js")]).findings
    assert [(f.rule, f.documented.split(" (")[0]) for f in found] == [
        ("unknown-endpoint", "POST /api/open/v4/voice/del")
    ]
    assert found[0].fix is None
    assert invoke(["audit", "--diff", "v.js"], expect=8).stdout == ""


def test_tabs_crlf_and_a_missing_final_newline_survive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    Path("a.go").write_text('package a\n\nconst host = "https://api.akool.com"\n\tvar x = host\n')
    Path("b.sh").write_bytes(
        b"#!/bin/sh\r\ncurl https://api.akool.com/api/open/v3/faceswap/quota/info\r\n"
    )
    Path("c.js").write_text('fetch("https://open.akool.com/api/open/v3/voice/list")')
    diff = invoke(["audit", "--diff", "."], expect=8).stdout
    assert "\\ No newline at end of file" in diff
    applied = git(tmp_path, "apply", "-", stdin=diff)
    assert applied.returncode == 0, applied.stderr
    assert Path("b.sh").read_bytes().count(b"\r\n") == 2
    assert Path("c.js").read_text() == 'fetch("https://openapi.akool.com/api/open/v3/voice/list")'
    assert audit([Path(".")]).findings == []


def test_diff_and_another_format_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.sh").write_text("curl https://api.akool.com/auth\n")
    for args in (
        ["--diff", "--json"],
        ["--diff", "--format", "sarif"],
        ["--json", "--format", "sarif"],
    ):
        result = invoke(["audit", *args, str(tmp_path)], expect=2)
        assert result.stderr.startswith("Error: ")
    assert (
        "formats: text, json, sarif"
        in invoke(["audit", "--format", "xml", str(tmp_path)], expect=2).stderr
    )


def sarif(repo: Path) -> dict[str, Any]:
    result = invoke(["audit", "--format", "sarif", "."], expect=8)
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_sarif_is_valid_sarif_2_1_0(repo: Path) -> None:
    document = sarif(repo)
    for path in (SUBSET_SCHEMA, OFFICIAL_SCHEMA):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft4Validator.check_schema(schema)
        jsonschema.Draft4Validator(schema).validate(document)


def test_the_official_schema_is_the_official_one() -> None:
    """The vendored schema is OASIS's, byte for byte (the NOTICE beside it says where from)."""
    data = OFFICIAL_SCHEMA.read_bytes()
    digest = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
    assert hashlib.sha256(data).hexdigest() == digest
    assert json.loads(data)["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")


def test_the_official_schema_rejects_what_it_should(repo: Path) -> None:
    """The validation can fail: a result without a message is not SARIF."""
    schema = json.loads(OFFICIAL_SCHEMA.read_text(encoding="utf-8"))
    broken = sarif(repo)
    del broken["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(broken)


def test_sarif_results_rules_locations_help_and_fixes(repo: Path) -> None:
    run = sarif(repo)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.name for r in RULES]
    assert all(r["helpUri"].startswith("https://docs.akool.com") for r in rules)
    findings = audit([Path(".")]).findings
    assert len(run["results"]) == len(findings)
    for result, finding in zip(run["results"], findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == finding.file.removeprefix("./")
        assert location["region"]["startLine"] == finding.line
        assert result["properties"]["helpUri"].startswith("https://docs.akool.com")
        assert ("fixes" in result) == (finding.fix is not None)
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["retired-endpoint"] == "warning" and levels["legacy-token-flow"] == "note"


def test_a_file_name_that_is_not_utf8_gives_valid_sarif_and_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break21: `--format sarif` of a folder holding `x\\xff\\xfe.py` (a Latin-1 checkout) ended
    with an unexpected UnicodeEncodeError, exit 1, nothing written; `--json` wrote the raw bytes,
    which is not JSON (it must be UTF-8)."""
    import os

    name = os.fsdecode(b"x\xff\xfe.py")
    (tmp_path / name).write_text(
        "import requests\n"
        'requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",\n'
        '    json={"talking_photo_url": p, "audio_url": a, "resolution": "1080p"})\n'
    )
    monkeypatch.chdir(tmp_path)
    log = invoke(["audit", "--format", "sarif", "."], expect=8).stdout
    log.encode("utf-8")  # (strict: what a file or a pipe takes)
    uri = json.loads(log)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"] == "x%FF%FE.py"
    found = invoke(["audit", "--json", "."], expect=8).stdout
    found.encode("utf-8")
    # (house23: no lone surrogates, which strict parsers refuse; the bytes as SARIF's uri)
    assert json.loads(found)[0]["file"] == "x\ufffd\ufffd.py"
    assert json.loads(found)[0]["file_bytes"] == "x%FF%FE.py"
