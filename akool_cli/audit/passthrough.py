"""A script's own helpers that send the body they are given unchanged (`def _post(path, body):
return requests.post(BASE + path, json=body)`, JavaScript's `body: JSON.stringify(body)`, a shell
function's `-d "$2"`, PHP's `CURLOPT_POSTFIELDS => json_encode($body)`): a literal given to such a
helper is all its request sends, as if given to the HTTP library itself. A helper that touches
its body parameter anywhere else (adds a key, merges defaults, passes it on) is not one."""

from __future__ import annotations

import re
from functools import lru_cache

from akool_cli.audit import brackets, rx

# The name of the function a call at an opening parenthesis calls (`_post(`, `self._post(`,
# `this.post(`, `$this->request(`), read backwards from the parenthesis.
CALLEE = rx.compile(r"(?P<fn>[A-Za-z_]\w*)\s*$")
# A definition of `{fn}` and where its parameters open: Python's and Ruby's `def`, JavaScript's
# and PHP's `function`, an arrow or function bound to the name, a class method (`async fn(`).
DEFINITION = (
    r"(?:\bdef\s+{fn}\s*\(|\bfunction\s+&?{fn}\s*\("
    r"|(?<![\w$.]){fn}\s*=\s*(?:async\s+)?(?:function\s*)?\("
    r"|^[ \t]*(?:(?:public|private|protected|static|async|final)\s+)*{fn}\s*\((?=[^()]*\)\s*(?::[^{{;]*)?\{{))"
)
# A shell function's definition: `name() {`, `function name {`.
SHELL_DEFINITION = r"^[ \t]*(?:function\s+)?{fn}\s*(?:\(\s*\))?\s*\{{"
# Where a body parameter may stand: given as the request's body as it is, serialized whole
# (`json=body`, `data=json.dumps(body)`, `body: JSON.stringify(body)`, `json: body`, axios'
# `.post(url, body)`, PHP's `json_encode($body)`, Guzzle's `'json' => $body`), or only tested
# (`$body ? ... : null`, `if body:`, `empty($body)`).
SENT = (
    r"(?:\b(?:json|data|content)\s*=\s*(?:json\.dumps\(\s*)?{p}\s*\)?\s*[,)]"
    r"|\b(?:body|data|json)\s*:\s*(?:JSON\.stringify\(\s*)?{p}\s*\)?\s*[,}})]"
    r"|\.(?:post|put|patch)\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*{p}\s*[,)]"
    r"|\bjson_encode\(\s*{p}\s*\)"
    r"|[\"']json[\"']\s*=>\s*{p}\s*[,\]]"
    r"|{p}\s*\?(?![?.])|\bif\s*\(?\s*{p}\s*[):]|\bempty\(\s*{p}\s*\))"
)
SHELL_SENT = r"(?:-d|--data(?:-raw|-binary)?|--json)[ \t=]+[\"']?\$\{{?{n}\}}?[\"']?(?=\s|$)"
LOOK = 4000  # (how far a helper's body is read: a function, not a module)


def sends_unchanged(text: str, call: int, literal: int, shell: bool) -> bool:
    """Whether the call at `call` (its opening parenthesis; a shell line's start when `shell`)
    is of a helper of the text that sends the argument holding `literal` as its request's
    body, unchanged."""
    if shell:
        return _shell_sends(text, call, literal)
    callee = CALLEE.search(text, max(0, call - 60), call)
    if callee is None or text[call : call + 1] != "(":
        return False
    fn = callee.group("fn")
    position = _argument_index(text, call, literal)
    found = _definitions(text, DEFINITION, fn)
    if position is None or len(found) != 1 or found[0][0] <= call < found[0][1]:
        return False
    opened = found[0][1] - 1
    closed = brackets.walk(text, opened + 1, len(text))
    parts = _split(text, opened + 1, closed)
    keyword = BODY_KEYWORD.match(_split(text, call + 1, literal + 1)[-1])
    if keyword is not None:  # (`_request("POST", path, json={...})` to `def _request(m, p, **kw)`)
        rest = [part.strip()[2:] for part in parts if part.strip().startswith("**")]
        return len(rest) == 1 and _only_handed_on(_body(text, closed), _name(rest[0]))
    params = [p for p in (_name(part) for part in parts) if p]
    params = [p for p in params if p not in ("self", "cls")]
    if position >= len(params):
        return False
    return _only_sent(_body(text, closed), params[position])


@lru_cache(maxsize=64)
def _definitions(text: str, definition: str, fn: str) -> tuple[tuple[int, int], ...]:
    """Where each match of a definition (DEFINITION, SHELL_DEFINITION) of a function in the text
    starts and ends: found once a text and name, not once a call (each call of the helper
    searched the whole text: 5,000 calls, 5,000 searches of it)."""
    pattern = definition.format(fn=re.escape(fn))
    return tuple((m.start(), m.end()) for m in re.finditer(pattern, text, re.M))


