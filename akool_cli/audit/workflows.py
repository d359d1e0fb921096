"""GitHub Actions workflows as the shell they run: each `run:` block read as a script of its step's
`shell:` (bash by default; `pwsh` as PowerShell, `python` as Python) that starts with the `env:` its
workflow, job and step set (`AKOOL_API: https://...` then `curl "$AKOOL_API/..."`), `${{ env.X }}`
read as `${X}`; the rest of the file is read as before."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from akool_cli.audit import rx, source, yamlscalars
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.walking import WORKFLOW_SUFFIXES

JOBS = rx.compile(r"^jobs:\s*(?:#.*)?$", re.M)
# A CI configuration's list of shell lines (GitLab CI's and Bitbucket Pipelines' `script:`,
# `before_script:`, `after_script:`), each item a line of shell or a block of it.
SCRIPT_LIST = rx.compile(r"^[ \t]*(?:-[ \t]+)?(?:before_|after_)?script:[ \t]*(?:#.*)?$", re.M)
SCRIPT_KEYS = frozenset({"script", "before_script", "after_script"})
# Keys whose value is a shell script (Actions' `run:`, CircleCI's `run: command:`).
RUN_KEYS = frozenset({"run", "command"})
# Keys of the mappings that set the environment of the scripts below them (Actions' and
# Bitbucket's `env:`, GitLab CI's `variables:`, CircleCI's `environment:`).
ENV_KEYS = frozenset({"env", "variables", "environment"})
LIST_ITEM = rx.compile(r"^(?P<lead>[ \t]*-[ \t]+)(?P<rest>\S.*)$")
KEY_LINE = rx.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[\w-]+):[ \t]*(?P<rest>.*)$")
BLOCK = rx.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
# A key or list item whose value is a folded block scalar (its lines one line to the shell).
FOLDED = rx.compile(r"(?:^|[:-])[ \t]*>[-+0-9]*[ \t]*(?:#.*)?$")
ENTRY = rx.compile(r"^[ \t]*(?P<key>[A-Za-z_]\w*):[ \t]*(?P<value>.*?)[ \t]*$")
EXPRESSION = rx.compile(r"\$\{\{\s*(?P<e>[^{}]*?)\s*\}\}")
NAMED = rx.compile(r"(?:env|secrets|vars|inputs|matrix)\.(?P<n>[A-Za-z_]\w*)$")
# The language a step's `shell:` runs its script in (its first word; others are read as bash).
SHELLS = {"pwsh": ".ps1", "powershell": ".ps1", "python": ".py"}
# How each language reads a variable of the environment, read as the name the script binds the
# env's value to: PowerShell's `$env:X` as `$X`; Python's `os.environ["X"]`, `os.environ.get("X")`
# and `os.getenv("X")` as `X`.
ENV_READS = {
    ".ps1": rx.compile(r"\$\{\{\s*(?P<e>[^{}]*?)\s*\}\}|\$env:(?P<v>[A-Za-z_]\w*)", re.I),
    ".py": rx.compile(
        r"\$\{\{\s*(?P<e>[^{}]*?)\s*\}\}"
        r"|\bos\.(?:environ(?:\.get\(|\[)|getenv\()[ \t]*(?P<q>[\"'])(?P<v>[A-Za-z_]\w*)(?P=q)[ \t]*[)\]]"
    ),
}


@dataclass(frozen=True)
class Env:
    name: str
    value: str
    piece: Piece  # where the value is written
    first: int  # the lines the env applies to: first to last (the mapping that holds it)
    last: int


def is_workflow(name: str, text: str) -> bool:
    """A CI configuration: a GitHub Actions or CircleCI workflow (`jobs:`), or a file of
    `script:` lists (GitLab CI, Bitbucket Pipelines)."""
    if not name.lower().endswith(WORKFLOW_SUFFIXES):
        return False
    return JOBS.search(text) is not None or SCRIPT_LIST.search(text) is not None


def read(text: str, suffix: str) -> list[Code]:
    """The run blocks as shell, each with the env that applies to it, and the rest of the file
    (run blocks blanked) as it is read without them."""
    lines = source.LINE_BREAK.split(text)
    envs = list(_envs(lines))
    rest = list(lines)
    codes = []
    defaults = list(_default_shells(lines)) if "defaults:" in text else []
    for line, segments in _runs(lines):
        code = Code(_language(lines, line, defaults), [], [])
        for env in envs:
            if env.first <= line <= env.last:
                _assignment(code, env)
        for first, last, column, cut in segments:
            folded = _folded(lines, first, last) if code.suffix == ".sh" else frozenset()
            for n in range(first, last + 1):
                start = column if n == first else _indent_of_block(lines, first, last)
                _shell_line(code, n, lines[n][: len(lines[n]) - cut], start)
                code.lines[-1] += " \\" if n in folded else ""  # (one command to the shell)
                rest[n] = lines[n][:start]
        codes.append(code)
    codes.append(Code(suffix, rest, [(Piece(0, n, 0, len(t)),) for n, t in enumerate(rest)]))
    return codes


def _folded(lines: list[str], first: int, last: int) -> frozenset[int]:
    """The lines of a folded block scalar (`- >`, `run: >-`) that YAML joins to the next one
    with a space: those at the block's indentation followed by another such line."""
    if first == last or FOLDED.search(lines[first - 1]) is None:
        return frozenset()
    indent = _indent_of_block(lines, first, last)
    level = [bool(lines[n].strip()) and _indent(lines[n]) == indent for n in range(first, last + 1)]
    return frozenset(first + k for k in range(len(level) - 1) if level[k] and level[k + 1])


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _indent_of_block(lines: list[str], first: int, last: int) -> int:
    return min((_indent(lines[n]) for n in range(first, last + 1) if lines[n].strip()), default=0)


