"""Issue 21, fixO21: paths a script holds as data are no calls (a break-it run's H15): the old
paths that key a migration table, a proxy's comparisons and switch cases, its own routes, the
text `replace` looks for, messages it prints, logs or raises, and SQL. `--diff` never patches them,
while a path used as a call's URL in the same file is still found. The corpus scripts of these
shapes are in tests/audit_corpus/data21/."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit_text
from tests.test_audit_patches import run_diff

OLD = "/api/open/v3/photo/talking"
NEW = "/api/open/v3/content/video/createbytalkingphoto"
STATUS = "/api/open/v3/content/video/status"


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


TABLES = {
    "t.py": f'MIGRATIONS = {{\n    "{OLD}": "{NEW}",\n}}\nPAIRS = [\n    ("{OLD}", "{NEW}"),\n]\n'
    f'MIGRATIONS["{STATUS}"] = "/api/open/v3/content/video/infobymodelid"\n',
    "t.js": f'const M = {{\n  "{OLD}": "{NEW}",\n  \'{STATUS}\': "{NEW}",\n}};\n'
    f'const R = new Map([\n  ["{OLD}", "{NEW}"],\n]);\nR.set("{STATUS}", "{NEW}");\n',
    "t.php": f"<?php\n$m = [\n    '{OLD}' => '{NEW}',\n];\n$m['{STATUS}'] = '{NEW}';\n",
    "t.go": f'package main\n\nvar m = map[string]string{{\n\t"{OLD}": "{NEW}",\n}}\n',
    "T.kt": f'val M = mapOf(\n    "{OLD}" to "{NEW}",\n)\nval N = java.util.Map.of("{OLD}", "{NEW}")\n',
    "T.cs": f'var m = new Dictionary<string, string> {{\n    {{ "{OLD}", "{NEW}" }},\n'
    f'    ["{STATUS}"] = "{NEW}",\n}};\n',
    "t.rb": f'MIGRATIONS = {{\n  "{OLD}" => "{NEW}",\n}}\n',
}


@pytest.mark.parametrize("name", list(TABLES))
def test_the_old_paths_that_key_a_migration_table_are_no_calls(name: str) -> None:
    text = 'BASE = "https://openapi.akool.com"\n' + TABLES[name]
    assert places(audit_text(text, name)) == []


def test_the_values_of_a_path_table_are_still_judged() -> None:
    text = (
        'BASE = "https://openapi.akool.com"\n'
        f'MIGRATIONS = {{"{OLD}": "/api/open/v3/voice/lists"}}\n'
        'ENDPOINTS = {"talk": "/api/open/v3/photo/talking"}\n'
    )
    assert places(audit_text(text, "t.py")) == [(2, "unknown-endpoint"), (3, "undocumented-path")]


COMPARED = {
    "c.py": f'def f(path):\n    if path == "{OLD}":\n        pass\n'
    f'    if path.startswith("{STATUS}") or path in ("{OLD}", "{STATUS}"):\n        pass\n'
    f'    if "{OLD}" in path:\n        pass\n    match path:\n        case "{OLD}":\n            pass\n'
    f'    path = path.replace("{OLD}", "{NEW}")\n',
    "c.js": f'function f(p) {{\n  if (p === "{OLD}" || "{STATUS}" !== p) return;\n'
    f'  if (["{OLD}", "{STATUS}"].includes(p) || p.endsWith("{OLD}")) return;\n'
    f'  switch (p) {{\n    case "{OLD}":\n      return;\n  }}\n}}\n',
    "c.go": f'package main\n\nfunc f(p string) {{\n\tswitch p {{\n\tcase "{OLD}", "{STATUS}":\n\t}}\n'
    f'\tif p == "{OLD}" || strings.HasPrefix(p, "{STATUS}") {{\n\t}}\n'
    f'\tp = strings.Replace(p, "{OLD}", "{NEW}", 1)\n}}\n',
    "C.java": f'class C {{\n  boolean f(String p) {{\n    return p.equals("{OLD}") || '
    f'p.startsWith("{STATUS}");\n  }}\n}}\n',
    "C.kt": f'fun f(p: String) = when (p) {{\n    "{OLD}" -> 1\n    "{STATUS}", "/api/open/v2/x" -> 2\n'
    "    else -> 3\n}\n",
    "c.php": f"<?php\nif ($p === '{OLD}' || str_starts_with($p, '{STATUS}')) {{}}\n"
    f"switch ($p) {{\n    case '{OLD}':\n        break;\n}}\n",
    "c.sh": f'case "$p" in\n  {OLD})\n    ;;\n  "{STATUS}"|"/api/open/v2/x")\n    ;;\nesac\n'
    f'if [ "$p" = "{OLD}" ]; then :; fi\nif [[ "$p" == "{STATUS}" ]]; then :; fi\n',
    "c.rs": f'fn f(p: &str) -> u8 {{\n    match p {{\n        "{OLD}" => 1,\n        _ => 2,\n    }}\n}}\n',
}


@pytest.mark.parametrize("name", list(COMPARED))
def test_a_path_a_proxy_compares_matches_or_switches_on_is_no_call(name: str) -> None:
    text = COMPARED[name] + "\n// https://openapi.akool.com\n# https://openapi.akool.com\n"
    assert places(audit_text(text, name)) == []


MESSAGES = {
    "m.py": f'import logging, sqlite3\nlog = logging.getLogger()\nlog.info("moved {OLD}")\n'
    f'print(f"legacy client on {OLD}")\nraise ValueError("{STATUS} is gone")\n'
    f"db.execute(\"INSERT INTO routes(path) VALUES ('{OLD}')\")\n"
    f'NOTE = "we no longer call {OLD} here"\n',
    "m.js": f'console.log(`legacy client on {OLD}`);\nthrow new Error("gone: {STATUS}");\n'
    f"db.query(\"SELECT * FROM hits WHERE path = '{OLD}'\");\n",
    "m.go": f'package main\n\nfunc f() {{\n\tlog.Printf("legacy client on {OLD}")\n'
    f'\tfmt.Println("{STATUS} moved")\n\treturn errors.New("gone: {STATUS}")\n}}\n',
    "m.sh": f'echo "legacy client on {OLD}" >&2\n'
    f"sqlite3 hits.db \"INSERT INTO hits(path) VALUES ('{OLD}')\"\n",
    "m.php": f'<?php\nerror_log("legacy client on {OLD}");\necho "forwarding {OLD}\\n";\n'
    f'throw new InvalidArgumentException("gone: {STATUS}");\n',
    "m.sql": f"INSERT INTO routes(path, target) VALUES ('{OLD}', '{NEW}');\n",
}


@pytest.mark.parametrize("name", list(MESSAGES))
def test_a_path_in_a_message_or_sql_is_no_call(name: str) -> None:
    text = MESSAGES[name] + "\n# https://openapi.akool.com\n"
    assert places(audit_text(text, name)) == []


def test_the_calls_beside_the_data_are_still_found() -> None:
    text = (
        'import requests\nBASE = "https://openapi.akool.com"\n'
        f'MIGRATIONS = {{"{OLD}": "{NEW}"}}\n'
        f'def go(p, key):\n    if p == "{OLD}":\n        print("legacy {OLD}")\n'
        f'    requests.post(BASE + "{OLD}", json={{}})\n'
        f'    requests.get(f"{{BASE}}{STATUS}/{{p}}")\n'
        '    print(requests.get(BASE + "/api/open/v3/voice/lists").json())\n'
        f'    requests.post(BASE + "{OLD}" if p else BASE + "{NEW}")\n'
    )
    assert [line for line, _ in places(audit_text(text, "g.py"))] == [7, 8, 9, 10]


def test_a_ternary_picks_paths_it_calls_not_keys() -> None:
    text = f'const BASE = "https://openapi.akool.com";\nfetch(BASE + (old ? "{OLD}" : "{NEW}"));\n'
    assert places(audit_text(text, "t.js")) == [(2, "undocumented-path")]


def test_diff_leaves_a_migration_table_and_a_proxy_alone(tmp_path: Path) -> None:
    """Before: `--diff` rewrote the table's keys (OLD -> NEW, a table mapping NEW to NEW), the
    comparisons and the log message. Now only the real call is patched."""
    script = (
        'import requests\nBASE = "https://openapi.akool.com"\n'
        f'MIGRATIONS = {{\n    "{OLD}": "{NEW}",\n}}\n'
        f'def go(p, key):\n    if p == "{OLD}":\n        print("legacy client on {OLD}")\n'
        f"    requests.post(BASE + MIGRATIONS.get(p, p), json={{}})\n"
        f'    requests.post(BASE + "{OLD}", json={{"talking_photo_url": key}})\n'
    )
    js = (
        'const BASE = "https://openapi.akool.com";\n'
        f'const M = new Map([\n  ["{OLD}", "{NEW}"],\n]);\n'
        f'const T = {{ "{OLD}": "{NEW}" }};\n'
        f'export const go = (p) => fetch(BASE + (p === "{OLD}" ? M.get(p) : p));\n'
    )
    (tmp_path / "proxy.py").write_text(script, encoding="utf-8")
    (tmp_path / "proxy.js").write_text(js, encoding="utf-8")
    done = run_diff(tmp_path)
    patch = done.stdout.decode()
    removed = [line for line in patch.splitlines() if line.startswith("-") and "---" not in line]
    assert removed == [f'-    requests.post(BASE + "{OLD}", json={{"talking_photo_url": key}})'], (
        patch
    )


ROUTES = {
    "r.go": f'package main\n\nfunc main() {{\n\tr := chi.NewRouter()\n\tr.Post("{OLD}", legacy)\n}}\n\n'
    "func legacy(w http.ResponseWriter, r *http.Request) {}\n",
    "R.kt": f'fun Application.module() {{\n    routing {{\n        post("{OLD}") {{\n'
    '            call.respondText("ok")\n        }\n    }\n}\n',
    "r.rb": f"post '{OLD}' do\n  'ok'\nend\n",
    "R.java": f'class R {{\n  void main() {{\n    post("{OLD}", (req, res) -> "ok");\n  }}\n}}\n',
    "r.js": f'fastify.route({{ method: "POST", url: "{OLD}", handler: legacy }});\n'
    f'fastify.route({{\n  method: "GET",\n  url: "{STATUS}",\n  handler: legacy,\n}});\n',
}


@pytest.mark.parametrize("name", list(ROUTES))
def test_the_scripts_own_routes_in_more_frameworks_are_no_calls(name: str) -> None:
    text = ROUTES[name] + "\n// https://openapi.akool.com\n# https://openapi.akool.com\n"
    assert places(audit_text(text, name)) == []


def test_a_path_constant_used_only_as_data_is_no_call() -> None:
    text = (
        "import requests\nfrom flask import Flask\napp = Flask(__name__)\n"
        'BASE = "https://openapi.akool.com"\n'
        f'OLD_TALKING = "{OLD}"\nOLD_STATUS = "{STATUS}"\nCALLED = "{OLD}"\n'
        f'MIGRATIONS = {{OLD_TALKING: "{NEW}"}}\n\n@app.post(OLD_STATUS)\ndef f(path):\n'
        '    if path == OLD_TALKING:\n        print("legacy", OLD_TALKING)\n'
        "    requests.post(BASE + CALLED, json={})\n"
    )
    assert places(audit_text(text, "n.py")) == [(7, "undocumented-path")]
    js = (
        'const BASE = "https://openapi.akool.com";\n'
        f'const OLD = "{OLD}";\n'
        "app.post(OLD, async (req, res) => res.send(req.path === OLD ? 1 : 2));\n"
    )
    assert places(audit_text(js, "n.js")) == []


# -- L4: an ignore marker outside a string that spans lines --------------------------------------

CURL = f"curl -X POST https://openapi.akool.com{OLD}"
MARKED = {
    "above.py": f'import subprocess\n# akool-audit: ignore[undocumented-path]\nCMD = """{CURL} \\\n'
    '  -H "x-api-key: $KEY"\n"""\n',
    "after.py": f'import subprocess\nsubprocess.run("""{CURL} \\\n  -d "{{}}"\n""", shell=True)'
    "  # akool-audit: ignore[undocumented-path]\n",
    "opener.py": f'import subprocess\nsubprocess.run(  # akool-audit: ignore\n    """{CURL} \\\n'
    '  -d "{}"\n""",\n    shell=True,\n)\n',
    "above.js": f"// akool-audit: ignore[undocumented-path]\nconst cmd = `{CURL}\n  -d '{{}}'`;\n",
    "after.ts": f"const cmd = `{CURL}\n  -d '{{}}'`; // akool-audit: ignore[undocumented-path]\n",
    "heredoc.sh": f"cat > req.sh <<EOF  # akool-audit: ignore[undocumented-path]\n{CURL}\nEOF\n",
    "body.sh": "# akool-audit: ignore[bad-value]\ncurl -X POST https://openapi.akool.com"
    f"{NEW} -H 'x-api-key: k' -d '{{\n"
    '  "talking_photo_url": "u", "audio_url": "a",\n  "resolution": "720p"\n}\'\n',
    "closing.sh": f"curl -X POST https://openapi.akool.com{NEW} -H 'x-api-key: k' -d '{{\n"
    '  "talking_photo_url": "u", "audio_url": "a",\n  "resolution": "720p"\n'
    "}'  # akool-audit: ignore[bad-value]\n",
    "Raw.go": f'package main\n\n// akool-audit: ignore[undocumented-path]\nconst cmd = `{CURL}\n  -d "{{}}"`\n',
    "Block.kt": f'// akool-audit: ignore[undocumented-path]\nval cmd = """\n{CURL}\n"""\n',
    "here.php": f"<?php\n$cmd = <<<CMD  // akool-audit: ignore[undocumented-path]\n{CURL}\nCMD;\n",
}


