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
