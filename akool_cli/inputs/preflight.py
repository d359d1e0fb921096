"""Inputs made ready before a billable create: local files checked and uploaded, URLs checked.

`plan_inputs` looks at what the user typed without any network (every problem at once);
`prepare_inputs` uploads the local files to the user's bucket and checks each distinct URL the
way AKOOL will fetch it, returning the URL to send for each input. No printing: warnings and
progress reach the caller through `Events`.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from akool_cli.core import mediatypes
from akool_cli.core.errors import AkoolError, UsageError
from akool_cli.core.mediatypes import Role
from akool_cli.core.urls import parts_or_none
from akool_cli.core.validate import check_url_form, check_utf8_path
from akool_cli.core.workers import WorkerPool
from akool_cli.inputs.hostchecks import CONNECT_TIMEOUT, check_all, host_of
from akool_cli.inputs.upload import (
    DEFAULT_TTL,
    INSTALL_HINT,
    SHORT_TTL,
    TARGET_EXAMPLE,
    LocalFile,
    Presigned,
    S3Store,
    S3Target,
    Uploaded,
    boto3_missing,
    hash_file,
    hashed,
)
from akool_cli.inputs.urlcheck import CHECK_TIMEOUT, private_host, short
from akool_cli.store.journal import Journal, UploadRecord, Uploads

if TYPE_CHECKING:
    from akool_cli.net.api import AkoolClient
    from akool_cli.net.transport import Transport

UPLOAD_HINT = (
    f"upload it with --upload-to {TARGET_EXAMPLE} (or set AKOOL_UPLOAD_TO, or once: "
    f"akool config set upload-to {TARGET_EXAMPLE}), or pass an https:// URL AKOOL can reach"
)
# A URL that answered an error, an HTML page or the wrong type: what AKOOL would fetch too.
URL_HINT = (
    "open the URL in a browser: AKOOL needs a direct link to the file (not a share or preview "
    "page), reachable without a login; a presigned URL must not have expired"
)
FILE_HINT = "give the path of an image or audio file"
UPLOAD_WORKERS = 4
ROLE_HINTS: dict[Role, str] = {
    "image": "AKOOL takes JPEG, PNG or WebP images (convert it to one of them)",
    "audio": "AKOOL takes MP3, WAV, M4A/AAC, OGG or FLAC audio (convert it to one of them)",
    "video": "AKOOL takes MP4 videos (H.264 is the safest); MOV, AVI and WebM on some products",
    "subtitle": "AKOOL takes SRT or ASS subtitle files",
}
WEB_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Input:
    """One input as the user typed it: a URL, or a path to a local file."""

    value: str
    role: Role
    where: str  # how messages name it: "the image", "row 3 image_url"
    tag: object = None  # the caller's own key (a batch row number)


@dataclass
class Problem:
    input: Input
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        return f"{self.input.where} {self.message}"


@dataclass(frozen=True)
class Source:
    """A local file that passed the checks that need no network."""

    path: Path
    size: int
    mtime_ns: int
    kind: mediatypes.Kind


@dataclass
class Plan:
    target: S3Target | None
    urls: dict[str, Role] = field(default_factory=dict)  # value as typed → role
    files: dict[str, Source] = field(default_factory=dict)  # value as typed → file
    problems: list[Problem] = field(default_factory=list)

    def raise_problems(self) -> None:
        """One UsageError naming every problem (the user fixes them all in one go)."""
        raise_all(self.problems)

    def only(self, values: set[str]) -> Plan:
        """The part of the plan these inputs need (a resumed batch skips rows already created)."""
        return Plan(
            self.target,
            {v: r for v, r in self.urls.items() if v in values},
            {v: s for v, s in self.files.items() if v in values},
            [p for p in self.problems if p.input.value in values or p.input.tag is None],
        )


@dataclass
class Events:
    """Where prepare_inputs reports what it does; the CLI turns these into lines and bars."""

    warn: Callable[[str], None] = lambda message: None
    info: Callable[[str], None] = lambda message: None
    upload_started: Callable[[str, int], None] = lambda name, size: None
    upload_bytes: Callable[[str, int], None] = lambda name, count: None
    upload_done: Callable[[str], None] = lambda name: None
    checked: Callable[[int, int], None] = lambda done, total: None  # URLs checked, of all


@dataclass(frozen=True)
class Settings:
    target: S3Target | None = None
    ttl: int = DEFAULT_TTL
    check: bool = True
    check_face: bool = False
    base_url: str = ""  # AKOOL's; a sandbox on this machine can reach private hosts
    # Makes the URL checks' transport (Session.transport: the caller's redaction, proxies).
    transport: Callable[..., Transport] | None = None
    # The uploads' presigned URLs, to be signed again right before a create carries one.
    presigned: Presigned | None = None

    def check_transport(self) -> Transport:
        if self.transport is None:
            from akool_cli.net.transport import Transport

            return Transport(connect_timeout=CONNECT_TIMEOUT, read_timeout=CHECK_TIMEOUT)
        return self.transport(connect_timeout=CONNECT_TIMEOUT, read_timeout=CHECK_TIMEOUT)


# AKOOL_NO_CHECK's values: the checks before billing skipped, or kept. Anything else is refused:
# a typo must never turn the checks off (break17i I16: `maybe` did).
NO_CHECK_VALUES = {
    "1": True,
    "true": True,
    "yes": True,
    "": False,
    "0": False,
    "false": False,
    "no": False,
}


def checks_disabled(env: Mapping[str, str]) -> bool:
    """AKOOL_NO_CHECK=1 (true, yes): skip the checks before billing; unset, empty, 0, false or no:
    keep them; anything else: UsageError, before anything is sent."""
    raw = env.get("AKOOL_NO_CHECK", "")
    value = NO_CHECK_VALUES.get(raw.strip().lower())
    if value is None:
        raise UsageError(
            f"AKOOL_NO_CHECK={raw[:40]!r} is not 1 or 0",
            hint="set AKOOL_NO_CHECK=1 to skip the checks before billing (or unset it to keep them)",
        )
    return value


def raise_all(problems: Sequence[Problem]) -> None:
    if not problems:
        return
    hints = list(dict.fromkeys(p.hint for p in problems if p.hint))
    if len(problems) == 1:
        raise UsageError(str(problems[0]), hint=hints[0] if hints else None)
    raise UsageError(
        f"{len(problems)} input problems: " + "; ".join(str(p) for p in problems),
        hint="; ".join(hints) if hints else None,
    )


# -- without the network -----------------------------------------------------------------------


def check_input(value: str, what: str) -> str:
    """A URL or a path, as far as can be told without looking at the disk (batch rows)."""
    text = value.strip()
    if WEB_URL.match(text):
        check_url_form(text, f"the {what}")  # brackets, port, control characters
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", text)
    windows_drive = re.match(r"^[A-Za-z]:[\\/]", text) is not None
    if is_url(text) or (text and (scheme is None or windows_drive or scheme.group(1) == "file")):
        return text
    raise UsageError(
        f"the {what} {value!r} is not an http(s) URL or a file path",
        hint="pass a full URL such as https://example.com/portrait.jpg, or a file path",
    )


def is_url(value: str) -> bool:
    parts = parts_or_none(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value.strip()


def looks_local(value: str, base_dir: Path) -> bool:
    """A path rather than a mistyped URL: it exists, or it is written like a path."""
    text = value.strip()
    if parts_or_none(text).scheme == "file":
        return True
    return text.startswith(("/", "./", "../", "~", ".\\")) or (
        re.match(r"^[A-Za-z]:[\\/]", text) is not None
        or bool(text and os.path.exists(base_dir / os.path.expanduser(text)))
        or bool(text and "/" not in text and "." in text and ":" not in text)
    )


def local_path(value: str, base_dir: Path) -> Path:
    text = value.strip()
    if text.startswith("file://"):
        text = parts_or_none(text).path
    return (base_dir / os.path.expanduser(text)).absolute()


def plan_inputs(
    inputs: Sequence[Input], *, target: S3Target | None, base_dir: Path | None = None
) -> Plan:
    """Sort inputs into URLs and local files, and find every problem that needs no network."""
    base = base_dir or Path.cwd()
    plan = Plan(target)
    roles: dict[str, Role] = {}
    for item in inputs:
        text = item.value.strip()
        if text and roles.setdefault(text, item.role) != item.role:
            plan.problems.append(
                Problem(
                    item,
                    f"{item.value!r} is also given as the {roles[text]}: one file "
                    "cannot be both the portrait and the speech",
                    "give the portrait first, then the speech recording",
                )
            )
            continue
        if WEB_URL.match(text):
            try:  # a flawed URL (brackets, port, control characters) said precisely
                check_url_form(text, "URL")
            except UsageError as exc:
                plan.problems.append(Problem(item, exc.message, exc.hint))
                continue
        if is_url(text):
            plan.urls.setdefault(item.value, item.role)
        elif not looks_local(text, base):
            plan.problems.append(
                Problem(
                    item,
                    f"URL {item.value!r} is not an http(s) URL (nor an existing file)",
                    "pass a full URL such as https://example.com/portrait.jpg, or a file path",
                )
            )
        else:
            found = _check_file(item, local_path(text, base))
            if target is None:
                besides = f", and {found.message}" if isinstance(found, Problem) else ""
                message = (
                    f"{item.value!r} is a local file, but AKOOL fetches inputs by URL "
                    f"(there is no upload endpoint) and no --upload-to bucket is set{besides}"
                )
                plan.problems.append(Problem(item, message, UPLOAD_HINT))
            elif isinstance(found, Problem):
                plan.problems.append(found)
            else:
                plan.files[item.value] = found
    if plan.files and target is not None and boto3_missing():
        plan.problems.append(
            Problem(
                Input("", "image", "uploading"),
                "local files needs boto3, which is not installed",
                INSTALL_HINT,
            )
        )
    return plan


def _check_file(item: Input, path: Path) -> Source | Problem:
    """The file exists, is readable, and is an image or audio of the right kind."""
    try:
        # Its path is recorded with its upload (break17j J1).
        check_utf8_path(path, "the file", hint="move it to a folder whose path is UTF-8")
    except UsageError as exc:
        return Problem(item, exc.message, exc.hint)
    try:
        stat = path.stat()
        if path.is_dir():
            return Problem(item, f"{path} is a directory, not a file", FILE_HINT)
        if not path.is_file():  # a FIFO or a device would block or never end
            return Problem(item, f"{path} is not a regular file", FILE_HINT)
        with path.open("rb") as f:
            head = f.read(mediatypes.SNIFF_BYTES)
    except FileNotFoundError:
        return Problem(
            item, f"{path} does not exist", "check the path (relative paths start where you are)"
        )
    except OSError as exc:
        return Problem(
            item,
            f"{path} cannot be read: {exc.strerror or exc}",
            f"check its permissions: ls -l {path}",
        )
    verdict = mediatypes.check_head(head, item.role)
    if isinstance(verdict, str):
        return Problem(
            item,
            f"{path} is not {mediatypes.ACCEPTED[item.role]}: it is {verdict}",
            ROLE_HINTS[item.role],
        )
    return Source(path, stat.st_size, stat.st_mtime_ns, verdict)


# -- with the network --------------------------------------------------------------------------


def prepare_inputs(
    plan: Plan,
    settings: Settings,
    *,
    journal: Journal,
    client: AkoolClient | None = None,
    events: Events | None = None,
) -> dict[str, str]:
    """Upload the plan's files, check every URL (and faces, if asked); value → URL to send."""
    raise_all(plan.problems)
    events = events or Events()
    resolved = {value: value.strip() for value in plan.urls}
    roles: dict[str, Role] = {value.strip(): role for value, role in plan.urls.items()}
    uploaded: dict[str, Uploaded] = {}
    if plan.files:
        assert settings.target is not None
        uploaded = upload_files(plan, settings, journal, events)
        for value, done in uploaded.items():
            resolved[value] = done.url
            roles[done.url] = plan.files[value].kind.role
    if settings.check:
        problems = check_urls(roles, settings, events)
        _forget_vanished(problems, uploaded, journal)
        raise_all(problems)
        if settings.check_face and client is not None:
            images = [url for url, role in roles.items() if role == "image"]
            raise_all(check_faces(client, images, events))
    return resolved


