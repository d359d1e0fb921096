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
    r"\s*(?:(?:command|sudo|env|exec|time)\s+)*(?P<tool>curl|wget|https?|xh|xhs)(?:\s|$)"
    r"|(?P<option>\s+-{1,2}[A-Za-z])"
)


def pipeline_fetch(line: str) -> str | None:
    """What the first jq of the line reads when the request's answer is piped to it straight from
    the request the same pipeline makes: the request's tool (`curl`: a name no answer is held in,
    so the read is the line's own call's, or no AKOOL call's), "" for the options of a request
    continued from the lines above (its own call is the one before); None when the pipeline's first
    stage is no request (`echo "$R" | jq`). A first stage that runs another command (the script's
    own function, `akool_get "/x?id=$id"`) is that command's output: its name."""
    if "jq" not in line:
        return None
    pipe = JQ_PIPE.search(line)
    if pipe is None:
        return None
    before = line[: pipe.start()]
    start = 0
    for m in COMMAND_START.finditer(before):
        start = m.end()
    first = before[start:]
    if "|" in first:  # (the pipeline's first stage: `curl ... | tee log | jq`)
        first = first[: first.index("|")]
    stage = FETCH_STAGE.match(first)
    if stage is not None:
        return stage.group("tool") or ""
    word = COMMAND_WORD.match(first)  # (the script's own function: `akool_get "/x?id=$id" | jq`)
    return word.group("w") if word is not None and word.group("w") not in PASSING else None


# A command run with arguments, and the commands that write what a variable they are given holds
# (`echo "$R" | jq`, `printf '%s' "$R"`, a text filter): their jq reads that variable's answer.
COMMAND_WORD = rx.compile(r"\s*(?P<w>[A-Za-z_][\w.-]*)\s+[\"'$/\w-]")
PASSING = frozenset(
    {
        "echo",
        "printf",
        "print",
        "cat",
        "tee",
        "jq",
        "sed",
        "tr",
        "head",
        "tail",
        "grep",
        "awk",
        "base64",
        "gunzip",
        "zcat",
        "iconv",
        "xargs",
        "yq",
        "gojq",
        "node",
        "python",
        "python3",
        "if",
        "then",
        "do",
        "while",
        "until",
        "elif",
        "else",
        "exec",
        "eval",
        "test",
    }
)
