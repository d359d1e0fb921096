"""Make the demo's local input files: a small portrait (PNG) and a short voice-like clip (WAV).

Standard library only, deterministic: `python3 scripts/make_demo_inputs.py demo/` writes the same
bytes every time. The results are committed (a few KB), so `make demo` needs nothing else.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
import zlib
from pathlib import Path

WIDTH, HEIGHT = 96, 120
RATE = 8000
SKIN, HAIR, EYE, MOUTH, BACK = (
    (236, 188, 150),
    (70, 45, 30),
    (40, 40, 60),
    (170, 60, 60),
    (200, 215, 235),
)


def _inside(x: float, y: float, cx: float, cy: float, rx: float, ry: float) -> bool:
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1


def _pixel(x: int, y: int) -> tuple[int, int, int]:
    """A simple front-facing face: hair, head, two eyes, a mouth, shoulders."""
    if _inside(x, y, 48, 40, 30, 30) and y < 36:
        return HAIR
    if _inside(x, y, 48, 52, 26, 32):
        if _inside(x, y, 38, 48, 4, 3) or _inside(x, y, 58, 48, 4, 3):
            return EYE
        if _inside(x, y, 48, 68, 9, 3):
            return MOUTH
        return SKIN
    if y > 88 and _inside(x, y, 48, 125, 46, 36):
        return (60, 90, 140)
    return BACK


def portrait_png() -> bytes:
    rows = b"".join(
        b"\x00" + b"".join(bytes(_pixel(x, y)) for x in range(WIDTH)) for y in range(HEIGHT)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def speech_wav(path: Path) -> None:
    """Two voiced syllables ("hel-lo"): a glottal pulse train through two vowel formants."""
    samples = []
    syllables = [(0.05, 0.40, 130, (530, 1840)), (0.50, 0.95, 115, (570, 840))]
    for n in range(int(RATE * 1.1)):
        t = n / RATE
        value = 0.0
        for start, end, pitch, formants in syllables:
            if start <= t < end:
                envelope = math.sin(math.pi * (t - start) / (end - start))
                phase = (t * pitch) % 1.0
                pulse = math.exp(-phase * 12)
                value += envelope * pulse * sum(math.sin(2 * math.pi * f * t) for f in formants)
        samples.append(max(0, min(255, int(128 + 50 * value))))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(RATE)
        out.writeframes(bytes(samples))


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "demo")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "portrait.png").write_bytes(portrait_png())
    speech_wav(folder / "hello.wav")


if __name__ == "__main__":
    main()
