"""HTTP helpers of glue platforms that give the parsed answer rather than a response: Pipedream's `axios($, config)` imported from "@pipedream/platform" returns the body (what a plain axios response holds in `.data`), so its `res.data._id` is the answer's `data._id`."""

from __future__ import annotations

from akool_cli.audit import rx

# `import { axios } from "@pipedream/platform"` (or `{ axios as http }`), `const { axios } =
# require("@pipedream/platform")`: the local name bound to the platform's axios.
PLATFORM_AXIOS = rx.compile(
    r"\{[^{}]*?\baxios(?:\s+as\s+(?P<alias>[A-Za-z_$][\w$]*))?\b[^{}]*\}\s*"
    r"(?:from\s*|=\s*require\(\s*)[\"']@pipedream/platform[\"']"
)


def body_givers(lines: list[str]) -> dict[str, int]:
    """The names of the file's platform helpers that give the parsed answer, each with 1 (the
    level of the answer they give: its whole body, as ties.Lines.unwrapped counts)."""
    found: dict[str, int] = {}
    for line in lines:
        if "@pipedream/platform" not in line:
            continue
        for m in PLATFORM_AXIOS.finditer(line):
            found[m.group("alias") or "axios"] = 1
    return found
