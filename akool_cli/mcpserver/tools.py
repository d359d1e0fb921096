"""What `akool mcp`'s tools are and do, on akool's library; no MCP SDK here (server.py wires it).

The tools come from the job kinds: one create tool per product (its input schema generated from
the product's documented parameters, core/products.py), then `wait`, `status`, `download`,
`upload`, `credit` and `history`. Everything goes through the public `akool_cli.Client` (the
import contracts hold it to that, as the CLI): each create is claimed by a key (`Once`: the
tool's name and arguments, or the caller's `idempotency_key`) in the session's run (`Run`: the
ledger and the budget), so a client that retries a call gets the job the first call made instead
of a second, billed one. Files are read and written only under the server's folder (--dir).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from akool_cli.client import Client, FirstStep, Job, Once, Run, RunRecord, make_folder
from akool_cli.core import contract, interrupts, kinds, products, redact
from akool_cli.core.durations import iso
from akool_cli.core.errors import (
    AkoolError,
    BudgetExceededError,
    OtherCredentialError,
    TargetExistsError,
    UsageError,
)
from akool_cli.core.kinds import JobKind
from akool_cli.core.mediatypes import Role
from akool_cli.core.numbers import plain_number
from akool_cli.core.validate import check_job_id
from akool_cli.mcpserver.staged import Staged, StagedJobs

T = TypeVar("T")

SPENDS = "Spends AKOOL credits (billed)."
# What one call may carry: a text without a documented limit, a URL, all the arguments (JSON).
MAX_CHARS = 10_000
# Caps by field name where AKOOL documents none for that product (a documented maxLength wins:
# text to video's prompt 5,000 and negative_prompt 1,000, character swap's prompt 500). A label
# and a key are short; a prompt as long as AKOOL's longest documented one; the talking avatar's
# text as long as AKOOL's largest plan takes (Business: 50,000), as `akool avatar` allows.
TEXT_CAPS: dict[str, int] = {
    "name": 200,
    "idempotency_key": 200,
    "prompt": 5_000,
    "negative_prompt": 1_000,
    "input_text": contract.TALKING_AVATAR_MAX_TEXT,
}
MAX_URL_CHARS = 4096  # presigned URLs run to ~2000
MAX_ARGUMENTS_BYTES = 256_000
NAME_MAX = 255  # bytes in one file name (Linux, macOS, Windows: 255)
PATH_MAX = 4096  # bytes in a whole path, its final NUL included (Linux)
# Without an idempotency_key, the same tool with the same arguments within this long is one call
# retried (a client that timed out): it gets the job made first. After it, a new job is made.
SAME_CALL_SECONDS = 3600.0
COMMON: dict[str, dict[str, Any]] = {
    "name": {"type": "string", "description": "A label for the job in akool's history."},
    "idempotency_key": {
        "type": "string",
        "description": "Any string you choose: calls with the same key make at most one job, "
        "whatever their arguments and however long apart. Without it, the same arguments "
        "within an hour are one call.",
    },
    "account": {
        "type": "string",
        "enum": ["same", "new"],
        "description": "Only when a call was refused because creates were made on this server "
        "with another credential (a rotated key, an API key after clientId/clientSecret): "
        '"same" if it is the same AKOOL account (their jobs are picked up; a create of theirs '
        'whose outcome is unknown must be settled first), "new" if it is another account '
        "(made again, billed). Recorded once per credential; not part of the call's identity.",
    },
}
# How a refusal for another credential's creates (OtherCredentialError) says the choice here.
ACCOUNT_WORDS = ('account: "same"', 'account: "new"', "call the tool again")
TALK_PARAMS: dict[str, dict[str, Any]] = {
    "image_url": {
        "type": "string",
        "description": "The portrait: a URL AKOOL can fetch.",
        "format": "uri",
        "maxLength": MAX_URL_CHARS,
    },
    "audio_url": {
        "type": "string",
        "description": "The speech recording: a URL (MP3).",
        "format": "uri",
        "maxLength": MAX_URL_CHARS,
    },
    "prompt": {"type": "string", "description": "How the portrait should move."},
    "resolution": {"type": "string", "enum": ["720", "1080"], "description": "Video height."},
}
JOB_ID = {"type": "string", "description": "The job id a create tool returned.", "maxLength": 64}
# The SDK's stdio client closes stdin, then SIGTERMs after 2 s: the closing balance waits less.
CLOSING_BALANCE_SECONDS = 1.0
# After a signal, creates in flight get interrupts.ANSWER_GRACE_SECONDS, the closing balance this
# much: the session ends within 2 s of the signal, as every command does.
STOPPING_BALANCE_SECONDS = 0.3
EXPIRY_WARNING_SECONDS = 86400.0  # status and wait warn about an unsaved result this close
HEARTBEAT_SECONDS = 10.0  # progress at least this often during a long call (clients want <= 15)
UPLOAD_TTL_SECONDS = 86400  # how long an uploaded file's presigned URL works (24 h)
REMAKE_HINT = "to have the video, make it again with the same create tool (billed again)"
REPLACE_HINT = "call download again with another path, or with replace: true to replace that file"
ROLES: dict[str, Role] = {"image": "image", "audio": "audio", "video": "video"}
# Hints the library words for the command line (its flags), as a tool's answer words them (its
# arguments): an MCP answer never names a CLI flag (break17f F6). Applied to every tool error.
TOOL_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"use it: akool avatar (\S+) \.\.\.; or add another with a different --name or --id"
        ),
        r"use it: call the avatar tool with avatar_id \1; or call avatars_add with another name "
        r"or avatar_id",
    ),
    (re.compile(r"translate without --lipsync"), "call translate without lipsync"),
    (
        re.compile(r"one --face per person \(a list of faces in Python\)"),
        "one URL per person in faces",
    ),
    (re.compile(r"give at most (\d+) --face\b"), r"give at most \1 URLs in faces"),
    (re.compile(r"see: akool [a-z0-9 -]+ --help"), "see the tool's input schema (tools/list)"),
    (re.compile(r"use --resolution 720 or --resolution 1080"), 'use resolution "720" or "1080"'),
    (
        re.compile(r"check the job id: akool status \(lists the jobs you created\)"),
        "check the job_id: the history tool lists the jobs made here",
    ),
    (re.compile(r"check the job: akool status (\S+)"), r"call status with job_id \1"),
    (re.compile(r"check the inputs and options, then"), "check the arguments, then"),
    (re.compile(r"\brun the command again\b"), "call the tool again"),
)


@dataclass(frozen=True)
class ToolSpec:
    name: str
    description: str
    input_schema: dict[str, Any]
    billing: bool = False  # it spends credits (its description says so)
    kind: JobKind | None = None  # a create tool's kind


def _object(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    """An input schema; every string has a maxLength (its documented one, else TEXT_CAPS's
    for its name, else MAX_CHARS)."""
    for name, schema in properties.items():
        if schema["type"] == "string" and "maxLength" not in schema:
            properties[name] = {**schema, "maxLength": TEXT_CAPS.get(name, MAX_CHARS)}
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def param_schema(param: products.Param, documented: contract.Field | None) -> dict[str, Any]:
    """One documented request field as a JSON schema property."""
    schema: dict[str, Any] = {"type": param.type}
    text = param.help
    if param.media is not None:
        text += f" A URL AKOOL can fetch ({param.media}); upload a local file first with `upload`."
        schema.update(format="uri", maxLength=MAX_URL_CHARS)
    if text:
        schema["description"] = text.strip()
    if param.default is not None:
        schema["default"] = param.default
    if param.minimum is not None:
        schema["minimum"] = param.minimum
    if param.maximum is not None:
        schema["maximum"] = param.maximum
    if documented is not None and documented.enum and param.type != "boolean":
        cast = {"integer": int, "number": float}.get(param.type, str)  # the field's own type
        schema["enum"] = [cast(choice) for choice in documented.enum]
    if documented is not None and documented.max_length:
        schema["maxLength"] = documented.max_length
    return schema


def product_schema(product: products.Product) -> dict[str, Any]:
    """A product's create tool input: its documented parameters, the required ones required."""
    fields = {f.name: f for f in product.kind.create.body}
    properties = {p.name: param_schema(p, fields.get(p.name)) for p in product.params}
    wanted = [
        p
        for p in product.params
        if p.name in fields and fields[p.name].required and p.default is None
    ]
    required = [p.name for p in wanted if not _derived(product, p.name, wanted)]
    # A product's own `name` (a cloned voice's, an uploaded avatar's) is its field, and the label.
    common = {k: v for k, v in COMMON.items() if k not in properties}
    return _object({**properties, **common}, required)


