"""An S3 location as akool takes one (`--upload-to s3://BUCKET/PREFIX/`): read and checked
before anything is uploaded, by the command line and the library alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from akool_cli.core import redact
from akool_cli.core.errors import UsageError
from akool_cli.core.urls import parts_or_none
from akool_cli.core.wording import example

TARGET_EXAMPLE = "s3://my-bucket/akool-inputs/"
BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


@dataclass(frozen=True)
class S3Target:
    bucket: str
    prefix: str  # "" or ending with "/"

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


def _python(origin: str) -> bool:
    """Whether `origin` is a Python parameter (upload_to), not a flag, variable or setting."""
    return origin.isidentifier() and origin.islower()


def _named(origin: str, shown: str) -> str:
    return f"{origin}={shown!r}" if _python(origin) else f"{origin} {shown!r}"


def _example(origin: str) -> str:
    return example(origin, TARGET_EXAMPLE) if _python(origin) else f"{origin} {TARGET_EXAMPLE}"


def parse_target(value: str, origin: str = "--upload-to") -> S3Target:
    """s3://BUCKET/PREFIX/ → S3Target; anything else is a usage error naming where it came from:
    a flag (--upload-to), a variable, a setting, or from Python the parameter (upload_to=)."""
    text = value.strip()
    shown = redact.signed(text)  # never echo a key given as s3://KEY:SECRET@bucket
    parts = parts_or_none(text)  # a malformed one is no s3:// location either
    if parts.scheme != "s3" or not parts.netloc:
        raise UsageError(
            f"{_named(origin, shown)} is not an s3://BUCKET/PREFIX/ location",
            hint=f"e.g. {_example(origin)} (R2, MinIO, B2 and GCS work through AWS_ENDPOINT_URL)",
        )
    if "@" in parts.netloc:
        raise UsageError(
            f"{_named(origin, shown)} carries a user name or password; akool takes no credential "
            "in the bucket's URL",
            hint="give AWS credentials through the AWS chain (AWS_PROFILE, AWS_ACCESS_KEY_ID and "
            f"AWS_SECRET_ACCESS_KEY, ~/.aws/credentials), and the bucket as {TARGET_EXAMPLE}",
        )
    if not BUCKET_NAME.fullmatch(parts.netloc) or ".." in parts.netloc:
        raise UsageError(
            f"{origin}: {parts.netloc!r} is not a valid bucket name",
            hint="bucket names are 3-63 lowercase letters, digits, dots and hyphens",
        )
    if parts.query or parts.fragment:
        raise UsageError(
            f"{_named(origin, shown)} must not have a query or fragment",
            hint=f"e.g. {_example(origin)}",
        )
    segments = [p for p in parts.path.split("/") if p]
    if any(s in (".", "..") for s in segments):
        raise UsageError(
            f"{_named(origin, shown)}: the prefix must not contain . or .. segments",
            hint=f"e.g. {_example(origin)}",
        )
    prefix = "/".join(segments)
    return S3Target(parts.netloc, prefix + "/" if prefix else "")
