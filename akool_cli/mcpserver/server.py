"""The MCP side of `akool mcp`: the only module that imports the `mcp` SDK (about half a second
of imports, so the CLI loads it only when `akool mcp` runs).

Each tool of tools.py becomes an MCPServer tool with its own JSON input schema; the library's
blocking calls run on worker threads while the event loop sends progress notifications (a
`wait` reports each state it reads and returns before its ceiling; one heartbeat per call sends
progress whenever none went out for --heartbeat seconds). akool's errors become tool errors
(isError) with the message and the hint.
"""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import IO, Any, TypeVar, cast

import anyio
import anyio.from_thread
import anyio.to_thread
from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.tools import Tool
from mcp.server.mcpserver.utilities.func_metadata import ArgModelBase, FuncMetadata
from mcp.server.stdio import stdio_server
from mcp.shared.exceptions import MCPError
from mcp.shared.message import SessionMessage
from mcp_types import (
    INTERNAL_ERROR,
    INVALID_PARAMS,
    INVALID_REQUEST,
    PARSE_ERROR,
    CallToolResult,
    ErrorData,
    JSONRPCError,
    JSONRPCNotification,
    TextContent,
    ToolAnnotations,
    jsonrpc_message_adapter,
)
from pydantic import ConfigDict, ValidationError

from akool_cli import __version__
from akool_cli.core.bounded import MCP_MESSAGE_BYTES, size_text
from akool_cli.core.errors import AkoolError, UsageError, settle_hint
from akool_cli.core.interrupts import ANSWER_GRACE_SECONDS, ECHO_SECONDS, HANDLED
from akool_cli.mcpserver.lines import Lines
from akool_cli.mcpserver.tools import (
    Session,
    ToolSpec,
    check_arguments,
    os_error,
    tool_specs,
)

INSTRUCTIONS = (
    "akool makes AKOOL videos (talking photos, lip sync, image and text to video, ...). Create "
    "tools spend credits and return a job id at once; then call `wait` (repeat while `finished` "
    "is false), then `download` (files go under the server's folder). Retrying a create call "
    "with the same arguments (or the same idempotency_key) returns the first call's job: it is "
    "never made twice. AKOOL deletes results 7 days after they finish."
)
STOP_SIGNALS = HANDLED  # SIGINT, SIGTERM, SIGHUP (where the platform has them)
T = TypeVar("T")
Handler = Callable[[Session, ToolSpec, dict[str, Any], Context], Awaitable[dict[str, Any]]]


class _RawArguments(ArgModelBase):
    """Hands the tool the client's arguments as they came (tools.check_arguments checks them)."""

    model_config = ConfigDict(extra="allow", arbitrary_types_allowed=True)

    def model_dump_one_level(self) -> dict[str, Any]:
        return {"arguments": dict(self.model_extra or {})}