def _forget_vanished(
    problems: list[Problem], uploaded: dict[str, Uploaded], journal: Journal
) -> None:
    """An object akool uploaded earlier that is gone now: forget it, so the next run uploads it."""
    by_url = {u.url: u for u in uploaded.values()}
    for problem in problems:
        done = by_url.get(problem.input.value)
        if done is not None and done.skipped:
            Uploads(journal).forget(done.endpoint, done.bucket, done.key)
            problem.hint = (
                "the object was removed from the bucket after akool uploaded it; "
                "run the same command again to upload it again"
            )


def upload_files(
    plan: Plan, settings: Settings, journal: Journal, events: Events
) -> dict[str, Uploaded]:
    """Each distinct file once (a few at a time), content-addressed, recorded in the history.

    The history is read and written on this thread only (SQLite connections stay on theirs);
    the workers only talk to the bucket.
    """
    assert settings.target is not None
    store = S3Store(settings.target)
    uploads = Uploads(journal)
    recorded = uploads.keys(store.endpoint, store.target.bucket)
    sources = list({source.path: source for source in plan.files.values()}.values())

    def one(source: Source) -> tuple[LocalFile, str, str]:
        try:
            with source.path.open("rb") as handle:  # one open file: hashed, then sent
                return _upload_one(store, recorded, source, handle, events)
        except OSError as exc:
            raise UsageError(
                f"{source.path} cannot be read: {exc.strerror or exc}",
                hint=f"check the file: ls -l {source.path}",
            ) from None

    with WorkerPool(UPLOAD_WORKERS, name="akool-upload") as pool:
        sent = pool.map(one, sources)
    if settings.ttl < SHORT_TTL:
        events.warn(
            f"--url-ttl {settings.ttl // 60} min: the presigned URLs stop working after "
            f"{settings.ttl // 60} min, and AKOOL may fetch the inputs later than that (a job can "
            "wait in its queue), failing the job; use --url-ttl 1h or more (the default is 24h)"
        )
    done: dict[Path, Uploaded] = {}
    for source, (file, key, why) in zip(sources, sent, strict=True):
        url = store.presign(key, settings.ttl)
        if settings.presigned is not None:
            settings.presigned.add(url, store, key)
        record = UploadRecord(str(file.path), file.size, file.sha256, store.target.bucket, key)
        record.url, record.endpoint, record.mtime_ns = url, store.endpoint, source.mtime_ns
        record.expires_at = time.time() + settings.ttl
        uploads.record(record)
        done[source.path] = Uploaded(file, store.target.bucket, key, url, why, store.endpoint)
        if why:
            events.info(f"{file.path.name}: {why}, not uploaded again")
    return {value: done[source.path] for value, source in plan.files.items()}


