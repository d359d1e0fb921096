"""Everything akool shows: data on stdout, messages on stderr, tables and live progress for humans.

The only module that imports rich (lazily, so plain commands stay fast). Decisions about
terminals and colour are taken per invocation: no ANSI codes when a stream is not a terminal,
none at all when NO_COLOR is set or TERM is dumb.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
import textwrap
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from json.encoder import encode_basestring
from typing import IO, TYPE_CHECKING, Any

from akool_cli.core import interrupts
from akool_cli.core.errors import AkoolError, RejectedError, UnavailableError
from akool_cli.core.redact import Redactor

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

HEARTBEAT_SECONDS = 60.0
RED, YELLOW, GREEN, DIM, RESET = "\033[31m", "\033[33m", "\033[32m", "\033[2m", "\033[0m"
# Characters that must never reach a terminal or a TSV line raw from a server's or a file's text:
# C0 controls (tab, line breaks, ESC), DEL, C1 controls, bidirectional overrides, line separators.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")
SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_controls(text: str) -> str:
    """The text with each unsafe character written as an escape (\\t, \\n, \\r or \\uXXXX).

    So a tab cannot forge a TSV column, a line break a row, ESC a colour or a cursor move. These
    are JSON's escapes too: inside a JSON string they keep the line valid and its meaning.
    """
    return UNSAFE.sub(lambda m: SHORT_ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


# What a CI system reads as a command in a line of its log: GitHub Actions' `::name ...::` at the
# line's start once its leading spaces are trimmed (the runner trims them: ` ::error::x` is one)
# and its older `##[name]` anywhere in the line, Azure Pipelines' `##vso[` anywhere in it. A file's
# name or a server's text in such a place would annotate another file, stop the log's commands,
# or set a pipeline variable for every later step (break21h #8; fix33: a file named ` ::error::x`
# or `x##[error]y` still made one).
CI_COMMAND = re.compile(r"^(?P<lead>\s*):(?=:)|#(?=#(?:vso)?\[)", re.IGNORECASE)
LEADING_COLONS = re.compile(r"^[^\S\n]*::", re.MULTILINE)


def defuse_ci_commands(line: str) -> str:
    """The line with the first character of each CI log command written as an escape (`\\u003a`,
    `\\u0023`), as control characters are: no CI system runs it, and a JSON string keeps its
    value."""
    return CI_COMMAND.sub(_escaped_command, line)


def _escaped_command(found: re.Match[str]) -> str:
    return (found.group("lead") or "") + f"\\u{ord(found.group()[-1]):04x}"


# What may make `Output._clean` change a line besides a known secret: an unsafe character (a
# document's line breaks are its own), a CI log command's `#` (`::` at a line's start is looked
# for apart), what a signing value or a URL's user needs (`=`, `%3D`, `@`). One character class:
# searched at C speed.
MAY_CLEAN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069=@#%]")


LONG_WORD = re.compile(r"\S{200,}")


def elide_long_words(text: str) -> str:
    """A line a person can read: a word of thousands of characters (a 5000-character path
    echoed back) shown by its ends and its length."""
    return LONG_WORD.sub(lambda m: f"{m[0][:60]}…{m[0][-30:]} ({len(m[0])} characters)", text)


def _flat_records(document: Any) -> str | None:
    """`json.dumps(document, indent=2, ensure_ascii=False)` of a list of flat records (str keys;
    str, int, bool or None values: --json's findings) with its leaves encoded at C speed;
    None for any other document (json's encoder, pure Python when it indents, writes it)."""
    if type(document) is not list or not document:
        return None
    records = []
    for record in document:
        if type(record) is not dict or not record:
            return None
        items = []
        for key, value in record.items():
            shown = _leaf(value)
            if type(key) is not str or shown is None:
                return None
            items.append(f"    {encode_basestring(key)}: {shown}")
        records.append("  {\n" + ",\n".join(items) + "\n  }")
    return "[\n" + ",\n".join(records) + "\n]"


def _leaf(value: Any) -> str | None:
    """A str, int, bool or None as JSON writes it; None for anything else."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    return None


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# Narrower than this, wrapping a message helps nobody (a terminal that reports 0 columns, a
# COLUMNS=1): the message stays one line and the terminal folds it as it can.
MIN_WRAP_WIDTH = 40


def _columns(stream: IO[str], env: dict[str, str]) -> int:
    """The width of the terminal behind stream ($COLUMNS first, as rich and shutil read it);
    0 when it cannot be told (some terminals, serial consoles and containers report 0)."""
    if env.get("COLUMNS", "").isdigit() and int(env["COLUMNS"]) > 0:
        return int(env["COLUMNS"])
    try:
        return max(0, os.get_terminal_size(stream.fileno()).columns)
    except (AttributeError, ValueError, OSError):
        return 80


def write_whole(stream: IO[str], text: str) -> None:
    """text written to a stream whole: to its raw file, each partial write followed by the rest.
    (A signal that interrupts a big write to a pipe makes CPython's buffered write return with
    only what the pipe took: 131,072 of 3,000,001 bytes, measured; the rest was lost.)"""
    buffer: Any = getattr(stream, "buffer", None)
    raw: Any = getattr(buffer, "raw", buffer)
    if raw is None or not hasattr(raw, "write"):  # (a test's StringIO: no file under it)
        stream.write(text)
        stream.flush()
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    write_bytes(stream, text.encode(encoding, getattr(stream, "errors", None) or "strict"))


def write_bytes(stream: IO[str], whole: bytes) -> None:
    """Bytes written to a text stream's raw file whole, each partial write followed by the rest
    (a file that reaches a size limit takes part of a big buffered write and says nothing:
    the rest of a patch was lost); what the stream buffered goes first."""
    buffer: Any = getattr(stream, "buffer", None)
    raw: Any = getattr(buffer, "raw", buffer)
    stream.flush()
    data = memoryview(whole)
    while data:
        written = raw.write(data)
        if written is None:  # (a non-blocking descriptor that is full: its buffered way)
            buffer.write(bytes(data))
            stream.flush()
            return
        data = data[written:]


def detach_stdout() -> None:
    """Point stdout's descriptor at /dev/null once its reader is gone (`| head`): what is still
    buffered, or written later, cannot fail (nor print a traceback at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (no descriptor: a test's StringIO)


def error_document(
    message: str, hint: str | None, code: int, kind: str = "Exit", **more: Any
) -> dict[str, dict[str, Any]]:
    """The one JSON shape of a failure (docs/json.md): {"error": {message, hint, exit_code,
    type, ...}}, with whatever else the failing command knows (the jobs it did read)."""
    line = message.strip().replace("\n", " ")
    return {"error": {"message": line, "hint": hint, "exit_code": int(code), "type": kind, **more}}


def _not_in_history(error: AkoolError) -> AkoolError:
    """An id this history does not have: said first, with what to do (AKOOL's own answer,
    e.g. "content does not exist", follows). Only AKOOL's refusal is blamed on the id: a full
    disk or a network failure keeps its own hint."""
    reworded = copy.copy(error)
    reworded.message = f"not in this history, and {error.message}"
    if not isinstance(error, RejectedError):
        return reworded
    reworded.hint = (
        "check the id (akool status lists the jobs in this history); a job made with another "
        "AKOOL_HOME (another machine, a container) is only in that one's history"
    )
    return reworded


class Output:
    def __init__(
        self,
        *,
        json_mode: bool = False,
        quiet: bool = False,
        stdout: IO[str] | None = None,
        stderr: IO[str] | None = None,
        env: dict[str, str] | None = None,
        on_json: Callable[[], None] | None = None,
    ) -> None:
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        env = dict(os.environ) if env is None else env
        self.env = env
        self.json_mode = json_mode
        self.quiet = quiet
        self.stdout_tty = _isatty(self.stdout)
        self.stderr_tty = _isatty(self.stderr)
        # TERM=dumb (Emacs' shell, some CI log viewers) shows escape codes as text: no colour
        # and no live display there, as with NO_COLOR and a pipe (break17h H13g).
        self.dumb = env.get("TERM", "") == "dumb"
        self.no_color = ("NO_COLOR" in env and env.get("NO_COLOR", "") != "") or self.dumb
        self.redactor = Redactor()
        # Told when a JSON document reached stdout, so that the error boundary prints no second.
        self.on_json = on_json
        self._lock = threading.Lock()

    @property
    def redraws(self) -> bool:
        """Whether live displays (progress bars redrawn in place) go to stderr."""
        return self.stderr_tty and not self.dumb and not self.quiet

    # -- plain writing ------------------------------------------------------------------------

    def _clean(self, text: str) -> str:
        """Secrets masked, control characters and CI log commands escaped: every line and cell
        goes through it."""
        return defuse_ci_commands(escape_controls(self.redactor.text(text)))

    def _paint(self, text: str, color: str) -> str:
        if self.stderr_tty and not self.no_color:
            return f"{color}{text}{RESET}"
        return text

    def _clean_lines(self, text: str) -> str:
        """`_clean` of each line of a document (lines ended by \\n), joined again: only the
        lines that hold something it changes are looked at (a 70,000-line --json document
        cost 0.13 s cleaned line by line)."""
        # (`::` found at C speed first: the search for a line's start is ten times its cost)
        if self.redactor.may_mask(text) or ("::" in text and LEADING_COLONS.search(text)):
            return "\n".join(self._clean(line) for line in text.split("\n"))
        pieces, at = [], 0
        found = MAY_CLEAN.search(text)
        while found is not None:
            where = found.start()
            if text[where] == "%" and text[where + 1 : where + 3] not in ("3d", "3D"):
                found = MAY_CLEAN.search(text, where + 1)
                continue
            begin = text.rfind("\n", 0, where) + 1
            end = text.find("\n", where)
            end = len(text) if end < 0 else end
            pieces += [text[at:begin], self._clean(text[begin:end])]
            at = end
            found = MAY_CLEAN.search(text, end)
        return "".join([*pieces, text[at:]])

    def lines(self, lines: Sequence[str]) -> None:
        """Lines of result on stdout, each as `data` writes it, in one write."""
        if not lines:
            return
        text = "\n".join(lines)
        if text.count("\n") != len(lines) - 1:  # (a line break inside a line: escaped there)
            text = "\n".join(self._clean(line) for line in lines)
        else:
            text = self._clean_lines(text)
        with self._lock:
            write_whole(self.stdout, text + "\n")

    def data(self, line: str) -> None:
        """One line of result on stdout (an id, a URL, a path, a number)."""
        with self._lock:
            self.stdout.write(self._clean(line) + "\n")
            self.stdout.flush()

    def text(self, block: str) -> None:
        """Text akool made itself (a completion script) on stdout, as it is: its tabs and line
        breaks are the point, and nothing in it came from a server or a file."""
        with self._lock:
            self.stdout.write(block if block.endswith("\n") else block + "\n")
            self.stdout.flush()

    def json(self, document: Any) -> None:
        """Exactly one JSON document on stdout, never through rich (it would wrap lines)."""
        try:
            text = _flat_records(document) or json.dumps(
                document, indent=2, ensure_ascii=False, allow_nan=False
            )
        except ValueError:  # NaN or Infinity: not JSON, which strict parsers (jq) refuse
            raise UnavailableError(
                "the result holds a number that is not finite (NaN or Infinity), which JSON "
                "cannot carry: AKOOL's answer was malformed",
                hint="run the command again; if it persists, report it with akool --debug",
            ) from None
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # A name that was not UTF-8 (a file name's raw bytes): JSON must be UTF-8, so such
            # characters go as \udcXX escapes, which every parser reads (break21: invalid JSON).
            text = json.dumps(document, indent=2, ensure_ascii=True, allow_nan=False)
        # Raw line breaks in the dump are only indentation (strings hold \n): keep them.
        text = self._clean_lines(text)
        # Begun, the document is the run's one: a stop signal while it is written (a slow reader,
        # a big audit) is held until it is whole, and the boundary writes no second one after it
        # (break21e #1: half a findings array, then an error document, glued).
        if self.on_json is not None:
            self.on_json()
        with self._lock, interrupts.shielded():
            write_whole(self.stdout, text + "\n")

    def jobs_or_errors(
        self,
        jobs: list[Any],
        errors: Sequence[tuple[str, AkoolError]],
        unknown: Collection[str] = (),
    ) -> int:
        """status and watch: each job id that could not be read as an error line (one that is
        not in this history says so); with --json, the jobs' array, or one error document
        naming each such id and holding the jobs that were read. Returns the exit code."""
        errors = [(i, _not_in_history(e) if i in unknown else e) for i, e in errors]
        for job_id, error in errors:
            self.error(f"{job_id}: {error.message}", error.hint)
        if not errors:
            if self.json_mode:
                self.json(jobs)
            return 0
        code = max(int(error.exit_code) for _, error in errors)
        if self.json_mode:
            (first_id, first), more = errors[0], len(errors) - 1
            also = f" (and {more} more job id{'s' if more > 1 else ''})" if more else ""
            listed = [
                {"job_id": i, "message": e.message, "type": type(e).__name__} for i, e in errors
            ]
            message = f"{first_id}: {first.message}{also}"
            kind = type(first).__name__
            self.json(error_document(message, first.hint, code, kind, errors=listed, jobs=jobs))
        return code

    def info(self, message: str, *, prefix: str = "") -> None:
        if self.quiet:
            return
        with self._lock:
            self.stderr.write(prefix + self._clean(message) + "\n")
            self.stderr.flush()

    def success(self, message: str) -> None:
        self.info(message, prefix=self._paint("✓", GREEN) + " ")

    def warn(self, message: str) -> None:
        with self._lock:
            self.stderr.write(self._labelled("Warning:", YELLOW, self._clean(message)))
            self.stderr.flush()

    def error(self, message: str, hint: str | None = None) -> None:
        with self._lock:
            line = elide_long_words(message.strip().replace("\n", " "))
            self.stderr.write(self._labelled("Error:", RED, self._clean(line)))
            if hint:
                self.stderr.write(self._labelled("Hint:", DIM, self._clean(hint)))
            self.stderr.flush()

    def _labelled(self, label: str, color: str, text: str) -> str:
        """`Label: text`; on a terminal wrapped between words under the text, so that the
        terminal does not cut a word (or leave a lone ")") at its edge. Pipes get one line."""
        width = _columns(self.stderr, self.env) if self.stderr_tty else 0
        if width < MIN_WRAP_WIDTH:
            return f"{self._paint(label, color)} {text}\n"
        lines = textwrap.wrap(
            f"{label} {text}",
            width=width,
            subsequent_indent=" " * (len(label) + 1),
            break_long_words=False,
            break_on_hyphens=False,
        )
        return self._paint(label, color) + "\n".join(lines)[len(label) :] + "\n"

    # -- rich, only when a human is looking ---------------------------------------------------

    def _console(self, *, stderr: bool) -> Console:
        from rich.console import Console

        stream = self.stderr if stderr else self.stdout
        # A terminal too narrow to lay out (0 or 1 columns reported): lay out for 80 and let
        # the terminal fold the lines, rather than a column per character.
        narrow = _columns(stream, self.env) < MIN_WRAP_WIDTH
        return Console(
            file=stream,
            force_terminal=self.stderr_tty if stderr else self.stdout_tty,
            no_color=self.no_color,
            highlight=False,
            soft_wrap=False,
            width=80 if narrow else None,
        )

    def table(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        title: str | None = None,
        to_stderr: bool = False,
        header: bool = False,
    ) -> None:
        """A table: aligned on a terminal, tab-separated lines (like gh) in a pipe.

        On stdout when it is the result; on stderr when it is a summary for a human. In a pipe
        the column names come first on stderr, or with `header` (a report whose columns are no
        list of ids: `akool spend`)."""
        stream, tty = (
            (self.stderr, self.stderr_tty) if to_stderr else (self.stdout, self.stdout_tty)
        )
        if to_stderr and self.quiet:
            return
        if not tty:
            with self._lock:
                if to_stderr or header:
                    stream.write("\t".join(map(self._clean, columns)) + "\n")
                for row in rows:
                    stream.write("\t".join(map(self._clean, row)) + "\n")
                stream.flush()
            return
        from rich.table import Table
        from rich.text import Text

        # NO_COLOR users asked for plain text: no bold either.
        style = "" if self.no_color else "bold"
        table = Table(title=title, header_style=style, box=None, pad_edge=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            # Text, not str: a cell is never read as rich markup ("[red]", "[link=...]").
            table.add_row(*(Text(self._clean(cell)) for cell in row))
        self._console(stderr=to_stderr).print(table)

    def batch_display(self, total: int) -> BatchDisplay:
        return BatchDisplay(self, total)

    @contextmanager
    def job_display(
        self, job_ids: Sequence[str], names: Mapping[str, str] | None = None
    ) -> Iterator[JobDisplay]:
        display = JobDisplay(self, job_ids, names)
        with display.running():
            yield display


NAME_WIDTH = 24


class JobDisplay:
    """Live per-job rows on a terminal (state, progress, elapsed); one line per change otherwise."""

    def __init__(
        self, output: Output, job_ids: Sequence[str], names: Mapping[str, str] | None = None
    ) -> None:
        self.output = output
        self.job_ids = list(job_ids)
        # What a person knows a job by (its label or input file), shown next to its id.
        self.names = {k: v[:NAME_WIDTH] for k, v in (names or {}).items() if v}
        self.live = output.redraws
        self._progress: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        self._last_line: dict[str, str] = {}
        self._last_heartbeat = 0.0

    @contextmanager
    def running(self) -> Iterator[None]:
        if not self.live:
            yield
            return
        self._progress = job_progress(self.output._console(stderr=True))
        for job_id in self.job_ids:
            # Just created or given by id: "queued" until the first answer, as status says.
            self._tasks[job_id] = self._progress.add_task(
                job_id, total=None, job=self._title(job_id), state="queued", detail=""
            )
        with self._progress:
            yield

    def state(
        self, job_id: str, state: str, detail: str = "", progress: float | None = None
    ) -> None:
        if self._progress is not None:
            task = self._tasks[job_id]
            finished = state in ("done", "failed")
            self._progress.update(
                task,
                state=state,
                detail=self.output._clean(detail),
                total=100 if (progress is not None or finished) else None,
                # A failed job's bar stays empty: a full bar reads as success.
                completed=100 if state == "done" else (progress or 0),
            )
            if finished and state == "failed":
                self._progress.stop_task(task)
            return
        line = f"{job_id} {state}" + (f" {detail}" if detail else "")
        if job_id in self.names:
            line += f" ({self.output._clean(self.names[job_id])})"
        if self._last_line.get(job_id) != line:
            self._last_line[job_id] = line
            self.output.info(line)

    def _title(self, job_id: str) -> str:
        name = self.names.get(job_id)
        return f"{job_id} ({self.output._clean(name)})" if name else job_id

    def bytes(self, job_id: str, received: int, total: int | None) -> None:
        if self._progress is not None:
            detail = _size(received) + (f" / {_size(total)}" if total else "")
            self._progress.update(
                self._tasks[job_id],
                state="downloading",
                detail=detail,
                total=total,
                completed=received,
            )

    def tick(self, elapsed: float, waiting: int, downloading: int = 0) -> None:
        """Without a live display, a line every minute so a long wait is not silent in CI logs:
        for jobs running on AKOOL, or for the download of jobs done there."""
        if self._progress is not None or waiting == 0:
            return
        if elapsed - self._last_heartbeat >= HEARTBEAT_SECONDS:
            self._last_heartbeat = elapsed
            running = waiting - downloading
            what = [f"{running} job(s)"] if running else []
            if downloading:
                what.append(f"the download of {downloading} finished job(s)")
            self.output.info(f"still waiting for {' and '.join(what)} after {elapsed / 60:.0f} min")

    def downloaded(self, job_id: str, path: str, size: int, misnamed: str | None = None) -> None:
        if misnamed is not None:
            self.output.warn(
                f"{path} holds a {misnamed[1:].upper()} file, not what its name says; "
                f"name it with {misnamed} (or save to a folder: -o DIR/ names it by its bytes)"
            )
        if self._progress is not None:
            self._progress.update(
                self._tasks[job_id],
                state="saved",
                detail=self.output._clean(f"{path} ({_size(size)})"),
                total=max(size, 1),
                completed=max(size, 1),
            )
            self._progress.stop_task(self._tasks[job_id])
            return
        self.output.info(f"{job_id} saved {path} ({_size(size)})")


# Columns of the live job rows: id, state, bar, elapsed time keep their width; the detail (a
# percentage, a size, a path or an error) takes what is left and ends in "…" when it is longer
# (a failure's full reason is printed when the display ends).
STATE_WIDTH = len("downloading")
TIME_WIDTH = len("0:00:00")
BAR_WIDTHS = (8, 24)


def job_progress(console: Console) -> Progress:
    """The live rows of `watch` and `talk --wait`, laid out for the console's width."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Column

    fixed = 24 + STATE_WIDTH + TIME_WIDTH + 4  # a job id, and one space between columns
    bar = max(BAR_WIDTHS[0], min(BAR_WIDTHS[1], (console.width - fixed) // 3))
    return Progress(
        TextColumn("{task.fields[job]}", markup=False, table_column=Column(no_wrap=True)),
        TextColumn("{task.fields[state]}", markup=False, table_column=Column(width=STATE_WIDTH)),
        BarColumn(bar_width=bar, table_column=Column(width=bar, no_wrap=True)),
        TimeElapsedColumn(table_column=Column(width=TIME_WIDTH, no_wrap=True)),
        TextColumn(
            "{task.fields[detail]}",
            markup=False,
            table_column=Column(ratio=1, no_wrap=True, overflow="ellipsis"),
        ),
        console=console,
        expand=True,  # so the detail column is given the rest of the line, not its length
        transient=False,
    )


class BatchDisplay:
    """One aggregate progress bar on a terminal; one line per event otherwise."""

    FINAL = ("done", "failed", "error", "unknown")

    def __init__(self, output: Output, total: int) -> None:
        self.output = output
        self.total = total
        self.live = output.redraws
        self.states: dict[int, str] = {}
        self.resumed: set[int] = set()  # rows picked up from an earlier run
        self.received = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> BatchDisplay:
        if self.live:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._progress = Progress(
                TextColumn("batch"),
                BarColumn(bar_width=30),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                console=self.output._console(stderr=True),
            )
            self._progress.__enter__()
            self._task = self._progress.add_task(self._describe(), total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)

    def _describe(self) -> str:
        counts = {
            s: sum(1 for v in self.states.values() if v == s) for s in set(self.states.values())
        }
        submitted = len(self.states)
        running = counts.get("processing", 0) + counts.get("queued", 0) + counts.get("created", 0)
        resumed = f"resumed {len(self.resumed)} · " if self.resumed else ""
        return (
            f"{resumed}submitted {submitted} · processing {running} · done {counts.get('done', 0)} · "
            f"failed {counts.get('failed', 0) + counts.get('error', 0) + counts.get('unknown', 0)}"
            f" · {_size(self.received)}"
        )

    def event(
        self, row: int, row_id: str, state: str, message: str, *, resumed: bool = False
    ) -> None:
        self.states[row] = state
        if resumed and row not in self.resumed:
            self.resumed.add(row)
            if self._progress is not None and len(self.resumed) == 1:
                # Off a terminal each row's "picked up … from an earlier run" line says it.
                self._progress.console.print(
                    "Resuming an earlier run of this batch: rows it created are followed, "
                    "not created again"
                )
        if self._progress is not None and self._task is not None:
            finished = sum(1 for v in self.states.values() if v in self.FINAL)
            self._progress.update(self._task, completed=finished, description=self._describe())
            return
        self.output.info(f"row {row} ({row_id}): {message}")

    def bytes(self, count: int) -> None:
        self.received += count
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=self._describe())


def _size(n: int | None) -> str:
    if n is None:
        return "?"
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{n} B"


class UploadDisplay:
    """Inputs made ready before billing: a bar per uploaded file with its size, then one bar for
    the checks of input URLs, on a terminal (one live display at a time, from the first upload
    or check on); lines otherwise."""

    CHECK_LINE_MIN = 20  # off a terminal, checks of this many URLs or more say they started

    def __init__(self, output: Output) -> None:
        self.output = output
        self.live = output.redraws
        self._progress: Progress | None = None
        self._kind = ""  # what the live display shows: "upload" or "check"
        self._tasks: dict[str, TaskID] = {}
        self._lock = threading.Lock()  # uploads start, and checks end, on several threads

    def __enter__(self) -> UploadDisplay:
        return self

    def _show(self, kind: str) -> Progress:
        """The bars for uploads or checks, started when first needed: nothing is drawn when
        nothing is uploaded or checked (an input refused first is then the first line)."""
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TransferSpeedColumn,
        )

        if self._progress is not None and self._kind == kind:
            return self._progress
        self._stop()
        columns = (
            (DownloadColumn(), TransferSpeedColumn())
            if kind == "upload"
            else (MofNCompleteColumn(), TimeElapsedColumn())
        )
        self._progress = Progress(
            TextColumn(f"{kind} {{task.description}}"),
            BarColumn(bar_width=24),
            *columns,
            console=self.output._console(stderr=True),
        )
        self._progress.__enter__()
        self._kind = kind
        return self._progress

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _stop(self) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)
            self._progress, self._kind = None, ""

    def close(self) -> None:
        """End the bars (once the inputs are ready, before what comes next is printed)."""
        self._stop()
        self.live = False

    def started(self, name: str, size: int) -> None:
        label = os.path.basename(name)
        if self.live:
            with self._lock:
                self._tasks[name] = self._show("upload").add_task(label, total=size)
            return
        self.output.info(f"uploading {label} ({_size(size)})")

    def advance(self, name: str, count: int) -> None:
        if self._progress is not None and self._kind == "upload" and name in self._tasks:
            self._progress.update(self._tasks[name], advance=count)

    def done(self, name: str) -> None:
        if self._progress is None:
            self.output.info(f"uploaded {os.path.basename(name)}")

    def checked(self, done: int, total: int) -> None:
        """URLs checked so far, of total (0 when the checks start)."""
        if total == 0:
            return
        if not self.live:
            if done == 0 and total >= self.CHECK_LINE_MIN:
                self.output.info(
                    f"checking {total:,} input URLs before billing (--no-check skips this)"
                )
            return
        with self._lock:
            progress = self._show("check")
            if "urls" not in self._tasks:
                self._tasks["urls"] = progress.add_task("input URLs", total=total)
            progress.update(self._tasks["urls"], completed=done)


def human_size(n: int | None) -> str:
    """A byte count as people read it (1.2 MB)."""
    return _size(n)
