"""The sandbox's HTTP side: the documented endpoints, their envelope and codes, video files, faults."""

from __future__ import annotations

import hashlib
import json
import random
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from akool_cli.core import catalogue, contract, kinds, speech
from akool_cli.core.clock import Clock
from akool_cli.core.states import Status
from akool_cli.sandbox import fetch, headswap, images
from akool_cli.sandbox import media_products as media
from akool_cli.sandbox import products as product_answers
from akool_cli.sandbox.files import serve_file
from akool_cli.sandbox.notifier import Notifier
from akool_cli.sandbox.state import (
    CLONED_VOICES,
    VOICES,
    ReceivedRequest,
    SandboxConfig,
    SandboxJob,
    SandboxState,
    SpeechJob,
    find_voice,
    voice_matches,
)

# Faults that strike before the request is handled (nothing happens) and after (the work is done
# but the answer is lost or spoiled): the second kind is what makes a create's outcome unknown.
FAULTS_BEFORE = ("500", "429", "html", "slow")
# Scripted only (state.inject, never dice): the answer waits until state.release().
HELD = ("hold",)
FAULTS_AFTER = ("drop", "truncate", "malformed")
FAULT_NAMES = FAULTS_BEFORE + FAULTS_AFTER
FILES_PREFIX = "/_sandbox/files/"
COPIES_PREFIX = "/_sandbox/copies/"  # where AKOOL keeps its copies of inputs (never served)
AUDIO_PREFIXES = ("/_sandbox/speech/", "/_sandbox/voices/")
STATS_PATH = "/_sandbox/stats"
# What the sandbox answers to an endpoint AKOOL documents (or retired) that it does not imitate:
# AKOOL's documented "no permission" code, as an account without that product would get.
NOT_AVAILABLE_CODE = 1009


def parse_faults(spec: str) -> dict[str, float]:
    """'500=0.1,429=0.05,drop=0.05' → {'500': 0.1, ...}; raises ValueError on nonsense."""
    faults: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, _, value = item.partition("=")
        if name not in FAULT_NAMES:
            raise ValueError(f"unknown fault {name!r} (known: {', '.join(FAULT_NAMES)})")
        probability = float(value)
        if not 0 <= probability <= 1:
            raise ValueError(f"fault {name} needs a probability between 0 and 1")
        faults[name] = probability
    return faults


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # A batch opens 16 connections at once; the default backlog of 5 makes a loaded machine's
    # kernel drop SYNs, and a client's 1.5 s connect timeout then fails a URL that was there.
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        # A client hanging up mid-answer is normal (and injected on purpose): one line at most.
        if not self.state.config.quiet:
            sys.stderr.write(f"sandbox: connection from {client_address} ended early\n")

    state: SandboxState
    occurrences: dict[str, int]
    rng_lock: threading.Lock


# What the sandbox answers, endpoint by endpoint: one table, filled by @route. A new job kind
# adds its two handlers here (see tests/test_job_kinds.py) and nothing else changes.
RouteHandler = Callable[[Any, bytes, dict[str, str], str, "str | None"], None]
ROUTES: dict[str, tuple[contract.Endpoint, RouteHandler]] = {}


def route(endpoint: contract.Endpoint) -> Callable[[RouteHandler], RouteHandler]:
    """Register the function that answers `endpoint` (called with the request handler)."""

    def register(handler: RouteHandler) -> RouteHandler:
        ROUTES[endpoint.key] = (endpoint, handler)
        return handler

    return register


