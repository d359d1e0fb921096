"""Issue 17's break-it runs 17g and 17f, helper lib19's part: a wait in flight when its Client
closes (G19), a batch callback that raises (G10), a status endpoint rate-limited for good (F10),
`--json` before any command (G8), and the smaller ones (F14, F17, N2, N4, N5, N7).

Each test fails on akool before its fix."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import akool_cli
from akool_cli.core import clock as clock_module
from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.sandboxes import running

E = "https://example.com"


@pytest.fixture
def slow_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    """A sandbox on a real clock whose jobs stay processing for an hour."""
    clock_module.set_current(SystemClock())
    with running(SandboxConfig(processing_seconds=3600), SystemClock()) as server:
        yield server


# -- G19: close() under a wait ------------------------------------------------------------------


@pytest.mark.parametrize("how", ["wait", "download", "follow"])
def test_a_wait_in_flight_ends_when_its_client_closes(
    slow_sandbox: Sandbox, isolated: Isolation, how: str
) -> None:
    """break17g G19: close() returned while another thread's wait() went on polling AKOOL with
    the closed Client, for as long as the job ran."""
    client = akool_cli.Client(SANDBOX_API_KEY, base_url=slow_sandbox.base_url)
    job = client.lipsync(f"{E}/clip.mp4?g19{how}", f"{E}/speech.mp3")
    calls = {
        "wait": lambda: client.wait(job.id, interval=0.1),
        "download": lambda: client.download(job.id, isolated.tmp / "out/"),
        "follow": lambda: client.follow([job.id], interval=0.1),
    }
    result: dict[str, Any] = {}
    polled = threading.Event()
    polls = slow_sandbox.state.received

    def follow() -> None:
        try:
            result["value"] = calls[how]()
        except Exception as exc:  # reported by the assertions below
            result["value"] = exc

    thread = threading.Thread(target=follow, daemon=True)
    seen = len(polls)
    thread.start()
    while not polled.is_set():  # it polls the job at least once before the close
        polled.wait(0.01)
        if len(polls) > seen or not thread.is_alive():
            polled.set()
    client.close()  # the wait ends at once, within close's grace
    thread.join(30)
    assert not thread.is_alive()
    error = result["value"]
    assert isinstance(error, akool_cli.UsageError), error
    assert "closed" in error.message and job.id in error.message, error.message
    assert f"akool watch {job.id}" in (error.hint or "")
    after = len(polls)
    with pytest.raises(akool_cli.UsageError, match="closed"):
        client.wait(job.id)
    assert len(polls) == after  # the closed Client sends nothing more


# -- G10: a batch callback that raises ----------------------------------------------------------


class Broken(Exception):
    """What the caller's callback raises."""


@pytest.mark.parametrize("arity", [2, 1])
def test_a_batch_callback_that_raises_surfaces_and_no_job_id_is_lost(
    sandbox: Sandbox, isolated: Isolation, arity: int
) -> None:
    """break17g G10: cb raising in a worker thread was swallowed; its row ended `created` with
    job_id None, never followed, and batch() returned normally (a callback of the wrong arity:
    every row so, silently)."""
    from tests.support.batches import write_rows

    rows = write_rows(isolated.tmp / "rows.csv", 3, tag="g10")
    seen: list[str] = []

    def raising(outcome: Any, message: str) -> None:
        seen.append(message)
        raise Broken(message)

    def one_argument(outcome: Any) -> None:
        raise AssertionError("never called with one argument")

    callback: Any = raising if arity == 2 else one_argument
    with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
        plan = client.batch_plan(rows, check=False)
        with pytest.raises(Broken if arity == 2 else TypeError) as raised:
            client.batch(plan, concurrency=1, on_event=callback)
        if arity == 2:
            assert seen[0].startswith("created talking photo job")
        made = {job.id for job in sandbox.state.jobs.values()}
        assert made  # the row whose event raised was created ...
        assert {job.id for job in client.jobs()} == made  # ... and recorded
        notes = " ".join(getattr(raised.value, "__notes__", []))
        assert all(job_id in notes for job_id in made) or not hasattr(raised.value, "add_note")
        again = client.batch(client.batch_plan(rows, check=False))
    assert {o.job_id for o in again.outcomes if o.resumed} == made  # picked up, not made again
    assert len(sandbox.state.jobs) == 3 and all(o.state == "done" for o in again.outcomes)


