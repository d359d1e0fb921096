"""Numbers a script converts to a string before it sends them, in the JVM's, .NET's and Go's
spellings (`String.valueOf(10)`, `Integer.toString(10)`, `Convert.ToString(10)`, `10.ToString()`,
`strconv.Itoa(10)`, `fmt.Sprint(10)`; Python's `str(10)` and JavaScript's `String(10)` too): the
value rules read the number, and the type rule reports the string where the docs give a number."""

from __future__ import annotations

from akool_cli.audit import rx

# The converter a number is the one argument of, right before it (the number's `before`).
CONVERTER = rx.compile(
    r"\s*(?:String\.valueOf|(?:Integer|Long|Double)\.toString|Convert\.ToString"
    r"|strconv\.(?:Itoa|FormatInt)|fmt\.Sprint)\(\s*"
)
# Any conversion around a number written at an offset: a converter's call before it (the ones
# above, Python's `str(`, JavaScript's `String(`) or `.ToString()`/`.toString()` after it.
BEFORE = rx.compile(
    r"(?:(?<![\w.])(?:str|String)|String\.valueOf|(?:Integer|Long|Double)\.toString"
    r"|Convert\.ToString|strconv\.(?:Itoa|FormatInt)|fmt\.Sprint)\(\s*$"
)
AFTER = rx.compile(r"\s*\)?\s*\.\s*(?:toString|ToString)\s*\(\s*\)")
NEAR = 40


def converter_only(before: str) -> bool:
    """Whether the text before a number in a value is a converter's call alone (see CONVERTER)."""
    return CONVERTER.fullmatch(before) is not None


def made_string(text: str, offset: int, width: int) -> bool:
    """Whether the number written at text[offset:offset + width] is converted to a string."""
    if not text[offset : offset + width].lstrip("-").isdigit():
        return False
    before = text[max(0, offset - NEAR) : offset]
    return BEFORE.search(before) is not None or AFTER.match(text, offset + width) is not None