def block_end(lines: list[str], start: int, key: int) -> int:
    """The last line of the block that the key at column `key` on line `start` opens."""
    last = start
    for n in range(start + 1, len(lines)):
        stripped = lines[n].strip()
        if stripped and _indent(lines[n]) <= key:
            break
        if stripped:
            last = n
    return last


Segment = tuple[int, int, int, int]  # (first line, last line, first line's column, end cut)


def _runs(lines: list[str]) -> Iterator[tuple[int, list[Segment]]]:
    """Each script: its key's line and its segments, each its first line and last line, the
    column its first line starts at, how many characters end its one line after it (a quoted
    item's closing quote). A `script:` list is one script, each item a segment of it."""
    for n, text in enumerate(lines):
        m = KEY_LINE.match(text)
        if m is None:
            continue
        key, rest = m.group("key"), m.group("rest")
        if key in SCRIPT_KEYS and rest.strip()[:1] in ("", "#"):
            items = list(_script_items(lines, n, len(m.group("lead"))))
            if items:
                yield n, items
        elif key in RUN_KEYS and rest.strip():
            one = list(_script(lines, n, len(m.group("lead")), rest, m.start("rest")))
            if one:
                yield n, one


def _script(lines: list[str], n: int, key: int, rest: str, column: int) -> Iterator[Segment]:
    """The script a value holds: a block scalar below line n, or the line's own plain or quoted
    text (quoted: without escapes, which the shell would read otherwise)."""
    if BLOCK.match(rest):
        last = block_end(lines, n, key)
        if last > n:
            yield n + 1, last, _indent_of_block(lines, n + 1, last), 0
    elif rest[:1] not in "\"'":  # a plain one-line script
        yield n, n, column, 0
    elif (
        len(rest) > 1
        and rest[-1] == rest[0]
        and ("\\" if rest[0] == '"' else "''") not in rest[1:-1]
    ):
        yield n, n, column + 1, len(lines[n]) - (column + len(rest)) + 1


