"""C#'s null operators on a read taken out of the text, its length kept: the null-forgiving `!`
(`json["data"]!["video_status"]!.GetValue<int>()`, `info.Data!.data`) and the null-conditional
`?[` / `?.` (`node?["data"]?["video_url"]?.ToString()`), so that every reader of answers and
requests sees the plain `json["data"]["video_status"].GetValue<int>()` it stands for (`!` only
silences the compiler; `?` gives null where a read is missing, which the audit judges the same)."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# A null operator: a postfix `!` (not `!=`; C#'s logical not is a prefix) or a `?` that opens an
# indexer or a member (not `??`, nor a ternary's `? x`), right after an indexer's `]`, a call's
# `)` or a name. A name's `!` needs a member, an indexer or the expression's end after it (not
# a string's `"Hi!"`).
NULL_OP = r"(?:!(?![=!])|\?(?=\[|\.[A-Za-z_]))"
# The first operator and the member chain after it, other operators of the chain included: the
# chain is moved left over each operator and the spaces put after it, so it stays unbroken
# (`json["data"]["x"].GetValue<int>()   == 2`), only its own columns move.
NULL_READ = rx.compile(
    r"(?:(?<=[\])])|(?<=\w)(?=![.\[);,]|\?[.\[]))"
    + NULL_OP
    + r"(?P<chain>(?:\.\w+(?:<[\w.,\s?]*>)?(?:\([^()\n]*\))?|\[[^\[\]\n]*\]|(?<=[\])\w])"
    + NULL_OP
    + r")*)"
)
CHAIN_OP = rx.compile(r"(?<=[\])\w])" + NULL_OP + r"(?=[.\[]|$)")
CSHARP_FILES = (".cs", ".csx")


def blanked(name: str, text: str) -> str:
    """The text of a C# file with its null operators on reads taken out (other files as they are)."""
    if not name.lower().endswith(CSHARP_FILES) or ("!" not in text and "?" not in text):
        return text
    return NULL_READ.sub(_moved, text)


def _moved(m: re.Match[str]) -> str:
    chain = m.group("chain")
    kept = CHAIN_OP.sub("", chain)
    return kept + " " * (len(chain) + 1 - len(kept))
