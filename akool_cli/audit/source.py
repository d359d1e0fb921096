"""What a script's text is made of, for the audit: where its comments are (by language), which of
them are prose rather than commented-out code, and the URLs in it that point at other hosts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from akool_cli.audit import rx
from akool_cli.audit.scopes import indent

# Line-comment markers and whether /* */ blocks exist, by file suffix. Files not listed (Markdown,
# JSON, YAML, text) have no comments the audit skips: everything in them is read.
HASH = ("#",)
SLASH = ("//",)
COMMENTS: dict[str, tuple[tuple[str, ...], bool]] = {
    **dict.fromkeys((".py", ".sh", ".bash", ".zsh", ".rb", ".pl", ".r", ".ps1"), (HASH, False)),
    **dict.fromkeys(
        (".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".go", ".java", ".kt", ".kts", ".cs", ".vb"),
        (SLASH, True),
    ),
    **dict.fromkeys((".swift", ".rs", ".c", ".cc", ".cpp", ".h", ".scala", ".dart"), (SLASH, True)),
    ".php": (("//", "#"), True),
    **dict.fromkeys((".conf", ".cfg", ".toml"), (HASH, False)),  # (nginx, Apache, setup.cfg)
}
# A comment that is code (commented out, or a usage line such as `# curl -X POST ...`) rather than
# a sentence (docs/audit.md, "Comments"): it opens as a statement does (a command or a keyword as
# a whole word: `httpx base_url ...` is no `http` command, nor is a URL `https://...` standing
# alone on its line, a link; a call, an assignment, a method and a path), or it ends as one does
# (`;`, `{`, `}`, a call's `)`), or it assigns a string.
CODE_HEAD = rx.compile(
    r"^\s*(?:(?:curl|wget|https?(?!://)|fetch|axios|await|return|const|let|var|import|from)\b|"
    r"requests?\.|(?:GET|POST|PUT|DELETE|PATCH)\s|[\w.$\[\]'\"]+\s*(?:=|\())"
)
CODE_TAIL = rx.compile(r"[;{}]\s*$|=\s*[\"'`]")
# A sentence that ends in `;` (`this file called /api/open/v3/x;`): words and a path, with none of
# a statement's marks (a quote, a bracket, `=`, `$`, `->`): code that ends in `;` and names a URL
# holds it in a string or a call. (One star: linear on a long comment; the words' space is asked
# apart.)
SEMICOLON_PROSE = rx.compile(r"^[^\"'`()\[\]{}=$<>]*;\s*$")
# A call's parenthesis, `name(` or `f()(`: a comment ending in `)` is code when it calls, not when
# the `)` closes a remark (`https://... (v3 dropped)`).
CALLED = rx.compile(r"[\w$\])]\(")
# A doc comment's reference tag (JSDoc, Javadoc, TSDoc, PHPDoc, C# XML, Sphinx): `@see URL`,
# `{@link URL}`, `@deprecated use ...`, `<see href="URL"/>`, `.. seealso:: URL`: a pointer to a
# page or an endpoint, never a call (nor patched).
REFERENCE_TAG = rx.compile(
    r"(?:^|\s)@(?:see|link|linkplain|linkcode|deprecated)\b|\{@(?:link|linkplain|linkcode)\b"
    r"|<see(?:also)?\s+(?:href|cref)\s*=|\.\.\s+seealso::|(?:^|\s):see:"
)
OTHER_URL = rx.compile(
    r"https?://(?P<host>[A-Za-z0-9.\-_]+|\[[0-9a-fA-F:]+\])(?::\d+)?[^\s\"'`<>]*"
)
WEBSITE_HOSTS = frozenset({"docs.akool.com", "akool.com", "www.akool.com", "help.akool.com"})


@dataclass(frozen=True)
class Comment:
    column: int  # where the comment starts on its line (0: the whole line)
    prose: bool


def comments(name: str, lines: list[str]) -> dict[int, Comment]:
    """The comment on each line that has one (0-based line numbers)."""
    suffix = PurePath(name).suffix.lower()
    if suffix in MARKDOWN:
        return markdown_prose(lines)
    if suffix in DOC_PROSE:
        return DOC_PROSE[suffix](lines)
    style = COMMENTS.get(suffix)
    if style is None:
        return {}
    markers, blocks = style
    found: dict[int, Comment] = {}
    in_block = False
    for i, line in enumerate(lines):
        if in_block:
            end = line.find("*/")
            found[i] = Comment(0, _is_prose(line.strip().lstrip("*")))
            in_block = end < 0
            continue
        start = _comment_start(line, markers, blocks)
        if start is None:
            continue
        text = line[start:]
        if text.startswith("/*"):
            in_block = "*/" not in text[2:]
            text = text[2:].split("*/")[0]
        else:
            text = text.lstrip("/#").strip()
        found[i] = Comment(start, _is_prose(text))
    if suffix in (".py", ".pyi"):
        found.update(docstrings(lines))
    return found


DOCSTRING_OPEN = rx.compile(r'^(?P<indent>\s*)(?P<prefix>[rRuU]?)(?P<q>"""|\'\'\')')
# A line after which a string starts a new statement: not an open bracket, a comma, an operator
# or a continuation (`x = (` then `"""..."""` is a value, not a docstring).
CONTINUES = rx.compile(r"[(\[{,=+\\%:]\s*$|\b(?:return|yield|await|lambda|and|or|not|in|is)\s*$")


