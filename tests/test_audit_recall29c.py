"""`akool audit` on session seventeen's recall29c shapes (repro21k, repro21j): answer reads chained
on a PHP response, shell status tests of a generic `data.status`, ISO 639-1 language codes, and
columns of a file that opens with a byte-order mark."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

from pytest import MonkeyPatch

from akool_cli.audit import statuses
from akool_cli.audit.fixes import patch
from akool_cli.audit.scan import audit, audit_text
from tests.support.generator import generator

QUOTA = "https://openapi.akool.com/api/open/v3/faceswap/quota/info"


def places(text: str, name: str) -> set[tuple[int, str]]:
    return {(f.line, f.rule) for f in audit_text(text, name)}


# -- php-toarray-chained-answer-read-missed -----------------------------------------------------


def test_php_reads_chained_on_the_response_are_judged() -> None:
    text = "\n".join(
        (
            "<?php",
            f"$r = $http->request('GET', '{QUOTA}');",
            "$a = $r->toArray()['data']['credits'];",  # Symfony HttpClient
            "$b = $r->json()['data']['credits'];",  # Laravel
            "$c = $r->object()->data->credits;",
            "$d = $r->toArray()['data']['credit'];",  # documented: silent
        )
    )
    assert places(text, "quota.php") == {
        (3, "response-field"),
        (4, "response-field"),
        (5, "response-field"),
    }


def test_php_data_held_from_a_chained_parse_is_the_answers_data() -> None:
    text = "\n".join(
        (
            "<?php",
            f"$r = Http::get('{QUOTA}');",
            "$data = $r->toArray()['data'];",
            "echo $data['credits'];",
            "$more = $r->json()['data'];",
            "echo $more['credits'], $more['credit'];",
        )
    )
    assert places(text, "quota.php") == {(4, "response-field"), (6, "response-field")}


# -- shell-jq-generic-data-status-not-judged --------------------------------------------------------


def test_shell_tests_of_a_generic_data_status_are_judged_by_their_call() -> None:
    api = "https://openapi.akool.com/api/open"
    text = "\n".join(
        (
            "#!/usr/bin/env bash",
            f's=$(curl -fsS "{api}/v4/liveAvatar/session/detail?id=$1" | jq -r .data.status)',
            'if [ "$s" = "completed" ]; then echo ended; fi',  # a number 1-4: no word
            'if [ "$s" -eq 5 ]; then echo x; fi',  # 5 is no state
            'if [ "$s" -eq 3 ]; then echo done; fi',  # 3 completed: silent
            f"w=$(curl -fsS -X POST {api}/v3/content/analysis/sentiment -d '{{}}' | jq -r '.data.status')",
            'case "$w" in',
            '  2) echo "done" ;;',  # 2 is processing
            '  4) echo "failed" ;;',  # 4 failed: silent
            "esac",
        )
    )
    got = {(line, rule) for line, rule in places(text, "live.sh") if rule == "status-value"}
    assert got == {(3, "status-value"), (4, "status-value"), (8, "status-value")}


# -- iso-language-code-format-not-checked -----------------------------------------------------------


def test_a_language_name_where_the_docs_ask_for_an_iso_code_is_a_bad_value() -> None:
    v4 = "https://openapi.akool.com/api/open/v4"
    text = "\n".join(
        (
            "import requests",
            f'requests.post("{v4}/voice/tts", json={{"input_text": "a", "voice_id": "v", "language_code": "spanish"}})',
            f'requests.post("{v4}/voice/clone", json={{"source_voice_file": "u", "voice_options": {{"language": "English"}}}})',
            f'requests.post("{v4}/voice/tts", json={{"input_text": "a", "voice_id": "v", "language_code": "es"}})',
            f'requests.post("{v4}/voice/tts", json={{"input_text": "a", "voice_id": "v", "language_code": "en-US"}})',
            f'requests.post("{v4}/voice/tts", json={{"input_text": "a", "voice_id": "v", "language_code": "EN"}})',
            f'requests.post("{v4}/voice/tts", json={{"input_text": "a", "voice_id": "v", "language_code": "{{x}}"}})',
        )
    )
    found = {f.line: f for f in audit_text(text, "tts.py") if f.rule == "bad-value"}
    assert sorted(found) == [2, 3, 5]
    fixes = {line: hit.fix.new if hit.fix else None for line, hit in found.items()}
    assert fixes == {2: '"es"', 3: '"en"', 5: '"en"'}


def test_the_generator_takes_the_iso_format_from_the_row_only() -> None:
    gen = generator()
    row = {"parameter": "language", "type": "String", "required": "false"}
    said = 'Language code (ISO 639-1) of the audio file. Defaults to "en" if not specified'
    assert gen._field_from_row({**row, "description": said})["format"] == "iso639-1"
    said = "Supplying the input language in ISO-639-1 format"
    assert gen._field_from_row({**row, "description": said})["format"] == "iso639-1"
    assert "format" not in gen._field_from_row({**row, "description": "Voice language"})
    assert "format" not in gen._field_from_row({**row, "type": "Integer", "description": said})


# -- py-client-method-answer-subscript-false-response-field (repro21l) -------------------------------

CLIENT = """import requests


