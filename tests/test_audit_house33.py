"""house33's tests: one place for each fact (whose a host is: hosts.py; which names hold a parsed
answer: ties.py) and the import reading."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from akool_cli.audit import rules
from akool_cli.audit.scan import audit, audit_text

AUDIT = Path(rules.__file__).parent
B = "https://openapi.akool.com/api/open/v3"


def _assigned(module: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names |= {getattr(t, "id", "") for t in node.targets}
    return names


# -- item 1: whose a host is, judged by hosts.py alone -------------------------------------------


def test_akools_domain_is_written_once_in_hosts() -> None:
    """rules.py kept its own AKOOL_DOMAIN regex beside hosts.py's: one test, hosts.host_kind's."""
    for module in AUDIT.glob("*.py"):
        if module.name == "hosts.py":
            continue
        text = module.read_text(encoding="utf-8")
        assert "AKOOL_DOMAIN" not in _assigned(module), module.name
        assert r"(?:^|\.)akool\." not in text, module.name


def test_a_host_with_akool_only_in_its_name_is_not_fixed() -> None:
    text = 'requests.post("https://akool-proxy.example.com/api/open/v3/faceswap/highquality/specifyimage")\n'
    assert not [f for f in audit_text(text, "a.py") if f.rule == "wrong-host"]
    wrong = 'requests.post("https://api.akool.com/api/open/v3/faceswap/highquality/specifyimage")\n'
    assert [f for f in audit_text(wrong, "a.py") if f.rule == "wrong-host"]


# -- item 2: which names hold a parsed answer, judged by ties alone (tables included) ------------

QUOTA = f"{B}/faceswap/quota/info"


def _answer_rules(text: str, name: str) -> list[tuple[int, str]]:
    rules_ = ("answer-field", "response-field")
    return [(f.line, f.rule) for f in audit_text(text, name) if f.rule in rules_]


GSON = f"""\
class Quota {{
  void show() throws Exception {{
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("{QUOTA}")).build(), BodyHandlers.ofString());
    JsonObject root = JsonParser.parseString(r.body()).getAsJsonObject();
    System.out.println(root.get("message").getAsString());
  }}
}}
"""
UNIREST = f"""\
class Quota {{
  void show() {{
    HttpResponse<JsonNode> r = Unirest.get("{QUOTA}").header("x-api-key", key).asJson();
    JSONObject root = r.getBody().getObject();
    System.out.println(root.getString("message"));
  }}
}}
"""
HTTPARTY = f"""\
require "httparty"
res = HTTParty.get("{QUOTA}", headers: {{ "x-api-key" => key }})
body = res.parsed_response
puts body["message"]
"""
HTTPRB = f"""\
require "http"
res = HTTP.get("{QUOTA}")
body = res.parse
puts body["message"]
"""


def test_the_answer_rule_takes_a_parse_only_the_tables_know() -> None:
    """The answer rules tied a name to a parse only through ties' own PARSED shapes; the tables
    the status rule asked (Gson, Unirest, HTTParty, http.rb) are ties' now, for both rules."""
    assert _answer_rules(GSON, "Quota.java") == [(5, "answer-field")]
    assert _answer_rules(UNIREST, "Quota.java") == [(5, "answer-field")]
    assert _answer_rules(HTTPARTY, "quota.rb") == [(4, "answer-field")]
    assert _answer_rules(HTTPRB, "quota.rb") == [(4, "answer-field")]


def test_a_part_selected_from_a_table_parse_is_no_whole_answer() -> None:
    # (the tables match a parse's start: `res.parsed_response["data"]` holds the data, whose
    # `credit` is documented; `JSON.parse(res.body)["data"]` the same)
    selected = HTTPARTY.replace("res.parsed_response", 'res.parsed_response["data"]')
    assert _answer_rules(selected.replace('["message"]', '["credit"]'), "quota.rb") == []
    dug = HTTPARTY.replace("res.parsed_response", 'res.parsed_response.dig("data")')
    assert _answer_rules(dug.replace('["message"]', '["credit"]'), "quota.rb") == []


