"""Issue 17's break-it run 17e (helper promises15): a full disk while a download writes its part
file's version blames the output folder and leaves nothing (P1), a range answer that never says
the file's size cannot grow a part file run after run (P2), a host name no HTTP client can send is
bad input everywhere a URL is taken (P3), a stop while another process holds the history's lock
names the create in doubt (P4), and three wordings (the MCP error code of an unreadable request,
a lock is no full disk, a host that names its version).

Each test fails on akool before its fix."""

from __future__ import annotations

import errno
import io

import pytest

import akool_cli.jobs.partfile
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle_kinds import made_elsewhere

E = "https://example.com"


# -- P1: a full disk while the part file's version is written ------------------------------------


class _FullDisk(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_writing_the_part_files_version_names_the_folder_and_leaves_nothing(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17e P1: the `.part.json` (the file's ETag, written before any byte of the video) hit
    the full disk first: exit 1 "check where stdout goes", and a 0-byte `.part.json` left."""
    job = made_elsewhere(isolated, monkeypatch, ["talk", f"{E}/p.jpg", f"{E}/s.mp3"])
    isolated.clock.advance(60)  # done on AKOOL

    real_open = open

    def open_on_full_disk(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if isinstance(file, int) and "w" in mode:  # the part file's version: created, then full
            real_open(file, mode, *args, **kwargs).close()  # type: ignore[call-overload]
            return _FullDisk()
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(akool_cli.jobs.partfile, "open", open_on_full_disk, raising=False)
    out = isolated.tmp / "out"
    failed = invoke(["watch", job, "-o", f"{out}/"], expect=1)
    said = " ".join(failed.stderr.split())
    assert f"the disk is full while writing {out}" in said, failed.stderr
    assert "free some space" in said and "stdout" not in said
    assert list(out.iterdir()) == []  # no .part, no .part.json
    monkeypatch.delattr(akool_cli.jobs.partfile, "open")  # space again: the same command saves it
    invoke(["watch", job, "-o", f"{out}/"])
    assert [p.name for p in out.iterdir()] == [f"{job}.mp4"]
