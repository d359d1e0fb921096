"""C#'s null-forgiving `!` (`json["data"]!["video_status"]!.GetValue<int>()`, `info.Data!.data`)
taken out of the text, its length kept, so that every reader of answers and requests sees the
plain `json["data"]["video_status"].GetValue<int>()` it stands for: the operator only silences the
compiler and changes nothing at run time."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# A postfix `!` (right after an indexer's `]` or a call's `)`, or after a name a member, an indexer
# or the expression's end follows: not a string's `"Hi!"`; C#'s logical not is a prefix and `!=`
# is no `!`) and the member chain after it, other `!`s of the chain included.
# The chain is moved left over each `!` and the spaces put after it: the chain stays unbroken
# (`json["data"]["x"].GetValue<int>()   == 2`), only its own columns move.
POSTFIX_BANG = rx.compile(
    r"(?:(?<=[\])])|(?<=\w)(?=![.\[);,]))!(?![=!])(?P<chain>(?:\.\w+(?:<[\w.,\s?]*>)?(?:\([^()\n]*\))?"
    r"|\[[^\[\]\n]*\]|(?<=[\])\w])!(?![=!]))*)"
)
SUFFIXES = (".cs", ".csx")


def blanked(name: str, text: str) -> str:
    """The text of a C# file with its null-forgiving operators taken out (other files as they are)."""
    if not name.lower().endswith(SUFFIXES) or "!" not in text:
        return text
    return POSTFIX_BANG.sub(_moved, text)


def _moved(m: re.Match[str]) -> str:
    chain = m.group("chain")
    kept = _bangless(chain)
    return kept + " " * (len(chain) + 1 - len(kept))


def _bangless(chain: str) -> str:
    """The chain without its postfix `!`s (a `!` inside an indexer's string stays)."""
    return re.sub(r"(?<=[\])\w])!(?![=!])(?=[.\[]|$)", "", chain)
