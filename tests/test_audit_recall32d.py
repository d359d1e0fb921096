"""Session 32, recall32d: shell, glue platforms and config-driven calls (Node-RED flows, Make
blueprints, Pipedream and Zapier steps, shell program structures): each shape the audit missed,
with a correct twin that stays silent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from akool_cli.audit.scan import Finding, audit_text

B = "https://openapi.akool.com/api/open/v3"
CORPUS = Path(__file__).parent / "audit_corpus" / "recall32d"


def errors(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


def found(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in errors(text, name))


# -- Node-RED: function nodes' code, the http request node they feed, the answer's readers --------


def _node(key: str, kind: str, wires: list[str], **values: Any) -> dict[str, Any]:
    return {"id": key, "type": kind, "z": "t", **values, "wires": [wires]}


def _flow(*nodes: dict[str, Any], indent: int | None = 4) -> str:
    return json.dumps([{"id": "t", "type": "tab"}, *nodes], indent=indent)


BODY_IN_FUNCTION = _node(
    "f1",
    "function",
    ["h1"],
    func=f"msg.url = '{B}/content/image/createbyprompt';\nmsg.method = 'POST';\n"
    "msg.payload = { prompt: msg.payload, size: '1:1' };\nreturn msg;",
)
USE_METHOD = _node("h1", "http request", [], method="use", ret="obj", url="")


def test_a_function_node_that_sets_the_url_and_body_is_the_call_its_http_request_node_makes() -> (
    None
):
    text = _flow(BODY_IN_FUNCTION, USE_METHOD)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if '"func"' in t)
    assert found(text, "flows.json") == [(line, "misnamed-field")]
    finding = errors(text, "flows.json")[0]
    assert text.splitlines()[line - 1][finding.column - 1 :].startswith("size")


def test_the_same_flow_exported_on_one_line_maps_to_its_column() -> None:
    text = _flow(BODY_IN_FUNCTION, USE_METHOD, indent=None)
    [finding] = errors(text, "flows.json")
    assert (finding.line, finding.rule) == (1, "misnamed-field")
    assert text[finding.column - 1 :].startswith("size")


def test_a_correct_body_in_a_function_node_stays_silent() -> None:
    good = dict(BODY_IN_FUNCTION, func=BODY_IN_FUNCTION["func"].replace("size", "scale"))
    assert errors(_flow(good, USE_METHOD), "flows.json") == []


POLL = _node(
    "h2",
    "http request",
    ["j1"],
    method="GET",
    ret="txt",
    url=f"{B}/content/video/infobymodelid?video_model_id={{{{{{flow.videoId}}}}}}",
)
PARSE = _node("j1", "json", ["f3"])
DONE = _node(
    "f3",
    "function",
    [],
    func="const d = msg.payload.data;\nif (d.video_status === 3) { msg.payload = d.video; }\n"
    "return msg;",
)


def test_the_answer_read_by_the_function_node_a_json_node_passes_it_to_is_judged() -> None:
    wrong = dict(DONE, func=DONE["func"].replace("=== 3", "=== 5").replace("d.video;", "d.url;"))
    text = _flow(POLL, PARSE, wrong)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "d.video_status" in t)
    assert found(text, "flows.json") == [(line, "response-field"), (line, "status-value")]
    assert errors(_flow(POLL, PARSE, DONE), "flows.json") == []


def test_an_http_request_node_alone_is_judged_by_its_own_url() -> None:
    alone = dict(POLL, url=f"{B}/content/video/getvideostatus", wires=[[]])
    text = _flow(alone)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "getvideostatus" in t)
    assert [r for n, r in found(text, "flows.json") if n == line] != []


def test_json_that_is_no_flow_is_read_as_it_was() -> None:
    for text in ('{"type": "function", "wires": 1}', '[{"id": 1, "type": "function"}]', "[1"):
        assert errors(text, "flows.json") == []


def test_the_corpus_flows_are_read() -> None:
    good = (CORPUS / "nodered_good" / "flows.json").read_text()
    assert errors(good, "flows.json") == []
    assert errors(good.replace("d.video_status === 4", "d.video_status === 6"), "flows.json")


# -- Make (Integromat) blueprints: HTTP modules' calls, their answers read in placeholders ---------


def _module(key: int, mapper: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"id": key, "module": "http:ActionSendData", "version": 3, "mapper": mapper, **more}


CREATE = _module(
    2,
    {
        "url": f"{B}/content/video/createbytalkingphoto",
        "method": "post",
        "bodyType": "raw",
        "contentType": "application/json",
        "data": '{\n  "talking_photo_url": "{{1.photo}}",\n  "audio_url": "{{1.audio}}",\n'
        '  "resolution": "720"\n}',
        "parseResponse": True,
    },
)
INFO = _module(
    3,
    {
        "url": f"{B}/content/video/infobymodelid",
        "method": "get",
        "qs": [{"name": "video_model_id", "value": "{{2.data.data._id}}"}],
        "parseResponse": True,
    },
)
DONE_ROUTE = {
    "id": 4,
    "module": "builtin:BasicRouter",
    "routes": [
        {
            "flow": [
                {
                    "id": 5,
                    "module": "google-sheets:addRow",
                    "filter": {
                        "conditions": [
                            [{"a": "{{3.data.data.video_status}}", "b": "3", "o": "number:equal"}]
                        ]
                    },
                    "mapper": {"values": {"0": "{{3.data.data.video}}"}},
                }
            ]
        }
    ],
}


def _blueprint(*modules: dict[str, Any]) -> str:
    return json.dumps({"name": "AKOOL", "flow": list(modules), "metadata": {}}, indent=4)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, t in enumerate(text.splitlines(), 1) if needle in t)


def test_a_make_blueprint_of_correct_calls_and_reads_stays_silent() -> None:
    assert errors(_blueprint(CREATE, INFO, DONE_ROUTE), "akool.blueprint.json") == []


def test_a_make_http_modules_query_pairs_are_its_urls_query() -> None:
    wrong = json.loads(json.dumps(INFO))
    wrong["mapper"]["qs"][0]["name"] = "video_id"
    text = _blueprint(CREATE, wrong)
    assert found(text, "scenario.json") == [(_line_of(text, '"video_id"'), "misnamed-field")]


def test_a_make_modules_raw_json_body_is_judged_at_its_line() -> None:
    wrong = json.loads(json.dumps(CREATE))
    wrong["mapper"]["data"] = wrong["mapper"]["data"].replace('"720"', '"720p"')
    text = _blueprint(wrong, INFO)
    assert found(text, "scenario.json") == [(_line_of(text, "720p"), "bad-value")]


def test_placeholders_and_filters_read_the_parsed_answer_of_the_module_they_name() -> None:
    route = json.loads(json.dumps(DONE_ROUTE).replace('"b": "3"', '"b": "5"'))
    route = json.loads(json.dumps(route).replace("data.data.video}}", "data.data.video_url}}"))
    text = _blueprint(CREATE, INFO, route)
    assert found(text, "scenario.json") == [
        (_line_of(text, '"b": "5"'), "status-value"),
        (_line_of(text, "video_url"), "response-field"),
    ]
    [status] = [f for f in errors(text, "scenario.json") if f.rule == "status-value"]
    assert text.splitlines()[status.line - 1][status.column - 1] == "5"


def test_a_make_module_whose_body_is_a_form_is_not_judged_as_sending_none() -> None:
    form = json.loads(json.dumps(CREATE))
    form["mapper"].update(bodyType="x_www_form_urlencoded", data="", formFields=[])
    assert errors(_blueprint(form), "scenario.json") == []


# -- shell: a data file a curl command reads as its stdin (`envsubst < t.json | curl -d @-`) -------

TEMPLATE = (
    '{\n  "talking_photo_url": "${PHOTO}",\n  "audio_url": "${AUDIO}",\n  "resolution": "720p"\n}\n'
)
SENDERS = {
    "envsubst": "envsubst < body.json | curl -s -X POST \"{u}\" \\\n  -H 'x-api-key: k' --data @-\n",
    "cat": "cat body.json | curl -s -X POST \"{u}\" -H 'x-api-key: k' -d @-\n",
    "redirect": "curl -s -X POST \"{u}\" -H 'x-api-key: k' \\\n  --data-binary @- < body.json\n",
}


def _sent(tmp_path: Path, sender: str, body: str) -> list[tuple[str, int, str]]:
    from akool_cli.audit.scan import audit

    (tmp_path / "body.json").write_text(body)
    url = f"{B}/content/video/createbytalkingphoto"
    (tmp_path / "run.sh").write_text("#!/bin/sh\n" + SENDERS[sender].format(u=url))
    return sorted((Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings)


def test_a_json_file_piped_or_redirected_into_curls_stdin_is_its_body(tmp_path: Path) -> None:
    for sender in SENDERS:
        assert _sent(tmp_path, sender, TEMPLATE) == [("body.json", 4, "bad-value")], sender
        assert _sent(tmp_path, sender, TEMPLATE.replace("720p", "720")) == [], sender


def test_a_file_given_to_a_command_that_is_no_curls_stdin_is_not_its_body(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_text(TEMPLATE)
    url = f"{B}/content/video/createbytalkingphoto"
    script = f'envsubst < body.json > out.json\ncurl -s -X POST "{url}" -d @-\n'
    (tmp_path / "run.sh").write_text(script)
    from akool_cli.audit.scan import audit

    assert [f for f in audit([tmp_path]).findings if Path(f.file).name == "body.json"] == []


# -- CI files: a folded block scalar (`- >`, `run: >-`) is one command to the shell ---------------

FOLDED_CURL = (
    '  curl -s -X POST "$AKOOL_BASE/content/image/createbyprompt"\n'
    '  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json"\n'
    '  -d \'{"prompt":"banner","size":"16:9"}\'\n'
)


def _indented(text: str, by: int) -> str:
    return "".join(" " * by + line + "\n" for line in text.splitlines())


def test_a_folded_gitlab_script_item_is_one_curl_command() -> None:
    text = f"variables:\n  AKOOL_BASE: {B}\n\nrender:\n  script:\n    - >\n"
    text += _indented(FOLDED_CURL, 4)
    assert found(text, ".gitlab-ci.yml") == [(9, "misnamed-field")]
    assert errors(text.replace('"size"', '"scale"'), ".gitlab-ci.yml") == []


def test_a_folded_github_run_block_is_one_curl_command() -> None:
    text = (
        "on: push\njobs:\n  render:\n    runs-on: ubuntu-latest\n"
        f"    env:\n      AKOOL_BASE: {B}\n    steps:\n      - run: >-\n"
    )
    text += _indented(FOLDED_CURL, 8)
    assert found(text, "render.yml") == [(11, "misnamed-field")]
    literal = text.replace("run: >-", "run: |")  # (three commands: the data is no curl's)
    assert found(literal, "render.yml") == []


# -- request files: Hurl's asserts compare fields, JetBrains' response handlers read the answer ----

HURL_POLL = (
    f"GET {B}/content/video/infobymodelid?video_model_id={{{{vid}}}}\n"
    "x-api-key: {{key}}\nHTTP 200\n[Asserts]\n"
    'jsonpath "$.code" == 1000\njsonpath "$.data.video_status" == 3\n'
)


def test_a_hurl_assert_comparing_a_status_with_an_undocumented_value_is_judged() -> None:
    assert errors(HURL_POLL, "poll.hurl") == []
    wrong = HURL_POLL.replace("== 3", "== 5")
    [finding] = errors(wrong, "poll.hurl")
    assert (finding.line, finding.rule) == (6, "status-value")
    assert wrong.splitlines()[5][finding.column - 1] == "5"


HANDLED = (
    f"### create image\nPOST {B}/content/image/createbyprompt\nx-api-key: {{{{key}}}}\n"
    'Content-Type: application/json\n\n{"prompt": "a fox", "scale": "1:1"}\n\n'
    '> {%\nclient.global.set("image_id", response.body.data._id);\n'
    "client.test('ok', () => client.assert(response.status === 200));\n%}\n"
)


def test_a_jetbrains_response_handler_reads_the_answer_of_its_request() -> None:
    assert errors(HANDLED, "akool.http") == []
    wrong = HANDLED.replace("data._id", "data.image_id")
    assert found(wrong, "akool.http") == [(9, "response-field")]
    one_line = (
        wrong.replace("> {%\n", "> {% ").replace(");\nclient.test", "); //").replace("\n%}", " %}")
    )
    assert found(one_line, "akool.http") == [(8, "response-field")]


def _change(*rules: tuple[str, str, str]) -> dict[str, Any]:
    sets = [{"t": "set", "p": p, "pt": "msg", "to": to, "tot": kind} for p, to, kind in rules]
    return {"id": "c1", "type": "change", "z": "t", "rules": sets, "wires": [["h1"]]}


def test_a_change_node_that_sets_the_url_and_a_json_payload_feeds_its_http_request_node() -> None:
    change = _change(
        ("url", f"{B}/content/image/createbyprompt", "str"),
        ("payload", '{"prompt": "a fox", "size": "1:1"}', "json"),
    )
    post = dict(USE_METHOD, method="POST")
    text = _flow(change, post)
    [finding] = errors(text, "flows.json")
    assert (finding.line, finding.rule) == (_line_of(text, '"to": "{\\"prompt'), "misnamed-field")
    assert text.splitlines()[finding.line - 1][finding.column - 1 :].startswith('size\\"')
    good = _flow(_change(("url", f"{B}/content/image/createbyprompt", "str")), post)
    assert (
        errors(
            good.replace(
                '"rules": [',
                '"rules": [{"t": "set", "p": "payload", '
                '"pt": "msg", "to": "payload", "tot": "jsonata"}, ',
            ),
            "flows.json",
        )
        == []
    )


def test_the_answer_read_after_a_change_node_fed_request_is_judged() -> None:
    change = _change(("url", f"{B}/content/video/infobymodelid?video_model_id=1", "str"))
    get = dict(USE_METHOD, method="GET", wires=[["f3"]])
    wrong = dict(DONE, func=DONE["func"].replace("d.video;", "d.video_url;"))
    text = _flow(change, get, wrong)
    assert found(text, "flows.json") == [(_line_of(text, "d.video_url"), "response-field")]


BRUNO = (
    "meta {\n  name: status\n  type: http\n}\n\nget {\n"
    f"  url: {B}/content/video/infobymodelid?video_model_id={{{{vid}}}}\n"
    "  body: none\n}\n\nscript:post-response {\n"
    '  bru.setVar("video", res.body.data.video);\n}\n\ntests {\n'
    '  test("done", function() {\n    expect(res.getBody().data.video_status).to.equal(3);\n'
    "  });\n}\n"
)


def test_brunos_post_response_script_and_tests_read_the_requests_answer() -> None:
    assert errors(BRUNO, "status.bru") == []
    wrong = BRUNO.replace("data.video)", "data.video_url)").replace(
        "data.video_status", "data.status"
    )
    assert found(wrong, "status.bru") == [(12, "response-field"), (17, "response-field")]


# -- n8n: later nodes read the HTTP Request node's answer in their expressions --------------------


def _n8n(*nodes: dict[str, Any], links: dict[str, list[str]]) -> str:
    connections = {
        a: {"main": [[{"node": b, "type": "main", "index": 0} for b in bs]]}
        for a, bs in links.items()
    }
    return json.dumps({"name": "AKOOL", "nodes": list(nodes), "connections": connections}, indent=2)


N8N_CREATE = {
    "parameters": {
        "method": "POST",
        "url": f"{B}/content/image/createbyprompt",
        "sendBody": True,
        "specifyBody": "json",
        "jsonBody": '={\n  "prompt": "a fox",\n  "scale": "1:1"\n}',
    },
    "name": "Create",
    "type": "n8n-nodes-base.httpRequest",
}
N8N_IF = {
    "parameters": {
        "conditions": {
            "conditions": [
                {
                    "leftValue": "={{ $json.data.image_status }}",
                    "rightValue": 3,
                    "operator": {"type": "number", "operation": "equals"},
                }
            ]
        }
    },
    "name": "Done?",
    "type": "n8n-nodes-base.if",
}
N8N_SET = {
    "parameters": {"values": {"string": [{"name": "id", "value": "={{ $json.data._id }}"}]}},
    "name": "Set",
    "type": "n8n-nodes-base.set",
}
N8N_LATER = {
    "parameters": {"text": "=Image {{ $('Create').item.json.data._id }} done"},
    "name": "Slack",
    "type": "n8n-nodes-base.slack",
}


def test_n8n_nodes_after_an_http_request_read_its_answer() -> None:
    links = {"Create": ["Done?"], "Done?": ["Set"], "Set": ["Slack"]}
    text = _n8n(N8N_CREATE, N8N_IF, N8N_SET, N8N_LATER, links=links)
    assert errors(text, "workflow.json") == []
    wrong = text.replace('rightValue": 3', 'rightValue": 5').replace('data._id }}"', 'data.id }}"')
    wrong = wrong.replace("json.data._id }} done", "json.data.image_id }} done")
    assert found(wrong, "workflow.json") == [
        (_line_of(wrong, '"rightValue": 5'), "status-value"),
        (_line_of(wrong, "$json.data.id"), "response-field"),
        (_line_of(wrong, "data.image_id }} done"), "response-field"),
    ]


def test_an_n8n_input_read_of_a_node_not_fed_by_the_request_is_not_its_answer() -> None:
    wrong = json.loads(json.dumps(N8N_SET).replace("data._id", "data.id"))
    text = _n8n(N8N_CREATE, wrong, links={})
    assert errors(text, "workflow.json") == []


# -- Hoppscotch: `<<base>>` variables in a request's endpoint ---------------------------------------


def _hoppscotch(body: str) -> str:
    request = {
        "v": "1",
        "name": "create",
        "method": "POST",
        "endpoint": "<<base>>/content/image/createbyprompt",
        "headers": [{"key": "x-api-key", "value": "<<key>>", "active": True}],
        "body": {"contentType": "application/json", "body": body},
    }
    return json.dumps({"v": 2, "name": "AKOOL", "folders": [], "requests": [request]}, indent=2)


def test_a_hoppscotch_request_with_a_variable_base_is_judged_by_its_path() -> None:
    text = _hoppscotch('{\n  "prompt": "cat",\n  "size": "1:1"\n}')
    [finding] = errors(text, "akool.json")
    assert (finding.line, finding.rule) == (_line_of(text, "size"), "misnamed-field")
    assert text.splitlines()[finding.line - 1][finding.column - 1 :].startswith("size")
    assert errors(text.replace("size", "scale"), "akool.json") == []


def test_a_function_node_read_with_its_call_is_not_read_again() -> None:
    # (each code is audited as a file: a flow of n function -> http request pairs is n codes)
    from akool_cli.audit import nodered

    pairs = []
    for k in range(50):
        func = dict(BODY_IN_FUNCTION, id=f"f{k}", wires=[[f"h{k}"]])
        pairs += [func, dict(USE_METHOD, id=f"h{k}", wires=[[f"f{(k + 1) % 50}"]])]
    codes = nodered.read(_flow(*pairs))
    assert codes is not None and len(codes) == 50