class _Server(MCPServer):
    """MCPServer whose stdio transport answers every request it can (see _answerable)."""

    stdin: _AnsweredStdin | None = None

    def __init__(self, *args: Any, on_end: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_end = on_end  # the client closed stdin
        self._lowlevel_server.middleware.insert(0, _Refuse())  # answered before the SDK's lookup

    async def run_stdio_async(self) -> None:
        lines = Lines(0, MCP_MESSAGE_BYTES, anyio.from_thread.check_cancelled)
        self.stdin = _AnsweredStdin(lines, self.on_end)
        stdin = anyio.wrap_file(cast("IO[str]", self.stdin))
        async with stdio_server(stdin=stdin) as (read_stream, write_stream):
            lowlevel = self._lowlevel_server
            sifted = _Sifted(read_stream, write_stream)
            await lowlevel.run(sifted, write_stream, lowlevel.create_initialization_options())


class _AnsweredStdin:
    """stdin, line by line, for the SDK's stdio transport (which reads with readline), each line
    made answerable (_answerable). A line longer than MCP_MESSAGE_BYTES bytes ends the input
    there, as if the client had closed it (at most that much is ever held): the session closes
    as usual, then serve() says why (exit 2). A session ending meanwhile (its client stopped
    reading) stops the wait for a line. The input's end calls `on_end` (reads in flight end)."""

    def __init__(self, lines: Lines, on_end: Callable[[], None]) -> None:
        self._lines, self._on_end = lines, on_end

    @property
    def too_long(self) -> bool:
        return self._lines.too_long

    def readline(self, size: int = -1) -> str:
        line = self._lines.readline()
        if not line:
            self._on_end()
        return _answerable(line) if line else ""


# The method a request the SDK cannot take is handed over as (_answerable), with its JSON-RPC
# error code and the problem as params; _Refuse answers it with that error.
REFUSED = "akool/refused-request"
# The notification a message with no usable id is handed over as: _Sifted answers it with its
# error and id null, as JSON-RPC 2.0 says (break17f N1: `{not json` got no answer at all).
UNANSWERABLE = "akool/unanswerable-message"
# JSON-RPC 2.0's codes for such a request (as the MCP SDK names them): what is no JSON (or
# is not UTF-8, or is nested too deeply to read) is a parse error; readable JSON that is no
# valid request, an invalid one.
REFUSAL_MESSAGES = {PARSE_ERROR: "Parse error", INVALID_REQUEST: "Invalid Request"}


def _answerable(line: bytes) -> str:
    """The line, or, for a message the SDK would drop without any answer (not UTF-8, not JSON,
    its jsonrpc not "2.0", its method not a string, its params not an object, JSON nested too
    deeply to read: the client would wait forever), a request for REFUSED, which _Refuse
    answers by its id with JSON-RPC's error for it (-32600 Invalid Request, or -32700 Parse
    error; the problem in `data`), or, with no usable id, a notification for UNANSWERABLE,
    answered with id null. A blank line, or a malformed response, is dropped unanswered."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:  # break17g: once U+FFFD, and a create sent with it
        why = f"not UTF-8 (byte 0x{line[exc.start]:02x} at offset {exc.start})"
        return _refusal(_id_in(line.decode("utf-8", "replace")), PARSE_ERROR, why)
    try:
        jsonrpc_message_adapter.validate_json(text, by_name=False)
        return text
    except ValueError:
        pass
    if not text.strip():
        return text
    try:
        message = json.loads(text)
    except RecursionError:  # nested deeper than Python parses: its id is read at the top level
        why = "nested too deeply to read (more than a few hundred levels)"
        return _refusal(_top_level_id(text), PARSE_ERROR, why)
    except ValueError:
        return _refusal(None, PARSE_ERROR, "not JSON")
    if isinstance(message, dict) and "method" not in message and message.keys() & RESPONSE:
        return text  # a response of the client's, malformed: a response is never answered
    ident = message.get("id") if isinstance(message, dict) else None
    if not _is_text(message):
        return _refusal(ident, PARSE_ERROR, LONE_SURROGATE)
    return _refusal(ident, INVALID_REQUEST, _why_invalid(message))


LONE_SURROGATE = "a string holds half a character (an escape such as \\udcff alone): it is no text"


def _is_text(message: object) -> bool:
    """Whether JSON read holds only whole characters (an escape such as \\udcff alone is valid
    JSON, but no text: the SDK refuses it, and no create is sent with it)."""
    try:
        json.dumps(message, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


RESPONSE = {"result", "error"}


def _why_invalid(message: object) -> str:
    """What makes readable JSON no valid JSON-RPC 2.0 message."""
    if not isinstance(message, dict):
        return "a message must be a JSON object"
    if message.get("jsonrpc") != "2.0":
        return 'jsonrpc must be "2.0"'
    if not isinstance(message.get("method"), str):
        return "method must be a string"
    if not isinstance(message.get("params", {}), dict):
        return "params must be an object"
    if "id" in message and not _usable_id(message["id"]):
        return "id must be a string or an integer"
    return "not a JSON-RPC 2.0 request"


def _usable_id(ident: object) -> bool:
    return isinstance(ident, (str, int)) and not isinstance(ident, bool)


def _id_in(text: str) -> object:
    """The id of a message whose text is otherwise unusable, if it can be read (else None)."""
    try:
        message = json.loads(text)
    except RecursionError:
        return _top_level_id(text)
    except ValueError:
        return None
    return message.get("id") if isinstance(message, dict) else None


def _refusal(ident: object, code: int, why: str) -> str:
    """The line that has the SDK answer a message with JSON-RPC's error `code`: by its id
    (_Refuse), or with id null when it has none usable (_Sifted)."""
    refused = {"code": code, "why": f"invalid request: {why}"}
    if _usable_id(ident):
        message = {"jsonrpc": "2.0", "id": ident, "method": REFUSED, "params": refused}
    else:
        message = {"jsonrpc": "2.0", "method": UNANSWERABLE, "params": refused}
    return json.dumps(message) + "\n"


class _Refuse:
    """Server middleware: a REFUSED request is answered with its JSON-RPC error, before the
    SDK's lookup (which would say "Method not found") and its initialization gate; a request
    the SDK's own handlers fail (`prompts/get` of a prompt there is not) is answered with
    JSON-RPC's error, and stderr stays quiet (before: a traceback of 33 lines; AKOOL_DEBUG=1
    still logs it)."""

    async def __call__(
        self, ctx: ServerRequestContext[Any, Any], call_next: CallNext
    ) -> HandlerResult:
        if ctx.method == REFUSED and ctx.request_id is not None:
            raise MCPError(**_error_data(ctx.params or {}))
        try:
            return await call_next(ctx)
        except (MCPError, ValidationError):  # each answered by the SDK as its own error
            raise
        except Exception as exc:
            if os.environ.get("AKOOL_DEBUG"):
                logging.exception("%s failed", ctx.method)
            # The SDK says what it could not find (a prompt's name) with a ValueError.
            code = INVALID_PARAMS if isinstance(exc, ValueError) else INTERNAL_ERROR
            raise MCPError(code=code, message=str(exc)[:200] or type(exc).__name__) from None


def _error_data(params: Mapping[str, Any]) -> dict[str, Any]:
    code = params.get("code")
    code = code if code in REFUSAL_MESSAGES else INVALID_REQUEST
    return {"code": code, "message": REFUSAL_MESSAGES[code], "data": params.get("why")}


class _Sifted:
    """The stdio transport's read stream, without the UNANSWERABLE notifications: each is
    answered here, on the write stream, with its error and id null (no request can carry that
    id through the SDK's handlers)."""

    def __init__(self, inner: Any, write: Any) -> None:
        # The SDK's ReadStream and WriteStream (its protocols are private: mcp.shared._...).
        self._inner, self._write = inner, write

    @property
    def last_context(self) -> object:
        return getattr(self._inner, "last_context", None)

    async def _answered(self, item: SessionMessage | Exception) -> bool:
        if not isinstance(item, SessionMessage):
            return False
        message = item.message
        if not isinstance(message, JSONRPCNotification) or message.method != UNANSWERABLE:
            return False
        error = ErrorData(**_error_data(message.params or {}))
        await self._write.send(SessionMessage(JSONRPCError(jsonrpc="2.0", id=None, error=error)))
        return True

    async def receive(self) -> SessionMessage | Exception:
        while True:
            item: SessionMessage | Exception = await self._inner.receive()
            if not await self._answered(item):
                return item

    async def aclose(self) -> None:
        await self._inner.aclose()

    def __aiter__(self) -> _Sifted:
        return self

    async def __anext__(self) -> SessionMessage | Exception:
        try:
            return await self.receive()
        except anyio.EndOfStream:
            raise StopAsyncIteration from None

    async def __aenter__(self) -> _Sifted:
        await self._inner.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self._inner.__aexit__(*exc)


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _top_level_id(line: str) -> object:
    """The "id" member of a JSON object too deeply nested for json.loads, found by reading only
    its top level (strings skipped whole, brackets counted); None when there is none."""
    depth, index = 0, line.find("{")
    if index < 0 or line[:index].strip():
        return None
    while index < len(line):
        char = line[index]
        if char == '"':
            found = _STRING.match(line, index)
            if found is None:
                return None
            rest = line[found.end() :].lstrip()
            if depth == 1 and found.group() == '"id"' and rest.startswith(":"):
                try:
                    return json.JSONDecoder().raw_decode(rest[1:].lstrip())[0]
                except (ValueError, RecursionError):
                    return None
            index = found.end()
            continue
        depth += (char in "[{") - (char in "]}")
        index += 1
    return None


def build(session: Session) -> _Server:
    """The server with one tool per spec."""
    tools = [_tool(session, spec) for spec in tool_specs()]
    return _Server(
        "akool",
        version=__version__,
        instructions=INSTRUCTIONS,
        tools=tools,
        log_level="WARNING",
        on_end=session.end,
    )


def serve(session: Session) -> None:
    """Speak MCP on stdin/stdout until the client closes stdin, or a signal stops it."""
    # Before MCPServer configures the root logger: akool's own line format on stderr, warnings up.
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="akool mcp: %(message)s")
    stopper = Stopper(session)
    for signum in STOP_SIGNALS:
        signal.signal(signum, stopper.handle)
    server = build(session)
    try:
        server.run("stdio")
    except Exception as exc:
        if not _broken_pipe(exc):
            raise
        # The client stopped reading (crashed, or closed its end of stdout): nothing it asks
        # can be answered any more, so the session ends as a closed stdin ends it (break17g G5:
        # "unexpected ExceptionGroup … report it", exit 1).
        sys.stderr.write(f"akool mcp: {CLIENT_GONE}\n")
        return
    if server.stdin is not None and server.stdin.too_long:
        raise UsageError(
            f"a message on akool mcp's standard input is larger than "
            f"{size_text(MCP_MESSAGE_BYTES)}, akool's limit for one JSON-RPC message (a line); "
            "the session was closed",
            hint="the MCP client must send one JSON-RPC message per line (docs/mcp.md)",
        )


