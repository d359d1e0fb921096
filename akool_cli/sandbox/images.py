"""The small files the sandbox hands out besides videos: images (JPEG, PNG, WebP) and audio (MP3,
WAV), each a real, valid file of its format, made unique per job where the format allows.
"""

from __future__ import annotations

import struct
import zlib

from akool_cli.sandbox.fetch import SPEECH_MP3


def jpeg(label: str) -> bytes:
    """An 8x8 grey baseline JPEG: one block whose DC and AC codes are each a 1-bit Huffman code
    (so the whole scan is one byte), with the label in a comment segment."""
    comment = label.encode()[:200]
    quant = b"\x00" + b"\x01" * 64
    frame = b"\x08\x00\x08\x00\x08\x01\x01\x11\x00"
    dc_table = b"\x00\x01" + bytes(15) + b"\x00"
    ac_table = b"\x10\x01" + bytes(15) + b"\x00"
    scan = b"\x01\x01\x00\x00\x3f\x00"
    return b"".join(
        (
            b"\xff\xd8",
            _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
            _segment(0xFE, comment),
            _segment(0xDB, quant),
            _segment(0xC0, frame),
            _segment(0xC4, dc_table),
            _segment(0xC4, ac_table),
            _segment(0xDA, scan),
            b"\x3f",  # DC difference 0 ("0"), end of block ("0"), padded with ones
            b"\xff\xd9",
        )
    )


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def png(label: str) -> bytes:
    """An 8x8 blue PNG with the label in a tEXt chunk."""
    rows = b"".join(b"\x00" + b"\x33\x66\xcc" * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"tEXt", b"Comment\x00" + label.encode()[:200]),
            _chunk(b"IDAT", zlib.compress(rows)),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# A 1x1 lossless WebP (RIFF, VP8L), the smallest valid one.
WEBP = (
    b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00"
    b"\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
)


def wav(seconds: float = 0.5, rate: int = 8000) -> bytes:
    """Silence as 8-bit mono PCM WAV."""
    data = b"\x80" * int(seconds * rate)
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate, 1, 8)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


# What each suffix of a sandbox file serves, and its content type.
TYPES = {
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".mp3": "audio/mpeg",
    ".wav": "audio/wav",
}


def small_file(suffix: str, label: str, *, webp: bool = False) -> tuple[bytes, str] | None:
    """The bytes and content type of a small file, or None for suffixes it does not make.
    `webp`: a WebP whatever the suffix says (what a result's bytes decide, not its name)."""
    if suffix not in TYPES:
        return None
    if webp and suffix in (".jpg", ".png"):
        return WEBP, "image/webp"
    made = {".jpg": jpeg, ".png": png}.get(suffix)
    fixed = {".webp": WEBP, ".mp3": SPEECH_MP3}.get(suffix)
    data = made(label) if made is not None else fixed if fixed is not None else wav()
    return data, TYPES[suffix]
