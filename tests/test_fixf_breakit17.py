"""Issue 17's break-it runs 17h and 17i, fixer F's part: `akool mcp` ending at once when its
client closes stdin (I9), a `--reuse` that says what it waits for (H10), `doctor` against a
dripping server (H4), `-o -` and TERM=dumb (H13), uploads presigned again for late batch rows
(H15) and the pinned install line of docs/ci.md (H20).

Each test fails on akool before its fix."""

from __future__ import annotations

import importlib
import io
import json
import re
import socket
import subprocess
import sys
import threading
from typing import Any, cast

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, before it joined the standard library
    tomllib = pytest.importorskip("tomli")

from akool_cli.inputs.upload import S3Store
from akool_cli.net import transport as transport_module
from akool_cli.sandbox import Sandbox
from tests.conftest import ROOT, Isolation
from tests.support.batches import write_rows
from tests.support.hostile import ENDLESS, raw_server
from tests.support.rawmcp import RawServer
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.waiting import wait_for
from tests.test_mcp import AUDIO, IMAGE
from tests.test_upload import MP3, PNG, S3, fetching, moto_endpoint, s3

__all__ = ["fetching", "moto_endpoint", "s3"]  # the upload tests' fixtures, used here

TALK = {"image_url": IMAGE, "audio_url": AUDIO}
LIMIT = 0.3  # seconds: the exchange deadline under test, lowered from its documented 90 s


