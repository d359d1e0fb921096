"""Local input files put in the user's S3-compatible bucket, and presigned GET URLs for AKOOL.

The only module that imports boto3, and only when something is uploaded, so no other command
pays for it. Credentials, region and endpoint come from the standard AWS chain (what works for
`aws s3 cp` works here). Keys are content-addressed, so a file is uploaded once however often
it is used. No printing: progress reaches the caller through a callback.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import importlib.util
import ipaddress
import os
import re
import socket
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from akool_cli.core import redact
from akool_cli.core.durations import parse_duration
from akool_cli.core.errors import AkoolError, AuthError, UnavailableError, UsageError

# Re-exported: the bucket's URL is read by core (the command line checks --upload-to too).
from akool_cli.core.s3target import TARGET_EXAMPLE as TARGET_EXAMPLE
from akool_cli.core.s3target import S3Target as S3Target
from akool_cli.core.s3target import parse_target as parse_target
from akool_cli.core.urls import parts_or_none, split_url

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

_T = TypeVar("_T")

# What is missing, first: a checkout installs the extra as '.[s3]', not by the index's name (J17).
INSTALL_HINT = "pip install boto3 (the s3 extra: pip install '.[s3]' in a checkout, 'akool-cli[s3]' from an index)"
DEFAULT_TTL = 24 * 3600  # long enough for a job that waits in AKOOL's queue
# Shorter than this, a presigned URL may expire before AKOOL fetches it: a job waits in AKOOL's
# queue for minutes (longer at busy times) before its inputs are read.
SHORT_TTL = 3600
HASH_PREFIX = 16  # hex digits of the SHA-256 in each key
CHUNK = 1024 * 1024
# Deadlines of the bucket's exchanges (docs/reliability.md's table): botocore's timeouts are per
# socket operation, so a store sending a header every few seconds never trips them. Each call to
# the store (a HEAD, a PUT, a DELETE), all its tries together, ends within S3_DEADLINE, and a PUT
# has one more second for each S3_MIN_RATE bytes of its file.
S3_CONNECT_TIMEOUT = 10.0
S3_READ_TIMEOUT = 30.0  # silence on one socket operation (AKOOL_TIMEOUT's default)
S3_TRIES = 3  # botocore's total_max_attempts: the first try and two more
S3_DEADLINE = 90.0
S3_MIN_RATE = 256 * 1024  # bytes per second a PUT is given on top of S3_DEADLINE
# How S3 errors read to a user, by the error code S3 answers.
S3_ERRORS: dict[str, tuple[type[AkoolError], str, str]] = {
    "NoSuchBucket": (
        UsageError,
        "the bucket {bucket} does not exist",
        "create it, or fix the target",
    ),
    "AccessDenied": (
        AuthError,
        "the AWS credentials may not write to s3://{bucket}",
        "check the profile or keys in use (aws sts get-caller-identity) and the bucket's policy",
    ),
    "InvalidAccessKeyId": (
        AuthError,
        "the storage service does not know this AWS access key",
        "check AWS_ACCESS_KEY_ID / AWS_PROFILE, and AWS_ENDPOINT_URL for non-AWS stores",
    ),
    "SignatureDoesNotMatch": (
        AuthError,
        "the AWS secret key does not match the access key",
        "check AWS_SECRET_ACCESS_KEY or the profile in ~/.aws/credentials",
    ),
}


# Content types whose bytes another type shares (an MP4 is audio/mp4 for a voice change and
# video/mp4 for a face swap): kept apart, each object served with its own Content-Type.
OWN_FOLDER = {"audio/mp4": "audio/"}


@dataclass(frozen=True)
class LocalFile:
    """A file as akool read it once: the bytes hashed are the bytes uploaded (see hashed())."""

    path: Path  # absolute
    size: int
    sha256: str
    mime: str
    md5: str = ""  # what S3 answers as the ETag of an object put in one request

    @property
    def sha256_base64(self) -> str:
        """The SHA-256 as S3's ChecksumSHA256 carries it."""
        return base64.b64encode(bytes.fromhex(self.sha256)).decode()

    def key(self, target: S3Target) -> str:
        """PREFIX/<sha256[:16]>/<file name>: the same content always lands on the same key. An
        MP4 sent as audio (audio/mp4) is its own object (PREFIX/<sha>/audio/<name>): the same
        bytes sent as a video later are served as video/mp4, as each product's checks want."""
        name = re.sub(r"[^A-Za-z0-9._-]+", "-", self.path.name).strip("-.") or "file"
        folder = OWN_FOLDER.get(self.mime, "")
        return f"{target.prefix}{self.sha256[:HASH_PREFIX]}/{folder}{name}"