SAMPLES: dict[str, Any] = {"string": "x", "integer": 1, "number": 1, "boolean": True}


def _derived(product: products.Product, name: str, wanted: list[products.Param]) -> bool:
    """Whether akool fills `name` in itself from the other required fields (an avatar's id
    from its name, where its URL comes from), so that a call need not give it."""
    if product.derive is None:
        return False
    given: dict[str, Any] = {
        p.name: "https://example.com/x.mp4" if p.media else SAMPLES.get(p.type, "x")
        for p in wanted
        if p.name != name
    }
    try:
        product.derive(given)
    except (KeyError, TypeError, ValueError):
        return False  # it needs what only a call gives
    return name in given


def tool_specs() -> list[ToolSpec]:
    """Every tool: a create tool per product (new kinds appear here by themselves), then the rest."""
    specs = [
        ToolSpec(
            "talk",
            f"Create a talking-photo video: a portrait speaking a recording. {SPENDS} Returns the "
            "job id at once; then call `wait`, then `download`.",
            _object({**TALK_PARAMS, **COMMON}, ["image_url", "audio_url"]),
            billing=True,
            kind=kinds.TALKING_PHOTO,
        )
    ]
    for product in products.PRODUCTS.values():
        kind = product.kind
        schema = product_schema(product)
        if kind is kinds.HEAD_SWAP:
            schema = _headswap_schema(schema)
        specs.append(
            ToolSpec(
                tool_name(kind),
                f"Create {_article(kind.noun)} {kind.noun} job: {product.summary}. {SPENDS} "
                "Returns the job id at once; then call `wait`, then `download`.",
                schema,
                billing=True,
                kind=kind,
            )
        )
    return [*specs, *FIXED]


