"""A tiny hostile HTTP server on a real socket: each connection is answered by a function that
writes raw bytes, so a test can send what no well-behaved server would (an endless series of
`100 Continue`, a header every few seconds, an endless trailer, broken framing), and a
self-signed certificate for TLS tests."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

# How a connection is answered: the socket, and an event set when the test is over.
Answerer = Callable[[socket.socket, threading.Event], None]
# No trickle goes on longer than this, so a test whose client never gives up fails instead of
# hanging (the limits under test are a fraction of a second).
TRICKLE_BOUND = 30.0
EVERY = 0.02  # seconds between two pieces of a trickle: far below any read timeout


@contextmanager
def raw_server(
    answer: Answerer, *, read_request: bool = True, path: str = "/v.mp4"
) -> Iterator[str]:
    """A server answering every connection (each on its own thread) with `answer`, which reads
    the request itself when read_request is False; yields a URL on it."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    threads: list[threading.Thread] = []

    def handle(connection: socket.socket) -> None:
        with connection:
            if read_request:
                connection.recv(65536)
            with suppress(OSError):
                answer(connection, stop)

    def serve() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            worker = threading.Thread(target=handle, args=(connection,), daemon=True)
            threads.append(worker)
            worker.start()

    acceptor = threading.Thread(target=serve, daemon=True)
    acceptor.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}{path}"
    finally:
        stop.set()
        acceptor.join()
        for worker in threads:
            worker.join(5)
        listener.close()


def answering(head: bytes, body: bytes = b"") -> Answerer:
    """Send these bytes, then close."""

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(head + body)

    return answer


def trickling(first: bytes, piece: bytes) -> Answerer:
    """Send `first`, then `piece` every EVERY seconds until the test ends: every read gets
    something, so no per-read timeout ever trips."""

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(first)
        waited = 0.0
        while not stop.wait(EVERY) and waited < TRICKLE_BOUND:
            connection.sendall(piece)
            waited += EVERY

    return answer


def stalling(first: bytes) -> Answerer:
    """Send `first`, then nothing until the test ends."""

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(first)
        stop.wait(TRICKLE_BOUND)

    return answer


def noting(connected: threading.Event, answer: Answerer) -> Answerer:
    """The answer, once it has told the test that a client connected."""

    def answering(connection: socket.socket, stop: threading.Event) -> None:
        connected.set()
        answer(connection, stop)

    return answering


MP4_HEAD = b"\x00\x00\x00\x18ftypmp42"


def fake_mp4(payload: bytes) -> bytes:
    """Bytes with an MP4's box structure (ftyp, moov, then the payload in an mdat box), which a
    download checks before it calls a file whole."""
    ftyp = MP4_HEAD + bytes(12)  # the 24 bytes its size says: brand, version, compatible brands
    return (
        ftyp
        + struct.pack(">I4s", 8, b"moov")
        + struct.pack(">I4s", 8 + len(payload), b"mdat")
        + payload
    )


# The three ways to keep an exchange alive forever with per-read timeouts never tripping.
ENDLESS = {
    "endless-100-continue": trickling(b"", b"HTTP/1.1 100 Continue\r\n\r\n"),
    "a-header-every-interval": trickling(b"HTTP/1.1 200 OK\r\n", b"X-Slow: yes\r\n"),
    "endless-trailer": trickling(
        b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"%x\r\n%s\r\n0\r\n" % (len(MP4_HEAD), MP4_HEAD),
        b"X-Trailer: yes\r\n",
    ),
}


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1, made with cryptography (one of akool's own dependencies)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certificate_path, key_path = folder / "cert.pem", folder / "key.pem"
    certificate_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certificate_path, key_path
