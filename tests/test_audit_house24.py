"""`akool audit`'s house (issue 24, house24): strings a script only shows as text (a printed
usage example, a README written out, a help text) are no calls, in every language that writes
them; the same strings run or sent stay calls. A run that does not audit puts its failure
document in --output's FILE, never leaving an earlier run's report there."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from akool_cli.audit.scan import audit_text
from tests.conftest import ROOT
from tests.support.runner import invoke
from tests.test_audit_sarif import validate

API = "https://openapi.akool.com/api/open/v3"
WRONG = f"{API}/faceswap/doit"  # (no such path: judged as an unknown endpoint when read)
CURL = f'curl -X POST {WRONG} -d \'{{"img": "x"}}\''
ESCAPED = CURL.replace('"', '\\"')  # (inside a shell's double quotes)
EXAMPLE = f'requests.post("{API}/content/video/createbytalkingphoto", json={{"photo": "p"}})'

# -- 1. strings only shown as text (heldout21l's printed examples) -------------------------------

SHOWN = {
    "print.py": f'import requests\nprint("""\nExample:\n    {EXAMPLE}\n""")\n',
    "bound_print.py": f'import requests\nUSAGE = """\nExample:\n  {EXAMPLE}\n"""\n\n'
    "def main():\n    print(USAGE)\n",
    "fence.py": f'def show_help():\n    print("""\nHow:\n\n```bash\n{CURL}\n```\n""")\n',
    "epilog.py": f'import argparse\nEPILOG = """\nexample:\n  {CURL}\n"""\n'
    'parser = argparse.ArgumentParser(description="tool", epilog=EPILOG)\n',
    "dedent.py": f'import textwrap\ndef usage():\n    return textwrap.dedent("""\n        {CURL}\n'
    '    """)\nprint(usage())\n',
    "readme.py": f'from pathlib import Path\nREADME = """# Tool\n```python\n{EXAMPLE}\n```\n"""\n'
    'Path("README.md").write_text(README)\n',
    "format.py": f'HELP = """\n  {CURL} --name {{name}}\n"""\nprint(HELP.format(name="x"))\n',
    "exit.py": f'import sys\nif len(sys.argv) < 2:\n    sys.exit("""usage:\n  {CURL}\n""")\n',
    "streamlit.py": f'import streamlit as st\nst.markdown("""\n```python\n{EXAMPLE}\n```\n""")\n',
    "console.js": f"console.log(`\nUsage:\n  {CURL}\n`);\n",
    "readme.js": f'const fs = require("fs");\nconst README = `\n# Usage\n\n{CURL}\n`;\n'
    'fs.writeFileSync("README.md", README);\n',
    "usage.js": f"function usage() {{\n  return `Usage: node x.js\\n  e.g. {CURL}`;\n}}\n"
    "console.error(usage());\n",
    "help.ts": f"const HELP = `\n  {CURL}\n`;\nexport function showHelp(): void {{\n"
    "  process.stdout.write(HELP);\n}\n",
    "usage.go": f'package main\n\nimport "fmt"\n\nconst usage = `\n  {CURL}\n`\n\n'
    "func main() {\n\tfmt.Println(usage)\n}\n",
    "usage.sh": f"#!/bin/sh\nusage() {{\n  cat <<EOF\nUsage: $0\n  {CURL}\nEOF\n}}\nusage\n",
    "var.sh": f'#!/bin/sh\nUSAGE="\n  {ESCAPED}\n"\necho "$USAGE" >&2\n',
    "puts.rb": f"puts <<~TEXT\n  {CURL}\nTEXT\n",
    "echo.php": f"<?php\necho <<<EOT\n  {CURL}\nEOT;\n",
    "bound.php": f"<?php\n$usage = <<<EOT\n  {CURL}\nEOT;\necho $usage;\n",
    "help.kt": f'fun main() {{\n    println("""\n        {CURL}\n    """.trimIndent())\n}}\n',
    "pieces.py": f'def usage():\n    print(\n        "usage: tool IMAGE\\n"\n        "  e.g. {ESCAPED}\\n"\n    )\n',
    "pieces.js": f'console.log(\n  "usage: node tool.js IMAGE\\n" +\n    "  e.g. {ESCAPED}"\n);\n',
    "Usage.cs": f'class P {{\n  static void Main() {{\n    Console.WriteLine(@"usage:\n  {CURL.replace(chr(34), chr(34) * 2)}");\n  }}\n}}\n',
    "help.java": f'class H {{\n  static final String HELP = """\n    {CURL}\n    """;\n'
    "  static void help() { System.out.println(HELP); }\n}\n",
}


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_a_string_only_shown_as_text_is_no_call(name: str) -> None:
    findings = audit_text(SHOWN[name], name)
    assert [f.render() for f in findings] == []


