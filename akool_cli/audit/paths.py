"""What a path a script calls is, judged against the catalogue of AKOOL's docs: documented,
deprecated, retired, a known wrong guess, unknown, or not AKOOL's at all; and, for every path
that is not documented, the documented path that replaces it when the docs give one."""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from akool_cli.audit import rx
from akool_cli.core import catalogue, contract
from akool_cli.core.catalogue import DocEndpoint, Retired

if TYPE_CHECKING:
    from akool_cli.core.kinds import JobKind

VERSIONED = rx.compile(r"^/api/open/v\d+(?=/|$)")
BASE_ONLY = rx.compile(r"^/api/open(?:/v\d+)?/?$")
# Paths that third-party scripts guess, beyond the contract's: what the docs do instead. `{}`
# stands for one segment. Each replacement is a documented call (a test checks them).
GUESSED_SHAPES: tuple[tuple[str, str, str], ...] = (
    ("GET", "/content/video/result/{}", contract.VIDEO_INFO.path),
    ("GET", "/content/video/status/{}", contract.VIDEO_INFO.path),
    ("GET", "/content/video/{}/status", contract.VIDEO_INFO.path),
    ("GET", "/video/result/{}", contract.VIDEO_INFO.path),
)

# Paths outside /api/open that scripts call on AKOOL's API host (openapi.akool.com), and the
# documented call that does what they meant: an OAuth-style token is getToken's.
API_HOST_GUESSES: tuple[tuple[str, str], ...] = (
    ("/oauth/token", contract.GET_TOKEN.path),
    ("/oauth2/token", contract.GET_TOKEN.path),
    ("/oauth/access_token", contract.GET_TOKEN.path),
    ("/oauth2/access_token", contract.GET_TOKEN.path),
    ("/auth/token", contract.GET_TOKEN.path),
    ("/token", contract.GET_TOKEN.path),
)
# A segment that stands for a path to fill in (`/api/your-endpoint`, `/<path>`, `/{endpoint}`): an
# example in prose or a template, not a call.
PLACEHOLDER_SEGMENT = rx.compile(
    r"(?i)your[-_]?\w*|<[^>]*>|\{[^}]*\}|\.\.\.|x+|example[-\w]*|endpoint|path|\*"
)
# A segment written as an ellipsis (`/content/...`, `/video/…`): the rest of the path left out.
ELLIPSIS = rx.compile(r"/(?:\.\.\.|…)(?:/|$)|…")
URL_SEGMENT = rx.compile(r"[\w.~%@+-]+")
VERSION_SEGMENT = rx.compile(r"v\d+")

Verdict = Literal["documented", "deprecated", "retired", "guess", "unknown", "prefix", "none"]


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    path: str  # the full path as judged (/api/open/vN/... when the base is known)
    endpoint: DocEndpoint | None = None  # the documented one (documented, deprecated, guess)
    retired: Retired | None = None
    guess: contract.WrongGuess | None = None
    replacement: DocEndpoint | None = None  # the documented endpoint to call instead
    candidates: tuple[DocEndpoint, ...] = ()  # several documented ones that may be meant
    # The replacement is the same path under another version or letter case, or the one the docs
    # (or the contract's table of guesses) name: a mechanical fix. A closest match is only advice.
    sure: bool = False
    guess_start: int = 0  # where in `path` the guessed pattern starts


def _guess_regex(pattern: str) -> re.Pattern[str]:
    body = re.escape(pattern.lstrip("/")).replace(re.escape("{}"), r"[^/?#\s]+")
    return re.compile(r"(?<![^/])" + body + r"(?![^/?#])")


@lru_cache(maxsize=1)
def guesses() -> tuple[tuple[contract.WrongGuess, re.Pattern[str]], ...]:
    """The contract's known guesses and the shapes above, as wrong guesses with a regex each."""
    found = [(g, _guess_regex(g.pattern)) for g in contract.UNDOCUMENTED_PATHS]
    for method, pattern, documented in GUESSED_SHAPES:
        endpoint = contract.find_endpoint(method, documented)
        assert endpoint is not None, documented
        replacement = f"{method} {documented}?video_model_id=<_id>"
        found.append(
            (contract.WrongGuess(method, pattern, replacement, endpoint), _guess_regex(pattern))
        )
    return tuple(found)


