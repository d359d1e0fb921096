"""The arguments of a call as the text of one line gives them: each argument's span, up to the
call's closing parenthesis (or the line's end, when the call goes on below), brackets and
strings kept whole; what a wrapper's later path parameters are read from."""

from __future__ import annotations

from akool_cli.audit import brackets, rx

# A call of a function or a method of the object itself: f(, self.f(, this.f(, $this->f(
CALL = rx.compile(
    r"(?<![\w$.>])(?:(?:self|this|cls|\$this)(?:\.|->))?(?P<fn>[A-Za-z_$][\w$]*)"
    r"(?:<[\w\s,.\[\]|{}:;?<>]{0,160}>)?\s*\("  # (TypeScript's type arguments: `apiPost<T>(`)
)


def spans(text: str, at: int) -> list[tuple[int, int]]:
    """The spans of the arguments of a call whose `(` ends just before `at` (whitespace around
    each taken off); an empty argument list gives none. Each ends at a comma outside the
    brackets and strings it opens, the last at the bracket that closes the call (brackets.walk)."""
    found: list[tuple[int, int]] = []
    start, end = at, len(text)
    k = brackets.walk(text, start, end, ",")
    while k < end and text[k] == ",":
        found.append(_stripped(text, start, k))
        start = k + 1
        k = brackets.walk(text, start, end, ",")
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
