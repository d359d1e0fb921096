"""`akool audit`'s scan and output house (issue 23, house23): a folder of many modules that
import one base is read in time linear in its files; a run of blank lines is read in linear
time."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from akool_cli.audit import modules, scan
from akool_cli.audit.scan import audit, audit_text
from tests.support.growth import growth

BASE = "https://openapi.akool.com/api/open/v3"


# -- 1. many modules importing one base (break21e #24) -------------------------------------------


def _old_refers(text: str, stem: str) -> bool:
    """scan._refers_to's looser reading as it was: two regular expressions per stem."""
    word = re.escape(stem)
    return bool(
        re.search(
            rf"^\s*(?:from|import|export|use|using|include|require|source|\.)\s[^\n]*"
            rf"(?<![\w-]){word}(?![\w-])",
            text,
            re.M,
        )
        or re.search(
            rf"(?:require|import|include|require_once|include_once)\s*\(?\s*[\"'][^\"'\n]*\b{word}\b",
            text,
        )
    )


def test_a_module_is_named_as_the_regular_expressions_named_it() -> None:
    pieces = [
        "from ", "import ", "require", "require_once ", "include", "source ", ". ", "use ",
        "export ", "(", "'", '"', "\n", "  ", "\t", "akool", "config", "akool-api", "a.b", "/",
        ".", "-", "x", "m1", "_", "\r", ";", "lib/", "./",
    ]  # fmt: skip
    stems = ["akool", "config", "akool-api", "a.b", "m1", "x", "lib", "_"]
    rng = random.Random(23)
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for stem in stems:
            want = _old_refers(text, stem)
            assert modules.mentions_module(text, stem) == want, (text, stem)


def _package(root: Path, n: int) -> list[Path]:
    """A Python package of n modules, each importing AKOOL_BASE from app/config.py and
    returning an answer (break21e #24's shape), and a Go package whose files share a base."""
    app, pkg = root / "app", root / "pkg"
    app.mkdir(parents=True)
    pkg.mkdir()
    (app / "__init__.py").write_text("")
    (app / "config.py").write_text(f'AKOOL_BASE = "{BASE}"\n')
    (pkg / "config.go").write_text(f'package pkg\n\nconst akoolBase = "{BASE}"\n')
    for i in range(n):
        (app / f"m{i}.py").write_text(
            "import requests\nfrom app.config import AKOOL_BASE\n\n\n"
            f"def f{i}(p):\n"
            '    r = requests.post(AKOOL_BASE + "/content/video/createbytalkingphoto", '
            'json={"talking_photo_url": p, "audio_url": p, "resolution": "720p"})\n'
            '    return r.json()["data"]["_id"]\n'
        )
        (pkg / f"m{i}.go").write_text(
            'package pkg\n\nimport "net/http"\n\n'
            f"func F{i}(id string) (*http.Response, error) {{\n"
            '\treturn http.Get(akoolBase + "/content/video/infobymodelid?video_model_id=" + id)\n}\n'
        )
    return [root]


def test_a_folder_of_modules_importing_one_base_is_read_in_linear_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break21e #24: 250 such modules took 2 s, 300 took 22 s (each file asked of every other
    whether it imports it, with two regular expressions per module name: re's cache of 512
    overflowed past about 256 files). Now a file is asked only of the modules whose functions
    it calls: four times the files, about four times the questions (was sixteen)."""
    asked = 0
    real = scan._refers_to

    def counted(text: str, owner: Path, importer: Path | None = None) -> bool:
        nonlocal asked
        asked += 1
        return real(text, owner, importer)

    monkeypatch.setattr(scan, "_refers_to", counted)
    counts = []
    for n in (10, 40):
        asked = 0
        result = audit(_package(tmp_path / str(n), n))
        assert sum(f.rule == "bad-value" for f in result.findings) == n  # (each file is judged)
        counts.append(asked)
    assert counts[1] < 6 * counts[0], counts  # (linear: 4; quadratic: 16)


# -- 2. a run of blank lines (break21e #29) -------------------------------------------------------

HEADS = {
    "import os\n": "a.py",  # (unseen.JS_IMPORT was run on Python files too)
    "import a\n": "a.js",
    "import {\n  a,\n": "a.ts",
    "import (\n": "a.go",  # (unseen.GO_SPEC)
}


@pytest.mark.parametrize("line", ["    \n", "\n"])
@pytest.mark.parametrize("head", list(HEADS))
def test_a_run_of_blank_lines_after_an_import_is_read_in_linear_time(head: str, line: str) -> None:
    """break21e #29: `import os` and 20,000 lines of four spaces took 16 s (40,000: 58 s): the
    import's names were tried at every split of the run. Four times the lines now cost about
    four times the time."""
    name = HEADS[head]

    def make(n: int) -> str:
        return head + line * n + "print(1)\n"

    ratio = growth(make, lambda text: audit_text(text, name), small=2_000, large=8_000)
    assert ratio < 9, ratio  # (linear: 4; quadratic: 16)


def test_imports_after_a_blank_run_are_still_read() -> None:
    """The import readers still read what follows a blank run, and stop at the next import."""
    from akool_cli.audit import unseen

    text = "import os\n" + "   \n" * 50 + 'import { post } from "./http"\n'
    assert ("post", "./http") in list(unseen.imports(text, ".js"))
    names = modules.imported_names(text, Path("/p/a.js"), Path("/p/http.js"))
    assert names == frozenset({"post"})