# A keyword argument that is a Python HTTP call's body (`json=`, `data=`), before the literal.
BODY_KEYWORD = rx.compile(r"\s*(?:json|data)\s*=\s*[\[{(]$")
# An HTTP library's call a helper hands its keyword arguments on to (`session.request(m, u, **kw)`).
HANDED_ON = r"(?:\brequests|\bhttpx|\.\s*(?:session|client|_session|_client|http))\s*\.\s*(?:request|get|post|put|patch|delete)\([^()]*\*\*{p}\s*\)"


def _only_handed_on(body: str, name: str) -> bool:
    """Whether a helper's keyword arguments (`**kw`) are used only as handed whole to an HTTP
    library's call (nothing read, set or defaulted: `kw.setdefault("json", ...)` adds)."""
    if not name:
        return False
    uses = re.findall(rf"(?<![\w$]){re.escape(name)}(?!\w)", body)
    handed = re.findall(HANDED_ON.format(p=re.escape(name)), body)
    return len(uses) == 1 and len(handed) == 1


def _argument_index(text: str, call: int, literal: int) -> int | None:
    """Which top-level argument of the call at `call` holds the offset `literal`."""
    end = brackets.walk(text, call + 1, min(len(text), call + LOOK))
    if not call < literal < end:
        return None
    index = 0
    k = call + 1
    while k < literal:
        k = brackets.walk(text, k, end, ",")
        if k >= literal:
            break
        index += 1
        k += 1
    return index


def _split(text: str, start: int, end: int) -> list[str]:
    parts, k = [], start
    while k < end:
        stop = brackets.walk(text, k, end, ",")
        parts.append(text[k:stop])
        k = stop + 1
    return parts


def _name(part: str) -> str:
    """A parameter's name (`body`, `$body`, `body: dict`, `array $body = []`, `body=None`)."""
    m = re.search(r"(\$?[A-Za-z_]\w*)\s*(?::[^=]*)?(?:=.*)?$", part.strip(), re.S)
    return m.group(1) if m is not None else ""


def _body(text: str, closed: int) -> str:
    """The body of the function whose parameters close at `closed`: its braces, or (Python) the
    lines below indented deeper than the definition's."""
    brace = text.find("{", closed, closed + 200)
    colon = re.compile(r"\)\s*(?:->[^:]*)?:\s*(?:#.*)?$", re.M).match(text, closed)
    if colon is not None or brace < 0:
        start = text.rfind("\n", 0, closed) + 1
        own = len(text[start:]) - len(text[start:].lstrip(" \t"))
        lines, k = [], text.find("\n", closed) + 1
        while 0 < k < len(text):
            end = text.find("\n", k)
            line = text[k : end if end >= 0 else len(text)]
            if line.strip() and len(line) - len(line.lstrip(" \t")) <= own:
                break
            lines.append(line)
            k = end + 1 if end >= 0 else len(text)
        return "\n".join(lines)
    close = brackets.matching(text, brace, 1, min(len(text), brace + LOOK))
    return text[brace + 1 : close] if close > 0 else ""


def _only_sent(body: str, param: str) -> bool:
    """Whether every use of the parameter in the helper's body sends it whole (see SENT), and
    one does."""
    name = re.escape(param)
    use = re.compile(rf"(?<![\w$]){name}(?![\w])")
    uses = [m.start() for m in use.finditer(body)]
    if not uses:
        return False
    sent = {
        m.start() + u.start()
        for m in re.finditer(SENT.format(p=name), body)
        for u in use.finditer(m.group(0))
    }
    return set(uses) <= sent and any(
        re.search(r"json|JSON|data|body", body[max(0, at - 40) : at]) for at in uses
    )


def _shell_sends(text: str, line_start: int, literal: int) -> bool:
    """A shell function called on the line at `line_start` with the literal as its Nth word,
    whose body sends `$N` as curl's data and names it nowhere else."""
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = re.match(r"\s*([A-Za-z_][\w-]*)", line)
    if words is None:
        return False
    fn = words.group(1)
    before = text[line_start + words.end() : literal]
    n = len(re.findall(r"(?:\"[^\"]*\"|'[^']*'|[^\s\"']+)+", before)) + 1
    found = _definitions(text, SHELL_DEFINITION, fn)
    if len(found) != 1:
        return False
    brace = found[0][1] - 1
    close = brackets.matching(text, brace, 1, min(len(text), brace + LOOK))
    body = text[brace + 1 : close] if close > 0 else ""
    uses = re.findall(rf"\$\{{?{n}(?!\d)\}}?|\$[@*]", body)  # (`"$@"` hands every word on)
    return len(uses) == 1 and re.search(SHELL_SENT.format(n=n), body) is not None
