"""Request helpers a file imports from a module the scan does not hold (`from app.http import get`,
`import { post } from "@/lib/http"`, `import api from "../api"` then `api.get(...)`), in a file
that names AKOOL throughout: the versioned AKOOL-shaped paths given to them (`/v4/headswap/task/
info`) are AKOOL calls whose host is not in view. Without that evidence, or for a path that is not
shaped like AKOOL's (`/v3/users/info`, the project's own `/api/...` routes), nothing is judged."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath

from akool_cli.audit import rx, source
from akool_cli.audit.paths import Judgement, akool_shaped, tail
from akool_cli.audit.sites import REQUEST_NAME, UNSEEN_PREFIX, Base, Bases

AKOOL_WORD = rx.compile(r"akool", re.IGNORECASE)
VERBS = ("get", "post", "put", "patch", "delete", "request")
# Modules that are HTTP libraries, web frameworks or HTTP mocks themselves (`from requests import
# get`, `import { get } from "axios"`, `import { http } from "msw"`): a relative path given to
# them is no call of a hidden client.
LIBRARIES = frozenset(
    {
        "requests",
        "httpx",
        "aiohttp",
        "urllib",
        "urllib2",
        "urllib3",
        "http",
        "https",
        "axios",
        "node-fetch",
        "cross-fetch",
        "isomorphic-fetch",
        "undici",
        "ky",
        "got",
        "superagent",
        "express",
        "koa",
        "fastify",
        "hono",
        "next",
        "react",
        "vue",
        "svelte",
        "flask",
        "fastapi",
        "django",
        "starlette",
        "werkzeug",
        "bottle",
        "tornado",
        "sanic",
        "@angular",
        "@nestjs",
        "swr",
        "@tanstack",
        # mocks and test clients: the paths they are given are a test's stubs, not calls
        "msw",
        "nock",
        "supertest",
        "respx",
        "responses",
        "requests_mock",
        "pytest_httpx",
        "aioresponses",
    }
)
PY_FROM = rx.compile(
    r"^[ \t]*from[ \t]+(?P<m>\.*[\w.]*)[ \t]+import[ \t]+(?:\((?P<p>[^)]*)\)|(?P<n>[^\n#]*))", re.M
)
PY_IMPORT = rx.compile(
    r"^[ \t]*import[ \t]+(?P<m>[\w.]+)(?:[ \t]+as[ \t]+(?P<a>\w+))?[ \t]*$", re.M
)
# (`what` ends on a character that is no blank and stops at the next import line: a run of
# blank lines after `import os` was tried at every split, quadratic: break21e #29)
JS_IMPORT = rx.compile(
    r"^[ \t]*import[ \t]+(?:type[ \t]+)?"
    r"(?P<what>(?:(?!\n[ \t]*import[ \t])[^;'\"`])*?)(?<!\s)\s+from\s+[\"'](?P<m>[^\"']+)[\"']",
    re.M,
)
JS_REQUIRE = rx.compile(
    r"(?:const|let|var)\s+(?P<what>\{[^}]*\}|[A-Za-z_$][\w$]*)\s*=\s*require\(\s*[\"'](?P<m>[^\"']+)[\"']\s*\)"
)
SOURCE_SUFFIX = rx.compile(r"(?<=\w)\.(?:[cm]?[jt]sx?|py)$")
# A versioned path of AKOOL's shape, as scripts write it after a hidden base: /v4/headswap/...
VERSIONED = rx.compile(r"^/?v\d+/")


def names_akool(name: str, lines: list[str], prose: Callable[[int, int], bool]) -> bool:
    """Whether a file talks to AKOOL by name throughout: AKOOL named in its code (an identifier,
    an environment variable's name, a string), and besides in its file name or on two more
    lines (comments count there). Words in sentences alone are no evidence."""
    code = total = 0
    for i, line in enumerate(lines):
        found = [m.start() for m in AKOOL_WORD.finditer(line)] if len(line) <= 2000 else []
        if not found:
            continue
        total += 1
        code += any(not prose(i, at) for at in found)
    return code >= 1 and (total >= 3 or "akool" in PurePath(name).name.lower())


def shaped(path: str) -> bool:
    """A path a hidden base may take to AKOOL: a version first, then a first segment AKOOL uses
    (`/v3/content/video/info`); not the project's own `/api/...` routes nor `/v3/users/info`."""
    return bool(VERSIONED.match(path)) and akool_shaped("/" + path.lstrip("/"))


# First segments AKOOL uses that any API may use too (`/v1/auth/login`, `/v1/content/list`).
COMMON_WORDS = frozenset(
    {"auth", "content", "video", "audio", "photo", "voice", "language", "knowledge", "avatar"}
)


def plausible(path: str, judgement: Judgement) -> bool:
    """Whether an undocumented path whose base is not in view is AKOOL's: its first segment is
    a product of AKOOL's (`/v4/headswap/...`), or a word any API uses followed by two more
    segments (`/v3/content/video/status`), or one more that AKOOL documents under that word
    with another spelling (`/v3/avatar/lists`: avatar/list)."""
    parts = [p for p in path.split("?")[0].strip("/").split("/") if p][1:]
    if parts[0].lower() not in COMMON_WORDS or len(parts) >= 3:
        return True
    found = judgement.replacement
    return (
        judgement.verdict == "unknown"
        and found is not None
        and tail(found.path).strip("/").split("/")[0].lower() == parts[0].lower()
    )


GO_BLOCK = rx.compile(r"^import\s*\((?P<body>[^)]*)\)|^import\s+(?P<one>[^\n]+)", re.M)
# (`^[^\S\n]*`, not `^\s*`: from each line of a run of blank lines `\s*` read to the run's end)
GO_SPEC = rx.compile(r"^[^\S\n]*(?P<a>[A-Za-z_]\w*\s+)?\"(?P<m>[^\"]+)\"", re.M)
JVM_IMPORT = rx.compile(
    r"^[ \t]*import[ \t]+(?:static[ \t]+)?(?P<m>[\w.]+?)(?:\.\*)?(?:[ \t]+as[ \t]+(?P<a>\w+))?[ \t]*;?[ \t]*$",
    re.M,
)
# JVM packages and Go modules that are HTTP libraries, frameworks or the standard library.
JVM_LIBRARIES = rx.compile(
    r"^(?:javax?|jakarta|kotlinx?|android|androidx|okhttp3|retrofit2|feign|io\.ktor|io\.vertx"
    r"|org\.(?:springframework|apache|json|jsoup)|com\.(?:squareup|google|fasterxml)"
    r"|kong\.unirest|reactor)\."
)
GO_LIBRARIES = frozenset(
    {
        "go-resty/resty",
        "valyala/fasthttp",
        "gin-gonic/gin",
        "labstack/echo",
        "gofiber/fiber",
        "imroc/req",
        "gorilla/mux",
        "go-chi/chi",
        "jarcoal/httpmock",
        "h2non/gock",
    }
)


def imports(text: str, suffix: str = "") -> Iterator[tuple[str, str]]:
    """(name bound, module) for each name a Python, JavaScript/TypeScript, Go, Java or Kotlin
    file imports (a Go package as `go:` its path, a JVM class as `jvm:` its dotted name)."""
    if suffix == ".go":
        yield from _go_names(text)
        return
    if suffix in (".java", ".kt", ".kts", ".scala"):
        for m in JVM_IMPORT.finditer(text):
            yield m.group("a") or m.group("m").split(".")[-1], "jvm:" + m.group("m")
        return
    for m in PY_FROM.finditer(text):
        names = m.group("p") if m.group("p") is not None else m.group("n")
        for part in names.split(","):
            words = part.split("#")[0].split()
            if words:
                yield (
                    (words[-1] if len(words) == 3 and words[1] == "as" else words[0]),
                    m.group("m"),
                )
    for m in PY_IMPORT.finditer(text):
        yield m.group("a") or m.group("m").split(".")[0], m.group("m")
    for m in [*JS_IMPORT.finditer(text), *JS_REQUIRE.finditer(text)]:
        yield from _js_names(m.group("what"), m.group("m"))


def _go_names(text: str) -> Iterator[tuple[str, str]]:
    for block in GO_BLOCK.finditer(text):
        for m in GO_SPEC.finditer(block.group("body") or block.group("one")):
            parts = m.group("m").split("/")
            last = parts[-2] if re.fullmatch(r"v\d+", parts[-1]) and len(parts) > 1 else parts[-1]
            alias = (m.group("a") or "").strip()
            if alias not in ("_", "."):
                yield alias or last.removeprefix("go-").removesuffix("-go"), "go:" + m.group("m")


def _js_names(what: str, module: str) -> Iterator[tuple[str, str]]:
    braces = re.search(r"\{([^}]*)\}", what)
    for part in braces.group(1).split(",") if braces else ():
        words = part.replace(":", " as ").split()
        if words and words[0] != "type":
            yield words[-1], module
    rest = re.sub(r"\{[^}]*\}", "", what)
    star = re.search(r"\*\s*as\s+([A-Za-z_$][\w$]*)", rest)
    if star:
        yield star.group(1), module
    default = re.match(r"\s*([A-Za-z_$][\w$]*)\s*(?:,|$)", rest)
    if default and default.group(1) != "type":
        yield default.group(1), module


def _outside(module: str, scanned: frozenset[str], here: PurePath | None) -> bool:
    """Whether a module is none of the scanned files (`scanned`: each file's path without its
    suffix, and every tail of it), nor an HTTP library or a framework."""
    if module.startswith("node:"):
        return False
    if module.startswith(("go:", "jvm:")):
        return _outside_package(module, scanned)
    module = SOURCE_SUFFIX.sub("", module)  # import "./http.js"
    if module.startswith("."):
        return here is None or _relative(module, here) not in scanned
    head = module.split("/")[0]
    if head in LIBRARIES or head.split(".")[0] in LIBRARIES:
        return False
    parts = [p for p in re.split(r"[/.]" if "/" not in module else "/", module) if p]
    if parts and parts[0] in ("@", "~", "#"):  # an alias of the project's root: @/lib/http
        parts = parts[1:]
    return "/".join(parts) not in scanned


def imports_named(name: str, text: str, modules: frozenset[str]) -> bool:
    """Whether a file imports one of `modules` (module_paths of the scanned files that name
    AKOOL): by a relative path, or by a path from the project's root or an alias of it."""
    if not modules or ("import" not in text and "require(" not in text):
        return False
    here = PurePath(os.path.abspath(name))
    for _bound, module in imports(text, PurePath(name).suffix.lower()):
        if module.startswith(("go:", "jvm:")):
            kind, _, rest = module.partition(":")
            if (rest.replace(".", "/") if kind == "jvm" else rest) in modules:
                return True
            continue
        module = SOURCE_SUFFIX.sub("", module)
        if module.startswith("."):
            if _relative(module, here) in modules:
                return True
            continue
        parts = [p for p in re.split(r"[/.]" if "/" not in module else "/", module) if p]
        if parts and parts[0] in ("@", "~", "#"):
            parts = parts[1:]
        if parts and "/".join(parts) in modules:
            return True
    return False


def _outside_package(module: str, scanned: frozenset[str]) -> bool:
    """A Go package (`go:github.com/acme/app/pkg/httpx`: not the standard library, no HTTP
    library, no folder of the scan's Go files) or a JVM class (`jvm:com.acme.http.HttpUtil`)."""
    kind, _, name = module.partition(":")
    if kind == "jvm":
        return not JVM_LIBRARIES.match(name + ".") and name.replace(".", "/") not in scanned
    parts = name.split("/")
    if "." not in parts[0] or "/".join(parts[1:3]) in GO_LIBRARIES:
        return False  # the standard library (net/http), resty, gin ...
    return "go:" + "/".join(parts[-2:]) not in scanned


def _relative(module: str, here: PurePath) -> str:
    """The path (without suffix) a relative import names, from the importing file."""
    if "/" in module:  # JavaScript: ./http, ../lib/http
        target = here.parent / module
    else:  # Python: .http, ..lib.http
        dots = len(module) - len(module.lstrip("."))
        target = here.parents[dots - 1] if dots - 1 < len(here.parents) else here.parent
        target = target.joinpath(*module.lstrip(".").split(".")) if module.strip(".") else target
    return os.path.normpath(str(target)).replace(os.sep, "/")


def module_paths(texts: list[tuple[Path, str, str]], akool: bool = False) -> frozenset[str]:
    """What imports may name the scanned files by: each file's resolved path without its
    suffix (its folder's for an `index` or `__init__` file), and every tail of it. A module
    that names AKOOL throughout and shows no URL (`lib/akool.ts` with `process.env.AKOOL_BASE_URL`)
    is left out: its helpers send to AKOOL through a base its text does not show either, so
    they are followed as hidden ones. `akool`: only the files that name AKOOL at all."""
    found: set[str] = set()
    for path, shown, text in texts:
        if ("akool" not in text.lower()) if akool else _akool_module(shown, text):
            continue
        if path.suffix.lower() in source.DOCS:
            continue  # (a page or a log, requests.log beside `import requests`: no module)
        full = path.resolve().with_suffix("")
        for whole in (full, full.parent) if full.name in ("index", "__init__") else (full,):
            parts = whole.as_posix().split("/")
            found.update("/".join(parts[k:]) for k in range(len(parts)))
        if path.suffix == ".go":  # a Go package is its folder: pkg/httpx
            found.add("go:" + "/".join(full.parent.as_posix().split("/")[-2:]))
    return frozenset(found)


def _akool_module(name: str, text: str) -> bool:
    """A module that names AKOOL throughout and shows no URL or /api/open base of its own."""
    if "akool" not in text.lower() or "://" in text or "/api/open" in text:
        return False
    lines = source.split_lines(text)
    comments = source.comments(name, lines)

    def prose(line: int, column: int) -> bool:
        found = comments.get(line)
        return found is not None and found.prose and column >= found.column

    return names_akool(name, lines, prose)


# A web server of the file's own (Express, Koa, Fastify, Hono, NestJS, Flask, FastAPI): its
# `router.get("/v3/...", handler)` registers a route; only imported functions are followed there.
SERVER = rx.compile(
    r"""(?:from|require\()\s*["'](?:express|koa|@koa/router|fastify|hono|@nestjs/[\w-]+)["']"""
    r"|^\s*from\s+(?:flask|fastapi|django|starlette|sanic|aiohttp\.web)\b|\b(?:express|Router)\(\)",
    re.M,
)


def find(
    name: str,
    text: str,
    lines: list[str],
    bases: Bases,
    prose: Callable[[int, int], bool],
    scanned: frozenset[str],
    objects: Callable[[str, str], Iterator[str]],
    known: frozenset[str] = frozenset(),
) -> None:
    """Record the request helpers the file imports from modules the scan does not hold, when
    the file names AKOOL throughout: functions as helpers (`get("/v4/x")`), modules and objects
    by their verbs (`api.get("/v4/x")`, not in a server's file), each joining its path to a
    base not in view; and the objects the file makes of a class it imports so (`self.client =
    ApiClient(...)`, then `self.client.get("/v4/x")`; `objects` finds them). A helper whose own
    name or module names AKOOL (`akoolPost` from "@/lib/akool") is evidence enough for itself;
    one the folder gives with its base (`known`) is not hidden."""
    if "import" not in text and "require(" not in text:
        return
    here = PurePath(os.path.abspath(name)) if scanned else None
    suffix = PurePath(name).suffix.lower()
    found = {
        (b, "akool" in (b + module).lower())
        for b, module in imports(text, suffix)
        if b not in known and _outside(module, scanned, here)
    }
    if found and not names_akool(name, lines, prose):
        found = {(b, own) for b, own in found if own}  # only those that name AKOOL themselves
    if not found:
        return
    bases.unseen = True
    server = bool(SERVER.search(text))
    for bound, own in found:  # (a module, an object or a function: an import rarely says)
        hidden = Base(None, UNSEEN_PREFIX, name, 0, akool=own, via=bound)
        held = [bound, *(objects(text, bound) if bound[:1].isupper() else ())]
        for name_, verb in ((h, v) for h in held for v in VERBS) if not server else ():
            bases.methods.setdefault((name_, verb), hidden)
        # a function named for a request, or one an AKOOL module gives (`createAkoolJob`,
        # `submitJob` from "@/lib/akool"): the AKOOL-shaped paths given to it are calls
        if REQUEST_NAME.search(bound) or (own and bound[:1].islower()):
            bases.helpers.setdefault(bound, hidden)