@pytest.mark.parametrize("name", list(MARKED))
def test_a_marker_outside_a_multi_line_string_silences_a_finding_inside_it(name: str) -> None:
    text = MARKED[name]
    assert places(audit_text(text, name)) == []
    unmarked = text.replace("akool-audit: ignore", "note: keep")
    assert places(audit_text(unmarked, name)) != []


def test_a_marker_silences_only_its_rule_and_its_own_string() -> None:
    text = (
        f"# akool-audit: ignore[bad-value]\nCMD = '''{CURL} \\\n  -d x\n'''\n"
        f"OTHER = '''{CURL}\n'''\n"
    )
    assert places(audit_text(text, "a.py")) == [(2, "undocumented-path"), (5, "undocumented-path")]


def test_a_marker_inside_a_string_is_still_data() -> None:
    """A marker written inside the string is part of the command (`"note": "akool-audit:
    ignore"` in a body): it is no comment and silences nothing outside its line."""
    text = f'CMD = """{CURL} \\\n  -d \'{{"note": "akool-audit: ignore"}}\'\n"""\n'
    assert places(audit_text(text, "a.py")) == [(1, "undocumented-path"), (2, "unknown-field")]


MORE_DATA = {
    "routes.csv": f"old_path,new_path\n{OLD},{NEW}\nhttps://openapi.akool.com{STATUS},x\n",
    "migrations.yaml": f"migrations:\n  {OLD}: {NEW}\n  - {STATUS}: https://openapi.akool.com{NEW}\n",
    "find.sh": f'grep -rn "{OLD}" src/ | wc -l\nsed -i "s#{OLD}#{NEW}#g" src/*.py\n'
    f"git grep -l '{STATUS}'\n",
    "table.js": f'function talk(req, res) {{}}\nconst ROUTES = {{ "{OLD}": talk, "{STATUS}": talk }};\n',
    "Arrow.java": f'class A {{\n  int f(String p) {{\n    return switch (p) {{\n      case "{OLD}" -> 1;\n'
    "      default -> 2;\n    };\n  }\n}\n",
}


