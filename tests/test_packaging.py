"""The package builds into a wheel without warnings, carrying what the installed akool needs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import Isolation

ROOT = Path(__file__).resolve().parent.parent
# What the build reads: a copy keeps build/ and *.egg-info out of the working tree.
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "akool_cli")
# Offline: the venv's setuptools builds it, as `make install` set it up.
PIP_WHEEL = (sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation")


def _copy_sources(target: Path) -> None:
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)


def test_a_wheel_builds_cleanly_and_carries_the_sample_video(tmp_path: Path) -> None:
    source, out = tmp_path / "src", tmp_path / "dist"
    source.mkdir()
    _copy_sources(source)
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    built = subprocess.run(
        [*PIP_WHEEL, "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        env=env,
    )
    log = built.stdout + built.stderr
    assert built.returncode == 0, log[-3000:]
    warnings = [line for line in log.splitlines() if "deprecat" in line.lower()]
    assert not warnings, "\n".join(warnings)
    (wheel,) = out.glob("akool_cli-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        text = archive.read(metadata).decode()
    assert "akool_cli/sandbox/sample.mp4" in names
    assert "akool_cli/py.typed" in names  # type checkers read the library's annotations
    headers = text.splitlines()
    for classifier in ("Typing :: Typed", "Operating System :: POSIX :: Linux"):
        assert f"Classifier: {classifier}" in headers
    assert "Classifier: Programming Language :: Python :: 3.10" in headers
    assert any(line.startswith("Project-URL: ") for line in headers)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in text.splitlines()
    assert not any(n.startswith("tests/") or n.startswith("bench/") for n in names)


def test_windows_is_refused_at_start_in_one_clear_line(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """akool declares POSIX; elsewhere it says so before doing anything (nothing recorded, no
    lock taken), not halfway through a download."""
    import json

    import akool_cli
    from tests.support.runner import invoke

    monkeypatch.setattr(sys, "platform", "win32")
    refused = invoke(["talk", "https://e.com/a.jpg", "https://e.com/b.mp3"], expect=2)
    error, hint = refused.stderr.splitlines()
    assert error == "Error: akool runs on Linux and macOS (POSIX); this is Windows"
    assert hint.startswith("Hint: on Windows, run akool inside WSL")
    assert refused.stdout == "" and not isolated.home.exists()
    document = json.loads(invoke(["status", "--json"], expect=2).stdout)
    assert document["error"]["type"] == "UsageError"
    with pytest.raises(akool_cli.UsageError, match="runs on Linux and macOS"):
        akool_cli.Client()
    monkeypatch.setattr(sys, "platform", "linux")
    invoke(["status"])  # the same process on Linux works