@lru_cache(maxsize=1)
def resource_words() -> frozenset[str]:
    """The first segment of every documented and retired path after /api/open/vN (content,
    faceswap, voice, ...), and of the known guesses: what makes a path AKOOL-shaped."""
    docs = catalogue.load()
    paths = [e.path for e in docs.endpoints] + [r.path for r in docs.retired]
    words = {VERSIONED.sub("", p).strip("/").split("/")[0].lower() for p in paths}
    words |= {g.pattern.strip("/").split("/")[0].lower() for g, _ in guesses()}
    words |= GUESSED_WORDS
    return frozenset(w for w in words if w and w not in ("api", "interface", "detect", "test"))


# Product names as scripts spell them in guessed paths (/v3/talking-photo/create).
GUESSED_WORDS = frozenset(
    {"talking-photo", "talkingphoto", "talking_photo", "face-swap", "lip-sync", "lipsync", "tts"}
    | {"face-detect", "facedetect", "face_detect", "face-detection", "video-translation"}
    | {"videotranslation", "text-to-speech", "image-to-video", "text2image", "text-to-image"}
    | {"voice-clone", "voiceclone", "avatar-video", "talking-avatar", "character-swap"}
)

# What scripts guess for each product's create call, and the call AKOOL's docs give for it
# (docs.akool.com): each guess is a path's comparable part (see _bare: no /api/open/vN, lower
# case, no "-" or "_") with a trailing verb (VERBS) taken off, the guesses of one product
# separated by spaces. A test checks every replacement is documented.
PRODUCT_GUESSES: tuple[tuple[str, str], ...] = (
    # face detection's page: /detect (sg3) is legacy, detect_faces its replacement
    (
        "/interface/detect-api/detect_faces",
        "face/detect facedetect detect detect/face detect/faces detectface detectfaces "
        "face/detection facedetection faces/detect faceswap/detect faceswap/facedetect "
        "face/landmarks faces face/landmark face/analyze faces/analyze face/recognize "
        "face/recognition detect/image detect/video face/video",
    ),
    (
        "/interface/detect-api/faceswap/analyze_frames",
        "analyze/frames analyzeframes face/frames faces/frames faceswap/analyzeframes "
        "faceswap/analyze/frames",
    ),
    # the avatar page's "Create Avatar Video"
    (
        "/api/open/v3/avatar/createVideo",
        "video avatar/video avatarvideo avatar/videos video/avatar "
        "avatar/generatevideo avatar/makevideo",
    ),
    (
        contract.CREATE_TALKING_PHOTO.path,
        "talkingphoto photo/talk talkingphoto/video video/talkingphoto "
        "content/video/talkingphoto content/talkingphoto photo/talking/video",
    ),
    (
        "/api/open/v3/content/video/lipsync",
        "lipsync lipsync/video video/lipsync content/lipsync lip/sync",
    ),
    (
        "/api/open/v3/content/video/createbytranslate",
        "translate translation video/translate video/translation translate/video "
        "videotranslation videotranslate content/video/translate dubbing "
        "content/video/translation translation/video video/dub video/dubbing",
    ),
    (
        "/api/open/v3/content/image/createbyprompt",
        "image images image/generation images/generations text2image txt2img texttoimage "
        "image/prompt content/image image/text2image images/create",
    ),
    (
        "/api/open/v4/voice/clone",
        "voiceclone clone/voice voice/clone voice/clones clone audio/voiceclone",
    ),
    (
        "/api/open/v4/voice/tts",
        "tts texttospeech text2speech speech audio/tts voice/speech audio/speech "
        "voice/texttospeech tts/audio",
    ),
    (
        "/api/open/v3/faceswap/highquality/specifyimage",
        "faceswap face/swap swap/face faceswap/image image/faceswap swap faceswap/photo "
        "swap/image faceswap/highquality faceswap/swap",
    ),
    (
        "/api/open/v3/faceswap/highquality/specifyvideo",
        "faceswap/video video/faceswap swap/video faceswap/highquality/video",
    ),
    (
        "/api/open/v4/image2Video/createBySourcePrompt",
        "image2video imagetovideo img2video video/image2video image/video",
    ),
    (
        "/api/open/v4/text2Video/createByPrompt/batch",
        "text2video texttovideo txt2video video/text2video text/video",
    ),
    ("/api/open/v4/characterSwap/create", "characterswap character/swap charswap"),
    ("/api/open/v4/headswap/task/create", "headswap head/swap headswap/task"),
    ("/api/open/v3/faceswap/highquality/imgreage", "reage age faceswap/reage"),
    ("/api/open/v4/voice/change", "voicechange voice/convert voiceconversion"),
    ("/api/open/v3/talkingavatar/create", "talkingavatar talkingavatar/video"),
    ("/api/open/v4/voice/list", "voices voice/all voice/lists voicelist voice/library"),
    ("/api/open/v3/avatar/list", "avatars avatar/all avatarlist"),
    (
        "/api/open/v3/language/list",
        "languages language translation/languages translation/language video/languages "
        "videotranslation/languages",
    ),
    (
        contract.GET_TOKEN.path,
        "token tokens accesstoken access/token auth oauth/token authenticate login apikey/token",
    ),
    (
        "/api/open/v4/liveAvatar/session/create",
        "liveavatar liveavatar/session streaming/session streamingavatar streamingavatar/session "
        "streaming/avatar session",
    ),
    ("/api/open/v4/knowledge/create", "knowledge knowledgebase knowledge/base"),
    (
        "/api/open/v4/liveAvatar/session/close",
        "liveavatar/session/stop liveavatar/session/end liveavatar/stop liveavatar/close "
        "liveavatar/session/delete streaming/session/stop streaming/session/close",
    ),
    (
        "/api/open/v3/faceswap/quota/info",
        "credit credits user/credit user/credits quota balance account/credit credit/info "
        "faceswap/credit faceswap/credits faceswap/balance faceswap/quota/balance",
    ),
    ("/api/open/v3/avatar/detail", "avatar/info avatar/get avatar/details avatar/status"),
    ("/api/open/v3/audio/infobymodelid", "audio/result audio/status audio/info audio/detail"),
)
# Verbs scripts end a guessed create path with (/v3/talking-photo/create, /v3/lipsync/submit).
VERBS = frozenset({"create", "submit", "generate", "new", "start", "run", "make", "add", "task"})


