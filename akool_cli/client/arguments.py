"""Every public Client method's arguments checked against its annotations as it is called: a value
of the wrong kind is one UsageError naming the argument and what it takes (docs/python.md), never
an AttributeError or TypeError from deep inside, nor a history blamed for it (break17g G3).

What an annotation says is checked where it can be told without guessing: text, numbers, one of
listed values (Literal), a mapping, a sequence, a callable, akool's own classes; a path takes a str
or an os.PathLike. Anything else (a protocol, a name only a type checker sees) is left to the
method, which checks its values' content itself (URLs, durations, ranges)."""

from __future__ import annotations

import collections.abc as abc
import contextlib
import functools
import inspect
import os
import types
import typing
from collections.abc import Callable
from pathlib import PurePath
from typing import Any, Literal, Union

from akool_cli.core.errors import UsageError

# A check of one value: None when it fits, else what the argument takes ("text (a str)").
Check = Callable[[Any], str | None]

# How a message names what a plain type takes.
NAMES: dict[type, str] = {
    str: "text (a str)",
    int: "a whole number (an int)",
    float: "a number",
    bytes: "bytes",
}
# Arguments whose pathlib.Path says more than its text, so never read as text: a download's
# destination, where Path("videos") names a folder ("videos/" as text; break17f N9).
PATHS_AS_GIVEN = frozenset({"dest"})
# Generic origins checked as the abstract collection they stand for (a dict annotation takes any
# mapping, a list one any sequence that is not text).
ORIGINS: dict[Any, tuple[type, str]] = {
    dict: (abc.Mapping, "a dict"),
    abc.Mapping: (abc.Mapping, "a dict"),
    list: (abc.Sequence, "a list"),
    tuple: (tuple, "a tuple"),
    abc.Sequence: (abc.Sequence, "a list"),
    abc.Iterable: (abc.Iterable, "a list"),
}


def checking(cls: type) -> type:
    """Wrap each public method of `cls` (its mixins' too) in the check of its arguments."""
    for name in dir(cls):
        method = inspect.getattr_static(cls, name)
        if name.startswith("_") or not inspect.isfunction(method):
            continue
        setattr(cls, name, _checked(method))
    return cls