# -- F10: a status endpoint rate limited for good -----------------------------------------------


@pytest.mark.parametrize("command", ["talk", "watch"])
def test_status_reads_rate_limited_for_good_end_at_a_ceiling(
    api_env: Sandbox, isolated: Isolation, command: str
) -> None:
    """break17f F10: a status endpoint answering 429 (Retry-After) to every read kept `talk
    --wait` and `watch` polling forever without --timeout; other read failures end after the
    retries. Now they end after watcher.RATE_LIMITED_CEILING with the job named."""
    from akool_cli.jobs.watcher import RATE_LIMITED_CEILING
    from tests.support.runner import invoke

    job = invoke(["talk", f"{E}/f10.jpg", f"{E}/f10.mp3"]).stdout.split()[0]
    api_env.state.inject(*["429"] * 2000, at="video_info")  # every read, as long as it runs
    start = isolated.clock.monotonic()
    args = ["watch", job] if command == "watch" else ["talk", f"{E}/f10b.jpg", f"{E}/f10.mp3"]
    ended = invoke([*args, "--wait"] if command == "talk" else args, expect=5)
    waited = isolated.clock.monotonic() - start
    assert RATE_LIMITED_CEILING <= waited < RATE_LIMITED_CEILING + 300, waited
    if command == "talk":
        job = ended.stdout.split()[0]  # the job it made, printed first
    said = " ".join(ended.stderr.split())
    assert f"rate limited every status read of job {job}" in said, said
    assert f"akool watch {job}" in said, said
    assert len(api_env.state.jobs) == (2 if command == "talk" else 1)  # never made again


# -- G8: --json before any command that has it ---------------------------------------------------


def _json_commands() -> list[list[str]]:
    """Every command path of the app that declares --json (groups that are commands too)."""
    import typer

    from akool_cli.cli import app

    found: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:
        if path and any("--json" in p.opts for p in command.params):
            found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


JSON_COMMANDS = _json_commands()


@pytest.mark.parametrize("path", JSON_COMMANDS, ids=[" ".join(p) for p in JSON_COMMANDS])
def test_json_before_the_command_is_read_as_after_it(path: list[str]) -> None:
    """break17g G8: `akool --json image --prompt …` → "No such option: --json (Possible options:
    --version)": a group that is a command itself did not take an early --json."""
    import typer

    from akool_cli.cli import app
    from akool_cli.cli.global_options import read_args

    root = typer.main.get_command(app)
    early = read_args(root, ["--json", *path, "ARG"])
    late = read_args(root, [*path, "--json", "ARG"])
    assert early.problem is None, early.problem
    assert early.args == late.args == [*path, "--json", "ARG"]
    assert "--json" in early.options


def test_json_before_a_group_command_and_a_bare_group(api_env: Sandbox) -> None:
    """The G8 repro: the early --json reaches `image`; a group without --json of its own says
    so in one JSON document, naming a command of it that has one."""
    import json

    from tests.support.runner import invoke

    assert any(p == ["image"] for p in JSON_COMMANDS)
    made = json.loads(invoke(["--json", "image", "--prompt", "a lighthouse"]).stdout)
    assert made["id"] in {job.id for job in api_env.state.jobs.values()}
    bare = invoke(["--json", "avatars"], expect=2)
    error = json.loads(bare.stdout)["error"]
    assert "akool avatars is a group of commands" in error["message"], error
    assert "akool avatars list --json" in error["hint"], error


# -- F14: a key in quotes -----------------------------------------------------------------------


@pytest.mark.parametrize("quoted", ['"{k}"', "'{k}'", ' "{k}"\n', '"{k} "'])
def test_a_key_in_one_pair_of_quotes_is_used_without_them(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, quoted: str
) -> None:
    """break17f F14: AKOOL_API_KEY='"KEY"' (docker --env-file, systemd EnvironmentFile keep the
    quotes) was sent as is: AKOOL's 1109, with a hint that did not mention quotes."""
    from tests.support.runner import invoke

    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", quoted.format(k=SANDBOX_API_KEY))
    invoke(["credit"])
    with akool_cli.Client(quoted.format(k=SANDBOX_API_KEY), base_url=sandbox.base_url) as c:
        assert c.credit() >= 0