def tail(path: str) -> str:
    """A path without /api/open/vN: what stays the same when a script guesses the version."""
    return VERSIONED.sub("", path)


def akool_shaped(path: str) -> bool:
    """A path that looks like AKOOL's: a version segment (/v3/...) or a first segment that AKOOL
    uses (/faceswap/..., /content/...), after any /api or /api/open prefix."""
    parts = [p for p in path.split("?")[0].strip("/").split("/") if p]
    while parts and parts[0].lower() in ("api", "open"):
        parts = parts[1:]
    if not parts:
        return False
    if VERSION_SEGMENT.fullmatch(parts[0]):
        parts = parts[1:]
    return len(parts) > 1 and parts[0].lower() in resource_words()


@lru_cache(maxsize=4096)
def judge(path: str, continued: bool = False, api_host: bool = False) -> Judgement:
    """The verdict on a full path (/api/open/vN/... or another path on an AKOOL host).
    `continued`: the text goes on with "/" + a variable (an id segment, or a prefix);
    `api_host`: the path is on AKOOL's API host, where every path is a call."""
    docs = catalogue.load()
    path = path.split("?")[0]
    cut = RUBY_CUT.search(path) if "#{" in path else None
    if cut is not None:  # (the rest of the path unread: fine if a documented path goes on so)
        judged = judge(path[: cut.start()] + "{}", continued, api_host)
        went_on = any(e.path.startswith(path[: cut.start()]) for e in docs.endpoints)
        return judged if judged.verdict != "unknown" or not went_on else Judgement("prefix", path)
    path = _ruby_holes(path).split("#")[0] if "#{" in path else path.split("#")[0]
    if BASE_ONLY.match(path):
        return Judgement("none", path)  # a base URL, not a call
    if ELLIPSIS.search(path):
        return Judgement("none", path)  # `/content/...`: an example with its rest left out
    endpoint = docs.find(None, path)
    if endpoint is None and continued:
        endpoint = docs.find(None, path.rstrip("/") + "/id")
        if endpoint is None and any(
            e.path.startswith(path.rstrip("/") + "/") for e in docs.endpoints
        ):
            return Judgement("prefix", path)
    if endpoint is not None:
        return Judgement("deprecated" if endpoint.deprecated else "documented", path, endpoint)
    filled = _filled(path)
    if filled is not None:
        return filled
    retired = docs.find_retired(path)
    if retired is not None:
        replacement = docs.find(None, retired.replacement) if retired.replacement else None
        return Judgement("retired", path, retired=retired, replacement=replacement, sure=True)
    for guess, pattern in guesses():
        # (a guess's last segment may be the variable the text goes on with: `"/status/" + id`)
        m = pattern.search(path) or (
            pattern.search(path.rstrip("/") + "/id") if continued else None
        )
        if m is not None:
            documented = docs.find(guess.endpoint.method, guess.endpoint.path)
            return Judgement(
                "guess",
                path,
                documented,
                guess=guess,
                sure=True,
                replacement=documented,
                guess_start=m.start(),
            )
    if not (VERSIONED.match(path) or akool_shaped(path)):
        return _on_api_host(path) if api_host else Judgement("none", path)
    replacement, candidates = replacement_for(path)
    sure = replacement is not None and _bare(replacement.path) == _bare(path)
    return Judgement("unknown", path, replacement=replacement, candidates=candidates, sure=sure)