def test_the_script_table_is_read_only_in_php_and_ruby() -> None:
    # (`body = res.parse` in a Python file is no parse the script table holds)
    python = f'res = requests.get("{QUOTA}")\nbody = res.parse\nprint(body["message"])\n'
    assert _answer_rules(python, "quota.py") == []


def test_the_status_rule_asks_ties_alone_for_the_scripts_parsed_names() -> None:
    """statuses asked scriptanswers for PHP's and Ruby's parsed names beside ties.parsed_names():
    ties holds that table too (Lines.script_answers), and no module but ties asks the tables."""
    from akool_cli.audit import statuses, ties

    assert "answer_names" not in Path(statuses.__file__).read_text(encoding="utf-8")
    for module in AUDIT.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        if module.name != "ties.py":
            assert ".parsed_bindings(" not in text, module.name
    php = "<?php\n$j = json_decode($out, true);\n$r = Http::get($u);\n"
    facts = ties.Lines(php.splitlines(), False, script=True)
    assert facts.script_answers([2]) == ({"$j"}, {"$r"})
    assert "$j" in facts.parsed_names()
    assert ties.Lines(php.splitlines(), False).parses("script") == {}


def test_a_binding_of_no_name_after_the_call_is_passed() -> None:
    # (Elixir's `%{"data" => %{"_id" => id}} = Jason.decode!(raw)` after a call binds no plain
    # name: no IndexError, the file is read)
    text = (
        f'url = "{B}/content/video/createbytalkingphoto"\n'
        "{:ok, %HTTPoison.Response{status_code: 200, body: raw}} =\n"
        '  HTTPoison.post(url, payload, [{"x-api-key", key}])\n'
        '%{"data" => %{"_id" => job_id}} = Jason.decode!(raw)\n'
        "IO.puts(job_id)\n"
    )
    audit_text(text, "talk.exs")


# -- item 3: a name qualified by a module is another file's only when the module is imported -----

INFOS = "/faceswap/quota/infos"  # (not documented: quota/info is)


def _unknown(folder: Path) -> list[str]:
    found = audit([folder]).findings
    return sorted(
        f"{Path(f.file).relative_to(folder)}:{f.line}"
        for f in found
        if f.rule == "unknown-endpoint"
    )


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


CONFIG_TS = f'export const apiBase = "{B}";\n'


def test_a_members_name_on_a_parameter_is_not_an_import(tmp_path: Path) -> None:
    """scan._imports took any camelCase `x.apiBase` as the other file's apiBase: a parameter's
    member (`provider.apiBase`, `this.opts.apiBase`) is the file's own value."""
    shop = (
        "interface Provider { apiBase: string }\n"
        "export async function credit(provider: Provider) {\n"
        f"  return fetch(`${{provider.apiBase}}{INFOS}`);\n"
        "}\n"
    )
    folder = _write(tmp_path, {"config.ts": CONFIG_TS, "shop.ts": shop})
    assert _unknown(folder) == []


def test_a_module_the_file_imports_still_lends_its_names(tmp_path: Path) -> None:
    client = (
        'import * as cfg from "./config";\n'
        f'export const credit = () => fetch(cfg.apiBase + "{INFOS}");\n'
    )
    go_main = (
        'package main\n\nimport (\n\t"net/http"\n\n\t"example.com/app/config"\n)\n\n'
        f'func main() {{\n\thttp.Get(config.BaseURL + "{INFOS}")\n}}\n'
    )
    ruby = (
        'require "net/http"\nrequire_relative "akool_config"\n'
        f'puts Net::HTTP.get(URI(AkoolConfig::BASE_URL + "{INFOS}"))\n'
    )
    folder = _write(
        tmp_path,
        {
            "ts/config.ts": CONFIG_TS,
            "ts/client.ts": client,
            "go/config/config.go": f'package config\n\nconst BaseURL = "{B}"\n',
            "go/cmd/main.go": go_main,
            "rb/akool_config.rb": f'module AkoolConfig\n  BASE_URL = "{B}"\nend\n',
            "rb/main.rb": ruby,
        },
    )
    assert _unknown(folder) == ["go/cmd/main.go:10", "rb/main.rb:3", "ts/client.ts:2"]


