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
            "Info.kt",
            "fun f(client: OkHttpClient): String {\n"
            f'    val d = JSONObject(client.newCall(Request.Builder().url("{INFO}").build())'
            '.execute().body!!.string()).getJSONObject("data")\n'
            "    val x = 1\n"
            '    return d.getString("output_url")\n}\n',
        ),
        (
            "Info.cs",
            "class A {\n  async Task<string> F(HttpClient http) {\n"
            f'    var d = JsonNode.Parse(await http.GetStringAsync("{INFO}"))!["data"]!;\n'
            '    return (string)d["output_url"]!;\n  }\n}\n',
        ),
    ],
)
def test_data_selected_by_a_getter_or_a_null_forgiving_subscript(name: str, text: str) -> None:
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
    "selection",
    [
        ".data.data.result;\n  const x = 1;\n  return rows[0]",
        ".data.data.result[0];\n  const x = 1;\n  return rows",
    ],
)
def test_a_selection_of_an_awaited_axios_body(selection: str) -> None:
    text = (
        'const axios = require("axios");\n'
        "async function f(i) {\n"
        f'  const rows = (await axios.get("{LIST}?_ids=" + i, {{ headers }})){selection}.image_url;\n'
        "}\n"
    )
    assert answer_reads(audit_text(text, "rows.js")) == [(5, "image_url", "data.result[i].image")]


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
            'app.post("/akool/callback", (req, res) => {\n'
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
            '@app.post("/akool/callback")\n'
            "def hook():\n"
            '    event = json.loads(base64.b64decode(request.json["dataEncrypt"]))\n'
            '    if event["status"] == "done":\n'
            '        save(event["result_url"])\n'
            '    return ""\n',
            [(5, '"done"'), (6, "result_url")],
        ),
        (
            "hook.rb",
            'post "/akool/callback" do\n'
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
    # (breakit35: in a file that never names AKOOL, a field named dataEncrypt decoded by base64
    # alone is another service's: AKOOL's is AES ciphertext)
    other = text.replace("/akool/callback", "/partner/callback")
    assert [f for f in audit_text(other, name) if f.rule in rules] == []


def test_a_parse_of_the_whole_body_is_no_payload() -> None:
    text = (
        'app.post("/callback", (req, res) => {\n'
        "  const body = JSON.parse(req.rawBody);\n"
        "  const enc = JSON.parse(req.rawBody).dataEncrypt;\n"
        '  if (body.status === "success") console.log(body.video_url, enc);\n'
        "});\n"
    )
    assert audit_text(text, "hook.js") == []


# -- 5. a read under the data of an answer the docs give without one -----------------------------

DELETE = f"{V3}/faceswap/result/delbyids"


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "clean.js",
            "async function clean(ids) {\n"
            f'  const {{ data }} = await axios.post("{DELETE}", {{ _ids: ids }}, {{ headers }});\n'
            "  console.log(data.data.deleted_count);\n"
            "}\n",
            3,
        ),
        (
            "clean.py",
            "import requests\n"
            f'r = requests.post("{DELETE}", json={{"_ids": ids}}, headers=H)\n'
            'print(r.json()["data"]["deleted_count"])\n',
            3,
        ),
        (
            "clean.rb",
            f'res = Faraday.post("{DELETE}", {{ _ids: ids }}.to_json, H)\n'
            'puts JSON.parse(res.body)["data"]["deleted_count"]\n',
            2,
        ),
    ],
)
def test_a_read_under_data_of_an_answer_without_data(name: str, text: str, line: int) -> None:
    found = [(f.line, f.rule, f.severity, f.found) for f in audit_text(text, name)]
    assert found == [(line, "answer-field", "warning", "deleted_count")]


def test_the_envelope_of_an_answer_without_data_is_read() -> None:
    text = (
        "import requests\n"
        f'r = requests.post("{DELETE}", json={{"_ids": ids}}, headers=H).json()\n'
        'print(r["code"], r["msg"])\n'
    )
    assert audit_text(text, "ok.py") == []


# -- 6. a status read compared in place with 0, a state AKOOL never gives -------------------------