CLIENT_GONE = (
    "the client stopped reading (its end of standard output is closed): the session was closed; "
    "jobs made in it are in the history (akool status, akool history)"
)


def _broken_pipe(exc: BaseException) -> bool:
    """Whether `exc` (an exception group of the transport's tasks, or one exception) comes of
    writing to a standard output nobody reads any more."""
    if isinstance(exc, BrokenPipeError):
        return True
    inner: tuple[BaseException, ...] = getattr(exc, "exceptions", ())
    return any(_broken_pipe(e) for e in inner)


# How long after the grace a stop waits for the session's closing records before exiting.
CLOSE_MARGIN_SECONDS = 0.4
UNRECORDED = (
    "the history could not be written in time (another process holds its lock): a create in "
    "flight counts as unknown and is never sent again by itself; akool status lists it"
)


class Stopper:
    """Ctrl-C, SIGTERM and SIGHUP close the session as a closed stdin does, then exit 128+N.

    The first signal starts no create any more, lets those being sent be answered and recorded
    (for ANSWER_GRACE_SECONDS: then their outcome is unknown, recorded so, never resent by
    itself), ends the session's run in the ledger, and exits within 2 s (the stdio reader
    blocks in a thread that no signal reaches, so the process ends itself). Another signal (not the same one again within
    ECHO_SECONDS: `timeout` and terminals signal a whole process group) ends the run at once: a
    create still being sent stays claimed, an unknown outcome that is never sent again by itself.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.first: tuple[int, float] | None = None

    def handle(self, signum: int, _frame: object) -> None:
        now = time.monotonic()
        if self.first is None:
            self.first = (signum, now)
            self.session.stop()
            name = signal.Signals(signum).name
            sys.stderr.write(
                f"akool mcp: stopping ({name}): no new job; creates being sent are recorded first "
                "(signal again to stop at once)\n"
            )
            sys.stderr.flush()
            threading.Thread(target=self._finish, args=(signum,), daemon=True).start()
        elif self.first[0] != signum or now - self.first[1] >= ECHO_SECONDS:
            self.session.close("interrupted", forced=True)
            _exit(signum, "at once: a create still being sent has an unknown outcome")

    def _finish(self, signum: int) -> None:
        detail = "creates in flight were recorded"
        try:
            assert self.first is not None
            grace = max(0.0, self.first[1] + ANSWER_GRACE_SECONDS - time.monotonic())
            # Closing writes to the history, whose lock another process may hold for up to its
            # busy timeout (break17e P5): the exit does not wait for it past the grace.
            closing = threading.Thread(target=self._close, args=(grace,), daemon=True)
            closing.start()
            closing.join(grace + CLOSE_MARGIN_SECONDS)
            if closing.is_alive():
                detail = UNRECORDED
                _tell_unrecorded()
            elif self.session.abandoned:
                detail = _abandoned(self.session.abandoned)
        finally:
            _exit(signum, detail)

    def _close(self, grace: float) -> None:
        note = self.session.close("interrupted", grace=grace)
        if note:
            sys.stderr.write(f"akool mcp: {note}\n")


def _tell_unrecorded() -> None:
    """Creates AKOOL answered that the history could not take in time: their ids, on stderr."""
    from akool_cli.client import answered_unrecorded

    for line in answered_unrecorded():
        sys.stderr.write(f"akool mcp: {line}\n")


def _abandoned(attempts: list[int]) -> str:
    """Why the stop left creates unknown, and how to settle them."""
    named = ", ".join(str(a) for a in attempts)
    return (
        f"AKOOL did not answer the create of attempt {named} within {ANSWER_GRACE_SECONDS:g} s: "
        f"whether it made a job is unknown, and akool never sends it again by itself; "
        f"{settle_hint(attempts[0])}"
    )


def _exit(signum: int, detail: str) -> None:
    from akool_cli.client import release_locks

    release_locks()
    sys.stderr.write(f"akool mcp: stopped by {signal.Signals(signum).name} ({detail})\n")
    sys.stderr.flush()
    os._exit(128 + signum)


def _tool(session: Session, spec: ToolSpec) -> Tool:
    handler = HANDLERS.get(spec.name, _create if spec.kind is not None else _simple)

    async def call(arguments: dict[str, Any], ctx: Context) -> CallToolResult:
        try:
            check_arguments(spec, arguments)
            result = session.shown(spec.name, await handler(session, spec, arguments, ctx))
        except AkoolError as exc:
            return _error(session.error(exc))
        except OSError as exc:  # a file under --dir the system refused (too long a name, ...)
            return _error(session.error(os_error(spec.name, exc)))
        except Exception as exc:  # a bug: one line for the agent, the traceback only if asked
            if os.environ.get("AKOOL_DEBUG"):
                logging.exception("%s failed", spec.name)
            said = f"unexpected {type(exc).__name__} in {spec.name}: "
            error = session.error(AkoolError(said + str(exc), hint=BUG_HINT))
            error.message = error.message[: len(said) + 200]  # masked, then clipped
            return _error(error)
        text = json.dumps(result, indent=1, default=str)
        return CallToolResult(
            content=[TextContent(type="text", text=text)], structured_content=result
        )

    annotations = ToolAnnotations(
        read_only_hint=spec.name in ("status", "credit", "history", "wait"),
        destructive_hint=False,
        idempotent_hint=not spec.billing,
        open_world_hint=True,
    )
    return Tool(
        fn=call,
        name=spec.name,
        title=spec.name,
        description=spec.description,
        parameters=spec.input_schema,
        fn_metadata=FuncMetadata(arg_model=_RawArguments),
        is_async=True,
        context_kwarg="ctx",
        annotations=annotations,
    )


BUG_HINT = "run akool mcp with AKOOL_DEBUG=1 to see the traceback, and report it"


def _error(exc: AkoolError) -> CallToolResult:
    text = f"Error: {exc.message}" + (f"\nHint: {exc.hint}" if exc.hint else "")
    document = {
        "error": {
            "message": exc.message,
            "hint": exc.hint,
            "type": type(exc).__name__,
            "exit_code": int(exc.exit_code),
        }
    }
    return CallToolResult(
        content=[TextContent(type="text", text=text)], structured_content=document, is_error=True
    )


class _Progress:
    """One tool call's progress notifications: those it reports, and a heartbeat whenever none
    went out for `every` seconds. One heartbeat for the whole call, so that the gap between two
    notifications never passes `every` (plus the time one takes to send), whatever the call
    does meanwhile: a state read, a pause between reads, a slow answer."""

    def __init__(self, ctx: Context, every: float, label: str, total: float | None) -> None:
        self.ctx, self.every, self.label, self.total = ctx, every, label, total
        self.start = self.last = anyio.current_time()

    async def report(self, message: str | None = None) -> None:
        """A notification now: progress is the seconds since the call began (it keeps growing)."""
        self.last = anyio.current_time()
        elapsed = self.last - self.start
        shown = elapsed if self.total is None else min(elapsed, self.total)
        await self.ctx.report_progress(shown, self.total, message or f"{self.label}...")

    async def beat(self) -> None:
        while True:
            await anyio.sleep(max(0.0, self.last + self.every - anyio.current_time()))
            if anyio.current_time() - self.last >= self.every:
                await self.report()


async def _with_heartbeat(progress: _Progress, work: Callable[[], Awaitable[T]]) -> T:
    """`work`, with progress's heartbeat running beside it until it ends."""
    outcome: dict[str, Any] = {}
    async with anyio.create_task_group() as group:
        group.start_soon(progress.beat)
        try:
            outcome["value"] = await work()
        except Exception as exc:  # re-raised below, outside the task group's exception group
            outcome["error"] = exc
        finally:
            group.cancel_scope.cancel()
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value


