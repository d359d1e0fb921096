"""Batch files: the rows of a CSV or JSON Lines file, read and checked before anything is sent.

Each valid row gets a key (its own `id`, or its row number, plus a hash of its inputs) that is
stored with its job in the history, so running the same file again finds the jobs it made
(batch_run.py runs the rows).
"""

from __future__ import annotations

import codecs
import csv
import difflib
import hashlib
import io
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from akool_cli.core import bounded, kinds, products
from akool_cli.core.errors import AkoolError, UsageError
from akool_cli.core.kinds import FieldsRequest
from akool_cli.core.mediatypes import Role
from akool_cli.core.products import HeadSwapRequest
from akool_cli.core.speech import check_text_length
from akool_cli.core.validate import TalkRequest, check_resolution, check_speed, file_name_problem
from akool_cli.inputs.preflight import check_input
from akool_cli.jobs.download import check_target

# A talking photo's columns (the default kind); other kinds take their documented fields
# (core/products.py) and `glossary` (a translation's studio_voice, from a JSON file).
TALK_COLUMNS = (
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
EVERY_ROW = ("kind", "id", "output")
FILE_COLUMNS = {"glossary": "studio_voice"}  # a file whose content is the field's value
# Values separated by `|` that a field is made from: head swap's faces, one per person in the
# order AKOOL's analysis finds them (its mappings are made once the analysis is done).
LIST_COLUMNS = {"faces": "mappings"}
COLUMNS = tuple(
    dict.fromkeys(
        (
            *TALK_COLUMNS,
            "kind",
            *(
                c
                for p in products.PRODUCTS.values()
                for c in p.columns
                if c not in (*FILE_COLUMNS.values(), *LIST_COLUMNS.values())
            ),
            *FILE_COLUMNS,
            *LIST_COLUMNS,
        )
    )
)
KNOWN = ", ".join(COLUMNS)
FREE_TEXT = ("prompt", "text")  # the only values that may hold tabs and line breaks
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_LINE = 1 << 20  # characters: a longer line is refused without being held in memory
# Characters in a whole file (~400,000 rows): past it (/dev/zero, a runaway export) the file is
# refused at once instead of being read on and on.
MAX_FILE = 64 << 20
READ_HINT = "check the path and its permissions (ls -l FILE)"
LINE_ENDS = ("\n", "\r")
# What the csv module's errors mean for someone editing the file.
CSV_ERRORS = {
    "field larger than field limit": "a value is longer than {limit} characters",
    "unexpected end of data": 'a quoted value is never closed (a " without its partner)',
    "expected after": 'a quote ends a value too early (write "" for a quote inside quotes)',
}
DEFAULT_CONCURRENCY = 4


@dataclass
class Row:
    number: int  # the line the row starts on (CSV and JSON Lines alike)
    fields: dict[str, str]
    problems: list[str] = field(default_factory=list)  # found while reading: the row cannot run


@dataclass(frozen=True)
class Problem:
    """Why a row (or, with row None, the whole file) cannot run."""

    row: int | None
    message: str

    def __str__(self) -> str:
        return self.message if self.row is None else f"row {self.row}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "message": self.message}


@dataclass
class Item:
    """A valid row, ready to run."""

    row: int
    id: str
    key: str
    request: TalkRequest | FieldsRequest
    text: str | None = None
    voice: str | None = None
    speed: float | None = None
    output: str | None = None
    # The key akool 0.1 gave a row without an `id` (its line number): still found on a rerun.
    legacy_key: str | None = None
    kind: str = kinds.TALKING_PHOTO.name
    # A talking avatar row's avatar_id without avatar_from: looked up in AKOOL's avatar list
    # before the row runs, as the command does (Client.batch_plan).
    look_up: bool = False

    def media(self) -> dict[str, tuple[str, Role]]:
        """The row's input files or URLs by field, and what each must be."""
        request = self.request
        if isinstance(request, TalkRequest):
            found: dict[str, tuple[str, Role]] = {"image_url": (request.image_url, "image")}
            if request.audio_url:
                found["audio_url"] = (request.audio_url, "audio")
            return found
        product = products.PRODUCTS[self.kind]
        found = {
            name: (str(request.fields[name]), role)
            for name, role in product.media(request.fields).items()
            if request.fields.get(name)
        }
        if isinstance(request, HeadSwapRequest):
            found.update({f"faces[{n}]": (f, "image") for n, f in enumerate(_faces(request))})
        return found

    def with_urls(self, sent: dict[str, str]) -> Item:
        """The item with each input replaced by the URL to send (uploaded files' URLs)."""
        request = self.request
        if isinstance(request, TalkRequest):
            new: TalkRequest | FieldsRequest = replace(
                request,
                image_url=sent.get(request.image_url, request.image_url),
                audio_url=sent.get(request.audio_url, request.audio_url),
            )
        else:
            fields = dict(request.fields)
            for name, (value, _role) in self.media().items():
                if name in fields:
                    fields[name] = sent.get(value, value)
            if isinstance(request, HeadSwapRequest):
                fields["faces"] = [sent.get(face, face) for face in _faces(request)]
            new = replace(request, fields=fields)
        return replace(self, request=new)


def _faces(request: HeadSwapRequest) -> list[str]:
    return [str(face) for face in request.fields.get("faces") or []]


def load_rows(path: Path) -> list[Row]:
    """Rows of a CSV file (header row) or a JSON Lines file, by content, read line by line.

    Nothing is dropped quietly: a value no column takes, a misspelt key, a broken quote or a
    line too long to read becomes a problem of its row, which validate() reports.
    """
    try:
        text = _piped_text(path)
        handle = io.StringIO(text, newline="") if text is not None else _open_text(path)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}", hint=READ_HINT) from None
    except _TooLarge:
        raise _too_large(path) from None
    lines = _Lines(handle)
    try:
        with handle:
            json_lines = handle.read(4096).lstrip().startswith("{")
            handle.seek(0)
            rows = _json_rows(lines) if json_lines else _csv_rows(path, lines)
    except _TooLarge:
        raise _too_large(path) from None
    except UnicodeDecodeError:
        raise UsageError(
            f"{path} is not UTF-8 text (line {_first_bad_utf8_line(path)})",
            hint="save it as UTF-8 CSV or JSON Lines",
        ) from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}", hint=READ_HINT) from None
    if lines.too_long:
        too_long = f"the line is longer than {MAX_LINE} characters, so it was not read"
        rows += [Row(number, {}, [too_long]) for number in lines.too_long]
        rows.sort(key=lambda row: row.number)
    return rows