# A compound statement's header (`def f():`, `class A:`, `if x:`, a signature's last line
# `) -> None:`): a string after it is a statement.
HEADER = rx.compile(
    r"^\s*(?:(?:class|def|async|if|elif|else|for|while|with|try|except|finally)\b|\)).*:\s*$"
)


TRIPLE = rx.compile(r'"""|\'\'\'|#')


def _left_open(line: str) -> str | None:
    """The triple quote a line opens and does not close (`x = \"\"\"`), if any (a `#` outside
    one ends the line's code)."""
    inside: str | None = None
    if "#" not in line and '"""' not in line and "'''" not in line:
        return None  # (none of TRIPLE's marks: most lines)
    for m in TRIPLE.finditer(line):
        if inside is None and m.group(0) == "#":
            break
        if inside is None:
            inside = m.group(0)
        elif m.group(0) == inside:
            inside = None
    return inside


def docstrings(lines: list[str]) -> dict[int, Comment]:
    """Python docstrings (and any triple-quoted string that is a statement of its own): prose,
    line by line, as comments are (`\"\"\"Calls POST /api/open/v3/... (legacy) -- do not
    use.\"\"\"` is a sentence, not a call); a line of one that is code (a usage example,
    `requests.post(...)`) is still read as the call it shows."""
    found: dict[int, Comment] = {}
    previous = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        triple = '"""' in line or "'''" in line  # (DOCSTRING_OPEN's quotes: most lines none)
        m = DOCSTRING_OPEN.match(line) if triple else None
        if m is None or not (HEADER.match(previous) or not CONTINUES.search(previous)):
            still = _left_open(line)  # `TEMPLATE = """` ... `"""`: a value, read as code
            i += 1
            while still and i < len(lines) and still not in lines[i]:
                i += 1
            if still and i < len(lines):
                line, i = lines[i], i + 1
            if line.strip() and not line.strip().startswith("#"):
                previous = line
            continue
        quote, column = m.group("q"), m.end("prefix")
        rest = line[m.end() :]
        closed = rest.find(quote)
        if closed >= 0:  # one line
            found[i] = Comment(column, _is_prose(rest[:closed]))
            previous, i = line, i + 1
            continue
        found[i] = Comment(column, _is_prose(rest))
        i += 1
        while i < len(lines) and quote not in lines[i]:
            text = lines[i]
            found[i] = Comment(len(text) - len(text.lstrip()), _is_prose(text))
            i += 1
        if i < len(lines):
            text = lines[i].split(quote, 1)[0]
            found[i] = Comment(len(text) - len(text.lstrip()), _is_prose(text))
            previous = lines[i]
        i += 1
    return found


