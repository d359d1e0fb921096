"""Issue 17's second break-it run: secrets in server text, one server spelt two ways, S3's
deadline, and a plain product command re-run after an unknown outcome."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.sandboxes import point_at, running
from tests.support.servers import Answer, ScriptedServer, scripted_server

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
JOB = "0123456789abcdef01234567"


@pytest.fixture
def scripted(api_env: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    with scripted_server() as server:
        monkeypatch.setenv("AKOOL_BASE_URL", server.url)
        yield server


def _history(isolated: Isolation) -> bytes:
    return b"".join(p.read_bytes() for p in isolated.home.rglob("jobs.sqlite3*") if p.is_file())


def test_a_key_echoed_in_a_failed_jobs_reason_is_never_recorded(
    scripted: ScriptedServer, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = {"_id": JOB, "video_status": 1, "video": ""}
    scripted.route(contract.CREATE_TALKING_PHOTO.path, Answer.envelope(created))
    reason = f"bad request (x-api-key: {SANDBOX_API_KEY})"
    failed = {"_id": JOB, "video_status": 4, "video": "", "error_reason": reason}
    scripted.route(contract.VIDEO_INFO.path, Answer.envelope(failed))
    invoke(["talk", IMAGE, AUDIO])
    invoke(["status", JOB])
    assert SANDBOX_API_KEY.encode() not in _history(isolated)
    monkeypatch.delenv("AKOOL_API_KEY")
    shown = invoke(["history", "--json"]).stdout + invoke(["status", JOB, "--json"]).stdout
    assert SANDBOX_API_KEY not in shown and "x-api-key: ***" in shown


def test_a_key_echoed_by_a_rejected_create_is_never_recorded(
    scripted: ScriptedServer, isolated: Isolation
) -> None:
    body = {"code": 1101, "msg": f"invalid token {SANDBOX_API_KEY}", "data": None}
    scripted.route(
        contract.CREATE_TALKING_PHOTO.path, lambda _: Answer(body=json.dumps(body).encode())
    )
    invoke(["talk", IMAGE, AUDIO], expect=None)
    assert scripted.hits.get(contract.CREATE_TALKING_PHOTO.path) == 1
    assert SANDBOX_API_KEY.encode() not in _history(isolated)


def _spelt(base_url: str, scheme: str, host: str, port: str) -> str:
    return base_url.replace("http://", f"{scheme}://").replace("127.0.0.1", host) + port


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("http", "localhost", ""), ("HTTP", "LOCALHOST", "/")),
        (("http", "127.0.0.1", ""), ("Http", "127.0.0.1", "/")),
    ],
    ids=["case", "scheme-and-slash"],
)
def test_one_server_spelt_two_ways_is_one_billing_scope(
    api_env: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    first: tuple[str, str, str],
    second: tuple[str, str, str],
) -> None:
    from tests.support.batches import write_rows

    rows = write_rows(isolated.tmp / "campaign.csv", 2)
    monkeypatch.setenv("AKOOL_BASE_URL", _spelt(api_env.base_url, *first))
    assert json.loads(invoke(["batch", str(rows), "--json"]).stdout)["done"] == 2
    monkeypatch.setenv("AKOOL_BASE_URL", _spelt(api_env.base_url, *second))
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert all(r["action"].startswith("pick up") for r in plan["rows"])
    assert len(api_env.state.jobs) == 2


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("HTTPS://OpenAPI.AKOOL.com:443/", "https://openapi.akool.com"),
        ("https://openapi.akool.com.:443", "https://openapi.akool.com"),
        ("http://LOCALHOST:80/api", "http://localhost/api"),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("https://openapi.akool.com:8443/Path/", "https://openapi.akool.com:8443/Path"),
    ],
)
def test_a_base_url_is_kept_in_one_spelling(given: str, canonical: str) -> None:
    from akool_cli.core.urls import validate_base_url

    assert validate_base_url(given) == canonical


def test_scopes_recorded_in_another_spelling_are_migrated(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from akool_cli.store.journal import SCHEMA_VERSION
    from tests.support.batches import write_rows

    rows = write_rows(isolated.tmp / "campaign.csv", 2)
    assert json.loads(invoke(["batch", str(rows), "--json"]).stdout)["done"] == 2
    # As an akool before the migration recorded it, given HTTP://LOCALHOST:P.
    odd = _spelt(api_env.base_url, "HTTP", "LOCALHOST", "")
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    last = "m009_canonical_base_urls"  # as if only this one had not run
    with db:
        for table in ("jobs", "attempts", "runs"):
            db.execute(f"UPDATE {table} SET base_url = ?", (odd,))
        db.execute("DELETE FROM _migrations WHERE name = ?", (last,))
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    db.close()
    monkeypatch.setenv("AKOOL_BASE_URL", _spelt(api_env.base_url, "http", "localhost", ""))
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert all(r["action"].startswith("pick up") for r in plan["rows"])
    db = sqlite3.connect(isolated.home / "jobs.sqlite3")
    recorded = {
        r[0] for r in db.execute("SELECT base_url FROM jobs UNION SELECT base_url FROM attempts")
    }
    db.close()
    assert recorded == {_spelt(api_env.base_url, "http", "localhost", "")}


VIDEO = "https://example.com/clip.mp4"
PLAIN_COMMANDS = [
    ("talk", ["talk", IMAGE, AUDIO], "create_talking_photo"),
    ("lipsync", ["lipsync", VIDEO, AUDIO], None),
]


@pytest.mark.parametrize(("name", "args", "at"), PLAIN_COMMANDS, ids=[c[0] for c in PLAIN_COMMANDS])
def test_a_plain_create_with_an_unknown_outcome_is_never_sent_again(
    api_env: Sandbox, name: str, args: list[str], at: str | None
) -> None:
    api_env.state.inject("drop")  # the job is created, then the answer is lost
    first = invoke(args, expect=None)
    assert first.exit_code != 0 and len(api_env.state.jobs) == 1
    again = invoke(args, expect=5)
    assert "unknown outcome" in again.stderr and "akool settle" in again.stderr
    assert len(api_env.state.jobs) == 1
    # Other inputs are another create; settled as not created, the same one may be sent once.
    invoke([*args[:-1], AUDIO + "?v=2"])
    assert len(api_env.state.jobs) == 2
    from tests.test_settle import settle_command

    attempt = str(settle_command(again.stderr)[0])
    invoke(["settle", attempt, "--not-created"])
    invoke(args)
    assert len(api_env.state.jobs) == 3


def test_a_plain_create_whose_id_could_not_be_recorded_is_never_sent_again(
    api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    from akool_cli.core.errors import ExitCode, LocalStateError
    from akool_cli.store.journal import Journal

    real = Journal.record_created

    def full(self: Journal, *args: object) -> None:
        raise LocalStateError("database or disk is full", path=str(self.path))

    monkeypatch.setattr(Journal, "record_created", full)
    invoke(["talk", IMAGE, AUDIO], expect=ExitCode.LOCAL_STATE)
    monkeypatch.setattr(Journal, "record_created", real)
    again = invoke(["talk", IMAGE, AUDIO], expect=5)
    assert "akool settle" in again.stderr and len(api_env.state.jobs) == 1


@pytest.mark.parametrize("server", ["trickling", "silent"])
def test_an_upload_to_a_store_that_never_finishes_ends_at_its_deadline(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, server: str
) -> None:
    import threading

    from akool_cli.inputs import upload
    from tests.support.hostile import raw_server, stalling, trickling
    from tests.test_upload import PNG, aws_keys

    aws_keys(monkeypatch, isolated.tmp)
    monkeypatch.setattr(upload, "S3_DEADLINE", 0.5)  # the documented 90 s, shortened
    ended = threading.Event()
    answer = (
        trickling(b"HTTP/1.1 200 OK\r\n", b"X-Slow: 1\r\n")
        if server == "trickling"
        else stalling(b"")
    )

    def answering(connection: object, stop: threading.Event) -> None:
        answer(connection, stop)  # type: ignore[arg-type]
        ended.set()

    image = isolated.tmp / "p.png"
    image.write_bytes(PNG)
    with raw_server(answering, path="") as url:
        monkeypatch.setenv("AWS_ENDPOINT_URL", url)
        result = invoke(["talk", str(image), AUDIO, "--upload-to", "s3://bkt1/in/"], expect=5)
        assert not ended.is_set()  # it ended at its deadline, the server still answering
    assert "no complete answer from the storage endpoint" in result.stderr
    assert "within 0 s" in result.stderr and len(api_env.state.jobs) == 0


@pytest.mark.parametrize("args", [["login"], ["auth", "status"], ["doctor"]])
def test_the_no_keyring_hint_reads_as_written(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    keyring.set_keyring(fail.Keyring())
    result = invoke(args, input=SANDBOX_API_KEY, expect=None)
    shown = result.stdout + result.stderr
    assert 'AKOOL_API_KEY="$(pass akool)" akool' in shown and "=…" not in shown


def test_a_voice_akool_does_not_know_points_to_the_voice_list(api_env: Sandbox) -> None:
    result = invoke(["talk", IMAGE, "--text", "Hello", "--voice", "no-such-voice"], expect=4)
    assert "Hint: pick a voice that `akool voices` lists" in result.stderr


def test_a_dry_run_shows_a_row_with_an_unknown_outcome_as_such(
    api_env: Sandbox, isolated: Isolation
) -> None:
    from tests.support.batches import write_rows

    rows = write_rows(isolated.tmp / "campaign.csv", 2)
    api_env.state.inject("drop", at="create_talking_photo")
    invoke(["batch", str(rows), "--json", "-c", "1"], expect=None)
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    actions = sorted(r["action"].split(" ")[0] for r in plan["rows"])
    assert actions == ["pick", "unknown"]
    unknown = next(r for r in plan["rows"] if r["action"] == "unknown (settle first)")
    assert unknown["estimate"] is None


def test_sync_says_a_job_was_skipped_for_its_credential_and_exits_3(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An AKOOL account's server (a sandbox's own key would make it the sandbox's job, which sync
    # only warns about: tests/test_breakit17d.py).
    key = "an-accounts-key-0123456789abcdef"
    with running(SandboxConfig(processing_seconds=0.0, api_key=key), isolated.clock) as other:
        point_at(other, monkeypatch, key)
        made = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
        point_at(api_env, monkeypatch, "another-key-0123456789abcdef")
        result = invoke(["sync", "-o", str(isolated.tmp / "out"), "--json"], expect=3)
    skipped = json.loads(result.stdout)["skipped"]
    assert [s["id"] for s in skipped] == [made] and "skipped" in result.stderr
    # The hint names the profile and a login, never a command that sends this key there.
    watched = invoke(["watch", made, "--timeout", "1"], expect=3).stderr
    assert "AKOOL_API_KEY unset" in watched and "--profile default" in watched
    assert "AKOOL_BASE_URL=" not in watched and "status" not in watched.split("Hint:")[1]


def test_settling_with_another_rows_job_is_refused_unless_forced(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another machine's job (another history), as the dashboard lists it beside this one's.
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "other-home"))
    # AKOOL reports its own copy of a portrait: what tells the jobs apart is the echoed prompt.
    talk = ["talk", "https://example.com/other.jpg", AUDIO, "--prompt", "other waves"]
    other = invoke(talk).stdout.strip()
    monkeypatch.setenv("AKOOL_HOME", str(isolated.home))
    api_env.state.inject("drop", at="create_talking_photo")
    lost = invoke(["talk", IMAGE, AUDIO, "--prompt", "mine nods"], expect=5)
    from tests.test_settle import settle_command

    attempt = str(settle_command(lost.stderr)[0])
    refused = invoke(["settle", attempt, "--created", other], expect=2)
    assert "made with other inputs" in refused.stderr and "other waves" in refused.stderr
    made = [j for j in api_env.state.jobs if j != other]
    invoke(["settle", attempt, "--created", made[0]])  # the job these inputs made: recorded
