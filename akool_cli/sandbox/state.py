"""The sandbox's accounts, tokens and jobs, and how jobs move 1 → 2 → 3 (or 4) over time."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from akool_cli.core.clock import Clock, SystemClock
from akool_cli.core.contract import SANDBOX_API_KEY as SANDBOX_API_KEY
from akool_cli.core.contract import SANDBOX_CLIENT_ID as SANDBOX_CLIENT_ID
from akool_cli.core.prices import RETENTION_SECONDS

# As on AKOOL, the API key and the legacy clientSecret are the same value (AKOOL's authentication docs).
SANDBOX_CLIENT_SECRET = SANDBOX_API_KEY
FAIL_TRIGGER = "fail"
QUEUED_SHARE = 0.25  # of the processing time spent in state 1 before state 2
STARTING_CREDIT = 1234.5
# Credits a finished job of each kind is charged (--price KIND=N), in the field its answers
# document for it; image and text to video at their documented 720p, 5 s price. Speech is
# charged by its text (TTS_CREDITS_PER_1000_CHARACTERS); a failed job costs nothing.
PRICES = {"talking_photo": 10.0, "lipsync": 20.0, "image2video": 20.0, "text2video": 20.0}


@dataclass
class SandboxConfig:
    host: str = "127.0.0.1"
    port: int = 0
    processing_seconds: float = 4.0
    time_scale: float = 1.0  # sandbox seconds per real second (bench runs minutes in seconds)
    api_key: str = SANDBOX_API_KEY
    client_id: str = SANDBOX_CLIENT_ID
    client_secret: str = SANDBOX_CLIENT_SECRET
    video_bytes: int = 0  # padding added to each video (benchmarks of large downloads)
    latency: float = 0.0  # real seconds added to every API answer
    faults: dict[str, float] = field(default_factory=dict)
    seed: int = 0
    expire_token_after: int | None = None
    slow_seconds: float = 0.5
    hold_seconds: float = 120.0  # the longest a "hold" fault keeps an answer (a test's bound)
    file_bytes_per_second: float | None = None  # throttle result files (kill tests)
    quiet: bool = True
    fetch_inputs: bool = False  # GET each input on create, as AKOOL does (loopback only)
    # The most voices one page of the voice list holds, whatever `size` asks (AKOOL documents
    # no maximum; a smaller cap here shows a client that pages by the answer's count).
    max_page_size: int = 100
    credit: float = STARTING_CREDIT  # the balance before any job is charged
    prices: dict[str, float] = field(default_factory=lambda: dict(PRICES))
    retention_seconds: float = RETENTION_SECONDS  # results are deleted this long after finishing

    @classmethod
    def from_env(cls, **overrides: Any) -> SandboxConfig:
        """Credentials may come from the environment, never from argv."""
        config = cls(**overrides)
        config.api_key = os.environ.get("AKOOL_SANDBOX_API_KEY", config.api_key)
        config.client_id = os.environ.get("AKOOL_SANDBOX_CLIENT_ID", config.client_id)
        config.client_secret = os.environ.get("AKOOL_SANDBOX_CLIENT_SECRET", config.client_secret)
        return config


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


MAX_RECEIVED = 100_000


# The sandbox's voices: (voice_id, name, gender, language, locale, model number, style, age,
# scenario). AKOOL's list answers each with the documented fields (see voice_item).
_VOICE_ROWS = (
    ("sbx-en-f-ava", "Ava", "Female", "English", "en", 1, "Calm", "Young", "Advertisement"),
    ("sbx-en-m-noah", "Noah", "Male", "English", "en", 2, "Authoritative", "Middle", "Education"),
    ("sbx-es-f-lucia", "Lucia", "Female", "Spanish", "es", 3, "Cheerful", "Young", "Education"),
    ("sbx-de-m-jonas", "Jonas", "Male", "German", "de", 4, "Calm", "Elderly", "Advertisement"),
    ("sbx-ja-f-yui", "Yui", "Female", "Japanese", "ja", 3, "Cheerful", "Young", "Advertisement"),
)
# type=1 of the voice list: the account's own cloned voices.
_CLONE_ROWS = (
    ("sbx-clone-mine", "My voice", "Male", "English", "en", 1, "Calm", "Middle", "Education"),
)


def voice_item(row: tuple[Any, ...], number: int) -> dict[str, Any]:
    """One voice as the voice list documents it."""
    voice_id, name, gender, language, locale, model, style, age, scenario = row
    return {
        "_id": f"{number:024x}",
        "uid": 100001,
        "team_id": "sandbox-team",
        "voice_id": voice_id,
        "gender": gender,
        "language": language,
        "locale": locale,
        "name": name,
        "preview": "",  # the server fills in its own URL
        "text": f"Hello, I am {name}.",
        "duration": 2000,
        "status": 3,
        "create_time": 1751608916162,
        "update_time": 1751608916162,
        "style": [style],
        "scenario": [scenario],
        "age": [age],
        "deduction_credit": 0,
        "webhookUrl": "",
        "voice_model_name": f"Akool Multilingual {model}",
        # Per the VoiceLab page, only models 1 and 3 stream.
        "support_stream": model in (1, 3),
    }


VOICES: tuple[dict[str, Any], ...] = tuple(
    voice_item(row, n) for n, row in enumerate(_VOICE_ROWS, 1)
)
CLONED_VOICES: tuple[dict[str, Any], ...] = tuple(
    voice_item(row, n) for n, row in enumerate(_CLONE_ROWS, len(_VOICE_ROWS) + 1)
)
# The Pro plan's documented text-to-speech rate, for the deduction_credit the answers carry.
TTS_CREDITS_PER_1000_CHARACTERS = 4.4


def find_voice(voice_id: Any) -> dict[str, Any] | None:
    return next((v for v in (*VOICES, *CLONED_VOICES) if v["voice_id"] == voice_id), None)


def voice_matches(voice: dict[str, Any], query: dict[str, str]) -> bool:
    """The voice list's documented filters: comma-separated lists match any of their values."""
    for key in ("gender", "style", "age", "scenario"):
        wanted = {w.strip().lower() for w in query.get(key, "").split(",") if w.strip()}
        tags = voice[key] if isinstance(voice[key], list) else [voice[key]]
        if wanted and not wanted & {t.lower() for t in tags}:
            return False
    name = query.get("name", "").lower()
    if name and name not in voice["name"].lower():
        return False
    stream = query.get("support_stream")
    return stream is None or voice["support_stream"] == (stream == "1")


