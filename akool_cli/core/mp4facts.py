"""A video's duration and frame rate from its MP4 (ISO BMFF) boxes, for the limits checked
before billing (lip sync: 60 s; video translation: 60 s and 30 fps).

No I/O of its own: the caller passes a function that reads bytes at an offset, so a local file
is read a box header at a time and only its `moov` box is read whole.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass

Read = Callable[[int, int], bytes]  # (offset, size) → at most size bytes
MAX_MOOV = 64 * 1024 * 1024  # a movie header larger than this is not read (nor judged)
HEADER = 8


@dataclass(frozen=True)
class VideoFacts:
    seconds: float | None
    fps: float | None


def boxes(read: Read, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload offset, payload end) of each box between start and end."""
    offset = start
    while offset + HEADER <= end:
        head = read(offset, 16)
        if len(head) < HEADER:
            return
        size, kind = struct.unpack(">I4s", head[:HEADER])
        payload = offset + HEADER
        if size == 1:  # a 64-bit size follows the type
            if len(head) < 16:
                return
            size = struct.unpack(">Q", head[8:16])[0]
            payload = offset + 16
        elif size == 0:  # the box runs to the end
            size = end - offset
        if size < payload - offset or offset + size > end:
            return
        yield kind, payload, offset + size
        offset += size


def video_facts(read: Read, size: int) -> VideoFacts | None:
    """The movie's duration and its video track's frame rate, or None when it is not an MP4
    akool can read (AKOOL then judges the file itself)."""
    moov = next(((p, e) for k, p, e in boxes(read, 0, size) if k == b"moov"), None)
    if moov is None or moov[1] - moov[0] > MAX_MOOV:
        return None
    data = read(moov[0], moov[1] - moov[0])
    inside = _in_memory(data)
    seconds = None
    fps = None
    for kind, start, end in boxes(inside, 0, len(data)):
        if kind == b"mvhd":
            seconds = _duration(data[start:end])
        elif kind == b"trak" and fps is None:
            fps = _track_fps(data[start:end])
    return VideoFacts(seconds, fps)


def _in_memory(data: bytes) -> Read:
    return lambda offset, size: data[offset : offset + size]


def _duration(header: bytes) -> float | None:
    """mvhd or mdhd: version 0 has 32-bit times, version 1 64-bit ones."""
    if not header:
        return None
    if header[0] == 1 and len(header) >= 32:
        timescale, duration = struct.unpack(">IQ", header[20:32])
    elif len(header) >= 20:
        timescale, duration = struct.unpack(">II", header[12:20])
    else:
        return None
    return duration / timescale if timescale else None


def _child(data: bytes, *path: bytes) -> bytes | None:
    for name in path:
        found = next(
            (data[s:e] for k, s, e in boxes(_in_memory(data), 0, len(data)) if k == name), None
        )
        if found is None:
            return None
        data = found
    return data


def _track_fps(trak: bytes) -> float | None:
    """Samples per second of a video track (hdlr 'vide'): stts's sample count over mdhd's time."""
    handler = _child(trak, b"mdia", b"hdlr")
    if handler is None or handler[8:12] != b"vide":
        return None
    seconds = _duration(_child(trak, b"mdia", b"mdhd") or b"")
    stts = _child(trak, b"mdia", b"minf", b"stbl", b"stts")
    if not seconds or stts is None or len(stts) < 8:
        return None
    count = struct.unpack(">I", stts[4:8])[0]
    samples = sum(
        struct.unpack(">I", stts[8 + 8 * n : 12 + 8 * n])[0]
        for n in range(count)
        if len(stts) >= 16 + 8 * n
    )
    return samples / seconds if samples else None


def data_end(read: Read, moov: tuple[int, int]) -> int | None:
    """The furthest byte the movie's index (each track's stco or co64 chunk offsets) points at,
    for a moov at (payload start, end); None when it has no offsets (a fragmented MP4) or is
    too large to read."""
    start, end = moov
    if end - start > MAX_MOOV:
        return None
    data = read(start, end - start)
    furthest = None
    for kind, begin, finish in boxes(_in_memory(data), 0, len(data)):
        table = _child(data[begin:finish], b"mdia", b"minf", b"stbl") if kind == b"trak" else None
        for name, width in ((b"stco", 4), (b"co64", 8)):
            offsets = _child(table, name) if table is not None else None
            if offsets is not None and len(offsets) >= 8:
                count = min(struct.unpack(">I", offsets[4:8])[0], (len(offsets) - 8) // width)
                found = max(_offsets(offsets[8 : 8 + count * width], width), default=None)
                if found is not None:
                    furthest = max(furthest or 0, found)
    return furthest


def _offsets(table: bytes, width: int) -> Iterator[int]:
    return (int.from_bytes(table[i : i + width], "big") for i in range(0, len(table), width))