# The same strings run or sent: still calls (and a shown string's finding beside a real call).
RUN = {
    "subprocess.py": f'import subprocess\nCMD = """{CURL}"""\nprint(CMD)\n'
    "subprocess.run(CMD, shell=True)\n",
    "sh_c.sh": f'#!/bin/sh\nsh -c "\n{ESCAPED}\n"\n',
    "bash_heredoc.sh": f"#!/bin/sh\nbash <<EOF\n{CURL}\nEOF\n",
    "piped.sh": f'#!/bin/sh\nCMD="\n{ESCAPED}\n"\necho "$CMD" | sh\n',
    "exec.js": f'const {{ execSync }} = require("child_process");\nconst cmd = `\n{CURL}\n`;\n'
    "console.log(cmd);\nexecSync(cmd);\n",
    "sprintf.go": f'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {{\n'
    f'\treq, _ := http.NewRequest("POST", fmt.Sprintf(`{WRONG}?x=%s`,\n\t\t"y"), nil)\n'
    "\t_ = req\n}\n",
    "page.py": f'HTML = """<html><script>\nfetch("{WRONG}", {{method: "POST"}})\n</script></html>"""\n'
    'open("index.html", "w").write(HTML)\n',
    "run_pieces.py": f'import subprocess\nsubprocess.run(\n    "{ESCAPED}",\n    shell=True,\n)\n',
    "Run.cs": 'class P {\n  static void Main() {\n    var psi = new ProcessStartInfo("sh", @"-c ""\n'
    f'  curl -X POST {WRONG}""");\n    Process.Start(psi);\n  }}\n}}\n',
    "unused.py": f'EXAMPLE_COMMAND = """\n{CURL}\n"""\n',
}


@pytest.mark.parametrize("name", sorted(RUN))
def test_a_shown_string_that_is_also_run_or_sent_is_still_a_call(name: str) -> None:
    findings = audit_text(RUN[name], name)
    assert [f.rule for f in findings] == ["unknown-endpoint"], [f.render() for f in findings]


# -- 2. --output FILE and a run that does not audit (break21f #18) -------------------------------

# (an earlier run's SARIF log, cut short: a SARIF log's keys only, its run with its tool.driver)
STALE = (
    '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "akool audit"}}, '
    '"results": ["STALE from an earlier run"]}]}\n'
)
BAD = f'import requests\nrequests.post("{WRONG}", json={{}})\n'
FAILED_RUNS = {
    "missing path": ["nosuchdir"],
    "unknown option": ["--nosuch", "."],
    "unknown rule": ["--select", "no-such-rule", "."],
    "nothing to audit": ["--include", "*.pyy", "."],
}