@dataclass(frozen=True)
class Uploaded:
    file: LocalFile
    bucket: str
    key: str
    url: str
    skipped: str  # "" when uploaded now; else why not ("already in the bucket")
    endpoint: str = ""


class Presigned:
    """The presigned URLs of one run's uploads, each signed again whenever a create is about to
    carry it (break17h H15: a long batch presigned every file once, at its start, and its late
    rows sent AKOOL URLs past --url-ttl). Signing is local and free; each create's URL works
    for the whole TTL from the moment the create leaves. Used on the run's threads."""

    def __init__(self, ttl: int) -> None:
        self.ttl = ttl
        self._found: dict[str, tuple[S3Store, str]] = {}  # first URL → its store and key
        self._lock = threading.Lock()

    def add(self, url: str, store: S3Store, key: str) -> None:
        with self._lock:
            self._found[url] = (store, key)

    def fresh(self, url: str) -> str:
        """The URL as it is to be sent now: signed again when it is one of these uploads'."""
        with self._lock:
            found = self._found.get(url)
        return url if found is None else found[0].presign(found[1], self.ttl)


def parse_ttl(value: str | float, option: str = "--url-ttl") -> int:
    """'24h', '90m', '7d', '3600' → seconds, within S3's 7-day limit for presigned URLs; errors
    name `option` (url_ttl= from Python)."""
    return int(parse_duration(value, option))


def boto3_missing() -> bool:
    return importlib.util.find_spec("boto3") is None


def require_boto3() -> None:
    if boto3_missing():
        raise UsageError(
            "uploading local files needs boto3, which is not installed", hint=INSTALL_HINT
        )


def hashed(handle: IO[bytes], path: Path, mime: str) -> LocalFile:
    """The open file's bytes, read from its start: their size, SHA-256 and MD5. The same handle
    is then uploaded (S3Store.put), so no other file can take this one's place in between."""
    sha256, md5, size = hashlib.sha256(), hashlib.md5(usedforsecurity=False), 0
    handle.seek(0)
    while chunk := handle.read(CHUNK):
        sha256.update(chunk)
        md5.update(chunk)
        size += len(chunk)
    return LocalFile(path, size, sha256.hexdigest(), mime, md5.hexdigest())


def mismatch(answer: dict[str, Any], file: LocalFile) -> str | None:
    """How an object in the bucket (its HEAD answer) differs from the file, or None: its size,
    then its SHA-256 when the store keeps one, else its ETag (the MD5 of an object put in one
    request); a store that tells neither is judged by size alone."""
    size = int(answer.get("ContentLength", -1))
    if size != file.size:
        return f"{size} bytes, not {file.size}"
    checksum = answer.get("ChecksumSHA256")
    if checksum:
        return None if checksum == file.sha256_base64 else "another SHA-256"
    etag = str(answer.get("ETag", "")).strip('"')
    if file.md5 and re.fullmatch(r"[0-9a-f]{32}", etag) and etag != file.md5:
        return "another MD5 (ETag)"
    return None


class _Body:
    """The open file as a request body: at most `size` bytes from its start, each read counted
    (progress); a file that ends early (shortened meanwhile) is an error, not a short object."""

    def __init__(self, handle: IO[bytes], size: int, on_bytes: Callable[[int], None] | None):
        self.handle, self.size, self.on_bytes = handle, size, on_bytes
        handle.seek(0)

    def read(self, n: int = -1) -> bytes:
        left = self.size - self.handle.tell()
        data = self.handle.read(left if n is None or n < 0 else min(n, left))
        if not data and left > 0:
            raise OSError(f"the file ended {left} bytes early: it changed while being uploaded")
        if self.on_bytes is not None and data:
            self.on_bytes(len(data))
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.handle.seek(offset, whence) if whence != 2 else self.handle.seek(self.size)

    def tell(self) -> int:
        return self.handle.tell()


