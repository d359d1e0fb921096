"""`akool audit` on session eighteen's recall30b shapes (repro21m, repro21l): request values a
script takes from a command-line option of Node's commander and yargs or Go's flag package, a
lookup table of its own, a typing Literal, a UI's choice list, and the values the docs give in
prose."""

from __future__ import annotations

from akool_cli.audit.scan import audit_text

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"


def places(text: str, name: str) -> set[tuple[int, str]]:
    return {(f.line, f.rule) for f in audit_text(text, name)}


# -- commander-yargs-goflag-option-defaults-not-followed ------------------------------------------


def test_commander_option_default_and_camel_name_are_judged() -> None:
    text = "\n".join(
        (
            'const { program } = require("commander");',
            "program",
            '  .option("-r, --resolution <r>", "720p or 1080p", "720p")',
            '  .option("--out-res <r>", "resolution", "4k")',
            '  .option("--ok <r>", "resolution", "1080")',
            "  .parse();",
            "const opts = program.opts();",
            f'fetch("{TALK}", {{ method: "POST", body: JSON.stringify({{',
            "  resolution: opts.resolution, talking_photo_url: 'p', audio_url: 'a' }) });",
            f'fetch("{TALK}", {{ method: "POST", body: JSON.stringify({{',
            "  resolution: opts.outRes, talking_photo_url: 'p', audio_url: 'a' }) });",
            f'fetch("{TALK}", {{ method: "POST", body: JSON.stringify({{',
            "  resolution: opts.ok, talking_photo_url: 'p', audio_url: 'a' }) });",
        )
    )
    assert places(text, "cli.js") == {(3, "bad-value"), (4, "bad-value")}


def test_yargs_option_default_and_choices_are_judged() -> None:
    text = "\n".join(
        (
            'const argv = require("yargs")',
            '  .option("resolution", { default: "1080", choices: ["720", "1080", "4k"] })',
            '  .option("photo", { type: "string" }).argv;',
            f'fetch("{TALK}", {{ method: "POST", body: JSON.stringify({{',
            "  resolution: argv.resolution, talking_photo_url: argv.photo, audio_url: 'a' }) });",
        )
    )
    found = [f for f in audit_text(text, "y.js") if f.rule == "bad-value"]
    assert [(f.line, '"4k"' in f.message) for f in found] == [(2, True)]


def test_go_flag_default_read_through_its_pointer_is_judged() -> None:
    text = "\n".join(
        (
            "package main",
            'import ("bytes"; "encoding/json"; "flag"; "net/http")',
            "func main() {",
            '\tres := flag.String("resolution", "720p", "output resolution")',
            '\tok := flag.String("ok", "1080", "a documented one")',
            "\tflag.Parse()",
            '\tb, _ := json.Marshal(map[string]string{"talking_photo_url": "p", "audio_url": "a",'
            ' "resolution": *res})',
            f'\thttp.Post("{TALK}", "application/json", bytes.NewReader(b))',
            '\tc, _ := json.Marshal(map[string]string{"talking_photo_url": "p", "audio_url": "a",'
            ' "resolution": *ok})',
            f'\thttp.Post("{TALK}", "application/json", bytes.NewReader(c))',
            "}",
        )
    )
    assert places(text, "main.go") == {(4, "bad-value")}


# -- value-lookup-table-into-field-missed ---------------------------------------------------------


def test_a_lookup_tables_values_are_judged_where_written() -> None:
    text = "\n".join(
        (
            "import requests",
            f'URL = "{TALK}"',
            "RES = {",
            '    "sd": "720",',
            '    "uhd": "4k",',
            "}",
            'SIZES = ["720", "1080", "2k"]',
            'NEST = {"sd": {"r": "720p"}}',
            'OK = {"sd": "720", "hd": "1080"}',
            "def a(q, i):",
            '    body = {"talking_photo_url": "p", "audio_url": "a"}',
            '    requests.post(URL, json={**body, "resolution": RES[q]})',
            '    requests.post(URL, json={**body, "resolution": RES.get(q, "720")})',
            '    requests.post(URL, json={**body, "resolution": SIZES[i]})',
            '    requests.post(URL, json={**body, "resolution": NEST[q]["r"]})',
            '    requests.post(URL, json={**body, "resolution": OK[q]})',
            '    requests.post(URL, json={**body, "resolution": RES["sd"]})',
        )
    )
    assert places(text, "a.py") == {(5, "bad-value"), (7, "bad-value")}