def _script_items(lines: list[str], n: int, key: int) -> Iterator[Segment]:
    """The items of the list below a `script:` key on line n (at column `key`)."""
    end = block_end(lines, n, key)
    column = None
    for k in range(n + 1, end + 1):
        item = LIST_ITEM.match(lines[k])
        if item is None or column not in (None, len(item.group("lead"))):
            continue
        column = len(item.group("lead"))
        yield from _script(lines, k, _indent(lines[k]), item.group("rest").rstrip(), column)


def _language(
    lines: list[str], run: int, defaults: list[tuple[str, int, int]] | None = None
) -> str:
    """The suffix the run block whose key is on line `run` is read under: its step's `shell:`,
    else that of the innermost `defaults: run: shell:` of its job or workflow."""
    shell = _sibling(lines, run, "shell")
    if shell is None:
        shell = next(
            (s for s, first, last in reversed(defaults or []) if first <= run <= last), None
        )
    return SHELLS.get(shell.strip("\"' ").split(" ")[0].lower(), ".sh") if shell else ".sh"


def _default_shells(lines: list[str]) -> Iterator[tuple[str, int, int]]:
    """Each `defaults:` mapping's `run: shell:` and the lines it applies to (the mapping that
    holds it: its job, or the workflow), outer ones first."""
    for n, text in enumerate(lines):
        m = KEY_LINE.match(text)
        if (
            m is None
            or m.group("key") != "defaults"
            or m.group("rest").strip()[:1] not in ("", "#")
        ):
            continue
        key = len(m.group("lead"))
        end = block_end(lines, n, key)
        shells = (_shell_of(lines, k, end) for k in range(n + 1, end + 1))
        shell = next((one for one in shells if one is not None), None)
        if shell is None:
            continue
        first = next((k for k in range(n - 1, -1, -1) if _owner(lines[k], key)), 0) if key else 0
        last = next(
            (k - 1 for k in range(n + 1, len(lines)) if _owner(lines[k], key)), len(lines) - 1
        )
        yield shell, first, last if key else len(lines) - 1


def _shell_of(lines: list[str], k: int, end: int) -> str | None:
    """The `shell:` of the `run:` mapping whose key is on line k (None: line k holds no such key)."""
    m = KEY_LINE.match(lines[k])
    if m is None or m.group("key") != "run" or m.group("rest").strip():
        return None
    for j in range(k + 1, block_end(lines, k, len(m.group("lead"))) + 1):
        inner = KEY_LINE.match(lines[j])
        if inner is not None and inner.group("key") == "shell" and j <= end:
            return inner.group("rest")
    return None


def _sibling(lines: list[str], line: int, key: str) -> str | None:
    """The value of `key` in the mapping that holds the key on `line` (a list item's mapping:
    from its `- ` line to the next one), if it has that key with a value on its line."""
    column = _key_column(lines[line])
    starts = KEY_LINE.match(lines[line])
    steps = (1,) if starts is not None and "-" in starts.group("lead") else (-1, 1)
    for step in steps:
        n = line + step
        while 0 <= n < len(lines):
            text = lines[n]
            n += step
            if not text.strip() or text.lstrip().startswith("#") or _key_column(text) > column:
                continue
            m = KEY_LINE.match(text)
            if m is None or _key_column(text) < column or (step > 0 and "-" in m.group("lead")):
                break
            if m.group("key") == key:
                return m.group("rest")
            if "-" in m.group("lead"):  # (the item's first key: where it starts)
                break
    return None


def _key_column(text: str) -> int:
    """The column a line's key starts at (after a list's `- `), or its indentation."""
    m = KEY_LINE.match(text)
    return len(m.group("lead")) if m is not None else _indent(text)


def _envs(lines: list[str]) -> Iterator[Env]:
    """The entries of every `env:` mapping, each with the lines it applies to."""
    for n, text in enumerate(lines):
        m = KEY_LINE.match(text)
        if (
            m is None
            or m.group("key") not in ENV_KEYS
            or m.group("rest").strip()[:1] not in ("", "#")
        ):
            continue
        key = len(m.group("lead"))
        first = next((k for k in range(n - 1, -1, -1) if _owner(lines[k], key)), 0)
        last = next(
            (k - 1 for k in range(n + 1, len(lines)) if _owner(lines[k], key)), len(lines) - 1
        )
        for k in range(n + 1, block_end(lines, n, key) + 1):
            yield from _entry(lines[k], k, first if key else 0, last if key else len(lines) - 1)