# Ruby's interpolation in a URL (`"/voice/detail/#{id}"`), which is no fragment; one the URL's
# reader cut at a bracket or a quote it holds (`#{params[:id]}`, `#{v.fetch("_id")}`) ends it.
RUBY_HOLE = rx.compile(r"#\{(?P<name>[^{}/#]*)\}")
RUBY_CUT = rx.compile(r"#\{[^{}/]*$")


def _ruby_holes(path: str) -> str:
    """A path with its Ruby interpolations written as the variable segments they are (`{id}`)."""
    return RUBY_HOLE.sub(lambda m: "{" + m.group("name") + "}", path)


# A segment the code fills at run time (`${kind}`, `{kind}`, `{}`), and one glued to the end of
# the last segment (`infobymodelid${qs}`: a query string built elsewhere).
VARIABLE_SEGMENT = rx.compile(r"\$?\{(?P<name>[^{}/]*)\}|%s|\$(?P<bare>[A-Za-z_]\w*)")
GLUED_VARIABLE = rx.compile(r"(?<=[\w.-])\$?\{[^{}/]*\}$")
# A variable named for an id stands for an id, never for a path word (`/session/${id}`); so does
# one with no name (`{}`, `%s`) at the end of a path.
ID_NAME = rx.compile(r"(?i)(?:^|\W|_)(?:_?id|uuid|guid)$|[a-z]Id$")


def _filled(path: str) -> Judgement | None:
    """A path the code completes at run time: a query string glued to a documented path
    (`infobymodelid${qs}`), or a variable segment that documented paths fill
    (`/content/${kind}/infobymodelid`): the one documented endpoint, or several whose method and
    fields agree; else a prefix of several (no finding, nothing judged against any of them)."""
    docs = catalogue.load()
    parts = path.rstrip("/").split("/")
    glued = GLUED_VARIABLE.search(parts[-1])
    if glued is not None:
        endpoint = docs.find(None, "/".join([*parts[:-1], parts[-1][: glued.start()]]))
        if endpoint is not None:
            return Judgement("deprecated" if endpoint.deprecated else "documented", path, endpoint)
    partial = _partial(path, parts)
    if partial is not None:
        return partial
    varying = {i for i, p in enumerate(parts) if _word_variable(p, i == len(parts) - 1)}
    head = 4 if path.startswith("/api/open/") else 1  # (never the version: `/api/open/${v}`)
    if not varying or min(varying) < head or len(parts) - head - len(varying) < 1:
        return None  # at least one word of the path is written: not `${BASE}/${path}`
    fills = tuple(e for e in docs.endpoints if _fills(e.path.split("/"), parts, varying))
    if not fills:
        return None
    if len({(e.method, e.body, e.query) for e in fills}) == 1:
        return Judgement("documented", path, fills[0])
    return Judgement("prefix", path, candidates=fills)


def _hole_pattern(segment: str, last: bool) -> re.Pattern[str] | None:
    """A segment with a hole beside written text (`specify{kind}`, `{short}reage`, `createby%s`)
    as a pattern over one documented segment; None for a segment with no such hole. A hole that
    ends the path may be empty (`infobymodelid${qs}`: a query string built elsewhere)."""
    holes = list(VARIABLE_SEGMENT.finditer(segment))
    if not holes or VARIABLE_SEGMENT.fullmatch(segment):
        return None
    body, at = "", 0
    for hole in holes:
        empty = last and hole.end() == len(segment)
        body += re.escape(segment[at : hole.start()]) + (r"[^/]*" if empty else r"[^/]+")
        at = hole.end()
    return re.compile(body + re.escape(segment[at:]), re.IGNORECASE)


