"""The bad-input catalogue: each case gives one clear error line, its exit code, and leaves nothing.

docs/troubleshooting.md lists the same cases (by id) with their outcomes; a test keeps them equal.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import ROOT, Isolation
from tests.support.keyrings import FailingKeyring, HangingKeyring
from tests.support.runner import invoke
from tests.support.servers import Answer, ScriptedServer, scripted_server

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
JOB = "0123456789abcdef01234567"


@dataclass
class World:
    sandbox: Sandbox
    isolated: Isolation
    monkeypatch: pytest.MonkeyPatch
    scripted: ScriptedServer

    @property
    def tmp(self) -> Path:
        return self.isolated.tmp

    def use_scripted(self) -> None:
        self.monkeypatch.setenv("AKOOL_BASE_URL", self.scripted.url)

    def existing_job(self) -> str:
        return invoke(["talk", IMAGE, AUDIO]).stdout.strip()


Setup = Callable[[World], list[str] | tuple[list[str], str]]


@dataclass
class Case:
    id: str
    exit: int
    fragment: str
    setup: Setup


def args(*values: str) -> Setup:
    return lambda world: [v.replace("{tmp}", str(world.tmp)) for v in values]


def with_env(name: str, value: str, *values: str) -> Setup:
    def setup(world: World) -> list[str]:
        if name.startswith("AKOOL_CLIENT"):
            world.monkeypatch.delenv("AKOOL_API_KEY")
        world.monkeypatch.setenv(name, value)
        return list(values)

    return setup


def without_credentials(world: World) -> list[str]:
    world.monkeypatch.delenv("AKOOL_API_KEY")
    return ["credit"]


def keyring_backend(backend: object, command: list[str], stdin: str = "") -> Setup:
    def setup(world: World) -> tuple[list[str], str]:
        world.monkeypatch.delenv("AKOOL_API_KEY")
        if backend == "fail":
            from keyring.backends import fail

            keyring.set_keyring(fail.Keyring())
        else:
            keyring.set_keyring(backend())  # type: ignore[operator]
        return command, stdin

    return setup


def answer(response: Answer, command: list[str] | None = None) -> Setup:
    def setup(world: World) -> list[str]:
        world.use_scripted()
        world.scripted.route(contract.CREDIT.path, response)
        world.scripted.route(contract.VIDEO_INFO.path, response)
        return command or ["credit"]

    return setup


def finished_job_with_video(url: str, command_extra: tuple[str, ...] = ()) -> Setup:
    def setup(world: World) -> list[str]:
        world.use_scripted()
        video = url.replace("{server}", world.scripted.url)
        world.scripted.route(
            contract.VIDEO_INFO.path,
            Answer.envelope({"_id": JOB, "video_status": 3, "video": video}),
        )
        world.scripted.route("/loop", Answer(302, b"", headers={"Location": "/loop"}))
        world.scripted.route("/gone", Answer(403, b"<Error>AccessDenied</Error>", "text/xml"))
        return ["watch", JOB, "-o", str(world.tmp / "v.mp4"), *command_extra]

    return setup


def unknown_status(world: World) -> list[str]:
    world.use_scripted()
    world.scripted.route(
        contract.VIDEO_INFO.path, Answer.envelope({"_id": JOB, "video_status": 9, "video": ""})
    )
    return ["watch", JOB, "--timeout", "1m"]


def never_answers(world: World) -> list[str]:
    world.use_scripted()
    world.monkeypatch.setenv("AKOOL_TIMEOUT", "0.2")
    world.scripted.route(contract.CREDIT.path, Answer(delay=10))
    return ["credit"]


def nobody_listening(world: World) -> list[str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    world.monkeypatch.setenv("AKOOL_BASE_URL", f"http://127.0.0.1:{port}")
    return ["talk", IMAGE, AUDIO]


def unwritable_directory(world: World) -> list[str]:
    folder = world.tmp / "locked"
    folder.mkdir()
    real_access = os.access
    world.monkeypatch.setattr(
        os,
        "access",
        lambda path, mode, **kw: False if Path(path) == folder else real_access(path, mode),
    )
    return ["talk", IMAGE, AUDIO, "-o", str(folder / "v.mp4")]


class _FullDisk(io.BytesIO):
    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def full_disk(world: World) -> list[str]:
    import akool_cli.jobs.download

    def open_on_full_disk(path: object, mode: str = "r", *a: object, **kw: object) -> object:
        if "b" in mode and ("w" in mode or "a" in mode):
            Path(str(path)).touch()  # the file appears, then the first write fails
            return _FullDisk()
        return open(path, mode, *a, **kw)  # type: ignore[call-overload]

    world.monkeypatch.setattr(akool_cli.jobs.download, "open", open_on_full_disk, raising=False)
    return ["talk", IMAGE, AUDIO, "-o", str(world.tmp / "v.mp4")]


def existing_file(world: World) -> list[str]:
    (world.tmp / "taken.mp4").write_bytes(b"mine")
    return ["talk", IMAGE, AUDIO, "-o", str(world.tmp / "taken.mp4")]


def output_is_directory(world: World) -> list[str]:
    (world.tmp / "out" / f"{JOB}.mp4").mkdir(parents=True)
    return ["watch", JOB, "-o", str(world.tmp / "out")]


def parent_is_a_file(world: World) -> list[str]:
    (world.tmp / "notes.txt").write_text("x")
    return ["talk", IMAGE, AUDIO, "-o", str(world.tmp / "notes.txt" / "v.mp4")]


def deep_api_input(world: World) -> list[str]:
    """`api --input` of a JSON array nested 200,000 deep (break17d L2: "unexpected RecursionError")."""
    deep = world.tmp / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    return ["api", "POST", contract.CREATE_TALKING_PHOTO.path, "--input", str(deep)]


def interrupt_create(world: World) -> list[str]:
    from akool_cli.net.transport import Transport

    real_send = Transport.send

    def send(self: Transport, method: str, url: str, **kw: object) -> object:
        if method == "POST":
            raise KeyboardInterrupt
        return real_send(self, method, url, **kw)  # type: ignore[arg-type]

    world.monkeypatch.setattr(Transport, "send", send)
    return ["talk", IMAGE, AUDIO]


def interrupt_watch(world: World) -> list[str]:
    job = world.existing_job()

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    world.monkeypatch.setattr(world.isolated.clock, "sleep", interrupted)
    return ["watch", job]


def interrupt_download(world: World) -> list[str]:
    job = world.existing_job()
    world.isolated.clock.advance(60)

    def interrupted(*a: object, **kw: object) -> None:
        raise KeyboardInterrupt

    world.monkeypatch.setattr("akool_cli.jobs.watcher.download", interrupted)
    return ["watch", job, "-o", str(world.tmp / "v.mp4")]


def interrupt_login(world: World) -> list[str]:
    def interrupted(what: str) -> str:
        raise KeyboardInterrupt

    world.monkeypatch.setattr("akool_cli.cli.auth._read_secret", interrupted)
    return ["login"]


def unknown_job(world: World) -> list[str]:
    return ["watch", JOB]


def wrong_api_key(world: World) -> list[str]:
    world.monkeypatch.setenv("AKOOL_API_KEY", "definitely-not-the-key-42")
    return ["talk", IMAGE, AUDIO]


HUGE = b'{"code":1000,"data":"' + b"x" * (5 * 1024 * 1024) + b'"}'


def forged_callback(world: World) -> tuple[list[str], str]:
    from akool_cli.sandbox.state import SANDBOX_CLIENT_ID

    world.monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    body = '{"signature": "\u00e9", "dataEncrypt": "x", "timestamp": 1, "nonce": "n"}'
    return ["webhook", "verify"], body


CASES = [
    # URLs
    Case(
        "url-missing-colon",
        2,
        "not an http(s) URL",
        args("talk", "https//example.com/a.jpg", AUDIO),
    ),
    Case("url-ftp", 2, "not an http(s) URL", args("talk", "ftp://example.com/a.jpg", AUDIO)),
    Case("url-relative-path", 2, "AKOOL fetches inputs by URL", args("talk", "./me.jpg", AUDIO)),
    Case("url-absolute-path", 2, "local file", args("talk", "/home/me/portrait.png", AUDIO)),
    Case("url-file-scheme", 2, "local file", args("talk", "file:///tmp/me.jpg", AUDIO)),
    Case("url-empty", 2, "not an http(s) URL", args("talk", "", AUDIO)),
    Case(
        "url-with-space", 2, "not an http(s) URL", args("talk", "https://exa mple.com/a.jpg", AUDIO)
    ),
    Case("url-audio-word", 2, "audio URL", args("talk", IMAGE, "hello")),
    Case("url-webhook", 2, "webhook URL", args("talk", IMAGE, AUDIO, "--webhook-url", "callback")),
    # job ids
    Case("id-unknown", 4, "content does not exist", unknown_job),
    Case("id-with-slash", 2, "is not a job id", args("status", "../../etc/passwd")),
    Case("id-too-long", 2, "is not a job id", args("watch", "a" * 65)),
    Case("id-with-space", 2, "is not a job id", args("status", "64dd 90f9")),
    Case("id-shell-chars", 2, "is not a job id", args("watch", "abc;rm")),
    Case("id-not-akools", 2, "is not an AKOOL job id", args("watch", "zzz")),
    Case("api-path-control", 2, "contains a control character", args("api", "GET", "/x\r\nA: b")),
    # options
    Case("resolution-4k", 2, "720 or 1080", args("talk", IMAGE, AUDIO, "--resolution", "4k")),
    Case("resolution-480", 2, "720 or 1080", args("talk", IMAGE, AUDIO, "--resolution", "480")),
    Case("resolution-empty", 2, "720 or 1080", args("talk", IMAGE, AUDIO, "--resolution", "")),
    Case("timeout-words", 2, "not a duration", args("watch", JOB, "--timeout", "soon")),
    Case("interval-zero", 2, "allowed range 0.1–3600", args("watch", JOB, "--interval", "0")),
    Case("limit-zero", 2, "allowed range 1–100000", args("status", "--limit", "0")),
    Case("missing-argument", 2, "Missing argument", args("watch")),
    Case("audio-missing", 2, "missing AUDIO_URL", args("talk", IMAGE)),
    Case(
        "text-and-audio", 2, "not both", args("talk", IMAGE, AUDIO, "--text", "Hi", "--voice", "v")
    ),
    Case("text-without-voice", 2, "needs --voice", args("talk", IMAGE, "--text", "Hi")),
    Case("voice-without-text", 2, "go with --text", args("talk", IMAGE, AUDIO, "--voice", "v")),
    Case(
        "speed-out-of-range",
        2,
        "outside 0.7",
        args("talk", IMAGE, "--text", "Hi", "--voice", "v", "--speed", "2"),
    ),
    Case(
        "voice-option-unknown",
        2,
        "not KEY=VALUE with a documented key",
        args("talk", IMAGE, "--text", "Hi", "--voice", "v", "--voice-option", "loud=1"),
    ),
    Case(
        "voice-option-out-of-range",
        2,
        "volume must be between 0 and 100",
        args("talk", IMAGE, "--text", "Hi", "--voice", "v", "--voice-option", "volume=150"),
    ),
    Case(
        "language-code-bad",
        2,
        "is not a language code",
        args("talk", IMAGE, "--text", "Hi", "--voice", "v", "--language-code", "English"),
    ),
    Case(
        "text-too-long",
        2,
        "AKOOL's text to speech takes at most 50,000",
        args("talk", IMAGE, "--text", "a" * 50_001, "--voice", "v"),
    ),
    Case("voices-gender-unknown", 2, "not one of AKOOL's values", args("voices", "--gender", "x")),
    Case("unknown-option", 2, "No such option", args("talk", IMAGE, AUDIO, "--colour")),
    Case(
        "global-option-no-value",
        2,
        "Option '--profile' requires an argument",
        args("talk", IMAGE, AUDIO, "--profile"),
    ),
    Case("unknown-command", 2, "No such command", args("speak")),
    # output paths
    Case(
        "output-dir-missing",
        2,
        "does not exist",
        args("talk", IMAGE, AUDIO, "-o", "{tmp}/no/v.mp4"),
    ),
    Case("output-dir-unwritable", 2, "not writable", unwritable_directory),
    Case("output-parent-is-file", 2, "is not a directory", parent_is_a_file),
    Case("output-is-directory", 2, "is a directory", output_is_directory),
    Case("output-exists", 2, "already exists", existing_file),
    Case("output-empty", 2, "-o/--output is empty", args("talk", IMAGE, AUDIO, "-o", "")),
    Case(
        "upload-to-password",
        2,
        "carries a user name or password",
        args("talk", IMAGE, AUDIO, "--upload-to", "s3://AKIAKEY:secret@bucket/in/"),
    ),
    Case("disk-full", 1, "disk is full", full_disk),
    Case(
        "args-not-utf8", 2, "is not valid UTF-8", args("talk", IMAGE, AUDIO, "--prompt", "\udce9")
    ),
    Case(
        "env-not-utf8",
        2,
        "the environment variable AKOOL_PROFILE is not valid UTF-8",
        with_env("AKOOL_PROFILE", "\udcff", "talk", IMAGE, AUDIO),
    ),
    Case(
        "timeout-env-nan",
        2,
        "AKOOL_TIMEOUT='nan' is not a number of seconds",
        with_env("AKOOL_TIMEOUT", "nan", "talk", IMAGE, AUDIO),
    ),
    Case("callback-forged", 12, "not a genuine AKOOL callback", forged_callback),
    # credentials
    Case("key-empty", 2, "is empty", lambda w: (["login"], "")),
    Case("key-whitespace", 2, "is empty", lambda w: (["login"], "  \t \n")),
    Case("key-newline", 2, "line break", lambda w: (["login"], "abc\ndef")),
    Case("key-env-newline", 2, "line break", with_env("AKOOL_API_KEY", "abc\ndef", "credit")),
    Case("key-non-ascii", 2, "not plain ASCII", lambda w: (["login"], "sk-ключ-0123456789")),
    Case("key-wrong-login", 3, "wrong API key", lambda w: (["login"], "wrong-key-000000000")),
    Case("key-wrong-talk", 3, "1109", wrong_api_key),
    Case("not-logged-in", 3, "not logged in", without_credentials),
    Case(
        "client-id-alone",
        3,
        "AKOOL_CLIENT_ID alone (for webhooks) is not enough",
        with_env("AKOOL_CLIENT_ID", "abc", "credit"),
    ),
    Case(
        "client-id-malformed",
        2,
        "the client id contains a space",
        lambda w: (["login", "--client-id", "my id"], "secret"),
    ),
    Case(
        "client-secret-wrong",
        3,
        "did not accept this clientId and clientSecret",
        lambda w: (["login", "--client-id", "0" * 24], "wrong-secret-0000"),
    ),
    Case("keyring-missing", 3, "no OS keyring", keyring_backend("fail", ["credit"])),
    Case("keyring-failing", 3, "keyring failed", keyring_backend(FailingKeyring, ["credit"])),
    Case(
        "keyring-hanging", 3, "did not answer within", keyring_backend(HangingKeyring, ["credit"])
    ),
    # base URL
    Case(
        "base-url-not-url",
        2,
        "not an http(s) URL",
        args("--base-url", "openapi.akool.com", "credit"),
    ),
    Case(
        "base-url-plain-http",
        2,
        "plain http",
        args("--base-url", "http://openapi.akool.com", "credit"),
    ),
    Case("base-url-env-bad", 2, "AKOOL_BASE_URL", with_env("AKOOL_BASE_URL", "ftp://x", "credit")),
    Case("base-url-nobody-listening", 5, "cannot reach AKOOL", nobody_listening),
    # what the server answers
    Case("answer-html", 5, "HTML page", answer(Answer(200, b"<html>Sign in</html>", "text/html"))),
    Case("answer-empty", 5, "was empty", answer(Answer(200, b""))),
    Case("answer-truncated-json", 5, "not JSON", answer(Answer(200, b'{"code": 1000, "da'))),
    Case("answer-no-code", 5, "no numeric code", answer(Answer(200, b'{"msg": "ok"}'))),
    Case("answer-huge", 5, "larger than", answer(Answer(200, HUGE))),
    Case("answer-nan", 5, "not JSON", answer(Answer(200, b'{"code":1000,"data":{"credit":NaN}}'))),
    Case(
        "answer-infinite",
        5,
        "not JSON",
        answer(Answer(200, b'{"code":1000,"data":{"credit":1e400}}')),
    ),
    Case("api-input-deep", 2, "nested too deeply", deep_api_input),
    Case("answer-404", 4, "HTTP 404", answer(Answer(404, b"nope", "text/plain"))),
    Case("answer-never", 5, "no answer in time", never_answers),
    Case("status-unknown-value", 7, "still running", unknown_status),
    Case(
        "video-url-not-http",
        6,
        "not http(s)",
        finished_job_with_video("ftp://files.example.com/v.mp4"),
    ),
    Case("video-url-file", 6, "not a usable video", finished_job_with_video("file:///etc/passwd")),
    Case(
        "video-url-redirect-loop", 5, "too many redirects", finished_job_with_video("{server}/loop")
    ),
    Case("video-url-expired", 4, "expired", finished_job_with_video("{server}/gone")),
    # hostile URLs and numbers: usage errors, never "unexpected ValueError"
    Case("url-bracket-unclosed", 2, "not a valid URL", args("talk", "http://[::1/a.jpg", AUDIO)),
    Case(
        "url-port-out-of-range",
        2,
        "port out of range",
        args("talk", "https://example.com:99999/a.jpg", AUDIO),
    ),
    Case("url-nul", 2, "control character", args("talk", "https://example.com/a\0.jpg", AUDIO)),
    Case(
        "url-webhook-bracket",
        2,
        "not a valid URL",
        args("talk", IMAGE, AUDIO, "--webhook-url", "https://[bad/callback"),
    ),
    Case(
        "url-host-full-width",
        2,
        "written plainly it is example.com",
        args("talk", "https://\uff45xample.com/a.jpg", AUDIO),
    ),
    Case("base-url-bracket", 2, "not a valid URL", args("--base-url", "https://[oops", "credit")),
    Case(
        "base-url-port-out-of-range",
        2,
        "port out of range",
        args("--base-url", "https://openapi.akool.com:99999", "credit"),
    ),
    Case(
        "base-url-user-info",
        2,
        "user name or password",
        args("--base-url", "https://me:hunter22@openapi.akool.com", "credit"),
    ),
    Case("interval-infinite", 2, "is not a duration", args("watch", JOB, "--interval", "inf")),
    Case("interval-tiny", 2, "allowed range", args("talk", IMAGE, AUDIO, "--interval", "0.00001")),
    Case("interval-units", 2, "allowed range", args("watch", JOB, "--interval", "2h")),
    Case("limit-not-whole", 2, "not a whole number", args("status", "--limit", "1e20")),
    Case("other-digits", 2, "digits 0-9", args("watch", JOB, "--timeout", "\u0663")),
    Case("limit-huge", 2, "allowed range", args("status", "--limit", "1" + "0" * 20)),
    # Ctrl-C
    Case("ctrl-c-login", 130, "interrupted", interrupt_login),
    Case("ctrl-c-create", 130, "interrupted", interrupt_create),
    Case("ctrl-c-watch", 130, "keep running on AKOOL", interrupt_watch),
    Case("ctrl-c-download", 130, "the download of 1 finished job(s) stopped", interrupt_download),
]


@pytest.fixture
def world(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> Iterator[World]:
    with scripted_server() as scripted:
        yield World(api_env, isolated, monkeypatch, scripted)


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() and "akool-home" not in p.parts}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(world: World, case: Case) -> None:
    prepared = case.setup(world)
    argv, stdin = prepared if isinstance(prepared, tuple) else (prepared, None)
    before = files_under(world.tmp)
    jobs_before = set(world.sandbox.state.jobs)
    result = invoke(argv, input=stdin, expect=case.exit)
    lines = result.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert case.fragment in errors[0], result.stderr
    assert all(
        line.startswith(("Error:", "Hint:")) or re.match(r"^[0-9a-f]{24} ", line) for line in lines
    ), result.stderr
    # Nothing left behind: no new files (no half-written video, no part file at a target).
    assert files_under(world.tmp) - before == set()
    if case.exit == 2:
        assert set(world.sandbox.state.jobs) == jobs_before  # refused before anything was billed


def test_an_interrupted_create_is_listed_as_unknown_outcome(world: World) -> None:
    from akool_cli.net.transport import Transport

    real_send = Transport.send
    invoke(interrupt_create(world), expect=130)
    world.monkeypatch.setattr(Transport, "send", real_send)
    result = invoke(["status"])
    assert "unknown outcome" in result.stderr and IMAGE in result.stderr


def test_a_full_disk_keeps_the_job_in_the_history(world: World) -> None:
    import akool_cli.jobs.download

    invoke(full_disk(world), expect=1)
    world.monkeypatch.delattr(akool_cli.jobs.download, "open")
    assert len(world.sandbox.state.jobs) == 1
    job = next(iter(world.sandbox.state.jobs))
    assert job in invoke(["status"]).stdout


def test_the_catalogue_is_documented() -> None:
    doc = (ROOT / "docs" / "troubleshooting.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `([a-z0-9-]+)` \| .+? \| (\d+) \|", doc, flags=re.MULTILINE))
    assert documented == {case.id: str(case.exit) for case in CASES}
    assert len(CASES) >= 40


def test_json_output_never_holds_nan(world: World) -> None:
    """break17d L7: `--json credit` printed {"credit": NaN}, which jq and JSON.parse refuse."""
    world.use_scripted()
    world.scripted.route(
        contract.CREDIT.path, Answer(200, b'{"code":1000,"msg":"OK","data":{"credit":NaN}}')
    )
    result = invoke(["--json", "credit"], expect=5)
    document = json.loads(result.stdout, parse_constant=lambda name: pytest.fail(name))
    assert document["error"]["exit_code"] == 5


def test_a_full_disk_on_a_job_not_in_this_history_is_blamed_on_space(world: World) -> None:
    """break17d L9: the hint said "check the id" for a job AKOOL has; the disk is what is full."""
    home = os.environ["AKOOL_HOME"]
    world.monkeypatch.setenv("AKOOL_HOME", str(world.tmp / "elsewhere"))
    job = world.existing_job()  # made with another AKOOL_HOME (another machine, a container)
    world.monkeypatch.setenv("AKOOL_HOME", home)
    full_disk(world)
    result = invoke(["watch", job, "-o", str(world.tmp / "out")], expect=1)
    assert "the disk is full" in result.stderr
    assert "free some space" in result.stderr and "check the id" not in result.stderr
