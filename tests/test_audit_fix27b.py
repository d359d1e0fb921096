"""Tests for fix27b: the bracket structure of a text dense with data literals stays small in memory."""

from __future__ import annotations

import tracemalloc

from akool_cli.audit import fields

ITEM = '    {"k": ["a", "b", {"c": [1, 2, 3]}]},\n'


def _peak_per_byte(text: str) -> float:
    lines = text.split("\n")
    tracemalloc.start()
    try:
        doc = fields.read(lines, True, "python", (("#",), False))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(doc.containers) > 4 * text.count(ITEM)  # (every literal was read)
    return peak / len(text)


def test_dense_literal_structure_memory_per_byte() -> None:
    """A fixture of nested data literals (break21i #27): a bracket kept as a plain int, not a
    tuple and a re.Match, and a container with slots whose label is cut only when read."""
    text = "import requests\nX = [\n" + ITEM * 4000 + "]\nrequests.get(BASE)\n"
    assert (
        _peak_per_byte(text) < 100
    )  # (117 before: a tuple, a match, a label, 3 lists per bracket; 89 after)


def test_dense_literal_labels_read_the_same() -> None:
    """A container's label, cut when first read, is what precedes it on its line."""
    doc = fields.read(["body = {", '  "a": [1]}', "x = 1; json={'b': 2}"], True, "python")
    assert [c.label for c in doc.containers] == ["body =", '  "a":', "x = 1; json="]