@pytest.mark.parametrize("name", list(MORE_DATA))
def test_csv_yaml_search_commands_and_route_tables_hold_data(name: str) -> None:
    text = MORE_DATA[name] + "\n# https://openapi.akool.com\n"
    assert places(audit_text(text, name)) == []


def test_a_call_in_a_switch_arm_is_still_a_call() -> None:
    text = (
        'class A {\n  static final String BASE = "https://openapi.akool.com";\n'
        f'  void f(String p) {{\n    switch (p) {{\n      case "{OLD}" -> http.post(BASE + "{OLD}");\n'
        "    }\n  }\n}\n"
    )
    assert [line for line, _ in places(audit_text(text, "A.java"))] == [5]


def test_a_ruby_when_clause_compares() -> None:
    text = (
        'BASE = "https://openapi.akool.com"\ncase path\n'
        f'when "{OLD}" then puts "legacy"\nwhen "{STATUS}", "/api/open/v2/x"\n  nil\nend\n'
    )
    assert places(audit_text(text, "w.rb")) == []


def test_a_client_call_with_a_callback_is_no_route() -> None:
    """jQuery's `$.get(URL, function (d) {...})` and Node's `https.get(URL, (res) => ...)` send
    the request: their callback is no route handler, and the URL they are given is still judged."""
    head = f'const URL = "https://openapi.akool.com{OLD}";\n'
    for call in (
        "$.get(URL, function (d) { console.log(d); });\n",
        "https.get(URL, (res) => res.pipe(process.stdout));\n",
    ):
        assert places(audit_text(head + call, "jq.js")) == [(1, "undocumented-path")]
