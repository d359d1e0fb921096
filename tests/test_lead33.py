"""The lead's last fixes of session 33: `akool --version` to a full disk or a reader gone, and
`python -P -m akool_cli` as the docs' way to audit a folder that may hold an `akool_cli` of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_version_to_a_full_disk_is_one_line_and_no_traceback() -> None:
    """breakit33: the --version fast path wrote outside the command line's output boundary."""
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "akool_cli", "--version"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
            timeout=60,
            check=False,
        )
    assert run.returncode == 1
    assert run.stderr == "Error: cannot write the output: No space left on device\n"


def test_version_to_a_reader_gone_ends_quietly() -> None:
    read, write = os.pipe()
    os.close(read)  # (the reader has gone before akool writes)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "akool_cli", "--version"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    assert (run.returncode, run.stderr) == (0, "")


@pytest.mark.skipif(sys.version_info < (3, 11), reason="-P is Python 3.11's")
def test_python_dash_p_never_runs_the_folders_own_akool_cli(tmp_path: Path) -> None:
    """breakit33: `python -m akool_cli` found the scanned folder's akool_cli.py before akool's own;
    the docs now give `python -P -m akool_cli`, which must audit (and not run the folder's file)."""
    marker = tmp_path / "MARKER"
    (tmp_path / "akool_cli.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    (tmp_path / "a.sh").write_text(
        'curl -X POST "https://openapi.akool.com/api/open/v3/photo/talking"\n'
    )
    run = subprocess.run(
        [sys.executable, "-P", "-m", "akool_cli", "audit", "--json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
        check=False,
    )
    assert not marker.exists(), run.stderr
    assert run.returncode == 8, run.stderr
    assert '"rule": "undocumented-path"' in run.stdout
    docs = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    assert "`python -P -m akool_cli`" in docs


def test_a_name_bound_on_every_line_is_read_for_uses_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """breakit33: printed.Words.uses walked every use of the name once per binding (a script
    binding `x` on each of 1,200 lines: 1.44 M string checks, 4x the lines 14x the CPU)."""
    from akool_cli.audit import printed
    from akool_cli.audit.scan import audit_text

    calls = 0
    quoted = printed._quoted

    def counted(line: str, at: int) -> bool:
        nonlocal calls
        calls += 1
        return quoted(line, at)

    monkeypatch.setattr(printed, "_quoted", counted)
    for n in (100, 400):
        calls = 0
        findings = audit_text('x = f"{BASE}/api/open/v3/{a}{a}{a}"\n' * n, "many.py")
        assert calls <= 2 * n, (n, calls)
    assert findings  # (the lines are still judged: each names an undocumented path)


def test_both_auth_headers_are_judged_per_shell_command() -> None:
    """breakit33: a curl setting both headers made the next line's curl (Authorization only, a
    command of its own) get the warning; a command continued with `\\` is still one request."""
    from akool_cli.audit.scan import audit_text

    url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
    body = """-d '{"talking_photo_url": "x", "audio_url": "y"}'"""
    both = f'curl -X POST "{url}" -H "x-api-key: $KEY" -H "Authorization: Bearer $T" {body}\n'
    alone = f'curl -X POST "{url}" -H "Authorization: Bearer $T" {body}\n'
    continued = (
        f'curl -X POST "{url}" -H "x-api-key: $KEY" \\\n  -H "Authorization: Bearer $T" {body}\n'
    )

    def warned(text: str) -> list[int]:
        return [f.line for f in audit_text(text, "a.sh") if f.rule == "both-auth-headers"]

    assert warned(both + alone) == [1]
    assert warned(alone + both) == [2]
    assert warned(continued) == [2]