MARKDOWN = frozenset({".md", ".markdown", ".mdx", ".mdown", ".mkd"})
FENCE = rx.compile(r"^\s{0,3}(?P<f>`{3,}|~{3,})")


def markdown_prose(lines: list[str]) -> dict[int, Comment]:
    """A Markdown file's text outside code (fenced blocks and indented lines are code): a path
    named in a sentence or a table is a mention, not a call, as in a prose comment."""
    found: dict[int, Comment] = {}
    fence = ""
    diff = False  # a ```diff block: its removed lines are the code a change takes out, not run
    item = 0  # the content indent of the list item a line may continue (0: none)
    for i, line in enumerate(lines):
        m = FENCE.match(line) or (FENCE.match(line[item:]) if line[:item].isspace() else None)
        if fence:
            if m and m.group("f")[0] == fence[0] and len(m.group("f")) >= len(fence):
                fence = ""
            elif diff and line.startswith("-") and not line.startswith("---"):
                found[i] = Comment(0, True)
            continue
        item = list_item_indent(line, item)
        if m:
            fence = m.group("f")
            diff = line[m.end() :].strip().lower() in ("diff", "patch")
        elif (
            _columns(line) >= item + 4
            and line.strip()
            and (i == 0 or not lines[i - 1].strip() or i - 1 not in found)
        ):
            continue  # an indented code block (after a blank line or more code)
        elif line.strip():
            found[i] = Comment(_instruction_end(line), True)
    return found


# A sentence's inline code that is a request to make, verb and AKOOL API URL
# (`` Check with `GET https://openapi.akool.com/api/open/v3/...?id=<id>`. ``): only a GET, whose
# whole request the span shows (a POST's body is not there), on the API host's open API.
INSTRUCTION = rx.compile(r"`GET\s+https://openapi\.akool\.com/api/open/[^`\s]+`")


def _instruction_end(line: str) -> int:
    """Where a Markdown sentence's prose starts for the audit: after its one inline code span
    that is a GET of AKOOL's API (read as the call it asks for: its path and query judged), else
    at the line's start (a sentence with more code, or more URLs, is left a mention)."""
    if "`GET" not in line:
        return 0
    spans = list(INSTRUCTION.finditer(line))
    if len(spans) != 1 or line.count("`") != 2 or line.count("://") != 1:
        return 0
    return spans[0].end()


LIST_ITEM = rx.compile(r"^(?P<i> {0,3}(?:[-*+]|\d{1,9}[.)]))(?P<s> {1,4})(?=\S)")


def _columns(line: str) -> int:
    """A line's indent in columns (a tab to the next multiple of 4, as CommonMark counts)."""
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def list_item_indent(line: str, item: int) -> int:
    """The content indent of the Markdown list item a line opens or continues (CommonMark: an
    item's paragraphs are indented to its content, so its code needs 4 columns more); 0 when a
    line indented less than the item's content ends it (a blank line does not)."""
    m = LIST_ITEM.match(line)
    if m is not None:
        return len(m.group(0))
    if item and line.strip() and _columns(line) < item:
        return 0
    return item