def _upload_one(
    store: S3Store, recorded: set[str], source: Source, handle: IO[bytes], events: Events
) -> tuple[LocalFile, str, str]:
    """Hash the open file, then upload it unless its object is there: (file, key, why not).

    Always hashed, never taken from the history by path, size and mtime: a file changed in place
    keeps its size and can have its mtime put back, and must not be served from the old object.
    Nor is the object taken from the history unseen: another writer of a shared bucket may have
    replaced or deleted it since, so the bucket is asked (HEAD: size and checksum) each time."""
    file = hashed(handle, source.path, source.kind.mime)
    key = file.key(store.target)
    if store.holds(key, file):
        return (
            file,
            key,
            "uploaded earlier (in the history)" if key in recorded else "already in the bucket",
        )
    if key in recorded:
        events.info(
            f"{file.path.name}: the object uploaded earlier was replaced or deleted in the bucket "
            "since; uploading it again"
        )
    name = str(file.path)
    events.upload_started(name, file.size)
    store.put(file, key, handle, lambda n: events.upload_bytes(name, n))
    events.upload_done(name)
    return file, key, ""


# -- checks before billing ---------------------------------------------------------------------


def check_urls(roles: dict[str, Role], settings: Settings, events: Events) -> list[Problem]:
    """Each distinct URL once, host by host: problems stop the create, the rest are warnings
    (one per host, however many of its URLs they concern)."""
    local_akool = private_host(settings.base_url) if settings.base_url else False
    private: dict[str, list[str]] = {}
    for url in roles:
        if private_host(url) and not local_akool:
            private.setdefault(host_of(url), []).append(url)
    for host, urls in private.items():
        one = len(urls) == 1
        events.warn(
            (f"{short(urls[0])} is" if one else f"{len(urls):,} URLs on {host} are")
            + " on a private or loopback address: AKOOL's servers cannot fetch "
            + ("it" if one else "them")
            + " from there"
        )
    with settings.check_transport() as transport:
        report = check_all(roles, transport, progress=events.checked)
    for message in report.warnings:
        events.warn(message)
    return [
        Problem(Input(url, roles[url], f"the {roles[url]} URL"), message, URL_HINT)
        for url, message in report.refused.items()
    ]


