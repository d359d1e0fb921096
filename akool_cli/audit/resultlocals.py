"""Names a JavaScript destructuring binds to a job's result field of an AKOOL answer (`const {
data: { image_status: status, image } } = await res.json()`: `image` holds data.image), so that a
branch that hands such a name on (`if (status === 2) return image;`) reads the result, as one that
reads `data.image` does (statuses: the state a comparison's branch takes its number for)."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# The result fields (statuses.RESULT_READ's), as a destructuring pattern's key: shorthand
# (`image`) or renamed (`video: url`), right after `{` or `,`.
PATTERN_KEY = rx.compile(
    r"[{,]\s*(?P<k>video_url|video|url|image|preview)\s*(?::\s*(?P<n>[A-Za-z_$][\w$]*)\s*)?(?=[,}=])"
)
# A destructuring declaration: `const { ... } = `.
DECLARED = rx.compile(r"^\s*(?:const|let|var)\s*\{(?P<p>[^=;]*)\}\s*=[^=]")
LOOK_BACK = 12  # lines above the comparison in which the destructuring is looked for


def result_names(lines: list[str], i: int) -> set[str]:
    """The names a destructuring in the few lines above line i binds to a result field."""
    found: set[str] = set()
    for text in lines[max(0, i - LOOK_BACK) : i]:
        m = DECLARED.match(text) if "{" in text else None
        if m is None:
            continue
        for key in PATTERN_KEY.finditer("{" + m.group("p") + "}"):
            found.add(key.group("n") or key.group("k"))
    return found


def hands_on(body: str, names: set[str]) -> bool:
    """Whether a branch's statements return or resolve with one of the names alone."""
    return any(
        re.search(rf"\b(?:return|resolve\()\s*{re.escape(name)}\s*[;)}}]?\s*$", body, re.M)
        for name in names
    )
