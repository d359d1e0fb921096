"""JSON bodies written as an interpolated string and held in a name (Python's `body = f'{{"a":
"{x}"}}'`, Go's `body := fmt.Sprintf(`{"a":"%s"}`, x)`, Rust's `format!`, Java's and Kotlin's
`String.format`, JavaScript's template literal): the interpolation fills values, not entries, so
the literal is all the body the name holds (fields.sole_literal's holder, beside its own)."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# The name an interpolated string is bound to, read up to the string's opening quote (the JSON
# object starts right after it): `body = f'`, `payload := fmt.Sprintf(\``, `let body =
# format!(r#"`, `String body = String.format("`, `const body = \``.
INTERPOLATED_HOLDER = rx.compile(
    r"(?:\$|self\.|this\.)?(?P<n>[A-Za-z_]\w*)\s*(?::[^=\n]+)?(?::=|=)\s*"
    r"(?:[rR]?[fF][rR]?(?=[\"'])|(?:fmt\.Sprintf|String\.format|format!|\w+\.formatted)\(\s*r?#*)?"
    r"(?:\"\"\"|'''|[\"'`])\{?\Z"  # (`{{` of an f-string: the object opens at the second)
)


# A value the string's interpolation fills in: Python's and Rust's `{x}`/`{}`, JavaScript's `${x}`,
# Go's and Java's `%s`/`%v`/`%q`/`%d`.
MARK = rx.compile(
    r"\$\{[^{}\n]*\}|(?<!\{)\{[A-Za-z_]?[\w.\[\]()'\"]*(?::[^{}\n]*)?\}(?!\})|%[-+# 0-9.]*[svdqfx]"
)


def holder_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """The binding of an interpolated string whose JSON object spans start..end, if one, and if
    every interpolation fills a value (inside a string, or right after a key's colon): one that
    stands where entries do (`"720"${extra}}`, `, {more}}`) may add fields."""
    held = INTERPOLATED_HOLDER.search(text, max(0, start - 80), start)
    if held is None:
        return None
    for m in MARK.finditer(text, start + 1, end):  # (inside the object, not it)
        inside = text.count('"', start, m.start()) - text.count('\\"', start, m.start())
        if inside % 2 == 0 and not text[start : m.start()].rstrip().endswith(":"):
            return None
    return held
