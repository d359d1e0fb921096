"""house33's tests: one place for each fact (whose a host is: hosts.py; which names hold a parsed
answer: ties.py) and the import reading."""

from __future__ import annotations

import ast
from pathlib import Path

from akool_cli.audit import rules
from akool_cli.audit.scan import audit_text

AUDIT = Path(rules.__file__).parent
B = "https://openapi.akool.com/api/open/v3"


def _assigned(module: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names |= {getattr(t, "id", "") for t in node.targets}
    return names


# -- item 1: whose a host is, judged by hosts.py alone -------------------------------------------


def test_akools_domain_is_written_once_in_hosts() -> None:
    """rules.py kept its own AKOOL_DOMAIN regex beside hosts.py's: one test, hosts.host_kind's."""
    for module in AUDIT.glob("*.py"):
        if module.name == "hosts.py":
            continue
        text = module.read_text(encoding="utf-8")
        assert "AKOOL_DOMAIN" not in _assigned(module), module.name
        assert r"(?:^|\.)akool\." not in text, module.name


def test_a_host_with_akool_only_in_its_name_is_not_fixed() -> None:
    text = 'requests.post("https://akool-proxy.example.com/api/open/v3/faceswap/highquality/specifyimage")\n'
    assert not [f for f in audit_text(text, "a.py") if f.rule == "wrong-host"]
    wrong = 'requests.post("https://api.akool.com/api/open/v3/faceswap/highquality/specifyimage")\n'
    assert [f for f in audit_text(wrong, "a.py") if f.rule == "wrong-host"]
