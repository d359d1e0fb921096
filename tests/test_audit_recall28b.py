"""`akool audit` on session sixteen's recall28b shapes: AKOOL calls inside files that hold code
(GitHub Actions steps in PowerShell and Python, CI configuration variables, notebooks' shell
lines, shell scripts' status tests)."""

from __future__ import annotations

import json
from pathlib import Path

from akool_cli.audit.scan import audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "recall28b"


def found(*names: str) -> set[tuple[str, int, str]]:
    result = audit([CORPUS / name for name in names])
    return {(Path(f.file).name, f.line, f.rule) for f in result.findings}


def test_workflow_steps_are_read_in_their_shell() -> None:
    assert found("gha_shells.yml", "gha_shells_good.yml") == {
        ("gha_shells.yml", 17, "bad-value"),
        ("gha_shells.yml", 31, "misnamed-field"),
        ("gha_shells.yml", 32, "response-field"),
    }


def test_powershell_step_reads_env_and_fixes_in_place() -> None:
    text = (CORPUS / "gha_shells.yml").read_text()
    findings = audit_text(text, "gha_shells.yml")
    fixes = {f.line: f.fix for f in findings if f.fix is not None}
    fix = fixes[17]
    assert fix.new.strip('"') == "720"
    assert text.splitlines()[fix.line][fix.start : fix.end] == fix.old


def test_a_bash_step_stays_shell() -> None:
    text = (
        "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - shell: bash\n"
        "        run: |\n          curl -X POST https://openapi.akool.com/api/open/v3/"
        'content/video/createbytalkingphoto -d \'{"resolution":"720p"}\'\n'
    )
    assert [f.rule for f in audit_text(text, "ci.yml")].count("bad-value") == 1


def test_ci_configs_scripts_are_read_with_their_variables() -> None:
    assert found("gitlab", "gitlab_good", "bitbucket-pipelines.yml", "circleci") == {
        (".gitlab-ci.yml", 11, "bad-value"),
        (".gitlab-ci.yml", 12, "undocumented-path"),
        ("bitbucket-pipelines.yml", 12, "misnamed-field"),
        ("bitbucket-pipelines.yml", 13, "response-field"),
        ("config.yml", 14, "misnamed-field"),
    }


def test_a_quoted_script_item_is_fixed_inside_its_quotes() -> None:
    text = (CORPUS / "bitbucket-pipelines.yml").read_text()
    fix = next(f.fix for f in audit_text(text, "bitbucket-pipelines.yml") if f.line == 12)
    assert fix is not None and (fix.old, fix.new) == ("size", "scale")
    assert text.splitlines()[fix.line][fix.start : fix.end] == "size"


def test_a_yaml_file_with_a_script_key_of_its_own_value_is_not_ci() -> None:
    text = "- hosts: all\n  tasks:\n    - script: run.sh\n"
    assert audit_text(text, "play.yml") == []


def test_shell_status_tests_are_judged() -> None:
    assert found("shell") == {
        ("poll.sh", 7, "status-value"),
        ("poll.sh", 10, "status-value"),
        ("poll_case.sh", 6, "status-value"),
        ("poll_case.sh", 9, "status-value"),
    }


def test_a_shell_status_test_in_a_workflow_step() -> None:
    text = (
        "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n"
        '          s=$(curl -s "https://openapi.akool.com/api/open/v3/content/video/'
        'infobymodelid?video_model_id=$ID" | jq -r .data.video_status)\n'
        '          if [ "$s" = "success" ]; then exit 0; fi\n'
    )
    assert [(f.line, f.rule) for f in audit_text(text, "w.yml")] == [(8, "status-value")]


def test_a_rebound_shell_variable_is_not_the_status() -> None:
    text = (
        'B="https://openapi.akool.com/api/open/v3"\n'
        's=$(curl -s "$B/content/video/infobymodelid?video_model_id=$1" | jq -r .data.video_status)\n'
        's=$(systemctl is-active x)\n[ "$s" = "active" ] && echo up\n'
    )
    assert audit_text(text, "p.sh") == []


def test_notebook_shell_lines_read_ipython_interpolation() -> None:
    assert found("notebooks") == {
        ("shell_talk.ipynb", 29, "misnamed-field"),
        ("shell_talk.ipynb", 39, "undocumented-path"),
    }