def test_a_lookup_table_in_php_ruby_ts_and_go() -> None:
    php = "\n".join(
        (
            "<?php",
            "$res = ['sd' => '720p', 'hd' => '1080'];",
            f"Http::post('{TALK}', ['talking_photo_url' => 'p', 'audio_url' => 'a',"
            " 'resolution' => $res[$q]]);",
        )
    )
    ruby = "\n".join(
        (
            'RES = { "sd" => "720p", "hd" => "1080" }.freeze',
            f'HTTParty.post("{TALK}", body: {{ talking_photo_url: "p", audio_url: "a",'
            " resolution: RES[q] }.to_json)",
        )
    )
    ts = "\n".join(
        (
            'const RES: Record<string, string> = { sd: "720p", hd: "1080" };',
            f'fetch("{TALK}", {{ method: "POST", body: JSON.stringify({{ talking_photo_url: "p",'
            ' audio_url: "a", resolution: RES[q] ?? "720" }) });',
        )
    )
    go = "\n".join(
        (
            "package main",
            'var resolutions = map[string]string{"sd": "720p", "hd": "1080"}',
            "func talk(q string) {",
            '\tb, _ := json.Marshal(map[string]string{"talking_photo_url": "p", "audio_url": "a",'
            ' "resolution": resolutions[q]})',
            f'\thttp.Post("{TALK}", "application/json", bytes.NewReader(b))',
            "}",
        )
    )
    assert places(php, "a.php") == {(2, "bad-value")}
    assert places(ruby, "a.rb") == {(1, "bad-value")}
    assert places(ts, "a.ts") == {(1, "bad-value")}
    assert places(go, "a.go") == {(2, "bad-value")}


# -- python-typing-literal-values-not-judged, ui-choice-lists-streamlit-gradio-not-judged ---------


def test_python_literal_types_and_zod_enums_are_judged_as_unions() -> None:
    text = "\n".join(
        (
            "from typing import Literal, Optional",
            "import requests",
            'Res = Literal["720p", "1080"]',
            'Quality = Literal["low", "high"]',  # (types nothing sent)
            "class Player:",
            '    quality: Quality = "low"',
            "def create(photo: str, audio: str, resolution: Res):",
            f'    return requests.post("{TALK}", json={{"talking_photo_url": photo,'
            ' "audio_url": audio, "resolution": resolution})',
            'def create2(p, a, resolution: Optional[Literal["720", "1080", "2k"]] = None):',
            f'    return requests.post("{TALK}", json={{"talking_photo_url": p,'
            ' "audio_url": a, "resolution": resolution or "720"})',
        )
    )
    zod = "\n".join(
        (
            'import { z } from "zod";',
            'const input = z.object({ resolution: z.enum(["720", "1080", "4k"]) }).parse(body);',
            f'await fetch("{TALK}", {{ method: "POST", body: JSON.stringify({{ talking_photo_url: "p",'
            " audio_url: 'a', resolution: input.resolution }) });",
        )
    )
    assert places(text, "lit.py") == {(3, "bad-value"), (9, "bad-value")}
    assert places(zod, "t.ts") == {(2, "bad-value")}


def test_streamlit_options_are_the_values_of_the_name_they_are_bound_to() -> None:
    prompt = "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
    text = "\n".join(
        (
            "import requests",
            "import streamlit as st",
            'scale = st.sidebar.selectbox("Aspect", options=("1:1", "16:9", "21:9"), index=0)',
            'ok = st.radio("Aspect", ["1:1", "16:9"])',
            'prompt = st.text_input("Prompt")',
            f'requests.post("{prompt}", json={{"prompt": prompt, "scale": scale}})',
            f'requests.post("{prompt}", json={{"prompt": prompt, "scale": ok}})',
        )
    )
    assert places(text, "s.py") == {(3, "bad-value")}


def test_a_gradio_components_choices_are_its_parameters_values() -> None:
    text = "\n".join(
        (
            "import gradio as gr",
            "import requests",
            "def run(photo, audio, resolution):",
            f'    return requests.post("{TALK}", json={{"talking_photo_url": photo,'
            ' "audio_url": audio, "resolution": resolution}).json()',
            "with gr.Blocks() as demo:",
            "    photo, audio = gr.Textbox(), gr.Textbox()",
            '    res = gr.Radio(label="Resolution", choices=["720", "1080", "1440"])',
            "    gr.Button().click(fn=run, inputs=[photo, audio, res])",
            'gr.Interface(run, [gr.Textbox(), gr.Textbox(), gr.Dropdown(["720", "4k"])], "json")',
        )
    )
    assert places(text, "g.py") == {(7, "bad-value"), (9, "bad-value")}


# -- dto-field-default-value-not-judged -----------------------------------------------------------