def _headswap_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Head swap's tool takes the faces, as `akool headswap` does: akool asks AKOOL's analysis of
    the video first (free) and maps them to its people; AKOOL refuses `mappings` without it."""
    properties = {k: v for k, v in schema["properties"].items() if k != "mappings"}
    properties["faces"] = {
        "type": "array",
        "items": {"type": "string", "format": "uri", "maxLength": MAX_URL_CHARS},
        "minItems": 1,
        "maxItems": contract.HEADSWAP_MAX_FACES,
        "description": "One face image URL per person in the video, in the order AKOOL's "
        "analysis lists them (akool asks for the analysis first; it is not billed).",
    }
    required = [r for r in schema["required"] if r != "mappings"] + ["faces"]
    return _object(properties, required)


def tool_name(kind: JobKind) -> str:
    """A create tool's name: the kind's command as MCP names go (faceswap --plus: faceswap_plus)."""
    return re.sub(r"[^A-Za-z0-9]+", "_", kind.command or kind.name).strip("_")


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


FIXED = (
    ToolSpec(
        "wait",
        "Wait for a job, sending progress notifications; returns within the server's ceiling "
        "(50 s by default) with the state so far. When `finished` is false, call `wait` again.",
        _object({"job_id": JOB_ID}, ["job_id"]),
    ),
    ToolSpec(
        "status",
        "A job's current state from AKOOL (recorded in akool's history), with when its result "
        "expires (AKOOL deletes results 7 days after they finish).",
        _object({"job_id": JOB_ID}, ["job_id"]),
    ),
    ToolSpec(
        "download",
        "Save a finished job's result under the server's folder (--dir), resumable and "
        "verified. `path` is relative to that folder (a file, or a folder ending in /); a path "
        "outside it is refused.",
        _object(
            {
                "job_id": JOB_ID,
                "path": {"type": "string", "description": "Relative to --dir."},
                "replace": {
                    "type": "boolean",
                    "default": False,
                    "description": "Replace another file already at `path` (else it is kept "
                    "and the call is a tool error).",
                },
            },
            ["job_id"],
        ),
    ),
    ToolSpec(
        "upload",
        "Upload a local file (under the server's folder) to the user's own bucket (the "
        "upload-to setting) and return a presigned URL to give a create tool.",
        _object(
            {
                "path": {"type": "string", "description": "Relative to --dir."},
                "role": {"type": "string", "enum": ["image", "audio", "video"]},
            },
            ["path", "role"],
        ),
    ),
    ToolSpec("credit", "The account's credit balance.", _object({}, [])),
    ToolSpec(
        "history",
        "The newest jobs in akool's history: inputs, outputs, costs and expiry.",
        _object(
            {
                "limit": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 20},
                "kind": {"type": "string", "description": "Only jobs of this kind."},
            },
            [],
        ),
    ),
)


@dataclass
class Settings:
    """`akool mcp`'s options."""

    folder: Path  # --dir: the only place tools read and write files
    max_credits: float | None = None
    ceiling: float = 50.0  # seconds a `wait` call may take
    poll: float = 3.0  # seconds between state requests in `wait`
    upload_to: str | None = None
    heartbeat: float = HEARTBEAT_SECONDS  # progress at least this often during a long call