def _partial(path: str, parts: list[str]) -> Judgement | None:
    """A path with a hole inside a segment is a pattern: documented when documented paths fit it
    (one, or several whose method and fields agree; else a prefix of several), unknown when none
    can (never sure: no patch)."""
    last, head = len(parts) - 1, 4 if path.startswith("/api/open/") else 2
    holes = {i: h for i, p in enumerate(parts) if (h := _hole_pattern(p, i == last)) is not None}
    if not holes or min(holes) < head:  # (`/api/open/v3${path}`: a base joined to a path)
        return None
    fills = tuple(
        e
        for e in catalogue.load().endpoints
        if len(want := e.path.split("/")) == len(parts)
        and all(
            holes[i].fullmatch(t) if i in holes else _segment_fits(t, p, i == last)
            for i, (t, p) in enumerate(zip(want, parts, strict=True))
        )
    )
    if not fills:
        return Judgement("unknown", path)
    if len({(e.method, e.body, e.query) for e in fills}) == 1:
        return Judgement("documented", path, fills[0])
    return Judgement("prefix", path, candidates=fills)


def _segment_fits(want: str, got: str, last: bool) -> bool:
    """Whether a documented segment fits a written one (the same word, a template there, or a
    variable that may stand for a word)."""
    templated = want.startswith("{") and want.endswith("}")
    if VARIABLE_SEGMENT.fullmatch(got) is not None:
        return templated or _word_variable(got, last)
    return want == got or (templated and bool(got))


def _word_variable(segment: str, last: bool) -> bool:
    """Whether a segment is a variable that may stand for a word of the path (not an id)."""
    found = VARIABLE_SEGMENT.fullmatch(segment)
    if found is None:
        return False
    name = (found["name"] or found["bare"] or "").strip()
    return not ID_NAME.search(name) if name else not last


def _fills(want: list[str], got: list[str], varying: set[int]) -> bool:
    """Whether a documented path's segments fill a path whose `varying` segments are variables."""
    return len(want) == len(got) and all(
        i in varying or t == p or (t.startswith("{") and t.endswith("}") and bool(p))
        for i, (t, p) in enumerate(zip(want, got, strict=True))
    )


def replacement_for(path: str) -> tuple[DocEndpoint | None, tuple[DocEndpoint, ...]]:
    """The documented endpoint an unknown path most likely means: the same path under another
    version or prefix, the same path in another letter case, or the one whose path is closest;
    several when they are equally close (then none is sure)."""
    want = _bare(path)
    guessed = _product_guess(want)  # (before a legacy path of the same name: /detect)
    if guessed is not None:
        return _in_version(path, guessed), ()
    same = [e for bare, e in _bare_endpoints() if bare == want]
    if len(same) == 1:
        return same[0], ()
    credit = _credit_reader(want)  # /user/credit/balance: the account's credit, documented once
    if credit is not None:
        return credit, ()
    detail = _detail_reader(want)  # liveAvatar/session/{id}: session/detail?id=
    if detail is not None:
        return detail, ()
    parts = want.split("/")
    if parts[1:-1].count("{}") == 1 and parts[-1] != "{}":  # session/{id}/end: session/close
        moved, _ = replacement_for("/".join(p for p in parts if p != "{}"))
        if moved is not None and id_param(moved) is not None:
            return moved, ()
    # (a state read is never a create: before the closest path; `video-status` is video/status)
    reader = _state_reader(want) or _state_reader(_bare(_split_last(path)))
    if reader is not None:
        return reader, ()
    by_tail = _by_bare()
    close = difflib.get_close_matches(want, _near_in_length(want), n=3, cutoff=0.8)
    if not close:
        return None, ()
    best = difflib.SequenceMatcher(None, want, close[0]).ratio()
    tied = [c for c in close if difflib.SequenceMatcher(None, want, c).ratio() > best - 0.02]
    if len(tied) == 1:
        return _in_version(path, by_tail[close[0]]), ()
    return None, tuple(by_tail[c] for c in tied)


