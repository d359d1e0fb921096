"""Issue 17's third break-it run: --debug through redirects, a truncated video that looks whole,
"saved earlier" only for the file really saved, masked result URLs in the history, unbounded
reads of user-given files."""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from akool_cli.core import contract, mp4facts
from akool_cli.core.clock import FakeClock
from akool_cli.jobs.download import download
from akool_cli.net.transport import Transport
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.media import sample_mp4
from tests.conftest import Isolation
from tests.support.hostile import answering, fake_mp4, raw_server, self_signed
from tests.support.runner import invoke, process_env
from tests.support.servers import Answer, ScriptedServer, scripted_server
from tests.test_full_disk_hints import akool as full_disk_akool
from tests.test_full_disk_hints import filling_the_disk, live_sandbox  # noqa: F401 (a fixture)
from tests.test_permanent_errors import https_server
from tests.test_settle import lose_answer_once, settle_command
from tests.test_whole_files import UNFRAMED, cut_tls, save

JOB = "0123456789abcdef01234567"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(64)
MP4 = fake_mp4(bytes(range(256)) * 64)


@pytest.fixture
def scripted(api_env: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    """An AKOOL of its own (the sandbox's key in the environment), its files behind a 302."""
    with scripted_server() as server:
        monkeypatch.setenv("AKOOL_BASE_URL", server.url)
        server.route("/v.mp4", Answer(200, MP4, "video/mp4"))
        server.route("/old.mp4", Answer(302, b"", "text/plain", {"Location": "/v.mp4"}))
        yield server


@pytest.fixture
def checking(scripted: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> ScriptedServer:
    """The scripted AKOOL serving an image and an audio, with akool's input checks on."""
    monkeypatch.delenv("AKOOL_NO_CHECK")
    scripted.route("/me.png", Answer(body=PNG, content_type="image/png"))
    scripted.route("/hi.mp3", Answer(body=MP3, content_type="audio/mpeg"))
    return scripted


def _finished(server: ScriptedServer, video: str) -> None:
    done = {"_id": JOB, "video_status": 3, "video": video}
    server.route(contract.VIDEO_INFO.path, Answer.envelope(done))


# -- M3: --debug follows redirects -------------------------------------------------------------


def test_debug_traces_a_download_that_follows_a_redirect(
    scripted: ScriptedServer, isolated: Isolation
) -> None:
    _finished(scripted, scripted.url + "/old.mp4")
    out = isolated.tmp / "d"
    done = invoke(["--debug", "watch", JOB, "-o", f"{out}/"])
    assert (out / f"{JOB}.mp4").read_bytes() == MP4
    assert "RequestNotRead" not in done.stderr and "/v.mp4" in done.stderr


def test_debug_traces_input_checks_and_downloads_through_redirects(
    checking: ScriptedServer, isolated: Isolation
) -> None:
    checking.route("/p.png", Answer(302, b"", "text/plain", {"Location": "/me.png"}))
    checking.route("/s.mp3", Answer(302, b"", "text/plain", {"Location": "/hi.mp3"}))
    created = {"_id": JOB, "video_status": 1, "video": ""}
    checking.route(contract.CREATE_TALKING_PHOTO.path, Answer.envelope(created))
    _finished(checking, checking.url + "/old.mp4")
    out = isolated.tmp / "d"
    image, audio = checking.url + "/p.png", checking.url + "/s.mp3"
    done = invoke(["--debug", "talk", image, audio, "--wait", "-o", f"{out}/", "--interval", "3s"])
    assert (out / f"{JOB}.mp4").read_bytes() == MP4
    assert checking.hits.get("/me.png") and checking.hits.get("/hi.mp3")
    assert "RequestNotRead" not in done.stderr


# -- M1 and L6: reads of user-given files ------------------------------------------------------


def test_audit_refuses_a_pipe_named_on_the_command_line(isolated: Isolation) -> None:
    """A gate built as `akool audit /dev/stdin < script.sh` from a pipe scanned "0 files" and
    passed; a pipe is now refused, so it cannot pass silently."""
    fifo = isolated.tmp / "script.fifo"
    os.mkfifo(fifo)
    done = invoke(["audit", str(fifo)], expect=2)
    assert "not a file or folder" in done.stderr and done.stderr.count("Error:") == 1


# -- M2: a video cut at a box boundary is not whole ----------------------------------------------


def _cuts() -> dict[str, bytes]:
    """A real MP4 (the sandbox's: ftyp, moov, free, mdat) cut where its boxes still add up."""
    whole = sample_mp4()
    found = {
        kind: (start, end)
        for kind, start, end in mp4facts.boxes(
            lambda offset, count: whole[offset : offset + count], 0, len(whole)
        )
    }
    mdat = found[b"mdat"][0] - 8
    kept = 64  # an mdat that says it is 64 bytes: the sizes add up, the index points past it
    short_mdat = whole[:mdat] + struct.pack(">I4s", 8 + kept, b"mdat") + whole[mdat + 8 :][:kept]
    return {"no-mdat": whole[:mdat], "index-past-the-end": short_mdat}


@pytest.mark.parametrize("cut", ["no-mdat", "index-past-the-end"])
def test_a_video_cut_at_a_box_boundary_over_tls_without_close_notify_is_never_saved(
    cut: str, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(self_signed(isolated.tmp)[0]))
    with raw_server(cut_tls(isolated.tmp, _cuts()[cut]), read_request=False) as url:
        error = save(url.replace("http://", "https://"), isolated.tmp / "v.mp4")
    assert "arrived incomplete" in error.message and error.exit_code == 5, error.message
    assert not (isolated.tmp / "v.mp4").exists()


@pytest.mark.parametrize("cut", ["no-mdat", "index-past-the-end"])
def test_a_plain_body_cut_at_a_box_boundary_is_never_saved(
    cut: str, scripted: ScriptedServer, isolated: Isolation
) -> None:
    with raw_server(answering(UNFRAMED, _cuts()[cut])) as url:
        _finished(scripted, url)
        out = isolated.tmp / "d"
        done = invoke(["watch", JOB, "-o", f"{out}/"], expect=5)
    assert "arrived incomplete" in done.stderr and not (out / f"{JOB}.mp4").exists()
    assert "saved" not in done.stderr


def test_the_whole_video_over_tls_without_close_notify_is_saved(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(self_signed(isolated.tmp)[0]))
    answer = cut_tls(isolated.tmp, sample_mp4())
    with raw_server(answer, read_request=False) as url, Transport() as transport:
        secure = url.replace("http://", "https://")
        saved = download(transport, secure, isolated.tmp / "v.mp4", clock=FakeClock())
    assert saved.size == len(sample_mp4())


# -- M4: "saved earlier" only for the file really saved ------------------------------------------


def _saved_job(isolated: Isolation) -> tuple[str, Path]:
    job = invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"]).stdout.strip()
    isolated.clock.advance(60)
    out = isolated.tmp / "videos"
    invoke(["watch", job, "-o", f"{out}/"])
    return job, out / f"{job}.mp4"


def test_watch_without_o_fetches_a_saved_file_that_is_gone_again(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job, saved = _saved_job(isolated)
    whole = saved.read_bytes()
    assert "saved earlier" in invoke(["watch", job]).stderr
    saved.rename(isolated.tmp / "moved.mp4")
    done = invoke(["watch", job])
    assert "saved earlier" not in done.stderr and "which is gone" in done.stderr
    assert saved.read_bytes() == whole and done.stdout.strip() == str(saved)


def test_watch_without_o_refuses_a_saved_file_that_was_replaced(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job, saved = _saved_job(isolated)
    saved.write_bytes(b"garbage\n")
    done = invoke(["watch", job], expect=2)
    assert "saved earlier" not in done.stderr and "is not the file akool saved" in done.stderr
    assert "nothing was downloaded" in done.stderr and "--force" in done.stderr
    assert done.stdout == "" and saved.read_bytes() == b"garbage\n"
    invoke(["watch", job, "--force"])
    assert saved.read_bytes()[4:8] == b"ftyp"


# -- M7: result URLs are recorded masked -------------------------------------------------------

SIGNATURE = "5ec7e75a5ec7e75a5ec7e75a5ec7e75a"
CREDENTIAL = "AKIAEXAMPLEKEY1234%2F20261205"


def _signed(server: ScriptedServer) -> str:
    host = server.url.replace("http://", "http://cdnuser:cdnpass99@")
    return f"{host}/v.mp4?X-Amz-Credential={CREDENTIAL}&X-Amz-Signature={SIGNATURE}&Signature=zz9"


def _history(isolated: Isolation) -> bytes:
    return b"".join(p.read_bytes() for p in isolated.home.rglob("jobs.sqlite3*") if p.is_file())


def _leaks(data: bytes) -> list[str]:
    secrets = (SIGNATURE, "AKIAEXAMPLEKEY1234", "cdnpass99", "zz9")
    return [s for s in secrets if s.encode() in data]


def test_result_urls_are_recorded_masked_and_downloads_ask_for_a_fresh_one(
    scripted: ScriptedServer, isolated: Isolation
) -> None:
    created = {"_id": JOB, "video_status": 1, "video": ""}
    scripted.route(contract.CREATE_TALKING_PHOTO.path, Answer.envelope(created))
    _finished(scripted, _signed(scripted))
    invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"])
    invoke(["watch", JOB, "-o", f"{isolated.tmp / 'a'}/"])
    invoke(["watch", JOB, "-o", f"{isolated.tmp / 'b'}/"])  # done in the history: asked again
    assert (isolated.tmp / "b" / f"{JOB}.mp4").read_bytes() == MP4
    assert scripted.hits["/v.mp4"] == 2
    assert _leaks(_history(isolated)) == []
    shown = invoke(["status", JOB, "--json"]).stdout
    assert "X-Amz-Signature=…" in shown and SIGNATURE not in shown


def test_result_urls_recorded_whole_by_an_older_akool_are_masked(
    scripted: ScriptedServer, isolated: Isolation
) -> None:
    import sqlite3

    from akool_cli.store.journal import SCHEMA_VERSION

    created = {"_id": JOB, "video_status": 1, "video": ""}
    scripted.route(contract.CREATE_TALKING_PHOTO.path, Answer.envelope(created))
    invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"])
    path = next(isolated.home.rglob("jobs.sqlite3"))
    files = json.dumps({"subtitle": _signed(scripted)})
    with closing(sqlite3.connect(path)) as db, db:  # as akool before m010 recorded them
        db.execute("UPDATE jobs SET video_url = ?, files = ?", (_signed(scripted), files))
        db.execute("DELETE FROM _migrations WHERE name = 'm010_masked_result_urls'")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    assert _leaks(_history(isolated))
    invoke(["history", "--json"])  # any command that opens the history migrates it
    assert _leaks(_history(isolated)) == []


# -- L1: an input check's refused redirect refuses the input -----------------------------------


def test_an_input_redirected_from_https_to_http_or_file_is_refused_before_billing(
    checking: ScriptedServer, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    checking.route("/s.mp3", Answer(302, b"", "text/plain", {"Location": "file:///etc/passwd"}))
    with https_server(isolated.tmp, monkeypatch) as (secure, base):
        secure.route(
            "/p.png", Answer(302, b"", "text/plain", {"Location": checking.url + "/me.png"})
        )
        done = invoke(["talk", base + "/p.png", checking.url + "/s.mp3"], expect=2)
    assert "from https to plain http" in done.stderr and "to a file: URL" in done.stderr
    assert contract.CREATE_TALKING_PHOTO.path not in checking.hits
    assert "/me.png" not in checking.hits


# -- L2: sync saves again what was saved and then lost -----------------------------------------


def test_sync_saves_a_result_again_whose_saved_file_was_deleted(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """On CI the workspace is wiped while AKOOL_HOME is cached: the results must come back."""
    job, saved = _saved_job(isolated)
    whole = saved.read_bytes()
    out = isolated.tmp / "synced"
    assert json.loads(invoke(["sync", "-o", f"{out}/", "--json"]).stdout)["saved"] == []
    saved.unlink()
    again = json.loads(invoke(["sync", "-o", f"{out}/", "--json"]).stdout)
    assert [s["id"] for s in again["saved"]] == [job]
    assert (out / f"{job}.mp4").read_bytes() == whole
    assert json.loads(invoke(["sync", "-o", f"{out}/", "--json"]).stdout)["saved"] == []


# -- L3: after a full disk, status says what may have happened -----------------------------------


def test_status_after_a_full_disk_does_not_say_the_answer_never_came(
    isolated: Isolation,
    live_sandbox: Sandbox,  # noqa: F811 (the fixture imported above)
) -> None:
    env = process_env(isolated.home, live_sandbox.base_url)
    talk = ("talk", "https://example.com/p.jpg", "--text", "Hello", "--voice", "sbx-en-f-ava")
    stdout, _ = filling_the_disk(live_sandbox, env, *talk)
    shown = json.loads(full_disk_akool(env, "status", "--json").stdout)
    [unknown] = [view for view in shown if view["state"] == "unknown"]
    assert "could not write it" in unknown["error"] and stdout.strip()


# -- L4: a malformed id never reaches the screen, not even escaped -------------------------------


@pytest.mark.parametrize("hostile", ["64dd90f9f0b6684651e90d6\u202e", "64DD90F9F0B6684651E90D60"])
def test_a_malformed_id_is_never_shown(
    hostile: str, scripted: ScriptedServer, isolated: Isolation
) -> None:
    created = {"_id": hostile, "video_status": 1}
    scripted.route(contract.CREATE_TALKING_PHOTO.path, Answer.envelope(created))
    done = invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"], expect=5)
    shown = done.stdout + done.stderr + invoke(["status"]).stdout + invoke(["status"]).stderr
    assert "malformed id" in done.stderr
    assert hostile[:20].lower() not in shown.lower() and "202e" not in shown


# -- L7: settle --created checks the id's shape before asking anyone ------------------------------


@pytest.mark.parametrize("bad", ["64dd90f9f0b6684651e90d60ab", "64DD90F9F0B6684651E90D60", "x1"])
def test_settle_created_refuses_a_malformed_id_without_asking_the_server(
    bad: str, api_env: Sandbox
) -> None:
    made = lose_answer_once(api_env, "create_job")
    lost = invoke(["talk", "https://example.com/a.jpg", "https://example.com/s.mp3"], expect=5)
    attempt, _ = settle_command(lost.stderr)
    before = len(api_env.state.received)
    refused = invoke(["settle", str(attempt), "--created", bad], expect=2)
    assert "not an AKOOL job id" in refused.stderr and len(api_env.state.received) == before
    invoke(["settle", str(attempt), "--created", made[0].id])  # the attempt is still unknown