def is_stdin(path: Path) -> bool:
    """`-` (as gh and curl name standard input) or /dev/stdin."""
    return str(path) in STDIN_NAMES


STDIN_NAMES = ("-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0")


def rows_folder(path: Path) -> Path:
    """Where a batch file's relative paths start: its folder; the working folder for rows read
    from standard input or a pipe (`<(...)`)."""
    piped = is_stdin(path) or str(path).startswith(("/dev/", "/proc/"))
    return Path.cwd() if piped else path.absolute().parent


def _open_text(path: Path) -> TextIO:
    return path.open(encoding="utf-8-sig", newline="")


def _piped_text(path: Path) -> str | None:
    """Rows from standard input (`-`) or a file that cannot be read twice (a pipe, `<(...)`):
    read whole, at most MAX_FILE bytes, then decoded; None for a regular file (read as it is
    parsed, line by line)."""
    if str(path) == "-":
        stdin = sys.stdin
        if stdin is None or stdin.isatty():
            raise UsageError(
                "akool batch - reads rows from standard input, which is a terminal here",
                hint="pipe the rows in: cat rows.csv | akool batch -  (or give the file's path)",
            )
        source = getattr(stdin, "buffer", None)
        data = source.read(MAX_FILE + 1) if source is not None else _encoded(stdin)
    else:
        with path.open("rb") as raw:
            if raw.seekable():
                return None
            data = raw.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise _TooLarge
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UsageError(
            f"{_named(path)} is not UTF-8 text (line {line})",
            hint="save it as UTF-8 CSV or JSON Lines",
        ) from None


def _encoded(stream: TextIO) -> bytes:
    """A text stream without bytes beneath it (a test's), read as far as the limit."""
    return stream.read(MAX_FILE + 1).encode("utf-8", "surrogateescape")


def _named(path: Path) -> str:
    return "standard input" if str(path) == "-" else str(path)


def _too_large(path: Path) -> UsageError:
    return UsageError(
        f"{_named(path)} is larger than {MAX_FILE >> 20} MiB, akool's limit for a batch file",
        hint="split it into several batch files and run them one after another",
    )


