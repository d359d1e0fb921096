"""Batch files for tests: rows of distinct made-up portraits with one speech URL."""

from __future__ import annotations

from pathlib import Path

AUDIO = "https://example.com/speech.mp3"


def write_rows(path: Path, count: int, tag: str = "r") -> Path:
    """A CSV with `count` rows, ids tag0, tag1, …, each with its own image URL."""
    lines = ["id,image_url,audio_url"]
    lines += [f"{tag}{n},https://example.com/{tag}{n}.jpg,{AUDIO}" for n in range(count)]
    path.write_text("\n".join(lines) + "\n")
    return path
