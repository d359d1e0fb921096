"""The recipes of docs/ci.md run as written: their commands, with bash, in an empty folder, on the sandbox.

A recipe is the ```yaml (a GitHub Actions workflow) or ```sh block right after a
`<!-- recipe: expects PATH... -->` line, where each PATH (a glob) must exist afterwards. A block
right after `<!-- recipe-file: NAME -->` is a file of the repository the workflows check out.

From a workflow, each step's `run:` script runs with `bash -eu -o pipefail` (GitHub's runners use
`-e -o pipefail`; `-u` also fails on a variable the recipe never defines) and the environment of
its workflow, job and step. Lines starting with `pip install` are skipped: akool is already
installed in this virtualenv, whose bin/ comes first on PATH. `actions/checkout` writes the recipe
files; `actions/upload-artifact`'s paths must exist; other actions are skipped. The expressions
`${{ secrets.AKOOL_API_KEY }}` (the sandbox's key) and `${{ runner.temp }}` (a temporary folder)
are known; any other fails the test. Around every recipe, AKOOL_BASE_URL and AKOOL_API_KEY point
at the sandbox and AKOOL_HOME at a temporary folder, as `api_env` does for in-process tests.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import ROOT, Isolation
from tests.support.runner import process_env

CI_DOC = ROOT / "docs" / "ci.md"
RECIPE = re.compile(r"^<!-- recipe: expects (.+?) -->\n```(yaml|sh)\n(.*?)^```$", re.M | re.S)
FILE = re.compile(r"^<!-- recipe-file: (\S+) -->\n```\w*\n(.*?)^```$", re.M | re.S)
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


@dataclass(frozen=True)
class Recipe:
    name: str
    kind: str  # "yaml" (a workflow) or "sh"
    text: str
    expects: tuple[str, ...]


def recipes() -> list[Recipe]:
    text = CI_DOC.read_text(encoding="utf-8")
    return [
        Recipe(body.splitlines()[0].lstrip("# ").strip(), kind, body, tuple(expects.split()))
        for expects, kind, body in RECIPE.findall(text)
    ]


def recipe_files() -> dict[str, str]:
    return dict(FILE.findall(CI_DOC.read_text(encoding="utf-8")))


def test_every_shell_and_workflow_block_of_the_ci_page_is_a_recipe() -> None:
    text = CI_DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"^```(?:yaml|sh)$", text, flags=re.M)
    assert len(recipes()) == len(blocks) >= 4, "mark each block with <!-- recipe: expects ... -->"


def _bash(script: str, cwd: Path, env: dict[str, str]) -> None:
    kept = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("pip "))
    process = subprocess.Popen(
        ["bash", "-eu", "-o", "pipefail", "-c", kept],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so that a hung recipe's background processes end with it
    )
    try:
        stdout, stderr = process.communicate(timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 0, f"{script}\n--- stdout\n{stdout}\n--- stderr\n{stderr}"


def _expand(value: Any, known: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        assert match.group(1) in known, f"the test does not know ${{{{ {match.group(1)} }}}}"
        return known[match.group(1)]

    return EXPRESSION.sub(one, str(value))


def _run_workflow(text: str, cwd: Path, env: dict[str, str], known: dict[str, str]) -> None:
    workflow = yaml.safe_load(text)
    top = {k: _expand(v, known) for k, v in (workflow.get("env") or {}).items()}
    for job in workflow["jobs"].values():
        job_env = {**top, **{k: _expand(v, known) for k, v in (job.get("env") or {}).items()}}
        for step in job["steps"]:
            uses = str(step.get("uses", ""))
            if uses.startswith("actions/checkout@"):
                for name, content in recipe_files().items():
                    (cwd / name).write_text(content, encoding="utf-8")
            elif uses.startswith("actions/upload-artifact@"):
                for path in str(step["with"]["path"]).split():
                    assert (cwd / path).exists(), f"the artifact {path} was not made"
            elif "run" in step:
                extra = {k: _expand(v, known) for k, v in (step.get("env") or {}).items()}
                _bash(_expand(step["run"], known), cwd, {**env, **job_env, **extra})


@pytest.mark.parametrize("recipe", recipes(), ids=lambda r: r.name)
def test_the_recipe_runs_as_written(recipe: Recipe, sandbox: Sandbox, isolated: Isolation) -> None:
    sandbox.state.config.processing_seconds = 0  # done at once: the recipes run as real processes
    folder = isolated.tmp / "empty"
    folder.mkdir()
    env = process_env(isolated.home, sandbox.base_url)
    env["PATH"] = f"{Path(sys.executable).parent}:{env.get('PATH', '')}"
    known = {"secrets.AKOOL_API_KEY": SANDBOX_API_KEY, "runner.temp": str(isolated.tmp / "runner")}
    if recipe.kind == "yaml":
        _run_workflow(recipe.text, folder, env, known)
    else:
        _bash(recipe.text, folder, env)
    for pattern in recipe.expects:
        found = [p for p in folder.glob(pattern) if not p.is_file() or p.stat().st_size > 0]
        assert found, f"{recipe.name} did not make {pattern}"


def _creates_for_real(step: dict[str, Any]) -> bool:
    run = str(step.get("run", ""))
    keyed = "secrets.AKOOL_API_KEY" in str(step.get("env", ""))
    return keyed and re.search(r"\bakool (talk|batch)\b", run) is not None


@pytest.mark.parametrize("recipe", [r for r in recipes() if r.kind == "yaml"], ids=lambda r: r.name)
def test_a_workflow_that_creates_keeps_its_history_between_attempts(recipe: Recipe) -> None:
    """break17d L8: "Re-run failed jobs" after exit 5 on a fresh runner billed again, since the
    history (the only record of a create in doubt) was not kept: each workflow that creates on
    AKOOL restores AKOOL_HOME before and saves it after, on failure too."""
    workflow = yaml.safe_load(recipe.text)
    for job in workflow["jobs"].values():
        steps = job["steps"]
        for index, step in enumerate(steps):
            if not _creates_for_real(step):
                continue
            home = {**(job.get("env") or {}), **(step.get("env") or {})}.get("AKOOL_HOME")
            assert home, f"{recipe.name}: the create step keeps no AKOOL_HOME"
            before = [
                s
                for s in steps[:index]
                if str(s.get("uses", "")).startswith("actions/cache/restore@")
            ]
            after = [
                s
                for s in steps[index + 1 :]
                if str(s.get("uses", "")).startswith("actions/cache/save@")
            ]
            assert [s["with"]["path"] for s in before] == [home], recipe.name
            assert [(s["with"]["path"], s.get("if")) for s in after] == [(home, "always()")]


RUN_KEY = "${{ github.run_id }}-${{ github.run_attempt }}"


def test_a_rerun_restores_its_own_runs_history_first() -> None:
    """break17h H7: actions/cache restores, for a restore-keys prefix, the most recently saved
    cache: with the one prefix `akool-history-`, "Re-run failed jobs" after another run saved
    restored that run's history (without this run's job) and billed the video again. Each
    workflow saves under its own prefix and the run's id, restores this run's attempts first
    (`PREFIX<run_id>-`), then its own workflow's newest, and runs one at a time."""
    prefixes = []
    for recipe in [r for r in recipes() if r.kind == "yaml"]:
        workflow = yaml.safe_load(recipe.text)
        steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
        caches = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache/")]
        if not caches:
            continue
        restore, save = caches
        key = save["with"]["key"]
        assert key.endswith(RUN_KEY) and restore["with"]["key"] == key, recipe.name
        prefix = key.removesuffix(RUN_KEY)
        assert restore["with"]["restore-keys"].splitlines() == [
            prefix + "${{ github.run_id }}-",
            prefix,
        ], recipe.name
        group = workflow.get("concurrency", {})
        assert group.get("group") and group.get("cancel-in-progress") is False, recipe.name
        prefixes.append(prefix)
    assert len(prefixes) == 3
    # No workflow's prefix matches another's caches (akool-history- would match them all).
    assert not [(a, b) for a in prefixes for b in prefixes if a != b and b.startswith(a)]


def test_the_sarif_upload_runs_only_after_an_audit_that_ran() -> None:
    """break21r: with `if: always()`, a usage error (exit 2), a stop or a timeout still uploaded a
    log with no results, and code scanning closes every open alert an analysis does not repeat.
    The upload step of the audit recipe runs only when the audit step succeeded (exit 0, or 8 let
    through), which is a step with no `if:` of its own."""
    (audit,) = [r for r in recipes() if r.kind == "yaml" and "upload-sarif" in r.text]
    steps = yaml.safe_load(audit.text)["jobs"]["audit"]["steps"]
    uploads = [
        s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")
    ]
    assert [s.get("if") for s in uploads] == [None]
    (run,) = [s["run"] for s in steps if "akool audit" in str(s.get("run", ""))]
    assert "|| test $? -eq 8" in run
