"""Shell pipelines whose jq reads the answer of a request made in the pipeline itself (`curl
".../infobymodelid?image_model_id=$ID" | jq -r '.data.image'`): the variables in the request's own
arguments are what it sends, not the answer jq is given, so the read is the command's own."""

from __future__ import annotations

from akool_cli.audit import rx

# The pipe that feeds jq, and where the command that writes into it starts: the line's start, a
# command substitution `$(`, a backtick, `;`, `&&`, `||`.
JQ_PIPE = rx.compile(r"(?<!\|)\|\s*jq\b")
COMMAND_START = rx.compile(r"\$\(|`|;|&&|\|\|")
# A command that makes an HTTP request and writes the answer to stdout (curl, wget -O-, httpie,
# xh), maybe run through `command`/`sudo`/`env`; or a continued command's option (`  -d "$B" |
# jq`, a line of a request written over several lines with `\`).
FETCH_STAGE = rx.compile(
    r"\s*(?:(?:command|sudo|env|exec|time)\s+)*(?:curl|wget|https?|xh|xhs)(?:\s|$)|\s+-{1,2}[A-Za-z]"
)


def fetched_in_pipeline(line: str) -> bool:
    """Whether the first jq of the line reads a request's answer piped to it straight from the
    request the same pipeline makes (its first stage is curl, wget, httpie or xh)."""
    if "jq" not in line:
        return False
    pipe = JQ_PIPE.search(line)
    if pipe is None:
        return False
    before = line[: pipe.start()]
    start = 0
    for m in COMMAND_START.finditer(before):
        start = m.end()
    first = before[start:]
    if "|" in first:  # (the pipeline's first stage: `curl ... | tee log | jq`)
        first = first[: first.index("|")]
    return FETCH_STAGE.match(first) is not None
