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
    """The furthest byte the movie's index points at: each track's chunks (stco or co64
    offsets) and, where stsc and stsz say how large each chunk is, the chunk's last byte; for
    a moov at (payload start, end). None when it has no offsets (a fragmented MP4) or is too
    large to read."""
    start, end = moov
    if end - start > MAX_MOOV:
        return None
    data = read(start, end - start)
    furthest = None
    for kind, begin, finish in boxes(_in_memory(data), 0, len(data)):
        table = _child(data[begin:finish], b"mdia", b"minf", b"stbl") if kind == b"trak" else None
        found = _track_end(table) if table is not None else None
        if found is not None:
            furthest = max(furthest or 0, found)
    return furthest


def _track_end(stbl: bytes) -> int | None:
    """The last byte a track's sample table points at: its furthest chunk's offset plus the
    sizes of that chunk's samples, minus one (the offset alone when the sizes are unknown)."""
    offsets = _chunk_offsets(stbl)
    if not offsets:
        return None
    sizes = _chunk_sizes(stbl, len(offsets))
    if sizes is None:
        return max(offsets)
    return max(offset + max(size, 1) - 1 for offset, size in zip(offsets, sizes, strict=True))


def _chunk_offsets(stbl: bytes) -> list[int]:
    for name, width in ((b"stco", 4), (b"co64", 8)):
        table = _child(stbl, name)
        if table is not None and len(table) >= 8:
            count = min(_u32(table, 4), (len(table) - 8) // width)
            return list(_offsets(table[8 : 8 + count * width], width))
    return []


def _chunk_sizes(stbl: bytes, chunks: int) -> list[int] | None:
    """Each chunk's size in bytes, from stsc (samples per chunk) and stsz (sample sizes); None
    when either is missing or they do not add up (the offsets are checked alone then)."""
    stsc, stsz = _child(stbl, b"stsc"), _child(stbl, b"stsz")
    if stsc is None or stsz is None or len(stsc) < 8 or len(stsz) < 12:
        return None
    runs = [
        (_u32(stsc, 8 + 12 * n), _u32(stsc, 12 + 12 * n))
        for n in range(min(_u32(stsc, 4), (len(stsc) - 8) // 12))
    ]
    uniform, samples = _u32(stsz, 4), _u32(stsz, 8)
    if not uniform and len(stsz) < 12 + 4 * samples:
        return None
    per_chunk = _samples_per_chunk(runs, chunks)
    if per_chunk is None or sum(per_chunk) > samples:
        return None
    sizes, sample = [], 0
    for count in per_chunk:
        if uniform:
            sizes.append(uniform * count)
        else:
            sizes.append(sum(_u32(stsz, 12 + 4 * s) for s in range(sample, sample + count)))
        sample += count
    return sizes


def _samples_per_chunk(runs: list[tuple[int, int]], chunks: int) -> list[int] | None:
    """stsc's runs (first chunk, 1-based; samples in each chunk) spelled out per chunk."""
    if not runs or runs[0][0] != 1:
        return None
    counts: list[int] = []
    for n, (first, count) in enumerate(runs):
        last = runs[n + 1][0] - 1 if n + 1 < len(runs) else chunks
        if last < first - 1 or last > chunks:
            return None
        counts.extend([count] * (last - first + 1))
    return counts if len(counts) == chunks else None


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack(">I", data[at : at + 4])[0])


def _offsets(table: bytes, width: int) -> Iterator[int]:
    return (int.from_bytes(table[i : i + width], "big") for i in range(0, len(table), width))
