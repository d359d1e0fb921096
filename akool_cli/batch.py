"""Batch runs: many talking photos from a CSV or JSON Lines file, a few at a time, resumable.

Each row gets a key (its own `id`, or its row number, plus a hash of its inputs) that is stored
with the job in the journal. Running the same file again picks existing jobs up instead of
creating (and paying for) them again. No printing: events reach the caller through a callback.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from akool_cli.api import AkoolClient, RateLimitedError
from akool_cli.clock import Clock, current
from akool_cli.download import check_target, safe_file_name
from akool_cli.errors import AkoolError, UsageError
from akool_cli.inputs import TalkRequest, check_input_url, check_resolution, check_speed
from akool_cli.jobs import create_job, follow_jobs, synthesize_speech
from akool_cli.journal import Journal
from akool_cli.models import JobInfo

COLUMNS = (
    "image_url",
    "audio_url",
    "prompt",
    "resolution",
    "output",
    "text",
    "voice",
    "speed",
    "id",
)
DEFAULT_CONCURRENCY = 4
RATE_LIMIT_PAUSE = 10.0


@dataclass
class Row:
    number: int  # 1-based data row (CSV: line number of the row)
    fields: dict[str, str]


@dataclass
class Item:
    """A valid row, ready to run."""

    row: int
    id: str
    key: str
    request: TalkRequest
    text: str | None = None
    voice: str | None = None
    speed: float | None = None
    output: str | None = None


@dataclass
class Outcome:
    row: int
    id: str
    job_id: str | None = None
    state: str = "pending"  # pending, created, queued, processing, done, failed, unknown, error
    video_url: str | None = None
    downloaded_path: str | None = None
    error: str | None = None
    resumed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "id": self.id,
            "job_id": self.job_id,
            "state": self.state,
            "video_url": self.video_url,
            "downloaded_path": self.downloaded_path,
            "error": self.error,
            "resumed": self.resumed,
        }


def load_rows(path: Path) -> list[Row]:
    """Rows of a CSV file (header row) or a JSON Lines file, by content."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(
            f"{path} is not UTF-8 text", hint="save it as UTF-8 CSV or JSON Lines"
        ) from None
    if text.lstrip().startswith("{"):
        rows = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except ValueError as exc:
                raise UsageError(f"{path} line {number}: not JSON ({exc})") from None
            if not isinstance(value, dict):
                raise UsageError(f"{path} line {number}: not a JSON object")
            rows.append(
                Row(number, {str(k): "" if v is None else str(v) for k, v in value.items()})
            )
        return rows
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise UsageError(
            f"{path} is empty", hint="the first line names the columns: image_url,audio_url,..."
        )
    unknown = [c for c in reader.fieldnames if c and c.strip() not in COLUMNS]
    if unknown:
        raise UsageError(
            f"{path}: unknown column(s) {', '.join(unknown)}",
            hint=f"known columns: {', '.join(COLUMNS)}",
        )
    return [
        Row(reader.line_num, {k.strip(): (v or "").strip() for k, v in record.items() if k})
        for record in reader
    ]


def validate(rows: list[Row]) -> tuple[list[Item], list[str]]:
    """Valid items, and one message per problem (with row numbers), all found at once."""
    items: list[Item] = []
    problems: list[str] = []
    seen_ids: dict[str, int] = {}
    seen_outputs: dict[str, int] = {}
    for row in rows:
        where = f"row {row.number}"
        try:
            item = _item(row)
        except AkoolError as exc:
            problems.append(f"{where}: {exc.message}")
            continue
        if item.id in seen_ids:
            problems.append(f"{where}: id {item.id!r} repeats row {seen_ids[item.id]}")
            continue
        seen_ids[item.id] = row.number
        if item.output:
            if item.output in seen_outputs:
                problems.append(
                    f"{where}: output {item.output!r} repeats row {seen_outputs[item.output]}"
                )
                continue
            seen_outputs[item.output] = row.number
        items.append(item)
    if not rows:
        problems.append("the file has no rows")
    return items, problems