def _in_version(path: str, endpoint: DocEndpoint) -> DocEndpoint:
    """The endpoint of the same path as `endpoint` in the version `path` asks for, when the docs
    give it in that version too (`/v3/voice/lists`: v3's voice/list, not v4's)."""
    asked = VERSION_IN_PATH.search(path)
    if asked is None or asked.group(0) in endpoint.path:
        return endpoint
    bare = _bare(endpoint.path)
    same = [e for b, e in _bare_endpoints() if b == bare and asked.group(0) in e.path]
    return same[0] if len(same) == 1 else endpoint


VERSION_IN_PATH = rx.compile(r"/v\d+/")


@lru_cache(maxsize=1)
def _bare_endpoints() -> tuple[tuple[str, DocEndpoint], ...]:
    """Each documented endpoint with its path's comparable part (_bare), worked out once: every
    unknown path is compared with all of them (50,000 unknown paths in a file: 3.4 M _bare)."""
    return tuple((_bare(e.path), e) for e in catalogue.load().endpoints)


@lru_cache(maxsize=1)
def _by_bare() -> dict[str, DocEndpoint]:
    """The documented endpoints by their paths' comparable part (the last of each, as before)."""
    return dict(_bare_endpoints())


@lru_cache(maxsize=1)
def _bare_lengths() -> tuple[list[int], list[str]]:
    """The documented paths' comparable parts (_by_bare's keys) in order of length, and their
    lengths."""
    bares = sorted(_by_bare(), key=len)
    return [len(b) for b in bares], bares