def _checked(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        args, kwargs = _check(method, args, kwargs)
        return method(*args, **kwargs)

    return call


def _check(
    method: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The arguments checked, a path given where text is taken read as its text (a local
    file given as a pathlib.Path, as `talk` and the product methods always took it)."""
    try:
        bound = _signature(method).bind(*args, **kwargs)
    except TypeError:
        return args, kwargs  # a missing or unknown argument: Python's own error says which
    checks = _checks(method)
    for name, value in list(bound.arguments.items()):
        if isinstance(value, os.PathLike) and name in checks.texts:
            bound.arguments[name] = value = os.fspath(value)
        if name in checks.keyword_options and isinstance(value, dict):
            for option, given in value.items():
                _refuse(method, option, given, checks.keyword_options[name].get(option))
        else:
            _refuse(method, name, value, checks.params.get(name))
    return bound.args, bound.kwargs


@typing.overload
def as_text(value: str | os.PathLike[str]) -> str: ...
@typing.overload
def as_text(value: str | os.PathLike[str] | None) -> str | None: ...
def as_text(value: str | os.PathLike[str] | None) -> str | None:
    """A path-or-text argument as its text (the check above made it so already; this tells the
    type checker, and serves a method called from inside without the check)."""
    return None if value is None else os.fspath(value)


def _refuse(method: Callable[..., Any], name: str, value: Any, check: Check | None) -> None:
    takes = check(value) if check is not None else None
    if takes is not None:
        raise UsageError(
            f"{method.__name__}() takes {name} as {takes}, not {type(value).__name__} "
            f"{value!r:.60}",
            hint=f"pass {name} as {takes}",
        )


@functools.cache
def _signature(method: Callable[..., Any]) -> inspect.Signature:
    return inspect.signature(method)


class _Checks(typing.NamedTuple):
    params: dict[str, Check]
    keyword_options: dict[str, dict[str, Check]]  # **options: Unpack[TypedDict]
    texts: frozenset[str]  # the arguments that take text (a str), alone or in a union


@functools.cache
def _checks(method: Callable[..., Any]) -> _Checks:
    params: dict[str, Check] = {}
    options: dict[str, dict[str, Check]] = {}
    texts: set[str] = set()
    for name, param in _signature(method).parameters.items():
        hint = _resolve(param.annotation, method)
        if hint is None:
            continue
        if param.kind is param.VAR_KEYWORD and typing.get_origin(hint) in _UNPACKS:
            typed = typing.get_args(hint)[0]
            fields = getattr(typed, "__annotations__", {})
            options[name] = {
                k: c for k, h in fields.items() if (c := _check_for(_resolve(h, typed))) is not None
            }
            continue
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        check = _check_for(hint)
        if check is not None:
            params[name] = check
        if (hint is str or str in typing.get_args(hint)) and name not in PATHS_AS_GIVEN:
            texts.add(name)
    return _Checks(params, options, frozenset(texts))


def _resolve(annotation: Any, owner: Any) -> Any:
    """The annotation as an object, or None when it cannot be read here (a name imported for
    type checkers only): that argument is then not checked."""
    if annotation is inspect.Parameter.empty:
        return None
    if isinstance(annotation, typing.ForwardRef):  # a TypedDict's field
        annotation = annotation.__forward_arg__
    if not isinstance(annotation, str):
        return annotation
    module = inspect.getmodule(owner)
    names = {**_EXTRA_NAMES, **(vars(module) if module is not None else {})}
    try:
        return eval(annotation, names)
    except Exception:  # a name only a type checker sees
        return None


def _extra_names() -> dict[str, Any]:
    """Names annotations use that their modules import for type checkers only."""
    from akool_cli.client.runs import Once, Run
    from akool_cli.core.mediatypes import Role

    names = {**vars(typing), **vars(abc), "os": os, "Once": Once, "Run": Run, "Role": Role}
    unpacks: list[Any] = [getattr(typing, "Unpack", None)]
    with contextlib.suppress(ImportError):
        import typing_extensions

        unpacks.append(typing_extensions.Unpack)
    for unpack in filter(None, unpacks):
        names["Unpack"] = unpack
        _UNPACKS.add(unpack)
    return names


_EXTRA_NAMES: dict[str, Any] = {}
# `**options: Unpack[SomeTypedDict]`: typing's (3.11+) or typing_extensions' (3.10), as found.
_UNPACKS: set[Any] = set()


def _check_for(hint: Any) -> Check | None:
    """The check of a value against `hint`, or None when the hint says nothing checkable."""
    origin = typing.get_origin(hint)
    if hint is Any or hint is object or hint is bool:
        return None  # bool: truthiness is how Python reads a flag
    if origin in (Union, types.UnionType):
        members = [_check_for(a) for a in typing.get_args(hint)]
        if any(m is None for m in members):
            return None  # a member that takes anything (Any, a flag, a protocol)
        return _any_of([m for m in members if m is not None])
    if hint is None or hint is type(None):
        return _NONE
    if origin is Literal:
        allowed = typing.get_args(hint)
        shown = "one of " + ", ".join(repr(a) for a in allowed)
        return lambda value: None if value in allowed else shown
    return _plain(hint, origin)


def _plain(hint: Any, origin: Any) -> Check | None:
    if hint in (str, bytes):
        return lambda value: None if isinstance(value, hint) else NAMES[hint]
    if hint is int:
        return lambda value: None if _whole(value) else NAMES[int]
    if hint is float:
        return lambda value: None if _number(value) else NAMES[float]
    if origin in ORIGINS or hint in ORIGINS:
        kind, shown = ORIGINS[origin if origin in ORIGINS else hint]
        return lambda value: None if _collection(value, kind) else shown
    if origin is abc.Callable or hint is abc.Callable:
        return lambda value: None if callable(value) else "a function"
    if (
        hint is os.PathLike
        or origin is os.PathLike
        or (isinstance(hint, type) and issubclass(hint, PurePath))
    ):
        return lambda value: None if isinstance(value, (str, os.PathLike)) else "a path"
    if isinstance(hint, type) and hint.__module__.startswith("akool_cli."):
        shown = f"an akool_cli.{hint.__name__}"
        return lambda value: None if _instance(value, hint) else shown
    return None  # a protocol, a type variable, another library's class: not told here


def _NONE(value: Any) -> str | None:
    return None if value is None else "None"


def _any_of(checks: list[Check]) -> Check | None:
    """The check of a union: one member must fit."""

    def check(value: Any) -> str | None:
        said = [c(value) for c in checks]
        if any(s is None for s in said):
            return None
        return " or ".join(dict.fromkeys(s for s in said if s))

    return check


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _collection(value: Any, kind: type) -> bool:
    return isinstance(value, kind) and not isinstance(value, (str, bytes))


def _instance(value: Any, kind: type) -> bool:
    try:
        return isinstance(value, kind)
    except TypeError:  # a protocol that cannot say
        return True


def install(cls: type) -> type:
    """checking(cls), with the names annotations use loaded first (at the Client's import)."""
    if not _EXTRA_NAMES:
        _EXTRA_NAMES.update(_extra_names())
    return checking(cls)
