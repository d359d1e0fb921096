"""fix33's tests: the break-it items of robustness and honest output (repro32b): a folder tree
too deep for a walk by recursion, a JSON file that only looks like a SARIF log, failures when
stdout is closed or full, --output to a dangling link, the docs' ignore example, -q, --diff's
hunks that carry a credential or a CI log command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.audit import gitignores, walking
from akool_cli.audit.scan import audit_text
from tests.support.runner import invoke

WRONG_HOST = "curl https://api.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1\n"
# -- deep-folder-tree-recursionerror-fails-whole-run ------------------------------------------


def _deep_tree(root: Path, depth: int, file: str = "deep.sh") -> Iterator[None]:
    """root/top.sh and root/a/a/.../a/FILE, `depth` folders down (made a level at a time from
    the folder above: a path that long cannot be made in one call), and taken down after."""
    root.mkdir()
    (root / "top.sh").write_text(WRONG_HOST, encoding="utf-8")
    here = os.getcwd()
    try:
        os.chdir(root)
        for _ in range(depth):
            os.mkdir("a")
            os.chdir("a")
        Path(file).write_text(WRONG_HOST, encoding="utf-8")
        os.chdir(here)
        yield
    finally:
        os.chdir(root)
        levels = 0
        while os.path.isdir("a"):
            os.chdir("a")
            levels += 1
        for name in os.listdir("."):
            os.unlink(name)
        for _ in range(levels):
            os.chdir("..")
            os.rmdir("a")
        os.chdir(here)


@pytest.fixture
def deep(tmp_path: Path) -> Iterator[Path]:
    yield from (tmp_path / "tree" for _ in _deep_tree(tmp_path / "tree", 1000))


@pytest.fixture
def too_deep(tmp_path: Path) -> Iterator[Path]:
    yield from (tmp_path / "tree" for _ in _deep_tree(tmp_path / "tree", 2100))


def test_a_tree_1000_folders_deep_is_walked_to_its_bottom(deep: Path) -> None:
    unread: walking.Unread = []
    names = [shown for _, shown in walking.iter_files([deep], [], [], unread)]
    assert names[0] == str(deep / "top.sh")  # (a folder's files before its folders')
    assert names[1].endswith("/a/a/deep.sh") and names[1].count("/a") == 1000
    assert unread == []


def test_a_folder_whose_path_is_too_long_to_open_is_a_folder_not_listed(too_deep: Path) -> None:
    unread: walking.Unread = []
    names = [shown for _, shown in walking.iter_files([too_deep], [], [], unread)]
    assert names == [str(too_deep / "top.sh")]
    [(folder, why)] = unread
    assert folder.startswith(str(too_deep / "a" / "a")) and folder.endswith("/a/")
    assert why == "a folder that cannot be listed: File name too long"


def test_git_ignore_rules_read_by_the_audit_itself_walk_a_deep_tree(deep: Path) -> None:
    subprocess.run(["git", "init", "-q", str(deep)], check=True)
    (deep / ".gitignore").write_text("deep.sh\n", encoding="utf-8")
    top = Path(os.path.realpath(deep))
    assert gitignores.special_source(top, top) is None
    ignored = gitignores.ignored(top, top)
    assert "a/" in ignored  # (a folder that holds only ignored files, as git lists it)
    assert [name for name in ignored if not name.endswith("/")] == ["a/" * 1000 + "deep.sh"]


def test_a_deep_tree_in_a_git_work_tree_is_audited_the_rest_reported(too_deep: Path) -> None:
    subprocess.run(["git", "init", "-q", str(too_deep)], check=True)
    run = invoke(["audit", str(too_deep)], expect=8)  # (not 1, "unexpected RecursionError")
    assert "top.sh:1:" in run.stdout
    assert "not scanned (a folder that cannot be listed: File name too long)" in run.stderr


# -- collection-with-sarif-keys-skipped-as-report-gate-passes ---------------------------------

# A guard against a hang only: never a speed test.
HANG_GUARD_SECONDS = 120

TALK = "https://api.akool.com/api/open/v3/content/video/createbytalkingphoto"
COLLECTION = {
    "info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
    "item": [
        {
            "name": "t",
            "request": {
                "method": "POST",
                "url": {"raw": TALK},
                "body": {"mode": "raw", "raw": '{"resolution":"720p"}'},
            },
        }
    ],
}
SARIF_KEYS = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0"}


@pytest.mark.parametrize(
    "log",
    [
        {**COLLECTION, **SARIF_KEYS, "runs": []},  # (a collection that carries SARIF's keys)
        {**SARIF_KEYS, "runs": [{"results": [COLLECTION]}]},  # (runs that are no SARIF runs)
        {**SARIF_KEYS, "runs": [{"tool": "x", "results": [COLLECTION]}]},
    ],
)
def test_a_file_that_only_carries_sarif_keys_is_audited(tmp_path: Path, log: object) -> None:
    (tmp_path / "talk.postman_collection.json").write_text(json.dumps(log), encoding="utf-8")
    run = invoke(["audit", str(tmp_path)], expect=8)
    assert "[wrong-host]" in run.stdout and "not scanned" not in run.stderr


def test_a_sarif_log_with_a_tool_driver_is_still_left_out_as_a_report(tmp_path: Path) -> None:
    (tmp_path / "talk.sh").write_text(f"curl -X POST {TALK}\n", encoding="utf-8")
    sarif = invoke(["audit", "--format", "sarif", str(tmp_path)], expect=8).stdout
    (tmp_path / "akool-audit.sarif").write_text(sarif, encoding="utf-8")
    other = {**SARIF_KEYS, "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}
    (tmp_path / "other.sarif.json").write_text(json.dumps(other), encoding="utf-8")
    run = invoke(["audit", str(tmp_path)], expect=8)
    assert "akool-audit.sarif" not in run.stdout and "other.sarif.json" not in run.stdout
    assert "2 report(s) left out" in run.stderr


# -- json-failure-document-to-full-stdout-traceback -------------------------------------------


@pytest.mark.parametrize("stdout", [">/dev/full", ">&-"])
@pytest.mark.parametrize(
    "args",
    [
        ["audit", "--json", "nonexist"],
        ["audit", "--format", "sarif", "nonexist"],
        ["audit", "--json", "--bogus", "x"],
        ["--json", "status", "nonexist"],  # (the boundary every command shares)
        ["--json", "config", "get", "--bogus"],
    ],
)
def test_a_failure_document_that_cannot_be_written_is_one_line_more(
    args: list[str], stdout: str
) -> None:
    """A usage error with --json (or SARIF) and stdout on a full disk or closed printed two
    chained tracebacks and exited 1: now the failure's line and hint, then one line saying the
    document could not be written, and the failure's own exit code."""
    script = f'exec "$0" -m akool_cli "$@" {stdout}'
    run = subprocess.run(
        ["sh", "-c", script, sys.executable, *args],
        capture_output=False,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert lines[-1].startswith("Error: cannot write the output: "), run.stderr
    assert len(lines) == 3 and lines[1].startswith("Hint: "), run.stderr


# -- output-link-dangling-says-folder-missing-and-follow-undocumented -------------------------


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a.sh").write_text(WRONG_HOST, encoding="utf-8")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_output_to_a_dangling_link_says_it_is_a_link_whose_folder_is_missing(here: Path) -> None:
    (here / "out" / "audit.json").symlink_to("nodir/x.json")
    run = invoke(["audit", "--output", "out/audit.json", "a.sh"], expect=2)
    assert "Error: --output out/audit.json: a link to nodir/x.json, in a folder that is" in (
        run.stderr
    )
    assert "folder does not exist" not in run.stderr  # (out/ exists: `mkdir out` helps nobody)


def test_output_to_a_loop_of_links_is_a_usage_error_not_an_unexpected_one(here: Path) -> None:
    (here / "loop").symlink_to("loop")
    for args in (["--output", "loop"], ["--json", "--output", "loop"]):
        run = invoke(["audit", *args, "a.sh"], expect=2)
        assert "--output loop: a link in a loop of links" in run.stderr
        assert "unexpected" not in run.stderr


def test_output_through_a_link_replaces_the_file_it_leads_to_whole(here: Path) -> None:
    """As a shell's `>`: the report is where the link leads, the link kept, no part file left."""
    (here / "reports").mkdir()
    (here / "reports" / "audit.json").write_text("[]\n", encoding="utf-8")
    (here / "out" / "audit.json").symlink_to("../reports/audit.json")
    invoke(["audit", "--json", "--output", "out/audit.json", "a.sh"], expect=8)
    assert (here / "out" / "audit.json").is_symlink()
    assert '"rule": "wrong-host"' in (here / "reports" / "audit.json").read_text(encoding="utf-8")
    assert sorted(p.name for p in (here / "reports").iterdir()) == ["audit.json"]


# -- docs-ignore-example-line-still-fails -----------------------------------------------------


def test_the_docs_first_ignore_example_copied_as_shown_audits_clean() -> None:
    from tests.conftest import ROOT

    page = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    section = page[page.index("## Silencing one finding on one line") :]
    example = section[section.index("```python\n") + len("```python\n") :].split("```")[0]
    assert "akool-audit: ignore[wrong-host]" in example
    assert audit_text(example, "a.py") == []


def test_an_ignore_marker_silences_only_the_rules_it_names() -> None:
    line = 'url = "https://api.akool.com/photo/talking"  # akool-audit: ignore[wrong-host]\n'
    assert [f.rule for f in audit_text(line, "a.py")] == ["undocumented-path"]
    both = line.replace("[wrong-host]", "[wrong-host,undocumented-path]")
    assert audit_text(both, "a.py") == []


# -- audit-quiet-flag-help-says-paths-prints-findings -----------------------------------------


def test_audit_quiet_keeps_the_findings_drops_the_summary_as_its_help_says(tmp_path: Path) -> None:
    (tmp_path / "a.sh").write_text(WRONG_HOST, encoding="utf-8")
    (tmp_path / "big.js").write_text("x" * (walking.MAX_FILE_BYTES + 1), encoding="utf-8")
    help_text = " ".join(invoke(["audit", "--help"]).stdout.split())
    assert "-q, --quiet Print the findings only, no summary (as ruff's --quiet)" in help_text
    assert "Print only ids or paths" not in help_text
    for args in (["-q", "audit"], ["audit", "-q"]):
        run = invoke([*args, str(tmp_path)], expect=8)
        assert run.stdout.endswith("[wrong-host]\n") and run.stdout.count("\n") == 1
        assert "big.js: not scanned (larger than 5 MiB)" in run.stderr  # (still said)
        assert "file(s) scanned" not in run.stderr  # (the summary)
    # (the other commands keep the help that is theirs)
    assert "Print only ids or paths" in " ".join(invoke(["status", "--help"]).stdout.split())


# -- diff-prints-pasted-credentials-whole / diff-echoes-ci-log-commands-from-file-content --------

KEY = "sk-live-abcdef1234567890abcdef1234567890"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnopqrstuv"
CREATE = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
POST_720P = (
    f'requests.post("{CREATE}", headers=H, json={{"talking_photo_url": "x", "audio_url": "y", '
    '"resolution": "720p"})'
)
FAR = "\n".join(["pass"] * 4)  # (more than a hunk's 3 lines of context)


def _diff(here: Path, text: str) -> tuple[str, str]:
    (here / "talk.py").write_text(text, encoding="utf-8")
    run = invoke(["audit", "--diff", "talk.py"], expect=8)
    if run.stdout:
        check = subprocess.run(
            ["git", "apply", "--check", "-"], input=run.stdout, cwd=here, text=True, check=False
        )
        assert check.returncode == 0, run.stdout  # (what is printed still applies)
    return run.stdout, run.stderr


@pytest.mark.parametrize(
    ("near", "why"),
    [
        (f'KEY = "{KEY}"', "a credential-looking value"),  # (a context line)
        (f'H = {{"Authorization": "Bearer {JWT}"}}', "a credential-looking value"),
        ('# echo "##vso[task.setvariable variable=DEPLOY]attacker.example"', "a CI log command"),
        ("# ##[error]not a real failure", "a CI log command"),
        ('NOTE = """\n   ::add-mask::x\n"""', "a CI log command"),  # (`::` after spaces)
    ],
)
def test_a_hunk_that_would_print_a_secret_or_a_ci_command_is_left_to_a_person(
    here: Path, near: str, why: str
) -> None:
    text = f"import requests\nH = {{}}\n{near}\n{POST_720P}\n{FAR}\n{POST_720P}\n"
    held = text.split("\n").index(POST_720P) + 1
    diff, stderr = _diff(here, text)
    assert f"talk.py:{held}: left out of the patch, whose lines would print {why}" in stderr
    assert "1 fix(es) in 1 file(s); 1 finding(s) need a person" in stderr
    assert diff.count("@@ ") == 1 and f"@@ -{held + 2},4 +{held + 2},4 @@" in diff  # (the far one)
    for secret in (KEY, JWT, "##vso[", "##[", "::add-mask::"):
        assert secret not in diff


def test_the_same_call_on_the_secrets_own_line_is_left_out_too(here: Path) -> None:
    line = POST_720P.replace("headers=H", f'headers={{"x-api-key": "{KEY}"}}')
    diff, stderr = _diff(here, f"import requests\n{line}\n")
    assert diff == "" and "talk.py:2: left out of the patch" in stderr


def test_a_hunk_without_such_lines_is_patched_as_before(here: Path) -> None:
    """`::` inside a line (C++'s std::string, a Ruby constant) is no CI command; a key more than
    three lines away is outside the hunk."""
    text = f'import requests\nKEY = "{KEY}"\n{FAR}\nx = "std::string a::b"\n{POST_720P}\n'
    diff, stderr = _diff(here, text)
    assert "+" + POST_720P.replace('"720p"', '"720"') + "\n" in diff
    assert KEY not in diff and "left out of the patch" not in stderr


# -- break-it: CI log commands GitHub Actions still reads -------------------------------------


def test_a_file_name_that_is_a_ci_command_after_spaces_or_anywhere_is_defused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub's runner trims a line's leading spaces before it looks for `::name::`, and reads
    its older `##[name]` anywhere in a line: a file named ` ::error title=x::a.sh` or
    `x##[error]y.sh` annotated the run from the audit's own findings."""
    monkeypatch.chdir(tmp_path)
    for name in (" ::error title=x::a.sh", "x##[error]y.sh"):
        (tmp_path / name).write_text(WRONG_HOST, encoding="utf-8")
    for args in ([], ["--diff"], ["--json"]):
        run = invoke(["audit", *args, "."], expect=8)
        for line in (run.stdout + run.stderr).splitlines():
            assert not line.lstrip().startswith("::") and "##[" not in line, line
    files = {f["file"] for f in json.loads(invoke(["audit", "--json", "."], expect=8).stdout)}
    assert files == {" ::error title=x::a.sh", "x##[error]y.sh"}  # (JSON keeps the names)


def test_output_naming_a_folder_not_made_yet_writes_no_file_of_its_name(here: Path) -> None:
    """`--output newdir/`: a file named `newdir` was written (a shell's `>` fails there)."""
    run = invoke(["audit", "--output", "newdir/", "a.sh"], expect=2)
    assert "--output newdir/: not a regular file" in run.stderr
    assert not (here / "newdir").exists()
