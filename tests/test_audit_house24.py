"""`akool audit`'s house (issue 24, house24): strings a script only shows as text (a printed
usage example, a README written out, a help text) are no calls, in every language that writes
them; the same strings run or sent stay calls."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

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
    "unused.py": f'EXAMPLE_COMMAND = """\n{CURL}\n"""\n',
}


@pytest.mark.parametrize("name", sorted(RUN))
def test_a_shown_string_that_is_also_run_or_sent_is_still_a_call(name: str) -> None:
    findings = audit_text(RUN[name], name)
    assert [f.rule for f in findings] == ["unknown-endpoint"], [f.render() for f in findings]