def _notebook(*cells: list[str]) -> str:
    book = {
        "cells": [{"cell_type": "code", "metadata": {}, "source": c} for c in cells],
        "metadata": {"kernelspec": {"language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(book, indent=1)


def test_a_wrong_host_in_an_interpolated_constant_is_patched_at_the_python_line() -> None:
    text = _notebook(
        ['API = "https://api.akool.com/api/open/v3"\n'],
        ['!curl -s "{API}/content/video/infobymodelid?video_model_id=1" -H "x-api-key: k"'],
    )
    findings = audit_text(text, "n.ipynb")
    assert [(f.line, f.rule) for f in findings] == [(7, "wrong-host")]
    fix = findings[0].fix
    assert fix is not None and text.splitlines()[fix.line][fix.start : fix.end] == fix.old


def test_ipython_braces_of_an_unknown_name_stay_as_written() -> None:
    text = _notebook(
        [
            '!curl -s "https://openapi.akool.com/api/open/v3/content/video/infobymodelid'
            '?video_model_id={vid}" -H "x-api-key: {key}"'
        ]
    )
    assert audit_text(text, "n.ipynb") == []


def test_n8n_code_nodes_are_read_as_their_code() -> None:
    assert found("n8n") == {
        ("code_node.json", 17, "bad-value"),
        ("code_node.json", 17, "response-field"),
        ("function_node.json", 6, "misnamed-field"),
    }


def test_an_n8n_code_nodes_fix_lands_in_its_json_string() -> None:
    text = (CORPUS / "n8n" / "function_node.json").read_text()
    fix = next(f.fix for f in audit_text(text, "function_node.json"))
    assert fix is not None and (fix.old, fix.new) == ("size", "scale")
    assert text.splitlines()[fix.line][fix.start : fix.end] == "size"


def test_an_n8n_code_nodes_columns_skip_its_escapes() -> None:
    text = (CORPUS / "n8n" / "code_node.json").read_text()
    finding = next(f for f in audit_text(text, "code_node.json") if f.rule == "response-field")
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 :].startswith("task_id } })")


def test_ansible_registered_answers_are_read() -> None:
    assert found("ansible") == {
        ("render.yml", 20, "response-field"),
        ("render.yml", 25, "status-value"),
        ("render.yml", 30, "response-field"),
    }


def test_a_step_does_not_take_the_shell_of_the_step_before() -> None:
    text = (
        "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - shell: pwsh\n"
        "        run: Write-Host hi\n      - run: |\n          curl -X POST https://openapi"
        '.akool.com/api/open/v3/content/video/createbytalkingphoto -d \'{"resolution":"720p"}\'\n'
    )
    assert "bad-value" in {f.rule for f in audit_text(text, "ci.yml")}


def test_a_task_registers_only_its_own_answer() -> None:
    text = (
        "- hosts: all\n  tasks:\n    - uri:\n        url: https://openapi.akool.com/api/open/v3/"
        "content/video/infobymodelid?video_model_id=1\n      register: job\n"
        "    - uri:\n        url: https://example.com/jobs/1\n"
        "      until: other.json.data.video_status == 5\n"
    )
    assert audit_text(text, "p.yml") == []


def test_makefile_recipes_join_make_variables() -> None:
    assert found("make", "make_good") == {
        ("Makefile", 10, "bad-value"),
        ("Makefile", 14, "undocumented-path"),
        ("Makefile", 17, "misnamed-field"),
    }


def test_a_makefile_fix_lands_in_the_recipe() -> None:
    text = (CORPUS / "make" / "Makefile").read_text()
    fixes = [f.fix for f in audit_text(text, "Makefile") if f.fix is not None]
    assert {(fix.old.strip('"'), fix.new.strip('"')) for fix in fixes} == {
        ("720p", "720"),
        ("size", "scale"),
    }
    for fix in fixes:
        assert text.splitlines()[fix.line][fix.start : fix.end] == fix.old


def test_a_make_function_is_not_a_base() -> None:
    text = (
        "API := $(shell cat base.txt)\nrun:\n\tcurl -s $(API)/content/video/status/1\n"
        "\tcurl -s $(word 1,$(URLS))/x\n"
    )
    assert [f.rule for f in audit_text(text, "Makefile")] == []


def test_thunder_and_insomnia_requests_are_read_as_calls() -> None:
    assert found("clients", "clients_good") == {
        ("thunderCollection.json", 27, "bad-value"),
        ("thunderCollection.json", 37, "undocumented-path"),
        ("insomnia.yaml", 17, "bad-value"),
        ("insomnia.yaml", 22, "undocumented-path"),
    }


def test_an_insomnia_body_is_fixed_in_its_block() -> None:
    text = (CORPUS / "clients" / "insomnia.yaml").read_text()
    fix = next(f.fix for f in audit_text(text, "insomnia.yaml") if f.rule == "bad-value")
    assert fix is not None and fix.new.strip('"') == "720"
    assert text.splitlines()[fix.line][fix.start : fix.end] == fix.old


def test_a_json_file_that_is_not_thunders_is_not_read_as_a_collection() -> None:
    text = '{"client": "web", "url": "https://example.com", "raw": "{\\"a\\": 1}"}\n'
    assert audit_text(text, "config.json") == []


def test_terraform_locals_heredocs_and_decoded_reads() -> None:
    assert found("terraform") == {
        ("render.tf", 13, "bad-value"),
        ("render.tf", 34, "misnamed-field"),
        ("render.tf", 39, "response-field"),
    }


def test_terraform_fixes_land_in_the_file() -> None:
    text = (CORPUS / "terraform" / "render.tf").read_text()
    fixes = [f.fix for f in audit_text(text, "render.tf") if f.fix is not None]
    assert len(fixes) == 3
    for fix in fixes:
        assert text.splitlines()[fix.line][fix.start : fix.end] == fix.old


def test_a_terraform_body_read_as_the_file_is_not_judged_twice() -> None:
    text = (
        'data "http" "t" {\n  url = "https://openapi.akool.com/api/open/v3/content/video/'
        'createbytalkingphoto"\n  method = "POST"\n  request_body = jsonencode({ talking_photo_url'
        ' = var.p, audio_url = var.a, resolution = "4k" })\n}\n'
    )
    assert [(f.line, f.rule) for f in audit_text(text, "t.tf")] == [(4, "bad-value")]


def test_a_script_lists_items_are_one_script() -> None:
    text = (
        "job:\n  script:\n    - export API=https://openapi.akool.com/api/open/v3\n"
        '    - curl -s "$API/content/video/status/1"\n'
    )
    assert [(f.line, f.rule) for f in audit_text(text, ".gitlab-ci.yml")] == [
        (4, "undocumented-path")
    ]


def test_a_jobs_default_shell_applies_to_its_steps() -> None:
    assert found("gha_defaults.yml", "gha_defaults_good.yml") == {
        ("gha_defaults.yml", 18, "undocumented-path")
    }
