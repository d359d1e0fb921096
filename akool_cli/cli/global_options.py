"""The root command group: global options work after the command name too, and show in its help.

Click reads a group's options only before the command name, so `akool status -q` would be "No
such option". The root group moves the global options it finds after the command name to just
before it, reading the command's own options (a word that is an option's value stays where it
is, and nothing after `--` moves), then lets Click parse as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from typer._click.types import FloatParamType, IntParamType
from typer.core import TyperGroup

from akool_cli.cli.runtime import Runtime
from akool_cli.core.errors import UsageError
from akool_cli.core.wording import DIGITS_0_9, plain

if TYPE_CHECKING:
    from typer._click import Command, Context, HelpFormatter, Parameter


def _arity(params: list[Parameter]) -> dict[str, int]:
    """Each option name → how many words follow it as its value (0 for a flag)."""
    found: dict[str, int] = {}
    for param in params:
        if param.param_type_name != "option":
            continue
        takes = 0 if getattr(param, "is_flag", False) or getattr(param, "count", False) else 1
        for name in (*param.opts, *param.secondary_opts):
            found[name] = takes * max(param.nargs, 1)
    return found


def global_params(root: Command) -> list[Parameter]:
    # --version and --help act alone; the completion options reach no command.
    return [
        p
        for p in root.params
        if p.param_type_name == "option" and not p.is_eager and p.expose_value
    ]


JSON = "--json"


@dataclass
class Reading:
    """The arguments with the global options moved before the command name; the options given
    to the command itself (read with its declared options, so an option's value is never taken
    for an option); and the problem found, if any."""

    args: list[str]
    options: set[str] = field(default_factory=set)
    problem: UsageError | None = None
    values: dict[str, str] = field(default_factory=dict)  # the command's options' values (last)
    command: tuple[str, ...] = ()  # the command's names (`config get`)


def hoist(root: Command, args: list[str]) -> list[str]:
    """Return args with the global options written after the command name moved before it."""
    reading = read_args(root, args)
    if reading.problem is not None:
        raise reading.problem
    return reading.args


def read_args(root: Command, args: list[str]) -> Reading:
    global_arity = _arity(global_params(root))
    head: list[str] = []  # up to the command name: Click reads these as global options
    moved: list[str] = []
    tail: list[str] = []
    path: list[str] = []  # the command names read so far
    given: set[str] = set()
    values: dict[str, str] = {}
    command, i = root, 0
    leaf_at = 0  # where in tail the command's own words begin
    while i < len(args):
        word = args[i]
        if word == JSON and hasattr(command, "commands"):
            # Before the command's name: it goes to the command (_lower_json).
            (tail if path else head).append(_EARLY)
            i += 1
            continue
        if word == "--":
            (tail if path else head).extend(args[i:])
            break
        name = word.split("=", 1)[0] if word.startswith("--") else word
        own = _arity(command.params)
        if path and name in global_arity and name not in own:
            count = 0 if name != word else global_arity[name]
            if i + count >= len(args):
                problem = UsageError(
                    f"Option '{name}' requires an argument.",
                    hint=f"run: akool {' '.join(path)} --help",
                )
                reading = Reading(head + moved + tail, given, problem, values, tuple(path))
                return _lower_json(reading, command, path)
            moved += args[i : i + 1 + count]
            i += 1 + count
            continue
        count = own.get(name, 0) if name == word else 0
        if path and name in own:
            given.add(name)
            if name != word or (count == 1 and i + 1 < len(args)):
                values[name] = word.split("=", 1)[1] if name != word else args[i + 1]
            digits = _other_digits(command, name, word, args[i + 1 : i + 1 + count], path)
            if digits is not None:
                reading = Reading(head + moved + tail, given, digits, values, tuple(path))
                return _lower_json(reading, command, path)
        subcommand = getattr(command, "commands", {}).get(word)
        if subcommand is not None and not word.startswith("-"):
            command = subcommand
            path.append(word)
            leaf_at = len(tail) + 1
        (tail if path else head).extend(args[i : i + 1 + count])
        i += 1 + count
    reading = Reading(head + moved + tail, given, None, values, tuple(path))
    return _lower_json(reading, command, path, at=len(head) + len(moved) + leaf_at)


def _other_digits(
    command: Command, name: str, word: str, following: list[str], path: list[str]
) -> UsageError | None:
    """A number option's value written with another script's digits (`--age ٣`), which Click's
    int() and float() would read as 3 (break17j J8): one clear error instead."""
    value = word.split("=", 1)[1] if name != word else "".join(following)
    if plain(value):
        return None
    for param in command.params:
        if name in (*param.opts, *param.secondary_opts) and isinstance(
            param.type, (IntParamType, FloatParamType)
        ):
            return UsageError(
                f"{name} {value!r} is not a number: {DIGITS_0_9}",
                hint=f"see: akool {' '.join(path)} --help",
            )
    return None


# The commands whose --format can be SARIF: asked for, even a failure is one SARIF log.
SARIF_FORMATS: dict[tuple[str, ...], tuple[str, str]] = {("audit",): ("--format", "sarif")}


# The commands whose --format can be JSON, which is then the same as --json.
JSON_FORMATS: dict[tuple[str, ...], tuple[str, str]] = {("audit",): ("--format", "json")}


# The commands whose report may go to a file: a failure's document then goes there too.
REPORT_FILES: dict[tuple[str, ...], str] = {("audit",): "--output"}


def report_file_asked(reading: Reading) -> str | None:
    """`akool audit --output FILE`'s FILE (None without it, or with `-`: stdout)."""
    option = REPORT_FILES.get(reading.command, "")
    name = reading.values.get(option) if option else None
    return name if name and name != "-" else None


