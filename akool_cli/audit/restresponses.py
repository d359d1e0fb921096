"""RestSharp's typed responses (`var r = await client.ExecuteGetAsync<Info>(req)`): a read through
their `.Data`, the decoded answer (`r.Data.data.video_status`), is read as a read of the answer
itself (`r.data.video_status`, the chain moved left over `.Data` and padded after it, offsets of
the rest of the line kept), not as the answer's own `data` field."""

from __future__ import annotations

import re

from akool_cli.audit import rx

WORD = "RestSharp"  # (a file that does not name RestSharp has no such response)
# A name bound to what a RestSharp executor gives (`RestResponse<T>`: its `.Data` is the answer).
BOUND = rx.compile(
    r"(?<![\w.])(?P<n>[A-Za-z_]\w*)\s*=\s*(?:await\s+)?[\w.]+\s*\.\s*"
    r"Execute(?:Get|Post|Put|Patch|Delete)?(?:Async)?\s*<"
)
CHAIN = r"(?P<chain>(?:\??\.\w+|\[[^\[\]\n]*\]|!(?![=!]))*)"


def unwrapped(name: str, text: str) -> str:
    """The text of a C# file with its RestSharp responses' `.Data` reads made reads of the answer."""
    if WORD not in text or not name.lower().endswith((".cs", ".csx")) or ".Data" not in text:
        return text
    names = {m["n"] for m in BOUND.finditer(text)}
    if not names:
        return text
    read = re.compile(rf"(?<![\w.])(?P<r>{'|'.join(sorted(names))})\.Data[!?]?(?=\??\.\w){CHAIN}")
    return read.sub(_moved, text)


def _moved(m: re.Match[str]) -> str:
    kept = m["r"] + m["chain"]
    return kept + " " * (len(m.group(0)) - len(kept))