def check_faces(client: AkoolClient, images: list[str], events: Events) -> list[Problem]:
    """AKOOL's face detection on each portrait: none refuses, several warns."""
    problems = []
    for url in images:
        try:
            count = client.detect_faces(url)
        except AkoolError as exc:
            problems.append(
                Problem(
                    Input(url, "image", "the portrait"),
                    f"could not be checked: {exc.message}",
                    exc.hint or "run it again without --check-face",
                )
            )
            continue
        if count == 0:
            problems.append(
                Problem(
                    Input(url, "image", "the portrait"),
                    f"{short(url)} shows no face AKOOL can find",
                    "use a photo with one clear, front-facing face",
                )
            )
        elif count > 1:
            events.warn(f"{short(url)} shows {count} faces; AKOOL animates one of them")
    return problems


# -- batch ---------------------------------------------------------------------------------------


def split_problems(problems: Sequence[Problem]) -> tuple[dict[int, list[str]], list[Problem]]:
    """Problems by batch row, and those of no row (they stop the whole batch)."""
    by_row: dict[int, list[str]] = {}
    general: list[Problem] = []
    for problem in problems:
        if isinstance(problem.input.tag, int):
            by_row.setdefault(problem.input.tag, []).append(str(problem))
        else:
            general.append(problem)
    return by_row, general


def _hash_or_none(path: Path) -> str | None:
    try:
        return hash_file(path)
    except OSError:
        return None


def upload_plan(plan: Plan, journal: Journal) -> list[dict[str, object]]:
    """What a run would upload (for --dry-run), without the network: path, size, action."""
    uploads = Uploads(journal)
    seen: dict[Path, dict[str, object]] = {}
    for source in plan.files.values():
        if source.path in seen:
            continue
        earlier = uploads.known_hash(str(source.path), source.size, source.mtime_ns)
        if earlier is not None and earlier != _hash_or_none(source.path):
            earlier = None  # changed in place since (its mtime put back): uploaded again
        seen[source.path] = {
            "path": str(source.path),
            "size": source.size,
            "type": source.kind.mime,
            "action": "uploaded earlier" if earlier else f"upload to {plan.target}",
        }
    return list(seen.values())
