"""Bodies given apart from the parentheses of the call that names their URL: a body link earlier in
the builder chain the call ends (Go resty's `client.R().SetBody(b).Post(path)`), a block or
trailing lambda after the call that sets it, or that holds the URL (Ruby Faraday's
`conn.post(path) do |req| req.body = ... end`, `req.url "/api/..."` in it, Kotlin Ktor's
`client.post(url) { setBody(...) }`), and what a curl command sends as its data: the
here-document that follows it (`curl -d @- <<EOF`) or a name's text (`-d "$BODY"`, a `read`'s)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from akool_cli.audit import flurl, rx
from akool_cli.audit.curlargs import CURL_WORD, curl_options
from akool_cli.audit.handles import value_end

if TYPE_CHECKING:
    from akool_cli.audit.fields import Text

# A link of a chain right before a call's callee, matched on the text before the callee's `(`:
# the `)` of the link before, then `.Post`.
LINK_BEFORE = rx.compile(r"\)\s*\.\s*[A-Za-z_]\w*\s*$")
LINK_NAME = rx.compile(r"\.\s*(?P<name>[A-Za-z_]\w*)\s*$")
# The links that give a chain's request its body (resty: SetBody, SetFormData).
BODY_LINKS = frozenset({"SetBody", "SetFormData"})
CHAIN_LINKS = 12  # links of a chain read from its call
# A link after a call (`.send(`), and those that give the request its body there.
LINK_AFTER = rx.compile(r"\s*\.\s*(?P<name>[A-Za-z_]\w*)\s*\(")
AFTER_LINKS = frozenset(
    {"send", "body", "jsonBody", *flurl.BODY_VERBS}
)  # (Fuel's `.jsonBody(json)`)
# An HTTP verb called on the URL's own string (Kotlin Fuel's `"$BASE/x".httpPost()`), matched
# from the path to the end of its line: its `(` is the call whose chain gives the body.
RECEIVER_VERB = rx.compile(r"[^\s\"]*\"(?:\"\")?\s*\.\s*http(?:Post|Put|Patch|Get|Delete)\s*\(")
URL_END = rx.compile(r"[^\s\"]*\"")  # (from a path to its string's closing quote)
BEFORE = 120  # characters before a `(` in which the link's name is read

# A block after a call that is given the request: Ruby's `do |req|` and `{ |req|`.
RUBY_BLOCK = rx.compile(r"[ \t]*(?P<open>do|\{)[ \t]*\|[ \t]*(?P<h>[A-Za-z_]\w*)[ \t]*\|")
KOTLIN_LAMBDA = rx.compile(r"[ \t]*\{")
BLOCK_LINES = 40  # lines of a `do ... end` block read
RUBY_END = rx.compile(r"[ \t]*end\b")
# What sets the request's body inside the block: `req.body =` (Ruby), `setBody(` (Ktor).
RUBY_BODY = r"(?<![\w.@]){h}\s*\.\s*body\s*=(?![=~>])"
KTOR_BODY = rx.compile(r"(?<![\w.])setBody\s*\(")
# A URL given inside the block: Faraday's `req.url "/api/..."` / `req.url("...")`; the block that
# gives `req` (`do |req|`, `{ |req|`); Ktor's `client.post {` (the label of its lambda).
RUBY_URL = rx.compile(r"[ \t]*(?P<h>[A-Za-z_]\w*)\.url\b(?!\s*=)")
RUBY_OPENER = r"(?P<open>\bdo|\{)[ \t]*\|[ \t]*(?P<h>{h})[ \t]*\|"
KTOR_CALL = rx.compile(r"\.(?:get|post|put|patch|delete|request|prepare\w*)\s*(?:\([^()]*\))?\s*$")


def extents(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The text of each body the call [start, end) is given apart from its parentheses."""
    return [*_chained(doc, call), *_chained_after(doc, call), *_block(doc, call)]


def receiver_call(doc: Text, offset: int) -> tuple[int, int] | None:
    """The parentheses of an HTTP verb called on the URL literal a path at `offset` ends (Fuel's
    `"$AKOOL/content/x".httpPost()`), which the body links after it follow (see extents)."""
    if doc.language == "csharp":  # (Flurl's `"https://.../x".WithHeader(...).PostJsonAsync(b)`)
        quoted = URL_END.match(doc.text, offset)
        return flurl.sending_call(doc.text, quoted.end()) if quoted is not None else None
    m = RECEIVER_VERB.match(doc.text, offset)
    return doc.paren_around(m.end()) if m is not None else None


