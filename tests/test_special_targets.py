"""An output target that exists and is not a regular file (break17f F20): `-o /dev/null --force`
as root replaced the device with the video. A character device, a FIFO or a socket is never
written into nor replaced, --force or not: one line, exit 2, and before a create nothing is
billed; the node is still what it was."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

IMAGE, AUDIO = "https://example.com/sp.jpg", "https://example.com/sp.mp3"


def _fifo(path: Path) -> Callable[[int], bool]:
    os.mkfifo(path)
    return stat.S_ISFIFO


def _device(path: Path) -> Callable[[int], bool]:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of its own
    except PermissionError:
        pytest.skip("making a device needs root (as in the CI containers where it matters)")
    return stat.S_ISCHR


def _socket(path: Path) -> Callable[[int], bool]:
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    listener.close()
    return stat.S_ISSOCK


NODES = {"fifo": _fifo, "device": _device, "socket": _socket}


@pytest.mark.parametrize("force", [True, False], ids=["force", "no-force"])
@pytest.mark.parametrize("node", list(NODES))
def test_watch_never_replaces_a_device_fifo_or_socket(
    node: str, force: bool, api_env: Sandbox, isolated: Isolation
) -> None:
    job = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    isolated.clock.advance(600)
    target = isolated.tmp / "node"
    is_it = NODES[node](target)
    refused = invoke(["watch", job, "-o", str(target), *(["--force"] if force else [])], expect=2)
    assert f"the output path {target} is a" in refused.stderr
    assert "never writes into or replaces" in refused.stderr and "mktemp -d" in refused.stderr
    assert is_it(target.lstat().st_mode)  # still the node it was
    assert not list(isolated.tmp.glob(".node.part*"))


def test_a_link_to_a_fifo_is_refused_too_and_talk_bills_nothing(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """`-o /dev/stdout` is a link to the descriptor's pipe: refused before the create."""
    fifo = isolated.tmp / "pipe"
    os.mkfifo(fifo)
    link = isolated.tmp / "out.mp4"
    link.symlink_to(fifo)
    invoke(["talk", IMAGE, AUDIO, "-o", str(link), "--force"], expect=2)
    assert not api_env.state.jobs  # refused before anything was billed
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("name", ["jobs.sqlite3", "jobs.sqlite3-wal", "config.json", "link"])
def test_watch_never_replaces_akools_own_files(
    name: str, api_env: Sandbox, isolated: Isolation
) -> None:
    """Break-it 17j J10: `-o $AKOOL_HOME/jobs.sqlite3 --force` replaced the history with the
    video ("saved"); every later command then failed. Refused, exit 2, a link to it as well."""
    job = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    isolated.clock.advance(600)
    target = isolated.home / name
    if name == "link":
        target = isolated.tmp / "out.mp4"
        target.symlink_to(isolated.home / "jobs.sqlite3")
    before = (isolated.home / "jobs.sqlite3").stat().st_size
    refused = invoke(["watch", job, "-o", str(target), "--force"], expect=2)
    assert "is akool's own" in refused.stderr and len(refused.stderr.splitlines()) <= 2
    assert (isolated.home / "jobs.sqlite3").stat().st_size >= before
    assert invoke(["status", job, "--json"]).stdout  # the history still reads
