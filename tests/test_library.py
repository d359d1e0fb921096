"""The Python API as a user's program uses it: docs/python.md's example runs against the sandbox."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

import akool_cli
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import ROOT, Isolation
from tests.support.runner import invoke

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


def example() -> str:
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    return str(re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)[0])


def test_the_documented_example_runs(
    api_env: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(isolated.tmp)
    exec(compile(example(), "docs/python.md", "exec"), {})
    printed = capsys.readouterr().out
    saved = isolated.tmp / "videos"
    [video] = list(saved.iterdir())
    assert video.read_bytes()[4:8] == b"ftyp" and f"saved {video}" in printed
    # Same history as the CLI: status lists the job with its label.
    [line] = invoke(["status"]).stdout.splitlines()
    assert line.startswith(video.stem) and "done" in line and line.endswith("hello")


def test_library_errors_carry_exit_codes(api_env: Sandbox, isolated: Isolation) -> None:
    with akool_cli.Client() as client:
        with pytest.raises(akool_cli.UsageError) as usage:
            client.talk(str(isolated.tmp / "me.jpg"), AUDIO)
        assert usage.value.exit_code == 2
        with pytest.raises(akool_cli.RejectedError) as rejected:
            client.status("0123456789abcdef01234567")
        assert rejected.value.exit_code == 4 and rejected.value.code is not None
    with akool_cli.Client(api_key="wrong-key-123456", base_url=api_env.base_url) as client:
        with pytest.raises(akool_cli.AuthError) as auth:
            client.talk(IMAGE, AUDIO)
        assert auth.value.exit_code == 3


def test_overrides_and_a_failed_job(sandbox: Sandbox, isolated: Isolation) -> None:
    home = isolated.tmp / "elsewhere"
    client = akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url, home=home)
    with client:
        job = client.talk("https://example.com/fail.jpg", AUDIO)
        final = client.wait(job.id)
        assert final.failed and final.state == "failed" and final.error
        with pytest.raises(akool_cli.JobFailedError) as failed:
            client.download(job.id, isolated.tmp / "x.mp4")
        assert failed.value.exit_code == 6
        assert [j.id for j in client.jobs()] == [job.id]
    assert (home / "jobs.sqlite3").exists()
    assert not (isolated.home / "jobs.sqlite3").exists()


def test_the_library_leaves_no_threads(sandbox: Sandbox, isolated: Isolation) -> None:
    before = set(threading.enumerate())
    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
        ids = [client.talk(IMAGE, AUDIO).id for _ in range(5)]
        with client.watcher() as watcher:
            for job_id in ids:
                watcher.add(job_id, target=isolated.tmp / f"{job_id}.mp4")
            result = watcher.run()
    assert sorted(result.downloads) == sorted(ids)
    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
        # Downloading again what is already there, whole, is not an error.
        first = ids[0]
        assert (
            client.download(first, isolated.tmp / f"{first}.mp4") == isolated.tmp / f"{first}.mp4"
        )
    assert all(Path(d.path).exists() for d in result.downloads.values())
    assert set(threading.enumerate()) - before == set()


def test_importing_the_package_is_free() -> None:
    import subprocess
    import sys

    code = "import sys, akool_cli; print(sorted(m for m in sys.modules if m.startswith(('akool_cli', 'httpx'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['akool_cli']"


def test_the_library_checks_inputs_before_billing(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AKOOL_NO_CHECK")
    missing = f"{sandbox.base_url}/_sandbox/files/no-such-portrait.jpg"
    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
        with pytest.raises(akool_cli.UsageError) as refused:
            client.talk(missing, AUDIO)
        assert "404" in refused.value.message and refused.value.exit_code == 2
    assert sandbox.state.stats()["jobs"] == 0  # nothing billed


def test_every_error_the_library_raises_is_importable_from_the_package() -> None:
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(akool_cli.__path__, "akool_cli."):
        if module.name != "akool_cli.__main__":  # importing it runs the command line
            importlib.import_module(module.name)
    found: set[type[Exception]] = set()
    todo: list[type[Exception]] = [akool_cli.AkoolError]
    while todo:
        subclasses: list[type[Exception]] = todo.pop().__subclasses__()
        for sub in subclasses:
            if sub.__module__.startswith("akool_cli.") and sub not in found:
                found.add(sub)
                todo.append(sub)
    missing = sorted(c.__name__ for c in found if getattr(akool_cli, c.__name__, None) is not c)
    assert missing == [], f"add to akool_cli.__all__: {missing}"
    assert all(c.__name__ in akool_cli.__all__ for c in found)


def test_resolution_may_be_a_number(sandbox: Sandbox, isolated: Isolation) -> None:
    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
        job = client.talk(IMAGE, AUDIO, resolution=1080)
        assert sandbox.state.jobs[job.id].request["resolution"] == "1080"
        with pytest.raises(akool_cli.UsageError, match="720 or 1080"):
            client.talk(IMAGE, AUDIO, resolution=480)
    assert len(sandbox.state.jobs) == 1  # the refused one was never sent


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        # The ranges of --interval and --timeout, named as the caller wrote them (break17f N4).
        ({"interval": 0}, "interval=0 is outside the allowed range 0.1–3600"),
        ({"interval": float("nan")}, "interval=nan is not a duration"),
        ({"timeout": 0}, "timeout=0 must be more than zero"),
        ({"timeout": -5.0}, "timeout=-5 must be more than zero"),
        ({"timeout": "soon"}, "timeout='soon' is not a duration"),
    ],
)
def test_wait_takes_the_ranges_of_the_command_line(
    sandbox: Sandbox, isolated: Isolation, options: dict[str, object], fragment: str
) -> None:
    client = akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url)
    with client, pytest.raises(akool_cli.UsageError) as refused:
        client.wait("0123456789abcdef01234567", **options)  # type: ignore[arg-type]
    assert fragment in refused.value.message and refused.value.hint


def test_wait_reads_a_timeout_as_the_command_line_does(
    sandbox: Sandbox, isolated: Isolation
) -> None:
    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
        job = client.talk(IMAGE, AUDIO)
        with pytest.raises(akool_cli.WaitTimeoutError):
            client.wait(job.id, timeout="1s", interval=0.5)
        assert client.wait(job.id, timeout="10m").done


def test_download_fills_size_and_sha256_for_any_job(sandbox: Sandbox, isolated: Isolation) -> None:
    import hashlib

    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
        recorded = client.talk(IMAGE, AUDIO)
        path = client.download(recorded.id, f"{isolated.tmp}/mine/")
        job = client.recorded(recorded.id)
        assert job is not None and job.downloaded_path == str(path.absolute())
        assert job.size == path.stat().st_size
        assert job.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    # A job this history never held (made elsewhere, e.g. by another machine's akool).
    elsewhere = isolated.tmp / "elsewhere"
    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url, home=elsewhere) as other:
        stranger = other.talk(IMAGE, AUDIO).id
    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
        assert client.recorded(stranger) is None
        path = client.download(stranger, f"{isolated.tmp}/theirs/")
        assert path == isolated.tmp / "theirs" / f"{stranger}.mp4" and path.exists()
        result = client.follow([stranger], dest=isolated.tmp / "again.mp4")
        again = result.jobs[stranger]
        assert again.size == (isolated.tmp / "again.mp4").stat().st_size
        assert again.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