@pytest.mark.parametrize("kind", sorted(FAILED_RUNS))
@pytest.mark.parametrize("fmt", [["--format", "sarif"], ["--json"], ["--format", "json"]])
def test_a_run_that_does_not_audit_puts_its_failure_document_in_the_output_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, fmt: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "report.out").write_text(STALE)
    result = invoke(["audit", *fmt, *FAILED_RUNS[kind], "--output", "report.out"], expect=2)
    assert result.stdout == "" and result.stderr.startswith("Error: ")
    document = json.loads((tmp_path / "report.out").read_text())
    if fmt[-1] == "sarif":
        [invocation] = document["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    else:
        assert document["error"]["exit_code"] == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("fmt", [[], ["--diff"]])
def test_a_text_or_diff_run_that_does_not_audit_leaves_no_earlier_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fixes.patch").write_text("--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n")
    result = invoke(["audit", *fmt, "nosuchdir", "--output", "fixes.patch"], expect=2)
    assert not (tmp_path / "fixes.patch").exists()
    assert "fixes.patch: removed" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["report.json", "--output", "report.json"],  # (FILE is a file being audited)
        ["--output=report.json", "report.json"],
        [".", "--output", "a.py"],  # (a script inside the folder being audited)
    ],
)
def test_a_failure_never_writes_over_a_file_being_audited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "report.json").write_text('{"mine": 1}\n')
    result = invoke(["audit", "--format", "sarif", *args], expect=2)
    assert json.loads(result.stdout)["runs"][0]["invocations"][0]["exitCode"] == 2
    assert (tmp_path / "a.py").read_text() == BAD
    assert (tmp_path / "report.json").read_text() == '{"mine": 1}\n'


