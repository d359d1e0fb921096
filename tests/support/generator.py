"""Loads scripts/gen_catalogue.py, a script rather than a module of the package, for the tests."""

from __future__ import annotations

import importlib.util
from functools import cache
from types import ModuleType

from tests.support.runner import ROOT


@cache
def generator() -> ModuleType:
    path = ROOT / "scripts" / "gen_catalogue.py"
    spec = importlib.util.spec_from_file_location("gen_catalogue", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
