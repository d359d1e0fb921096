"""AKOOL's documented webhook format: the signature, the AES-CBC payload, and their checks.

Pure protocol, shared by the receiver (`akool webhook`) and the sandbox that sends callbacks,
like contract.py. The one owner of the cryptography package.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from akool_cli.core import jsontext
from akool_cli.core.models import malformed_id

IV_BYTES = 16
KEY_SIZES = (16, 24, 32)


class CallbackError(Exception):
    """A callback that cannot be trusted or read: wrong signature, wrong credentials, garbage."""


@dataclass(frozen=True)
class Callback:
    """A decrypted callback: `_id`, `status` (2, 3 or 4), `type`, and `url` when status is 3."""

    id: str
    status: int
    type: str
    url: str
    raw: dict[str, Any]


def signature(client_id: str, timestamp: object, nonce: object, data_encrypt: str) -> str:
    """SHA-1 of the four values as strings, sorted and joined (AKOOL's webhook docs, "Signature")."""
    # Stringify first: sorting a number with strings fails in Python.
    parts = sorted([str(client_id), str(timestamp), str(nonce), str(data_encrypt)])
    return hashlib.sha1("".join(parts).encode("utf-8")).hexdigest()


def _cipher(client_id: str, client_secret: str) -> Any:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key = client_secret.encode("utf-8")
    if len(key) not in KEY_SIZES:
        raise CallbackError(
            f"the client secret is {len(key)} bytes; AES needs 16, 24 or 32 (wrong credentials?)"
        )
    iv = client_id.encode("utf-8")[:IV_BYTES].ljust(IV_BYTES, b"\0")
    return Cipher(algorithms.AES(key), modes.CBC(iv))


def encrypt(payload: dict[str, Any], client_id: str, client_secret: str) -> str:
    from cryptography.hazmat.primitives import padding

    plain = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = _cipher(client_id, client_secret).encryptor()
    return base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode("ascii")


def decrypt(data_encrypt: str, client_id: str, client_secret: str) -> dict[str, Any]:
    from cryptography.hazmat.primitives import padding

    try:
        sealed = base64.b64decode(data_encrypt, validate=True)
    except (binascii.Error, ValueError):
        raise CallbackError("dataEncrypt is not base64") from None
    if not sealed or len(sealed) % IV_BYTES:
        raise CallbackError("dataEncrypt is not whole AES blocks")
    decryptor = _cipher(client_id, client_secret).decryptor()
    padded = decryptor.update(sealed) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        plain = unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        # Checked padding: the usual sign of the wrong clientSecret or clientId.
        raise CallbackError("the payload does not decrypt (wrong client id or secret?)") from None
    value = _json(plain, "the decrypted payload", " (wrong client id or secret?)")
    if not isinstance(value, dict):
        raise CallbackError("the decrypted payload is not a JSON object")
    return value


def seal(
    payload: dict[str, Any], client_id: str, client_secret: str, timestamp: int, nonce: str
) -> dict[str, Any]:
    """The body AKOOL POSTs to a webhookUrl (the sandbox sends these)."""
    data_encrypt = encrypt(payload, client_id, client_secret)
    return {
        "signature": signature(client_id, timestamp, nonce, data_encrypt),
        "dataEncrypt": data_encrypt,
        "timestamp": timestamp,
        "nonce": nonce,
    }


def _json(data: bytes | str, what: str, why: str = "") -> Any:
    """JSON, or CallbackError: also for nesting too deep to parse (a hostile body of
    200,000 brackets) and numbers JSON does not have (NaN, Infinity)."""
    try:
        return jsontext.loads(data)
    except ValueError:  # UnicodeDecodeError is one
        raise CallbackError(f"{what} is not JSON (or is nested too deep){why}") from None


def open_callback(body: bytes, client_id: str, client_secret: str) -> Callback:
    """Check the signature (in constant time) before decrypting; raise CallbackError if wrong.

    Anything a sender controls is checked for its type before use: a body that is not the
    documented envelope is a CallbackError, never another exception.
    """
    envelope = _json(body, "the body")
    if not isinstance(envelope, dict):
        raise CallbackError("the body is not a JSON object")
    missing = [k for k in ("signature", "dataEncrypt", "timestamp", "nonce") if k not in envelope]
    if missing:
        raise CallbackError(f"the body lacks {', '.join(missing)}")
    for name in ("signature", "dataEncrypt"):
        if not isinstance(envelope[name], str):
            raise CallbackError(f"{name} is not a string")
    for name in ("timestamp", "nonce"):
        if not isinstance(envelope[name], (str, int, float)) or isinstance(envelope[name], bool):
            raise CallbackError(f"{name} is not a string or a number")
    expected = signature(
        client_id, envelope["timestamp"], envelope["nonce"], envelope["dataEncrypt"]
    )
    # As bytes: compare_digest refuses str with non-ASCII characters (a forged signature may
    # have any), and a TypeError is not an answer.
    given = envelope["signature"].lower().encode("utf-8", "surrogatepass")
    if not hmac.compare_digest(expected.encode("ascii"), given):
        raise CallbackError("the signature does not match (wrong client id, or not from AKOOL)")
    data = decrypt(envelope["dataEncrypt"], client_id, client_secret)
    job_id = data.get("_id")
    # A callback names a job by AKOOL's id: anything else (`../<id>`, `<id>/../../x`) would
    # reach a file name, a history lookup or a screen as if it were one (break17k K4).
    if not isinstance(job_id, str):
        raise CallbackError("the payload's _id is missing or not a string")
    if wrong := malformed_id(job_id):
        raise CallbackError(f"the payload's _id is not an AKOOL job id: {wrong}")
    status = data.get("status")
    return Callback(
        id=job_id,
        status=status if isinstance(status, int) and not isinstance(status, bool) else 0,
        type=str(data.get("type") or ""),
        url=str(data.get("url") or ""),
        raw=data,
    )
