"""`akool audit`'s scan and output house (issue 23, house23): a folder of many modules that
import one base is read in time linear in its files; a run of blank lines is read in linear
time; a stdout that cannot carry a character gets it escaped, and JSON never a lone surrogate."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
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


# -- 3. a stdout that cannot carry every character (break21e #23) --------------------------------

WIDE = (
    "import requests\n"
    'requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", '
    'json={"talking_photo_url": "p", "audio_url": "a", "resolution": "高清"})\n'
    'requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", '
    'json={"talking_photo_url": "p", "audio_url": "a", "resolution": "720p"})\n'
)


def _akool(args: list[str], cwd: Path, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "akool_cli", *args], cwd=cwd, env=env, capture_output=True
    )


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii", "utf-8:strict"])
@pytest.mark.parametrize("fmt", [[], ["--json"], ["--format", "sarif"]])
def test_a_stdout_that_cannot_carry_a_character_escapes_it(
    tmp_path: Path, encoding: str, fmt: list[str]
) -> None:
    """break21e #23: on a cp1252 or latin-1 stdout (Windows redirected, a latin-1 locale), a
    finding quoting `"高清"`, or a file named so, ended the run: "unexpected UnicodeEncodeError",
    exit 1, the other findings lost. Now every finding, exit 8: the text with `\\u9ad8` escapes,
    JSON and SARIF valid (ASCII on such a stdout), a file name's undecodable bytes as they are."""
    (tmp_path / "a.py").write_text(WIDE)
    (tmp_path / "高😀.py").write_text(WIDE)
    (tmp_path / os.fsdecode(b"x\xff.py")).write_text(WIDE)
    run = _akool(["audit", *fmt, "."], tmp_path, encoding)
    assert run.returncode == 8, run.stderr
    assert b"unexpected" not in run.stderr
    if not fmt:
        lines = run.stdout.splitlines()
        assert len(lines) == 6
        assert b'"\\u9ad8\\u6e05"' in run.stdout or b'"\xe9\xab\x98' in run.stdout
        return
    document = json.loads(run.stdout.decode("utf-8"))  # (strict UTF-8)
    results = document if fmt == ["--json"] else document["runs"][0]["results"]
    assert len(results) == 6
    if fmt == ["--json"]:
        assert {f["found"] for f in results} >= {'"高清"', '"720p"'}
        assert all(json.dumps(f, ensure_ascii=False).encode("utf-8") for f in results)


def test_a_json_file_name_that_is_not_utf8_has_no_lone_surrogate(tmp_path: Path) -> None:
    """break21e #23: --json gave `x\\xff.py` as `"x\\udcff.py"`, a lone surrogate that strict
    parsers (serde_json, Go's decoder writes U+FFFD) refuse or change: now `"x\\ufffd.py"` and
    its bytes percent-encoded in `file_bytes`, as SARIF's uri."""
    (tmp_path / os.fsdecode(b"x\xff.py")).write_text(WIDE)
    run = _akool(["audit", "--json", "."], tmp_path, "utf-8")
    assert b"\\udc" not in run.stdout.lower()
    entry = json.loads(run.stdout.decode("utf-8"))[0]
    assert (entry["file"], entry["file_bytes"]) == ("x\ufffd.py", "x%FF.py")


# -- 4. a map typed as one of strings keeps its strings (break21e #21) ---------------------------

TRANSLATE = "https://openapi.akool.com/api/open/v3/content/video/createbytranslate"
STRING_MAPS = {
    "m.cs": (
        "class M {\n  async Task A(HttpClient http, string u) {\n"
        '    var body = new Dictionary<string, string> { ["url"] = u, ["language"] = "fr", '
        '["caption_type"] = "2" };\n'
        f'    await http.PostAsJsonAsync("{TRANSLATE}", body);\n  }}\n}}\n'
    ),
    "m.ts": (
        "export async function a(u: string) {\n"
        '  const body: Record<string, string> = { url: u, language: "fr", caption_type: "2" };\n'
        f'  return fetch("{TRANSLATE}", {{ method: "POST", body: JSON.stringify(body) }});\n}}\n'
    ),
    "k.kt": (
        "fun a(client: OkHttpClient, u: String) {\n"
        '    val body: Map<String, String> = mapOf("url" to u, "language" to "fr", '
        '"caption_type" to "2")\n'
        f'    post("{TRANSLATE}", body)\n}}\n'
        "fun post(u: String, b: Map<String, String>) {\n"
        "    val req = Request.Builder().url(u).post(JSONObject(b).toString().toRequestBody()).build()\n}\n"
    ),
    "s.swift": (
        "func a(u: String) async throws {\n"
        f'    var req = URLRequest(url: URL(string: "{TRANSLATE}")!)\n'
        '    req.httpMethod = "POST"\n'
        '    let body: [String: String] = ["url": u, "language": "fr", "caption_type": "2"]\n'
        "    req.httpBody = try JSONSerialization.data(withJSONObject: body)\n}\n"
    ),
    "c.cs": (  # (the type on the line above the map's brace)
        "class M {\n  async Task A(HttpClient http, string u) {\n"
        "    var body = new Dictionary<string, string>\n    {\n"
        '      ["url"] = u, ["language"] = "fr", ["caption_type"] = "2"\n    };\n'
        f'    await http.PostAsJsonAsync("{TRANSLATE}", body);\n  }}\n}}\n'
    ),
}


