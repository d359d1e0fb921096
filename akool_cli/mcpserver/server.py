"""The MCP side of `akool mcp`: the only module that imports the `mcp` SDK (about half a second
of imports, so the CLI loads it only when `akool mcp` runs).

Each tool of tools.py becomes an MCPServer tool with its own JSON input schema; the library's
blocking calls run on worker threads while the event loop sends progress notifications (a
`wait` reports each state it reads and returns before its ceiling; one heartbeat per call sends
progress whenever none went out for --heartbeat seconds). akool's errors become tool errors
(isError) with the message and the hint.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from typing import IO, Any, TypeVar, cast

import anyio
import anyio.to_thread
from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.tools import Tool
from mcp.server.mcpserver.utilities.func_metadata import ArgModelBase, FuncMetadata
from mcp.server.stdio import stdio_server
from mcp.shared.exceptions import MCPError
from mcp_types import (
    INVALID_REQUEST,
    PARSE_ERROR,
    CallToolResult,
    TextContent,
    ToolAnnotations,
    jsonrpc_message_adapter,
)
from pydantic import ConfigDict

from akool_cli import __version__
from akool_cli.core.bounded import MCP_MESSAGE_CHARS, size_text
from akool_cli.core.errors import AkoolError, UsageError, settle_hint
from akool_cli.core.interrupts import ANSWER_GRACE_SECONDS, ECHO_SECONDS, HANDLED
from akool_cli.mcpserver.tools import (
    Session,
    ToolSpec,
    check_arguments,
    in_tool_words,
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lowlevel_server.middleware.insert(0, _Refuse())  # answered before the SDK's lookup

    async def run_stdio_async(self) -> None:
        raw = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        self.stdin = _AnsweredStdin(raw)
        stdin = anyio.wrap_file(cast("IO[str]", self.stdin))
        async with stdio_server(stdin=stdin) as (read_stream, write_stream):
            lowlevel = self._lowlevel_server
            await lowlevel.run(read_stream, write_stream, lowlevel.create_initialization_options())


class _AnsweredStdin:
    """stdin, line by line, for the SDK's stdio transport (which reads with readline). A line
    longer than MCP_MESSAGE_CHARS ends the input there, as if the client had closed it (at most
    that much is ever held): the session closes as usual, then serve() says why (exit 2)."""

    def __init__(self, raw: io.TextIOWrapper, limit: int = MCP_MESSAGE_CHARS) -> None:
        self._raw, self._limit = raw, limit
        self.too_long = False

    def readline(self, size: int = -1) -> str:
        if self.too_long:
            return ""
        line = self._raw.readline(self._limit + 1)
        if len(line) > self._limit and not line.endswith("\n"):
            self.too_long = True
            return ""
        return _answerable(line)


# The method a request the SDK cannot take is handed over as (_answerable), with its JSON-RPC
# error code and the problem as params; _Refuse answers it with that error.
REFUSED = "akool/refused-request"
# JSON-RPC 2.0's codes for such a request (as the MCP SDK names them): JSON akool cannot read
# (nested too deeply) is a parse error; readable JSON that is no valid request, an invalid one.
REFUSAL_MESSAGES = {PARSE_ERROR: "Parse error", INVALID_REQUEST: "Invalid Request"}


def _answerable(line: str) -> str:
    """The line, or, for a request the SDK would drop without any answer (its jsonrpc is not
    "2.0", its method not a string, its params not an object, JSON nested too deeply to read:
    the client would wait forever), a request for REFUSED, which _Refuse answers with JSON-RPC's
    error for it (-32600 Invalid Request, or -32700 Parse error; the problem in `data`; -32601
    "Method not found" before break17e). What has no usable id cannot be answered: left as it
    is."""
    try:
        jsonrpc_message_adapter.validate_json(line, by_name=False)
        return line
    except ValueError:
        pass
    try:
        message = json.loads(line)
    except RecursionError:  # nested deeper than Python parses: its id is read at the top level
        message = {"jsonrpc": "2.0", "method": "", "id": _top_level_id(line), "deep": True}
    except ValueError:  # not JSON
        return line
    if not isinstance(message, dict) or "method" not in message:
        return line
    ident = message.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        return line
    code = INVALID_REQUEST
    if message.get("deep"):
        code, why = PARSE_ERROR, "nested too deeply to read (more than a few hundred levels)"
    elif message.get("jsonrpc") != "2.0":
        why = 'jsonrpc must be "2.0"'
    elif not isinstance(message["method"], str):
        why = "method must be a string"
    elif not isinstance(message.get("params", {}), dict):
        why = "params must be an object"
    else:
        why = "not a JSON-RPC 2.0 request"
    refused = {"code": code, "why": f"invalid request: {why}"}
    return json.dumps({"jsonrpc": "2.0", "id": ident, "method": REFUSED, "params": refused}) + "\n"


class _Refuse:
    """Server middleware: a REFUSED request is answered with its JSON-RPC error, before the
    SDK's lookup (which would say "Method not found") and its initialization gate."""

    async def __call__(
        self, ctx: ServerRequestContext[Any, Any], call_next: CallNext
    ) -> HandlerResult:
        if ctx.method != REFUSED or ctx.request_id is None:
            return await call_next(ctx)
        params = ctx.params or {}
        code = params.get("code")
        code = code if code in REFUSAL_MESSAGES else INVALID_REQUEST
        raise MCPError(code=code, message=REFUSAL_MESSAGES[code], data=params.get("why"))


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
    )


