"""Ruby's HTTP calls written without parentheses (RestClient's README style: `RestClient.post
url, payload.to_json, headers`; `HTTParty.get url, query: {...}`; `conn.post path, body`): the
text of their arguments, from the blank after the verb to the end of the statement (a line that
ends in `,`, or leaves a bracket open, goes on), read as the call's argument list."""

from __future__ import annotations

from akool_cli.audit import brackets, rx

# A library verb called without parentheses, its first argument (the URL, a path, a name) after a
# blank: `RestClient.post "https://..."`, `HTTParty.get(` is not one (it has its parenthesis).
COMMAND = rx.compile(
    r"(?:(?<![\w@$])(?:[A-Z]\w*(?:::[A-Z]\w*)*|@?[a-z_]\w*)|\))\s*\.\s*"
    r"(?:get|post|put|patch|delete|head)!?(?P<gap>[ \t]+)(?=[\"'A-Za-z_@:#])"
)
CONTINUED = (",", "\\", "(", "[", "{", "+")
STATEMENT_LINES = 8  # (how many lines a call written so may go on over)


def command_call(text: str, line_start: int, offset: int) -> tuple[int, int] | None:
    """The extent of the arguments of a call without parentheses whose arguments hold `offset`
    (its line starting at `line_start`), or None."""
    m = COMMAND.search(text, line_start, offset)
    if m is None or m.end("gap") > offset:
        return None
    start = m.start("gap")
    end = start
    for _ in range(STATEMENT_LINES):
        end = brackets.walk(text, end, len(text), "\n#")
        if end >= len(text) or text[end] != "\n" or not text[:end].rstrip().endswith(CONTINUED):
            break
        end += 1
    return (start, end) if end > offset else None


def command_at(text: str, line_start: int, gap: int) -> bool:
    """Whether the blank at `gap` follows a library verb called without parentheses."""
    return any(m.start("gap") == gap for m in COMMAND.finditer(text, line_start, gap + 80))


# The words a line holds when a verb may be called on it without parentheses (cheaper than COMMAND).
VERB_WORDS = (".get ", ".post ", ".put ", ".patch ", ".delete ", ".get\t", ".post\t")


def parenthesized(line: str) -> str | None:
    """The line with its first verb called without parentheses given one (`conn.get "x", k: v`
    read as `conn.get("x", k: v`: the blank after the verb becomes the parenthesis, so every
    column stays), for the readers of a path given to a client's verb; None when it has none."""
    if not any(word in line for word in VERB_WORDS):
        return None
    m = COMMAND.search(line)
    if m is None or line[m.end("gap") : m.end("gap") + 1] not in ("'", '"'):
        return None
    return line[: m.start("gap")] + "(" + line[m.start("gap") + 1 :]
