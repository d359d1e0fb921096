"""Things that drift: the README's exit table and command list, the completion scripts, and the
links between the README and the pages of docs/."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from akool_cli.cli import app
from akool_cli.cli.docs import SCRIPTS, commands, exit_codes_section, readme_section
from akool_cli.core.errors import EXIT_CODE_MEANINGS, ExitCode
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_exit_table_equals_the_enum() -> None:
    section = README.split("<!-- exit-codes:start -->")[1].split("<!-- exit-codes:end -->")[0]
    rows = dict(re.findall(r"^\| (\d+) \| (.+) \|$", section, flags=re.MULTILINE))
    assert {int(code): text for code, text in rows.items()} == {
        int(code): EXIT_CODE_MEANINGS[code] for code in ExitCode
    }


def test_readme_exit_table_is_the_generated_one() -> None:
    assert exit_codes_section() in README, "run `make docs` and commit README.md"


def test_readme_command_list_comes_from_the_app() -> None:
    assert readme_section(app) in README, "run `make docs` and commit README.md"


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_completion_scripts_match_the_app(name: str) -> None:
    committed = (ROOT / "completions" / name).read_text(encoding="utf-8")
    assert committed == SCRIPTS[name](app), f"run `make docs` and commit completions/{name}"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_akool_completion_prints_the_committed_script(shell: str) -> None:
    from akool_cli.cli.docs import SHELLS
    from tests.support.runner import invoke

    printed = invoke(["completion", shell]).stdout
    assert printed == (ROOT / "completions" / SHELLS[shell]).read_text(encoding="utf-8")


def test_akool_completion_refuses_another_shell() -> None:
    from tests.support.runner import invoke

    refused = invoke(["completion", "powershell"], expect=2)
    assert "no completion script for 'powershell'" in refused.stderr and "Hint:" in refused.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_eval_of_akool_completion_bash_completes(tmp_path: Path) -> None:
    """What the README says to put in ~/.bashrc, run by a real bash with the installed akool."""
    from tests.support.runner import AKOOL

    script = (
        f'eval "$({AKOOL} completion bash)"\n'
        "complete -p akool\n"
        'COMP_WORDS=(akool wat); COMP_CWORD=1; _akool; echo "${COMPREPLY[*]}"'
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["complete -o default -F _akool akool", "watch"]


def test_every_command_is_in_every_completion_script() -> None:
    for name in SCRIPTS:
        text = (ROOT / "completions" / name).read_text(encoding="utf-8")
        for info in commands(app):
            assert info.path[-1] in text, (name, info.path)


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["akool", "ta"], "talk"),
        (["akool", "talk", "https://x/a.jpg", "--reso"], "--resolution"),
        (["akool", "auth", ""], "status"),
        (["akool", "auth", "status", "--j"], "--json"),
        (["akool", "--ver"], "--version"),
        (["akool", "--profile", "staging", "ta"], "talk"),
        (["akool", "--profile", "staging", "talk", "x", "--reso"], "--resolution"),
        (["akool", "status", "--prof"], "--profile"),
        (["akool", "completion", "f"], "fish"),
        (["akool", "--profile", "p", "completion", "z"], "zsh"),
        (["akool", "config", "set", "up"], "upload-to"),
        (["akool", "config", "unset", "base"], "base-url"),
        (["akool", "config", "get", "--js"], "--json"),
    ],
)
def test_bash_completion_completes(words: list[str], expected: str) -> None:
    quoted = " ".join(f"'{w}'" for w in words)
    script = (
        f"source '{ROOT / 'completions' / 'akool.bash'}'\n"
        f'COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; _akool; echo "${{COMPREPLY[*]}}"'
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [expected]


def test_the_product_tables_come_from_the_kinds_and_the_catalogue() -> None:
    from akool_cli.cli.docs import job_paths_section, products_section

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "products.md").read_text(encoding="utf-8")
    assert products_section() in readme and products_section() in page, "run `make docs`"
    assert job_paths_section() in page, "run `make docs` and commit docs/products.md"
    assert (
        "| POST | `/api/open/v3/content/video/lipsync` | lip-sync | creates `lipsync` jobs |"
        in page
    )


def test_audit_rule_table_comes_from_the_rules() -> None:
    from akool_cli.cli.docs import audit_rules_section

    text = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    assert audit_rules_section() in text, "run `make docs` and commit docs/audit.md"


LINK = re.compile(r"\]\(([^)\s]+)\)")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def anchors(page: Path) -> set[str]:
    """GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces as '-'."""
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    titles = re.findall(r"^#+ (.+)$", text, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", t.strip().lower()).replace(" ", "-") for t in titles}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_between_the_pages_leads_somewhere(page: Path) -> None:
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: {target}"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked), f"{page.name}: {target}"


def test_the_readme_is_a_front_door() -> None:
    assert len(README.splitlines()) <= 300, "move reference material into docs/"
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"(docs/{page.name})" in README, f"the README does not link docs/{page.name}"


def test_typer_completion_options_are_gone() -> None:
    """`akool completion SHELL` is the one way: Typer's own options are not offered."""
    from tests.support.runner import invoke

    assert "--install-completion" not in invoke(["--help"]).stdout
    refused = invoke(["--show-completion"], expect=2)
    assert refused.stderr.startswith("Error: No such option: --show-completion")


def test_fish_completes_files_where_they_are_valid() -> None:
    """No blanket `complete -c akool -f`: -f only where a command's name or a fixed word is due
    (talk IMAGE AUDIO, -o PATH and batch FILE complete files)."""
    text = (ROOT / "completions" / "akool.fish").read_text(encoding="utf-8")
    assert "complete -c akool -f\n" not in text
    for line in text.splitlines():
        if " -f " in line:
            assert " -a " in line, line
    assert (
        "__fish_seen_subcommand_from completion && not __fish_seen_subcommand_from bash zsh fish' -f -a 'bash zsh fish'"
        in text
    )


def test_descriptions_with_apostrophes_are_quoted_not_dropped() -> None:
    fish = (ROOT / "completions" / "akool.fish").read_text(encoding="utf-8")
    zsh = (ROOT / "completions" / "_akool.zsh").read_text(encoding="utf-8")
    assert "-d 'Print the account\\'s credit balance.'" in fish
    assert "'credit:Print the account'\\''s credit balance.'" in zsh
