"""Batch files: the rows of a CSV or JSON Lines file, read and checked before anything is sent.

Each valid row gets a key (its own `id`, or its row number, plus a hash of its inputs) that is
stored with its job in the history, so running the same file again finds the jobs it made
(batch_run.py runs the rows).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from akool_cli.download import check_target, safe_file_name
from akool_cli.errors import AkoolError, UsageError
from akool_cli.inputs import TalkRequest, check_resolution, check_speed
from akool_cli.preflight import check_input
from akool_cli.speech import check_text_length

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
    if text:
        check_text_length(text)  # over every plan's limit: refused; over some: AKOOL decides
    speed = None
    if f.get("speed"):
        try:
            speed = float(f["speed"])
        except ValueError:
            raise UsageError(f"speed {f['speed']!r} is not a number") from None
        check_speed(speed)
    request = TalkRequest(
        # URLs or local paths (relative to the batch file): see preflight.py and batch_cmd.
        image_url=check_input(f.get("image_url", ""), "image URL"),
        audio_url=check_input(audio, "audio URL") if audio else "",
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


def check_output_dir(output_dir: Path) -> None:
    check_target(output_dir / "placeholder.mp4", force=True, make_parent=True)