def test_a_go_value_is_no_package_it_imports(tmp_path: Path) -> None:
    # (recall32b's leak: a C# constant `Root` was read as a Go value's `c.Root`; now the Go file
    # takes `Root` from no file unless `c` is a package it imports)
    go = (
        "package shop\n\ntype Client struct{ Root string }\n\n"
        f'func (c *Client) Credit() {{ http.Get(c.Root + "{INFOS}") }}\n'
    )
    folder = _write(tmp_path, {"root.ts": f'export const Root = "{B}";\n', "shop.go": go})
    assert _unknown(folder) == []


# -- item 5: one walk over brackets and strings (arguments.spans, handles.value_end) ------------


def test_the_argument_and_value_scanners_walk_with_brackets() -> None:
    """arguments.spans and handles.value_end each wrote brackets.walk's loop again (D1 of
    `duplicates`): they ask it now, and no module but brackets.py tests a character against
    both OPEN and CLOSE while it tracks a string's quote in the same loop."""
    from akool_cli.audit import arguments, handles

    for function in (arguments.spans, handles.value_end):
        source = inspect.getsource(function)
        assert "brackets.walk(" in source and "QUOTES" not in source, function.__name__


def test_a_string_ending_in_an_escaped_backslash_closes_at_its_quote() -> None:
    from akool_cli.audit import arguments, brackets, handles

    text = 'f("C:\\\\", x)'  # f("C:\\", x): the string is `C:\`, two arguments
    assert [text[a:b] for a, b in arguments.spans(text, 2)] == ['"C:\\\\"', "x"]
    assert brackets.walk(text, 2, len(text), ",") == text.index(",")
    value = '"a\\\\", b'  # "a\\", b
    assert handles.value_end(value, 0) == value.index(",")


def test_a_value_ends_at_a_comment_after_it_not_at_one_it_starts_with() -> None:
    from akool_cli.audit import handles

    text = '"720" // the resolution\n'
    assert handles.value_end(text, 0) == text.index(" //") + 1
    assert handles.value_end("a/b, c", 0) == 3  # (a `/` alone is no comment)
    assert handles.value_end("#x, y", 0) == 2  # (a `#` at the value's start is part of it)
    assert handles.value_end("f(a, b) # c", 0) == len("f(a, b) ")


def test_each_name_a_member_is_read_on_is_asked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Go file of 4,000 `c.Root` reads asked for each whether `c` is imported, each search
    reading the whole file (36 s): each qualifier is asked once."""
    from akool_cli.audit import scan

    asked: list[str] = []
    real = scan._module_imported

    def counted(text: str, module: str, path: Path | None, owners: list[Path] | None) -> bool:
        asked.append(module)
        return real(text, module, path, owners)

    monkeypatch.setattr(scan, "_module_imported", counted)
    reads = "".join(
        f'func (c *Client) F{i}() {{ http.Get(c.Root + "{INFOS}") }}\n' for i in range(500)
    )
    text = "package app\n\ntype Client struct{ Root string }\n\n" + reads
    assert not scan._imports(text, "Root", [Path("cfg/root.go")], Path("app/main.go"))
    assert asked == ["c"]


def test_the_tables_do_not_read_a_minified_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 300 kB bundle line of `aN=b(cN),` beside a rebinding of an AKOOL answer: the tables'
    pattern read the line again from each `x=` (38 s). A line longer than a statement binds
    nothing in ties, so the tables are not given it; the lines after it keep their numbers."""
    from akool_cli.audit import parsedanswers, ties

    given: list[str] = []

    def recorded(text: str) -> list[tuple[int, str]]:
        given.append(text)
        return parsedanswers.parsed_bindings(text)

    monkeypatch.setitem(ties.PARSE_TABLES, "less", recorded)
    long = "var " + ",".join(f"a{i}=b(c{i})" for i in range(400))
    assert len(long) > ties.STATEMENT_CHARS
    lines = ["x = 1", long, "final j = jsonDecode(r.body);"]
    assert ties.Lines(lines, False).parses("less") == {2: {"j"}}
    assert len(given) == 1 and "a1=b(c1)" not in given[0]