@dataclass
class Session:
    """One server process: the client, its folder, and its run in the ledger (with its budget)."""

    client: Client
    settings: Settings
    run: Run | None = None
    staged: StagedJobs = field(default_factory=StagedJobs)  # head swaps being analysed
    abandoned: list[int] = field(default_factory=list)  # creates a stop left unknown (close)
    ended: threading.Event = field(default_factory=threading.Event)  # the client closed stdin

    def read(self, fn: Callable[[], T], dropped: threading.Event | None = None) -> T:
        """fn, a read (a state, the balance, the history), ended at once when the client has
        closed stdin or `dropped` is set (the wait call it serves has answered): nobody wants
        its answer, and a silent server must not hold the process for its retries (break17i
        I9). Creates are never read so: they are answered and recorded first."""
        with interrupts.cancelled_by(self.ended):
            if dropped is None:
                return fn()
            with interrupts.cancelled_by(dropped):
                return fn()

    def end(self) -> None:
        """The client closed stdin: reads in flight end, no wait call goes on polling."""
        self.ended.set()

    def shown(self, tool: str, result: dict[str, Any]) -> dict[str, Any]:
        """A tool's result as the agent sees it: as `--json` prints it, secrets this process
        knows and every URL's signing parts masked (a result URL's X-Amz-Signature, break17g
        G13: `download` fetches it), except `upload`'s URL, made to be passed to a create."""
        if tool in UNMASKED_TOOLS:
            return result
        shown: dict[str, Any] = self.client.session.redactor.fields(result)
        return shown

    def error(self, error: AkoolError) -> AkoolError:
        """An error as the agent sees it: in tool words (in_tool_words), masked as a result."""
        error = in_tool_words(error)
        error.message = self.client.session.redactor.text(error.message)
        error.hint = self.client.session.redactor.text(error.hint) if error.hint else error.hint
        return error

    def start(self) -> list[RunRecord]:
        """The session's run in the ledger (its budget reads the balance on the first create);
        returns the runs of killed processes (earlier sessions, batches) closed as lost first."""
        lost = self.client.close_lost_runs()
        self.run = self.client.start_run("mcp", "akool mcp", max_credits=self.settings.max_credits)
        return lost

    def stop(self) -> None:
        """Start no create any more: those being sent finish and are recorded (a signal)."""
        if self.run is not None:
            self.run.stop()

    def close(
        self, outcome: str = "closed", *, forced: bool = False, grace: float | None = None
    ) -> str | None:
        """End the session's run in the ledger (once): no create starts any more, those being
        sent are answered and recorded first, then the run is ended, then the closing balance
        read for at most CLOSING_BALANCE_SECONDS (a client stops a server a few seconds after
        closing its stdin). `grace` (a first signal): creates being sent wait that long for
        their answer, then are recorded as unknown outcomes (`abandoned`), and the balance is
        read for STOPPING_BALANCE_SECONDS. `forced` (a second signal): at once, without reading
        the balance; a create still being sent is left claimed (an unknown outcome). Returns a
        note when the closing balance was wanted but not read."""
        if self.run is None:
            return None
        self.run.stop()
        within = CLOSING_BALANCE_SECONDS if grace is None else STOPPING_BALANCE_SECONDS
        if not forced and not self.run.settle(grace):
            self.abandoned = self.run.abandon()
        return self.client.end_run(
            self.run, outcome, read_balance=not forced, balance_within=within
        )

    # -- creating ----------------------------------------------------------------------------

    def create(self, spec: ToolSpec, arguments: dict[str, Any]) -> dict[str, Any]:
        """A create tool's call: checked, claimed (a retry gets the first call's job), sent once."""
        assert spec.kind is not None
        kind = spec.kind
        product = products.for_kind(kind)
        own = {p.name for p in product.params} if product is not None else set()
        fields = {
            k: v for k, v in arguments.items() if v is not None and (k not in COMMON or k in own)
        }
        name = str(arguments.get("name") or "")
        account = arguments.get("account")
        once = Once(claim_key(spec.name, arguments))
        if "idempotency_key" not in arguments:
            once = Once(once.key, within=SAME_CALL_SECONDS)
        _only_urls(kind, fields)
        if kind is kinds.HEAD_SWAP:
            return self._headswap(fields, name, once, account)
        try:
            if kind is kinds.TALKING_PHOTO:
                job = self.client.talk(
                    fields.get("image_url", ""),
                    fields.get("audio_url", ""),
                    prompt=fields.get("prompt"),
                    resolution=fields.get("resolution"),
                    name=name,
                    once=once,
                    run=self.run,
                    account_choice=account,
                )
            else:
                job = self.client.make(
                    kind.command or kind.name,
                    fields,
                    name=name,
                    once=once,
                    run=self.run,
                    account_choice=account,
                )
        except BudgetExceededError as exc:
            raise _over_budget(exc) from None
        except OtherCredentialError as exc:
            raise _as_tool_says(exc) from None
        return _made(job, job.repeated)

    def _headswap(
        self, fields: dict[str, Any], name: str, once: Once, account: str | None
    ) -> dict[str, Any]:
        """Head swap's create tool: answered once AKOOL took the analysis (not billed), which
        may outlast a client's call timeout; the session's thread then makes the task."""

        def make(on_analysis: Callable[[str], None]) -> Job:
            return self.client.headswap(
                fields.get("video_url", ""),
                fields.get("faces", []),
                resolution=fields.get("resolution"),
                keep_sound=fields.get("keep_original_sound"),
                template_id=fields.get("template_id"),
                name=name,
                once=once,
                run=self.run,
                on_analysis=on_analysis,
                account_choice=account,
            )

        staged, again = self.staged.start(once.key, make)
        if staged.over.is_set() and not staged.analysis_id:  # no analysis was needed or taken
            if staged.job is not None:
                return _made(staged.job, again or staged.job.repeated)
            raise _staged_error(staged)
        return {
            "job_id": staged.analysis_id,
            "kind": kinds.HEAD_SWAP.name,
            "state": "analysing",
            "repeated_call": again,
            "next": f"AKOOL is analysing the video's people (not billed); akool then makes the "
            f"head swap (billed) by itself. Call wait with job_id {staged.analysis_id}: it "
            "follows the analysis, then the job; then download",
        }

    # -- following ---------------------------------------------------------------------------

    def status(self, job_id: str) -> dict[str, Any]:
        """The job's state from AKOOL, recorded, with its expiry; a head swap's analysis id
        (what its create tool answered) as the analysis, then as the job it became."""
        job_id = check_job_id(job_id)
        staged = self.staged.find(job_id)
        # Another create's job (a server reused its id) is an error, as for watch and download.
        if staged is None:
            step = self._step(job_id)
            if step is not None and step.pending:
                return _analysing(job_id, step.state)
            found = self.client.status(job_id, detached_ok=False)  # an analysis id: its job
            view = self.describe(found)
            return view if found.id == job_id else {**view, "analysis_id": job_id}
        if staged.job is not None:
            found = self.client.status(staged.job.id, detached_ok=False)
            return {**self.describe(found), "analysis_id": job_id}
        if staged.failed:
            raise _staged_error(staged)
        return _analysing(job_id)

    def _step(self, job_id: str) -> FirstStep | None:
        """A head swap's analysis an earlier session (or command) recorded, when `job_id` is
        one and no job of the history has that id."""
        return None if self.client.recorded(job_id) else self.client.first_step(job_id)

    def job_of(self, job_id: str) -> str:
        """The job id behind an id a create tool answered (a head swap's analysis id)."""
        staged = self.staged.find(job_id)
        if staged is None:
            step = self._step(job_id)
            if step is None or not step.pending:
                return self.client.job_named(job_id)  # its job, or why it has none
        elif staged.job is not None:
            return staged.job.id
        elif staged.failed:
            raise _staged_error(staged)
        raise UsageError(
            f"{job_id} is a head swap still being analysed: there is no result yet",
            hint="call wait with this job_id until it is finished, then download",
        )

    def describe(self, job: Job) -> dict[str, Any]:
        now = self.client.clock.time()
        view = job.to_json(now=now)
        view["finished"] = job.finished
        if job.done and job.expires_at is not None:
            view["expires_at"] = iso(job.expires_at)
            view["saved"] = bool(job.downloaded_path)
            left = job.expires_at - now
            if not job.downloaded_path and view["expired"]:
                view["warning"] = _expired(job)
            elif not job.downloaded_path and left < EXPIRY_WARNING_SECONDS:
                when = f"in about {left / 3600:.0f} h" if left >= 3600 else "within the hour"
                view["warning"] = (
                    f"AKOOL deletes this result {when} and it was never downloaded: call "
                    "download now"
                )
        return view

    @staticmethod
    def next_step(view: dict[str, Any]) -> str:
        """What a finished job's `wait` says to do next: download it, unless AKOOL deleted it."""
        state = view.get("state", "unknown")
        if view.get("expired") and not view.get("saved"):
            return f"{state}, but {view['warning']}"
        return f"{state}; call download to save the result"

    def last_known(self, job_id: str) -> dict[str, Any]:
        """The history's last state of a job (AKOOL did not answer in time)."""
        staged = self.staged.find(job_id)
        if staged is not None and staged.job is None:
            return _analysing(job_id)
        step = self._step(job_id) if staged is None else None
        if step is not None and step.pending:
            return _analysing(job_id, step.state)
        job = self.client.recorded(staged.job.id if staged and staged.job else job_id)
        if job is None:
            return {"id": job_id, "state": "unknown", "finished": False}
        return self.describe(job)

    # -- files -------------------------------------------------------------------------------

    def inside(self, path: str | None) -> Path:
        """A path under the folder, or UsageError: no absolute path, no `..` or symlink out."""
        base = self.settings.folder.resolve()
        if not path:
            return base
        if "\x00" in path:
            raise UsageError(
                f"{path!r} has a NUL byte, which no file name can hold",
                hint="give a path relative to the server's --dir, without NUL characters",
            )
        if Path(path).is_absolute() or path.startswith("~"):
            raise _outside(path)
        _check_lengths(base, path)
        resolved = (base / path).resolve()  # `..` and every symlink on the way, followed
        if resolved != base and base not in resolved.parents:
            raise _outside(path)
        return resolved

    def download(self, job_id: str, path: str | None, replace: bool = False) -> dict[str, Any]:
        """A finished job's result under the folder (the job must be done: see `wait`); another
        file in the way is kept unless `replace`."""
        job_id = self.job_of(check_job_id(job_id))
        where = self.inside(path)
        folder = not path or path.endswith(("/", os.sep)) or where.is_dir()
        job = self.client.status(job_id)
        if not job.finished:
            raise UsageError(
                f"job {job_id} is {job.state}, not finished yet",
                hint="call wait with this job_id until it is finished, then download",
            )
        if job.expired(self.client.clock.time()) and not job.downloaded_path:
            raise UsageError(_expired(job), hint=REMAKE_HINT)
        # The folder (or a file's folder) is made when missing, inside --dir: an agent has no
        # `mkdir` to follow a hint with (break17k K6).
        make_folder(
            where if folder else where.parent,
            what="the folder",
            hint="choose another path under the folder (a file may be in the way)",
        )
        # The file's own name is resolved too: a link planted under the folder is followed.
        target = self.client.targets(f"{where}/" if folder else where, [job_id], force=True)
        chosen = self.inside(os.path.relpath(target[job_id], self.settings.folder.resolve()))
        try:
            saved = self.client.download(job_id, chosen, force=replace)
        except TargetExistsError as exc:  # its hint names the CLI's --force
            raise TargetExistsError(exc.message, hint=REPLACE_HINT) from None
        found = self.client.recorded(job_id)
        return {**self.describe(found or job), "path": str(saved)}

    def upload(self, path: str, role: str) -> dict[str, Any]:
        """A local file under the folder, uploaded to the user's bucket: a presigned URL."""
        source = self.inside(path)
        if role not in ROLES:
            raise UsageError(f"role must be one of {', '.join(ROLES)}", hint="e.g. role image")
        url = self.client.upload(source, ROLES[role], upload_to=self.settings.upload_to)
        return {"url": url, "path": str(source), "expires_in_seconds": UPLOAD_TTL_SECONDS}

    # -- the account -------------------------------------------------------------------------

    def credit(self) -> dict[str, Any]:
        return {"credit": self.client.credit()}

    def history(self, limit: int, kind: str | None) -> dict[str, Any]:
        """The newest jobs first (of one kind, if asked), as `akool history --json` has them."""
        rows = self.client.history(kind=kind or None, newest=limit)
        return {"jobs": rows[::-1]}


