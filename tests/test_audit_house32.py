"""house32's tests: one judge per question in the audit's hubs (the class around a line, whose a
host is, the other-vendor question asked once per path, the names that hold a parsed answer) and
a base one file binds kept to the names that file's importers use."""

from __future__ import annotations

import inspect

from akool_cli.audit import otherhosts, scopes
from akool_cli.audit.scan import audit_text

B = "https://openapi.akool.com/api/open/v3"

# -- item 1: the class around a line is found by one scan ----------------------------------------

TWO_CLASSES = """\
class HeyGen(Client):
    base_url = "https://api.heygen.com"

    def talk(self):
        return self.post("/content/video/createbytalk", {})


class Akool(Client):
    base_url = "https://openapi.akool.com/api/open/v3"

    def talk(self):
        return self.post("/content/video/createbytalk", {})
"""


def test_the_class_header_is_the_nearest_less_indented_class_above() -> None:
    lines = TWO_CLASSES.splitlines()
    assert scopes.class_header(lines, 4) == 0
    assert scopes.class_header(lines, 11) == 7
    assert scopes.class_header(lines, 0) is None  # (a top-level line is in no class)
    assert scopes.enclosing_class(lines, 3) == "HeyGen"
    assert scopes.enclosing_class(lines, 10) == "Akool"
    assert scopes.enclosing_class(["func (c *Client) Talk() {"], 0) == "Client"


def test_otherhosts_and_enclosing_class_share_the_header_scan() -> None:
    for judge in (otherhosts._class_body, scopes.enclosing_class):
        source = inspect.getsource(judge)
        assert "class_header(" in source and "CLASS_LINES" not in source


def test_a_class_bound_to_another_vendor_keeps_its_paths_out() -> None:
    lines = TWO_CLASSES.splitlines()
    assert otherhosts._class_other(lines, 4) and not otherhosts._class_other(lines, 11)
    assert otherhosts.class_prefix(lines, 11) == "/api/open/v3"
    found = [f for f in audit_text(TWO_CLASSES, "c.py") if f.rule == "unknown-endpoint"]
    assert [f.line for f in found] == [12]