def hash_file(path: Path, on_bytes: Callable[[int], None] | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            if on_bytes is not None:
                on_bytes(len(chunk))
    return digest.hexdigest()


def _is_ip_or_localhost(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class S3Store:
    """One S3 client built from the standard AWS chain; thread-safe for parallel uploads."""

    def __init__(self, target: S3Target) -> None:
        require_boto3()
        import boto3
        import botocore.config
        import botocore.exceptions

        self.target = target
        self.endpoint = ""
        try:
            session = boto3.session.Session()
            endpoint = _configured_endpoint()
            config = botocore.config.Config(
                signature_version="s3v4",  # the only kind S3-compatible stores all take
                retries={"total_max_attempts": S3_TRIES, "mode": "standard"},
                connect_timeout=S3_CONNECT_TIMEOUT,
                read_timeout=S3_READ_TIMEOUT,
            )
            if endpoint and _is_ip_or_localhost(endpoint):
                # An address has no virtual hosts (bucket.127.0.0.1): name the bucket in the path.
                config = config.merge(botocore.config.Config(s3={"addressing_style": "path"}))
            region = session.region_name or (None if endpoint else self._bucket_region(session))
            self.client: S3Client = cuttable(
                session.client("s3", region_name=region, config=config)
            )
        except botocore.exceptions.ProfileNotFound as exc:
            raise UsageError(
                f"the AWS profile {exc.kwargs.get('profile')!r} does not exist",
                hint="check AWS_PROFILE and ~/.aws/config (aws configure list-profiles)",
            ) from None
        # The endpoint botocore settled on, whichever setting gave it (~/.aws/config's
        # endpoint_url too): a password in it would be stored and sent to AKOOL in every URL.
        self.endpoint = _without_userinfo(self.client.meta.endpoint_url or "", "the S3 endpoint")

    def _bucket_region(self, session: Any) -> str | None:
        """Where the bucket lives, so that its presigned URLs are signed for the right region."""
        import botocore.exceptions

        probe = cuttable(session.client("s3", region_name="us-east-1"))
        try:
            answer = self._bounded(lambda: probe.head_bucket(Bucket=self.target.bucket))
            headers = answer["ResponseMetadata"]["HTTPHeaders"]
        except botocore.exceptions.ClientError as exc:
            headers = exc.response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
        except botocore.exceptions.BotoCoreError:
            return None  # the upload itself reports what is wrong
        region = headers.get("x-amz-bucket-region")
        return str(region) if region else None

    def head(self, key: str) -> dict[str, Any] | None:
        """The object's HEAD answer (with its checksum where the store keeps one), or None."""
        import botocore.exceptions

        try:
            answer = self._bounded(
                lambda: self.client.head_object(
                    Bucket=self.target.bucket, Key=key, ChecksumMode="ENABLED"
                )
            )
        except botocore.exceptions.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise self._error(exc) from None
        except botocore.exceptions.BotoCoreError as exc:
            raise self._error(exc) from None
        return dict(answer)

    def holds(self, key: str, file: LocalFile) -> bool:
        """Whether the object is already there with this file's size and checksum."""
        answer = self.head(key)
        return answer is not None and mismatch(answer, file) is None

    def put(
        self,
        file: LocalFile,
        key: str,
        handle: IO[bytes],
        on_bytes: Callable[[int], None] | None,
    ) -> None:
        """Upload the open file that was hashed (`hashed`), with its SHA-256 for the store to
        check, then ask the store what it holds: a copy that differs in size or checksum (the
        file changed meanwhile) is removed and refused, never handed to AKOOL."""
        import botocore.exceptions

        try:
            self._bounded(
                lambda: self.client.put_object(
                    Bucket=self.target.bucket,
                    Key=key,
                    Body=_Body(handle, file.size, on_bytes),  # type: ignore[arg-type]
                    ContentLength=file.size,
                    ContentType=file.mime,
                    Metadata={"sha256": file.sha256},
                    ChecksumSHA256=file.sha256_base64,
                ),
                S3_DEADLINE + file.size / S3_MIN_RATE,
            )
        except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError) as exc:
            if isinstance(exc, botocore.exceptions.ClientError) and _bad_digest(exc):
                raise _changed(file, "the store found another SHA-256") from None
            raise self._error(exc) from None
        except OSError as exc:
            raise _changed(file, str(exc)) from None
        answer = self.head(key)
        why = "it is not there" if answer is None else mismatch(answer, file)
        if why is not None:
            with contextlib.suppress(Exception):
                self._bounded(lambda: self.client.delete_object(Bucket=self.target.bucket, Key=key))
            raise _changed(file, f"the bucket's copy has {why}")

    def _bounded(self, call: Callable[[], _T], seconds: float | None = None) -> _T:
        """The call to the store, all its tries, within its deadline (S3_DEADLINE unless given):
        else UnavailableError, while the call is left to end on its own thread."""
        return within(call, S3_DEADLINE if seconds is None else seconds, self.endpoint or "S3")

    def presign(self, key: str, ttl: int) -> str:
        return str(
            self.client.generate_presigned_url(
                "get_object", Params={"Bucket": self.target.bucket, "Key": key}, ExpiresIn=ttl
            )
        )

    def _error(self, exc: Exception) -> AkoolError:
        import botocore.exceptions

        where = self.endpoint or "S3"
        if isinstance(exc, botocore.exceptions.NoCredentialsError):
            return AuthError(
                "no AWS credentials found for uploading",
                hint="set AWS_PROFILE (see ~/.aws/config), or AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY; whatever works for `aws s3 cp` works here",
            )
        if isinstance(exc, botocore.exceptions.ClientError):
            code = str(exc.response.get("Error", {}).get("Code", ""))
            known = S3_ERRORS.get(code) or (S3_ERRORS["AccessDenied"] if code == "403" else None)
            if known is not None:
                kind, message, hint = known
                return kind(message.format(bucket=self.target.bucket), hint=hint)
            return UsageError(
                f"{where} refused the upload: {exc}",
                hint="check the bucket's name, region and policy (aws s3 ls s3://BUCKET/)",
            )
        if isinstance(exc, botocore.exceptions.EndpointConnectionError):
            return UnavailableError(
                f"cannot reach the storage endpoint {where}",
                hint="check the network, and AWS_ENDPOINT_URL for S3-compatible stores",
            )
        return UnavailableError(f"the upload to {where} failed: {exc}")


class _Call:
    """One call to the store, on a thread of its own: the connections it sends on, so that past
    its deadline they are shut down. The thread's read or write then fails at once, and no try
    follows (cut), so the thread ends then, not when the store closes the socket."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.connections: list[Any] = []
        self.cut = False

    def adopt(self, connection: Any) -> None:
        """A connection this call sends a request on; none once the call is cut."""
        with self.lock:
            if self.cut:
                raise CancelledError("the call to the store is past its deadline")
            self.connections.append(connection)

    def cancel(self) -> None:
        with self.lock:
            self.cut, connections = True, list(self.connections)
        for connection in connections:
            sock = getattr(connection, "sock", None)
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)  # wakes the thread's blocked read or write


_CALLS = threading.local()  # .call: the _Call the current thread makes


def _current_call() -> _Call | None:
    call = getattr(_CALLS, "call", None)
    return call if isinstance(call, _Call) else None


@functools.cache
def _pool_classes() -> dict[str, type]:
    """botocore's connection pools, whose connections tell the current call they are in use."""
    from botocore import awsrequest

    def adopting(base: type) -> type:
        def request(self: Any, *args: Any, **kwargs: Any) -> Any:
            call = _current_call()
            if call is not None:
                call.adopt(self)
            return base.request(self, *args, **kwargs)  # type: ignore[attr-defined]

        return type(f"Cuttable{base.__name__}", (base,), {"request": request})

    pools = {
        "http": (awsrequest.AWSHTTPConnectionPool, awsrequest.AWSHTTPConnection),
        "https": (awsrequest.AWSHTTPSConnectionPool, awsrequest.AWSHTTPSConnection),
    }
    return {
        scheme: type(f"Cuttable{pool.__name__}", (pool,), {"ConnectionCls": adopting(conn)})
        for scheme, (pool, conn) in pools.items()
    }


def _no_try_once_cut(**_: Any) -> None:
    """botocore's needs-retry hook, asked first: a call past its deadline is not tried again."""
    call = _current_call()
    if call is not None and call.cut:
        raise CancelledError("the call to the store is past its deadline")


def cuttable(client: _T) -> _T:
    """The S3 client, its calls cut at their deadline (within). botocore keeps its pool classes
    in its HTTP session (`_pool_classes_by_scheme`); were that gone in a later botocore, a call
    past its deadline would still end for akool, its thread only when the store lets go."""
    session = getattr(getattr(client, "_endpoint", None), "http_session", None)
    classes = getattr(session, "_pool_classes_by_scheme", None)
    if isinstance(classes, dict):
        classes.update(_pool_classes())
    client.meta.events.register_first("needs-retry.s3", _no_try_once_cut)  # type: ignore[attr-defined]
    return client


def within(call: Callable[[], _T], seconds: float, where: str) -> _T:
    """`call` on a thread of its own, awaited at most `seconds` (a stop still ends the wait at
    once): its answer or exception, or UnavailableError once its deadline passes. Then the
    connections it uses are shut down and it is not tried again, so its thread ends too and
    no socket is left open for the store to close (a library user's program keeps neither)."""
    done = threading.Event()
    result: list[Any] = []
    cut = _Call()

    def run() -> None:
        _CALLS.call = cut
        try:
            result.append((True, call()))
        except BaseException as exc:  # handed to the caller's thread
            result.append((False, exc))
        finally:
            done.set()

    threading.Thread(target=run, name="akool-s3", daemon=True).start()
    if not done.wait(seconds):
        cut.cancel()
        raise UnavailableError(
            f"no complete answer from the storage endpoint {where} within {seconds:.0f} s "
            "(akool's limit for one exchange with the bucket)",
            hint="check AWS_ENDPOINT_URL and the network, then run the command again",
        )
    ok, value = result[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def _bad_digest(exc: Any) -> bool:
    return str(exc.response.get("Error", {}).get("Code", "")) in ("BadDigest", "InvalidDigest")


def _changed(file: LocalFile, why: str) -> UsageError:
    return UsageError(
        f"{file.path} changed while akool uploaded it ({why}); nothing was sent to AKOOL",
        hint="run the same command again once the file no longer changes",
    )


def _configured_endpoint() -> str | None:
    """AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, as botocore reads them (it applies them itself),
    checked as every URL akool takes is: a host no client can send is bad input, named (botocore
    says only "Invalid endpoint": break17e P3)."""
    for name in ("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"):
        value = os.environ.get(name, "").strip()
        if not value:
            continue
        parts = split_url(value, name)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(
                f"{name} {redact.signed(value)[:120]!r} is not an http(s) URL",
                hint=f"give the store's URL, e.g. {name}=http://127.0.0.1:9000 (or unset it for AWS)",
            )
        return _without_userinfo(value, name)
    return None


def _without_userinfo(endpoint: str, origin: str) -> str:
    """The store's endpoint, refused when it carries a user name or password (break17k K2): it
    would be written to the history and sent to AKOOL inside each presigned URL."""
    if "@" not in (parts_or_none(endpoint).netloc or ""):
        return endpoint
    raise UsageError(
        f"{origin} {redact.signed(endpoint)[:120]!r} carries a user name or password; akool "
        "takes no credential in the store's URL (it would reach AKOOL in every presigned URL)",
        hint="give the store's keys through the AWS chain (AWS_ACCESS_KEY_ID and "
        "AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ~/.aws/credentials) and the endpoint as "
        "http(s)://HOST[:PORT]",
    )