def json_asked(reading: Reading) -> bool:
    """--json, or a --format that means it (`akool audit --format json`): a failure is then one
    JSON document, as with --json (break21b L2: --format json printed nothing)."""
    option, value = JSON_FORMATS.get(reading.command, ("", ""))
    return JSON in reading.options or (bool(option) and reading.values.get(option) == value)


def sarif_asked(reading: Reading) -> bool:
    """`akool audit --format sarif` (and no --json): a failure is printed as a SARIF log."""
    option, value = SARIF_FORMATS.get(reading.command, ("", ""))
    return bool(option) and reading.values.get(option) == value and JSON not in reading.options


_EARLY = "\0--json"  # a --json read before the command's name, until it finds its place


def _lower_json(reading: Reading, command: Command, path: list[str], at: int = 0) -> Reading:
    """--json written before the command's name (`akool --json status`) given to the command,
    just after its name, whether it is a command or a group that is a command itself (`akool
    --json image --prompt …`: break17g G8); or a usage error naming the command or group that
    has none. With no command, the words stay as they were and Click's error is one JSON
    document."""
    early = reading.args.count(_EARLY)
    if not early:
        return reading
    reading.options.add(JSON)
    named = " ".join(path)
    if not path or reading.problem is not None:
        reading.args = [JSON if word == _EARLY else word for word in reading.args]
    elif JSON in _arity(command.params):
        before = [w for w in reading.args[:at] if w != _EARLY]
        after = [w for w in reading.args[at:] if w != _EARLY]
        reading.args = [*before, *[JSON] * early, *after]
    else:
        reading.args = [JSON if word == _EARLY else word for word in reading.args]
        reading.problem = _no_json(command, named)
    return reading


def _no_json(command: Command, named: str) -> UsageError:
    """A command (or a group of commands) that has no --json output of its own."""
    subcommands = getattr(command, "commands", {})
    with_json = [n for n, sub in subcommands.items() if JSON in _arity(sub.params)]
    if not subcommands:
        return UsageError(
            f"akool {named} has no --json output",
            hint=f"run it without --json (see: akool {named} --help)",
        )
    example = f"akool {named} {with_json[0]} --json" if with_json else f"akool {named} --help"
    return UsageError(
        f"akool {named} is a group of commands: --json goes with one of them",
        hint=f"e.g. {example} (see: akool {named} --help)",
    )


def _commands(command: Command) -> Iterator[Command]:
    for sub in getattr(command, "commands", {}).values():
        yield sub
        yield from _commands(sub)


def _unbraced(pieces: list[str]) -> list[str]:
    # Typer writes required arguments as {NAME}; the README and man-page habit is plain NAME.
    return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


# A global option's help in the --help of a command it does something else for (the command's
# name: {the option's parameter: help}). The audit reads files and sends no request: its -q, as
# ruff's --quiet, keeps the findings and drops the summary (repro32b: the help said "only ids or
# paths" and -q printed findings).
COMMAND_HELP = {
    "audit": {
        "quiet": "Print the findings only, no summary (as ruff's --quiet); files not scanned "
        "and errors still go to stderr.",
        "base_url": "Not used by audit (it sends no request).",
        "profile": "Not used by audit (it reads no credential or setting).",
        "debug": "With audit: an unexpected failure's traceback on stderr (as AKOOL_DEBUG=1).",
    },
}


def _dress(command: Command, root: Command) -> None:
    """Give a subcommand's --help the global options and a usage line without braces."""
    own_options: Callable[[Context, HelpFormatter], None] = command.format_options
    own_usage: Callable[[Context], list[str]] = command.collect_usage_pieces

    def format_options(ctx: Context, formatter: HelpFormatter) -> None:
        own_options(ctx, formatter)
        own_help = COMMAND_HELP.get(command.name or "", {})
        records = [
            (r[0], own_help.get(p.name or "", r[1]))
            for p in global_params(root)
            if (r := p.get_help_record(ctx))
        ]
        with formatter.section("Global options (before or after the command)"):
            formatter.write_dl(records)

    def collect_usage_pieces(ctx: Context) -> list[str]:
        return _unbraced(own_usage(ctx))

    command.format_options = format_options  # type: ignore[method-assign]
    command.collect_usage_pieces = collect_usage_pieces  # type: ignore[method-assign]


class AkoolGroup(TyperGroup):
    """akool's root group (typer.Typer(cls=AkoolGroup))."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for command in _commands(self):
            _dress(command, self)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        # Shell completion parses half-typed lines (resilient_parsing): take them as they are.
        if ctx.resilient_parsing:
            return super().parse_args(ctx, args)
        reading = read_args(self, args)
        if isinstance(ctx.obj, Runtime):
            # --json as the command declares it: even a failure then prints a JSON document.
            ctx.obj.json = json_asked(reading)
            ctx.obj.sarif = sarif_asked(reading)
            ctx.obj.report_file = report_file_asked(reading)
        if reading.problem is not None:
            raise reading.problem
        return super().parse_args(ctx, reading.args)