def find_route(method: str, path: str) -> tuple[contract.Endpoint, RouteHandler] | None:
    for endpoint, handler in ROUTES.values():
        if contract.matches(endpoint, method, path):
            return endpoint, handler
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Without this, each answer waits ~40 ms on Nagle + delayed ACK (measured: ~44 ms per answer with it, ~0.5 ms without).
    disable_nagle_algorithm = True
    server: _Server
    server_version = "akool-sandbox"
    _body_digest = ""
    _endpoint_key = ""  # the endpoint this request is for (scripted faults may target it)
    sys_version = ""

    # -- plumbing -------------------------------------------------------------------------------

    @property
    def state(self) -> SandboxState:
        return self.server.state

    def log_message(self, format: str, *args: Any) -> None:
        if not self.state.config.quiet:
            sys.stderr.write(f"sandbox: {self.command} {self.path.split('?')[0]} {args[1]}\n")

    def _roll(self, names: tuple[str, ...], scripted_only: tuple[str, ...] = ()) -> str | None:
        """Maybe a fault for this request: scripted ones first, then seeded dice.

        The dice are thrown per request identity (method, path, query, body) and occurrence,
        not from one shared stream, so concurrent clients see the same faults on every run.
        """
        scripted = self.state.next_scripted((*names, *scripted_only), self._endpoint_key)
        if scripted is not None:
            return scripted
        faults = self.state.config.faults
        if not faults:
            return None
        key = f"{names[0]}|{self.command} {self.path}|{self._body_digest}"
        with self.server.rng_lock:
            occurrence = self.server.occurrences.get(key, 0)
            self.server.occurrences[key] = occurrence + 1
        dice = random.Random(f"{self.state.config.seed}|{key}|{occurrence}")
        for name in names:
            p = faults.get(name, 0.0)
            if p and dice.random() < p:
                self.state.count(self.state.faults_injected, name)
                return name
        return None

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
        after_fault: str | None = None,
    ) -> None:
        if after_fault == "drop":
            self.close_connection = True
            self.connection.close()
            return
        if after_fault == "malformed":
            body = body[: max(1, len(body) // 2)]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command == "HEAD":
            return
        if after_fault == "truncate":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.close()
            return
        self.wfile.write(body)

    def _json(self, payload: dict[str, Any], after_fault: str | None = None) -> None:
        # AKOOL answers business errors with HTTP 200 and a code (AKOOL's docs).
        self._send(200, json.dumps(payload).encode(), after_fault=after_fault)

    def _code(self, code: int, msg: str | None = None) -> None:
        self._json({"code": code, "msg": msg or contract.describe_code(code).meaning})

    def _not_found(self) -> None:
        self._send(404, b"404 page not found\n", "text/plain; charset=utf-8")

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    # -- dispatch -------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        self._endpoint_key = "files" if url.path.startswith(FILES_PREFIX) else ""
        body = self._read_body() if method == "POST" else b""
        self._body_digest = hashlib.sha256(body).hexdigest()[:16]
        self.state.receive(
            ReceivedRequest(
                method=self.command,
                path=url.path,
                query=parse_qs(url.query, keep_blank_values=True),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
            )
        )
        if url.path == STATS_PATH:
            self._send(200, json.dumps(self.state.stats()).encode())
            return
        if url.path.startswith(FILES_PREFIX):
            name = url.path[len(FILES_PREFIX) :]
            small = self._small_file(name)
            if small is not None:
                self._send(200, small[0], small[1])
                return
            serve_file(self, name)
            return
        if url.path.startswith(AUDIO_PREFIXES) and url.path.endswith(".mp3"):
            # The speech and voice previews it hands out play (and pass --fetch-inputs).
            self._send(200, fetch.SPEECH_MP3, "audio/mpeg")
            return
        found = find_route(method, url.path)
        if found is None:
            self._not_implemented(method, url.path)
            return
        endpoint, handler = found
        self._endpoint_key = endpoint.key
        self.state.count(self.state.requests, endpoint.key)
        fault = self._roll(FAULTS_BEFORE, HELD)
        if fault == "slow":
            time.sleep(self.state.config.slow_seconds)
        elif fault == "hold":
            self.state.hold()
        elif fault == "500":
            self._send(500, b'{"message":"internal error"}')
            return
        elif fault == "429":
            self._send(429, b'{"message":"too many requests"}', headers={"Retry-After": "1"})
            return
        elif fault == "html":
            page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
            self._send(502, page, "text/html")
            return
        if self.state.config.latency:
            time.sleep(self.state.config.latency)
        after = self._roll(FAULTS_AFTER)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if endpoint.auth and not self._authorised():
            return
        handler(self, body, query, url.path, after)

    def _not_implemented(self, method: str, path: str) -> None:
        """404 for what AKOOL never documented (/auth, /photo/talking, ...); for its other
        documented or retired endpoints, the envelope saying the sandbox does not offer them."""
        docs = catalogue.load()
        retired = docs.find_retired(path)
        if docs.find(method, path) is None and retired is None:
            self._not_found()
            return
        if self._authorised():
            what = "retired by AKOOL" if retired else "documented by AKOOL"
            self._code(
                NOT_AVAILABLE_CODE, f"{method} {path} is {what} but not available in the sandbox"
            )

    def _authorised(self) -> bool:
        config = self.state.config
        authorization = self.headers.get("Authorization")
        if authorization is not None:
            # With both headers AKOOL uses Authorization and ignores x-api-key (OpenAPI files).
            scheme, _, token = authorization.partition(" ")
            if scheme.lower() != "bearer" or not self.state.token_valid(token.strip()):
                self._code(1101, "invalid or expired token")
                return False
            return True
        key = self.headers.get("x-api-key")
        if key is None:
            self._code(1102, "authorization missing")
            return False
        # The console's "API Key" is the same value as the older clientSecret (AKOOL's docs).
        if key not in (config.api_key, config.client_secret):
            self._code(1109, "account does not exist")
            return False
        return True

    def _parse_json(self, body: bytes) -> dict[str, Any] | None:
        try:
            parsed = json.loads(body or b"null")
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            self._code(1003, "the body must be a JSON object")
            return None
        return parsed

    # -- documented endpoints ------------------------------------------------------------------

    @route(contract.GET_TOKEN)
    def _api_get_token(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        fields = self._parse_json(body)
        if fields is None:
            return
        problems = contract.request_problems(contract.GET_TOKEN, fields)
        if problems:
            self._code(1003, problems[0])
            return
        config = self.state.config
        if fields["clientId"] != config.client_id or fields["clientSecret"] != config.client_secret:
            self._code(1109, "account does not exist")
            return
        # getToken's answer has a top-level token and no data (AKOOL's docs).
        self._json({"code": 1000, "token": self.state.issue_token()}, after)

    @route(contract.CREDIT)
    def _api_credit(self, body: bytes, query: dict[str, str], path: str, after: str | None) -> None:
        data = {"credit": self.state.balance()}  # less what finished jobs were charged
        self._json({"code": 1000, "msg": "OK", "data": data}, after)

    @route(contract.CREATE_TALKING_PHOTO)
    def _api_create_talking_photo(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        fields = self._parse_json(body)
        if fields is None:
            return
        problems = contract.request_problems(contract.CREATE_TALKING_PHOTO, fields)
        if problems:
            self._code(1003, "; ".join(problems))
            return
        # --fetch-inputs: AKOOL accepts the job, then fails it when it cannot use an input.
        failure = fetch.job_failure(fields) if self.state.config.fetch_inputs else ""
        job = self.state.create_job(fields, failure)
        self._json({"code": 1000, "msg": "OK", "data": self._job_data(job, 1)}, after)

    @route(contract.DETECT_FACES)
    def _api_detect_faces(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        fields = self._parse_json(body)
        if fields is None:
            return
        problems = contract.request_problems(contract.DETECT_FACES, fields)
        if problems or not (fields.get("url") or fields.get("img")):
            message = "; ".join(problems) or "Either 'url' or 'img' parameter must be provided"
            self._send(200, json.dumps({"error_code": 1, "error_msg": message}).encode())
            return
        url = fields.get("url")
        count, error = fetch.faces(
            url if isinstance(url, str) else None, self.state.config.fetch_inputs
        )
        if error:
            self._send(200, json.dumps({"error_code": 1, "error_msg": error}).encode())
            return
        text = url if isinstance(url, str) else "uploaded image"
        count = media.face_count(text) if count else 0
        faces = media.detected(text, count, fields, self._base_url())
        answer = {"error_code": 0, "error_msg": "SUCCESS", "faces_obj": faces}
        self._send(200, json.dumps(answer).encode(), after_fault=after)

    @route(contract.VIDEO_INFO)
    def _api_video_info(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        problems = contract.request_problems(contract.VIDEO_INFO, query)
        if problems:
            self._code(1003, "; ".join(problems))
            return
        job = self.state.jobs.get(query["video_model_id"])
        if job is None or kinds.get(job.kind).status.endpoint != contract.VIDEO_INFO:
            self._code(1008, "content does not exist")
            return
        self.state.count(self.state.polls, job.id)
        data = self._answer(job)
        self._json({"code": 1000, "msg": "OK", "data": data}, after)

    def _answer(self, job: SandboxJob) -> dict[str, Any]:
        """A job in its current state, as its product documents it."""
        status = self.state.status(job)
        if job.kind == kinds.TALKING_PHOTO.name:
            return self._job_data(job, status)
        price = self.state.price(job.kind)
        return product_answers.job_object(job, status, self._base_url(), price)

    def create_product(
        self, kind: kinds.JobKind, body: bytes, query: dict[str, str], after: str | None
    ) -> None:
        """Any product's create (products.py): checked, stored, answered as documented."""
        fields = self._parse_json(body)
        if fields is None:
            return
        kind = media.kind_of_create(kind, fields)
        refused = product_answers.check_create(kind, fields) or media.refusal(
            kind, fields, self.state
        )
        if refused is None and kind is kinds.HEAD_SWAP:
            problem = headswap.task_problem(self.state, fields)
            refused = (1003, problem) if problem else None
        if refused is not None:
            self._code(*refused)
            return
        failure = ""
        if self.state.config.fetch_inputs:
            failure = product_answers.input_failure(kind, fields)
        # A create listing its jobs (successList) makes `count` of them, as documented (1-10).
        many = kind.created == ("successList",) and isinstance(fields.get("count"), int)
        count = min(max(fields["count"], 1), 10) if many else 1
        price = self.state.price(kind.name)
        made = [
            product_answers.job_object(
                self.state.create_job(fields, failure, kind.name),
                Status.QUEUED,
                self._base_url(),
                price,
            )
            for _ in range(count)
        ]
        answer = product_answers.created_answer(kind, *made)
        self._json({"code": 1000, "msg": "OK", "data": answer}, after)

    @route(contract.HEADSWAP_ANALYZE)
    def _api_headswap_analyze(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        fields = self._parse_json(body)
        if fields is None:
            return
        problem = headswap.analyze_problem(fields)
        if problem:
            self._code(1003, problem)
            return
        job = self.state.create_analysis(fields)
        data = headswap.analysis_object(job, 1, self._base_url())
        self._json({"code": 1000, "msg": "Analyze success", "data": data}, after)

    @route(contract.HEADSWAP_ANALYSIS)
    def _api_headswap_analysis(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        problems = contract.request_problems(contract.HEADSWAP_ANALYSIS, query)
        job = self.state.analyses.get(query.get("_id", ""))
        if problems or job is None:
            self._code(1003 if problems else 1014, "; ".join(problems) or "resource not found")
            return
        data = headswap.analysis_object(job, self.state.status(job), self._base_url())
        self._json({"code": 1000, "msg": "OK", "data": data}, after)

    @route(contract.MODEL_LIST)
    def _api_models(self, body: bytes, query: dict[str, str], path: str, after: str | None) -> None:
        wanted = query.get("types[]") or query.get("types")
        if not wanted:
            self._code(1003, "types is required")
            return
        data = [m for m in product_answers.MODELS if str(m["type"]) == wanted]
        self._json({"code": 1000, "msg": "OK", "data": data}, after)

    @route(contract.LANGUAGE_LIST)
    def _api_languages(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        data = {"lang_list": list(product_answers.LANGUAGES)}
        self._json({"code": 1000, "msg": "OK", "data": data}, after)

    @route(contract.IMAGE2VIDEO_EFFECTS)
    def _api_effects(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        result = [
            {**effect, "video_url": f"{self._base_url()}/_sandbox/effects/{effect['_id']}.mp4"}
            for effect in product_answers.EFFECTS
        ]
        data = {"result": result, "count": len(result)}
        self._json({"code": 1000, "msg": "OK", "data": data}, after)

    @route(contract.IMAGE2VIDEO_RESULTS)
    def _api_results_by_ids(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        """Many ids in one call: the jobs found, in the order asked (unknown ids are left out)."""
        ids = product_answers.status_ids(kinds.IMAGE2VIDEO, query, body)
        if isinstance(ids, str):
            self._code(1003, ids)
            return
        family = kinds.IMAGE2VIDEO.status.family
        result = []
        for job_id in dict.fromkeys(ids):
            job = self.state.jobs.get(job_id)
            if job is not None and kinds.get(job.kind).status.family == family:
                self.state.count(self.state.polls, job.id)
                result.append(self._answer(job))
        self._json({"code": 1000, "msg": "OK", "data": {"result": result}}, after)

    @route(contract.AVATAR_LIST)
    def _api_avatar_list(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        problems = contract.request_problems(contract.AVATAR_LIST, query)
        if not all(query.get(k, "1").isdigit() for k in ("page", "size", "from", "type")):
            problems.append("from, type, page and size must be numbers")
        if problems:
            self._code(1003, "; ".join(problems))
            return
        found = media.avatars(self.state, query, self._base_url())
        self._json({"code": 1000, "msg": "OK", "data": found}, after)

    @route(contract.VOICE_LIST)
    def _api_voice_list(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        problems = contract.request_problems(contract.VOICE_LIST, query)
        if query.get("support_stream", "1") not in ("1", "2"):
            problems.append("support_stream must be 1 or 2")
        try:
            page = max(1, int(query.get("page", "1")))
            size = min(self.state.config.max_page_size, max(1, int(query.get("size", "10"))))
        except ValueError:
            problems.append("page and size must be numbers")
        if problems:
            self._code(1003, "; ".join(problems))
            return
        kind = (
            [*CLONED_VOICES, *media.cloned_voices(self.state)] if query["type"] == "1" else VOICES
        )
        voices = [v for v in kind if voice_matches(v, query)]
        result = [
            {**v, "preview": f"{self._base_url()}/_sandbox/voices/{v['voice_id']}.mp3"}
            for v in voices[(page - 1) * size : page * size]
        ]
        data = {"result": result, "count": len(voices), "page": page, "size": size}
        self._json({"code": 1000, "msg": "OK", "data": data}, after)

    @route(contract.CREATE_TTS)
    def _api_create_tts(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        fields = self._parse_json(body)
        if fields is None:
            return
        problems = contract.request_problems(contract.CREATE_TTS, fields)
        problems += speech.options_problems(fields.get("voice_options"))
        voice = find_voice(fields.get("voice_id")) or next(
            (v for v in media.cloned_voices(self.state) if v["voice_id"] == fields.get("voice_id")),
            None,
        )
        if not problems and voice is None:
            problems.append(f"voice_id {fields['voice_id']!r} does not exist")
        if len(str(fields.get("input_text", ""))) > speech.TEXT_LIMIT_ANY_PLAN:
            problems.append(f"input_text is longer than {speech.TEXT_LIMIT_ANY_PLAN} characters")
        if problems or voice is None:
            self._code(1003, "; ".join(dict.fromkeys(problems)))
            return
        job = self.state.create_speech(fields)
        self._json({"code": 1000, "msg": "OK", "data": self._speech_data(job, 1, voice)}, after)

    @route(contract.TTS_DETAIL)
    def _api_tts_detail(
        self, body: bytes, query: dict[str, str], path: str, after: str | None
    ) -> None:
        job = self.state.speech.get(path.rstrip("/").rsplit("/", 1)[-1])
        if job is None:
            # A voice change's result is a speech resource too (voiceLab.mdx).
            self.product_status(contract.TTS_DETAIL, body, query, path, after)
            return
        voice = find_voice(job.request["voice_id"]) or next(
            (
                v
                for v in media.cloned_voices(self.state)
                if v["voice_id"] == job.request["voice_id"]
            ),
            VOICES[0],
        )
        result = self._speech_data(job, self.state.speech_status(job), voice)
        # The detail answer documents a few fields the create answer does not.
        for key in ("voice_model_id", "voice_id", "voice_options"):
            result.pop(key, None)
        result.update(update_time=0, rate="100%", priority=2, __v=0)
        result["language_code"] = job.request.get("language_code", "")
        self._json({"code": 1000, "msg": "OK", "data": {"result": result}}, after)

    def _speech_data(self, job: SpeechJob, status: int, voice: dict[str, Any]) -> dict[str, Any]:
        """A speech job with the documented fields; preview stays null until it is done."""
        done = status == 3
        return {
            "create_time": int(job.created_wall * 1000),
            "uid": 100001,
            "team_id": "sandbox-team",
            "input_text": job.request["input_text"],
            "preview": f"{self._base_url()}/_sandbox/speech/{job.id}.mp3" if done else None,
            "status": status,
            "webhookUrl": job.request.get("webhookUrl", ""),
            "duration": 60 * len(job.request["input_text"]) if done else 0,
            "file_name": f"{job.id}.mp3",
            "gender": voice["gender"],
            "deduction_credit": job.credit,
            "name": job.id,
            "_id": job.id,
            "voice_model_id": voice["_id"],
            "voice_id": voice["voice_id"],
            "voice_options": dict(job.request.get("voice_options") or {}),
        }

    def _copy_of(self, job: SandboxJob, url: str) -> str:
        """AKOOL's copy of a talking photo's image, as its answers give it (talking-photo.yaml:
        talking_photo is a URL of AKOOL's own, never the talking_photo_url sent): one per
        create, the same in the create's answer and in every status of the job."""
        if not url:
            return ""
        digest = hashlib.sha256(f"{job.id}\n{url}".encode()).hexdigest()[:20]
        return f"{self._base_url()}{COPIES_PREFIX}{int(job.created_wall * 1000)}-{digest}.jpeg"

    def _job_data(self, job: SandboxJob, status: int) -> dict[str, Any]:
        request = job.request
        data: dict[str, Any] = {
            "faceswap_quality": 2,
            "storage_loc": 1,
            "_id": job.id,
            "create_time": int(job.created_wall * 1000),
            "uid": 100001,
            "type": 5,
            "from": 2,
            "video_lock_duration": 0.8,
            "deduction_lock_duration": 10,
            "external_video": "",
            "talking_photo": self._copy_of(job, str(request.get("talking_photo_url", ""))),
            "video": "",
            "__v": 0,
            "video_status": status,
            "prompt": request.get("prompt", ""),
            "resolution": request.get("resolution", "720"),
        }
        if status == 3:
            data["video"] = f"{self._base_url()}{FILES_PREFIX}{job.id}.mp4"
            # "credits consumed by the final result", charged when the job finishes.
            data["deduction_duration"] = self.state.price(job.kind)
        if status == 4:
            # infobymodelid documents error_code and error_reason for a failed job (state 4).
            data["error_code"] = 1108
            data["error_reason"] = job.failure or (
                "no usable face found in the portrait (sandbox: the image URL contains 'fail')"
            )
        return data

    def product_status(
        self, endpoint: contract.Endpoint, body: bytes, query: dict[str, str], path: str, after: Any
    ) -> None:
        """Any product's status endpoint: the jobs asked about (by query, body or path), each as
        its product documents it; one id that does not exist is code 1008."""
        if "{" in endpoint.path:
            ids: list[str] | str = [path.rstrip("/").rsplit("/", 1)[-1]]
        else:
            ids = product_answers.status_ids(media.status_kinds(endpoint)[0], query, body)
        if isinstance(ids, str):
            self._code(1003, ids)
            return
        objects = {}
        for job_id in ids:
            job = self.state.jobs.get(job_id)
            if job is not None and kinds.get(job.kind).status.endpoint == endpoint:
                self.state.count(self.state.polls, job.id)
                objects[job_id] = self._answer(job)
        data = media.status_data(endpoint, ids, objects)
        if data is None:
            self._code(1008, "content does not exist")
            return
        self._json({"code": 1000, "msg": "OK", "data": data}, after)

    def ids_action(self, endpoint: contract.Endpoint, action: str, body: bytes, after: Any) -> None:
        """A documented cancel (the job stops, failed) or delete (the job is gone) by ids."""
        fields = self._parse_json(body)
        if fields is None:
            return
        problems = contract.request_problems(endpoint, fields)
        if problems:
            self._code(1003, "; ".join(problems))
            return
        param = endpoint.body[0].name
        done, refused = [], {}
        for wanted in media.acted_on(kinds.TALKING_PHOTO, param, fields):
            job = self._job_for_action(endpoint, action, wanted)
            if job is None:
                refused[wanted] = "not found"
            elif action == "delete" and self.state.status(job) not in (3, 4):
                refused[wanted] = "video resource is processing, please try again later"
            elif action == "cancel" and self.state.status(job) in (3, 4):
                refused[wanted] = "the task has finished"  # a cancel stops a running task
            else:
                self.state.act(job, action, media.CANCELLED)
                done.append(wanted)
        data = media.action_answer(endpoint, done, refused)
        payload: dict[str, Any] = {"code": 1000, "msg": "OK"}
        if data is not None:
            payload["data"] = data
        self._json(payload, after)

    def _job_for_action(self, endpoint: contract.Endpoint, action: str, wanted: str) -> Any:
        for job in list(self.state.jobs.values()):
            kind = kinds.get(job.kind)
            call = kind.cancel if action == "cancel" else kind.delete
            if call is None or call.endpoint != endpoint:
                continue
            handle = media.job_id_of(job.id) if call.source == "job_id" else job.id
            if handle == wanted:
                return job
        return None

    def _small_file(self, name: str) -> tuple[bytes, str] | None:
        """A finished job's image or audio, or a face crop of face detection (None: not one)."""
        stem, _, extension = name.rpartition(".")
        if stem.startswith("face-"):
            return images.small_file(".jpg", stem)
        job = self.state.jobs.get(stem.split(".", 1)[0])
        if job is None or self.state.status(job) != Status.DONE:
            return None
        return images.small_file(f".{extension}", job.id, webp=media.serves_webp(job.request))

    def _base_url(self) -> str:
        return _address_url(self.server)


def _product_route(kind: kinds.JobKind) -> RouteHandler:
    def answer(handler: Any, body: bytes, query: dict[str, str], path: str, after: Any) -> None:
        handler.create_product(kind, body, query, after)

    return answer


def _status_route(endpoint: contract.Endpoint) -> RouteHandler:
    def answer(handler: Any, body: bytes, query: dict[str, str], path: str, after: Any) -> None:
        handler.product_status(endpoint, body, query, path, after)

    return answer


def _action_route(endpoint: contract.Endpoint, action: str) -> RouteHandler:
    def answer(handler: Any, body: bytes, query: dict[str, str], path: str, after: Any) -> None:
        handler.ids_action(endpoint, action, body, after)

    return answer


for _endpoint, _action in media.action_endpoints().values():
    ROUTES[_endpoint.key] = (_endpoint, _action_route(_endpoint, _action))
for _variant in kinds.VARIANTS:
    if _variant.endpoint is not None:  # documented fields: served as its kind's create
        _made = _variant.as_kind()
        ROUTES.setdefault(_made.create.key, (_made.create, _product_route(_made)))
for _kind in product_answers.served():
    # Kinds that share a create (Face Swap Plus on images and videos) share its handler.
    ROUTES.setdefault(_kind.create.key, (_kind.create, _product_route(_kind)))
    _status = _kind.status.endpoint
    ROUTES.setdefault(_status.key, (_status, _status_route(_status)))


def _address_url(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    name = host.decode() if isinstance(host, bytes) else str(host)
    return f"http://[{name}]:{port}" if ":" in name else f"http://{name}:{port}"


@dataclass
class Sandbox:
    """A running sandbox; stop() shuts it down."""

    server: _Server
    thread: threading.Thread | None
    notifier: Notifier | None = None

    @property
    def state(self) -> SandboxState:
        return self.server.state

    @property
    def base_url(self) -> str:
        return _address_url(self.server)

    def file_url(self, job_id: str) -> str:
        return f"{self.base_url}{FILES_PREFIX}{job_id}.mp4"

    def stop(self) -> None:
        if self.notifier is not None:
            self.notifier.stop()
        self.server.shutdown()
        self.server.server_close()

    def serve_forever(self) -> None:
        self.server.serve_forever(poll_interval=0.2)


def start_sandbox(
    config: SandboxConfig | None = None, *, clock: Clock | None = None, background: bool = True
) -> Sandbox:
    """Bind (port 0 picks a free port) and, in the background by default, serve."""
    config = config or SandboxConfig()
    server = _Server((config.host, config.port), Handler)
    server.state = SandboxState(config, clock)
    server.occurrences = {}
    server.rng_lock = threading.Lock()
    thread = None
    if background:
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        thread.start()
    sandbox = Sandbox(server, thread)
    sandbox.notifier = Notifier(server.state, sandbox.base_url)
    sandbox.notifier.start()
    return sandbox