STALLED = """
import os, sys
from akool_cli.audit import walking
ready = int(os.environ["READY_FD"])

def stalled(path):
    os.write(ready, b"r")  # the audit is reading its first file
    os.read(os.pipe()[0], 1)  # never written: only the stop signal ends this
    raise AssertionError("not stopped")

walking.read = stalled
from akool_cli.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _stopped(tmp_path: Path, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """akool with `args`, stopped by SIGTERM while it reads its first file."""
    ready, ready_w = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-c", STALLED, *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pass_fds=(ready_w,),
        env={**os.environ, "PYTHONPATH": str(ROOT), "READY_FD": str(ready_w)},
    )
    os.close(ready_w)
    try:
        assert os.read(ready, 1) == b"r", "the audit ended before it read a file"
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=120)
    finally:
        os.close(ready)
        if process.poll() is None:
            process.kill()
    return subprocess.CompletedProcess(args, process.returncode, out, err)


def test_a_stopped_run_puts_its_sarif_log_in_the_output_file(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "akool-audit.sarif").write_text(STALE)
    done = _stopped(tmp_path, ["audit", "--format", "sarif", ".", "--output", "akool-audit.sarif"])
    assert done.returncode == 143, done.stderr.decode()
    assert done.stdout == b""
    log = json.loads((tmp_path / "akool-audit.sarif").read_text())
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["exitCode"] == 143 and invocation["executionSuccessful"] is False


# -- relay 1. a wrong host named in a sentence, a message or a pattern (break21g host-in-message) --

SENTENCE = "Use https://openapi.akool.com, not https://api.akool.com"
HOST_TEXTS = {
    "help.py": f'HELP = "{SENTENCE}"\n',
    "raise.py": f'def check(url):\n    if "api.akool.com" in url:\n        raise ValueError("{SENTENCE}")\n',
    "messages.ts": "export const messages = {\n  wrongHost: \"AKOOL's API lives at "
    'https://openapi.akool.com; https://api.akool.com does not answer.",\n};\n',
    "lint.yml": 'rules:\n  - id: akool-host\n    message: "Use https://openapi.akool.com instead '
    'of https://api.akool.com"\n    pattern: "https://api.akool.com"\n',
    "plain.yml": f"rules:\n  - id: akool-host\n    message: {SENTENCE}\n",
    "en.po": f'msgid "akool.wrong_host"\nmsgstr "{SENTENCE}"\n',
    "i18n.json": f'{{\n  "errors": {{\n    "akool_host": "{SENTENCE}"\n  }}\n}}\n',
    "errors.go": f'package x\n\nimport "errors"\n\nvar ErrHost = errors.New("{SENTENCE}")\n',
    "Check.java": f'class Check {{\n  void c() {{ throw new IllegalArgumentException("{SENTENCE}"); }}\n}}\n',
    "check.rb": f'raise ArgumentError, "{SENTENCE}" if url.include?("api.akool.com")\n',
    "banner.py": f'print("""\nNote:\n  {SENTENCE}\n""")\n',
}


@pytest.mark.parametrize("name", sorted(HOST_TEXTS))
def test_a_wrong_host_named_in_text_is_no_call_and_never_patched(name: str) -> None:
    findings = audit_text(HOST_TEXTS[name], name)
    assert [f.render() for f in findings] == []


HOST_CALLS = {
    "get.py": 'import requests\nrequests.get("https://api.akool.com/api/open/v3/content/video/'
    'infobymodelid", params={"video_model_id": "x"})\n',
    "base.py": 'import requests\nBASE = "https://api.akool.com"\nrequests.get(BASE + '
    '"/api/open/v3/content/video/infobymodelid", params={"video_model_id": "x"})\n',
    "system.py": 'import os\nos.system("curl https://api.akool.com/api/open/v3/content/video/'
    'infobymodelid?video_model_id=x")\n',
    "call.sh": "curl https://api.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=x\n",
}


@pytest.mark.parametrize("name", sorted(HOST_CALLS))
def test_a_wrong_host_a_call_uses_is_still_reported(name: str) -> None:
    findings = audit_text(HOST_CALLS[name], name)
    assert "wrong-host" in [f.rule for f in findings], [f.render() for f in findings]


# -- relay 2. URLs held as keys, never requested (break21g url-keys-not-sent) ---------------------

BASE_PY = 'import requests\nBASE = "https://openapi.akool.com/api/open/v3"\n'
GOOD_PY = (
    '    r = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid})\n'
)
KEYS = {
    "dict.py": BASE_PY + "_cache = {}\n\ndef info(vid):\n"
    '    ck = f"{BASE}/content/video/status/{vid}"\n    if ck in _cache:\n'
    "        return _cache[ck]\n" + GOOD_PY + "    _cache[ck] = r.json()\n    return _cache[ck]\n",
    "map.js": 'const BASE = "https://openapi.akool.com/api/open/v3";\nconst cache = new Map();\n'
    "export async function info(id) {\n  const cacheKey = `${BASE}/content/video/status/${id}`;\n"
    "  if (cache.has(cacheKey)) return cache.get(cacheKey);\n"
    "  const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);\n"
    "  cache.set(cacheKey, await r.json());\n  return cache.get(cacheKey);\n}\n",
    "hash.py": BASE_PY + "import hashlib\n\ndef etag_key(vid):\n"
    '    return hashlib.sha1(f"{BASE}/video/{vid}".encode()).hexdigest()\n',
    "lock.py": BASE_PY + "\ndef info(vid, redis):\n"
    '    lock = f"{BASE}/content/video/lock/{vid}"\n    if not redis.set(lock, 1, nx=True):\n'
    "        return None\n" + GOOD_PY + "    redis.delete(lock)\n",
    "seen.ts": 'const BASE = "https://openapi.akool.com/api/open/v3";\nconst seen = new Set<string>();\n'
    "export function mark(id: string): boolean {\n  const k = `${BASE}/video/done/${id}`;\n"
    "  if (seen.has(k)) return false;\n  seen.add(k);\n  return true;\n}\n",
    "Memo.java": 'class Memo {\n  static final String BASE = "https://openapi.akool.com/api/open/v3";\n'
    "  java.util.Map<String, String> cache = new java.util.HashMap<>();\n"
    "  String get(String id) {\n"
    '    final String k = "https://openapi.akool.com/api/open/v3/video/memo/";\n'
    "    if (cache.containsKey(k)) return cache.get(k);\n    cache.put(k, id);\n    return id;\n  }\n}\n",
    "cache.php": '<?php\n$key = "https://openapi.akool.com/api/open/v3/video/cached/1";\n'
    "if (isset($cache[$key])) { return $cache[$key]; }\n",
}


@pytest.mark.parametrize("name", sorted(KEYS))
def test_a_url_held_only_as_a_key_is_no_call(name: str) -> None:
    findings = audit_text(KEYS[name], name)
    assert [f.render() for f in findings] == []


SENT_KEYS = {
    "sent.py": BASE_PY + "_cache = {}\n\ndef info(vid):\n"
    '    url = f"{BASE}/content/video/status/{vid}"\n    if url in _cache:\n'
    "        return _cache[url]\n    return requests.get(url).json()\n",
    "either.js": 'const BASE = "https://openapi.akool.com/api/open/v3";\nconst cache = new Map();\n'
    "export async function info(id) {\n  const url = `${BASE}/content/video/status/${id}`;\n"
    "  return cache.get(url) ?? (await fetch(url)).json();\n}\n",
    "session.py": BASE_PY + "s = requests.Session()\n\ndef info(vid):\n"
    '    url = f"{BASE}/content/video/status/{vid}"\n    return s.get(url).json()\n',
}


@pytest.mark.parametrize("name", sorted(SENT_KEYS))
def test_a_url_that_is_a_key_and_requested_is_still_judged(name: str) -> None:
    findings = audit_text(SENT_KEYS[name], name)
    assert [f.rule for f in findings] == ["undocumented-path"], [f.render() for f in findings]


# -- relay 5. an --output folder that refuses new files (break21g output-folder-unwritable) -------


def test_an_output_folder_that_refuses_the_file_says_cannot_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from akool_cli.cli import audit_reports

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(BAD)

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(audit_reports, "tempfile", SimpleNamespace(mkstemp=refused))
    result = invoke(["audit", "--json", "a.py", "--output", "report.json"], expect=1)
    assert result.stderr.startswith("Error: cannot write report.json: Permission denied")
    assert "unexpected" not in result.stderr
    assert json.loads(result.stdout)["error"]["exit_code"] == 1


# -- 4. small usage items (break21f) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "said"),
    [
        ("--select=", "--select '' names no rule"),
        ("--select=,", "--select ',' names no rule"),
        ("--ignore=", "--ignore '' names no rule"),
        ("--include=", "--include '' names no glob"),
        ("--exclude=", "--exclude '' names no glob"),
    ],
)
def test_an_option_value_that_names_nothing_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(BAD)
    result = invoke(["audit", option, "a.py"], expect=2)
    assert result.stderr.startswith(f"Error: {said}")


def test_a_file_that_could_not_be_read_shows_its_traceback_with_akool_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from akool_cli.audit import scan

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(BAD)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a rule's own bug")

    monkeypatch.setattr(scan._Run, "reading", broken)
    monkeypatch.setenv("AKOOL_DEBUG", "1")
    result = invoke(["audit", "a.py"], expect=8)
    assert "a.py: not scanned (could not be read: RuntimeError)" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: a rule's own bug" in result.stderr


# -- 5. the suffixes a report may not take, from the audit's own tables; pytest's corpus ----------


def test_every_suffix_the_audit_reads_is_a_script_or_a_report_suffix() -> None:
    """read_suffixes' own list of tables (READ_TABLES) holds every suffix table of the audit: a
    module-level name with SUFFIX in it that holds suffixes is listed there, or named below as
    one of another kind (house25: this test repeated read_suffixes' nine imports)."""
    import importlib
    import pkgutil

    import akool_cli.audit
    from akool_cli.audit import walking
    from akool_cli.cli import audit_reports

    other_kinds = {  # (suffixes of what the audit does not read as a script or a format)
        ("foreignmodels", "BRACED_SUFFIXES"),
        ("foreignmodels", "PACKAGE_SUFFIXES"),
        ("scan", "PACKAGE_SUFFIXES"),
        ("scan", "EMBEDDING_SUFFIXES"),  # (the union of the embedded readers' own tables: integ16)
        ("walking", "PART_SUFFIX"),
        ("walking", "SCRIPT_SUFFIXES"),  # (scripts an interpreter runs whatever a NUL: breakit34)
    }
    listed = set(audit_reports.READ_TABLES)
    # (the embedded readers' tables are walking's, and their union is listed: house29)
    embedding = audit_reports.suffixes_in(walking.EMBEDDING_SUFFIXES)
    for info in pkgutil.iter_modules(akool_cli.audit.__path__):
        module = importlib.import_module(f"akool_cli.audit.{info.name}")
        for name, value in vars(module).items():
            if "SUFFIX" in name and name.isupper() and audit_reports.suffixes_in(value):
                if audit_reports.suffixes_in(value) <= embedding:
                    continue
                assert (info.name, name) in listed | other_kinds, (info.name, name)
    scripts = audit_reports.script_suffixes()
    assert audit_reports.read_suffixes() <= scripts | audit_reports.REPORT_SUFFIXES
    assert {".py", ".ts", ".go", ".sh", ".md", ".ipynb", ".http", ".bru", ".yml"} <= scripts
    assert {".sh", ".cs", ".kt", ".rst", ".bat", ".rest", ".ps1"} <= scripts
    assert not scripts & {".json", ".sarif", ".txt", ".patch"}


SCRIPT = "#!/bin/sh\ncurl -s https://api.akool.com/api/open/v3/content/video/infobymodelid\n"


@pytest.mark.parametrize(
    "name", ["deploy", "Makefile", "Dockerfile", ".envrc", "run.sh.in", "a.gs"]
)
def test_an_output_naming_an_audited_script_without_a_script_suffix_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / name).write_text(SCRIPT)
    result = invoke(["audit", "s", "--output", f"s/{name}"], expect=2)
    assert "it is a script inside s, which is being audited" in result.stderr
    assert (tmp_path / "s" / name).read_text() == SCRIPT


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--format", "sarif"], ["--diff"]])
def test_a_report_of_an_earlier_run_inside_the_folder_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "t.py").write_text(BAD)
    for _ in range(2):
        invoke(["audit", *fmt, "s", "--output", "s/report.out"], expect=8)
    invoke(
        ["audit", "--json", "nosuch", "--output", "s/report.out"], expect=2
    )  # (an error document)
    invoke(["audit", "--json", "s", "--output", "s/report.out"], expect=8)
    assert json.loads((tmp_path / "s" / "report.out").read_text())[0]["file"] == "s/t.py"


