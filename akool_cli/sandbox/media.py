"""The video files the sandbox serves: a small real MP4 (H.264 + AAC, 2 s) made unique per job.

Each job's file is the shipped sample followed by an ISO BMFF `free` box holding the job id and
optional padding, so every file plays, differs per job, and can be made as large as a benchmark
needs without holding it in memory.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

BOX_HEADER = 8
# The padding repeats 0, 1, ..., 250: a byte lost, doubled or moved in a download changes
# everything after it, which zeros would hide. One buffer, shared by every file and request.
PERIOD = 251
PATTERN = memoryview(bytes(range(PERIOD)) * ((1 << 20) // PERIOD + 2))


@lru_cache(maxsize=1)
def sample_mp4() -> bytes:
    return resources.files("akool_cli.sandbox").joinpath("sample.mp4").read_bytes()


class VideoFile:
    """A job's MP4, produced slice by slice: sample + free box (job id, then the padding pattern)."""

    def __init__(self, job_id: str, extra_bytes: int = 0) -> None:
        self.head = sample_mp4()
        label = f"akool-sandbox job {job_id}\n".encode()
        self.box_payload_prefix = label
        self.padding = max(0, extra_bytes)
        box_size = BOX_HEADER + len(label) + self.padding
        self.box_header = struct.pack(">I4s", box_size, b"free")
        self.prefix = self.head + self.box_header + label
        self.size = len(self.prefix) + self.padding
        self.etag = (
            '"' + hashlib.sha256(job_id.encode() + str(self.size).encode()).hexdigest()[:32] + '"'
        )

    def read(self, offset: int, length: int) -> bytes:
        """Bytes [offset, offset+length) of the file."""
        return b"".join(self.slices(offset, length))

    def slices(self, offset: int, length: int) -> Iterator[memoryview]:
        """Bytes [offset, offset+length) as views of shared buffers, never copied: the sandbox
        serves large files on the same cores as the client it serves, so each copy it saves
        is CPU the client gets (as with a real CDN, which runs elsewhere)."""
        end = min(self.size, offset + length)
        if offset < min(end, len(self.prefix)):
            yield memoryview(self.prefix)[offset : min(end, len(self.prefix))]
        position = max(offset, len(self.prefix))
        while position < end:
            phase = (position - len(self.prefix)) % PERIOD
            step = min(end - position, 1 << 20)
            yield PATTERN[phase : phase + step]
            position += step

    def sha256(self) -> str:
        digest = hashlib.sha256()
        for start in range(0, self.size, 1 << 20):
            digest.update(self.read(start, 1 << 20))
        return digest.hexdigest()