def _near_in_length(want: str) -> list[str]:
    """The documented paths' comparable parts whose length lets them be close to `want` (a
    similarity of 0.8 needs 2/3 to 3/2 of its length: difflib's real_quick_ratio), with a
    margin: what get_close_matches would keep anyway, without comparing all of them."""
    lengths, bares = _bare_lengths()
    low = bisect.bisect_left(lengths, len(want) * 2 // 3 - 1)
    return bares[low : bisect.bisect_right(lengths, len(want) * 3 // 2 + 1)]


@lru_cache(maxsize=1)
def _guessed_products() -> dict[str, str]:
    return {guess: path for path, spelt in PRODUCT_GUESSES for guess in spelt.split()}


def _product_guess(bare: str) -> DocEndpoint | None:
    """The documented create call of the product a guessed path names (`face/detect`,
    `talkingphoto/create`, `video/translate`), from the table above."""
    parts = bare.split("/")
    while len(parts) > 1 and parts[-1] in VERBS:
        parts = parts[:-1]
    stem = "/".join(parts)
    documented = _guessed_products().get(stem)
    if documented is None and stem != bare:  # /v4/voice/tts/create: the documented voice/tts
        same = [e for bare, e in _bare_endpoints() if bare == stem]
        return same[0] if len(same) == 1 else None
    return catalogue.load().find(None, documented) if documented else None


@lru_cache(maxsize=1)
def _product_words() -> frozenset[str]:
    words = {w for guess in _guessed_products() for w in guess.split("/")}
    words |= {w.replace("-", "").replace("_", "") for w in resource_words()}
    return frozenset(words - VERBS - STATE_WORDS)


def names_a_product(path: str) -> bool:
    """Whether a path names one of AKOOL's products in any of its segments, as scripts spell
    them (`/v3/image/generate`, `/v1/face-detect`); not `/v3/users/info`."""
    return any(part in _product_words() for part in _bare(path).split("/"))


# The last segment of a path that asks for a job's state: /v4/lipsync/info, /headswap/task/status
STATE_WORDS = frozenset(
    {"info", "status", "result", "results", "detail", "details", "query", "state", "progress"}
)


# A job named by its id (`/faceswap/task/{id}`: its state), and a state word with a key (`statusbyid`).
JOB_WORDS = frozenset({"task", "tasks", "job", "jobs"})
STATE_BY = rx.compile(r"(?<=.)by(?:id|ids|taskid|jobid|modelid)$")


# A last segment that is a word and a state word written with `-`, `_` or a capital between them
# for a slash: `video-status`, `video_status`, `videoStatus`.
JOINED_LAST = rx.compile(r"(?P<a>[A-Za-z]+?)(?:[-_]|(?<=[a-z])(?=[A-Z]))(?P<b>[A-Za-z]+)")


def _split_last(path: str) -> str:
    """The path with its last segment split where a separator joins two words (see JOINED_LAST)."""
    head, _, last = path.rstrip("/").rpartition("/")
    m = JOINED_LAST.fullmatch(last)
    return f"{head}/{m['a']}/{m['b']}" if m else path


def _state_reader(bare: str) -> DocEndpoint | None:
    """For a path that asks for a job's state (`lipsync/info`, `headswap/task/status`), the
    documented endpoint that reads the state of the jobs whose create path names its product
    (its first segment), when there is exactly one: lip sync's is video/infobymodelid."""
    parts = bare.split("/")
    kept = len(parts)
    while kept > 2 and parts[kept - 1] == "{}":  # /translation/status/{id}, /faceswap/task/{id}
        kept -= 1  # (counted, then cut once: a path of thousands of `{}` is no quadratic copy)
    if kept < len(parts):
        parts = parts[:kept]
        if parts[-1] in JOB_WORDS:
            parts[-1] = "status"
    parts[-1] = STATE_BY.sub("", parts[-1])  # content/video/statusbyid
    if len(parts) < 2 or parts[-1] not in STATE_WORDS or parts[0] == "{}":
        return None
    product, stem = parts[0], "/".join(parts[:-1]) + "/"
    guessed = _guessed_reader("/".join(parts[:-1]))
    if guessed is not None:
        return guessed
    made = _made()
    readers = {  # content/video/status: the kinds made under content/video/
        kind.status.endpoint.path
        for kind in _kinds()
        if len(parts) > 2 and made[kind.create.path].startswith(stem)
    } or {  # lipsync/info: the kinds whose create path names lip sync
        kind.status.endpoint.path
        for kind in _kinds()
        if any(
            product == word or (len(product) >= 6 and product in word)
            for word in made[kind.create.path].split("/")
        )
    }
    return catalogue.load().find(None, readers.pop()) if len(readers) == 1 else None


# A path that asks for the account's credit (`/user/credit/balance`, `/account/quota`,
# `/credits`): AKOOL documents one such endpoint, face swap's quota/info (data.credit).
CREDIT_PART = rx.compile(r"credit|quota|^balances?$|^remaining$")
CREDIT_PATH = "/api/open/v3/faceswap/quota/info"


def _credit_reader(bare: str) -> DocEndpoint | None:
    if not any(CREDIT_PART.search(part) for part in bare.split("/")):
        return None
    return catalogue.load().find("GET", CREDIT_PATH)


def _detail_reader(bare: str) -> DocEndpoint | None:
    """For a path that puts an id after a resource (`liveAvatar/session/{id}`, `knowledge/{id}`,
    `session/detail/{id}`), the documented GET that reads one such resource by its id: the
    resource's own detail (or info, result...) endpoint, which takes the id in its query
    (`session/detail?id=`) or its path (`voice/detail/{_id}`); when there is exactly one."""
    parts = bare.split("/")
    if len(parts) < 2 or parts[-1] != "{}" or "{}" in parts[:-1]:
        return None
    stem = "/".join(parts[:-1])
    shapes = (
        {stem} | {f"{stem}/{w}" for w in STATE_WORDS} | {f"{stem}/{w}/{{}}" for w in STATE_WORDS}
    )
    found = [
        e
        for e in catalogue.load().endpoints
        if e.method == "GET" and _bare(e.path) in shapes and id_query(e) is not None
    ]
    return found[0] if len(found) == 1 else None


def id_query(endpoint: DocEndpoint) -> str | None:
    """The name an endpoint takes one id by: its path's `{_id}`, or the query field that is an
    id (`id`, `_id`, `avatar_id`, `_ids`); None when it takes none, or several."""
    found = id_param(endpoint)
    return None if found is None or found[0] == "body" else found[1]


def id_param(endpoint: DocEndpoint) -> tuple[str, str] | None:
    """Where and by what name an endpoint takes one id: ("path", "{_id}"), ("query", "id") or,
    for a POST, ("body", "_ids"); None when it takes none, or several."""
    if "{" in endpoint.path:
        return "path", "{" + endpoint.path.rsplit("{", 1)[1]
    fields = endpoint.query if endpoint.method in ("GET", "DELETE") else endpoint.body
    ids = [f.name for f in fields if re.fullmatch(r"_?ids?|\w+_ids?", f.name)]
    if len(ids) != 1:
        return None
    return ("query" if endpoint.method in ("GET", "DELETE") else "body"), ids[0]


# What a call with an id in its path does by its method, as the last segment of the documented
# endpoint that does it under the same resource (DELETE .../session/{id}: session/close).
METHOD_ACTIONS = {
    "DELETE": ("delete", "del", "delbyids", "close", "remove", "cancel"),
    "PUT": ("update",),
    "PATCH": ("update",),
}


def for_method(path: str, method: str) -> DocEndpoint | None:
    """For a path that puts an id after a resource, called with a method that changes it (a
    DELETE, a PUT), the documented endpoint that does that to the resource, when there is one."""
    parts = _bare(path).split("/")
    if len(parts) < 2 or parts[-1] != "{}" or "{}" in parts[:-1]:
        return None
    stem = "/".join(parts[:-1])
    actions = {f"{stem}/{w}" for w in METHOD_ACTIONS.get(method.upper(), ())}
    found = [e for e in catalogue.load().endpoints if _bare(e.path) in actions]
    return found[0] if len(found) == 1 and id_param(found[0]) is not None else None


def replacement_note(path: str, replacement: DocEndpoint) -> str:
    """What to do besides calling the replacement, when the path says it: the id a guessed path
    carries goes where the documented endpoint takes it (`?id=<id>`, a body's `"id"`); the
    account's credit is in quota/info's `data.credit`."""
    bare = _bare(path)
    taken = id_param(replacement)
    if "{}" in bare.split("/")[1:] and taken is not None and taken[0] != "path":
        where, name = taken
        shown = f"?{name}=<id>" if where == "query" else f'{{"{name}": <id>}}'
        return f", with the id in its {where} as {name} ({shown}), not in the path"
    if replacement.path == CREDIT_PATH and _credit_reader(bare) is not None:
        credit = "data.credit" if "data.credit" in replacement.response else "its answer"
        return f", which answers the account's credit balance as {credit}"
    return ""


def _kinds() -> list[JobKind]:
    """akool's job kinds (core.kinds: imported when a guessed path needs them, not at start-up)."""
    from akool_cli.core.kinds import KINDS

    return list(KINDS.values())


@lru_cache(maxsize=1)
def _made() -> dict[str, str]:
    """Each job kind's create path, and its comparable part (_bare)."""
    return {kind.create.path: _bare(kind.create.path) for kind in _kinds()}


def _guessed_reader(product: str) -> DocEndpoint | None:
    """`translation` (of translation/status): the reader of the jobs that the documented create
    call of the product a guess names makes (createbytranslate's: video/infobymodelid)."""
    created = _product_guess(product)
    made = created.path if created is not None else ""
    readers = {k.status.endpoint.path for k in _kinds() if k.create.path == made}
    return catalogue.load().find(None, readers.pop()) if len(readers) == 1 else None


def _bare(path: str) -> str:
    """The comparable part of a path: no /api/open/vN or /api/vN or /vN prefix, lower case,
    id placeholders as {}."""
    parts = [p for p in path.strip("/").split("/") if p]
    while parts and (parts[0].lower() in ("api", "open") or VERSION_SEGMENT.fullmatch(parts[0])):
        parts = parts[1:]
    parts = [
        "{}"
        if p.startswith(("{", "$", "%", "<", ":"))
        else p.lower().replace("-", "").replace("_", "")
        for p in parts
    ]
    return "/".join(parts)


def describe(endpoint: DocEndpoint) -> str:
    return f"{endpoint.method} {endpoint.path} ({endpoint.url})"


def _on_api_host(path: str) -> Judgement:
    """A path outside /api/open on AKOOL's API host (`/oauth2/token`, `/api/v1/...`): a call of
    an endpoint AKOOL does not document, unless it is a placeholder (`/api/your-endpoint`) or a
    prefix of documented paths (`/api`, `/interface`)."""
    docs = catalogue.load()
    parts = [p for p in path.strip("/").split("/") if p]
    prefix = path.rstrip("/") + "/"
    if (
        not parts
        or not all(URL_SEGMENT.fullmatch(p) for p in parts)  # `${X:-https://.../v3}`
        or any(PLACEHOLDER_SEGMENT.fullmatch(p) for p in parts)
        or any(e.path.startswith(prefix) for e in docs.endpoints)
    ):
        return Judgement("none", path)
    for pattern, documented in API_HOST_GUESSES:
        if _guess_regex(pattern).search(path):
            return Judgement("unknown", path, replacement=docs.find(None, documented))
    replacement, candidates = replacement_for(path)
    return Judgement("unknown", path, replacement=replacement, candidates=candidates)