def test_a_wrong_key_is_told_to_come_without_quotes(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quotes that do not match are not taken off: AKOOL's 1109 then says what to look for."""
    from tests.support.runner import invoke

    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", f'"{SANDBOX_API_KEY}')
    said = " ".join(invoke(["credit"], expect=3).stderr.split())
    assert "code 1109" in said and "no quotes" in said, said


# -- F17: AKOOL_HOME naming a file --------------------------------------------------------------


@pytest.mark.parametrize("under", ["", "sub"])
def test_a_home_that_is_a_file_is_called_a_file(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch, under: str
) -> None:
    """break17f F17: "cannot open the job history …/afile/jobs.sqlite3: unable to open database
    file / Hint: make that folder writable" for AKOOL_HOME naming a regular file."""
    from tests.support.runner import invoke

    afile = isolated.tmp / "afile"
    afile.write_text("not a folder")
    monkeypatch.setenv("AKOOL_HOME", str(afile / under) if under else str(afile))
    for args in (["status"], ["config", "set", "base-url", "http://127.0.0.1:9"]):
        said = " ".join(invoke(args, expect=10).stderr.split())
        assert f"{afile} is a file, not a folder" in said, said
        assert "writable" not in said and "set AKOOL_HOME to a folder" in said, said
    assert afile.read_text() == "not a folder"


# -- N2: a glossary that is a FIFO --------------------------------------------------------------


@pytest.mark.parametrize("where", ["option", "batch row"])
def test_a_glossary_fifo_nobody_writes_to_is_refused_at_once(
    sandbox: Sandbox, isolated: Isolation, where: str
) -> None:
    """break17f N2: `translate … --glossary gl.fifo` (a FIFO nobody writes to) blocked in open()
    until killed; `talk` refuses such an image at once ("not a regular file")."""
    import os
    import subprocess

    from tests.support.runner import AKOOL, process_env

    fifo = isolated.tmp / "gl.fifo"
    os.mkfifo(fifo)
    argv = ["translate", f"{E}/v.mp4", "--to", "es", "--glossary", str(fifo)]
    if where == "batch row":
        rows = isolated.tmp / "rows.csv"
        rows.write_text(f"kind,url,language,glossary\ntranslate,{E}/v.mp4,es,{fifo}\n")
        argv = ["batch", str(rows), "--dry-run"]
    done = subprocess.run(
        [AKOOL, *argv],
        env=process_env(isolated.home, sandbox.base_url),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,  # a bound for the hang this was, not a speed target
    )
    assert done.returncode == 2, done.stderr
    assert "gl.fifo" in done.stderr and "is not a regular file" in done.stderr, done.stderr
    assert sandbox.state.received == []  # nothing sent


# -- N4: library errors name the parameter, the command line the flag ---------------------------

JOB = "64dd90f9f0b6684651e90d60"
BY_PARAMETER: list[tuple[str, Any, str]] = [
    ("wait interval", lambda c: c.wait(JOB, interval=0), "interval=0 is outside"),
    ("wait timeout", lambda c: c.wait(JOB, timeout=float("nan")), "timeout=nan is not"),
    ("follow interval", lambda c: c.follow([JOB], interval="soon"), "interval='soon' is not"),
    ("download timeout", lambda c: c.download(JOB, timeout="-1"), "timeout='-1' must"),
    (
        "talk resolution",
        lambda c: c.talk(f"{E}/p.jpg", f"{E}/a.mp3", resolution=999),
        "resolution='999'",
    ),
    ("statuses limit", lambda c: c.statuses(limit=10**9), "limit=1000000000 is outside"),
    (
        "start_run max_credits",
        lambda c: c.start_run("batch", "x", max_credits=float("inf")),
        "max_credits=inf",
    ),
    (
        "settle created",
        lambda c: c.settle(1, created="zzz"),
        "created='zzz' is not an AKOOL job id",
    ),
]


@pytest.mark.parametrize(
    ("call", "said"), [(b[1], b[2]) for b in BY_PARAMETER], ids=[b[0] for b in BY_PARAMETER]
)
def test_a_library_error_names_the_parameter_not_a_flag(
    sandbox: Sandbox, call: Any, said: str
) -> None:
    """break17f N4: `client.wait(id, interval=0)` → "--interval 0 is outside…", `timeout=nan` →
    "--timeout nan…", `talk(resolution=999)` → "--resolution '999'…": flags the caller never
    typed."""
    with (
        akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client,
        pytest.raises(akool_cli.UsageError) as refused,
    ):
        call(client)
    text = f"{refused.value.message} / {refused.value.hint}"
    assert said in refused.value.message and " --" not in f" {text}", text
    assert sandbox.state.received == []  # nothing sent


BY_FLAG = [
    (["watch", JOB, "--interval", "0"], "--interval '0' is outside"),
    (["watch", JOB, "--timeout", "nan"], "--timeout 'nan' is not a duration"),
    (["talk", f"{E}/p.jpg", f"{E}/a.mp3", "--resolution", "999"], "--resolution '999'"),
    (["settle", "1", "--created", "zzz"], "--created 'zzz' is not an AKOOL job id"),
    (["status", "--limit", "0"], "--limit 0 is outside"),
]


@pytest.mark.parametrize(("argv", "said"), BY_FLAG, ids=[b[0][0] + b[0][-2] for b in BY_FLAG])
def test_the_command_line_still_names_the_flag(
    api_env: Sandbox, argv: list[str], said: str
) -> None:
    from tests.support.runner import invoke

    assert said in invoke(argv, expect=2).stderr
    assert api_env.state.received == []


# -- N5: localhost. is this machine; N7: what is wrong with a 24-character id -------------------


def test_the_fully_qualified_localhost_is_this_machine(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17f N5: `--base-url http://localhost.:PORT` was refused as "not this machine"."""
    from akool_cli.core.urls import validate_base_url
    from tests.support.runner import invoke

    port = sandbox.base_url.rsplit(":", 1)[1]
    assert validate_base_url(f"http://localhost.:{port}") == f"http://localhost:{port}"
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    assert invoke(["--base-url", f"http://localhost.:{port}", "credit"]).stdout.strip()
    with pytest.raises(akool_cli.UsageError, match="not this machine"):
        validate_base_url(f"http://localhost.example:{port}")


def test_an_upper_case_id_is_said_to_be_of_the_wrong_kind(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17f N7: "a malformed id of 24 characters (AKOOL's ids are 24 hexadecimal digits)"
    for 24 upper-case hexadecimal digits: the message contradicted itself."""
    from akool_cli.core import contract
    from tests.support.runner import invoke
    from tests.support.servers import Answer, scripted_server

    with scripted_server() as server:
        monkeypatch.setenv("AKOOL_BASE_URL", server.url)
        monkeypatch.setenv("AKOOL_API_KEY", "k" * 32)
        created = {"_id": "64DD90F9F0B6684651E90D60", "video_status": 1}
        server.route(contract.CREATE_TALKING_PHOTO.path, Answer.envelope(created))
        said = invoke(["talk", f"{E}/p.jpg", f"{E}/s.mp3"], expect=5).stderr
    assert "24 characters, not all of them lower-case hexadecimal digits" in said, said
    assert "64DD90F9" not in said  # never shown (break17c L4)


# -- hints: a local file may be a pathlib.Path wherever a media input is taken -------------------

# (what, the call with a Path for its local file): each is type-checked by `make lint`'s mypy,
# so a hint that says `str` alone fails the lint (break17g G18's `type: ignore`).
PATH_INPUTS: list[tuple[str, Callable[[akool_cli.Client, Path, Path], object]]] = [
    ("lipsync", lambda c, v, a: c.lipsync(v, a)),
    ("image2video", lambda c, v, a: c.image2video(v, "waves", audio_url=a)),
    ("translate", lambda c, v, a: c.translate(v, "es", captions_url=a)),
    ("charswap", lambda c, v, a: c.charswap(a, v)),
    ("headswap", lambda c, v, a: c.headswap(v, [a])),
    ("faceswap", lambda c, v, a: c.faceswap(a, v, video=True)),
    ("reage", lambda c, v, a: c.reage(v, 30, video=True)),
    ("image", lambda c, v, a: c.image("a lighthouse", source_image=a)),
    ("voice_change", lambda c, v, a: c.voice_change("sbx-en-f-ava", a)),
    ("voice_clone", lambda c, v, a: c.voice_clone(a, "mine")),
    ("avatar_add", lambda c, v, a: c.avatar_add(v, "me")),
    ("talking_avatar", lambda c, v, a: c.talking_avatar("A1", a, background=v)),
    ("talk", lambda c, v, a: c.talk(v, a)),
]


@pytest.mark.parametrize("call", [p[1] for p in PATH_INPUTS], ids=[p[0] for p in PATH_INPUTS])
def test_every_media_input_takes_a_path(
    sandbox: Sandbox, tmp_path: Path, call: Callable[[akool_cli.Client, Path, Path], object]
) -> None:
    """The Client's media inputs take a pathlib.Path (G18 made them work; their hints said
    `str`): it goes on as its text, to the check every local file meets (a bucket to upload
    it to), never "takes video_url as text"."""
    clip, other = tmp_path / "clip.mp4", tmp_path / "face.jpg"
    clip.write_bytes(b"\0" * 64)
    other.write_bytes(b"\0" * 64)
    with (
        akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client,
        pytest.raises(akool_cli.UsageError) as refused,
    ):
        call(client, clip, other)
    said = f"{refused.value.message} {refused.value.hint}"
    assert " takes " not in said and "PosixPath" not in said, said
    assert "clip.mp4" in said or "face.jpg" in said, said
    assert not [r for r in sandbox.state.received if "create" in r.path.lower()]


def test_a_client_id_and_secret_in_quotes_are_used_without_them(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F14's env file holds the legacy pair too: AKOOL_CLIENT_ID kept its quotes (the secret's
    were taken off), and so did webhook verification's clientId."""
    from akool_cli.sandbox.state import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
    from tests.support.runner import invoke

    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    monkeypatch.delenv("AKOOL_API_KEY", raising=False)
    monkeypatch.setenv("AKOOL_CLIENT_ID", f'"{SANDBOX_CLIENT_ID}"')
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", f"'{SANDBOX_CLIENT_SECRET}'")
    invoke(["credit"])
    with akool_cli.Client(base_url=sandbox.base_url) as client:
        assert client.webhook_keys()[0] == SANDBOX_CLIENT_ID


def test_a_batch_in_flight_ends_when_its_client_closes(
    slow_sandbox: Sandbox, isolated: Isolation
) -> None:
    """G19 for batch(): close() on another thread left the run following its jobs for as long
    as they ran. Now it starts no more rows, stops following, and says which jobs it made."""
    from tests.support.batches import write_rows

    rows = write_rows(isolated.tmp / "rows.csv", 3, tag="g19b")
    client = akool_cli.Client(SANDBOX_API_KEY, base_url=slow_sandbox.base_url)
    plan = client.batch_plan(rows, check=False)
    created = threading.Event()
    result: dict[str, Any] = {}

    def seen(outcome: Any, message: str) -> None:
        if message.startswith("created"):
            created.set()

    def run() -> None:
        try:
            result["value"] = client.batch(plan, concurrency=1, interval=0.1, on_event=seen)
        except Exception as exc:  # reported by the assertions below
            result["value"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    created.wait(30)
    client.close()
    thread.join(30)
    assert not thread.is_alive()
    error = result["value"]
    assert isinstance(error, akool_cli.UsageError), error
    (job,) = slow_sandbox.state.jobs.values()  # one row in flight, no more started
    assert "closed while its batch ran" in error.message and job.id in error.message
    with akool_cli.Client(SANDBOX_API_KEY, base_url=slow_sandbox.base_url) as again:
        assert [j.id for j in again.jobs()] == [job.id]  # recorded
