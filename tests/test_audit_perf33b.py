"""perf33b's tests: the audit's cost on bench's ordinary shapes, counted (pattern matches, never
seconds): work that grows with a class's size once a method fails them."""

from __future__ import annotations

from akool_cli.audit import scopes
from akool_cli.audit.scan import audit_text
from tests.support.benchfile import counted, ordinary_file

# -- py-class: the class header looked for once a file, not up to 400 lines back per call -------


def test_a_class_of_many_methods_finds_its_header_once_for_the_file() -> None:
    """Each `self._post(...)` of a class of 800 methods asked for the class around it (another
    vendor's base? its own /api/open/vN?), and each ask matched CLASS against up to 400 lines
    above the call: 600,000 matches for a 3,200-line file. The file's headers are found once."""
    text = ordinary_file("py-class", 800)
    with counted(scopes.CLASS, "match") as matches:
        found = audit_text(text, "akool.py")
    assert matches[0] <= len(text.splitlines()), matches[0]
    assert found == []


def test_a_class_header_is_still_the_nearest_less_indented_one_within_reach() -> None:
    """The index gives what the scan gave: the nearest class above that is less indented, none
    past CLASS_LINES lines, none for a top-level line, and a file's edit is seen (a new list)."""
    lines = ["class A:", "    class B:", "        x = 1", "    y = 2", "z = 3"]
    assert [scopes.class_header(lines, i) for i in range(5)] == [None, 0, 1, 0, None]
    far = ["class A:"] + ["    pass"] * scopes.CLASS_LINES + ["    x = 1"]
    assert scopes.class_header(far, len(far) - 1) is None
    assert scopes.class_header(far, scopes.CLASS_LINES - 1) == 0
    edited = ["    class C:", *lines[1:]]
    assert scopes.class_header(edited, 3) is None
    assert scopes.enclosing_class(lines, 2) == "B"
