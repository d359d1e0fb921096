"""What `akool mcp`'s tools are and do, on akool's library; no MCP SDK here (server.py wires it).

The tools come from the job kinds: one create tool per product (its input schema generated from
the product's documented parameters, core/products.py), then `wait`, `status`, `download`,
`upload`, `credit` and `history`. Each create goes through the engine's claim loop, like a batch
row: the claim key is the tool's name and arguments (or the caller's `idempotency_key`), so a
client that retries a call gets the job the first call made instead of a second, billed one. Files
are read and written only under the server's folder (--dir).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from akool_cli.client import Client, Job
from akool_cli.core import contract, kinds, products
from akool_cli.core.errors import AkoolError, BudgetExceededError, UsageError
from akool_cli.core.kinds import JobKind, Request
from akool_cli.core.prices import credits_of
from akool_cli.core.states import FINAL
from akool_cli.core.validate import TalkRequest, check_input_url, check_job_id, check_resolution
from akool_cli.jobs import engine
from akool_cli.jobs.budget import Budget, Estimator
from akool_cli.jobs.partfile import safe_file_name
from akool_cli.store.journal import JobRecord

SPENDS = "Spends AKOOL credits (billed)."
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
}
TALK_PARAMS: dict[str, dict[str, Any]] = {
    "image_url": {"type": "string", "description": "The portrait: a URL AKOOL can fetch."},
    "audio_url": {"type": "string", "description": "The speech recording: a URL (MP3)."},
    "prompt": {"type": "string", "description": "How the portrait should move."},
    "resolution": {"type": "string", "enum": ["720", "1080"], "description": "Video height."},
}
JOB_ID = {"type": "string", "description": "The job id a create tool returned."}
EXPIRY_WARNING_SECONDS = (
    86400.0  # status and wait warn about an unsaved result this close to deletion
)


@dataclass(frozen=True)
class ToolSpec:
    name: str
    description: str
    input_schema: dict[str, Any]
    billing: bool = False  # it spends credits (its description says so)
    kind: JobKind | None = None  # a create tool's kind


def _object(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
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
    if text:
        schema["description"] = text.strip()
    if param.default is not None:
        schema["default"] = param.default
    if param.minimum is not None:
        schema["minimum"] = param.minimum
    if param.maximum is not None:
        schema["maximum"] = param.maximum
    if documented is not None and documented.enum:
        schema["enum"] = list(documented.enum)
    if documented is not None and documented.max_length:
        schema["maxLength"] = documented.max_length
    return schema


def product_schema(product: products.Product) -> dict[str, Any]:
    """A product's create tool input: its documented parameters, the required ones required."""
    fields = {f.name: f for f in product.kind.create.body}
    derived: dict[str, Any] = {}
    if product.derive is not None:
        try:
            product.derive(derived)  # what akool fills in itself when nothing is given
        except (KeyError, TypeError, ValueError):
            derived = {}  # it derives from given fields only: nothing is filled in by itself
    properties = {p.name: param_schema(p, fields.get(p.name)) for p in product.params}
    required = [
        p.name
        for p in product.params
        if p.name in fields
        and fields[p.name].required
        and p.default is None
        and p.name not in derived
    ]
    return _object({**properties, **COMMON}, required)


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
        specs.append(
            ToolSpec(
                kind.command or kind.name,
                f"Create {_article(kind.noun)} {kind.noun} job: {product.summary}. {SPENDS} "
                "Returns the job id at once; then call `wait`, then `download`.",
                product_schema(product),
                billing=True,
                kind=kind,
            )
        )
    return [*specs, *FIXED]


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
            {"job_id": JOB_ID, "path": {"type": "string", "description": "Relative to --dir."}},
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


