"""`akool audit`'s house (house25): a report appended to a file (`>> log`) on a full disk leaves
what the file held, long strings cost memory in proportion, and the command imports only what it
uses."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.runner import ROOT

BAD = 'import requests\nrequests.get("https://api.akool.com/api/open/v3/faceswap/quota/info")\n'


def _limited(room: int) -> None:
    """In the child: a file may grow to `room` bytes (beyond it a write fails with EFBIG, as a
    full disk fails with ENOSPC; Python ignores SIGXFSZ)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))


@pytest.mark.parametrize("args", [["--json"], ["--diff"], ["--format", "sarif"], []])
@pytest.mark.parametrize("mode", [os.O_APPEND, 0])
def test_a_full_disk_keeps_what_stdouts_file_held(
    tmp_path: Path, args: list[str], mode: int
) -> None:
    """break21g #28: `akool audit --json s >> log` on a full disk cut log to 0 bytes (the offset
    of an O_APPEND descriptor is 0 until its first write) while saying it was as it was; `1<>
    log` (mode 0: written from its start) keeps its length too."""
    src = tmp_path / "s"
    src.mkdir()
    for n in range(40):
        (src / f"t{n}.py").write_text(BAD)
    log = tmp_path / "log.txt"
    log.write_text("".join(f"{n}\n" for n in range(1, 501)))
    before = log.read_bytes()
    fd = os.open(log, os.O_WRONLY | mode)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "akool_cli", "audit", *args, "s"],
            cwd=tmp_path,
            stdout=fd,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            preexec_fn=lambda: _limited(len(before) + 2000),
            timeout=120,
            check=False,
        )
    finally:
        os.close(fd)
    errors = [x for x in run.stderr.splitlines() if x.startswith("Error: ")]
    assert run.returncode == 1 and len(errors) == 1, run.stderr
    assert "the part written is taken back" in errors[0]
    assert "Traceback" not in run.stderr
    after = log.read_bytes()
    assert len(after) == len(before)
    if mode == os.O_APPEND:
        assert after == before


@pytest.mark.parametrize("args", [["--json"], ["--diff"], ["--format", "sarif"], []])
def test_output_at_a_size_limit_is_left_as_it_was(tmp_path: Path, args: list[str]) -> None:
    """--output FILE where a file may not grow past a limit (EFBIG, as ENOSPC): FILE as it was,
    no part file; --diff wrote half a patch into FILE and passed (BufferedWriter.write took the
    part the file had room for and returned without an error)."""
    src = tmp_path / "s"
    src.mkdir()
    for n in range(40):
        (src / f"t{n}.py").write_text(BAD)
    (tmp_path / "fixes.patch").write_text("an earlier run's report\n")
    run = subprocess.run(
        [sys.executable, "-m", "akool_cli", "audit", *args, "--output", "fixes.patch", "s"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: _limited(2000),
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert (tmp_path / "fixes.patch").read_text() == "an earlier run's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fixes.patch", "s"]
    assert len([x for x in run.stderr.splitlines() if x.startswith("Error: ")]) == 1