def _item(row: Row) -> Item:
    f = row.fields
    text = f.get("text") or None
    voice = f.get("voice") or None
    audio = f.get("audio_url") or None
    if text and audio:
        raise UsageError("give audio_url or text, not both")
    if not text and not audio:
        raise UsageError("audio_url (or text + voice) is missing")
    if text and not voice:
        raise UsageError("text needs a voice")
    speed = None
    if f.get("speed"):
        try:
            speed = float(f["speed"])
        except ValueError:
            raise UsageError(f"speed {f['speed']!r} is not a number") from None
        check_speed(speed)
    request = TalkRequest(
        image_url=check_input_url(f.get("image_url", ""), "image URL"),
        audio_url=check_input_url(audio, "audio URL") if audio else "",
        prompt=f.get("prompt") or None,
        resolution=check_resolution(f.get("resolution") or None),
    )
    output = f.get("output") or None
    if output is not None and (
        safe_file_name(Path(output).stem, Path(output).suffix or ".mp4") != output
    ):
        raise UsageError(f"output {output!r} must be a plain file name such as video-1.mp4")
    row_id = f.get("id") or f"row-{row.number}"
    inputs = {**request.inputs(), "text": text, "voice": voice, "speed": speed}
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:16]
    return Item(row.number, row_id, f"{row_id}:{digest}", request, text, voice, speed, output)


def target_for(item: Item, job_id: str, output_dir: Path) -> Path:
    return output_dir / (item.output or safe_file_name(job_id))


EventCallback = Callable[[Outcome, str], None]