def _first_bad_utf8_line(path: Path) -> int:
    """The line of the first byte that is not UTF-8 (text decoding reads ahead, so it cannot say)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 16):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return line + chunk[: max(0, exc.start)].count(b"\n")
            line += chunk.count(b"\n")
    return line


class _TooLarge(Exception):
    """More than MAX_FILE characters: the rest of the file is never read."""


class _Lines:
    """A file's lines, counted, each at most MAX_LINE characters: a longer one is skipped in
    bounded pieces (and noted), so a file without line breaks never sits whole in memory."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.number = 0
        self.too_long: list[int] = []
        self.read = 0

    def _readline(self) -> str:
        line = self.handle.readline(MAX_LINE)
        self.read += len(line)
        if self.read > MAX_FILE:
            raise _TooLarge
        return line

    def __iter__(self) -> Iterator[str]:
        while line := self._readline():
            self.number += 1
            if len(line) == MAX_LINE and not line.endswith(LINE_ENDS):
                while (rest := self._readline()) and not rest.endswith(LINE_ENDS):
                    pass
                self.too_long.append(self.number)
                line = "\n"
            yield line


def _csv_rows(path: Path, lines: _Lines) -> list[Row]:
    # strict: a quote that is never closed is an error, not the rest of the file in one value.
    reader = csv.reader(lines, strict=True)
    header = _csv_header(path, reader)
    if lines.too_long and lines.too_long[0] <= reader.line_num:
        raise UsageError(
            f"{path}: line {lines.too_long[0]} is longer than {MAX_LINE} characters",
            hint="is it a batch file? The first line names the columns: image_url,audio_url,...",
        )
    rows: list[Row] = []
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader, None)
        except csv.Error as exc:
            # Where the next row starts is unknown now: read no further than this one.
            rows.append(Row(start, {}, [f"{_csv_error(exc)}; the rows after it were not read"]))
            return rows
        if record is None:
            return rows
        if any(value.strip() for value in record):
            rows.append(_csv_row(start, header, record))


def _csv_header(path: Path, reader: Any) -> list[str]:
    try:
        header = next((r for r in reader if any(c.strip() for c in r)), None)
    except csv.Error as exc:
        raise UsageError(
            f"{path}: the header line cannot be read: {_csv_error(exc)}",
            hint="the first line names the columns: image_url,audio_url,...",
        ) from None
    if header is None:
        raise UsageError(
            f"{path} is empty", hint="the first line names the columns: image_url,audio_url,..."
        )
    names = [name.strip() for name in header]
    unknown = [name for name in names if name and name not in COLUMNS]
    if len(names) == 1 and any(sep in names[0] for sep in ";\t|"):
        raise UsageError(
            f"{path}: the header {_short(names[0])!r} is not separated by commas",
            hint="save the file as comma-separated CSV (UTF-8), or as JSON Lines",
        )
    if unknown:
        found = "; ".join(_unknown(name, "column") for name in unknown)
        raise UsageError(f"{path}: {found}", hint=f"known columns: {KNOWN}")
    repeated = [name for name, count in Counter(filter(None, names)).items() if count > 1]
    if repeated:
        raise UsageError(
            f"{path}: the header names column(s) {', '.join(repeated)} more than once",
            hint="keep one column of each name",
        )
    return names


def _csv_row(start: int, header: list[str], record: list[str]) -> Row:
    """A row's values by column; a short row leaves its last columns empty (checked later)."""
    problems = []
    if len(record) > len(header):
        problems.append(
            f"{len(record)} values but the header names {len(header)} columns; "
            "put a value that contains a comma in double quotes"
        )
    fields: dict[str, str] = {}
    for name, value in zip(header, record, strict=False):  # short: the rest stays empty
        if name:
            fields[name] = value.strip()
        elif value.strip():
            problems.append(f"the value {_short(value)!r} is in a column the header does not name")
    return Row(start, fields, problems)


def _csv_error(exc: csv.Error) -> str:
    reason = str(exc)
    for fragment, meaning in CSV_ERRORS.items():
        if fragment in reason:
            return meaning.format(limit=csv.field_size_limit())
    return f"not valid CSV ({reason})"


def _json_rows(lines: _Lines) -> list[Row]:
    return [_json_row(lines.number, line) for line in lines if line.strip()]