@dataclass
class SpeechJob:
    id: str
    created: float
    request: dict[str, Any]
    created_wall: float = 0.0

    @property
    def credit(self) -> float:
        characters = len(str(self.request.get("input_text", "")))
        return round(characters / 1000 * TTS_CREDITS_PER_1000_CHARACTERS, 4)


@dataclass
class SandboxJob:
    id: str
    created: float  # sandbox time
    request: dict[str, Any]
    fingerprint: str
    created_wall: float = 0.0
    failure: str = ""  # why AKOOL could not use the inputs (--fetch-inputs)
    kind: str = "talking_photo"
    cancelled: bool = False

    @property
    def fails(self) -> bool:
        """A talking photo whose image URL, or another job with any input, contains 'fail'."""
        if self.failure:
            return True
        if self.kind == "talking_photo":
            return FAIL_TRIGGER in str(self.request.get("talking_photo_url", "")).lower()
        return any(
            FAIL_TRIGGER in json.dumps(value).lower()  # face swap's URLs sit in lists
            for name, value in self.request.items()
            if name.lower() != "webhookurl"
        )


class SandboxState:
    def __init__(self, config: SandboxConfig, clock: Clock | None = None) -> None:
        self.config = config
        self.clock = clock or SystemClock()
        self._origin = self.clock.monotonic()
        self._lock = threading.Lock()
        self.jobs: dict[str, SandboxJob] = {}
        self.tokens: dict[str, int] = {}  # token -> authenticated uses so far
        self.created_per_request: dict[str, int] = {}
        self.requests: dict[str, int] = {}
        self.polls: dict[str, int] = {}
        self.faults_injected: dict[str, int] = {}
        # Every request as received, so contract tests can check what a client really sent.
        self.received: list[ReceivedRequest] = []
        self._scripted: list[str] = []
        self._scripted_at: dict[str, list[str]] = {}  # endpoint key → its own scripted faults
        self.speech: dict[str, SpeechJob] = {}
        self.analyses: dict[str, SandboxJob] = {}  # head swap's first stage
        self.callbacks: list[tuple[str, int, int]] = []  # (job id, status, receiver's answer)
        self._nonce = 1000
        self.holding = 0  # answers held by a "hold" fault right now
        self._released = threading.Event()

    def hold(self) -> None:
        """A "hold" fault: this answer waits until release() (tests of what happens while a
        request is in flight, with no sleeps), at most hold_seconds."""
        with self._lock:
            self.holding += 1
        try:
            self._released.wait(self.config.hold_seconds)
        finally:
            with self._lock:
                self.holding -= 1

    def release(self) -> None:
        """Let every held answer go (and any held later)."""
        self._released.set()

    def inject(self, *faults: str, at: str | None = None) -> None:
        """Faults for the next requests, in order, before any random ones (for exact tests);
        `at` an endpoint's key (contract.Endpoint.key; "files" for result files): only for
        requests to that endpoint."""
        with self._lock:
            queue = self._scripted if at is None else self._scripted_at.setdefault(at, [])
            queue.extend(faults)

    def clear_faults(self, at: str | None = None) -> None:
        """Drop the scripted faults not yet used (`at`: only that endpoint's)."""
        with self._lock:
            if at is None:
                self._scripted.clear()
            else:
                self._scripted_at.pop(at, None)

    def next_scripted(self, allowed: tuple[str, ...], at: str = "") -> str | None:
        with self._lock:
            for queue in (self._scripted_at.get(at), self._scripted):
                if queue and queue[0] in (*allowed, "none"):
                    fault = queue.pop(0)
                    if fault == "none":
                        return None
                    self.faults_injected[fault] = self.faults_injected.get(fault, 0) + 1
                    return fault
        return None

    def now(self) -> float:
        """Sandbox time in seconds since start, running time_scale times faster than the clock."""
        return (self.clock.monotonic() - self._origin) * self.config.time_scale

    def record_callback(self, job_id: str, status: int, answer: int) -> None:
        with self._lock:
            self.callbacks.append((job_id, status, answer))

    def next_nonce(self) -> int:
        with self._lock:
            self._nonce += 1
            return self._nonce

    def receive(self, request: ReceivedRequest) -> None:
        with self._lock:
            if len(self.received) < MAX_RECEIVED:
                self.received.append(request)

    def count(self, table: dict[str, int], key: str) -> None:
        with self._lock:
            table[key] = table.get(key, 0) + 1

    # -- auth -----------------------------------------------------------------------------------

    def issue_token(self) -> str:
        token = "sbx-" + secrets.token_hex(16)
        with self._lock:
            self.tokens[token] = 0
        return token

    def token_valid(self, token: str) -> bool:
        with self._lock:
            uses = self.tokens.get(token)
            if uses is None:
                return False
            limit = self.config.expire_token_after
            if limit is not None and uses >= limit:
                return False
            self.tokens[token] = uses + 1
            return True

    # -- jobs -----------------------------------------------------------------------------------

    def create_job(
        self, request: dict[str, Any], failure: str = "", kind: str = "talking_photo"
    ) -> SandboxJob:
        fingerprint = hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()
        with self._lock:
            job_id = f"{int(self.clock.time()):08x}"[-8:] + secrets.token_hex(8)
            job = SandboxJob(
                job_id, self.now(), dict(request), fingerprint, self.clock.time(), failure, kind
            )
            self.jobs[job_id] = job
            self.created_per_request[fingerprint] = self.created_per_request.get(fingerprint, 0) + 1
            return job

    def create_analysis(self, request: dict[str, Any]) -> SandboxJob:
        """A head swap analysis: kept apart from the jobs (it is not billed)."""
        with self._lock:
            job_id = f"{int(self.clock.time()):08x}"[-8:] + secrets.token_hex(8)
            job = SandboxJob(
                job_id, self.now(), dict(request), "", self.clock.time(), "", "head_swap_analysis"
            )
            self.analyses[job_id] = job
            return job

    def create_speech(self, request: dict[str, Any]) -> SpeechJob:
        with self._lock:
            job_id = f"{int(self.clock.time()):08x}"[-8:] + secrets.token_hex(8)
            job = SpeechJob(job_id, self.now(), dict(request), self.clock.time())
            self.speech[job_id] = job
            return job

    def speech_status(self, job: SpeechJob) -> int:
        # Speech is quicker than video: a quarter of the processing time.
        elapsed = self.now() - job.created
        total = self.config.processing_seconds / 4
        if elapsed >= total:
            return 3
        return 2 if elapsed >= total * QUEUED_SHARE else 1

    def price(self, kind: str) -> float:
        return float(self.config.prices.get(kind, 0.0))

    def balance(self) -> float:
        """The starting credit less what every finished job was charged, as AKOOL deducts."""
        with self._lock:
            jobs, speech = list(self.jobs.values()), list(self.speech.values())
        spent = sum(self.price(job.kind) for job in jobs if self.status(job) == 3)
        spent += sum(job.credit for job in speech if self.speech_status(job) == 3)
        return round(self.config.credit - spent, 4)

    def expired(self, job: SandboxJob) -> bool:
        """Whether the job's result is deleted: it finished longer ago than the retention."""
        finished = job.created + self.config.processing_seconds
        return self.now() >= finished + self.config.retention_seconds

    def act(self, job: SandboxJob, action: str, reason: str) -> None:
        """Cancel a job (it fails at once, with the reason) or delete it (it is gone)."""
        with self._lock:
            if action == "delete":
                self.jobs.pop(job.id, None)
            else:
                job.failure, job.cancelled = reason, True

    def status(self, job: SandboxJob) -> int:
        if job.cancelled:
            return 4
        elapsed = self.now() - job.created
        total = self.config.processing_seconds
        if elapsed >= total:
            return 4 if job.fails else 3
        if elapsed >= total * QUEUED_SHARE:
            return 2
        return 1

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "jobs": len(self.jobs),
                "created_per_request": dict(self.created_per_request),
                "duplicates": sum(n - 1 for n in self.created_per_request.values() if n > 1),
                "requests": dict(self.requests),
                "polls": dict(self.polls),
                "faults_injected": dict(self.faults_injected),
                "job_ids": sorted(self.jobs),
            }