def _only_urls(kind: JobKind, fields: dict[str, Any]) -> None:
    """Media fields must be http(s) URLs: a local path would be read and uploaded (files go
    through `upload`, which reads only under --dir). The file system is never looked at."""
    product = products.for_kind(kind)
    media = product.media() if product is not None else {"image_url": "", "audio_url": ""}
    problems = []
    given = [(name, fields.get(name)) for name in media]
    given += [("faces", face) for face in fields.get("faces") or []]
    for name, value in given:
        if value is not None and (not isinstance(value, str) or not _is_url(value)):
            problems.append(f"{name} must be http(s) URLs, not {_shown(json.dumps(value))}")
    if problems:
        raise UsageError(
            "; ".join(problems), hint="give URLs AKOOL can fetch; upload local files with `upload`"
        )


JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
}


def check_arguments(spec: ToolSpec, arguments: dict[str, Any]) -> None:
    """The arguments against the tool's schema: their size, names, required ones, types,
    lengths and choices; one UsageError naming every problem (never echoing a long value)."""
    size = len(json.dumps(arguments, default=str, ensure_ascii=False).encode())
    if size > MAX_ARGUMENTS_BYTES:
        raise UsageError(
            f"{spec.name}: the arguments are too long ({size} bytes; at most "
            f"{MAX_ARGUMENTS_BYTES})",
            hint="see the tool's input schema (tools/list): its maxLength for each text",
        )
    properties: dict[str, Any] = spec.input_schema["properties"]
    problems = [
        f"{_shown(name)} is not an argument of {spec.name}"
        for name in arguments
        if name not in properties
    ]
    problems += [
        f"{name} is required"
        for name in spec.input_schema["required"]
        if arguments.get(name) is None
    ]
    for name, value in arguments.items():
        schema = properties.get(name)
        if schema is not None and value is not None:
            problems += _value_problems(name, schema, value)
    if problems:
        raise UsageError(
            f"{spec.name}: " + "; ".join(problems), hint="see the tool's input schema (tools/list)"
        )