def _owner(text: str, key: int) -> bool:
    """A line less indented than the keys of the mapping at column `key`: its end or start."""
    return bool(text.strip()) and not text.lstrip().startswith("#") and _indent(text) < key


def _entry(text: str, line: int, first: int, last: int) -> Iterator[Env]:
    m = ENTRY.match(text)
    if m is None:
        return
    value, column = m.group("value"), m.start("value")
    if value[:1] in "\"'" and len(value) > 1 and value[-1] == value[0]:
        value, column = value[1:-1], column + 1
    elif " #" in value:
        value = value[: value.index(" #")].rstrip()
    if value and '"' not in value and "\\" not in value:
        yield Env(m.group("key"), value, Piece(0, line, column, len(value)), first, last)


# An env entry as a binding of its script's language: (the text before its value, after it).
BINDINGS = {".sh": ('{}="', '"'), ".ps1": ('${} = "', '"'), ".py": ('{} = "', '"')}


def _assignment(code: Code, env: Env) -> None:
    """`NAME="value"` (`$NAME = "value"`, `NAME = "value"`), the value where the file writes it."""
    before, after = BINDINGS[code.suffix]
    head = before.format(env.name)
    text, pieces = _expressions(env.value, env.piece.line, env.piece.column)
    code.add(head + text + after, *(replace(p, at=p.at + len(head)) for p in pieces))


def _shell_line(code: Code, line: int, text: str, start: int) -> None:
    shown, pieces = _expressions(text[start:], line, start, code.suffix)
    code.add(shown, *pieces)


def _expressions(
    text: str, line: int, column: int, suffix: str = ".sh"
) -> tuple[str, tuple[Piece, ...]]:
    """The text with each `${{ ... }}` as the shell variable it stands for (`${{ env.X }}`,
    `${{ secrets.X }}`: `${X}`; anything else `${GITHUB_EXPRESSION}`), a read of the
    environment as the name of its binding (see ENV_READS), and the pieces copied."""

    def variable(m: re.Match[str]) -> str:
        if m.groupdict().get("v"):
            return ("$" if suffix == ".ps1" else "") + m.group("v")
        named = NAMED.match(m.group("e"))
        return "${" + (named.group("n") if named else "GITHUB_EXPRESSION") + "}"

    return rewrite(text, line, column, ENV_READS.get(suffix, EXPRESSION), variable)


# -- Ansible playbooks ------------------------------------------------------------------------------
# An Ansible `uri` task (`ansible.builtin.uri:` with `url:`, `method:`, a YAML `body:`), read as the
# call it makes: `uri({ url: "...", method: "POST", body: {...} })` in JavaScript, each key and
# value copied from where the file writes it; a `vars:` entry holding a URL or a path, read as
# `const name = "value";` (`url: "{{ akool_base }}/x"` is then a join to it).

URI_TASK = rx.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?:ansible\.(?:builtin|legacy)\.)?uri:[ \t]*(?:#.*)?$", re.M
)
YAML_ITEM = rx.compile(r"^(?P<lead>[ \t]*)(?P<dash>-[ \t]+)?(?P<rest>.*)$")
YAML_PAIR = rx.compile(
    r"(?P<key>[\"']?[\w.-]+[\"']?):(?:[ \t]+(?P<value>(?!#).*?))?[ \t]*(?:[ \t]#.*)?$"
)
URL_LIKE = rx.compile(r"^[\"']?(?:https?://|/|\{\{)")


def is_playbook(name: str, text: str) -> bool:
    """A YAML file with an Ansible `uri` task (see URI_TASK)."""
    return name.lower().endswith(WORKFLOW_SUFFIXES) and URI_TASK.search(text) is not None