async def _in_thread(fn: Callable[[], T], *, abandon: bool = False) -> T:
    """Blocking library work on a worker thread. `abandon`: a cancelled call returns at once and
    the thread's result is dropped (reads only; a create is always waited for, so that it is
    recorded)."""
    return await anyio.to_thread.run_sync(fn, abandon_on_cancel=abandon)


async def _beating(ctx: Context, heartbeat: float, label: str, fn: Callable[[], T]) -> T:
    """fn on a worker thread, with a heartbeat while it runs."""
    return await _with_heartbeat(_Progress(ctx, heartbeat, label, None), lambda: _in_thread(fn))


async def _create(
    session: Session, spec: ToolSpec, arguments: dict[str, Any], ctx: Context
) -> dict[str, Any]:
    beat = session.settings.heartbeat
    return await _beating(ctx, beat, "creating", lambda: session.create(spec, arguments))


async def _wait(
    session: Session, spec: ToolSpec, arguments: dict[str, Any], ctx: Context
) -> dict[str, Any]:
    """Poll the job until it finishes or the ceiling nears: progress after each state read, and
    one heartbeat for the whole call (reads and the pauses between them)."""
    settings = session.settings
    progress = _Progress(ctx, settings.heartbeat, "", settings.ceiling)
    return await _with_heartbeat(
        progress, lambda: _follow(session, str(arguments["job_id"]), progress)
    )