def _zero_status(name: str, text: str) -> list[tuple[int, str]]:
    return [(f.line, f.found) for f in audit_text(text, name) if f.rule == "status-value"]


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "zero.py",
            "import requests\n"
            f'd = requests.get("{INFO}", params={{"video_model_id": v}}, headers=H).json()["data"]\n'
            'if d["video_status"] == 0:\n'
            '    print("not started")\n',
            3,
        ),
        (
            "zero.rb",
            f'res = Faraday.get("{LIST}", {{ _ids: id }}, H)\n'
            'row = JSON.parse(res.body)["data"]["result"].first\n'
            'retry_later if row["faceswap_status"] == 0\n',
            3,
        ),
        (
            "zero.js",
            "async function poll(id) {\n"
            f"  const j = await (await fetch(`{INFO}?video_model_id=${{id}}`, {{ headers }})).json();\n"
            '  if (j.data.video_status === 0) return "queued";\n'
            "}\n",
            3,
        ),
    ],
)
def test_a_status_read_compared_in_place_with_zero(name: str, text: str, line: int) -> None:
    assert _zero_status(name, text) == [(line, "0")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "default.py",
            "import requests\n"
            f'd = requests.get("{INFO}", headers=H).json()["data"]\n'
            's = d.get("video_status", 0)\n'
            'if d["video_status"] == 0:\n'
            "    pass\n",
        ),
        (
            "loop.py",
            "import requests\n"
            "status = 0\n"
            "while status == 0:\n"
            f'    status = requests.get("{INFO}", headers=H).json()["data"]["video_status"]\n',
        ),
        (
            "cast.js",
            "async function poll(id) {\n"
            f"  const j = await (await fetch(`{INFO}?video_model_id=${{id}}`)).json();\n"
            '  if (Number(j.data.video_status) === 0) return "none";\n'
            "}\n",
        ),
        (
            "to_i.rb",
            f'res = Faraday.get("{INFO}", {{ video_model_id: id }}, H)\n'
            'd = JSON.parse(res.body)["data"]\n'
            'retry_later if d["video_status"].to_i == 0\n',
        ),
        (
            "loose.php",
            "<?php\n$c = new GuzzleHttp\\Client();\n"
            f"$d = json_decode($c->get('{INFO}')->getBody(), true)['data'];\n"
            "if ($d['video_status'] == 0) { echo 'none'; }\n",
        ),
        (
            "zero.go",
            "package main\n\n"
            "type info struct {\n"
            "\tData struct {\n"
            '\t\tVideoStatus int `json:"video_status"`\n'
            '\t} `json:"data"`\n'
            "}\n\n"
            "func get() bool {\n"
            "\tvar out info\n"
            f'\tresp, _ := http.Get("{INFO}")\n'
            "\tjson.NewDecoder(resp.Body).Decode(&out)\n"
            "\treturn out.Data.VideoStatus == 0\n"
            "}\n",
        ),
    ],
)
def test_zero_as_no_status_yet_is_not_reported(name: str, text: str) -> None:
    assert _zero_status(name, text) == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "merged.py",
            "import requests\n"
            f'r = requests.get("{INFO}", headers=H)\n'
            'd = {"video_status": 0, **r.json()["data"]}\n'
            'if d["video_status"] == 0:\n'
            "    pass\n",
        ),
        (
            "destructure.ts",
            "export async function f(id: string) {\n"
            f"  const j = await (await fetch(`{INFO}?video_model_id=${{id}}`)).json();\n"
            "  const { video_status = 0 } = j.data ?? {};\n"
            "  if (video_status === 0) return null;\n"
            '  if (j.data["video_status"] === 0) return null;\n'
            "}\n",
        ),
        (
            "model.py",
            "import requests\n"
            "class Info(BaseModel):\n"
            "    video_status: int = 0\n"
            f'info = Info(**requests.get("{INFO}", headers=H).json()["data"])\n'
            "if info.video_status == 0:\n"
            "    pass\n",
        ),
    ],
)
def test_a_zero_default_anywhere_keeps_zero_unreported(name: str, text: str) -> None:
    assert _zero_status(name, text) == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "rows_get.py",
            "import requests\n"
            f'rows = requests.get("{LIST}", headers=H).json().get("data", {{}}).get("result", [])\n'
            "x = 1\n"
            'print(rows[0]["image_url"])\n',
        ),
        (
            "rows_dig.rb",
            'require "faraday"\n'
            f'rows = JSON.parse(Faraday.get("{LIST}", {{ _ids: i }}, H).body).dig("data", "result")\n'
            "x = 1\n"
            'puts rows[0]["image_url"]\n',
        ),
    ],
)
def test_a_list_selected_with_defaults_or_dig(name: str, text: str) -> None:
    assert answer_reads(audit_text(text, name)) == [(4, "image_url", "data.result[i].image")]
