"""`akool audit` on the trees CI leaves behind (break21b): its own reports (a SARIF log, a `--json`
array, a `--diff` patch) are reports, not scripts; prose in .rst/.txt/.adoc/.html is a mention, as
in Markdown; what git ignores is build output; the recipes' `git apply` steps pass on a clean
tree; folder globs, empty paths, names with spaces and linked folders behave as documented."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from shutil import which

import pytest

from tests.support.runner import AKOOL, invoke
from tests.test_audit_sarif import validate

WRONG = (
    "#!/bin/sh\n"
    'curl -s -X POST "https://api.akool.com/api/open/v3/photo/talking" -H "x-api-key: $K" '
    '-d \'{"talking_photo_url":"u","audio_url":"a","webhook_url":"h"}\'\n'
)
CLEAN = (
    "import requests\n"
    'requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",\n'
    '    json={"talking_photo_url": p, "audio_url": a, "webhookUrl": h})\n'
)


@pytest.fixture(name="here")
def _current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder, made the current one (the audit reports names relative to it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(args: list[str], expect: int | None = None) -> list[dict[str, object]]:
    result = invoke(["audit", "--json", *args], expect=expect)
    document: list[dict[str, object]] = json.loads(result.stdout)
    return document


# -- H1: the audit's own reports left in the tree ---------------------------------------------------


def test_its_own_reports_in_the_tree_are_left_out_and_said(here: Path) -> None:
    """break21b H1: `akool audit --json . > akool-audit.json` (ci.md's SARIF step, a saved patch)
    left files that quote the paths found; the next run judged them (2 + 6 + 12 false errors)
    and `--diff` patched the SARIF log. They are left out by their content, whatever their
    name, and said on stderr, in --json (severity info) and in SARIF (a note)."""
    (here / "talk.sh").write_text(WRONG)
    first = invoke(["audit", "--json", "."], expect=8).stdout
    (here / "akool-audit.json").write_text(first)
    (here / "report.txt").write_text(invoke(["audit", "--format", "sarif", "."], expect=8).stdout)
    (here / "fixes").write_text(invoke(["audit", "--diff", "."], expect=8).stdout)
    result = invoke(["audit", "."], expect=8)
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {"talk.sh"}
    for name in ("akool-audit.json", "report.txt", "fixes"):
        assert f"{name}: not scanned (a " in result.stderr
    assert "3 report(s) left out" in result.stderr
    patched = invoke(["audit", "--diff", "."], expect=8).stdout
    assert [line for line in patched.splitlines() if line.startswith("+++")] == ["+++ b/talk.sh"]
    entries = findings(["."], expect=8)
    left = {e["file"] for e in entries if e["rule"] == "not-scanned"}
    assert left == {"akool-audit.json", "report.txt", "fixes"}
    assert {e["severity"] for e in entries if e["rule"] == "not-scanned"} == {"info"}
    log = json.loads(invoke(["audit", "--format", "sarif", "."], expect=8).stdout)
    validate(log)
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert {n["level"] for n in notes} == {"note"} and len(notes) == 3


def test_a_clean_tree_with_an_old_report_passes(here: Path) -> None:
    """A report of the old, wrong scripts kept in the tree must not fail the fixed tree."""
    (here / "talk.sh").write_text(WRONG)
    (here / "old.json").write_text(invoke(["audit", "--json", "."], expect=8).stdout)
    (here / "talk.sh").write_text(CLEAN.replace("import requests\n", "import requests  # \n"))
    (here / "talk.sh").rename(here / "talk.py")
    invoke(["audit", "."], expect=0)


def test_a_script_or_a_markdown_diff_block_is_still_read(here: Path) -> None:
    """Only whole files that are reports are left out: a Markdown page with a ```diff block, a
    JSON body file and a Postman-like JSON are read as before."""
    (here / "page.md").write_text(
        "# Fix\n\n```diff\n--- a/x.sh\n+++ b/x.sh\n@@ -1 +1 @@\n-old\n+new\n```\n\n```sh\n"
        + WRONG.splitlines()[1]
        + "\n```\n"
    )
    (here / "body.json").write_text(
        '[{"url": "https://api.akool.com/api/open/v3/photo/talking"}]\n'
    )
    files = {e["file"] for e in findings(["."], expect=8)}
    assert files == {"page.md", "body.json"}


# -- H3: the --diff | git apply recipes on a tree with nothing to fix --------------------------------


def test_the_help_s_git_apply_recipe_passes_on_a_clean_tree(here: Path) -> None:
    """break21b H3: `akool audit --diff scripts/ | git apply` (the help's example, and ci.md's)
    exits 128 under `bash -e` when there is nothing to fix (git refuses the empty patch), so a
    CI step failed on every clean tree. The example the help gives passes there."""
    shown = " ".join(invoke(["audit", "--help"]).stdout.split())
    recipe = re.search(r"akool audit --diff scripts/ \| git apply[\w -]*", shown)
    assert recipe is not None, shown
    (here / "scripts").mkdir()
    (here / "scripts" / "talk.py").write_text(CLEAN)
    env = {**os.environ, "PATH": f"{Path(AKOOL).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", recipe.group().strip()],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, (recipe.group(), run.stderr)