def _chained_after(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The body links of the builder chain the call starts (superagent's `.post(url).set(...)
    .send({...})`, Unirest's `.post(url).header(...).body(json)`)."""
    found: list[tuple[int, int]] = []
    at = call[1]
    for _ in range(CHAIN_LINKS if doc.language != "rust" else 0):  # (Rust's: fields.py)
        link = LINK_AFTER.match(doc.text, at)
        pair = doc.paren_around(link.end()) if link is not None else None
        if link is None or pair is None or pair[0] != link.end() - 1:
            break
        if link.group("name") in AFTER_LINKS:
            found.append(pair)
        at = pair[1]
    return found


def _chained(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The body links of the builder chain that the call ends."""
    found: list[tuple[int, int]] = []
    at = call[0]
    for _ in range(CHAIN_LINKS):
        link = LINK_BEFORE.search(doc.text, max(0, at - BEFORE), at)
        if link is None:
            break
        close = link.start()
        pair = doc.paren_around(close)
        if pair is None or pair[1] != close + 1:
            break
        name = LINK_NAME.search(doc.text, max(0, pair[0] - BEFORE), pair[0])
        if name is None:
            break
        if name.group("name") in BODY_LINKS:
            found.append(pair)
        at = pair[0]
    return found


def _block(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The bodies set in the block or trailing lambda right after the call's parentheses."""
    if doc.language == "kotlin":
        opened = KOTLIN_LAMBDA.match(doc.text, call[1])
        index = doc.container_at(opened.end() - 1) if opened is not None else None
        return _ktor_bodies(doc, index) if index is not None else []
    ruby = RUBY_BLOCK.match(doc.text, call[1])
    return _ruby_bodies(doc, doc.line_of(call[0]), ruby) if ruby is not None else []


def in_block(doc: Text, offset: int) -> list[tuple[int, int]]:
    """For a URL given inside the block a call is given (Faraday's `conn.post do |req| req.url
    "/api/..."; req.body = ... end`, Ktor's `client.post { url("..."); setBody(...) }`): the
    bodies that block sets."""
    if doc.language == "kotlin":
        k = doc.innermost(offset)
        while k >= 0 and not (
            doc.text[doc.containers[k].start] == "{" and KTOR_CALL.search(doc.containers[k].label)
        ):
            k = doc.containers[k].parent
        return _ktor_bodies(doc, k) if k >= 0 else []
    line = doc.line_of(offset)
    given = RUBY_URL.match(doc.line_text(line)) if doc.language == "ruby" else None
    if given is None:
        return []
    opener = re.compile(RUBY_OPENER.replace("{h}", re.escape(given.group("h"))))
    for back in range(line - 1, max(-1, line - BLOCK_LINES), -1):
        ruby = opener.search(doc.text, doc.starts[back], doc.starts[back + 1])
        if ruby is not None:
            return _ruby_bodies(doc, back, ruby)
    return []


def _ktor_bodies(doc: Text, index: int) -> list[tuple[int, int]]:
    """The parentheses of each `setBody(...)` in a Kotlin lambda."""
    lambda_ = doc.containers[index]
    return [
        _call_of(doc, m.end()) for m in KTOR_BODY.finditer(doc.text, lambda_.start, lambda_.end)
    ]


def _ruby_bodies(doc: Text, first: int, opened: re.Match[str]) -> list[tuple[int, int]]:
    """The value of each `req.body = ...` in a Ruby block opened (RUBY_BLOCK) on line `first`."""
    end = _block_end(doc, first, opened)
    setter = re.compile(RUBY_BODY.replace("{h}", re.escape(opened.group("h"))))
    return [
        (m.end(), value_end(doc.text, m.end()))
        for m in setter.finditer(doc.text, opened.end(), end)
    ]


def _call_of(doc: Text, after: int) -> tuple[int, int]:
    """The parentheses of the call whose `(` is right before `after`."""
    pair = doc.paren_around(after)
    return pair if pair is not None else (after, after)


def _block_end(doc: Text, first: int, opened: re.Match[str]) -> int:
    """Where a Ruby block opened on line `first` ends: its `}`, or the `end` of that line's
    indentation (or less) after a `do`."""
    if opened.group("open") == "{":
        index = doc.container_at(opened.start("open"))
        return doc.containers[index].end if index is not None else opened.end()
    line_text = doc.line_text(first)
    indent = len(line_text) - len(line_text.lstrip())
    for line in range(first + 1, min(first + BLOCK_LINES, len(doc.starts))):
        text = doc.line_text(line)
        if text.strip() and len(text) - len(text.lstrip()) <= indent:
            return doc.starts[line] + (len(text) if RUBY_END.match(text) else 0)
    return doc.starts[min(first + BLOCK_LINES, len(doc.starts) - 1)]


# curl's options that read their data from stdin when given `@-` (--data-raw takes it as text).
STDIN_DATA = frozenset({"--data", "--data-binary", "--data-ascii", "--json"})
HEREDOC = rx.compile(r"<<(?P<dash>-?)[ \t]*(?P<q>['\"]?)(?P<word>[A-Za-z_]\w*)(?P=q)")
HEREDOC_LINES = 200  # lines of a here-document read


def _from_heredoc(value: str | None) -> bool:
    """Whether a data option's value is what a here-document gives: stdin (`@-`) or the text of
    a `$(cat <<EOF` that the document follows."""
    return value == "@-" or (value or "").startswith("$(cat <<")


def heredoc(doc: Text, command: tuple[int, int]) -> list[tuple[int, int]]:
    """The here-document a curl command reads its data from (`-d @- <<EOF`, `--data-binary @-
    <<'JSON'`): the lines after the command up to the one that ends it."""
    text = doc.text[command[0] : command[1]]
    marker = HEREDOC.search(text) if "<<" in text else None
    run = CURL_WORD.search(text) if marker is not None else None
    if marker is None or run is None:
        return []
    options = curl_options(text, run.end())
    if not any(o.name in STDIN_DATA and _from_heredoc(o.value) for o in options):
        return []
    first = doc.line_of(command[1]) + 1
    for line in range(first, min(first + HEREDOC_LINES, len(doc.starts))):
        written = doc.line_text(line)
        if (written.lstrip("\t") if marker.group("dash") else written) == marker.group("word"):
            return [(doc.starts[first], doc.starts[line])] if line > first else []
    return []


DATA_NAME = rx.compile(r"\$(?:\{(?P<b>[A-Za-z_]\w*)\}|(?P<n>[A-Za-z_]\w*))")
# `read -r -d '' BODY <<'EOF'`: a name given a here-document's text.
READ_INTO = r"\bread\b[^\n]*\s{name}[ \t]*<<-?[ \t]*(?P<q>['\"]?)(?P<word>[A-Za-z_]\w*)(?P=q)"


def data_names(doc: Text, command: tuple[int, int]) -> list[str]:
    """The names whose text a curl command sends as its data (`-d "$BODY"`, `--data-binary
    "${PAYLOAD}"`), each a whole option value."""
    text = doc.text[command[0] : command[1]]
    run = CURL_WORD.search(text) if "$" in text else None
    if run is None:
        return []
    found = []
    for option in curl_options(text, run.end()):
        whole = DATA_NAME.fullmatch(option.value or "") if option.name in STDIN_DATA else None
        if whole is not None:
            found.append(whole.group("b") or whole.group("n"))
    return found


# Where READ_INTO can match: from a `read` to the end of the line after it (its `\s` before the
# name may be a line break); and the names it may give there (any name READ_INTO takes).
READ_WORD = rx.compile(r"\bread\b")
READ_REACH = rx.compile(r"[^\n]*\n?[^\n]*")
READ_NAME = rx.compile(r"\s(?P<name>[A-Za-z_]\w*)[ \t]*<<-?[ \t]*(?P<q>['\"]?)[A-Za-z_]\w*(?P=q)")


def _read_spans(doc: Text) -> dict[str, list[tuple[int, int]]]:
    """Each `read` of a file, by the names it may give, with the text READ_INTO may match from
    it (found once per file: a curl command's thousands of `-d "$NAME"` each searched the whole
    file for a `read` of its name, break27a)."""
    if doc.read_spans is None:
        doc.read_spans = {}
        for m in READ_WORD.finditer(doc.text):
            reach = READ_REACH.match(doc.text, m.end())
            end = reach.end() if reach is not None else m.end()
            for given in READ_NAME.finditer(doc.text, m.end(), end):
                spans = doc.read_spans.setdefault(given.group("name"), [])
                if not spans or spans[-1][0] != m.start():
                    spans.append((m.start(), end))
    return doc.read_spans


def read_into(doc: Text, name: str, before: int) -> list[tuple[int, int]]:
    """The here-document a shell `read` gives a name last before an offset, if any."""
    spans = [span for span in _read_spans(doc).get(name, []) if span[0] < before]
    pattern = re.compile(READ_INTO.replace("{name}", re.escape(name))) if spans else None
    matches: list[re.Match[str]] = []
    for start, end in reversed(spans):  # (the last read of the name before the offset)
        if pattern is not None and not matches:
            matches = list(pattern.finditer(doc.text, start, min(end, before)))
    if not matches:
        return []
    found = matches[-1]
    first = doc.line_of(found.end()) + 1
    for line in range(first, min(first + HEREDOC_LINES, len(doc.starts))):
        if doc.line_text(line).strip() == found.group("word"):
            return [(doc.starts[first], doc.starts[line])] if line > first else []
    return []


# An array of cURL options that gives the URL (`$opts = [CURLOPT_URL => ..., ...]`, passed to
# `curl_setopt_array($ch, $opts)` later), and its body's entry.
OPTIONS_URL = rx.compile(r"\bCURLOPT_URL\s*=>")
OPTIONS_BODY = rx.compile(r"\bCURLOPT_POSTFIELDS\s*=>")


def options_array(doc: Text, offset: int) -> list[tuple[int, int]]:
    """For a URL given as the CURLOPT_URL entry of an array of cURL options: the value of the
    array's own CURLOPT_POSTFIELDS entry."""
    k = doc.innermost(offset)
    line_start = doc.starts[doc.line_of(offset)]
    if k < 0 or not OPTIONS_URL.search(doc.text, max(doc.containers[k].start, line_start), offset):
        return []
    array = doc.containers[k]
    return [
        (m.end(), value_end(doc.text, m.end()))
        for m in OPTIONS_BODY.finditer(doc.text, array.start, array.end)
        if doc.innermost(m.start()) == k
    ]


# PowerShell's splatting: a hashtable of a cmdlet's parameters (`$params = @{ Uri = "..."; Method =
# "Post"; Body = (@{...} | ConvertTo-Json) }`) given to Invoke-RestMethod as `@params`.
SPLAT_URL = rx.compile(r"(?i)\bUri\s*=\s*[\"']?[^\"'\n]*$")
SPLAT_BODY = rx.compile(r"(?im)^[ \t]*Body\s*=\s*|;\s*Body\s*=\s*")
SPLAT_HOLDER = rx.compile(r"\$(?P<n>[A-Za-z_]\w*)\s*=\s*@$")
PS_SENDER = r"(?i)\b(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\b[^\n]*@{n}\b"


def splatted(doc: Text, offset: int) -> list[tuple[int, int]]:
    """For a URL given as the `Uri` entry of a PowerShell hashtable that an HTTP cmdlet is given
    splatted (`Invoke-RestMethod @params`): the value of the hashtable's own `Body` entry."""
    k = doc.innermost(offset) if doc.language == "powershell" else -1
    if k < 0:
        return []
    table = doc.containers[k]
    line_start = doc.starts[doc.line_of(offset)]
    if not SPLAT_URL.search(doc.text, max(table.start, line_start), offset):
        return []
    holder = SPLAT_HOLDER.search(doc.text, max(0, table.start - 60), table.start)
    if holder is None or not re.search(PS_SENDER.format(n=holder["n"]), doc.text[table.end :]):
        return []
    return [
        (m.end(), value_end(doc.text, m.end()))
        for m in SPLAT_BODY.finditer(doc.text, table.start + 1, table.end)
        if doc.innermost(m.end()) == k
    ]


# A PowerShell cmdlet's GET (no `-Method`, or `-Method Get`): its `-Body` hashtable is the query.
PS_COMMAND = rx.compile(
    r"(?i)^\s*(?:\$[\w:]+\s*=\s*)?(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\b"
)
PS_NOT_GET = rx.compile(r"(?i)-Method\s+['\"]?(?!Get\b)\w")


def ps_get_body(segment: str) -> bool:
    """Whether a PowerShell command (its text) is a GET, whose `-Body` it sends as the query."""
    return bool(PS_COMMAND.match(segment)) and not PS_NOT_GET.search(segment)
