"""Every error carries a hint, as the README promises: each place that makes an error of a family
without a default hint names one, and the README's own examples (a 404 or HTML input, a missing
file, an unreadable CSV) end with a Hint line."""

from __future__ import annotations

import ast
import inspect

import pytest

from akool_cli.core import errors
from akool_cli.sandbox import Sandbox
from tests.conftest import ROOT, Isolation
from tests.support.runner import invoke
from tests.support.servers import Answer, scripted_server

PACKAGE = ROOT / "akool_cli"
# Errors made where their message becomes part of another one that carries the hint: a batch
# row's problem is listed with its row, under one error whose hint says what to do with them.
HINT_ELSEWHERE = {
    ("jobs/batch.py", name) for name in ("_item", "_talk_item", "_product_item", "_output")
}


def _families() -> dict[str, type[errors.AkoolError]]:
    found = {
        name: cls
        for name, cls in vars(errors).items()
        if inspect.isclass(cls) and issubclass(cls, errors.AkoolError)
    }
    from akool_cli.net.api import RateLimitedError

    found["RateLimitedError"] = RateLimitedError
    return found


def _calls(tree: ast.AST) -> list[tuple[ast.Call, str, str]]:
    """(call, name called, enclosing function) for every call in the module."""
    found: list[tuple[ast.Call, str, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef) else function
            if isinstance(child, ast.Call):
                func = child.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                found.append((child, name, inner))
            visit(child, inner)

    visit(tree, "")
    return found


def _hintless(call: ast.Call, name: str) -> bool:
    keywords = {k.arg: k.value for k in call.keywords}
    if None in keywords:  # **kwargs: passed through from a caller
        return False
    if name == "Problem":  # inputs.preflight.Problem(input, message, hint)
        hint = call.args[2] if len(call.args) > 2 else keywords.get("hint")
    else:
        hint = keywords.get("hint")
    return hint is None or (isinstance(hint, ast.Constant) and not hint.value)


def test_every_error_is_made_with_a_hint() -> None:
    families = _families()
    need = {name for name, cls in families.items() if cls.default_hint is None}
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(PACKAGE))
        if where == "core/errors.py":
            continue
        for call, name, function in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            wanted = name in need or (name == "Problem" and where == "inputs/preflight.py")
            if wanted and (where, function) not in HINT_ELSEWHERE and _hintless(call, name):
                missing.append(f"{where}:{call.lineno} {name} in {function or 'module'}")
    assert missing == [], "\n".join(missing)


def test_error_families_without_a_site_hint_have_a_default() -> None:
    for cls in (errors.UnavailableError, errors.AuthError, errors.LocalStateError):
        assert cls("x").hint and cls("x", hint="specific").hint == "specific"


MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(64)


@pytest.mark.parametrize(
    "case",
    ["input-404", "input-html", "file-missing", "csv-missing", "csv-directory", "csv-not-utf8"],
)
def test_the_readmes_examples_end_with_a_hint(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.delenv("AKOOL_NO_CHECK")
    with scripted_server() as server:
        server.route("/speech.mp3", Answer(200, MP3, "audio/mpeg"))
        server.route("/missing.jpg", Answer(404, b"no", "text/plain"))
        server.route("/share.jpg", Answer(200, b"<html>Sign in</html>", "text/html"))
        csv = isolated.tmp / "rows.csv"
        argv = {
            "input-404": ["talk", f"{server.url}/missing.jpg", f"{server.url}/speech.mp3"],
            "input-html": ["talk", f"{server.url}/share.jpg", f"{server.url}/speech.mp3"],
            "file-missing": ["talk", "./nowhere.jpg", "--upload-to", "s3://b-1/in/", "x.mp3"],
            "csv-missing": ["batch", str(csv)],
            "csv-directory": ["batch", str(isolated.tmp)],
            "csv-not-utf8": ["batch", str(csv)],
        }[case]
        if case == "csv-not-utf8":
            csv.write_bytes(b"image_url,audio_url\nhttps://e.com/caf\xe9.jpg,https://e.com/a.mp3\n")
        result = invoke(argv, expect=2)
    lines = result.stderr.splitlines()
    errors_at = [i for i, line in enumerate(lines) if line.startswith("Error:")]
    assert len(errors_at) == 1, result.stderr
    hint = lines[errors_at[0] + 1] if errors_at[0] + 1 < len(lines) else ""
    assert hint.startswith("Hint: ") and len(hint) > 20, result.stderr
    assert api_env.state.jobs == {}