async def _follow(session: Session, job_id: str, progress: _Progress) -> dict[str, Any]:
    ceiling, poll = session.settings.ceiling, session.settings.poll
    view: dict[str, Any] = {}
    while True:
        left = ceiling - (anyio.current_time() - progress.start)
        progress.label = f"{job_id}: asking AKOOL"
        view = await _state_within(session, job_id, left) or view
        elapsed = anyio.current_time() - progress.start
        if not view:  # AKOOL did not answer within the ceiling: the history's last state
            view = session.last_known(job_id)
        state = view.get("state", "unknown")
        progress.label = f"{job_id}: {state}"
        await progress.report(progress.label)
        if view.get("finished"):
            return {**view, "message": session.next_step(view)}
        if elapsed + poll >= ceiling or session.ended.is_set():
            message = f"still {state} after {elapsed:.0f} s; call wait again with this job_id"
            return {**view, "message": message}
        await _pause(session, poll)


async def _state_within(session: Session, job_id: str, seconds: float) -> dict[str, Any]:
    """The job's state from AKOOL, or {} when it did not answer within `seconds`: the read
    still waiting then ends at once (its answer is not wanted: break17i I9)."""
    dropped = threading.Event()
    try:
        with anyio.move_on_after(max(0.0, seconds)):
            return await _in_thread(
                lambda: session.read(lambda: session.status(job_id), dropped), abandon=True
            )
    finally:
        dropped.set()
    return {}


