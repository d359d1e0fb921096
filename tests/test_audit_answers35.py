"""The answer reads of `akool audit` tied through the call's own statement (answers35): a name
bound to a selection of the parsed answer on the call's own line (`d = JSON.parse(RestClient
.get(u).body)["data"]`, `rows = requests.get(u).json()["data"]["result"]`, `row = ...["result"]
.first`) holds the answer's data, a list of it or one of its items, in every language."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
INFO = f"{V3}/content/video/infobymodelid"
LIST = f"{V3}/faceswap/result/listbyids"
ANSWER_RULES = ("response-field", "answer-field", "list-answer")


def answer_reads(findings: list[Finding]) -> list[tuple[int, str, str]]:
    return [(f.line, f.found, f.documented) for f in findings if f.rule in ANSWER_RULES]


# -- 1. the answer's data selected on the call's own statement -------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "info.rb",
            'require "rest-client"\nrequire "json"\n'
            f'd = JSON.parse(RestClient.get("{INFO}", {{ "x-api-key" => ENV["K"] }}).body)["data"]\n'
            'puts d["output_url"] if d["video_status"] == 3\n',
        ),
        (
            "info.php",
            "<?php\n$c = new GuzzleHttp\\Client();\n"
            f"$d = json_decode($c->get('{INFO}', ['headers' => $h])->getBody(), true)['data'];\n"
            "echo $d['output_url'];\n",
        ),
        (
            "info.js",
            "async function f() {\n"
            f'  const d = (await (await fetch("{INFO}", {{ headers }})).json()).data;\n'
            "  const x = 1;\n  return d.output_url;\n}\n",
        ),
    ],
)
def test_data_selected_after_a_parse_of_the_call(name: str, text: str) -> None:
    assert answer_reads(audit_text(text, name)) == [(4, "output_url", "data.video")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "rows.py",
            "import requests\n"
            f'rows = requests.get("{LIST}", params={{"_ids": i}}, headers=H).json()["data"]["result"]\n'
            "x = 1\n"
            'print(rows[0]["image_url"])\n',
        ),
        (
            "rows.rb",
            'require "faraday"\n'
            f'rows = JSON.parse(Faraday.get("{LIST}", {{ _ids: i }}, H).body)["data"]["result"]\n'
            "x = 1\n"
            'puts rows[0]["image_url"]\n',
        ),
        (
            "rows.js",
            "async function f(i) {\n"
            f"  const rows = (await (await fetch(`{LIST}?_ids=${{i}}`, {{ headers }})).json()).data.result;\n"
            "  const x = 1;\n"
            "  return rows[0].image_url;\n}\n",
        ),
    ],
)
def test_a_list_selected_after_a_parse_of_the_call(name: str, text: str) -> None:
    assert answer_reads(audit_text(text, name)) == [(4, "image_url", "data.result[i].image")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "row.rb",
            'require "faraday"\n'
            f'row = JSON.parse(Faraday.get("{LIST}", {{ _ids: i }}, H).body)["data"]["result"].first\n'
            "x = 1\n"
            'puts row["image_url"]\n',
        ),
        (
            "row.py",
            "import requests\n"
            f'row = requests.get("{LIST}", params={{"_ids": i}}, headers=H).json()["data"]["result"][0]\n'
            "x = 1\n"
            'print(row["image_url"])\n',
        ),
        (
            "row.php",
            "<?php\n$c = new GuzzleHttp\\Client();\n"
            f"$row = json_decode($c->get('{LIST}', ['query' => $q])->getBody(), true)['data']['result'][0];\n"
            "echo $row['image_url'];\n",
        ),
    ],
)
def test_an_item_selected_after_a_parse_of_the_call(name: str, text: str) -> None:
    assert answer_reads(audit_text(text, name)) == [(4, "image_url", "data.result[i].image")]


def test_a_selection_given_to_another_function_is_not_the_answer() -> None:
    text = (
        "import requests\n"
        f'd = keep(requests.get("{INFO}", headers=H).json()["data"])\n'
        "x = 1\n"
        'print(d["output_url"])\n'
    )
    assert answer_reads(audit_text(text, "own.py")) == []


# -- 2. Go clients that decode the answer into a variable given by address -----------------------

GO_INFO_TYPE = (
    "type info struct {\n"
    "\tData struct {\n"
    '\t\tOutputURL string `json:"output_url"`\n'
    '\t} `json:"data"`\n'
    "}\n"
)


@pytest.mark.parametrize(
    "call",
    [
        f'resty.New().R().SetHeader("x-api-key", k).SetResult(&out).Get("{INFO}")',
        f'resty.New().R().\n\t\tSetHeader("x-api-key", k).\n\t\tSetResult(&out).\n\t\tGet("{INFO}")',
        f'req.C().R().SetHeader("x-api-key", k).SetSuccessResult(&out).Get("{INFO}")',
        f'sling.New().Get("{INFO}").Set("x-api-key", k).ReceiveSuccess(&out)',
        f'sling.New().Get("{INFO}").Set("x-api-key", k).Receive(&out, &failed)',
        f'requests.URL("{INFO}").Header("x-api-key", k).ToJSON(&out).Fetch(ctx)',
    ],
)
def test_go_client_decoding_into_a_struct(call: str) -> None:
    text = (
        f"package main\n\n{GO_INFO_TYPE}\n"
        "func get(k string) string {\n"
        "\tvar out info\n"
        f"\t_, err := {call}\n"
        "\t_ = err\n"
        "\treturn out.Data.OutputURL\n"
        "}\n"
    )
    assert answer_reads(audit_text(text, "get.go")) == [(5, "output_url", "data.video")]


def test_go_client_sending_a_struct_decodes_nothing_into_it() -> None:
    text = (
        f"package main\n\n{GO_INFO_TYPE}\n"
        "func get(k string) string {\n"
        "\tvar out info\n"
        f'\t_, err := resty.New().R().SetBody(&out).Get("{INFO}")\n'
        "\t_ = err\n"
        "\treturn out.Data.OutputURL\n"
        "}\n"
    )
    assert answer_reads(audit_text(text, "get.go")) == []


# -- 3. a cast written after the value, inside the parentheses a read goes on from ---------------

FACESWAP = "https://openapi.akool.com/api/open/v4/faceswap/faceswapByImage"


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "Swap.swift",
            "import Foundation\n"
            "func swap(key: String) async throws -> String {\n"
            f'    var req = URLRequest(url: URL(string: "{FACESWAP}")!)\n'
            '    req.httpMethod = "POST"\n'
            '    req.setValue(key, forHTTPHeaderField: "x-api-key")\n'
            "    let (data, _) = try await URLSession.shared.data(for: req)\n"
            "    let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any]\n"
            '    return (obj?["data"] as? [String: Any])?["result_url"] as? String ?? ""\n'
            "}\n",
            8,
        ),
        (
            "swap.ts",
            "export async function swap(): Promise<string> {\n"
            f'  const r = await fetch("{FACESWAP}", {{ method: "POST", headers, body }});\n'
            "  const j = await r.json();\n"
            "  return (j.data as any).result_url;\n"
            "}\n",
            4,
        ),
        (
            "Swap.kt",
            "fun swap(client: OkHttpClient, req: Request): String {\n"
            f'    val r = client.newCall(Request.Builder().url("{FACESWAP}").post(b).build()).execute()\n'
            "    val j = mapper.readValue(r.body!!.string(), Map::class.java)\n"
            '    return (j["data"] as Map<*, *>)["result_url"] as String\n'
            "}\n",
            4,
        ),
    ],
)
def test_a_read_through_an_after_cast(name: str, text: str, line: int) -> None:
    assert [r[:2] for r in answer_reads(audit_text(text, name))] == [(line, "result_url")]


# -- 4. a webhook payload parsed from AKOOL's dataEncrypt, however it is decoded ------------------


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        (
            "hook.js",
            'const express = require("express");\n'
            "const app = express();\n"
            'app.post("/callback", (req, res) => {\n'
            "  const { dataEncrypt } = req.body;\n"
            '  const evt = JSON.parse(Buffer.from(dataEncrypt, "base64").toString());\n'
            '  if (evt.status === "success") {\n'
            "    console.log(evt.video_url);\n"
            "  }\n"
            "  res.sendStatus(200);\n"
            "});\n",
            [(6, '"success"'), (7, "video_url")],
        ),
        (
            "hook.py",
            "import base64, json\n"
            '@app.post("/callback")\n'
            "def hook():\n"
            '    event = json.loads(base64.b64decode(request.json["dataEncrypt"]))\n'
            '    if event["status"] == "done":\n'
            '        save(event["result_url"])\n'
            '    return ""\n',
            [(5, '"done"'), (6, "result_url")],
        ),
        (
            "hook.rb",
            'post "/callback" do\n'
            '  evt = JSON.parse(Base64.decode64(params["dataEncrypt"]))\n'
            '  puts evt["video_url"] if evt["status"] == "completed"\n'
            "end\n",
            [(3, "video_url"), (3, '"completed"')],
        ),
    ],
)
def test_a_payload_parsed_from_data_encrypt(
    name: str, text: str, found: list[tuple[int, str]]
) -> None:
    rules = ("response-field", "status-value")
    assert [(f.line, f.found) for f in audit_text(text, name) if f.rule in rules] == found


def test_a_parse_of_the_whole_body_is_no_payload() -> None:
    text = (
        'app.post("/callback", (req, res) => {\n'
        "  const body = JSON.parse(req.rawBody);\n"
        "  const enc = JSON.parse(req.rawBody).dataEncrypt;\n"
        '  if (body.status === "success") console.log(body.video_url, enc);\n'
        "});\n"
    )
    assert audit_text(text, "hook.js") == []
