"""The arguments of a call as the text of one line gives them: each argument's span, up to the
call's closing parenthesis (or the line's end, when the call goes on below), brackets and
strings kept whole; what a wrapper's later path parameters are read from."""

from __future__ import annotations

from akool_cli.audit import rx
from akool_cli.audit.brackets import CLOSE, OPEN, QUOTES

# A call of a function or a method of the object itself: f(, self.f(, this.f(, $this->f(
CALL = rx.compile(
    r"(?<![\w$.>])(?:(?:self|this|cls|\$this)(?:\.|->))?(?P<fn>[A-Za-z_$][\w$]*)"
    r"(?:<[\w\s,.\[\]|{}:;?<>]{0,160}>)?\s*\("  # (TypeScript's type arguments: `apiPost<T>(`)
)


def spans(text: str, at: int) -> list[tuple[int, int]]:
    """The spans of the arguments of a call whose `(` ends just before `at` (whitespace around
    each taken off); an empty argument list gives none."""
    found: list[tuple[int, int]] = []
    depth, quote, start, k = 0, "", at, at
    while k < len(text):
        c = text[k]
        if quote:
            if c == "\\":
                k = min(k + 1, len(text) - 1)  # (a text ending in the escape: no character past it)
            elif c == quote:
                quote = ""
        elif c in QUOTES:
            quote = c
        elif c in OPEN:
            depth += 1
        elif c in CLOSE:
            if depth == 0:
                break
            depth -= 1
        elif c == "," and depth == 0:
            found.append(_stripped(text, start, k))
            start = k + 1
        k += 1
    last = _stripped(text, start, k)
    if last[1] > last[0] or found:
        found.append(last)
    return found


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# A string literal that is a relative path, as an argument: "/v3/x/create", 'content/x', `/v4/x`
PATH_LITERAL = rx.compile(r"[fFrR]?(?P<q>[\"'`])(?P<path>/?[A-Za-z_][\w-]*/[^\s\"'`#]*)(?P=q)")
