"""The audit on hostile input. One long line of many calls (break21d H1: a minified bundle, a
one-line JSON): what a line returns is worked out once per line, not once per call on it
(bench/run.py's t.js shape times it, and its s.py shape a path of thousands of variable segments,
cut once now). A scanned folder's own git config runs nothing (break21d #18)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit import ties
from akool_cli.audit.scan import audit, audit_text


class _CountedMatch:
    """A compiled pattern that counts its match calls."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)

    def match(self, string: str, *args: Any) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(string, *args)


def test_what_a_minified_line_returns_is_asked_once_not_once_per_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted = _CountedMatch(ties.RETURN)
    monkeypatch.setattr(ties, "RETURN", counted)
    for cached in ("returned_expression", "return_statement"):
        getattr(getattr(ties, cached, None), "cache_clear", lambda: None)()
    calls = "".join("fetch(`${BASE}/photo/talking`);return 1;" for _ in range(300))
    text = 'const BASE="https://openapi.akool.com/api/open/v3";' + calls + "\n"
    found = audit_text(text, "bundle.js")
    # (one finding per place: each call of the line is one, house22)
    assert [f.rule for f in found] == ["undocumented-path"] * 300
    assert counted.calls <= 3, f"RETURN matched {counted.calls} times on one line"


def test_auditing_a_folder_never_runs_a_command_its_own_git_config_names(tmp_path: Path) -> None:
    # (break21d #18: git runs core.fsmonitor's command on ls-files; a folder someone sends you,
    # .git and all, is read, not run)
    git = ["git", "-C", str(tmp_path), "-c", "user.email=a@b.c", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "a.sh").write_text(
        "curl https://openapi.akool.com/api/open/v3/faceswap/quota/info\n"
    )
    subprocess.run([*git, "add", "a.sh"], check=True)
    subprocess.run([*git, "commit", "-qm", "i"], check=True)
    ran = tmp_path / "RAN"
    subprocess.run([*git, "config", "core.fsmonitor", f"touch {ran}; echo"], check=True)
    (tmp_path / ".gitignore").write_text("dist/\n")
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "b.sh").write_text("curl https://openapi.akool.com/api/open/v3/nope\n")
    result = audit([tmp_path])
    assert not ran.exists(), "a command from the scanned folder's .git/config ran"
    assert [f.file for f in result.findings] == []  # (what git ignores is still left out)


def test_an_httpretty_mock_s_answer_is_no_request_body() -> None:
    # (two fixers rewrote mocks.py at once; the merged table had lost httpretty)
    url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
    text = (
        "import httpretty, requests\n\n@httpretty.activate\ndef test_x():\n"
        f'    httpretty.register_uri(httpretty.POST, "{url}", body=\'{{"data": {{"_id": 1}}}}\')\n'
        f'    requests.post("{url}", json={{"talking_photo_url": "u", "audio_url": "a"}})\n'
    )
    assert audit_text(text, "test_x.py") == []
