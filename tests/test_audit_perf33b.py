"""perf33b's tests: the audit's cost on bench's ordinary shapes, counted (pattern matches, never
seconds): work that grows with a class's size once a method fails them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest

from akool_cli.audit import passthrough, scopes
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


# -- pass-through: a helper's definition found once a file, not searched for once a call ---------

PY_HELPER = (
    'import requests\nBASE = "https://openapi.akool.com/api/open/v3"\n\n'
    "def _post(path, body):\n"
    '    return requests.post(BASE + path, json=body, headers={"x-api-key": "k"}).json()\n\n'
)
PY_CALL = 'r{n} = _post("/content/video/createbytalkingphoto", {{"talking_photo_url": "p{n}"}})\n'
SH_HELPER = (
    "#!/bin/bash\npost() {\n"
    '  curl -s -X POST "https://openapi.akool.com/api/open/v3$1" -H "x-api-key: $KEY" '
    '-H "Content-Type: application/json" -d "$2"\n}\n'
)
SH_CALL = 'post /content/video/createbytalkingphoto \'{{"talking_photo_url": "p{n}"}}\'\n'


class _CountingRe:
    """The re module as passthrough.py sees it, counting its searches of a whole file (longer
    than the LOOK characters of a helper's body)."""

    def __init__(self) -> None:
        self.scans = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    def finditer(self, pattern: str, text: str, flags: int = 0) -> Iterator[re.Match[str]]:
        self.scans += len(text) > passthrough.LOOK
        return re.finditer(pattern, text, flags)


@pytest.mark.parametrize(
    ("name", "head", "call"), [("a.py", PY_HELPER, PY_CALL), ("a.sh", SH_HELPER, SH_CALL)]
)
def test_a_helper_given_literals_is_found_once_for_the_file(
    name: str, head: str, call: str
) -> None:
    """Each call of a helper given a literal body asked whether the helper sends it unchanged,
    and each ask searched the whole text for the helper's definition: 5,000 calls, 5,000
    searches of a file that grows with them. The judgement is the same, found once."""
    counting = _CountingRe()
    text = head + "".join(call.format(n=n) for n in range(150))
    assert len(text) > 2 * passthrough.LOOK
    with mock.patch.object(passthrough, "re", counting):
        found = audit_text(text, name)
    assert [f.rule for f in found] == ["missing-field"] * 150
    assert counting.scans <= 1, counting.scans