def code_walls(name: str, lines: list[str], found: dict[int, Comment]) -> frozenset[int]:
    """A documentation file's lines that are not code: its prose (see comments) and, in Markdown,
    its fences, between which each code block is a script of its own."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in DOCS:
        return frozenset()
    walls = {i for i, c in found.items() if c.column == 0 and c.prose}
    if suffix in MARKDOWN:
        walls |= {i for i, line in enumerate(lines) if FENCE.match(line)}
    return frozenset(walls)


# reStructuredText: a literal block after a paragraph ending in `::`, or a code directive's body.
RST_CODE = rx.compile(r"^\s*\.\.\s+(?:code-block|code|sourcecode|highlight|literalinclude)::")
RST_DIRECTIVE = rx.compile(r"^\s*\.\.\s+[\w:-]+::")
# AsciiDoc's delimited listing, literal and fenced blocks.
ADOC_FENCE = rx.compile(r"^(?:-{4,}|\.{4,}|`{3,}\w*)\s*$")
# HTML elements whose text is code (a <code> in a sentence is a mention).
HTML_CODE = rx.compile(r"<(?P<close>/?)(?P<tag>pre|script|textarea)\b[^>]*>", re.I)
# A line that a plain text file's code line continues onto (a curl's `\`, an open body).
CONTINUED = rx.compile(r"(?:\\|\^|`|,|\(|\[|\{|'\{)\s*$")


def rst_prose(lines: list[str]) -> dict[int, Comment]:
    """A reStructuredText file's prose: everything but literal blocks (after `::`), code
    directives' bodies and doctest lines (``/api/open/...`` in a sentence is a mention)."""
    found: dict[int, Comment] = {}
    block: int | None = None  # the indent a literal block's lines go deeper than
    for i, line in enumerate(lines):
        if block is not None and (not line.strip() or indent(line) > block):
            continue
        block = None
        if RST_CODE.match(line):
            block = indent(line)
        elif line.strip() and not line.lstrip().startswith(">>>"):
            found[i] = Comment(0, True)
            if line.rstrip().endswith("::") and not RST_DIRECTIVE.match(line):
                block = indent(line)  # (a `.. note::` directive's body is prose)
    return found


def asciidoc_prose(lines: list[str]) -> dict[int, Comment]:
    """An AsciiDoc file's prose: everything but delimited listing and literal blocks (`----`,
    `....`, fences) and literal paragraphs (indented, after a blank line)."""
    found: dict[int, Comment] = {}
    fence = ""
    literal = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if fence:
            fence = "" if stripped == fence else fence
            continue
        if ADOC_FENCE.match(line):
            ticks = len(stripped) - len(stripped.lstrip("`"))  # (```bash closes with ```)
            fence = stripped[:ticks] if ticks else stripped
            continue
        if not stripped:
            literal = False
            continue
        literal = literal or (line[:1] in " \t" and (i == 0 or not lines[i - 1].strip()))
        if not literal:
            found[i] = Comment(0, True)
    return found


def html_prose(lines: list[str]) -> dict[int, Comment]:
    """An HTML file's prose: the lines wholly outside <pre>, <script> and <textarea>."""
    found: dict[int, Comment] = {}
    open_tags = 0
    for i, line in enumerate(lines):
        inside = open_tags > 0
        for m in HTML_CODE.finditer(line):
            open_tags = max(0, open_tags + (-1 if m.group("close") else 1))
            inside = True
        if not inside and line.strip():
            found[i] = Comment(0, True)
    return found


def text_prose(lines: list[str]) -> dict[int, Comment]:
    """A plain text file's sentences (`2024-05-01: switched from /api/open/v3/photo/talking`):
    a line that reads as code (a curl, a call, an assignment) counts, and so do the lines it
    continues onto."""
    found: dict[int, Comment] = {}
    code = False
    for i, line in enumerate(lines):
        if not line.strip():
            code = False
            continue
        code = (code and (CONTINUED.search(lines[i - 1]) is not None or line[:1] in " \t")) or (
            not _is_prose(line)
        )
        if not code:
            found[i] = Comment(0, True)
    return found


def log_prose(lines: list[str]) -> dict[int, Comment]:
    """A log's lines (`*.log`: `... INFO POST https://api.akool.com/... 200 312ms`): records of
    requests made, never code that will make one, and never patched (the code that made them is
    where a fix belongs)."""
    return dict.fromkeys(range(len(lines)), Comment(0, True))


DOC_PROSE = {
    ".log": log_prose,
    **dict.fromkeys((".rst", ".rest"), rst_prose),
    **dict.fromkeys((".adoc", ".asciidoc", ".asc"), asciidoc_prose),
    **dict.fromkeys((".html", ".htm", ".xhtml"), html_prose),
    **dict.fromkeys((".txt", ".text"), text_prose),
}
# Documentation: its prose is a mention, never a call, and never patched.
DOCS = MARKDOWN | frozenset(DOC_PROSE)