@dataclass
class Session:
    """One server process: the client, its folder, its run in the ledger and its budget."""

    client: Client
    settings: Settings
    run_id: int | None = None
    budget: Budget | None = None
    estimator: Estimator | None = None
    _flying: dict[str, str] = field(default_factory=dict)  # claim key → job id (the budget)
    _locks: dict[str, threading.Lock] = field(default_factory=dict)  # one create per key at once
    _locks_lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        """The session's run in the ledger (and its budget, whose balance is read lazily)."""
        journal = self.client.journal
        self.estimator = Estimator(journal)
        limit = self.settings.max_credits
        if limit is not None:
            # Each call is weighed afresh: a job that failed (free) or finished makes room.
            self.budget = Budget(limit, self.client.api.credit, self.estimator, sticky=False)
        try:
            scope = self.client.scope()
        except AkoolError:
            return  # no credential yet: the tools say so when called
        self.run_id = journal.begin_run("mcp", "akool mcp", scope, None, limit)

    def close(self) -> None:
        if self.run_id is not None:
            balance = None
            if self.budget is not None and self.budget.balance_before is not None:
                try:
                    balance = self.client.credit()
                except AkoolError:
                    balance = None
            self.client.journal.end_run(self.run_id, balance, "closed")
        self.client.close()

    # -- creating ----------------------------------------------------------------------------

    def create(self, spec: ToolSpec, arguments: dict[str, Any]) -> dict[str, Any]:
        """A create tool's call: checked, claimed (a retry gets the first call's job), sent once."""
        assert spec.kind is not None
        kind = spec.kind
        fields = {k: v for k, v in arguments.items() if k not in COMMON}
        request = self._request(kind, fields)
        key = claim_key(spec.name, arguments)
        client = self.client
        origin = replace(client.origin(str(arguments.get("name") or "")), batch_key=key)
        origin = replace(origin, run_id=self.run_id)
        if "idempotency_key" not in arguments:
            self._forget_old_call(key)
        refused: list[str] = []

        def before_send() -> None:
            if not self._admitted(key, kind, request):
                probing = ", ".join(self._flying.values())
                refused.append(
                    (self.budget.refused if self.budget else None)
                    or f"the cost of {kind.noun} jobs is not known yet (no documented price, "
                    f"none seen), so one runs at a time: call wait for {probing} first"
                )

        rules = engine.ClaimRules(stopping=lambda: bool(refused), before_send=before_send)
        # A retry arriving while the first call's create is still on its way waits for it here:
        # the history cannot tell this process's own create in flight from one that died.
        with self._lock_for(key):
            found = engine.claimed(client.api, client.journal, kind, request, origin, rules)
        if found is None:
            raise BudgetExceededError(
                f"max_credits {self.settings.max_credits:g} stops this job: "
                f"{refused[0] if refused else 'stopped'}",
                hint="nothing was created or billed; jobs already made can still be waited for "
                "and downloaded; restart akool mcp with a larger --max-credits to make more",
            )
        again = isinstance(found, JobRecord)
        job_id = found.id
        if not again:
            self._flying[key] = job_id
        job = Job.of(None, client.journal.get(job_id))
        return {
            "job_id": job_id,
            "kind": kind.name,
            "state": job.state,
            "repeated_call": again,
            "next": f"call wait with job_id {job_id}, then download",
        }

    def _lock_for(self, key: str) -> threading.Lock:
        with self._locks_lock:
            return self._locks.setdefault(key, threading.Lock())

    def _request(self, kind: JobKind, fields: dict[str, Any]) -> Request:
        """The kind's request from the arguments, every value checked before anything is billed."""
        if kind is kinds.TALKING_PHOTO:
            prompt = str(fields.get("prompt") or "").strip()
            talk = TalkRequest(
                image_url=check_input_url(str(fields.get("image_url", "")), "image URL"),
                audio_url=check_input_url(str(fields.get("audio_url", "")), "audio URL"),
                prompt=prompt or None,
                resolution=check_resolution(fields.get("resolution")),
            )
            self._check_urls({talk.image_url: "image", talk.audio_url: "audio"})
            return talk
        product = products.for_kind(kind)
        assert product is not None
        built = product.build(fields)
        media = product.media().items()
        self._check_urls({str(built.fields[n]): r for n, r in media if built.fields.get(n)})
        return built

    def _check_urls(self, roles: dict[str, Any]) -> None:
        """Each input URL fetched the way AKOOL will, before billing (unless AKOOL_NO_CHECK)."""
        from akool_cli.inputs.preflight import Events, check_urls, checks_disabled, raise_all
        from akool_cli.inputs.preflight import Settings as CheckSettings

        if checks_disabled(self.client.env):
            return
        settings = CheckSettings(check=True, base_url=self.client.base_url)
        raise_all(check_urls(roles, settings, Events()))

    def _forget_old_call(self, key: str) -> None:
        """The same arguments more than an hour ago were another call: let them make a new job."""
        journal = self.client.journal
        scope = self.client.scope()
        made = journal.claimed_at(key, scope)
        if made is not None and journal.clock.time() - made > SAME_CALL_SECONDS:
            journal.retire_key(key, scope)

    def _admitted(self, key: str, kind: JobKind, request: Request) -> bool:
        budget = self.budget
        if budget is None:
            return True
        for flying_key, job_id in list(self._flying.items()):
            record = self.client.journal.get(job_id)
            if record is not None and record.video_status in FINAL:
                if self.estimator is not None:
                    self.estimator.learn(record.kind, credits_of(record.cost))
                budget.release(flying_key)
                del self._flying[flying_key]
        # An agent's call never blocks on another job: a kind of unknown cost is refused
        # (with the job to wait for) while its first job runs.
        return budget.admit(key, kind.name, request.body(), stopping=lambda: True)

    # -- following ---------------------------------------------------------------------------

    def status(self, job_id: str) -> dict[str, Any]:
        """The job's state from AKOOL, recorded, with its expiry."""
        job = self.client.status(check_job_id(job_id))
        return self.describe(job)

    def describe(self, job: Job) -> dict[str, Any]:
        view = job.to_json(now=self.client.clock.time())
        record = self.client.journal.get(job.id)
        view["finished"] = job.finished
        if record is not None and record.expires_at is not None and job.done:
            from akool_cli.jobs.views import iso

            view["expires_at"] = iso(record.expires_at)
            view["saved"] = bool(record.downloaded_path)
            left = record.expires_at - self.client.clock.time()
            if not record.downloaded_path and left < EXPIRY_WARNING_SECONDS:
                view["warning"] = (
                    f"AKOOL deletes this result in about {max(0.0, left) / 3600:.0f} h and it "
                    "was never downloaded: call download now"
                )
        return view

    def last_known(self, job_id: str) -> dict[str, Any]:
        """The history's last state of a job (AKOOL did not answer in time)."""
        record = self.client.journal.get(job_id)
        if record is None:
            return {"id": job_id, "state": "unknown", "finished": False}
        return self.describe(Job.of(None, record))

    # -- files -------------------------------------------------------------------------------

    def inside(self, path: str | None, default_name: str) -> Path:
        """A path under the folder, or UsageError: no absolute path, no `..` or symlink out."""
        base = self.settings.folder.resolve()
        if not path:
            return base / default_name
        if "\x00" in path or Path(path).is_absolute() or path.startswith("~"):
            raise _outside(path)
        target = base / path
        if path.endswith(("/", os.sep)) or target.is_dir():
            target = target / default_name
        resolved = target.resolve()  # `..` and every symlink on the way, followed
        if resolved != base and base not in resolved.parents:
            raise _outside(path)
        return resolved

    def download(self, job_id: str, path: str | None) -> dict[str, Any]:
        """A finished job's result under the folder (the job must be done: see `wait`)."""
        job_id = check_job_id(job_id)
        record = self.client.journal.get(job_id)
        kind = kinds.get(record.kind) if record is not None else kinds.TALKING_PHOTO
        target = self.inside(path, safe_file_name(job_id, kind.suffix))
        job = self.client.status(job_id)
        if not job.finished:
            raise UsageError(
                f"job {job_id} is {job.state}, not finished yet",
                hint="call wait with this job_id until it is finished, then download",
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        saved = self.client.download(job_id, target)
        view = self.describe(Job.of(None, self.client.journal.get(job_id)))
        return {**view, "path": str(saved)}

    def upload(self, path: str, role: str) -> dict[str, Any]:
        """A local file under the folder, uploaded to the user's bucket: a presigned URL."""
        from akool_cli.inputs import preflight
        from akool_cli.inputs.upload import DEFAULT_TTL, parse_target
        from akool_cli.store import config

        source = self.inside(path, "")
        client = self.client
        found = config.resolve_upload_to(
            self.settings.upload_to, client.env, client.paths, client.profile
        )
        if found is None:
            raise UsageError("no bucket is set for uploads", hint=preflight.UPLOAD_HINT)
        target = parse_target(*found)
        item = preflight.Input(str(source), role, f"the {role}")  # type: ignore[arg-type]
        plan = preflight.plan_inputs([item], target=target, base_dir=self.settings.folder)
        checks = preflight.Settings(target=target, check=False, base_url=client.base_url)
        urls = preflight.prepare_inputs(plan, checks, journal=client.journal)
        return {"url": urls[str(source)], "path": str(source), "expires_in_seconds": DEFAULT_TTL}

    # -- the account -------------------------------------------------------------------------

    def credit(self) -> dict[str, Any]:
        return {"credit": self.client.credit()}

    def history(self, limit: int, kind: str | None) -> dict[str, Any]:
        """The newest jobs first (of one kind, if asked), as `akool history --json` has them."""
        from akool_cli.jobs.ledger import export_row

        records = self.client.journal.recent(limit if not kind else max(limit * 10, 1000))
        rows = [export_row(r) for r in records if not kind or r.kind == kind]
        return {"jobs": rows[:limit]}


JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def check_arguments(spec: ToolSpec, arguments: dict[str, Any]) -> None:
    """The arguments against the tool's schema: names, required ones, types and choices; one
    UsageError naming every problem."""
    properties: dict[str, Any] = spec.input_schema["properties"]
    problems = [
        f"{name} is not an argument of {spec.name}" for name in arguments if name not in properties
    ]
    problems += [
        f"{name} is required" for name in spec.input_schema["required"] if name not in arguments
    ]
    for name, value in arguments.items():
        schema = properties.get(name)
        if schema is None or value is None:
            continue
        wanted = JSON_TYPES[schema["type"]]
        if not isinstance(value, wanted) or (
            schema["type"] != "boolean" and isinstance(value, bool)
        ):
            problems.append(f"{name} must be a {schema['type']}, not {json.dumps(value)[:40]}")
        elif "enum" in schema and value not in schema["enum"]:
            problems.append(f"{name} must be one of {', '.join(map(str, schema['enum']))}")
    if problems:
        raise UsageError(
            f"{spec.name}: " + "; ".join(problems), hint="see the tool's input schema (tools/list)"
        )


def claim_key(tool: str, arguments: dict[str, Any]) -> str:
    """The claim a create call takes: the caller's idempotency_key, else the tool and its
    arguments (canonical JSON). Either way hashed: the key names no input."""
    explicit = arguments.get("idempotency_key")
    if explicit is not None:
        material = json.dumps({"tool": tool, "idempotency_key": str(explicit)})
        return "mcp:key:" + hashlib.sha256(material.encode()).hexdigest()[:32]
    same = {k: v for k, v in arguments.items() if k != "idempotency_key"}
    material = json.dumps({"tool": tool, "arguments": same}, sort_keys=True)
    return "mcp:call:" + hashlib.sha256(material.encode()).hexdigest()[:32]


def _outside(path: str) -> UsageError:
    return UsageError(
        f"{path!r} is outside the folder this server may use",
        hint="give a path relative to the server's --dir, without .. or links out of it",
    )