def test_mcp_ends_when_stdin_closes_while_an_answered_wait_read_is_held(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """break17i I9: a `wait` call answered at its ceiling while AKOOL held its status read, then
    the client closed stdin: akool mcp went on for ~105 s (the abandoned read and its retries)
    instead of ending as mcp.md says. The held read is dropped; the job stays recorded."""
    server = RawServer(
        isolated.tmp, isolated.home, api_env.base_url, "--wait-ceiling", "1",
        env={"AKOOL_TIMEOUT": "120"},
    )  # fmt: skip
    try:
        server.initialize()
        made = server.answer(server.call("talk", TALK))["result"]["structuredContent"]
        api_env.state.inject("hold", "hold", "hold", at="video_info")
        waited = server.answer(server.call("wait", {"job_id": made["job_id"]}))["result"]
        assert not waited["isError"], waited
        assert api_env.state.holding == 1  # the answered call's read is still held by AKOOL
        server.close_stdin()
        assert server.wait(60) == 0, server.stderr()
        assert api_env.state.holding == 1  # akool did not wait for it
    finally:
        api_env.state.release()
        server.kill()
    assert "Traceback" not in server.stderr()
    wait_for(lambda: api_env.state.holding == 0)
    [job] = json.loads(invoke(["history", "--json"]).stdout)
    assert job["id"] == made["job_id"]


def test_mcp_ends_when_stdin_closes_during_a_download_akool_holds(
    isolated: Isolation, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17i I9, the same for a `download` call in flight: stdin closed while AKOOL's file
    server holds the result; the download ends at once (its part file kept), the session too."""
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url, env={"AKOOL_TIMEOUT": "120"})
    try:
        server.initialize()
        made = server.answer(server.call("talk", TALK))["result"]["structuredContent"]
        isolated.clock.advance(60)  # done
        from akool_cli.sandbox import server as sandbox_server
        from akool_cli.sandbox.files import serve_file

        def held(handler: Any, name: str) -> None:
            api_env.state.hold()  # until released (the file server takes no scripted hold)
            serve_file(handler, name)

        monkeypatch.setattr(sandbox_server, "serve_file", held)
        server.call("download", {"job_id": made["job_id"]})
        wait_for(lambda: api_env.state.holding == 1)
        server.close_stdin()
        assert server.wait(60) == 0, server.stderr()
        assert api_env.state.holding == 1  # akool did not wait for the file
    finally:
        api_env.state.release()
        server.kill()
    assert "Traceback" not in server.stderr()


def test_reuse_says_it_waits_for_another_akools_create_and_ends_when_that_akool_dies(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """break17h H10: `talk --reuse` waiting for another akool's create of the same request said
    nothing (up to 10 minutes with that akool stopped). It names the process it waits for, and
    once that process is gone the create is an unknown outcome: refused, never sent again."""
    argv = [AKOOL, "talk", IMAGE, AUDIO, "--reuse"]
    env = process_env(isolated.home, api_env.base_url)
    api_env.state.inject("hold", at="create_talking_photo")
    first = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    errors = isolated.tmp / "second-stderr.txt"
    try:
        wait_for(lambda: api_env.state.holding == 1)
        with errors.open("wb") as sink:
            second = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=sink)
        wait_for(lambda: f"another akool (pid {first.pid})" in errors.read_text())
        assert second.poll() is None  # still waiting for the first one's job
        first.kill()  # that akool is gone, its create unanswered
        first.wait(30)
        assert second.wait(60) == 5, errors.read_text()
    finally:
        api_env.state.release()
        for process in (first, locals().get("second")):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(30)
    stderr = errors.read_text()
    assert "waiting for it" in stderr and "unknown outcome" in stderr, stderr
    assert "Traceback" not in stderr
    wait_for(lambda: api_env.state.holding == 0)
    assert len(api_env.state.jobs) <= 1  # the held create, if AKOOL made it; never a second


def test_doctor_shows_each_check_as_it_is_done_and_ends_at_the_deadline(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17h H4: `akool doctor` against a server that sends a header every few seconds
    printed nothing for 7.6 minutes (five tries of the credential check), even the local
    checks. Each line comes as its check is done; AKOOL is asked once, within the deadline."""
    monkeypatch.setattr(transport_module, "REQUEST_DEADLINE", LIMIT)
    monkeypatch.setenv("AKOOL_TIMEOUT", str(LIMIT))  # the deadline is at least this long
    shown_then: list[str] = []  # stdout when each request reached the server
    trickle = ENDLESS["a-header-every-interval"]

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        if connection.recv(65536):  # not the network check's bare connection
            shown_then.append(cast("io.StringIO", sys.stdout).getvalue())  # invoke()'s
            trickle(connection, stop)

    with raw_server(answer, read_request=False, path="") as base_url:
        monkeypatch.setenv("AKOOL_BASE_URL", base_url)
        monkeypatch.setenv("AKOOL_API_KEY", "k" * 32)
        result = invoke(["doctor"], expect=11)
    [before] = shown_then  # one request: the credential check, tried once
    assert "✓ version" in before and "✓ network" in before, before
    [line] = [x for x in result.stdout.splitlines() if "credential valid" in x]
    assert line.startswith("✗") and f"no complete answer within {LIMIT:g} s" in line, line


def test_dash_as_output_is_refused_before_anything_is_billed(
    isolated: Isolation, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17h H13f: `talk … -o -` saved the video as a file literally named `-`. akool saves
    results as files, never on standard output (where it prints the job id): one line, exit 2,
    nothing created, no file named `-`."""
    monkeypatch.chdir(isolated.tmp)
    for argv in (
        ["talk", IMAGE, AUDIO, "-o", "-"],
        ["lipsync", "https://example.com/clip.mp4", AUDIO, "--output", "-"],
        ["--json", "talk", IMAGE, AUDIO, "-o", "-"],
    ):
        refused = invoke(argv, expect=2)
        assert "is '-': akool saves results as files, never on standard output" in (
            refused.stderr + refused.stdout
        ), refused
    assert json.loads(refused.stdout)["error"]["exit_code"] == 2
    assert api_env.state.jobs == {} and not (isolated.tmp / "-").exists()
    job_id = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    invoke(["watch", job_id, "-o", "-"], expect=2)
    invoke(["sync", "-o", "-"], expect=2)
    invoke(["webhook", "serve", "--port", "0", "-o", "-"], expect=2)
    assert not (isolated.tmp / "-").exists()


def test_term_dumb_gets_no_escape_codes_on_a_terminal(isolated: Isolation) -> None:
    """break17h H13g: TERM=dumb (Emacs' shell, some CI log viewers) still got colours (and a
    live display) on a terminal; NO_COLOR was honoured. A dumb terminal gets plain lines."""
    from tests.test_subprocess import run_in_terminal

    env = process_env(isolated.home)
    coloured = run_in_terminal(["watch", "0123456789abcdef01234567"], {**env, "TERM": "xterm"})
    assert "\033[" in coloured  # the error's colour and the live display...
    plain = run_in_terminal(["watch", "0123456789abcdef01234567"], {**env, "TERM": "dumb"})
    assert "Error:" in plain and "\033[" not in plain, repr(plain)  # ...not on a dumb terminal


def test_a_long_batch_signs_each_uploaded_url_again_as_its_row_is_created(
    s3: S3, fetching: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17h H15: a batch presigned every uploaded file once, at its start, so rows created
    later than --url-ttl after it sent AKOOL expired URLs. Each row's create carries URLs signed
    as it leaves (the fake clock jumps past the TTL between the two rows' creates)."""
    ttl = 3600.0
    signed: list[tuple[float, str]] = []  # (akool's clock, URL) of each signature
    created: list[tuple[float, str, str]] = []  # (the clock, image URL, audio URL) of each create
    presign = S3Store.presign

    def spied(self: S3Store, key: str, seconds: int) -> str:
        url = presign(self, key, seconds)
        signed.append((isolated.clock.time(), url))
        return url

    create_job = fetching.state.create_job

    def creating(fields: dict[str, Any], failure: str) -> Any:
        created.append((isolated.clock.time(), fields["talking_photo_url"], fields["audio_url"]))
        isolated.clock.advance(2 * ttl)  # the next row is created two TTLs later
        return create_job(fields, failure)

    monkeypatch.setattr(S3Store, "presign", spied)
    monkeypatch.setattr(fetching.state, "create_job", creating)
    s3.file("c/anna.png", PNG)
    s3.file("c/intro.mp3", MP3)
    csv = s3.file(
        "c/rows.csv",
        b"id,image_url,audio_url,prompt\na,anna.png,intro.mp3,one\nb,anna.png,intro.mp3,two\n",
    )
    argv = ["batch", str(csv), "--upload-to", s3.target, "--url-ttl", "1h", "-c", "1", "--json"]
    result = invoke(argv)
    assert json.loads(result.stdout)["done"] == 2, result.stderr
    assert len(created) == 2
    for at, *urls in created:
        for url in urls:
            ages = [at - t for t, u in signed if u == url and t <= at]
            assert ages and min(ages) < ttl, (url, at, signed)  # valid when the create left


def test_the_ci_recipes_install_the_version_pyproject_builds() -> None:
    """break17h H20: every workflow of docs/ci.md ran a bare `pip install akool-cli` in the job
    holding AKOOL_API_KEY: whatever an index serves under that name. Each install names the
    version pyproject.toml builds (`make docs` writes it), and drift fails here."""
    from akool_cli.cli.docs import pinned_installs

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version = config["project"].get("version")
    if version is None:  # dynamic: the attribute setuptools reads it from
        attr = config["tool"]["setuptools"]["dynamic"]["version"]["attr"]
        module, _, name = attr.rpartition(".")
        version = getattr(importlib.import_module(module), name)
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    recipes = re.findall(r"- run: pip install .*", page)
    installs = re.findall(r"pip install \S*akool-cli\S*", page)
    assert len(recipes) >= 5 and all(f"akool-cli=={version}" in line for line in recipes), recipes
    assert all(f"akool-cli=={version}" in i for i in installs), installs
    assert pinned_installs(page) == page, "run `make docs` and commit docs/ci.md"


def test_batch_rows_whose_results_expired_unsaved_are_made_again_when_saving(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17h H6: rows made by a run without -o, rerun with -o after AKOOL's 7 days: every
    rerun picked the expired jobs up, their downloads answered 404, exit 9, for ever. A run
    that saves results makes such a row again (billed, said), as --reuse does; a saved one is
    kept, and a run that saves nothing still picks the old job up."""
    rows = write_rows(isolated.tmp / "rows.csv", 2, "h6")
    out = isolated.tmp / "out"
    invoke(["batch", str(rows)])
    isolated.clock.advance(8 * 86400)  # past AKOOL's 7 days: the results are gone
    plain = invoke(["batch", str(rows)])  # nothing to save: the rows are done already
    assert plain.stderr.count("picked up") == 2 and len(api_env.state.jobs) == 2
    dry = json.loads(invoke(["batch", str(rows), "-o", str(out), "--dry-run", "--json"]).stdout)
    assert [r["action"] for r in dry["rows"]] == ["create", "create"], dry
    saved = invoke(["batch", str(rows), "-o", str(out)])
    assert saved.stderr.count("expired on AKOOL unsaved") == 2, saved.stderr
    assert len(api_env.state.jobs) == 4 and len(list(out.iterdir())) == 2
    isolated.clock.advance(8 * 86400)  # these are saved here: nothing is made again
    again = invoke(["batch", str(rows), "-o", str(out)])
    assert len(api_env.state.jobs) == 4, again.stderr


def test_talk_reuse_with_output_looks_the_reused_job_up_once(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """`talk --reuse -o` looked the job up twice, each time with a status read when its result
    was not saved here (the -o check's talk_reusable, then talk()'s own reuse): once now."""
    made = invoke(["talk", IMAGE, AUDIO, "--reuse"]).stdout.strip()
    isolated.clock.advance(60)  # done

    def reads() -> int:
        return sum(1 for r in api_env.state.received if "infobymodelid" in r.path)

    before = reads()
    saved = invoke(["talk", IMAGE, AUDIO, "--reuse", "-o", f"{isolated.tmp / 'out'}/"])
    assert saved.stdout.strip().endswith(f"{made}.mp4") or made in saved.stderr, saved
    assert reads() - before == 2, [r.path for r in api_env.state.received]  # reuse, then follow