def _is_prose(text: str) -> bool:
    text = text.strip()
    if REFERENCE_TAG.search(text):
        return True
    if CODE_HEAD.search(text):
        return False
    if CODE_TAIL.search(text):
        return " " in text and SEMICOLON_PROSE.search(text) is not None
    return not (text.endswith(")") and CALLED.search(text))


def comment_start(line: str, markers: tuple[str, ...], blocks: bool) -> int | None:
    """Where a comment starts on a line (its code's text), outside string literals."""
    return _comment_start(line, markers, blocks)


def _comment_start(line: str, markers: tuple[str, ...], blocks: bool) -> int | None:
    """Where a comment starts on a line, outside string literals (None: no comment)."""
    if not any(m in line for m in markers) and not (blocks and "/*" in line):
        return None
    quote = ""
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if c == quote:
                quote = ""
        elif c in "\"'`":
            quote = c
        elif blocks and line.startswith("/*", i):
            return i
        else:
            for marker in markers:
                if line.startswith(marker, i) and _starts_comment(line, i, marker):
                    return i
        i += 1
    return None


def _starts_comment(line: str, i: int, marker: str) -> bool:
    """`#` starts a comment at the line's start or after a space ($#, ${#x} and URLs' #anchors
    do not); `//` not right after a colon (a scheme's //)."""
    if marker == "#":
        return i == 0 or line[i - 1] in " \t;"
    return i == 0 or line[i - 1] != ":"


