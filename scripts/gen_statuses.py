"""Generate akool_cli/audit/statuses.json, the documented values of each endpoint's status fields
(`video_status`: 1 queueing, 2 processing, 3 completed, 4 failed), from AKOOL's documentation
text and the committed catalogue (which names each endpoint's answer fields and pages).

Usage: python scripts/gen_statuses.py [DOCS_DIR] [OUTPUT]
  DOCS_DIR defaults to ../shared/akool-docs beside the repository, OUTPUT to
  akool_cli/audit/statuses.json.

A field's values are taken from a line of the endpoint's own pages (or its OpenAPI file) that
names the field and then lists numbered states ("video_status: ... 【1:queueing, 2:processing,
3:completed, 4:failed】", "| - status | Integer | `1` queue, `2` processing, ..."), each state
word reduced to one of four meanings. A field whose pages give no such list, or two different
ones, gets none.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = ROOT.parent / "shared" / "akool-docs"
DEFAULT_OUTPUT = ROOT / "akool_cli" / "audit" / "statuses.json"
CATALOGUE = ROOT / "akool_cli" / "core" / "catalogue.json"

# The words AKOOL's pages give a state, by the meaning they share.
MEANINGS = {
    "queueing": "queueing",
    "queuing": "queueing",
    "queue": "queueing",
    "in queue": "queueing",
    "processing": "processing",
    "completed": "completed",
    "success": "completed",
    "failed": "failed",
}
# One numbered state: "1:queueing", "1=queueing", "1-queueing", "1 In Queue", "`1` queue",
# "1：queueing（...）" (full-width colon).
STATE = re.compile(
    r"`?(?P<n>\d)`?\s*(?:[:=：\-]\s*)?(?P<word>in queue|queueing|queuing|queue|processing|"
    r"completed|success|failed)\b",
    re.I,
)
# Four states in a row, as the pages list them.
_ONE = re.sub(r"\?P<\w+>", "", STATE.pattern)
STATES = re.compile(rf"(?:{_ONE}[^0-9\n]{{0,160}}?){{3,}}{_ONE}", re.I)
NAME = re.compile(r"[A-Za-z_]*status\b")


def states_of(text: str) -> dict[str, str] | None:
    """The numbered states of a list ("1:queueing, 2:processing, ..."), or None."""
    found = {m["n"]: MEANINGS[m["word"].lower()] for m in STATE.finditer(text)}
    return found if len(found) >= 3 and len(set(found.values())) == len(found) else None


def field_states(lines: list[str], field: str) -> list[dict[str, str]]:
    """Each list of states a line gives the field: the field named before the list, with no
    other status field named between (`video_sub_status` is not `video_status`)."""
    found = []
    for i, line in enumerate(lines):
        listed = STATES.search(line)
        if listed is None:
            continue
        before = line[: listed.start()]
        names = [m.group() for m in NAME.finditer(before)]
        named = bool(names) and (
            names[-1] == field or (field in names and _same_kind(names, field))
        )
        if not named and field == "status" and _table_row(line):
            named = line.split("|")[1].strip(" -`") == "status"
        if not named and _yaml_description(lines, i, field):
            named = True
        states = states_of(listed.group())
        if named and states:
            found.append(states)
    return found


def _same_kind(names: list[str], field: str) -> bool:
    """Whether every status name before a list is the field or the generic word "status"."""
    return all(n in (field, "status") for n in names)


def _table_row(line: str) -> bool:
    return line.lstrip().startswith("|") and line.count("|") >= 3


def _yaml_description(lines: list[str], i: int, field: str) -> bool:
    """Whether line i is an OpenAPI description of the property `field:` just above it."""
    if not lines[i].lstrip().startswith("description:"):
        return False
    indent = len(lines[i]) - len(lines[i].lstrip())
    for above in reversed(lines[max(0, i - 4) : i]):
        if len(above) - len(above.lstrip()) < indent:
            return above.strip() == f"{field}:"
    return False


# The code an answer's envelope gives on success: "business status code (1000: success)",
# "(`1000` = success)", "Treat `1000` as success", the legacy detect's "(0: success)".
SUCCESS = re.compile(r"`?(\d+)`?\s*(?:[:=]\s*success|as success)\b", re.I)


def code_success(lines: list[str], field: str) -> str | None:
    """The one success code the lines give the envelope's code field, or None."""
    found = set()
    for i, line in enumerate(lines):
        said = SUCCESS.search(line)
        if said is None:
            continue
        named = re.search(rf"(?<![\w`]){field}(?![\w`])", line[: said.start()]) is not None
        if named and _table_row(line):  # (a table's row is its first cell's: `| error_code |
            # int | Error code (0: success) |` is not the envelope's code)
            named = line.split("|")[1].strip(" -`") == field
        if named or _yaml_description(lines, i, field):
            found.add(said.group(1))
    return found.pop() if len(found) == 1 else None


def endpoint_states(docs: Path, endpoint: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The documented states of each status field of one endpoint's answer, by dotted path."""
    texts = [docs / f"{page}.mdx" for page in endpoint["pages"]]
    if endpoint.get("openapi"):
        texts.append(docs / "openapi" / endpoint["openapi"])
    lines = [ln for t in texts if t.is_file() for ln in t.read_text(encoding="utf-8").splitlines()]
    out: dict[str, dict[str, str]] = {}
    for path in endpoint["response"]:
        field = path.split(".")[-1]
        if not field.endswith("status") or "[" in path:
            continue
        found = field_states(lines, field)
        if found and all(one == found[0] for one in found):
            out[path] = found[0]
    for field in ("code", "error_code"):
        success = code_success(lines, field) if field in endpoint["response"] else None
        if success is not None:
            out[field] = {success: "success"}
    return out


def build(docs: Path) -> dict[str, Any]:
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    endpoints = {}
    for endpoint in catalogue["endpoints"]:
        states = endpoint_states(docs, endpoint)
        if states:
            endpoints[f"{endpoint['method']} {endpoint['path']}"] = states
    return {"generated_by": "scripts/gen_statuses.py", "endpoints": endpoints}


def main(argv: list[str]) -> int:
    docs = Path(argv[1]) if len(argv) > 1 else DEFAULT_DOCS
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    if not (docs / "SOURCE.md").is_file():
        sys.stderr.write(f"Error: {docs} does not hold AKOOL's documentation (no SOURCE.md)\n")
        return 2
    output.write_text(json.dumps(build(docs), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