class _RepeatedKey(ValueError):
    pass


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys; a batch file must not lose the first."""
    value = dict(pairs)
    if len(value) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        raise _RepeatedKey(next(key for key, count in counts.items() if count > 1))
    return value


def _json_row(number: int, line: str) -> Row:
    try:
        value = json.loads(line, object_pairs_hook=_no_repeated_keys)
    except _RepeatedKey as exc:
        return Row(number, {}, [f"the key {_short(str(exc))!r} appears twice"])
    except RecursionError:
        return Row(number, {}, ["not JSON that akool reads (nested too deeply)"])
    except ValueError as exc:
        return Row(number, {}, [f"not JSON ({exc})"])
    if not isinstance(value, dict):
        return Row(number, {}, [f"not a JSON object but {_json_kind(value)}"])
    fields: dict[str, str] = {}
    problems: list[str] = []
    for key, item in value.items():
        if key not in COLUMNS:
            problems.append(f"{_unknown(key, 'key')}; known keys: {KNOWN}")
        elif item is None:
            fields[key] = ""
        elif isinstance(item, bool) or not isinstance(item, str | int | float):
            problems.append(f"{key} is {_json_kind(item)}; give a string or a number")
        elif isinstance(item, float) and not math.isfinite(item):
            problems.append(f"{key} is {item}, not a finite number")
        else:
            # 1080.0 means 1080: integral floats are written as integers.
            is_whole = isinstance(item, float) and item.is_integer()
            fields[key] = str(int(item)) if is_whole else str(item)
    return Row(number, fields, problems)


def _json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", bool: "true/false", str: "a string"}
    kinds[type(None)] = "null"
    return kinds.get(type(value), "a number")


def _unknown(name: str, what: str) -> str:
    """'unknown key "resolutoin" (did you mean "resolution"?)'."""
    close = difflib.get_close_matches(name, COLUMNS, n=1)
    return f"unknown {what} {_short(name)!r}" + (f" (did you mean {close[0]!r}?)" if close else "")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _control_problems(fields: dict[str, str]) -> list[str]:
    """A NUL or another control character in a value; prompt and text may hold line breaks."""
    found = []
    for name, value in fields.items():
        match = (TEXT_CONTROL if name in FREE_TEXT else CONTROL).search(value)
        if match is not None:
            char = match.group()
            what = "a NUL character" if char == "\0" else f"a control character (U+{ord(char):04X})"
            found.append(f"{name} contains {what}")
    return found


INPUTS_KEY = "inputs:"  # a row without an id is known by what it makes


def validate(rows: list[Row], base_dir: Path | None = None) -> tuple[list[Item], list[Problem]]:
    """Valid items, and one problem per row that cannot run (with its row number), all at once."""
    items: list[Item] = []
    problems: list[Problem] = []
    seen_ids: dict[str, int] = {}
    seen_outputs: dict[str, tuple[int, str]] = {}
    repeats: dict[str, int] = {}
    for row in rows:
        found = row.problems or _control_problems(row.fields)
        if found:
            problems += [Problem(row.number, message) for message in found]
            continue
        try:
            item = _item(row, base_dir or Path.cwd())
        except AkoolError as exc:
            problems.append(Problem(row.number, exc.message))
            continue
        if item.id in seen_ids:
            problems.append(Problem(row.number, f"id {item.id!r} repeats row {seen_ids[item.id]}"))
            continue
        if item.key.startswith(INPUTS_KEY):
            repeats[item.key] = repeats.get(item.key, 0) + 1
            item.key = f"{item.key}:{repeats[item.key]}"
        seen_ids[item.id] = row.number
        if item.output:
            # Names that differ only by case are one file on macOS and Windows (break17j J15).
            same = item.output.casefold()
            if same in seen_outputs:
                problems.append(
                    Problem(row.number, _repeated_output(item.output, *seen_outputs[same]))
                )
                continue
            seen_outputs[same] = (row.number, item.output)
        items.append(item)
    if not rows:
        problems.append(Problem(None, "the file has no rows"))
    return items, problems


def _repeated_output(output: str, row: int, earlier: str) -> str:
    """Why a row's output name is refused: an earlier row's, or one that differs only by case."""
    if output == earlier:
        return f"output {output!r} repeats row {row}"
    return (
        f"output {output!r} is row {row}'s {earlier!r} but for case: one file where names "
        "ignore case (macOS, Windows)"
    )


def _item(row: Row, base_dir: Path) -> Item:
    kind = kinds.by_command(row.fields.get("kind") or kinds.TALKING_PHOTO.name)
    product = products.for_kind(kind) if kind is not None else None
    if kind is None or (product is None and kind is not kinds.TALKING_PHOTO):
        known = ", ".join(products.batch_kinds())
        raise UsageError(f"kind {row.fields.get('kind')!r} is not one akool makes; one of: {known}")
    allowed = TALK_COLUMNS if product is None else (*product.columns, *FILE_COLUMNS)
    if product is products.HEAD_SWAP:
        allowed = (*(c for c in allowed if c not in LIST_COLUMNS.values()), *LIST_COLUMNS)
    stray = [c for c, v in row.fields.items() if v and c not in allowed and c not in EVERY_ROW]
    if stray:
        raise UsageError(f"{', '.join(stray)}: not a column of {kind.name} rows" + _other(row))
    if product is None:
        return _talk_item(row)
    return _product_item(row, product, base_dir)


def _other(row: Row) -> str:
    """A hint when the `kind` value is also the name of another kind whose columns the row has
    (`avatar` is the talking avatar command, and the avatar upload's kind name)."""
    named = kinds.KINDS.get((row.fields.get("kind") or "").strip().lower())
    product = products.for_kind(named) if named is not None else None
    if product is None or not named or not named.command:
        return ""
    fits = all(c in (*product.columns, *EVERY_ROW) for c, v in row.fields.items() if v)
    return f" (for the {named.noun}, write kind {named.command!r})" if fits else ""


def _product_item(row: Row, product: products.Product, base_dir: Path) -> Item:
    """A row of another product: its documented fields, built and checked as the command does."""
    f = row.fields
    values: dict[str, Any] = {c: f[c] for c in product.columns if f.get(c)}
    for column, field_name in FILE_COLUMNS.items():
        if f.get(column) and product.param(field_name) is not None:
            path = base_dir / Path(f[column]).expanduser()
            what, hint = f"{column} {f[column]!r}", "give a UTF-8 JSON file of a few KB"
            text = bounded.read_text_file(path, bounded.GLOSSARY_BYTES, what, hint)
            values[field_name] = products.read_glossary(text, f"{column} {f[column]}")
    for name, role in product.media(values).items():
        if values.get(name):
            values[name] = check_input(str(values[name]), f"{role} ({name})")
    if product is products.HEAD_SWAP:
        values.pop("mappings", None)
        faces = [check_input(x, "image (faces)") for x in _faces_column(f.get("faces", ""))]
        request: FieldsRequest = products.headswap_request(values, faces)
    else:
        request = product.build(values)
    inputs = {"kind": product.kind.name, **request.inputs()}
    item = _keyed(row, inputs, request, kind=product.kind.name)
    item.look_up = product.kind is kinds.TALKING_AVATAR and not values.get("avatar_from")
    return item


def _faces_column(text: str) -> list[str]:
    """A head swap row's reference faces, one per person separated by `|`; an empty place
    between bars would move every later face to another person: refused."""
    given = [x.strip() for x in text.split("|")]
    if text.strip() and "" in given:
        place = given.index("") + 1
        raise UsageError(
            f"faces {text.strip()!r} has no face in place {place} of {len(given)} (one face per "
            "person, in the analysis's order, separated by |: a.jpg|b.jpg)",
            hint="write one face per person between the bars, or drop the extra bar",
        )
    return [x for x in given if x]


def _keyed(row: Row, inputs: dict[str, Any], request: FieldsRequest, *, kind: str) -> Item:
    output = _output(row.fields.get("output") or None, products.PRODUCTS[kind].kind.suffix)
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:16]
    row_id = row.fields.get("id") or f"row-{row.number}"
    key = f"{row_id}:{digest}" if row.fields.get("id") else f"{INPUTS_KEY}{digest}"
    return Item(row.number, row_id, key, request, output=output, kind=kind)


def _output(output: str | None, suffix: str) -> str | None:
    """A row's output name, by the rule `-o` follows too (core.validate.file_name_problem)."""
    if output is not None and (problem := file_name_problem(output, suffix)):
        raise UsageError(f"output {output!r} {problem}")
    return output


def _talk_item(row: Row) -> Item:
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
    output = _output(f.get("output") or None, ".mp4")
    row_id = f.get("id") or f"row-{row.number}"
    named = bool(f.get("id"))
    inputs = {**request.inputs(), "text": text, "voice": voice, "speed": speed}
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:16]
    if named:
        key, legacy = f"{row_id}:{digest}", None
    else:
        # Without an id a row is known by what it makes, not by its line: inserting a row above
        # must not make every row below look new (and be billed again). validate() numbers
        # repeats of the same inputs.
        key, legacy = f"{INPUTS_KEY}{digest}", f"{row_id}:{digest}"
    return Item(row.number, row_id, key, request, text, voice, speed, output, legacy)


def check_output_dir(output_dir: Path) -> None:
    check_target(output_dir / "placeholder.mp4", force=True, make_parent=True)
