"""Failures a second try would only meet again end at once, with one try: a redirect from https to
plain http or to a file: URL (refused, never followed), a TLS certificate refused, an answer that
is not valid HTTP. Connections that merely drop are still tried again (test_download_hardening)."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from akool_cli.core.clock import FakeClock
from akool_cli.core.errors import AkoolError
from akool_cli.jobs.download import download
from akool_cli.net.transport import Transport
from tests.conftest import Isolation
from tests.support.hostile import Answerer, answering, fake_mp4, raw_server, self_signed
from tests.support.runner import invoke
from tests.support.servers import Answer, ScriptedServer, scripted_server

MP4 = fake_mp4(bytes(range(256)) * 100)


def save(url: str, target: Path) -> AkoolError:
    with Transport() as transport, pytest.raises(AkoolError) as failed:
        download(transport, url, target, clock=FakeClock())
    return failed.value


@contextmanager
def https_server(
    tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[ScriptedServer, str]]:
    """A scripted server behind TLS, its certificate trusted through SSL_CERT_FILE."""
    certificate, key = self_signed(tmp)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
    with scripted_server() as server:
        server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
        yield server, server.url.replace("http://", "https://")


def test_a_redirect_from_https_to_plain_http_is_refused(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Followed, it would fetch the video (and send what the request carries) readable by anyone
    on the way; httpx follows it."""
    with (
        https_server(isolated.tmp, monkeypatch) as (secure, base),
        scripted_server() as plain,
    ):
        plain.route("/v.mp4", Answer(200, MP4, "video/mp4"))
        secure.route("/v.mp4", Answer(302, b"", "text/plain", {"Location": plain.url + "/v.mp4"}))
        error = save(base + "/v.mp4", isolated.tmp / "v.mp4")
        assert plain.hits == {} and secure.hits == {"/v.mp4": 1}
    assert "refused a redirect from https to plain http" in error.message
    assert error.exit_code == 5 and not (isolated.tmp / "v.mp4").exists()


def test_a_redirect_to_a_file_url_fails_at_once(isolated: Isolation) -> None:
    with scripted_server() as server:
        server.route("/v.mp4", Answer(302, b"", "text/plain", {"Location": "file:///etc/passwd"}))
        error = save(server.url + "/v.mp4", isolated.tmp / "v.mp4")
        assert server.hits == {"/v.mp4": 1}  # not five tries
    assert "refused a redirect to a file: URL" in error.message


def counting(answer: Answerer, count: list[int]) -> Answerer:
    def counted(connection: socket.socket, stop: threading.Event) -> None:
        count.append(1)
        answer(connection, stop)

    return counted


def untrusted_tls(tmp: Path) -> Answerer:
    """A TLS handshake with a certificate no trust store knows (the client refuses it)."""
    certificate, key = self_signed(tmp)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        context.wrap_socket(connection, server_side=True)

    return answer


BROKEN = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: abc\r\n\r\n"
# Headers far past what any HTTP client takes (h11 stops at 100 KiB), sent at once.
FLOOD = b"HTTP/1.1 200 OK\r\n" + b"X-Flood: " + b"a" * 200_000 + b"\r\n\r\n"


@pytest.mark.parametrize("case", ["certificate", "framing", "header-flood"])
def test_a_permanent_failure_of_a_download_is_one_try(case: str, isolated: Isolation) -> None:
    tries: list[int] = []
    answer = {
        "certificate": untrusted_tls(isolated.tmp),
        "framing": answering(BROKEN, MP4),
        "header-flood": answering(FLOOD),
    }[case]
    with raw_server(counting(answer, tries), read_request=case != "certificate") as url:
        scheme_url = url.replace("http://", "https://") if case == "certificate" else url
        error = save(scheme_url, isolated.tmp / "v.mp4")
    assert len(tries) == 1, error.message
    assert error.exit_code == 5
    words = {"certificate": "certificate was refused", "framing": "not valid HTTP"}
    assert words.get(case, "not valid HTTP") in error.message


@pytest.mark.parametrize("case", ["certificate", "framing"])
def test_a_permanent_failure_of_an_api_request_is_one_try(
    case: str, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    tries: list[int] = []
    answer = untrusted_tls(isolated.tmp) if case == "certificate" else answering(BROKEN)
    with raw_server(counting(answer, tries), read_request=case != "certificate", path="") as url:
        base = url.replace("http://", "https://") if case == "certificate" else url
        monkeypatch.setenv("AKOOL_BASE_URL", base)
        monkeypatch.setenv("AKOOL_API_KEY", "k" * 32)
        result = invoke(["credit"], expect=5)
    assert len(tries) == 1, result.stderr
    assert ("certificate was refused" if case == "certificate" else "not valid HTTP") in (
        result.stderr
    )
