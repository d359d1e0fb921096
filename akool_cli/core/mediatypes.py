"""What a file is by its first bytes and its Content-Type: the images, audio and videos AKOOL
takes, and the videos, audio and images its jobs produce.

Standard library only, so the sandbox can share it with the client: both judge an input the
same way (a text file named .jpg is refused whatever its name says).
"""

from __future__ import annotations

import codecs
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from akool_cli.core import mp4facts

Role = Literal["image", "audio", "video", "subtitle"]
# What a finished job's result URL serves (core/kinds.py's Media); the download is told which.
# "text" is a translation's subtitles: taken as they come (an SRT can hold anything).
ResultKind = Literal["video", "audio", "image", "text"]
SNIFF_BYTES = 32  # enough for every signature below (RIFF/ftyp brands sit at bytes 8-12)


@dataclass(frozen=True)
class Kind:
    role: Role
    name: str  # what users call it: "JPEG", "MP3"
    mime: str  # sent as Content-Type on upload


JPEG = Kind("image", "JPEG", "image/jpeg")
PNG = Kind("image", "PNG", "image/png")
WEBP = Kind("image", "WebP", "image/webp")
MP3 = Kind("audio", "MP3", "audio/mpeg")
WAV = Kind("audio", "WAV", "audio/wav")
M4A = Kind("audio", "M4A", "audio/mp4")
AAC = Kind("audio", "AAC", "audio/aac")
OGG = Kind("audio", "OGG", "audio/ogg")
FLAC = Kind("audio", "FLAC", "audio/flac")
MP4 = Kind("video", "MP4", "video/mp4")
MOV = Kind("video", "MOV", "video/quicktime")
AVI = Kind("video", "AVI", "video/x-msvideo")
WEBM = Kind("video", "WebM", "video/webm")
SRT = Kind("subtitle", "SRT", "application/x-subrip")
ASS = Kind("subtitle", "ASS", "text/x-ssa")

