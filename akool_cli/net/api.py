"""The AKOOL client: the documented endpoints, their auth header, envelope decoding, retries.

It returns data and raises akool errors; it never prints or exits. Endpoint paths and field
names come from contract.py and nowhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

from akool_cli.core import contract, faces, interrupts, jsontext, kinds
from akool_cli.core.clock import Clock, current
from akool_cli.core.contract import Endpoint
from akool_cli.core.errors import (
    AkoolError,
    AuthRejectedError,
    RejectedError,
    UnavailableError,
    UnknownOutcomeError,
    UsageError,
    settle_hint,
)
from akool_cli.core.faces import Face
from akool_cli.core.kinds import JobKind, Request
from akool_cli.core.models import JobInfo, Voice
from akool_cli.core.speech import VoiceFilters
from akool_cli.core.validate import TalkRequest
from akool_cli.net.retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after
from akool_cli.net.transport import RawResponse, Transport, TransportError
from akool_cli.store.credentials import Credential

log = logging.getLogger("akool.api")
T = TypeVar("T")


# The voice list is paged; this bounds the pages read even when the answer's count lies.
VOICE_PAGE_SIZE = 100
MAX_VOICE_PAGES = 100


# Code 1101 ("invalid or expired token") answered to an API key: its hint, not the token's.
API_KEY_REFUSED = (
    "check the API key (akool.com → API Credentials; akool auth status shows which is used), "
    "then: akool login"
)


class RateLimitedError(UnavailableError):
    """AKOOL kept answering 429 or code 1005 after the retries allowed."""


class AkoolClient:
    """Calls AKOOL's documented endpoints with one credential."""

    def __init__(
        self,
        base_url: str,
        credential: Credential,
        *,
        transport: Transport | None = None,
        clock: Clock | None = None,
        retry: RetryPolicy | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.credential = credential
        self.transport = transport or Transport(secrets=credential.secrets())
        self.clock = clock or current()
        self.retry = retry or RetryPolicy()
        self.on_token = on_token

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> AkoolClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documented endpoints -------------------------------------------------------------------

    def get_token(self, client_id: str, client_secret: str) -> str:
        body = {"clientId": client_id, "clientSecret": client_secret}
        payload = self.call(contract.GET_TOKEN, body=body)
        token = payload.get("token") if isinstance(payload, dict) else None
        if not isinstance(token, str) or not token:
            raise UnavailableError("AKOOL's getToken answer has no token field")
        self.transport.redactor.add(token)
        return token

    def credit(self) -> float:
        data = self.call(contract.CREDIT)
        credit = data.get("credit") if isinstance(data, dict) else None
        if isinstance(credit, bool) or not isinstance(credit, (int, float)):
            raise UnavailableError("AKOOL's credit answer has no data.credit number")
        try:
            return float(credit)
        except OverflowError:
            raise UnavailableError("AKOOL's credit answer is not a usable number") from None

    def create(self, kind: JobKind, request: Request) -> JobInfo:
        """Send a kind's billable create; the answer's id is the job id."""
        try:
            data = self.call(kind.create, body=request.body())
        except RejectedError as exc:
            raise _explained(kind, exc) from None
        return _created(kind.parse_created, data)

    def detail(self, kind: JobKind, job_id: str) -> JobInfo:
        """A job's current state, from its kind's status endpoint."""
        found = self.status_many(kind, [job_id])[job_id]
        if isinstance(found, AkoolError):
            raise found
        return found

    def status_many(self, kind: JobKind, job_ids: list[str]) -> dict[str, JobInfo | AkoolError]:
        """The states of several jobs of one status family: one call per id, or, where the
        endpoint takes many ids, one call per `max_ids` of them. A failed call raises; an id the
        answer leaves out gets an UnavailableError of its own."""
        call = kind.status
        if not call.many:
            return {job_id: self._one_status(kind, job_id) for job_id in job_ids}
        found: dict[str, JobInfo | AkoolError] = {}
        for start in range(0, len(job_ids), call.max_ids):
            chunk = job_ids[start : start + call.max_ids]
            query, path_params, body = call.where(chunk)
            data = self.call(
                call.endpoint,
                query=query or None,
                path_params=path_params or None,
                body=body or None,
            )
            jobs = kind.pick(data, chunk)
            for job_id in chunk:
                found[job_id] = jobs.get(job_id) or UnavailableError(
                    f"AKOOL's answer to {call.endpoint.method} {call.endpoint.path} does not "
                    f"include job {job_id}",
                    hint="check the id (akool status lists your jobs); AKOOL keeps results 7 days",
                )
        return found

    def _one_status(self, kind: JobKind, job_id: str) -> JobInfo:
        query, path_params, body = kind.status.where([job_id])
        data = self.call(
            kind.status.endpoint,
            query=query or None,
            path_params=path_params or None,
            body=body or None,
        )
        return kind.parse(data, job_id)

    def effects(self) -> list[dict[str, Any]]:
        """Image to video's effects: {effect_code, name, logo, video_url, ...} each."""
        data = self.call(contract.IMAGE2VIDEO_EFFECTS)
        items = data.get("result") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise UnavailableError("AKOOL's effects answer has no data.result array")
        return [
            {k: item.get(k) for k in ("effect_code", "name", "logo", "video_url")}
            for item in items
            if isinstance(item, dict) and isinstance(item.get("effect_code"), str)
        ]

    def models(self, model_type: str) -> list[dict[str, Any]]:
        """The AI models of a type (contract.MODEL_TYPES): value, label, resolutions, lengths."""
        data = self.call(contract.MODEL_LIST, query={"types[]": model_type})
        if not isinstance(data, list):
            raise UnavailableError("AKOOL's model list has no data array")
        keys = ("value", "label", "provider", "description", "isPro", "durationList")
        return [
            {
                **{k: item.get(k) for k in keys},
                "resolutions": [
                    r.get("value") for r in item.get("resolutionList") or [] if isinstance(r, dict)
                ],
            }
            for item in data
            if isinstance(item, dict) and isinstance(item.get("value"), str)
        ]

    def languages(self) -> list[dict[str, str]]:
        """Video translation's languages: {lang_code, lang_name, url (a flag)} each."""
        data = self.call(contract.LANGUAGE_LIST)
        items = data.get("lang_list") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise UnavailableError("AKOOL's language list has no data.lang_list array")
        return [
            {k: str(item.get(k) or "") for k in ("lang_code", "lang_name", "url")}
            for item in items
            if isinstance(item, dict) and isinstance(item.get("lang_code"), str)
        ]

    def create_talking_photo(
        self,
        talking_photo_url: str,
        audio_url: str,
        *,
        prompt: str | None = None,
        resolution: str | None = None,
        webhook_url: str | None = None,
    ) -> JobInfo:
        request = TalkRequest(talking_photo_url, audio_url, prompt, resolution, webhook_url)
        return self.create(kinds.TALKING_PHOTO, request)

    def video_info(self, job_id: str) -> JobInfo:
        return self.detail(kinds.TALKING_PHOTO, job_id)

    def list_voices(
        self,
        *,
        own: bool = False,
        filters: VoiceFilters | None = None,
        language: str | None = None,
        page_size: int = VOICE_PAGE_SIZE,
    ) -> list[Voice]:
        """AKOOL's voices (type=2), or your cloned ones (type=1), every page.

        `filters` go to AKOOL as documented query fields; `language` (a name such as "English"
        or a locale such as "en") is matched here, on the answer, because the list has no
        documented language filter.
        """
        query = {"type": "1" if own else "2", "size": str(page_size)}
        query.update((filters or VoiceFilters()).query())
        voices: dict[str, Voice] = {}
        for page in range(1, MAX_VOICE_PAGES + 1):
            data = self.call(contract.VOICE_LIST, query={**query, "page": str(page)})
            items = data.get("result") if isinstance(data, dict) else None
            if not isinstance(items, list):
                raise UnavailableError("AKOOL's voice list has no data.result array")
            before = len(voices)
            for item in items:
                voice = Voice.from_payload(item)
                voices.setdefault(voice.voice_id or f"#{len(voices)}", voice)
            total = data.get("count")
            if not isinstance(total, int) or isinstance(total, bool):
                total = None  # no documented total: a short page is the last one
            # Stop on an empty page, or one that adds nothing new (a server ignoring `page`),
            # whatever the count says: a count that lies must not make this loop forever.
            if not items or len(voices) == before:
                break
            if total is None and len(items) < page_size:
                break
            if total is not None and len(voices) >= total:
                break
        found = list(voices.values())
        if language:
            found = [v for v in found if v.speaks(language)]
        return found

    def find_voice(self, voice_id: str) -> Voice | None:
        """The voice with this id among AKOOL's voices and your clones, or None."""
        for own in (False, True):
            for voice in self.list_voices(own=own):
                if voice.voice_id == voice_id:
                    return voice
        return None

    def detect_faces(self, url: str) -> int:
        """How many faces AKOOL's face detection finds in the image at url."""
        payload = self._detect({"url": url})
        if payload.get("error_code") != 0:
            message = str(payload.get("error_msg") or "no reason given")
            raise RejectedError(
                f"AKOOL's face detection failed: {message}",
                hint="check that the portrait URL serves a JPEG or PNG; or drop --check-face",
            )
        frames = payload.get("faces_obj")
        frame = frames.get("0") if isinstance(frames, dict) else None
        regions = frame.get("region") if isinstance(frame, dict) else []
        return len(regions) if isinstance(regions, list) else 0

    def find_faces(self, url: str, *, video: bool = False) -> list[Face]:
        """The faces in an image (or the video frame showing the most), with their crops and
        landmarks: what face swap and reage send (faces.py)."""
        body: dict[str, Any] = {"url": url, "return_face_url": True}
        if video:
            body["num_frames"] = faces.VIDEO_FRAMES
        return faces.read_faces(self._detect(body))

    def _detect(self, body: dict[str, Any]) -> dict[str, Any]:
        """detect_faces' answer, which is not the usual envelope (error_code / faces_obj, read by
        the caller). Detection creates nothing, so it is retried like any safe read: 5xx, 429,
        dropped and unreadable answers; a gateway envelope's code is judged as usual."""
        payload = self._request(
            "POST",
            contract.DETECT_FACES.path,
            body=body,
            query=None,
            auth=contract.DETECT_FACES.auth,
            safe_to_repeat=True,
            token_response=True,
            enveloped=False,
        )
        assert isinstance(payload, dict)
        return payload

    # -- the one request path ----------------------------------------------------------------

    def call(
        self,
        endpoint: Endpoint,
        *,
        body: Mapping[str, Any] | None = None,
        query: Mapping[str, str] | None = None,
        path_params: Mapping[str, str] | None = None,
    ) -> Any:
        """Send a documented request; return `data` (or the whole payload for getToken).

        Reads are retried on network failures, 429, 5xx, unreadable answers and code 1005.
        A billable create is resent only when it certainly never left this machine, or when
        the server said it refused it (429, 1005); otherwise UnknownOutcomeError.
        """
        path = endpoint.path
        for name, value in (path_params or {}).items():
            path = path.replace("{" + name + "}", in_path(value))
        return self._request(
            endpoint.method,
            path,
            body=body,
            query=query,
            auth=endpoint.auth,
            safe_to_repeat=not endpoint.billable,
            token_response=endpoint.response == "token",
        )

    def raw_call(
        self,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None = None,
        query: Mapping[str, str] | None = None,
    ) -> Any:
        """An authenticated call to any path, returning AKOOL's whole answer whatever its code.

        POSTs are treated as billable: never resent after an ambiguous failure.
        """
        return self._request(
            method.upper(),
            path,
            body=body,
            query=query,
            auth=True,
            safe_to_repeat=method.upper() == "GET",
            token_response=False,
            whole_payload=True,
        )

    @staticmethod
    def read_created(kind: JobKind, payload: Any) -> JobInfo:
        """A create's whole answer (raw_call's, for `akool api`) read as create() reads its
        own: the job it made, or the error its code stands for (AKOOL answered: nothing made)."""
        code = payload.get("code") if isinstance(payload, dict) else None
        if code != contract.SUCCESS_CODE:
            msg = str(payload.get("msg") or "") if isinstance(payload, dict) else ""
            raise error_for_code(int(code or 0), msg, f"POST {kind.create.path}")
        return _created(kind.parse_created, payload.get("data"))

    def _auth_headers(self, ex: _Exchange) -> dict[str, str]:
        # Exactly one of the two documented headers: with both, AKOOL ignores x-api-key.
        if self.credential.kind == "api_key":
            return {"x-api-key": self.credential.api_key}
        if not self.credential.token:
            self._refresh_token(ex)
        return {"Authorization": f"Bearer {self.credential.token}"}

    def _refresh_token(self, ex: _Exchange) -> None:
        """A new token for `ex`. When getToken fails (no answer, a stop while it stalls), `ex`
        was not sent this time, and a create is never sent again after it may have left (nor
        refreshed after an answer other than 1101, which made nothing): so a create's failed
        exchange says the create never left (break17i I19), and its attempt is given back."""
        try:
            token = self.get_token(self.credential.client_id, self.credential.client_secret)
        except AkoolError as exc:
            if not ex.safe_to_repeat:
                exc.request_sent = False
            raise
        except KeyboardInterrupt as exc:
            if not ex.safe_to_repeat:
                exc.request_sent = False  # type: ignore[attr-defined]  # engine._send reads it
            raise
        self.credential = self.credential.with_token(token)
        if self.on_token is not None:
            self.on_token(token)

    def _request(
        self,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None,
        query: Mapping[str, str] | None,
        auth: bool,
        safe_to_repeat: bool,
        token_response: bool,
        whole_payload: bool = False,
        enveloped: bool = True,
    ) -> Any:
        exchange = _Exchange(
            method,
            path,
            body,
            query,
            auth,
            safe_to_repeat,
            whole_answer=token_response or whole_payload,
            whole_payload=whole_payload,
            enveloped=enveloped,
        )
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._try(exchange, can_retry=attempt < self.retry.attempts)
            except _Again as again:
                if again.fresh_token:
                    attempt -= 1  # a new token is not a failed try
                    continue
                self._pause(exchange, attempt, again)

    def _try(self, ex: _Exchange, *, can_retry: bool) -> Any:
        """One exchange: AKOOL's answer, or _Again when it is worth (and safe) trying again."""
        headers = {"Accept": "application/json"}
        if ex.auth:
            headers.update(self._auth_headers(ex))
        try:
            response = self.transport.send(
                ex.method,
                self.base_url + ex.path,
                headers=headers,
                json_body=dict(ex.body) if ex.body is not None else None,
                params=dict(ex.query) if ex.query else None,
                # A read a stop ends at once, on any thread; a create waits for its answer
                # (interrupts.awaiting_answer gives it a grace).
                cancel=interrupts.cancelling() if ex.safe_to_repeat else None,
            )
        except TransportError as exc:
            raise self._no_answer(ex, exc, can_retry) from exc
        retry_after = parse_retry_after(response.headers.get("retry-after"), self.clock.time())
        _judge_status(ex, response, retry_after, can_retry, self.base_url)
        try:
            payload = _decode(response, ex.what)
            if not ex.enveloped and "error_code" in payload:
                return payload  # face detection's own shape, judged by the caller
            code = _envelope_code(payload, ex.what)
        except UnavailableError:
            if ex.safe_to_repeat and can_retry:
                raise _Again(f"{ex.what}: unreadable answer") from None
            if not ex.safe_to_repeat:
                raise unknown_outcome(f"AKOOL's answer to {ex.what} could not be read") from None
            raise
        return self._judge_payload(ex, payload, code, retry_after, can_retry)

    def _no_answer(self, ex: _Exchange, exc: TransportError, can_retry: bool) -> Exception:
        """What a request without a usable answer means: try again, unknown, or unavailable."""
        if exc.kind == "cancelled":  # a stop signal ended a read: never tried again
            return interrupts.stopped(f"stopped while waiting for {ex.what}", interrupts.GO_ON)
        if exc.kind == "too_large":
            if not ex.safe_to_repeat:
                return unknown_outcome(f"AKOOL's answer to {ex.what} is unusable ({exc})")
            return UnavailableError(
                f"AKOOL's answer to {ex.what} is unusable: {exc}",
                hint="check the base URL (--base-url / AKOOL_BASE_URL)",
            )
        # A refused certificate or broken framing comes back on every try: fail at once.
        if can_retry and not exc.permanent and (ex.safe_to_repeat or not exc.sent):
            return _Again(f"{ex.what}: {exc}")
        if not ex.safe_to_repeat and exc.sent:
            return unknown_outcome(f"{ex.what} was sent but no answer came back ({exc})")
        return UnavailableError(
            f"cannot reach AKOOL at {self.base_url}: {exc}",
            hint="check the network and the base URL (--base-url / AKOOL_BASE_URL), "
            "then run the command again",
            request_sent=exc.sent,
        )

    def _judge_payload(
        self,
        ex: _Exchange,
        payload: dict[str, Any],
        code: int,
        retry_after: float | None,
        can_retry: bool,
    ) -> Any:
        if code == contract.SUCCESS_CODE:
            return payload if ex.whole_answer else payload.get("data")
        info = contract.describe_code(code)
        if info.kind == "rate_limit" and can_retry:
            # 1005 means the request was refused, so even a create is safe to send again.
            raise _Again(f"{ex.what}: code 1005", retry_after, rate_limited=True)
        if code == 1101 and ex.auth and self.credential.kind == "client" and not ex.refreshed:
            # The token is documented as long-lived with no refresh endpoint: one new token,
            # one retry, never more.
            log.debug("%s: code 1101, getting a new token once", ex.what)
            ex.refreshed = True
            self._refresh_token(ex)
            raise _Again(f"{ex.what}: code 1101", fresh_token=True)
        if ex.whole_payload:
            return payload  # the caller shows AKOOL's answer as it is, then judges the code
        error = _business_error(code, str(payload.get("msg") or ""), info, ex.what)
        if code == 1101 and self.credential.kind == "api_key":
            error.hint = API_KEY_REFUSED  # an API key has no token and no client id
        raise error

    def _pause(self, ex: _Exchange, attempt: int, again: _Again) -> None:
        """The wait before the next try; a stop signal ends it at once (interrupts.backoff)."""
        delay = self.retry.delay(attempt, again.retry_after)
        if again.rate_limited and again.retry_after is None:
            delay *= 2
        tries = self.retry.attempts - 1
        log.debug("retry %d/%d in %.2f s after %s", attempt, tries, delay, again.why)
        if interrupts.backoff(self.clock, delay):
            raise interrupts.stopped_backoff(ex.what)


@dataclass
class _Exchange:
    """One logical request, however many times it is sent."""

    method: str
    path: str
    body: Mapping[str, Any] | None
    query: Mapping[str, str] | None
    auth: bool
    safe_to_repeat: bool  # False for billable creates: never resent after it may have arrived
    whole_answer: bool  # return the whole payload (getToken, akool api) instead of `data`
    whole_payload: bool = False  # also for error codes (akool api shows AKOOL's answer as is)
    enveloped: bool = True  # False: an answer with error_code is face detection's own shape
    refreshed: bool = False

    @property
    def what(self) -> str:
        return f"{self.method} {self.path}"


class _Again(Exception):
    """Worth sending again: after a pause (or at once with a fresh token)."""

    def __init__(
        self,
        why: str,
        retry_after: float | None = None,
        *,
        rate_limited: bool = False,
        fresh_token: bool = False,
    ) -> None:
        super().__init__(why)
        self.why = why
        self.retry_after = retry_after
        self.rate_limited = rate_limited
        self.fresh_token = fresh_token


def _judge_status(
    ex: _Exchange,
    response: RawResponse,
    retry_after: float | None,
    can_retry: bool,
    base_url: str,
) -> None:
    """Raise for HTTP statuses that are not an AKOOL envelope: 429, 5xx, other 4xx."""
    status = response.status
    if status == 429:
        if can_retry:
            raise _Again(f"{ex.what}: HTTP 429", retry_after, rate_limited=True)
        raise RateLimitedError(
            f"AKOOL kept answering HTTP 429 (too many requests) to {ex.what}",
            hint="wait a minute and run the command again",
        )
    if status >= 500 or status in RETRYABLE_STATUSES:
        if ex.safe_to_repeat and can_retry:
            raise _Again(f"{ex.what}: HTTP {status}", retry_after)
        if not ex.safe_to_repeat:
            raise unknown_outcome(f"AKOOL answered HTTP {status} to {ex.what}")
        raise UnavailableError(
            f"AKOOL answered HTTP {status} to {ex.what} after retries",
            hint="AKOOL may be having trouble; try again in a few minutes",
        )
    if status >= 400:
        raise _http_error(response, ex.what, base_url)


def _created(parse: Callable[[Any], T], data: Any) -> T:
    """A billable create's answer; AKOOL said 1000, so if its id cannot be read, the job
    probably exists: that is an unknown outcome, never a reason to create it again."""
    try:
        return parse(data)
    except UnavailableError as exc:
        raise unknown_outcome(
            f"AKOOL accepted the job but its answer is unusable: {exc.message}"
        ) from None


def _explained(kind: JobKind, exc: RejectedError) -> RejectedError:
    """A refusal whose code this product's page explains, said with that explanation."""
    meaning = kind.explain(exc.code) if exc.code is not None else None
    if meaning is None:
        return exc
    return RejectedError(
        f"AKOOL refused the {kind.noun}: {meaning} (code {exc.code})",
        hint=kind.failure_hint,
        code=exc.code,
        msg=exc.msg,
    )


def in_path(value: str) -> str:
    """A value (a job id) put in a request's path: percent-encoded whole, so that no value can
    change the path (/, ?, #, % included); a dot segment, which URL parsing resolves, and an
    empty value are refused."""
    if value in ("", ".", ".."):
        raise UsageError(
            f"{value!r} cannot be sent as an id", hint="ids look like 64dd90f9f0b6684651e90d60"
        )
    return quote(value, safe="")


def unknown_outcome(what_happened: str) -> UnknownOutcomeError:
    """The one way akool says that a billable create may or may not have made a job."""
    return UnknownOutcomeError(
        f"{what_happened}; AKOOL may or may not have created the job",
        hint=settle_hint(None),
        request_sent=True,
    )


def _decode(response: RawResponse, what: str) -> dict[str, Any]:
    kind = response.headers.get("content-type", "")
    if not response.body.strip():
        raise UnavailableError(f"AKOOL's answer to {what} was empty (HTTP {response.status})")
    try:
        payload = jsontext.loads(response.body)
    except (ValueError, UnicodeDecodeError):
        looks_html = "html" in kind or response.body.lstrip()[:1] == b"<"
        detail = "an HTML page (a proxy or captive portal?)" if looks_html else "not JSON"
        raise UnavailableError(
            f"AKOOL's answer to {what} was {detail} (HTTP {response.status})",
            hint="check the base URL and any proxy settings (HTTPS_PROXY), then try again",
        ) from None
    if not isinstance(payload, dict):
        raise UnavailableError(f"AKOOL's answer to {what} is JSON but not an object")
    return payload


def _envelope_code(payload: dict[str, Any], what: str) -> int:
    code = payload.get("code")
    if isinstance(code, bool) or not isinstance(code, int):
        raise UnavailableError(f"AKOOL's answer to {what} has no numeric code field")
    return code


def _http_error(response: RawResponse, what: str, base_url: str) -> AkoolError:
    if response.status in (401, 403):
        return AuthRejectedError(
            f"AKOOL refused {what} with HTTP {response.status}",
            hint="check your credential: akool auth status",
        )
    if response.status == 404:
        return RejectedError(
            f"{base_url} has no {what} (HTTP 404)",
            hint="check the base URL (--base-url / AKOOL_BASE_URL); the documented one is "
            f"{contract.DEFAULT_BASE_URL}",
        )
    return RejectedError(
        f"AKOOL answered HTTP {response.status} to {what}",
        hint="run with --debug to see the exchange",
    )


def error_for_code(code: int, msg: str, what: str) -> AkoolError:
    """The typed error for a business code other than 1000."""
    return _business_error(code, msg, contract.describe_code(code), what)


def _business_error(code: int, msg: str, info: contract.BusinessCode, what: str) -> AkoolError:
    detail = f"code {code}" + (f": {msg}" if msg and msg.lower() != info.meaning else "")
    message = f"AKOOL rejected {what}: {info.meaning} ({detail})"
    if info.kind == "auth":
        return AuthRejectedError(message, hint=info.hint, code=code)
    if info.kind == "rate_limit":
        return RateLimitedError(message, hint=info.hint)
    return RejectedError(message, hint=info.hint, code=code, msg=msg)
