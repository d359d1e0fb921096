"""Checks before billing at campaign size: thousands of URLs on a host this machine cannot reach
are decided once for the host (one warning with a count, one connection), never retried, bounded
as a whole, and shown with progress on a terminal."""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

from akool_cli.core.mediatypes import Role
from akool_cli.inputs import hostchecks
from akool_cli.inputs.preflight import Events, Settings, check_urls
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.hostile import raw_server
from tests.support.runner import invoke
from tests.support.servers import Answer, ScriptedServer, scripted_server

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(64)


@dataclass
class Unreachable:
    """A host that takes connections and drops them unanswered, counting them: what a check
    costs there is counted in connections, without waiting for any timeout."""

    url: str
    connections: list[int] = field(default_factory=list)


@contextmanager
def unreachable_host() -> Iterator[Unreachable]:
    connections: list[int] = []

    def drop(connection: socket.socket, stop: threading.Event) -> None:
        connections.append(1)  # and closed unanswered by raw_server

    with raw_server(drop, read_request=False, path="") as url:
        yield Unreachable(url, connections)


def rows_file(isolated: Isolation, image_base: str, audio_base: str, rows: int) -> str:
    path = isolated.tmp / "campaign.csv"
    lines = ["id,image_url,audio_url"]
    lines += [f"r{n},{image_base}/p-{n}.jpg,{audio_base}/s-{n}.mp3" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def test_a_thousand_rows_on_an_unreachable_host_cost_one_connection_and_one_warning(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AKOOL_NO_CHECK")
    with unreachable_host() as host:
        csv = rows_file(isolated, host.url, host.url, 1_000)
        result = invoke(["batch", csv, "--json", "--concurrency", "16"])
        assert len(host.connections) == 1  # the host is decided by its first URL: never retried
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    name = host.url.removeprefix("http://")
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"Warning: could not check 2,000 URLs on {name} from here (")
    assert warnings[0].endswith(
        "; AKOOL fetches them from its own servers, so the jobs may still work"
    )
    assert "checking 2,000 input URLs before billing" in result.stderr  # said once, in CI logs
    assert len(api_env.state.jobs) == 1_000  # a warning: every row is made


def test_each_host_is_decided_on_its_own(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AKOOL_NO_CHECK")
    with unreachable_host() as host, scripted_server() as files:
        for n in range(50):
            files.route(f"/s-{n}.mp3", Answer(body=MP3, content_type="audio/mpeg"))
        csv = rows_file(isolated, host.url, files.url, 50)
        result = invoke(["batch", csv, "--concurrency", "8"])
        assert len(host.connections) == 1
    assert sum(files.hits.values()) == 50  # the reachable host's URLs are each checked
    assert result.stderr.count("Warning:") == 1 and "could not check 50 URLs on" in result.stderr


def check_all(roles: dict[str, Role]) -> hostchecks.Report:
    """The checks as the library runs them, over a transport with the checks' timeouts."""
    from akool_cli.inputs.preflight import Settings

    with Settings().check_transport() as transport:
        return hostchecks.check_all(roles, transport)


def _roles(base: str, count: int) -> dict[str, Role]:
    return {f"{base}/f-{n}.mp3": "audio" for n in range(count)}


def test_a_host_that_stops_answering_is_decided_after_a_few_failures() -> None:
    served = threading.Semaphore(5)  # five answers, then the connection drops without one

    with scripted_server() as files:

        def flaky(path: str) -> Answer:
            if served.acquire(blocking=False):
                return Answer(body=MP3, content_type="audio/mpeg")
            raise ConnectionError("dropped")

        for n in range(400):
            files.route(f"/f-{n}.mp3", flaky)
        report = check_all(_roles(files.url, 400))
        asked = sum(files.hits.values())
    # Each URL at most once (HEAD, then a GET after the 501 a simple server answers to HEAD).
    bound = 2 * (5 + hostchecks.FAILURES_IN_A_ROW + hostchecks.CONCURRENCY)
    assert asked <= bound, asked
    assert report.checked == 5 and report.refused == {}
    assert len(report.warnings) == 1 and "could not check 395 URLs on" in report.warnings[0]


def test_the_checks_as_a_whole_stop_at_their_deadline(isolated: Isolation) -> None:
    with scripted_server() as files:

        def slow(path: str) -> Answer:
            isolated.clock.advance(hostchecks.DEADLINE + 1)  # this one answer takes too long
            return Answer(body=MP3, content_type="audio/mpeg")

        for n in range(40):
            files.route(f"/f-{n}.mp3", slow)
        report = check_all(_roles(files.url, 40))
    assert report.checked == 1  # the first URL, alone on its host; the rest never started
    assert report.warnings == [
        "39 input URL(s) were not checked: the checks stop after 120 s; AKOOL fetches them from "
        "its own servers, so the jobs may still work"
    ]


def test_refusals_stay_per_url_and_undecided_answers_are_counted_per_host() -> None:
    with scripted_server() as files:
        for n in range(30):
            files.route(f"/f-{n}.mp3", Answer(body=b"", content_type=""))
        files.route("/gone.mp3", Answer(404, b"no", "text/plain"))
        roles = {**_roles(files.url, 30), files.url + "/gone.mp3": "audio"}
        report = check_all(roles)
    assert list(report.refused) == [files.url + "/gone.mp3"]
    name = files.url.removeprefix("http://")
    assert report.warnings == [
        f"could not tell what 30 URLs on {name} serve (no content type, no bytes)"
    ]


def test_private_addresses_warn_once_per_host(files_on_loopback: ScriptedServer) -> None:
    warnings: list[str] = []
    roles = _roles(files_on_loopback.url, 3)
    check_urls(roles, Settings(base_url="https://openapi.akool.com"), Events(warn=warnings.append))
    private = [w for w in warnings if "private or loopback" in w]
    name = files_on_loopback.url.removeprefix("http://")
    assert private == [
        f"3 URLs on {name} are on a private or loopback address: AKOOL's servers cannot fetch "
        "them from there"
    ]


@pytest.fixture
def files_on_loopback() -> Iterator[ScriptedServer]:
    with scripted_server() as server:
        for n in range(3):
            server.route(f"/f-{n}.mp3", Answer(body=MP3, content_type="audio/mpeg"))
        yield server


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_checks_show_progress_on_a_terminal_and_one_line_otherwise() -> None:
    from akool_cli.cli.output import Output, UploadDisplay

    shown = {}
    for stream in (_Terminal(), io.StringIO()):
        out = Output(stderr=stream, stdout=io.StringIO(), env={"NO_COLOR": "1"})
        with UploadDisplay(out) as display:
            for done in range(0, 2_001, 500):
                display.checked(done, 2_000)
        shown[stream.isatty()] = stream.getvalue()
    assert "check input URLs" in shown[True] and "2000/2000" in shown[True]
    assert shown[False] == "checking 2,000 input URLs before billing (--no-check skips this)\n"


def test_a_bug_in_one_check_is_raised_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(hostchecks, "judge_url", broken)
    with pytest.raises(ValueError, match="a bug"):
        check_all(_roles("http://127.0.0.1:9", 50))


# -- break17h H5: only a host that gives no answer at all is decided ------------------------------


def test_a_slow_url_leaves_its_hosts_other_urls_checked(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A URL that only times out (the host took the connection) is that URL's warning: the same
    host's 404 audio is still refused, exit 2, nothing created (it was billed before)."""
    from akool_cli.inputs import preflight, urlcheck

    monkeypatch.delenv("AKOOL_NO_CHECK")
    monkeypatch.setattr(urlcheck, "CHECK_TIMEOUT", 0.5)  # the stall ends at once, not in 10 s
    monkeypatch.setattr(preflight, "CHECK_TIMEOUT", 0.5)
    with scripted_server() as files:
        files.route("/stall0.png", Answer(body=PNG, content_type="image/png", delay=60))
        files.route(
            "/stall0.png", Answer(body=PNG, content_type="image/png", delay=60), method="HEAD"
        )
        files.route("/missing0.wav", Answer(404, b"no", "text/plain"), method="HEAD")
        result = invoke(["talk", files.url + "/stall0.png", files.url + "/missing0.wav"], expect=2)
    assert "missing0.wav answered HTTP 404 (not found)" in result.stderr
    assert api_env.state.jobs == {}


def test_a_redirect_to_an_unreachable_host_does_not_decide_the_host_that_answered(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AKOOL_NO_CHECK")
    with unreachable_host() as gone, scripted_server() as files:
        moved = Answer(302, b"", "text/plain", headers={"Location": gone.url + "/r.png"})
        files.route("/redir0.png", moved)
        files.route("/redir0.png", moved, method="HEAD")
        files.route("/missing0.wav", Answer(404, b"no", "text/plain"), method="HEAD")
        result = invoke(["talk", files.url + "/redir0.png", files.url + "/missing0.wav"], expect=2)
    assert "missing0.wav answered HTTP 404 (not found)" in result.stderr
    assert api_env.state.jobs == {}
    # The warning names the redirect's host, not the host that answered as at fault.
    assert "after a redirect to 127.0.0.1" in result.stderr, result.stderr