def read_playbook(text: str, suffix: str) -> list[Code]:
    """The uri tasks as JavaScript calls after the file's URL-holding `vars`, each bound to the
    name it registers (`const talk = await uri({...});`), then the reads of a registered answer
    (see _registered_reads); and the rest of the file (the tasks blanked) as it is read without
    them."""
    lines = source.LINE_BREAK.split(text)
    code = Code(".js", [], [])
    rest = list(lines)
    tasks = [(n, m) for n, text in enumerate(lines) if (m := URI_TASK.match(text)) is not None]
    spans = [(n, block_end(lines, n, len(m.group("lead")))) for n, m in tasks]
    in_task = _covered(len(lines), spans)
    for n, text in enumerate(lines):
        if in_task[n]:
            continue
        pair = YAML_PAIR.match(text.strip())
        value = pair.group("value") if pair is not None else None
        if pair is not None and value and URL_LIKE.match(value) and "{{" not in pair.group("key"):
            column = text.index(value, text.index(pair.group("key")) + len(pair.group("key")))
            key = pair.group("key").strip("\"'")
            if re.fullmatch(r"[A-Za-z_]\w*", key):
                _const(code, key, value, n, column)
    registers = [_register(lines, n) for n, _ in tasks]
    registered = frozenset(name for name in registers if name)
    reads = _registered_reads(lines, in_task, registered) if registered else []
    for (n, m), (_, last), name in zip(tasks, spans, registers, strict=True):
        while reads and reads[0][0] < n:
            _read(code, *reads.pop(0))
        opener = f"const {name} = await uri({{" if name else "uri({"
        code.add(opener, Piece(0, n, len(m.group("lead")), 0))
        _mapping(code, lines, n + 1, last)
        code.add("});", Piece(0, last, len(lines[last]), 0))
        for k in range(n, last + 1):
            rest[k] = ""
    for read in reads:
        _read(code, *read)
    return [code, Code(suffix, rest, [(Piece(0, n, 0, len(t)),) for n, t in enumerate(rest)])]


# A task's condition on a registered answer: a bare Jinja expression (`until: job.json.data.x == 3`).
CONDITION_KEYS = frozenset({"until", "when", "failed_when", "changed_when"})
NAME = rx.compile(r"[A-Za-z_]\w*")


def _register(lines: list[str], n: int) -> str | None:
    """The name the task of the uri key on line n registers its answer under."""
    value = _sibling(lines, n, "register")
    name = value.strip().strip("\"'") if value else ""
    return name if NAME.fullmatch(name) and name not in KEYWORDS else None


KEYWORDS = frozenset({"const", "let", "var", "await", "new", "this", "if", "return"})


def _registered_reads(
    lines: list[str], in_task: list[bool], registered: frozenset[str]
) -> list[tuple[int, int, str, bool]]:
    """Where the lines outside the uri tasks read a registered answer's JSON: (line, column,
    text, whether it is a bare condition), a condition's whole expression or a `{{ }}`'s."""
    found = []
    for n, text in enumerate(lines):
        if in_task[n] or ".json" not in text:
            continue
        m = KEY_LINE.match(text)
        rest = m.group("rest").strip() if m is not None else ""
        if m is not None and m.group("key") in CONDITION_KEYS and rest[:1] not in "\"'[{|>":
            if _reads_registered(rest, registered):
                found.append((n, m.start("rest"), rest, True))
            continue
        for e in JINJA.finditer(text):
            if _reads_registered(e.group("e"), registered):
                found.append((n, e.start("e"), e.group("e"), False))
    return found


def _reads_registered(expression: str, registered: frozenset[str]) -> bool:
    return any(m.group("n") in registered for m in REGISTERED_JSON.finditer(expression))


# A read of a registered answer's JSON (`talk.json.data._id`): the `.json` is the answer's body.
REGISTERED_JSON = rx.compile(r"(?<![\w.])(?P<n>[A-Za-z_]\w*)\.json\.")