def _value_problems(name: str, schema: dict[str, Any], value: Any) -> list[str]:
    kind = schema["type"]
    if not isinstance(value, JSON_TYPES[kind]) or (kind != "boolean" and isinstance(value, bool)):
        return [f"{name} must be {_article(kind)} {kind}, not {_shown(json.dumps(value))}"]
    if isinstance(value, float) and not math.isfinite(value):
        return [f"{name} must be a finite number, not {value}"]
    ranged = _range_problems(name, schema, cast("float", value)) if kind in NUMBERS else []
    if ranged:
        return ranged
    fewest, most = schema.get("minItems", 0), schema.get("maxItems", 1000)
    if isinstance(value, list) and not fewest <= len(value) <= most:
        return [f"{name} must have {fewest} to {most} items, not {len(value)}"]
    longest = schema.get("maxLength")
    if isinstance(value, str) and longest is not None and len(value) > longest:
        return [f"{name} is too long ({len(value)} characters; at most {longest})"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{name} must be one of {', '.join(map(str, schema['enum']))}"]
    return []


NUMBERS = ("integer", "number")


def _range_problems(name: str, schema: dict[str, Any], value: float) -> list[str]:
    """A number below the schema's minimum or above its maximum, said as written (N6: a limit
    of 1000000000 was "1e+09")."""
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and value < low:
        return [f"{name} must be {plain_number(low)} or more, not {plain_number(value)}"]
    if high is not None and value > high:
        return [f"{name} must be {plain_number(high)} or less, not {plain_number(value)}"]
    return []


def _shown(text: str) -> str:
    """A value in a message: at most 40 characters of it."""
    return text if len(text) <= 40 else text[:37] + "..."


def claim_key(tool: str, arguments: dict[str, Any]) -> str:
    """The claim a create call takes: the caller's idempotency_key, else the tool and its
    arguments as given (canonical JSON; every value counts, ?token=alice and ?token=bob are two
    calls; a presigned URL without its signing parameters, redact.identity: `upload` signs the
    same file anew each time). Either way hashed: the key names no input, no secret."""
    explicit = arguments.get("idempotency_key")
    if explicit is not None:
        material = json.dumps({"tool": tool, "idempotency_key": str(explicit)})
        return "mcp:key:" + hashlib.sha256(material.encode()).hexdigest()[:32]
    same = {
        k: redact.identity_fields(v)
        for k, v in arguments.items()
        if k not in ("idempotency_key", "account")
    }
    material = json.dumps({"tool": tool, "arguments": same}, sort_keys=True)
    return "mcp:call:" + hashlib.sha256(material.encode()).hexdigest()[:32]


def _is_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.hostname) and value.isprintable()
    except ValueError:
        return False