ACCEPTED: dict[Role, str] = {
    "image": "a JPEG, PNG or WebP image",
    "audio": "MP3, WAV, M4A/AAC, OGG or FLAC audio",
    "video": "an MP4, MOV, AVI or WebM video",
    "subtitle": "an SRT or ASS subtitle file (UTF-8 text)",
}
# The suffixes a URL or file name of each kind ends with (what a product's accepts are
# judged by when there are no bytes to read yet).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WebP": (".webp",),
    "GIF": (".gif",),
    "MP4": (".mp4", ".m4v"),
    "MOV": (".mov",),
    "AVI": (".avi",),
    "WebM": (".webm",),
    "MKV": (".mkv",),
}
ARTICLE: dict[Role, str] = {
    "image": "an image",
    "audio": "audio",
    "video": "a video",
    "subtitle": "subtitles",
}
# Plain prefixes: (offset, bytes) → kind.
SIGNATURES: tuple[tuple[int, bytes, Kind], ...] = (
    (0, b"\xff\xd8\xff", JPEG),
    (0, b"\x89PNG\r\n\x1a\n", PNG),
    (0, b"ID3", MP3),  # an MP3 that starts with its ID3 tag
    (0, b"OggS", OGG),
    (0, b"fLaC", FLAC),
    (0, b"\x1a\x45\xdf\xa3", WEBM),  # EBML: WebM (or Matroska)
)
RIFF_FORMS = {b"WEBP": WEBP, b"WAVE": WAV, b"AVI ": AVI}
# ISO BMFF brands an audio-only MP4 (.m4a) carries; other brands are more likely video.
M4A_BRANDS = {b"M4A ", b"M4B ", b"mp41", b"mp42", b"isom", b"iso2"}
# Recognisable files that are not what AKOOL takes, named in the error message.
OTHER_FILES: tuple[tuple[bytes, str], ...] = (
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
# Content types that say "not the file itself" even before looking at the bytes.
PAGE_TYPES = ("text/html", "application/xhtml+xml")
UNDECIDED_TYPES = ("", "application/octet-stream", "binary/octet-stream", "application/binary")
# Content types a file host may use for audio besides audio/*.
AUDIO_TYPES = ("video/mp4", "application/ogg", "application/x-flac")
VIDEO_TYPES = ("application/mp4",)
SUBTITLE_TYPES = ("application/x-subrip", "application/x-ass", "application/x-ssa")


def sniff(head: bytes) -> Kind | None:
    """The supported image or audio kind these first bytes start, or None."""
    for offset, magic, kind in SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return kind
    if head[:4] == b"RIFF" and head[8:12] in RIFF_FORMS:
        return RIFF_FORMS[head[8:12]]
    if head[4:8] == b"ftyp" and head[8:12] in M4A_BRANDS:
        return M4A
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        # An MPEG audio frame header; layer bits 00 mean ADTS (raw AAC), anything else MP3.
        return AAC if head[1] & 0x06 == 0 else MP3
    return None


def describe(head: bytes) -> str:
    """What a file that is not a supported kind looks like, for an error message."""
    if not head:
        return "an empty file"
    for magic, what in OTHER_FILES:
        if head.startswith(magic):
            return what
    if head[4:8] == b"ftyp":
        return "an MP4 video, not audio"
    stripped = head.lstrip()
    if stripped[:1] == b"<":
        return "an HTML or XML page"
    if stripped[:1] in (b"{", b"["):
        return "JSON text"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return "an unknown binary format"
    if text.isprintable() or all(c.isprintable() or c.isspace() for c in text):
        return "text"
    return "an unknown binary format"


def named_kind(value: str) -> str | None:
    """The kind a URL's path or a file name says by its suffix (SUFFIXES), or None."""
    path = value.lower().split("?")[0].split("#")[0]
    return next((k for k, ends in SUFFIXES.items() if path.endswith(ends)), None)


def check_head(head: bytes, role: Role) -> Kind | str:
    """The kind when the bytes are a supported file of this role, else what they are instead."""
    if role == "video" and head[4:8] == b"ftyp":
        # Any ISO BMFF file can hold video (brands such as isom say nothing about the tracks).
        return MOV if head[8:12] == b"qt  " else MP4
    kind = sniff(head)
    if kind is None and role == "subtitle":
        return _subtitles(head)
    if kind is None:
        if head[4:8] == b"ftyp":
            return f"an MP4 video, not {ARTICLE[role]}"
        return describe(head)
    if kind.role != role:
        return f"{kind.name} {kind.role}, not {ARTICLE[role]}"
    return kind


# An SRT file's first cue: its number, then its times (a comma before the milliseconds, as
# SubRip writes them; a full stop is read too).
SRT_CUE = re.compile(
    r"\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}"
)


def _subtitles(head: bytes) -> Kind | str:
    """SRT or ASS: UTF-8 text (a cut multi-byte character at the end is fine), not a page."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "an unknown binary format"
    if not text.strip() or text.lstrip("\ufeff \r\n")[:1] in ("<", "{"):
        return describe(head)  # empty, a page, JSON
    if not all(c.isprintable() or c.isspace() for c in text.lstrip("\ufeff")):
        return "an unknown binary format"
    body = text.lstrip("\ufeff \r\n\t")
    if body.startswith("[Script Info]"):
        return ASS
    if SRT_CUE.match(body):
        return SRT
    if body.startswith("WEBVTT"):
        return "WebVTT subtitles (AKOOL takes SRT or ASS: convert them)"
    return (
        "text that is neither SRT (it opens with a numbered cue: 1, then 00:00:01,000 --> "
        "00:00:04,000) nor ASS (it opens with [Script Info])"
    )


def judge_content_type(value: str, role: Role) -> str | None:
    """None when a Content-Type fits the role or says nothing; else what it is instead.

    "Says nothing" (octet-stream, missing) is left to the bytes: see `undecided`.
    """
    mime = value.split(";", 1)[0].strip().lower()
    if mime in UNDECIDED_TYPES:
        return None
    if mime in PAGE_TYPES:
        return f"an HTML page ({mime}), not the file itself"
    top = mime.split("/", 1)[0]
    if role == "image" and top == "image":
        return None
    if role == "audio" and (top == "audio" or mime in AUDIO_TYPES):
        return None
    if role == "video" and (top == "video" or mime in VIDEO_TYPES):
        return None
    if role == "subtitle":
        # Hosts serve .srt as text/plain, application/x-subrip or nothing useful.
        return None if top == "text" or mime in SUBTITLE_TYPES else f"{mime}, not subtitles"
    if top in ("image", "audio", "video"):
        return f"{mime}, not {ARTICLE[role]}"
    if role == "video":
        return f"{mime}, which is not a video"
    return f"{mime}, which is neither an image nor audio"


def undecided(value: str) -> bool:
    """A Content-Type that does not say what the file is (look at its bytes instead)."""
    return value.split(";", 1)[0].strip().lower() in UNDECIDED_TYPES


# judge_result_head's answer for an HTML (or XML) page where a file should be.
PAGE = "an HTML page"


def judge_result_head(head: bytes, content_type: str, expected: ResultKind) -> str | None:
    """None when a result file's first bytes (12 or more) are the kind expected; else what they
    are instead (PAGE for a login or error page). Text results are taken as they come."""
    if expected == "text":
        return None
    if head.lstrip()[:1] == b"<" or "html" in content_type.lower():
        return PAGE
    if expected == "video":
        if len(head) >= 12 and head[4:8] == b"ftyp":
            return None
        return "not an MP4 video (it does not start with an ftyp box)"
    found = check_head(head, expected)
    return found if isinstance(found, str) else None


# -- whether a whole result file is whole -----------------------------------------------------------

# ("short", why): the file ends before its own structure does (a body cut without a length to
# tell, a TLS connection closed without close_notify); ("broken", why): its structure is wrong.
Problem = tuple[Literal["short", "broken"], str]
MAX_BOXES = 10_000  # top-level boxes read at most (a real MP4 has a handful)


def structure_problem(
    read: Callable[[int, int], bytes], size: int, expected: ResultKind
) -> Problem | None:
    """What is wrong with a whole downloaded file by its container's own sizes: an ISO BMFF file
    (MP4, M4A, AVIF) whose top-level boxes do not fill exactly `size` bytes, or a RIFF file (WAV,
    WebP) shorter than its header says, a PNG that ends before its IEND chunk or a JPEG before
    its end-of-image marker; None when it adds up or has no such structure.
    `read(offset, count)` gives the file's bytes."""
    head = read(0, 12)
    if head[4:8] == b"ftyp":
        return _boxes_problem(read, size, needs_index=expected in ("video", "audio"))
    ends = next((check for magic, check in IMAGE_ENDS if head.startswith(magic)), None)
    if ends is not None:
        return ends(read, size)
    if head[:4] == b"RIFF" and len(head) >= 8:
        declared = struct.unpack("<I", head[4:8])[0]
        # 0 and 0xFFFFFFFF: a writer that streamed the file and never came back to say.
        if declared not in (0, 0xFFFFFFFF) and size < declared + 8:
            return "short", f"it ends {declared + 8 - size} bytes before its RIFF header says"
    return None


def _boxes_problem(
    read: Callable[[int, int], bytes], size: int, *, needs_index: bool
) -> Problem | None:
    offset, kind = 0, b""
    found: dict[bytes, tuple[int, int]] = {}  # each box type's first (payload start, end)
    for _ in range(MAX_BOXES):
        if offset >= size:
            break
        header = read(offset, 16)
        if len(header) < 8:
            return "short", f"it ends inside the header of a box at byte {offset}"
        length, kind = struct.unpack(">I4s", header[:8])
        least = 8
        if length == 1:  # a 64-bit size follows the type
            if len(header) < 16:
                return "short", f"it ends inside the header of a box at byte {offset}"
            length, least = struct.unpack(">Q", header[8:16])[0], 16
        elif length == 0:  # the last box runs to the end of the file
            length = size - offset
        if length < least:
            return "broken", f"a box at byte {offset} says it is {length} bytes long"
        found.setdefault(kind, (offset + least, offset + length))
        offset += length
    else:
        return "broken", f"it has more than {MAX_BOXES} top-level boxes"
    if offset > size:
        name = kind.decode("latin-1")
        return "short", f"it ends {offset - size} bytes before its last box ({name!r}) does"
    return _index_problem(read, size, found) if needs_index else None


def _index_problem(
    read: Callable[[int, int], bytes], size: int, found: dict[bytes, tuple[int, int]]
) -> Problem | None:
    """What a player would miss: the index (moov), the media data (mdat) or, by the index's
    own offsets, data past the file's end (a file cut at a box boundary adds up all the same)."""
    if b"moov" not in found:
        return "broken", "it has no moov box (the index a player needs)"
    if b"mdat" not in found:
        return "short", "it ends before its media data (no mdat box)"
    furthest = mp4facts.data_end(read, found[b"moov"])
    if furthest is not None and furthest >= size:
        return "short", f"its index points at byte {furthest}, past its end at byte {size}"
    return None


MAX_CHUNKS = 1_000_000  # PNG chunks or JPEG segments read at most (beyond: not judged)
SCAN_PIECE = (
    1 << 20
)  # a JPEG's entropy-coded data is searched for its next marker this much at a time


def _png_problem(read: Callable[[int, int], bytes], size: int) -> Problem | None:
    """A PNG is whole once its chunks (length, type, data, CRC) reach the IEND chunk."""
    offset = 8
    for _ in range(MAX_CHUNKS):
        header = read(offset, 8)
        if len(header) < 8:
            return "short", f"it ends at byte {size}, before its IEND chunk"
        length, kind = struct.unpack(">I4s", header)
        if length > 0x7FFFFFFF:  # the PNG specification's largest chunk
            return "broken", f"a chunk at byte {offset} says it is {length} bytes long"
        offset += 12 + length
        if kind == b"IEND":
            break
    else:
        return None
    if offset > size:
        return "short", f"it ends {offset - size} bytes before its IEND chunk does"
    return None


# JPEG markers without a length: TEM and the restart markers (RST0-7).
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


def _jpeg_problem(read: Callable[[int, int], bytes], size: int) -> Problem | None:
    """A JPEG is whole once its segments, and the scans after each SOS, reach the end-of-image
    marker (EOI, FF D9)."""
    offset = 2  # after SOI
    for _ in range(MAX_CHUNKS):
        marker = read(offset, 4)
        if len(marker) < 2:
            return "short", f"it ends at byte {size}, before its end-of-image marker (EOI)"
        if marker[0] != 0xFF:
            return "broken", f"no JPEG marker at byte {offset}"
        code = marker[1]
        if code == 0xD9:
            return None
        if code == 0xFF or code in _STANDALONE:  # a fill byte, or a marker without a length
            offset += 1 if code == 0xFF else 2
            continue
        if len(marker) < 4:
            return "short", f"it ends inside a segment's header at byte {offset}"
        length = struct.unpack(">H", marker[2:4])[0]
        if length < 2:
            return "broken", f"a segment at byte {offset} says it is {length} bytes long"
        offset += 2 + length
        if code == 0xDA:  # start of scan: entropy-coded data up to the next marker
            offset = _next_marker(read, offset, size)
    return None


def _next_marker(read: Callable[[int, int], bytes], offset: int, size: int) -> int:
    """Where the next marker after entropy-coded data starts (FF followed by anything but 00, a
    stuffed FF, or a restart marker), or `size` when the file ends first."""
    while offset < size:
        piece = read(offset, SCAN_PIECE + 1)  # one byte more: an FF at the end sees what follows
        at = piece.find(b"\xff")
        while 0 <= at < len(piece) - 1:
            following = piece[at + 1]
            if following != 0x00 and not 0xD0 <= following <= 0xD7:
                return offset + at
            at = piece.find(b"\xff", at + 1)
        if len(piece) <= SCAN_PIECE:
            return size
        offset += SCAN_PIECE
    return size


# The images whose own structure says where they end, by their first bytes (WebP is RIFF).
IMAGE_ENDS: tuple[
    tuple[bytes, Callable[[Callable[[int, int], bytes], int], Problem | None]], ...
] = (
    (b"\x89PNG\r\n\x1a\n", _png_problem),
    (b"\xff\xd8\xff", _jpeg_problem),
)
