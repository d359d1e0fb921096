"""The API layer: headers, envelope decoding, error mapping, retries that never bill twice."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from akool_cli import __version__
from akool_cli.core import contract
from akool_cli.core.errors import (
    AuthRejectedError,
    RejectedError,
    UnavailableError,
    UnknownOutcomeError,
    UsageError,
)
from akool_cli.core.urls import validate_base_url
from akool_cli.net.api import AkoolClient, RateLimitedError
from akool_cli.net.retry import RetryPolicy, parse_retry_after
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from akool_cli.store.credentials import Credential
from tests.conftest import Isolation
from tests.support.servers import Answer, ScriptedServer, scripted_server

KEY = Credential("api_key", "test", api_key=SANDBOX_API_KEY)


@pytest.fixture
def client(sandbox: Sandbox, isolated: Isolation) -> Iterator[AkoolClient]:
    with AkoolClient(sandbox.base_url, KEY, clock=isolated.clock) as c:
        yield c


@pytest.fixture
def canned() -> Iterator[ScriptedServer]:
    """A server for the test to give one canned answer to every request (`answer_all`)."""
    with scripted_server() as server:
        yield server


def test_requests_carry_user_agent_and_exactly_one_auth_header(
    client: AkoolClient, sandbox: Sandbox
) -> None:
    client.credit()
    job = client.create_talking_photo("https://e.com/a.jpg", "https://e.com/a.mp3")
    client.video_info(job.id)
    for request in sandbox.state.received:
        assert request.headers["user-agent"] == f"akool-cli/{__version__}"
        assert request.headers["x-api-key"] == SANDBOX_API_KEY
        assert "authorization" not in request.headers


def test_create_returns_the_documented_id(client: AkoolClient, sandbox: Sandbox) -> None:
    job = client.create_talking_photo(
        "https://e.com/a.jpg", "https://e.com/a.mp3", resolution="720", webhook_url="https://h/x"
    )
    assert job.id in sandbox.state.jobs and job.video_status == 1 and job.state == "queued"
    body = json.loads(sandbox.state.received[-1].body)
    assert body["webhookUrl"] == "https://h/x" and "webhook_url" not in body


@pytest.mark.parametrize(
    ("body", "content_type", "fragment"),
    [
        (b"<html><body>Proxy login</body></html>", "text/html", "HTML page"),
        (b"", "application/json", "empty"),
        (b'{"code": 1000, "data": {', "application/json", "not JSON"),
        (b'{"msg": "ok", "data": {}}', "application/json", "no numeric code"),
        (b"[1, 2]", "application/json", "not an object"),
    ],
)
def test_unreadable_answers_are_clear_errors_after_retries(
    canned: ScriptedServer,
    isolated: Isolation,
    body: bytes,
    content_type: str,
    fragment: str,
) -> None:
    canned.answer_all(Answer(body=body, content_type=content_type))
    with (
        AkoolClient(canned.url, KEY, clock=isolated.clock) as c,
        pytest.raises(UnavailableError) as err,
    ):
        c.credit()
    assert fragment in err.value.message
    assert len(canned.targets) == RetryPolicy().attempts


def test_a_huge_body_is_refused(canned: ScriptedServer, isolated: Isolation) -> None:
    canned.answer_all(Answer(body=b'{"code":1000,"data":"' + b"x" * (5 * 1024 * 1024) + b'"}'))
    with (
        AkoolClient(canned.url, KEY, clock=isolated.clock) as c,
        pytest.raises(UnavailableError) as err,
    ):
        c.credit()
    assert "larger than" in str(err.value.__cause__ or err.value.message) or "4 MiB" in (
        err.value.message
    )


@pytest.mark.parametrize(
    ("code", "error", "fragment"),
    [
        (1003, RejectedError, "parameter error"),
        (1006, RejectedError, "insufficient quota"),
        (1101, AuthRejectedError, "invalid or expired token"),
        (1102, AuthRejectedError, "authorization missing"),
        (1109, AuthRejectedError, "wrong API key"),
        (1104, RejectedError, "insufficient credit"),
        (4242, RejectedError, "undocumented"),
    ],
)
def test_business_codes_become_typed_errors_with_hints(
    canned: ScriptedServer,
    isolated: Isolation,
    code: int,
    error: type[Exception],
    fragment: str,
) -> None:
    canned.answer_all(Answer(body=json.dumps({"code": code, "msg": "nope"}).encode()))
    with AkoolClient(canned.url, KEY, clock=isolated.clock) as c, pytest.raises(error) as err:
        c.credit()
    assert fragment in str(err.value) and f"code {code}" in str(err.value)
    assert err.value.hint  # type: ignore[attr-defined]
    assert len(canned.targets) == 1


def test_every_documented_code_has_a_meaning_and_a_hint() -> None:
    for code in [1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1013, 1014, 1015]:
        assert contract.BUSINESS_CODES[code].meaning
    for code in [*range(1101, 1106), 1108, 1109, 1110, 1111, 1112, 1200, 1201]:
        assert contract.BUSINESS_CODES[code].hint
    for code in [*range(1202, 1224)]:
        assert code in contract.BUSINESS_CODES


def test_reads_retry_429_honouring_retry_after(
    client: AkoolClient, sandbox: Sandbox, isolated: Isolation
) -> None:
    sandbox.state.inject("429", "500", "html")
    assert client.credit() == 1234.5
    assert sandbox.state.requests["credit"] == 4
    assert isolated.clock.sleeps[0] == 1.0  # the sandbox's Retry-After: 1


def test_rate_limit_code_1005_backs_off_then_fails_clearly(
    canned: ScriptedServer, isolated: Isolation
) -> None:
    canned.answer_all(Answer(body=b'{"code": 1005, "msg": "frequent operation"}'))
    with AkoolClient(canned.url, KEY, clock=isolated.clock) as c, pytest.raises(RateLimitedError):
        c.credit()
    assert len(canned.targets) == 5 and len(isolated.clock.sleeps) == 4


def test_create_is_not_resent_after_an_ambiguous_failure(
    client: AkoolClient, sandbox: Sandbox
) -> None:
    sandbox.state.inject("drop")  # the job is created, then the answer is lost
    with pytest.raises(UnknownOutcomeError):
        client.create_talking_photo("https://e.com/a.jpg", "https://e.com/a.mp3")
    assert len(sandbox.state.jobs) == 1
    assert sandbox.state.requests["create_talking_photo"] == 1


@pytest.mark.parametrize("fault", ["500", "truncate", "malformed"])
def test_create_after_5xx_or_a_spoiled_answer_is_unknown_not_retried(
    client: AkoolClient, sandbox: Sandbox, fault: str
) -> None:
    sandbox.state.inject(fault)
    with pytest.raises(UnknownOutcomeError):
        client.create_talking_photo("https://e.com/a.jpg", "https://e.com/a.mp3")
    assert sandbox.state.requests["create_talking_photo"] == 1


def test_create_is_resent_after_a_refusal_429(client: AkoolClient, sandbox: Sandbox) -> None:
    sandbox.state.inject("429", "429")
    client.create_talking_photo("https://e.com/a.jpg", "https://e.com/a.mp3")
    assert sandbox.state.requests["create_talking_photo"] == 3
    assert len(sandbox.state.jobs) == 1


def test_create_is_resent_when_the_connection_was_refused(isolated: Isolation) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with AkoolClient(f"http://127.0.0.1:{port}", KEY, clock=isolated.clock) as c:
        with pytest.raises(UnavailableError) as err:
            c.create_talking_photo("https://e.com/a.jpg", "https://e.com/a.mp3")
        assert not isinstance(err.value, UnknownOutcomeError)
    assert len(isolated.clock.sleeps) == RetryPolicy().attempts - 1


def test_undocumented_paths_are_404_in_the_sandbox(sandbox: Sandbox) -> None:
    import httpx2

    for method, path in [
        ("POST", "/auth"),
        ("POST", "/photo/talking"),
        ("GET", "/video/status/123"),
        ("GET", "/api/open/v3/content/video/getvideostatus?task_id=1"),
    ]:
        assert httpx2.request(method, sandbox.base_url + path).status_code == 404


def test_sandbox_rejects_misnamed_fields_with_1003(sandbox: Sandbox) -> None:
    import httpx2

    response = httpx2.post(
        sandbox.base_url + contract.CREATE_TALKING_PHOTO.path,
        headers={"x-api-key": SANDBOX_API_KEY},
        json={"image_url": "https://e.com/a.jpg", "audio_url": "https://e.com/a.mp3"},
    ).json()
    assert response["code"] == 1003 and "talking_photo_url" in response["msg"]


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("http://openapi.akool.com", "plain http"),
        ("ftp://example.com", "not an http(s) URL"),
        ("openapi.akool.com", "not an http(s) URL"),
        ("https://", "not an http(s) URL"),
        ("https://example.com/?x=1", "query"),
    ],
)
def test_base_url_validation(url: str, fragment: str) -> None:
    with pytest.raises(UsageError) as err:
        validate_base_url(url)
    assert fragment in err.value.message


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8765", "http://localhost:1", "http://[::1]:9", "https://x.y/"]
)
def test_base_url_allows_https_and_loopback_http(url: str) -> None:
    assert validate_base_url(url) == url.rstrip("/")


def test_retry_after_parsing() -> None:
    assert parse_retry_after("3", 0) == 3.0
    assert parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", 4.0) == 6.0
    assert parse_retry_after("soon", 0) is None
    assert RetryPolicy().delay(1, retry_after=999) == 60.0
    policy = RetryPolicy()
    delays = [policy.delay(n) for n in range(1, 8)]
    assert all(0.25 <= d <= 8.0 for d in delays) and delays[-1] >= 4.0


def test_absurd_numbers_in_an_answer_do_not_lose_a_job() -> None:
    from akool_cli.core.models import JobInfo

    job_id = "64dd90f9f0b6684651e90d60"
    job = JobInfo.from_payload(
        {"_id": job_id, "video_status": 1, "create_time": 10**400, "progress": 10**400}
    )
    assert job.create_time_ms is None and job.progress is None
    assert JobInfo.from_payload({"_id": job_id, "video_status": 2, "progress": 42}).progress == 42.0