def test_a_request_types_member_default_is_judged_when_the_type_is_sent_whole() -> None:
    cs = "\n".join(
        (
            "public class TalkReq {",
            '    [JsonPropertyName("talking_photo_url")] public string Photo { get; set; } = "";',
            '    [JsonPropertyName("audio_url")] public string Audio { get; set; } = string.Empty;',
            '    [JsonPropertyName("resolution")] public string Resolution { get; set; } = "4K";',
            "}",
            "public class Svc {",
            "    static readonly HttpClient Http = new();",
            "    public Task<HttpResponseMessage> Go(TalkReq r) =>",
            f'        Http.PostAsJsonAsync("{TALK}", r);',
            "}",
        )
    )
    py = "\n".join(
        (
            "from dataclasses import dataclass, asdict",
            "import requests",
            "@dataclass",
            "class TalkReq:",
            '    talking_photo_url: str = ""',
            "    audio_url: str | None = None",
            '    resolution: str = "720p"',
            "def send(r: TalkReq):",
            f'    return requests.post("{TALK}", json=asdict(r))',
        )
    )
    assert places(cs, "Svc.cs") == {(4, "bad-value")}
    assert places(py, "talk.py") == {(7, "bad-value")}


# -- catalogue-prose-values-still-missing-t17 ------------------------------------------------------


def test_values_the_docs_give_in_prose_are_judged() -> None:
    v3, v4 = "https://openapi.akool.com/api/open/v3", "https://openapi.akool.com/api/open/v4"
    text = "\n".join(
        (
            "import requests",
            f'requests.post("{v3}/content/image/createbybutton", json={{"_id": "x", "button": "U5"}})',
            f'requests.post("{v3}/content/image/createbybutton", json={{"_id": "x", "button": "V2"}})',
            f'requests.post("{v4}/voice/clone", json={{"source_voice_file": "https://x/a.wav",'
            ' "voice_model_name": "Akool Multilingual 5"})',
            f'requests.post("{v4}/voice/clone", json={{"source_voice_file": "https://x/a.wav",'
            ' "voice_model_name": "Akool Multilingual 3"})',
            f'requests.post("{v3}/audio/create", json={{"input_text": "hi", "voice_id": "v",'
            ' "rate": "1.2"})',
            f'requests.post("{v3}/audio/create", json={{"input_text": "hi", "voice_id": "v",'
            ' "rate": "150%"})',
            f'requests.post("{v3}/audio/create", json={{"input_text": "hi", "voice_id": "v",'
            ' "rate": "85%"})',
            f'requests.post("{v3}/content/analysis/sentiment", json={{"content": "u", "type": 5}})',
            f'requests.post("{v3}/content/analysis/sentiment", json={{"content": "u", "type": 3}})',
        )
    )
    # (sentiment's `type` 3: the jarvis-moderator page documents "3: auido" for the same endpoint)
    assert places(text, "values.py") == {
        (2, "bad-value"),
        (4, "bad-value"),
        (6, "bad-value"),
        (7, "bad-value"),
        (9, "bad-value"),
    }


# -- mock-request-body-matchers-not-judged --------------------------------------------------------

LIPSYNC = "https://openapi.akool.com/api/open/v3/content/video/lipsync"


def test_the_body_a_mock_matches_is_judged_as_the_code_under_tests() -> None:
    js = "\n".join(
        (
            'const nock = require("nock");',
            'const fetchMock = require("fetch-mock");',
            'nock("https://openapi.akool.com")',
            '  .post("/api/open/v3/content/video/lipsync", { video_url: "v", audio: "a" })',
            "  .reply(200, { code: 1000, data: { _id: 'x' } });",
            f'fetchMock.post("{LIPSYNC}", {{ status: 200, body: {{ code: 1000, data: {{ id: 1 }} }} }});',
            'nock("https://openapi.akool.com").post("/api/open/v3/content/video/lipsync",'
            " (body) => body.audio === 'a').reply(200, {});",
        )
    )
    rb = "\n".join(
        (
            f'stub_request(:post, "{LIPSYNC}")',
            '  .with(body: { video_url: "v", audio: "a" }.to_json)',
            f'stub_request(:post, "{LIPSYNC}")',
            '  .with(body: hash_including({ "video_url" => "v", "audio" => "a" }))',
            f'stub_request(:post, "{LIPSYNC}").to_return(body: {{ code: 1000 }}.to_json)',
        )
    )
    py = "\n".join(
        (
            "import responses",
            "from responses import matchers",
            f'responses.add(responses.POST, "{LIPSYNC}", json={{"code": 1000, "data": {{"x": 1}}}},',
            '    match=[matchers.json_params_matcher({"video_url": "v", "audio": "a"})])',
            f'responses.add(responses.POST, "{LIPSYNC}",',
            '    match=[matchers.json_params_matcher({"video_url": "v"})])',  # (partial: silent)
        )
    )
    assert places(js, "n.test.js") == {(4, "misnamed-field")}
    assert places(rb, "s_spec.rb") == {(2, "misnamed-field"), (4, "misnamed-field")}
    assert places(py, "test_r.py") == {(4, "misnamed-field")}