def _check_lengths(base: Path, path: str) -> None:
    """A path the file system can hold: each name at most NAME_MAX bytes, the whole at most
    PATH_MAX (else every call on it fails with ENAMETOOLONG)."""
    longest = max((len(os.fsencode(part)) for part in Path(path).parts), default=0)
    if longest > NAME_MAX:
        raise UsageError(
            f"path {_shown(path)!r} has a name of {longest} bytes; file systems take at most "
            f"{NAME_MAX}",
            hint="give a shorter name (relative to the server's --dir)",
        )
    whole = len(os.fsencode(str(base / path)))
    if whole >= PATH_MAX:
        raise UsageError(
            f"path {_shown(path)!r} is {whole} bytes long with --dir; the system takes at most "
            f"{PATH_MAX - 1}",
            hint="give a shorter path (relative to the server's --dir)",
        )


def os_error(tool: str, exc: OSError) -> AkoolError:
    """A system call's failure as a tool error: what failed, on which file, what to do."""
    where = f" ({_shown(os.fsdecode(exc.filename))})" if exc.filename else ""
    return AkoolError(
        f"{tool}: {exc.strerror or exc}{where}",
        hint="check the path under the server's --dir (its length, permissions, free space), "
        "then call again",
    )


# The tools whose result is shown whole: `upload` answers a presigned URL of the user's own file,
# made to be passed to a create tool (masked, it would not work).
UNMASKED_TOOLS = frozenset({"upload"})