def _read(code: Code, line: int, column: int, text: str, bare: bool) -> None:
    """A read as JavaScript: a condition as `if (...) {}`, a `{{ }}` as `void (...);`, each
    `NAME.json.` as `NAME.` (the rest copied from the file)."""
    head = "if (" if bare else "void ("
    shown, pieces = rewrite(text, line, column, REGISTERED_JSON, lambda m: m.group("n") + ".")
    tail = ") {}" if bare else ");"
    code.add(head + shown + tail, *(replace(p, at=p.at + len(head)) for p in pieces))


def _covered(count: int, spans: list[tuple[int, int]]) -> list[bool]:
    """Whether each of `count` lines is in one of the spans (first and last lines included),
    worked out in one pass: each line asked of every task's span cost lines x tasks (break21g #14,
    a playbook of 16,000 uri tasks: 68 s)."""
    opened = [0] * (count + 1)
    for a, b in spans:
        opened[a] += 1
        opened[min(b, count - 1) + 1] -= 1
    return [depth > 0 for depth in itertools.accumulate(opened[:count])]


def _const(code: Code, name: str, value: str, line: int, column: int) -> None:
    """`const name = "value";`, the value copied from the file."""
    quoted = value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1
    inner, at = (value[1:-1], column + 1) if quoted else (value, column)
    head = f'const {name} = "'
    code.add(head + inner + '";', Piece(len(head), line, at, len(inner)))


def _mapping(code: Code, lines: list[str], first: int, last: int) -> None:
    """The YAML mapping (or list) on lines first..last as a JavaScript object's entries."""
    n = first
    while n <= last:
        text = lines[n]
        m = YAML_ITEM.match(text)
        if m is None or not text.strip() or text.lstrip().startswith("#"):
            n += 1
            continue
        column = len(m.group("lead")) + len(m.group("dash") or "")
        pair = YAML_PAIR.match(m.group("rest"))
        end = block_end(lines, n, len(m.group("lead")))
        if pair is None:  # a list's scalar item
            _scalar(code, None, (m.group("rest"), n, column))
        elif m.group("dash"):  # a list's mapping item: `- type: image` and the keys below it
            code.add("{", Piece(0, n, column, 0))
            _pair(code, lines, pair, n, column)
            _mapping(code, lines, block_end(lines, n, column) + 1, end)
            code.add("},", Piece(0, end, len(lines[end]), 0))
        else:
            _pair(code, lines, pair, n, column)
        n = end + 1


def _pair(code: Code, lines: list[str], pair: re.Match[str], n: int, column: int) -> None:
    """One `key: value` (or `key:` and the block below it) at (line n, column)."""
    key = (pair.group("key"), n, column)
    if pair.group("value"):
        _scalar(code, key, (pair.group("value"), n, column + pair.start("value")))
        return
    end = block_end(lines, n, column)
    opener = "[" if end > n and lines[n + 1].lstrip().startswith("- ") else "{"
    code.add(f"{key[0]}: {opener}", Piece(0, n, column, len(key[0])))
    _mapping(code, lines, n + 1, end)
    code.add("}," if opener == "{" else "],", Piece(0, end, len(lines[end]), 0))


Written = tuple[str, int, int]  # a text and the (line, column) the file writes it at


def _scalar(code: Code, key: Written | None, value: Written) -> None:
    """`key: "value",` (a list item's `"value",`), key and value copied from the file; a plain
    scalar YAML reads as a boolean, a null or a number as that JSON value (`key: true,`)."""
    text, line, column = value
    double = text[:1] == '"' and text[-1:] == '"' and len(text) > 1
    single = text[:1] == "'" and text[-1:] == "'" and len(text) > 1
    head = f"{key[0]}: " if key is not None else ""
    pieces = [Piece(0, key[1], key[2], len(key[0]))] if key is not None else []
    if text[:1] in "[{":  # (`_ids: [a, b]`, `sourceImage: [{path: ..., opts: ""}]`)
        flow = _flow(text, line, column, len(head)) or (FLOW_UNREAD, [])
        code.add(head + flow[0] + ",", *pieces, *flow[1])
        return
    typed = None if double or single else yamlscalars.json_text(text)
    if typed is not None:  # (`lipsync: true`, `speaker_num: 2`: what Ansible sends as JSON)
        copied_value = (Piece(len(head), line, column, len(text)),) if typed == text else ()
        code.add(head + typed + ",", *pieces, *copied_value)
        return
    inner, at = (text[1:-1], column + 1) if double or single else (text, column)
    if not double:
        inner = inner.replace("\\", "\\\\").replace('"', '\\"')
    shown, copied = rewrite(inner, line, at, JINJA, _variable)
    pieces += [replace(p, at=p.at + len(head) + 1) for p in copied]
    code.add(head + '"' + shown + '",', *pieces)