@pytest.mark.parametrize("name", list(STRING_MAPS))
def test_a_string_in_a_map_typed_as_strings_is_not_patched_to_a_number(name: str) -> None:
    """break21e #21: `--diff` made `"caption_type": "2"` a bare 2 in a map typed as one of strings
    (C#'s Dictionary<string, string>, TS Record<string, string>, Kotlin Map<String, String>,
    Swift [String: String]): code that no longer compiles. The finding stays; the message says
    the fix, and no patch is offered."""
    from tests.support.audited import patched

    text = STRING_MAPS[name]
    hits = [f for f in audit_text(text, name) if f.rule == "bad-value"]
    assert [h.found for h in hits] == ['"2"'], hits
    assert hits[0].fix is None
    assert "typed as one of strings" in hits[0].message
    assert patched(text, name) == text


def test_a_string_in_an_untyped_map_is_still_patched() -> None:
    """A map whose values may be anything (`Dictionary<string, object>`, a plain JS object)
    keeps its fix."""
    from tests.support.audited import patched

    cs = STRING_MAPS["m.cs"].replace("<string, string>", "<string, object>")
    assert '["caption_type"] = 2 }' in patched(cs, "m.cs")
    ts = STRING_MAPS["m.ts"].replace(": Record<string, string>", "")
    assert "caption_type: 2 }" in patched(ts, "m.ts")


# -- 5. a misnamed key with a wrong value: both fixed in one patch (break21e #17) -----------------

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
ENTRIES = {
    "k.py": f'requests.post("{TALK}", json={{"talking_photo_url": "p", "audio_url": "a", "Resolution": "720p"}})\n',
    "k.js": f'fetch("{TALK}", {{ method: "POST", body: JSON.stringify({{ talking_photo_url: "p", audio_url: "a", Resolution: "720p" }}) }});\n',
    "k.rb": f'HTTParty.post("{TALK}", body: {{ talking_photo_url: "p", audio_url: "a", "Resolution" => "720p" }}.to_json)\n',
    "d.py": f'import requests\nrequests.post("{TALK}", json=dict(talking_photo_url="p", audio_url="a", Resolution="720p"))\n',
}  # fmt: skip


@pytest.mark.parametrize("name", list(ENTRIES))
def test_a_misnamed_key_with_a_wrong_value_is_fixed_whole_in_one_patch(name: str) -> None:
    """break21e #17: `"Resolution": "720p"` got only its value fixed (`"Resolution": "720"`);
    the key, left misnamed, needed a second --diff. Both now go in one fix: the patched file
    has neither finding."""
    from tests.support.audited import patched

    text = ENTRIES[name]
    before = {f.rule for f in audit_text(text, name)}
    assert {"misnamed-field", "bad-value"} <= before
    after = patched(text, name)
    assert "resolution" in after and '"720"' in after and "Resolution" not in after
    assert not {f.rule for f in audit_text(after, name)} & {"misnamed-field", "bad-value"}


# -- 6. --diff of files outside the current folder (break21e #9) ---------------------------------

BAD_TALK = f'import requests\nrequests.post("{TALK}", json={{"talking_photo_url": "p", "audio_url": "a", "resolution": "720p"}})\n'


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=a", "-c", "user.email=a@b", *args], cwd=cwd, check=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_diff_of_a_sibling_folder_names_paths_from_the_repository_top(tmp_path: Path) -> None:
    """break21e #9: `akool audit --diff ../scripts` from app/ wrote `--- a/../scripts/t.py`,
    which git apply refuses ("invalid path"; and from a subfolder it skips what is outside it).
    In a repository, paths are now from its top, as `git diff` writes them, and stderr says to
    apply it there; the patch applies there."""
    repo = tmp_path / "repo"
    (repo / "app").mkdir(parents=True)
    (repo / "scripts").mkdir()
    (repo / "scripts" / "t.py").write_text(BAD_TALK)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-qm", "i", cwd=repo)
    run = _akool(["audit", "--diff", "../scripts"], repo / "app", "utf-8")
    assert run.returncode == 8
    assert run.stdout.startswith(b"--- a/scripts/t.py\n+++ b/scripts/t.py\n"), run.stdout
    assert b"apply it from there (cd .. && git apply PATCH)" in run.stderr
    (tmp_path / "p.patch").write_bytes(run.stdout)
    _git("apply", str(tmp_path / "p.patch"), cwd=repo)
    assert '"resolution": "720"' in (repo / "scripts" / "t.py").read_text()


def test_a_diff_of_a_file_no_repository_shares_leaves_it_out_and_says_so(tmp_path: Path) -> None:
    """Outside any git repository that holds both, no path reaches the file from the current
    folder that git apply takes: the file is left out of the patch, and stderr says to run from
    a folder that holds it (its finding stays; exit 8)."""
    (tmp_path / "here").mkdir()
    (tmp_path / "there").mkdir()
    (tmp_path / "there" / "t.py").write_text(BAD_TALK)
    (tmp_path / "here" / "h.py").write_text(BAD_TALK)
    run = _akool(["audit", "--diff", ".", "../there"], tmp_path / "here", "utf-8")
    assert run.returncode == 8
    assert run.stdout.startswith(b"--- a/h.py\n+++ b/h.py\n")
    assert b"there" not in run.stdout
    assert b"left out of the patch" in run.stderr and b"../there/t.py" in run.stderr