def in_tool_words(error: AkoolError) -> AkoolError:
    """The error with its hint as a tool's answer says it (TOOL_HINTS: arguments, not flags)."""
    for pattern, words in TOOL_HINTS:
        if error.hint:
            error.hint = pattern.sub(words, error.hint)
    return error


def _made(job: Job, repeated: bool) -> dict[str, Any]:
    """A create tool's answer for a job made (or found made by an earlier call); the other
    jobs its create's answer named, if any (each billed and recorded), under `also_job_ids`."""
    made: dict[str, Any] = {
        "job_id": job.id,
        "kind": job.kind,
        "state": job.state,
        "repeated_call": repeated,
        "next": f"call wait with job_id {job.id}, then download",
    }
    if job.also:
        made["also_job_ids"] = list(job.also)
    if job.foreign:  # earlier jobs' ids the answer named too: not this create's (H18)
        made["foreign_job_ids"] = list(job.foreign)
    return made


# What a head swap's analysis id not yet a job says, by its state (FirstStep.state).
ANALYSING_NOTES = {
    "analysing": "AKOOL is analysing the video's people (not billed); the head swap is made next",
    "creating": "AKOOL analysed the video's people; the head swap (billed) is being created now",
}


def _analysing(analysis_id: str, state: str = "analysing") -> dict[str, Any]:
    return {
        "id": analysis_id,
        "kind": kinds.HEAD_SWAP.name,
        "state": state,
        "finished": False,
        "note": ANALYSING_NOTES[state],
    }


def _over_budget(exc: BudgetExceededError) -> BudgetExceededError:
    hint = "nothing was created or billed; jobs already made can still be waited for and "
    return BudgetExceededError(
        exc.message, hint=hint + "downloaded; restart akool mcp with a larger --max-credits"
    )


def _staged_error(staged: Staged) -> AkoolError:
    """Why a staged head swap made no job, as a tool error (the budget's hint as MCP says it)."""
    error = staged.error or AkoolError(
        "the head swap stopped before it was made", hint="call the headswap tool again"
    )
    if isinstance(error, BudgetExceededError):
        return _over_budget(error)
    if isinstance(error, OtherCredentialError):
        return _as_tool_says(error)
    return error


def _as_tool_says(error: OtherCredentialError) -> OtherCredentialError:
    """A refusal for another credential's creates, its hint naming the `account` argument."""
    error.hint = error.hint_for(*ACCOUNT_WORDS)
    return error


def _expired(job: Job) -> str:
    """What is said of a result AKOOL deleted before akool saved it."""
    return (
        f"the result of job {job.id} expired on AKOOL at {iso(job.expires_at)} (AKOOL deletes "
        "results 7 days after they finish) and was never downloaded: it can no longer be "
        "downloaded"
    )


def _outside(path: str) -> UsageError:
    return UsageError(
        f"{path!r} is outside the folder this server may use",
        hint="give a path relative to the server's --dir, without .. or links out of it",
    )