# A flow collection this reader does not follow, sent as a value no rule judges (not as a string).
FLOW_UNREAD = "yamlFlow"
# The tokens of a YAML flow collection: a bracket, a comma or a key's colon; a quoted scalar; a
# plain one (no flow indicator in it; a colon only inside, as in a URL).
FLOW_TOKEN = rx.compile(
    r"[ \t]*(?:(?P<p>[\[\]{},]|:(?=[ \t,\]}]|$))|(?P<d>\"[^\"\\\n]*\")|(?P<s>'[^'\n]*(?:''[^'\n]*)*')"
    r"|(?P<plain>[^\s,\[\]{}\"'#:](?:[^,\[\]{}:\n]|:(?![ \t,\]}]|$))*))"
)


def _flow(text: str, line: int, column: int, at: int) -> tuple[str, list[Piece]] | None:
    """A YAML flow collection (`[a, b]`, `[{path: "https://x/a.jpg", opts: ""}]`) as the JSON
    Ansible sends, each scalar typed as YAML 1.1 types it, and the pieces copied from the file;
    None for a text this reader does not follow (a Jinja `{{ }}`, brackets that do not close)."""
    out: list[str] = []
    pieces: list[Piece] = []
    depth, done, shown = 0, 0, at  # (shown: where the next token starts in the code's line)
    if "{{" in text:
        return None
    while done < len(text):
        m = FLOW_TOKEN.match(text, done)
        if m is None or m.end() == done:
            return None
        token = m.group(m.lastgroup or "p")
        where = column + m.start(m.lastgroup or "p")
        if m.lastgroup == "p":
            depth += (token in "[{") - (token in "]}")
            out.append(": " if token == ":" else token)
            pieces.append(Piece(shown, line, where, 1))
        elif m.lastgroup == "plain":
            plain = token.rstrip()
            typed = yamlscalars.json_text(plain)
            out.append(typed if typed is not None else '"' + plain.replace("\\", "\\\\") + '"')
            pieces.append(Piece(shown + (typed is None), line, where, len(plain)))
        else:  # (a quoted scalar, copied; a single-quoted one's quotes made double)
            inner = token[1:-1].replace("''", "'").replace("\\", "\\\\").replace('"', '\\"')
            out.append('"' + (inner if m.lastgroup == "s" else token[1:-1]) + '"')
            pieces.append(Piece(shown + 1, line, where + 1, len(token) - 2))
        done, shown = m.end(), shown + len(out[-1])
        if depth < 0 or (depth == 0 and done < len(text.rstrip())):
            return None
    return ("".join(out), pieces) if depth == 0 else None


# A Jinja expression in a value (`{{ akool_base }}`, `{{ job.json.data._id }}`), read as the
# variable it names (`${akool_base}`, `${job.json.data._id}`).
JINJA = rx.compile(r"\{\{\s*(?P<e>[^{}]*?)\s*\}\}")


def _variable(m: re.Match[str]) -> str:
    """`${name}` for `{{ name }}`; a registered answer's `{{ talk.json.data._id }}` as the read
    `${talk.data._id}` of the name its task is bound to (see read_playbook)."""
    named = re.sub(r"[^\w.]+", "_", m.group("e")).strip("_.") or "JINJA"
    return "${" + REGISTERED_JSON.sub(lambda j: j.group("n") + ".", named) + "}"