class Akool:
    def __init__(self, base_url="https://openapi.akool.com/api/open/v3"):
        self.base_url = base_url

    def _request(self, method, path, **kwargs):
        return requests.request(method, f"{self.base_url}{path}", **kwargs).json()

    def video_info(self, video_id):
        return self._request("GET", "/content/video/infobymodelid", params={"video_model_id": video_id})


client = Akool()
"""


def test_the_data_of_a_client_methods_answer_is_the_answers_data() -> None:
    text = CLIENT + "\n".join(
        (
            "def a(vid):",
            '    info = client.video_info(vid)["data"]',
            '    return info["video_status"], info["video"]',  # line 18: documented
            "def b(vid):",
            '    info = client.video_info(vid).get("data", {})',
            '    return info.get("video_status"), info.get("status")',  # line 21: data.status
            "def c(vid):",
            "    whole = client.video_info(vid)",
            '    return whole["video_status"]',  # line 24: under data
        )
    )
    assert places(text, "client.py") == {(21, "response-field"), (24, "response-field")}


# -- ruby-array-hash-methods-read-as-answer-fields (repro21l) -----------------------------------------


def test_ruby_methods_of_an_answers_data_are_no_fields() -> None:
    text = "\n".join(
        (
            'require "json"',
            'conn = Faraday.new(url: "https://openapi.akool.com")',
            'v = JSON.parse(conn.get("/api/open/v3/voice/list", { from: 3 }).body)',
            'v["data"].each { |x| puts x["voice_id"] }',
            'puts v["data"].first["voice_id"] if v["data"].any?',
            'i = JSON.parse(conn.get("/api/open/v3/content/video/infobymodelid", { video_model_id: 1 }).body)',
            'puts i["data"].key?("video"), i["data"].to_h',
            'puts i["data"]["each"], i["data"].videoUrl',  # a key, and a field no method has
        )
    )
    assert {line for line, _ in places(text, "voices.rb")} == {8}


# -- laravel-json-path-held-in-variable-status-missed (repro21l) ---------------------------------------


def test_a_php_local_bound_to_a_status_read_is_followed_to_its_tests() -> None:
    text = "\n".join(
        (
            "<?php",
            "$res = Http::get('https://openapi.akool.com/api/open/v3/faceswap/result/listbyids', ['_ids' => $id]);",
            "$status = $res->json('data.result.0.faceswap_status');",
            "if ($status === 2) { $s = 'done'; }",  # 2 is processing
            "if ($status === 4) { $s = 'failed'; }",  # 4 failed: silent
        )
    )
    assert places(text, "Poll.php") == {(4, "status-value")}


# -- wait-loop-exit-status-not-judged (repro21l) ------------------------------------------------------


def test_a_polling_loop_that_ends_on_a_processing_state_is_judged() -> None:
    api = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
    poll = f'        s = requests.get("{api}", params={{"video_model_id": v}}).json()["data"]["video_status"]'
    text = "\n".join(
        (
            "import requests",
            "def wait(v):",
            "    s = 1",
            "    while s != 2:",  # ends on 2 (processing), then reads the result: line 4
            poll,
            '    return "done"',
            "def wait_right(v):",
            "    s = 1",
            "    while s != 3:",  # ends on 3 (completed): silent
            poll,
            '    return "done"',
            "def wait_either(v):",
            "    s = 1",
            "    while s != 2 and s != 4:",  # two ways out: not judged
            poll,
            '    return "done"',
        )
    )
    assert places(text, "wait.py") == {(4, "status-value")}


# -- R httr2 pipelines with the body before the path, ending in the parse -----------------------------


def test_an_httr2_pipeline_with_its_body_first_is_read_and_its_parsed_answer_judged() -> None:
    text = "\n".join(
        (
            "library(httr2)",
            'base <- "https://openapi.akool.com/api/open/v3"',
            "out <- request(base) |>",
            '  req_body_json(list(talking_photo_url = p, audio_url = a, resolution = "720p")) |>',
            '  req_url_path_append("content/video/createbytalkingphoto") |>',
            "  req_perform() |>",
            "  resp_body_json()",
            "print(out$data$task_id)",
            "print(out$data$`_id`)",
        )
    )
    assert places(text, "talk.R") == {(4, "bad-value"), (8, "response-field")}


# -- Elixir answers read by pattern matching ---------------------------------------------------------


def test_elixir_pattern_matches_on_an_answer_are_reads() -> None:
    text = "\n".join(
        (
            'url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"',
            "{:ok, %{body: raw}} = HTTPoison.post(url, Jason.encode!(%{talking_photo_url: p, audio_url: a}), [])",
            '%{"data" => %{"task_id" => id}} = Jason.decode!(raw)',
            '%{"data" => %{"_id" => job}} = Jason.decode!(raw)',
        )
    )
    found = {(f.line, f.column, f.rule) for f in audit_text(text, "talk.exs")}
    assert found == {(3, 16, "response-field")}


# -- a notebook's `!curl -d '{json.dumps(body)}'` -----------------------------------------------------


def test_a_dict_a_notebook_dumps_into_a_curl_line_is_the_body() -> None:
    cells = [
        [
            'body = {"talking_photo_url": "https://x/p.png", "audio_url": "https://x/a.mp3", "resolution": "720p"}\n'
        ],
        [
            "!curl -X POST https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto "
            "-H 'Content-Type: application/json' -d '{json.dumps(body)}'\n"
        ],
    ]
    book = {
        "cells": [{"cell_type": "code", "metadata": {}, "source": c, "outputs": []} for c in cells],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    text = json.dumps(book, indent=1)
    line = next(n for n, written in enumerate(text.splitlines(), 1) if "720p" in written)
    found = [(f.line, f.found) for f in audit_text(text, "demo.ipynb") if f.rule == "bad-value"]
    assert found == [(line, '"720p"')]


# -- hunted: jq's `.data | .x`, Ruby's `x = j.dig("data", "x_status")` then tested --------------------


def test_a_jq_read_piped_through_data_is_judged() -> None:
    api = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
    text = "\n".join(
        (
            f'R=$(curl -fsS "{api}?video_model_id=$1")',
            "echo \"$R\" | jq -r '.data | .video_url'",
            "echo \"$R\" | jq -r '.data | .video'",
            "echo \"$R\" | jq -r '.data | .[]'",
        )
    )
    assert places(text, "wait.sh") == {(2, "response-field")}


def test_a_ruby_local_bound_by_dig_is_followed_to_its_tests() -> None:
    text = "\n".join(
        (
            'uri = URI("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1")',
            "j = JSON.parse(Net::HTTP.get_response(uri).body)",
            'state = j.dig("data", "video_status")',
            'puts j.dig("data", "video") if state == 2',  # 2 is processing
            'label = NAMES.fetch(j.dig("data", "video_status"))',
            'puts "x" if label == 5',  # a name of the state: not the field
        )
    )
    assert places(text, "state.rb") == {(4, "status-value")}


def test_a_local_held_from_a_data_read_compared_with_a_word_is_judged() -> None:
    text = "\n".join(
        (
            "import requests",
            'U = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"',
            'r = requests.get(U, params={"video_model_id": "v"})',
            'st = r.json()["data"]["video_status"]',
            'if st == "completed":',  # a word: the field is a number: line 5
            "    print(1)",
            'label = STATES.get(r.json()["data"]["video_status"])',
            'if label == "completed":',  # a name of the state: not the field
            "    print(2)",
        )
    )
    assert places(text, "poll.py") == {(5, "status-value")}


# -- utf8-bom-shifts-line1-columns (repro21k) ---------------------------------------------------------


def test_a_byte_order_mark_is_no_column_and_the_patch_keeps_it(tmp_path: Path) -> None:
    call = 'requests.post("https://api.akool.com/api/open/v3/content/video/lipsync")\n'
    script = tmp_path / "bom.py"
    script.write_bytes(codecs.BOM_UTF8 + (call * 2).encode())
    found = audit([script]).findings
    assert [(f.line, f.column) for f in found] == [(1, 24), (2, 24)]
    diff = patch(found).diff
    assert (
        b"-" + codecs.BOM_UTF8 + b"requests" in diff
        and b"+" + codecs.BOM_UTF8 + b"requests" in diff
    )
    assert diff.count(b"openapi.akool.com") == 2


def test_a_status_destructured_under_another_name_is_followed_to_its_tests() -> None:
    api = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
    text = "\n".join(
        (
            f"const res = await fetch(`{api}?video_model_id=${{id}}`);",
            "const { data: { video_status: status, video } } = await res.json();",
            "const finished = status === 2;",  # 2 is processing
            "const failed = status === 4;",
        )
    )
    assert places(text, "state.ts") == {(3, "status-value")}


# -- display-buttons-answer-field-false-warning (repro21m) --------------------------------------------


def test_an_answer_field_another_row_of_the_page_names_is_documented() -> None:
    text = "\n".join(
        (
            "import requests",
            'U = "https://openapi.akool.com/api/open/v3/content/image/infobymodelid"',
            'd = requests.get(U, params={"image_model_id": "i"}).json()["data"]',
            'print(d.get("display_buttons"), d.get("displayed_buttons"))',
        )
    )
    assert {(f.line, f.column, f.rule) for f in audit_text(text, "buttons.py")} == {
        (4, 40, "answer-field")
    }


def test_the_generator_takes_a_field_named_with_a_link_to_its_endpoint() -> None:
    row = (
        "You can get the field（display_buttons） value from "
        "[Info By Model ID API](/ai-tools-suite/image-generate#get-image-result-image-info)"
    )
    m = generator().FIELD_FROM.search(row)
    assert m is not None and (m["field"], m["text"], m["page"]) == (
        "display_buttons",
        "Info By Model ID API",
        "ai-tools-suite/image-generate",
    )


def test_ruby_without_its_ending_is_read_as_ruby() -> None:
    text = "\n".join(
        (
            'v = JSON.parse(Faraday.new(url: "https://openapi.akool.com").get("/api/open/v3/voice/list").body)',
            'v["data"].each { |x| puts x["voice_id"] }',
            'puts v["data"].first["voice_id"]',
        )
    )
    for name in ("Rakefile", "tasks/voices.rake", "config.ru"):
        assert places(text, name) == set(), name
    assert places("#!/usr/bin/env ruby\n" + text, "bin/voices") == set()


def test_keys_destructured_from_a_parenthesized_answers_data_are_read() -> None:
    api = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
    text = "\n".join(
        (
            f'const r = await fetch("{api}", {{ method: "POST", body: JSON.stringify(b) }});',
            "const { task_id } = (await r.json()).data;",
            "const { _id } = (await r.json()).data;",
        )
    )
    assert places(text, "a.mjs") == {(2, "response-field")}


# -- statuses: the whole text searched once per file, not once per comparison (perf29's request) ----


class _CountingText(str):
    searches = 0

    def __contains__(self, part: object) -> bool:
        _CountingText.searches += part == "axios"
        return super().__contains__(part)  # type: ignore[operator]


def test_status_comparisons_do_not_search_the_whole_text_each(monkeypatch: MonkeyPatch) -> None:
    made = statuses._Text.__post_init__

    def counted(self: statuses._Text) -> None:
        made(self)
        self.text = _CountingText(self.text)

    monkeypatch.setattr(statuses._Text, "__post_init__", counted)
    _CountingText.searches = 0
    head = (
        "import requests\nU = 'https://openapi.akool.com/api/open/v3/content/video/infobymodelid'\n"
    )
    checks = "".join(
        f"def f{i}(v):\n    j = requests.get(U, params={{'video_model_id': v}}).json()\n"
        f"    return j['data']['video_status'] == 3\n"
        for i in range(40)
    )
    audit_text(head + checks, "many.py")
    assert _CountingText.searches == 0