# -- H9, M14: prose in documentation is a mention, in every documentation format ----------------------

PROSE = {
    "NOTES.txt": (
        "2024-05-01: switched from /api/open/v3/photo/talking to the documented createbytalkingphoto"
        " endpoint.\nThe old api.akool.com host was replaced by openapi.akool.com.\n"
    ),
    "README.rst": (
        "Migration notes\n===============\n\n"
        "We used to call ``/api/open/v3/content/video/status`` but AKOOL removed it; use\n"
        "``GET /api/open/v3/content/video/infobymodelid`` instead. The old host"
        " ``https://api.akool.com`` is gone.\n\n"
        ".. note::\n\n   ``/api/open/v3/photo/talking`` was never documented.\n"
    ),
    "guide.adoc": (
        "= AKOOL notes\nDo not call `https://openapi.akool.com/api/open/v3/content/video/status/{id}`"
        " -- it never existed.\n"
    ),
    "index.html": (
        "<html><body>\n<p>Our app used <code>/api/open/v3/photo/talking</code> until 2024.</p>\n"
        "</body></html>\n"
    ),
    # break21b M14: prose after a code block was read as the call's fields (docs/audit.md: 7)
    "min.md": (
        "documented one (`/v4/lipsync/info`, `/v4/headswap/task/status`: a last segment such as"
        " `info`,\n```python\n# error: this body has no audio_url, which POST"
        " /api/open/v3/content/video/createbytalkingphoto\n```\n"
        '  interpolated entry (`-d "{\\"a\\": 1, $EXTRA}"`), no computed key;\n'
    ),
    "min2.md": (
        "  variable serialized into another (`b, _ := json.Marshal(payload)`, `body ="
        " JSON.stringify(p)`,\n  `payload := &TalkReq{...}` marshalled later) sends the JSON names"
        " of its type's tags: each\n  (`WebhookURL: h`, `payload.WebhookURL = h`) are Go's, not"
        " JSON's, and are not keys (a field\n```python\n# error: this body has no audio_url, which"
        " POST /api/open/v3/content/video/createbytalkingphoto\n```\n- a builder chain's verb after"
        ' its URL: OkHttp\'s `.url(...).post(body)`, `.method("POST", b)`,\n'
    ),
}
# The same formats' code still counts: a literal block, a listing block, <pre>, a curl line.
CODE = {
    "code.rst": (
        "Example::\n\n    curl -X POST https://api.akool.com/api/open/v3/photo/talking\n\nDone.\n"
    ),
    "code.adoc": (
        "[source,bash]\n----\ncurl -X POST https://api.akool.com/api/open/v3/photo/talking\n----\n"
    ),
    "fenced.adoc": "```bash\ncurl -X POST https://api.akool.com/api/open/v3/photo/talking\n```\n",
    "code.html": (
        "<p>Run:</p>\n<pre>\ncurl -X POST https://api.akool.com/api/open/v3/photo/talking\n</pre>\n"
    ),
    "code.txt": (
        "Call it like this:\ncurl -X POST https://openapi.akool.com/api/open/v3/content/video/"
        "createbytalkingphoto \\\n  -H 'x-api-key: k' \\\n"
        '  -d \'{"talking_photo_url": "p", "audio_url": "a", "resolution": "720p"}\'\n'
    ),
}


def test_prose_of_rst_txt_adoc_html_and_markdown_is_never_judged_nor_patched(here: Path) -> None:
    """break21b H9: a NOTES.txt history line, Sphinx ``literal`` prose, AsciiDoc and an HTML
    <p><code> gave 5 false errors, and --diff rewrote 3 history notes; M14: Markdown prose
    after a code block was judged as a call's fields. Prose is a mention in all of them."""
    for name, text in PROSE.items():
        (here / name).write_text(text)
    invoke(["audit", "."], expect=0)
    assert invoke(["audit", "--diff", "."]).stdout == ""


def test_code_in_those_formats_still_counts(here: Path) -> None:
    for name, text in CODE.items():
        (here / name).write_text(text)
    found = {(e["file"], e["rule"]) for e in findings(["."], expect=8)}
    for name in ("code.rst", "code.adoc", "fenced.adoc", "code.html"):
        assert (name, "wrong-host") in found, found
    assert ("code.txt", "bad-value") in found, found


# -- M11: what git ignores is build output ------------------------------------------------------------


