"""The `akool` command line: global options, the command list, and the one error boundary.

Typer is imported only in this package. Commands parse options, call the workflows, render
results and exit; errors become one line on stderr, a hint, and a documented exit code.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import importlib
import io
import os
import signal
import sys
import traceback
from collections.abc import Mapping

import typer
from typer._completion_classes import completion_init
from typer.exceptions import TyperException

from akool_cli import __version__
from akool_cli.cli.global_options import AkoolGroup
from akool_cli.cli.output import Output, detach_stdout, error_document
from akool_cli.cli.runtime import Runtime
from akool_cli.core import interrupts, platforms
from akool_cli.core.errors import AkoolError, ExitCode, LocalStateError, made_hint

completion_init()


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"akool {__version__}\n")
        raise typer.Exit()


def _global(
    ctx: typer.Context,
    base_url: str | None = typer.Option(
        None,
        "--base-url",
        metavar="URL",
        help="AKOOL API base URL [env: AKOOL_BASE_URL; default: https://openapi.akool.com].",
    ),
    profile: str | None = typer.Option(
        None,
        "--profile",
        metavar="NAME",
        help="Credential and settings profile [env: AKOOL_PROFILE; default: default].",
    ),
    debug: bool = typer.Option(
        False, "--debug", help="Trace HTTP exchanges on stderr (secrets redacted)."
    ),
    quiet: bool = typer.Option(
        False, "-q", "--quiet", help="Print only ids or paths, one per line; no progress or hints."
    ),
    version: bool = typer.Option(
        False,
        "--version",
        is_eager=True,
        callback=_version,
        help="Print the version and exit.",
    ),
) -> None:
    runtime = ctx.ensure_object(Runtime)  # main() made it; Typer's own runner has none
    runtime.configure(profile=profile, base_url=base_url, debug=debug, quiet=quiet)


def _new_app() -> typer.Typer:
    """The root group with its global options and no command yet."""
    root = typer.Typer(
        name="akool",
        cls=AkoolGroup,
        help="Turn a portrait and a voice recording into a talking-photo video with AKOOL's "
        "API.\n\nExample: akool talk https://example.com/me.jpg https://example.com/hello.mp3 "
        "-o video.mp4",
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        # No --install-completion/--show-completion: `akool completion bash|zsh|fish` prints
        # the scripts. Typer's dynamic completion (_AKOOL_COMPLETE, which completes `api`
        # paths) stays: completion_init() below registers its shells, as add_completion would.
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    root.callback()(_global)
    return root


# The modules of akool's commands, each registering its own, in `akool --help`'s order.
COMMAND_MODULES = (
    *("auth", "talk_cmd", "products_cmd", "faces_cmd", "image_cmd", "voice_cmd", "avatars_cmd"),
    *("moderate_cmd", "status_cmd", "settle_cmd", "sandbox_cmd", "audit_cmd", "api_cmd"),
    *("doctor_cmd", "voices_cmd", "webhook_cmd", "batch_cmd", "config_cmd", "completion_cmd"),
    *("ledger_cmd", "mcp_cmd"),
)
# Commands that a run names get a root group of their own module alone: `akool audit` imports
# none of the other commands' modules (their API, product and speech tables: start-up).
ALONE = {"audit": "audit_cmd"}
# The global options that take a value (`--profile NAME`), read to find the command's name.
VALUED = ("--base-url", "--profile")


@functools.cache
def _built(modules: tuple[str, ...]) -> typer.Typer:
    root = _new_app()
    for name in modules:
        importlib.import_module(f"akool_cli.cli.{name}").register(root)
    return root


def app_for(args: list[str]) -> typer.Typer:
    """The root group a run needs: the named command's own (ALONE), or every command's (help,
    completion, any other command, or arguments this quick reading is unsure of)."""
    i = 0
    while i < len(args) and args[i] in (*VALUED, "--debug", "-q", "--quiet", "--json"):
        i += 2 if args[i] in VALUED else 1
    alone = ALONE.get(args[i]) if i < len(args) else None
    if alone is None or "_AKOOL_COMPLETE" in os.environ:
        return _built(COMMAND_MODULES)
    return _built((alone,))


def __getattr__(name: str) -> typer.Typer:
    """`app`: the root group with every command (docs, tests), built when first asked."""
    if name == "app":
        return _built(COMMAND_MODULES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> int:
    """Run akool; returns the exit code (also the console script's entry point)."""
    args = sys.argv[1:] if argv is None else argv
    closed_streams()
    runtime = Runtime(argv=list(args))  # this run's state: nothing is kept between runs
    with interrupts.installed():
        try:
            # A stop while the handlers were installed: nothing has run, nothing will.
            stopped = interrupts.received() is not None
            code = ExitCode.INTERRUPTED if stopped else _run_heard(runtime, args)
        finally:
            if runtime.used_library:
                from akool_cli.client import release_locks

                release_locks()  # a clean exit leaves no owner lock file behind
    code = _flush_stdout(runtime, code)
    signum = interrupts.received()
    if code == ExitCode.INTERRUPTED and signum is not None:
        return 128 + signum  # 143 for SIGTERM, 129 for SIGHUP: what CI systems expect
    return code


def _run_heard(runtime: Runtime, args: list[str]) -> int:
    """_run, whose last words may not reach a terminal that is gone: after SIGHUP (an ssh drop,
    a closed window) stderr is that dead terminal, and the stop's line cannot be written. The
    run still ends with the stop's code, 129, not 1 (break17j J5)."""
    try:
        return _run(runtime, args)
    except OSError as exc:
        if interrupts.received() is None or exc.errno not in _OUTPUT_ERRNOS:
            raise
        return int(ExitCode.INTERRUPTED)


class ClosedStream(io.TextIOBase):
    """stdout as akool sees it when it was started with it closed (`>&-`, a daemon's
    supervisor): every write fails as one to a closed descriptor does, so the boundary says
    so in one line (break17f F9: an AttributeError on None and a traceback)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "stdout is closed")

    def isatty(self) -> bool:
        return False


def closed_streams() -> None:
    """Started with stdin, stdout or stderr closed: each descriptor is held by /dev/null (a file
    akool opens later, the history, never becomes fd 1), stdout writes fail as closed, stdin
    reads as empty, stderr is discarded."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
    if sys.stdout is None:
        sys.stdout = ClosedStream()
    if sys.stdin is None:
        sys.stdin = open(os.devnull)  # noqa: SIM115 (stdin for the rest of the run)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (stderr for the rest of the run)


# Writing stdout failed in a way no retry fixes: no space, an I/O error, a bad descriptor.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT})


def _unexpected(runtime: Runtime, exc: Exception, debug: bool) -> int:
    """A failure akool has no words for: a bug. One line, the traceback only when asked."""
    if debug:
        traceback.print_exc()
    return _fail(
        runtime,
        f"unexpected {type(exc).__name__}: {exc}",
        "run again with AKOOL_DEBUG=1 to see the traceback, and report it",
        ExitCode.ERROR,
        "InternalError",
    )


def _flush_stdout(runtime: Runtime, code: int) -> int:
    """Write out what is still buffered now, where a failure can be reported in one line (at
    interpreter exit it would print a traceback)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone(runtime)
    except OSError as exc:
        return _output_failed(runtime, exc)
    return code


def _reader_gone(runtime: Runtime) -> None:
    """stdout's reader went away (akool status | head -c0): not an error worth a message,
    unless this run made a job whose id the reader may never have had: stderr names it."""
    detach_stdout()
    made = runtime.made
    if made is not None:
        _errors_out(runtime).warn(
            f"the reader of stdout went away; job {made.job_id} was made (and billed) and is "
            f"in this history: follow it with: {made.follow}"
        )


def _output_failed(runtime: Runtime, exc: OSError) -> int:
    """stdout cannot be written (a full disk, a closed descriptor): one line on stderr; after
    a create, naming the job made and the command that follows it (its id may never have
    reached stdout, and running the command again would bill another: break17f F24)."""
    detach_stdout()
    message = f"cannot write the output: {exc.strerror or exc}"
    hint = "check where stdout goes (a full disk?)"
    made = runtime.made
    if made is not None:
        message += (
            f"; job {made.job_id} was made (and billed) and is in this history, but its id "
            "may not have reached stdout"
        )
        hint = made_hint(hint, made.job_id, made.follow, reuse=made.reuse)
    _errors_out(runtime).error(message, hint)
    return int(ExitCode.ERROR)


def _undecodable(args: list[str]) -> tuple[int, str] | None:
    """The first argument that is not UTF-8 (Python hands its bytes over as lone surrogates,
    which no file, header or history can hold), as (position, shown with \\x escapes)."""
    for position, arg in enumerate(args, 1):
        if any("\udc80" <= ch <= "\udcff" for ch in arg):
            raw = arg.encode("utf-8", "surrogateescape")
            return position, raw.decode("utf-8", "backslashreplace")
    return None


def _not_utf8(args: list[str], env: Mapping[str, str]) -> tuple[str, str] | None:
    """(message, hint) for the first argument or AKOOL_* variable that is not UTF-8."""
    bad = _undecodable(args)
    if bad is not None:
        return (
            f"argument {bad[0]} '{bad[1]}' is not valid UTF-8",
            "akool reads its arguments as UTF-8: rename the file, or convert the text "
            "(iconv -f latin1 -t utf-8), or use a UTF-8 locale (LANG=C.UTF-8)",
        )
    variable = _undecodable_env(env)
    if variable is not None:
        return (
            f"the environment variable {variable} is not valid UTF-8",
            f"akool reads its environment as UTF-8: set {variable} to UTF-8 text (or unset it), "
            "or use a UTF-8 locale (LANG=C.UTF-8)",
        )
    return None


def _undecodable_env(env: Mapping[str, str]) -> str | None:
    """The first AKOOL_* variable whose value is not UTF-8, by name only (it may be a key)."""
    from akool_cli.core.urls import not_utf8

    return next((k for k, v in sorted(env.items()) if k.startswith("AKOOL_") and not_utf8(v)), None)


def _document_asked(runtime: Runtime, args: list[str]) -> None:
    """--json (or audit's --format sarif) among the command's own options, read as the root
    group reads them (for a failure found before Typer runs)."""
    from akool_cli.cli.global_options import json_asked, read_args, report_file_asked, sarif_asked

    reading = read_args(typer.main.get_command(app_for(args)), args)
    runtime.json, runtime.sarif = json_asked(reading), sarif_asked(reading)
    runtime.report_file = report_file_asked(reading)


def _command_path(args: list[str]) -> str:
    """The command (and subcommand) names among args: `config get` for a usage hint."""
    group: object = typer.main.get_command(app_for(args))
    path: list[str] = []
    for word in args:
        sub = getattr(group, "commands", {}).get(word)
        if sub is not None:
            path.append(word)
            group = sub
    return " ".join(path)


def _bare_group(exc: TyperException) -> bool:
    """A command group run without a command (`akool`, `akool webhook`): its help is asked for."""
    return type(exc).__name__ == "NoArgsIsHelpError"  # as typer itself tells it (no import)


def _run(runtime: Runtime, args: list[str]) -> int:
    debug = os.environ.get("AKOOL_DEBUG", "") not in ("", "0") or "--debug" in args
    try:
        platforms.check()  # one clear line at start, not a failure halfway through a job
    except AkoolError as exc:
        _document_asked(runtime, args)
        return _fail(runtime, exc.message, exc.hint, exc.exit_code, type(exc).__name__)
    refused = _not_utf8(args, runtime.env)
    if refused is not None:
        # Refused before anything runs: nothing is sent, nothing recorded.
        _document_asked(runtime, args)
        return _fail(runtime, *refused, ExitCode.USAGE, "UsageError")
    try:
        result = app_for(args)(args=args, prog_name="akool", standalone_mode=False, obj=runtime)
    except LocalStateError as exc:
        if exc.job_id and not runtime.json:
            with contextlib.suppress(OSError):  # (the message names it too)
                sys.stdout.write(exc.job_id + "\n")  # a billed job's id must reach the user
                sys.stdout.flush()
        kind = type(exc).__name__
        return _fail(runtime, exc.message, exc.hint, exc.exit_code, kind, job_id=exc.job_id)
    except AkoolError as exc:
        return _fail(runtime, exc.message, exc.hint, exc.exit_code, type(exc).__name__)
    except TyperException as exc:
        if _bare_group(exc) and runtime.json:
            return _fail(
                runtime,
                "--json needs a command whose output it shapes",
                "run: akool --help (the commands), e.g. akool --json status",
                ExitCode.USAGE,
                "UsageError",
            )
        if _bare_group(exc):
            # Like gh: a group alone prints its help on stdout and succeeds.
            sys.stdout.write(exc.format_message().rstrip("\n") + "\n")
            return int(ExitCode.OK)
        # Click's usage errors, reduced to the one-line form every akool error has.
        command = _command_path(args)
        hint = f"run: akool {command} --help" if command else "run: akool --help"
        code = int(getattr(exc, "exit_code", ExitCode.USAGE))
        return _fail(runtime, exc.format_message(), hint, code, "UsageError")
    except (typer.Abort, KeyboardInterrupt):
        # Stopped before a command took charge of the stop: nothing had started that a rerun
        # would repeat.
        again = f"run it again: {runtime.command_line()}"
        return _fail(runtime, _stopped_by(), again, ExitCode.INTERRUPTED, "InterruptedByUser")
    except BrokenPipeError:
        _reader_gone(runtime)  # (akool status | head: not an error)
        return _stopped_or(ExitCode.OK)
    except SystemExit as exc:
        # Click's own answer to a broken pipe (EPIPE) inside a command: exit 1, and nothing said.
        if not (isinstance(exc.__context__, OSError) and exc.__context__.errno == errno.EPIPE):
            raise
        _reader_gone(runtime)
        return _stopped_or(ExitCode.ERROR)
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            return _unexpected(runtime, exc, debug)
        # stdout itself cannot be written (a full disk, a closed descriptor): say so on stderr.
        return _output_failed(runtime, exc)
    except Exception as exc:
        return _unexpected(runtime, exc, debug)
    if isinstance(result, int):
        if result == ExitCode.INTERRUPTED:
            again = f"run it again: {runtime.command_line()}"
            return _fail(runtime, _stopped_by(), again, result, "InterruptedByUser")
        if result != ExitCode.OK and runtime.json and not runtime.json_written:
            document = error_document(f"akool exited with code {result}", None, result)
            _document(runtime, _errors_out(runtime), document)
        return result
    return int(ExitCode.OK)


def _fail(
    runtime: Runtime,
    message: str,
    hint: str | None,
    code: int,
    kind: str,
    *,
    job_id: str | None = None,
) -> int:
    """The one way out for errors: a line (and hint) on stderr; with --json, also one document
    (with audit's --format sarif, a SARIF log that says the audit did not run)."""
    out = _errors_out(runtime)
    out.error(message, hint)
    signum = interrupts.received()  # (the stop's own exit, 143 for SIGTERM, in either document)
    shown = 128 + signum if code == ExitCode.INTERRUPTED and signum is not None else code
    if runtime.sarif and not runtime.json_written:
        from akool_cli.audit.sarif import failed_log

        _document(runtime, out, failed_log(message, hint, shown))
    elif runtime.json and not runtime.json_written:
        document = error_document(message, hint, shown, kind)
        # The job this run made (and billed), when it fails afterwards (a --timeout, a stop, a
        # history that could not record it): a field a script reads, not only the hint's prose.
        made = job_id or (runtime.made.job_id if runtime.made is not None else None)
        if made:
            document["error"]["job_id"] = made
        _document(runtime, out, document)
    elif runtime.report_file and not runtime.json_written:
        from akool_cli.cli.audit_reports import drop_stale

        drop_stale(out, runtime.report_file, runtime.argv)
    return int(code)


def _document(runtime: Runtime, out: Output, document: object) -> None:
    """A failure's one document: on stdout, or in audit's --output FILE (written whole, in place
    of an earlier run's report) when FILE may be written (break21f #18)."""
    if runtime.report_file:
        from akool_cli.cli.audit_reports import failure_to_file

        if failure_to_file(out, runtime.report_file, runtime.argv, document):
            return
    try:
        out.json(document)
    except OSError as exc:  # (stdout full or closed: the failure is said already; one line more)
        detach_stdout()
        if exc.errno != errno.EPIPE:  # (a reader gone is no error: `| head -c0`)
            out.error(f"cannot write the output: {exc.strerror or exc}")


def _stopped_or(code: ExitCode) -> int:
    """code, unless a stop signal arrived: then the stop's exit (143 for SIGTERM), as a CI
    system stopping a pipeline (its reader first) expects (break17h H14)."""
    return int(ExitCode.INTERRUPTED if interrupts.received() is not None else code)


def _stopped_by() -> str:
    signum = interrupts.received()
    name = signal.Signals(signum).name if signum is not None else "SIGINT"
    return f"interrupted ({name})"


def _errors_out(runtime: Runtime) -> Output:
    """Where the boundary writes: redacting every secret this run has seen, and the
    environment's own (Runtime learns them first), even when the failure came before any was
    read."""
    out = runtime.output()
    out.quiet = False  # an error is shown even with -q
    return out