def serve(session: Session) -> None:
    """Speak MCP on stdin/stdout until the client closes stdin, or a signal stops it."""
    # Before MCPServer configures the root logger: akool's own line format on stderr, warnings up.
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="akool mcp: %(message)s")
    stopper = Stopper(session)
    for signum in STOP_SIGNALS:
        signal.signal(signum, stopper.handle)
    server = build(session)
    server.run("stdio")
    if server.stdin is not None and server.stdin.too_long:
        raise UsageError(
            f"a message on akool mcp's standard input is larger than "
            f"{size_text(MCP_MESSAGE_CHARS)}, akool's limit for one JSON-RPC message (a line); "
            "the session was closed",
            hint="the MCP client must send one JSON-RPC message per line (docs/mcp.md)",
        )


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
            result = await handler(session, spec, arguments, ctx)
        except AkoolError as exc:
            return _error(exc)
        except OSError as exc:  # a file under --dir the system refused (too long a name, ...)
            return _error(os_error(spec.name, exc))
        except Exception as exc:  # a bug: one line for the agent, the traceback only if asked
            if os.environ.get("AKOOL_DEBUG"):
                logging.exception("%s failed", spec.name)
            return _error(
                AkoolError(
                    f"unexpected {type(exc).__name__} in {spec.name}: {str(exc)[:200]}",
                    hint="run akool mcp with AKOOL_DEBUG=1 to see the traceback, and report it",
                )
            )
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


def _error(exc: AkoolError) -> CallToolResult:
    exc = in_tool_words(exc)
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
        with anyio.move_on_after(max(0.0, left)):  # a slow answer never holds it past the ceiling
            view = await _in_thread(lambda: session.status(job_id), abandon=True)
        elapsed = anyio.current_time() - progress.start
        if not view:  # AKOOL did not answer within the ceiling: the history's last state
            view = session.last_known(job_id)
        state = view.get("state", "unknown")
        progress.label = f"{job_id}: {state}"
        await progress.report(progress.label)
        if view.get("finished"):
            return {**view, "message": session.next_step(view)}
        if elapsed + poll >= ceiling:
            message = f"still {state} after {elapsed:.0f} s; call wait again with this job_id"
            return {**view, "message": message}
        await anyio.sleep(poll)


async def _simple(
    session: Session, spec: ToolSpec, arguments: dict[str, Any], ctx: Context
) -> dict[str, Any]:
    calls: dict[str, Callable[[], dict[str, Any]]] = {
        "status": lambda: session.status(str(arguments["job_id"])),
        "download": lambda: session.download(
            str(arguments["job_id"]), arguments.get("path"), bool(arguments.get("replace"))
        ),
        "upload": lambda: session.upload(str(arguments["path"]), str(arguments["role"])),
        "credit": session.credit,
        "history": lambda: session.history(int(arguments.get("limit", 20)), arguments.get("kind")),
    }
    return await _beating(ctx, session.settings.heartbeat, spec.name, calls[spec.name])


HANDLERS: dict[str, Handler] = {"wait": _wait}