PAUSE_CHECK = 0.2  # seconds: how often a wait's pause between reads looks for a closed stdin


async def _pause(session: Session, seconds: float) -> None:
    """A pause between two state reads, cut short when the client closes stdin."""
    ends = anyio.current_time() + seconds
    while not session.ended.is_set() and (left := ends - anyio.current_time()) > 0:
        await anyio.sleep(min(PAUSE_CHECK, left))


async def _simple(
    session: Session, spec: ToolSpec, arguments: dict[str, Any], ctx: Context
) -> dict[str, Any]:
    calls: dict[str, Callable[[], dict[str, Any]]] = {
        "status": lambda: session.read(lambda: session.status(str(arguments["job_id"]))),
        "download": lambda: session.read(
            lambda: session.download(
                str(arguments["job_id"]), arguments.get("path"), bool(arguments.get("replace"))
            )
        ),
        "upload": lambda: session.upload(str(arguments["path"]), str(arguments["role"])),
        "credit": lambda: session.read(session.credit),
        "history": lambda: session.read(
            lambda: session.history(int(arguments.get("limit", 20)), arguments.get("kind"))
        ),
    }
    return await _beating(ctx, session.settings.heartbeat, spec.name, calls[spec.name])


HANDLERS: dict[str, Handler] = {"wait": _wait}