def test_what_git_ignores_is_neither_audited_nor_patched(here: Path) -> None:
    """break21b M11: `.next/`, `dist/`, `coverage/` and `target/` copies of a script were audited
    and patched (18 errors for 3). In a git work tree what git ignores is left out; a folder
    named on the command line is read even so; outside a work tree, everything is read."""
    tree = here / "repo"
    copies = [".next/server/app/copy.sh", "dist/copy.sh", "coverage/lcov-report/copy.sh"]
    for name in ["run.sh", "target/debug/copy.sh", *copies]:
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(WRONG)
    (tree / ".gitignore").write_text(".next/\ndist/\ncoverage/\ntarget/\n*.tmp\n")
    (tree / "run.tmp").write_text(WRONG)
    outside = {e["file"] for e in findings(["repo"], expect=8)}
    assert len(outside) == 6  # not a work tree yet: every copy is read
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    assert {e["file"] for e in findings(["repo"], expect=8)} == {"repo/run.sh"}
    patched = invoke(["audit", "--diff", "repo"], expect=8).stdout
    assert [line for line in patched.splitlines() if line.startswith("+++")] == [
        "+++ b/repo/run.sh"
    ]
    assert {e["file"] for e in findings(["repo/dist"], expect=8)} == {"repo/dist/copy.sh"}


# -- the LOWs: patch -p1 and spaces, --format json errors, folder globs, '' and linked folders ------


def test_patch_p1_takes_a_name_with_a_space(here: Path) -> None:
    """break21b L1: without git's trailing tab after such a name, `patch -p1` took `a/my` for
    the file and asked which file to patch."""
    (here / "my scripts").mkdir()
    (here / "my scripts" / "talk.sh").write_text(WRONG)
    diff = invoke(["audit", "--diff", "."], expect=8).stdout
    assert "--- a/my scripts/talk.sh\t\n+++ b/my scripts/talk.sh\t\n" in diff
    tools = [["git", "apply", "--check"]] + [["patch", "-p1", "--dry-run"]] * bool(which("patch"))
    for tool in tools:
        run = subprocess.run(tool, input=diff, text=True, capture_output=True, check=False)
        assert run.returncode == 0, (tool, run.stdout, run.stderr)


def test_format_json_fails_as_json_does(here: Path) -> None:
    """break21b L2: `--format json` printed nothing on a usage error, where `--json` prints one
    error document; and `--json --diff` said "drop --format json" to a user who typed --json."""
    for args in (["--format", "json"], ["--format=json"], ["--json"]):
        error = json.loads(invoke(["audit", *args, "nonexist"], expect=2).stdout)["error"]
        assert error["message"] == "no such file or folder: nonexist"
    (here / "a.py").write_text(CLEAN)
    hint = json.loads(invoke(["audit", "--json", "--diff", "."], expect=2).stdout)["error"]
    assert hint["hint"] == "drop --json"


def test_folder_globs_and_double_star(here: Path) -> None:
    """break21b L3: `--exclude src` / `src/` / a deeper folder's name excluded nothing, `**/*.py`
    missed top-level files and `*` crossed `/`."""
    for name in ("top.py", "src/a.py", "src/deep/er/t.py", "deep/b.py"):
        (here / name).parent.mkdir(parents=True, exist_ok=True)
        (here / name).write_text(CLEAN.replace("webhookUrl", "webhook_url"))

    def files(*globs: str) -> set[str]:
        return {str(e["file"]) for e in findings([*globs, "."], expect=8)}

    everything = {"top.py", "src/a.py", "src/deep/er/t.py", "deep/b.py"}
    assert files("--exclude", "src") == files("--exclude", "src/") == {"top.py", "deep/b.py"}
    assert files("--exclude", "deep") == {"top.py", "src/a.py"}
    assert files("--include", "**/*.py") == everything
    assert files("--include", "./src/**/*.py") == {"src/a.py", "src/deep/er/t.py"}
    assert files("--include", "src/*.py") == {"src/a.py"}
    assert files("--include", "*.py") == everything  # a name: at any depth, as before


def test_an_empty_path_is_no_path(here: Path) -> None:
    """break21b L5: `akool audit ''` (`akool audit "$CHANGED"`, nothing changed) audited `.`."""
    (here / "a.sh").write_text(WRONG)
    result = invoke(["audit", ""], expect=2)
    assert "an empty path" in result.stderr and result.stdout == ""


def test_a_linked_folder_named_on_the_command_line_is_left_out_of_the_patch(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break21b L9: `ext -> ../outside` named as `ext/` got hunks git refuses ("beyond a
    symbolic link"), and git then refused the whole patch, scripts/ too."""
    (here / "outside").mkdir()
    (here / "outside" / "o.sh").write_text(WRONG)
    repo = here / "repo"
    (repo / "scripts").mkdir(parents=True)
    (repo / "scripts" / "s.sh").write_text(WRONG)
    (repo / "ext").symlink_to("../outside")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    monkeypatch.chdir(repo)
    diff = invoke(["audit", "--diff", "ext/", "scripts/"], expect=8).stdout
    assert [line for line in diff.splitlines() if line.startswith("+++")] == ["+++ b/scripts/s.sh"]
    run = subprocess.run(["git", "apply", "--check"], input=diff, text=True, capture_output=True)
    assert run.returncode == 0, run.stderr