def test_pytest_leaves_the_audit_corpus_to_the_corpus_test(pytestconfig: pytest.Config) -> None:
    from _pytest.pathlib import fnmatch_ex

    from akool_cli.audit.scan import audit

    patterns = pytestconfig.getini("norecursedirs")
    for folder in ("audit_corpus", "audit_heldout", "audit_heldout4"):
        assert any(fnmatch_ex(p, ROOT / "tests" / folder) for p in patterns), folder
    hooks = ROOT / "tests" / "audit_corpus" / "hooks23"
    result = audit([hooks], exclude=["expected.json"])
    files = [p for p in hooks.iterdir() if p.is_file() and p.name != "expected.json"]
    assert (hooks / "test_path_migrate.py").is_file()
    assert result.files_scanned == len(files) and not result.skipped


# -- 3. and relay 4: git refuses the tree, or would wait on a FIFO (break21f #9, break21g) ---------


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


IGNORES = {
    ".gitignore": "dist/\n.next/\n*.log\n!keep.log\n/build\ndocs/**/gen/\n**/cache\n"
    "\\#hash\n*.py[co]\nsub/only_here.txt\n",
    "sub/.gitignore": "local/\n!important.log\n/anchored.py\n",
    ".git/info/exclude": "secret*\n",
}
TREE = [
    "scripts/t.py", "dist/bundle.py", ".next/server.py", "a.log", "keep.log", "build/x.py",
    "sub/build/y.py", "docs/a/b/gen/z.py", "docs/gen/w.py", "x/cache", "cache/c.py", "#hash",
    "m.pyc", "sub/only_here.txt", "sub/local/l.py", "sub/important.log", "sub/anchored.py",
    "sub/deep/anchored.py", "secret.py", "sub/secret2.py", "ok/fine.py",
]  # fmt: skip