def foreign_spans(line: str, akool_host: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of URLs on a line whose host is not an AKOOL API host: localhost callbacks, the
    script's own server, AKOOL's website and docs. Paths inside them are not calls to AKOOL."""
    spans = []
    for m in OTHER_URL.finditer(line):
        host = m.group("host").lower()
        if host in WEBSITE_HOSTS or not akool_host.search(host):
            spans.append((m.start(), m.end()))
    return spans


# The script's own server: route definitions (Flask, FastAPI, Express, NestJS, Spring, Gin, Echo,
# net/http, Laravel). The path in them is what the script serves, not what it calls.
ROUTE = rx.compile(
    r"@(?:[\w.]+\.)?(?:route|get|post|put|patch|delete|api_route|websocket|Get|Post|Put|Patch|"
    r"Delete|All)\(\s*(?=[\"'`])"
    r"|@(?:Get|Post|Put|Patch|Delete|Request)Mapping\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*(?=[\"'])"
    r"|(?<![\w.$])(?:app|router|server|srv|mux|engine|fastify|routes|bp|blueprint|api_router)"
    r"\.(?:get|post|put|patch|delete|all|route|use|add_url_rule|add_api_route)\(\s*(?=[\"'`])"
    r"|\.(?:GET|POST|PUT|PATCH|DELETE|Any|Handle|HandleFunc)\(\s*(?=\")"
    r"|(?<![\w.$])\w+\.(?:get|post|put|patch|delete|all)\(\s*(?=[\"'`][^\"'`]*[\"'`]\s*,\s*"
    r"(?:async\s*)?(?:function\s*)?\(\s*(?:req|request|ctx|c)\b)"
    # (an MSW-style resolver, `() =>` / `({ request }) =>`, given a relative path literal: a
    # whole URL or an interpolated base there may be a call, in a file that imports no mock)
    r"|(?<![\w.$])\w+\.(?:get|post|put|patch|delete|all)\(\s*(?=(?P<rq>[\"'`])/[^\"'`$]*(?P=rq)"
    r"\s*,\s*(?:async\s*)?\(\s*(?:\)\s*=>|\{))"
    r"|Route::\w+\(\s*(?=[\"'])"
    r"|\.route\(\s*(?=[\"'`])"  # (Express' `app\n  .route("/x")`, axum's `.route("/x", get(h))`)
    # (ASP.NET's minimal API `app.MapPost("/x", handler)` and its attributes `[HttpPost("/x")]`)
    r"|\.Map(?:Get|Post|Put|Patch|Delete|Methods|Group)\(\s*(?=\")"
    r"|\[(?:Http(?:Get|Post|Put|Patch|Delete)|Route)\(\s*(?=\")"
)


# A Rails route: `post "/x", to: "ctrl#action"`, `get "/x" => "ctrl#action"`, `match "/x", to: ...,
# via: :get` (config/routes.rb).
RAILS_ROUTE = rx.compile(
    r"^\s*(?:get|post|put|patch|delete|match)\s+(?=([\"'])[^\"'\n]*\1\s*(?:,\s*(?:to|via|action"
    r"|controller|as|format|constraints|defaults|on)\s*:|=>\s*[\"'][\w/]+#\w+[\"']))"
)
# What a line that ROUTE matches on holds, by ROUTE's branches in turn: a decorator's `@`, a
# server object's name and its dot, a Go router's method, the `(req` of a handler given after the
# path, Laravel's `Route::` (a cheap exact test: most lines hold none of them).
ROUTE_WORDS = (
    "@",
    *(f"{owner}." for owner in ("app", "router", "server", "srv", "mux", "engine", "fastify")),
    *(f"{owner}." for owner in ("routes", "bp", "blueprint", "api_router")),
    *(f".{verb}(" for verb in ("GET", "POST", "PUT", "PATCH", "DELETE", "Any", "Handle")),
    ".HandleFunc(",
    "Route::",
    ".route(",
    ".Map",
    "[Http",
    "[Route(",
)
ROUTE_HANDLER = rx.compile(r"\(\s*(?:req|ctx|c|\)\s*=>|\{)")


def route_spans(
    line: str, feign: bool = False, ivars: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """The path literals of the route definitions on a line; in a file of Feign clients
    (`feign`), Spring's `@PostMapping("/x")` declares a call the client makes, not a route; nor
    is a call on an instance variable the file assigns (`ivars`: Ruby's `@conn.get("/x")`)."""
    spans: list[tuple[int, int]] = []
    rails = RAILS_ROUTE.match(line) if line.lstrip()[:1] in "gpdm" else None
    if rails is not None:  # (Rails' `post "/x", to: "ctrl#action"`: no parentheses)
        close = line.find(line[rails.end()], rails.end() + 1)
        spans.append((rails.end(), close + 1))
    if "(" not in line:
        return spans
    if not any(w in line for w in ROUTE_WORDS) and ROUTE_HANDLER.search(line) is None:
        return spans  # (see ROUTE_WORDS)
    for m in ROUTE.finditer(line):
        if feign and m.group(0).startswith("@") and m.group(0)[1:2].isupper():  # (Mapping, Post)
            continue
        if m.group(0).startswith("@") and _instance_call(line, m, ivars):
            continue
        quote = line[m.end()]
        close = line.find(quote, m.end() + 1)
        spans.append((m.end(), close + 1 if close > 0 else len(line)))
    return spans


# The path a route head that ends its line gives on the next (`@app.post(` then `    "/x",`;
# Spring's `    value = "/x",`); Django's `path("x", view)` in a file with `urlpatterns`.
NEXT_PATH = rx.compile(r"^\s*(?:(?:value|path)\s*=\s*)?\{?\s*(?P<q>[\"'`])")
VALUE_HEAD = rx.compile(
    r"(?:^|\s)(?:return|await|yield)\s|[^=!<>]=[^=>]"
)  # (a call's value: no route)
DJANGO_PATH = rx.compile(r"(?<![\w.])(?:re_)?path\(\s*(?=[\"'])")


def split_routes(
    lines: list[str], feign: bool = False, ivars: frozenset[str] = frozenset()
) -> dict[int, list[tuple[int, int]]]:
    """The path literals of route definitions written over lines (a black-formatted decorator,
    `router.post(` with its path on the next line) and of Django's urlpatterns, by line."""
    found: dict[int, list[tuple[int, int]]] = {}
    django = any("urlpatterns" in line for line in lines)
    for i, line in enumerate(lines):
        head = line.rstrip()
        if head.endswith("(") and i + 1 < len(lines) and _route_head(head, feign, ivars):
            m = NEXT_PATH.match(lines[i + 1])
            close = lines[i + 1].find(m["q"], m.end()) if m is not None else -1
            if m is not None:
                end = close + 1 if close > 0 else len(lines[i + 1])
                found.setdefault(i + 1, []).append((m.start("q"), end))
        for m in DJANGO_PATH.finditer(line) if django and "path(" in line else ():
            quote = line[m.end()]
            close = line.find(quote, m.end() + 1)
            found.setdefault(i, []).append((m.end(), close + 1 if close > 0 else len(line)))
    return found


def _route_head(head: str, feign: bool, ivars: frozenset[str]) -> bool:
    """Whether a line that ends in `(` opens a route definition whose path is on the next."""
    if VALUE_HEAD.search(head):
        return False  # (`return app.get(`, `r = app.get(`: a call's value, no route)
    return bool(route_spans(head + '"x"', feign, ivars)) and not route_spans(head, feign, ivars)


# An instance variable assigned (Ruby's `@conn = Faraday.new(...)`, `@http ||= ...`).
IVAR_SET = rx.compile(r"(?<![\w@])@(\w+)\s*(?:\|\|)?=(?![=~>])")


def assigned_ivars(lines: list[str]) -> frozenset[str]:
    """The instance variables a file assigns (`@conn = ...`): `@conn.get(` is their call."""
    return frozenset(name for line in lines if "@" in line for name in IVAR_SET.findall(line))


def _instance_call(line: str, m: re.Match[str], ivars: frozenset[str]) -> bool:
    """Whether a `@x.get(` match is a call on an instance variable, not a decorator: one the
    file assigns, or one in the middle of an expression (`JSON.parse(@conn.get(...))`)."""
    receiver = re.match(r"@(\w+)\.", m.group(0))
    return line[: m.start()].strip() != "" or (receiver is not None and receiver.group(1) in ivars)


SPEC_KEY = rx.compile(r"^\s*[\"']?(?:openapi|swagger)[\"']?\s*:\s*[\"']?[23]")
SERVER_URL = rx.compile(r"[\"']?(?:url|host)[\"']?\s*:\s*[\"']?(?P<url>[^\s\"',}]+)")
SPEC_PATH = rx.compile(r"^\s*[\"']?/[^\s\"':]*[\"']?\s*:")


# A Spring Cloud OpenFeign client interface (`@FeignClient(url = ...)`), in a file that serves no
# routes of its own (no `@RestController`/`@Controller`).
FEIGN_CLIENT = rx.compile(r"@FeignClient\b")
CONTROLLER = rx.compile(r"@(?:Rest)?Controller\b")


def feign_file(lines: list[str]) -> bool:
    """Whether a file's Spring mapping annotations declare a Feign client's calls."""
    declared = ("@FeignClient", "@Client(")  # (Micronaut's declared client: `@Post("/x")` calls)
    text = "\n".join(lines) if any(w in line for line in lines for w in declared) else ""
    return bool(text) and not CONTROLLER.search(text)


def own_spec_paths(lines: list[str], akool_host: re.Pattern[str]) -> list[int]:
    """The path keys of an OpenAPI (or Swagger) document that describes another API than
    AKOOL's (its servers or host name no AKOOL host): the user's own API, not calls to AKOOL."""
    if not any(SPEC_KEY.match(line) for line in lines[:40]):
        return []
    servers = [
        m.group("url")
        for line in lines
        if ("url" in line or "host" in line) and (m := SERVER_URL.search(line))
    ]
    if not servers or any(akool_host.search(url) for url in servers):
        return []
    return [i for i, line in enumerate(lines) if SPEC_PATH.match(line)]


# Line breaks as editors, git and SARIF viewers count them: \n, \r\n and a lone \r. Python's
# str.splitlines() also breaks at \f, \v, \x1c-\x1e, \x85, U+2028 and U+2029, which would put
# every finding after one of them on the wrong line.
LINE_BREAK = rx.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of a text, split at \\n, \\r\\n and \\r only (no final empty line)."""
    lines = LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_starts(text: str) -> list[int]:
    """The offset where each line of split_lines(text) starts."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]