@dataclass
class BatchRunner:
    """Runs items with at most `concurrency` in flight; Ctrl-C lets in-flight creates finish."""

    client_factory: Callable[[], AkoolClient]
    journal_path: Path
    profile: str
    output_dir: Path | None = None
    concurrency: int = DEFAULT_CONCURRENCY
    interval: float = 3.0
    force: bool = False
    retry_unknown: bool = False
    clock: Clock = field(default_factory=current)
    on_event: EventCallback | None = None
    on_bytes: Callable[[int], None] | None = None
    stopping: threading.Event = field(default_factory=threading.Event)
    _submit_lock: threading.Lock = field(default_factory=threading.Lock)
    _paused_until: float = 0.0

    def run(self, items: list[Item]) -> list[Outcome]:
        outcomes = [Outcome(item.row, item.id) for item in items]
        queue_lock = threading.Lock()
        pending = list(zip(items, outcomes, strict=True))

        def worker() -> None:
            with self.client_factory() as client, Journal(self.journal_path) as journal:
                while not self.stopping.is_set():
                    with queue_lock:
                        if not pending:
                            return
                        item, outcome = pending.pop(0)
                    self._run_one(client, journal, item, outcome)

        threads = [
            threading.Thread(target=worker, name=f"batch-{n}", daemon=True)
            for n in range(max(1, min(self.concurrency, len(items))))
        ]
        for thread in threads:
            thread.start()
        try:
            for thread in threads:
                while thread.is_alive():
                    thread.join(0.2)
        except KeyboardInterrupt:
            # Stop taking rows; let each worker finish the request it is in, so no create's
            # outcome is left unknown, then report.
            self.stopping.set()
            for thread in threads:
                thread.join()
            raise
        return outcomes

    def _emit(self, outcome: Outcome, message: str) -> None:
        if self.on_event is not None:
            self.on_event(outcome, message)

    def _run_one(self, client: AkoolClient, journal: Journal, item: Item, outcome: Outcome) -> None:
        try:
            job_id = self._job_for(client, journal, item, outcome)
            if job_id is None:
                return
            self._follow(client, journal, item, outcome, job_id)
        except AkoolError as exc:
            outcome.state = "unknown" if "may or may not" in exc.message else "error"
            outcome.error = exc.message
            self._emit(outcome, exc.message)

    def _job_for(
        self, client: AkoolClient, journal: Journal, item: Item, outcome: Outcome
    ) -> str | None:
        existing = journal.find_by_key(item.key)
        if existing is not None:
            outcome.job_id, outcome.resumed = existing.id, True
            outcome.state = "created"
            self._emit(outcome, f"picked up {existing.id} from an earlier run")
            return existing.id
        unknown = journal.unknown_attempt_for_key(item.key)
        if unknown is not None and not self.retry_unknown:
            outcome.state = "unknown"
            outcome.error = (
                "an earlier create for this row has an unknown outcome; check the AKOOL console, "
                "then rerun with --retry-unknown to create it again"
            )
            self._emit(outcome, outcome.error)
            return None
        if unknown is not None:
            journal.dismiss_attempt(unknown.id)
        if self.stopping.is_set():
            return None
        request = item.request
        extra: dict[str, Any] = {"batch_key": item.key, "batch_row": item.row, "batch_id": item.id}
        if item.text is not None and item.voice is not None:
            speech = self._speech(client, journal, item)
            request = TalkRequest(request.image_url, speech, request.prompt, request.resolution)
        while True:
            self._wait_for_gate()
            try:
                job = create_job(client, journal, request, profile=self.profile, extra_inputs=extra)
                break
            except RateLimitedError:
                # AKOOL refused it (nothing was created): slow every worker down, then try again.
                with self._submit_lock:
                    self._paused_until = self.clock.monotonic() + RATE_LIMIT_PAUSE
                self._emit(outcome, f"rate limited; pausing submissions for {RATE_LIMIT_PAUSE:g} s")
        outcome.job_id, outcome.state = job.id, "created"
        self._emit(outcome, f"created {job.id}")
        return job.id

    def _speech(self, client: AkoolClient, journal: Journal, item: Item) -> str:
        assert item.text is not None and item.voice is not None
        key = item.key + ":speech"
        earlier = journal.find_by_key(key, kind="tts")
        if earlier is not None and earlier.video_status == 3 and earlier.video_url:
            return earlier.video_url
        speech = synthesize_speech(
            client,
            journal,
            item.text,
            item.voice,
            speed=item.speed,
            profile=self.profile,
            clock=self.clock,
            extra_inputs={"batch_key": key},
        )
        return speech.audio_url

    def _wait_for_gate(self) -> None:
        while True:
            with self._submit_lock:
                wait = self._paused_until - self.clock.monotonic()
            if wait <= 0:
                return
            self.clock.sleep(wait)

    def _follow(
        self, client: AkoolClient, journal: Journal, item: Item, outcome: Outcome, job_id: str
    ) -> None:
        record = journal.get(job_id)
        target = target_for(item, job_id, self.output_dir) if self.output_dir else None
        if (
            record is not None
            and record.downloaded_path
            and target is not None
            and Path(record.downloaded_path) == target.absolute()
            and target.exists()
        ):
            outcome.state, outcome.video_url = "done", record.video_url
            outcome.downloaded_path = str(target)
            self._emit(outcome, f"already saved {target}")
            return
        if target is not None and target.exists() and not self.force:
            outcome.state, outcome.error = "error", f"{target} already exists (use --force)"
            self._emit(outcome, outcome.error)
            return

        def on_update(_job: str, info: JobInfo, _previous: JobInfo | None) -> None:
            outcome.state = info.state
            self._emit(outcome, info.state)

        received = [0]

        def on_progress(done: int, _total: int | None) -> None:
            if self.on_bytes is not None:
                self.on_bytes(done - received[0])
            received[0] = done

        result = follow_jobs(
            client,
            [job_id],
            journal=journal,
            targets={job_id: target} if target is not None else {},
            force=self.force,
            interval=self.interval,
            clock=self.clock,
            on_update=on_update,
            progress_for=lambda _job: on_progress,
            workers=2,
            should_stop=self.stopping.is_set,
        )
        info = result.jobs.get(job_id)
        if info is None or not info.finished:
            return  # stopped: the next run picks the job up again
        outcome.video_url = info.video_url or None
        if info.video_status == 4:
            outcome.error = info.error_reason or "AKOOL gave no reason"
        if job_id in result.errors:
            error = result.errors[job_id]
            outcome.state, outcome.error = "error", error.message
            self._emit(outcome, error.message)
        elif job_id in result.downloads:
            outcome.downloaded_path = str(result.downloads[job_id].path)
            self._emit(outcome, f"saved {outcome.downloaded_path}")


def check_output_dir(output_dir: Path) -> None:
    check_target(output_dir / "placeholder.mp4", force=True, make_parent=True)