def _tree(top: Path) -> None:
    _git(top, "init", "-q")
    for name in TREE:
        (top / name).parent.mkdir(parents=True, exist_ok=True)
        (top / name).write_text("x\n")
    for name, text in IGNORES.items():
        (top / name).write_text(text)


@pytest.mark.parametrize("folder", [".", "sub", "docs"])
def test_the_audits_own_reading_of_ignore_files_lists_what_git_lists(
    tmp_path: Path, folder: str
) -> None:
    from akool_cli.audit import gitignores

    _tree(tmp_path)
    listed = _git(tmp_path / folder, "ls-files", "--others", "--ignored", "--exclude-standard",
                  "--directory", "-z")  # fmt: skip
    want = frozenset(e for e in listed.split("\0") if e and e != "./")
    assert gitignores.ignored(tmp_path / folder, tmp_path) == want


BUILT = 'import requests\nrequests.post("https://api.akool.com/api/open/v3/content/video/createbytalkingphoto")\n'


def test_a_tree_git_refuses_still_leaves_out_what_gitignore_does_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from akool_cli.audit import scan
    from akool_cli.audit.sarif import log

    _tree(tmp_path)
    for name in ("scripts/t.py", "dist/bundle.py", ".next/server.py"):
        (tmp_path / name).write_text(BUILT)
    real = subprocess.run

    def refusing(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        if args[:1] == ["git"]:
            stderr = b"fatal: detected dubious ownership in repository at '/x'\n"
            return subprocess.CompletedProcess(args, 128, b"", stderr)
        return real(args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(subprocess, "run", refusing)
    result = scan.audit([tmp_path])
    assert {Path(f.file).relative_to(tmp_path).as_posix() for f in result.findings} == {
        "scripts/t.py"
    }
    [note] = result.notes
    assert "git refuses the work tree" in note and "safe.directory" in note
    assert [e["message"] for e in result.skipped_json() if e["rule"] == "audit-note"] == [note]
    sarif = log(result)
    validate(sarif)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert {"level": "warning", "message": {"text": note}} in notes


@pytest.mark.parametrize("where", [".gitignore", "sub/.gitignore", ".git/info/exclude", "excludes"])
def test_a_fifo_where_git_reads_ignore_rules_does_not_hang_the_audit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    from akool_cli.audit import scan

    top = tmp_path / "r"
    top.mkdir()
    _tree(top)
    (top / "dist" / "bundle.py").write_text(BUILT)
    fifo = tmp_path / "fifo" if where == "excludes" else top / where
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    if where == "excludes":
        _git(top, "config", "core.excludesFile", str(fifo))
    asked = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: asked.append(a))
    result = scan.audit([top])
    assert asked == []  # (git, which would wait on the FIFO forever, is not asked)
    assert str(fifo) in result.notes[0] and "not a regular file" in result.notes[0]
    if where != ".gitignore":  # (the other ignore files still leave dist/ out)
        assert not [f for f in result.findings if "dist" in f.file]


def test_a_clean_runs_report_inside_the_folder_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--json on a tree with no finding writes `[]`: the next run replaces it, as any report."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "t.py").write_text("print('no AKOOL here')\n")
    for fmt in (["--format", "sarif"], ["--diff"], [], ["--json"], ["--json"]):
        invoke(["audit", *fmt, "s", "--output", "s/audit.json"], expect=0)
    assert json.loads((tmp_path / "s" / "audit.json").read_text()) == []