# -- shell-wrapper-call-inside-test-bracket-missed -----------------------------------------------


def test_a_shell_wrappers_call_inside_a_tests_substitution_is_read() -> None:
    text = "\n".join(
        (
            "#!/usr/bin/env bash",
            "BASE=https://openapi.akool.com/api/open/v3",
            'akool() { curl -sS -H "x-api-key: $AKOOL_API_KEY" "$BASE$1" "${@:2}"; }',
            'x=$(akool "/content/video/detail?id=$1" | jq -r .data.video_status)',
            'until [ "$(akool "/content/video/detail?id=$1" | jq -r .data.video_status)" = 3 ];'
            " do sleep 10; done",
            'if [[ $(akool "/content/video/status/$1" | jq -r .data.video_status) == 3 ]]; then :; fi',
            'while ! [ "$(akool /content/video/infobymodelid?video_model_id=$1 | jq -r .code)" ]; do :; done',
            'if [ -n "$(dirname "$0")" ]; then :; fi',
        )
    )
    assert {line for line, _ in places(text, "poll.sh")} == {4, 5, 6}


# -- go-nested-map-literal-values-not-judged (break21o) -------------------------------------------


def test_a_go_map_literals_nested_values_are_judged() -> None:
    text = "\n".join(
        (
            "package voice",
            "func Speak(key, voiceID, text string) {",
            "\tpayload := map[string]any{",
            '\t\t"input_text": text,',
            '\t\t"voice_id":   voiceID,',
            '\t\t"voice_options": map[string]interface{}{',
            '\t\t\t"stability":        2,',
            '\t\t\t"similarity_boost": 0.75,',
            "\t\t},",
            "\t}",
            "\tb, _ := json.Marshal(payload)",
            '\treq, _ := http.NewRequest("POST", "https://openapi.akool.com/api/open/v4/voice/tts",'
            " bytes.NewReader(b))",
            '\treq.Header.Set("x-api-key", key)',
            "\thttp.DefaultClient.Do(req)",
            "}",
        )
    )
    assert places(text, "tts.go") == {(7, "bad-value")}


def test_a_go_slice_of_values_indexed_into_a_field_is_judged() -> None:
    text = "\n".join(
        (
            "package main",
            'var resolutions = []string{"720", "1080", "4k"}',
            'var ok = []string{"720", "1080"}',
            "func talk(i int) {",
            '\tb, _ := json.Marshal(map[string]string{"talking_photo_url": "p", "audio_url": "a",'
            ' "resolution": resolutions[i]})',
            f'\thttp.Post("{TALK}", "application/json", bytes.NewReader(b))',
            '\tc, _ := json.Marshal(map[string]string{"talking_photo_url": "p", "audio_url": "a",'
            ' "resolution": ok[i]})',
            f'\thttp.Post("{TALK}", "application/json", bytes.NewReader(c))',
            "}",
        )
    )
    assert places(text, "sl.go") == {(2, "bad-value")}


# -- python-enum-auto-member-values-not-evaluated (break21o) --------------------------------------


def test_python_enum_members_numbered_by_auto_are_their_numbers() -> None:
    info = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"

    def poll(members: str, base: str = "IntEnum") -> set[tuple[int, str]]:
        text = "\n".join(
            (
                "import requests",
                "from enum import Enum, IntEnum, IntFlag, auto",
                f"class S({base}):",
                *(f"    {m}" for m in members.split(";")),
                f'd = requests.get("{info}", params={{"video_model_id": "x"}}).json()["data"]',
                'if d["video_status"] == S.DONE:',
                '    print(d["video"])',
            )
        )
        return {(line, rule) for line, rule in places(text, "job.py") if rule == "status-value"}

    assert poll("QUEUED = auto();DONE = auto();PROCESSING = auto()") == {(8, "status-value")}
    assert poll("QUEUED = auto();PROCESSING = auto();DONE = auto()") == set()
    assert poll("QUEUED = auto();DONE = auto()", "Enum") == {(7, "status-value")}
    assert poll("QUEUED = 0;DONE = auto()") == {(7, "status-value")}  # (1: queueing)
    assert poll("QUEUED = auto();PROCESSING = auto();DONE = auto()", "IntFlag") == set()
