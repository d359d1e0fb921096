"""A walk down a folder tree as os.walk goes (top down, links to folders named but not entered),
with a stack of folders instead of a call a level: on Python 3.10/3.11 os.walk recurses once a
level, and a tree 1,000 folders deep ended a whole audit in a RecursionError (repro32b)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

Walked = tuple[str, list[str], list[str]]  # (folder, its folders, its other names), as os.walk


def walk(top: str, onerror: Callable[[OSError], None] | None = None) -> Iterator[Walked]:
    """os.walk(top, onerror=onerror): each folder before the folders in it, which are entered in
    the order its `dirs` list holds once the caller has seen it (which may sort or prune it in
    place); a folder that cannot be listed (unreadable, or a path too long to open: ENAMETOOLONG)
    goes to onerror and is not entered."""
    stack = [top]
    while stack:
        folder = stack.pop()
        dirs: list[str] = []
        files: list[str] = []
        links: set[str] = set()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if _a_folder(entry):
                        dirs.append(entry.name)
                        if entry.is_symlink():
                            links.add(entry.name)
                    else:
                        files.append(entry.name)
        except OSError as exc:
            if onerror is not None:
                onerror(exc)
            continue
        yield folder, dirs, files
        stack += [os.path.join(folder, d) for d in reversed(dirs) if d not in links]


def _a_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # (as os.walk: what cannot be looked at is no folder)
        return False
