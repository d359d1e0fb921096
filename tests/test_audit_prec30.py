"""Session 30, prec30: no false finding on correct code (an axios client whose interceptor
gives the body, a test that expects a bad value to fail) and no warning where the request
always fails (a query id sent alone, a quota answer's guessed field)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from akool_cli.audit import callers, statuses
from akool_cli.audit.scan import Finding, audit, audit_text

B = "https://openapi.akool.com/api/open/v3"
TALK = "/content/video/createbytalkingphoto"
INFO = "/content/video/infobymodelid"


def errors(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity == "error"]


# -- repro21n axios-interceptor-returns-body-false-response-field ---------------------------------


def _interceptor_client(interceptor: str, reads: str) -> str:
    return (
        'const axios = require("axios");\n'
        f'const akool = axios.create({{ baseURL: "{B}" }});\n'
        f"{interceptor}\n"
        "async function create(photo, audio) {\n"
        f'  const res = await akool.post("{TALK}", {{ talking_photo_url: photo, audio_url: audio }});\n'
        "  if (res.code !== 1000) throw new Error(res.msg);\n"
        "  return res.data._id;\n"
        "}\n"
        "function status(id) {\n"
        f'  return akool.get("{INFO}", {{ params: {{ video_model_id: id }} }}).then((r) => {reads});\n'
        "}\n"
        "module.exports = { create, status };\n"
    )


UNWRAPPERS = [
    "akool.interceptors.response.use((response) => response.data);",
    "akool.interceptors.response.use(({ data }) => data);",
    "akool.interceptors.response.use(({ data: body }) => body);",
    "akool.interceptors.response.use(function ({ data }) { return data; });",
    "akool.interceptors.response.use(async ({ data }: AxiosResponse) => { return data; });",
]


@pytest.mark.parametrize("interceptor", UNWRAPPERS)
def test_a_client_whose_interceptor_gives_the_body_is_read_as_the_answer(interceptor: str) -> None:
    text = _interceptor_client(interceptor, "r.data.video_status === 3 ? r.data.video : null")
    assert errors(text, "client.ts") == []


@pytest.mark.parametrize("interceptor", UNWRAPPERS[:3])
def test_a_wrong_read_through_an_unwrapping_client_is_still_reported(interceptor: str) -> None:
    text = _interceptor_client(interceptor, "r.data.video_status === 7 && r.data.video_url")
    found = {(f.rule, f.found) for f in errors(text, "client.js")}
    assert ("status-value", "7") in found
    assert any(rule == "response-field" and "video_url" in what for rule, what in found)


def test_without_the_interceptor_the_axios_body_read_is_still_reported() -> None:
    text = _interceptor_client("", "r.data.video_status === 3 ? r.data.video : null")
    found = [f for f in errors(text, "client.js") if f.rule == "response-field"]
    assert {f.line for f in found} == {7, 10}


def test_a_module_the_file_imports_is_not_its_own_function() -> None:
    # `axios.create(` is axios' create, not the file's own `create` (whose answer it would read).
    text = _interceptor_client(UNWRAPPERS[0], "r.data.video_status === 3 ? r.data.video : null")
    assert errors(text.replace("function status", "function create2"), "client.js") == []


# -- repro21n negative-test-bad-value-in-raises-block-flagged: a test in another file -------------

SDK_PY = (
    "import requests\n\n"
    f'API = "{B}"\n\n\n'
    "class Client:\n"
    "    def __init__(self, key):\n"
    "        self.key = key\n\n"
    '    def talking_photo(self, photo, audio, resolution="720"):\n'
    '        if resolution not in ("720", "1080"):\n'
    '            raise ValueError("resolution")\n'
    f'        r = requests.post(f"{{API}}{TALK}", headers={{"x-api-key": self.key}},\n'
    '                          json={"talking_photo_url": photo, "audio_url": audio, "resolution": resolution})\n'
    '        return r.json()["data"]["_id"]\n'
)
SDK_JS = (
    f'const API = "{B}";\n'
    "export class Akool {\n"
    "  constructor(key) { this.key = key; }\n"
    '  async talk(photo, audio, resolution = "720") {\n'
    '    if (resolution !== "720" && resolution !== "1080") throw new Error("bad resolution");\n'
    f'    const r = await fetch(`${{API}}{TALK}`, {{ method: "POST", headers: {{ "x-api-key": this.key }},\n'
    "      body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution }) });\n"
    "    return (await r.json()).data._id;\n"
    "  }\n"
    "}\n"
)
NEGATIVE_PY = {
    "pytest": (
        "import pytest\nfrom sdk import Client\n\n\ndef test_rejects():\n"
        "    with pytest.raises(ValueError):\n"
        '        Client("k").talking_photo("https://x/p.jpg", "https://x/a.mp3", resolution="4k")\n'
    ),
    "pytest, set up first": (
        "import pytest\nfrom sdk import Client\n\n\ndef test_rejects():\n"
        '    client = Client("k")\n'
        "    with pytest.raises(ValueError, match='resolution'):\n"
        '        client.talking_photo("https://x/p.jpg", "https://x/a.mp3", "720p")\n'
    ),
    "unittest": (
        "import unittest\nfrom sdk import Client\n\n\nclass T(unittest.TestCase):\n"
        "    def test_rejects(self):\n"
        "        with self.assertRaises(ValueError):\n"
        '            Client("k").talking_photo("https://x/p.jpg", "https://x/a.mp3", resolution="4k")\n'
    ),
}


def _folder_errors(tmp_path: Path, files: dict[str, str]) -> list[Finding]:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return [f for f in audit([tmp_path]).findings if f.severity == "error"]


@pytest.mark.parametrize("test", sorted(NEGATIVE_PY))
def test_a_bad_value_a_test_of_another_file_expects_to_fail_is_not_reported(
    tmp_path: Path, test: str
) -> None:
    assert _folder_errors(tmp_path, {"sdk.py": SDK_PY, "test_sdk.py": NEGATIVE_PY[test]}) == []


def test_a_js_test_of_a_class_method_that_expects_a_rejection_is_not_reported(
    tmp_path: Path,
) -> None:
    test = (
        'import { Akool } from "./sdk";\n'
        'test("rejects", async () => {\n'
        '  await expect(new Akool("k").talk("https://x/p.jpg", "https://x/a.mp3", "720p")).rejects.toThrow();\n'
        "});\n"
    )
    assert _folder_errors(tmp_path, {"sdk.js": SDK_JS, "sdk.test.js": test}) == []


def test_the_same_bad_value_outside_a_raises_block_is_still_reported(tmp_path: Path) -> None:
    caller = NEGATIVE_PY["pytest"].replace(
        "    with pytest.raises(ValueError):\n", "    if True:\n"
    )
    found = _folder_errors(tmp_path, {"sdk.py": SDK_PY, "test_sdk.py": caller})
    assert [(Path(f.file).name, f.rule, f.found) for f in found] == [
        ("test_sdk.py", "bad-value", '"4k"')
    ]


# -- repro21n query-id-alone-via-client-object-only-warning, ruby-httparty-query-id-alone-... -----

IMAGE_INFO = "/content/image/infobymodelid"
FRESH_CLIENTS = {
    "httpx": (
        "import httpx\n\n"
        f'AKOOL = "{B}"\n\n\n'
        "async def image_info(image_id):\n"
        "    async with httpx.AsyncClient(timeout=30) as c:\n"
        f'        r = await c.get(f"{{AKOOL}}{IMAGE_INFO}", params={{"video_model_id": image_id}})\n'
        '    return r.json()["data"]\n'
    ),
    "requests.Session": (
        "import requests\n\n"
        f'AKOOL = "{B}"\n\n\n'
        "def image_info(image_id):\n"
        "    s = requests.Session()\n"
        f'    return s.get(f"{{AKOOL}}{IMAGE_INFO}", params={{"id": image_id}}).json()["data"]\n'
    ),
    "HTTParty": (
        'require "httparty"\n'
        f'BASE = "{B}"\n'
        "def info(id)\n"
        f'  HTTParty.get("#{{BASE}}{IMAGE_INFO}", query: {{ id: id }})\n'
        "end\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(FRESH_CLIENTS))
def test_an_id_alone_in_the_query_of_a_client_made_on_the_spot_is_an_error(shape: str) -> None:
    name = "job.rb" if shape == "HTTParty" else "info.py"
    found = [f.rule for f in errors(FRESH_CLIENTS[shape], name)]
    assert found == ["misnamed-field"]


@pytest.mark.parametrize(
    "client",
    [
        'httpx.AsyncClient(params={"team": "a"})',  # (a default query: the client adds one)
        "httpx.AsyncClient(**options)",
    ],
)
def test_a_client_that_may_add_a_query_keeps_the_warning(client: str) -> None:
    text = FRESH_CLIENTS["httpx"].replace("httpx.AsyncClient(timeout=30)", client)
    assert errors(text, "info.py") == []


def test_a_session_given_a_query_later_keeps_the_warning() -> None:
    text = FRESH_CLIENTS["requests.Session"].replace(
        "    s = requests.Session()\n", '    s = requests.Session()\n    s.params = {"k": 1}\n'
    )
    assert errors(text, "info.py") == []


def test_a_client_bound_again_keeps_the_warning() -> None:
    text = FRESH_CLIENTS["requests.Session"].replace(
        "    s = requests.Session()\n", "    s = requests.Session()\n    s = make_session()\n"
    )
    assert errors(text, "info.py") == []


# -- repro21n quota-info-data-balance-only-warning --------------------------------------------


def _quota_read(read: str) -> str:
    return (
        f'const r = await fetch("{B}/faceswap/quota/info", {{ headers: {{ "x-api-key": k }} }});\n'
        "const json = await r.json();\n"
        f"console.log(json.data.{read});\n"
    )


def test_a_guess_for_the_one_value_of_an_answer_is_an_error() -> None:
    found = errors(_quota_read("balance"), "quota.mjs")
    assert [(f.rule, f.found, f.documented) for f in found] == [
        ("response-field", "balance", "data.credit")
    ]
    assert found[0].fix is not None and found[0].fix.new == "credit"


@pytest.mark.parametrize("read", ["credit", "portal_link", "user_id"])
def test_the_one_value_itself_or_a_read_of_another_kind_is_no_error(read: str) -> None:
    assert errors(_quota_read(read), "quota.mjs") == []


# -- house: statuses finds a name's binding as the ties do (ties.Lines.binding) --------------------

TWO_VENDORS_KT = (
    "import khttp.get\n\n"
    f'const val AKOOL = "{B}"\n'
    'const val OTHER = "https://api.othervendor.io/v2"\n\n'
    "fun poll(vid: String, key: String) {\n"
    f'    val a = get("$AKOOL{INFO}?video_model_id=$vid", headers = mapOf("x-api-key" to key)).jsonObject\n'
    '    if (a["data"]["video_status"] == 3) println(a["data"]["video"])\n'
    "}\n\n"
    "fun other(vid: String) {\n"
    '    val answer = get("$OTHER/videos/$vid").jsonObject\n'
    '    if (answer["data"]["video_status"] == 7) println("done")\n'
    "}\n"
)


def test_a_kotlin_val_bound_to_another_vendors_answer_is_not_judged_by_akools() -> None:
    assert errors(TWO_VENDORS_KT, "Two.kt") == []
    wrong = TWO_VENDORS_KT.replace(
        'a["data"]["video_status"] == 3', 'a["data"]["video_status"] == 5'
    )
    assert [f.rule for f in errors(wrong, "Two.kt")] == ["status-value"]


def test_a_name_typed_with_an_object_type_is_bound_not_destructured() -> None:
    text = (
        f'const AKOOL = "{B}";\n'
        'const OTHER = "https://api.othervendor.io/v2";\n'
        "export async function poll(vid: string, key: string) {\n"
        f'  const a = await (await fetch(`${{AKOOL}}{INFO}?video_model_id=${{vid}}`, {{ headers: {{ "x-api-key": key }} }})).json();\n'
        "  if (a.data.video_status === 3) console.log(a.data.video);\n"
        "}\n"
        "export async function other(vid: string) {\n"
        "  const res = await fetch(`${OTHER}/videos/${vid}`);\n"
        "  const answer: { data: { video_status: number } } = await res.json();\n"
        '  if (answer.data.video_status === 7) console.log("done");\n'
        "}\n"
    )
    assert errors(text, "two.ts") == []


# -- repro21m waves: a status bound by a statement written over lines (Laravel's chain) ---------


def test_a_status_a_chained_statement_binds_over_lines_is_judged() -> None:
    text = (
        "<?php\nuse Illuminate\\Support\\Facades\\Http;\n\n"
        "function poll($clip) {\n"
        "    $status = Http::withHeaders(['x-api-key' => config('services.akool.key')])\n"
        f"        ->get('{B}{INFO}', ['video_model_id' => $clip->akool_id])\n"
        "        ->json('data.video_status');\n"
        "    if ($status === 2) {\n"
        "        $clip->markDone();\n"
        "    }\n"
        "}\n"
    )
    found = errors(text, "PollClip.php")
    assert [(f.rule, f.line) for f in found] == [("status-value", 8)]
    one_line = text.replace("])\n        ->get(", "])->get(").replace(
        "])\n        ->json(", "])->json("
    )
    assert [(f.rule, f.line) for f in errors(one_line, "PollClip.php")] == [("status-value", 6)]
    right = text.replace("$status === 2", "$status === 3")
    assert errors(right, "PollClip.php") == []


# -- repro21n many-client-classes-helper-calls-superlinear (perf30's patch to callers.given) ---------


def test_the_calls_of_a_method_many_classes_share_are_searched_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    classes = "".join(
        f"class Client{k}:\n"
        f'    def image(self, prompt, scale="1:1"):\n'
        f'        return requests.post(f"{{API}}/content/image/createbyprompt", json={{"prompt": prompt, "scale": scale}})\n\n'
        for k in range(12)
    )
    text = f'import requests\n\nAPI = "{B}"\n\n{classes}Client3().image("a fox", scale="16:10")\n'
    searched: list[str] = []
    pattern = callers._call_pattern

    def counted(name: str, method: bool = False) -> re.Pattern[str]:
        searched.append(name)
        return pattern(name, method)

    monkeypatch.setattr(callers, "_call_pattern", counted)
    callers._calls.cache_clear()
    assert [f.rule for f in errors(text, "sdk.py")] == ["bad-value"]  # (one caller, one place)
    assert searched.count("image") == 1


# -- repro21m csharp-braceless-if-next-line-success-branch-not-read (recall30a's patch) ------------


def test_a_static_call_on_a_type_named_for_a_state_says_what_its_method_says() -> None:
    text = (
        "using System.Net.Http.Json;\nusing System.Text.Json;\npublic class Q {\n"
        "  static readonly HttpClient Http = new();\n"
        "  async Task F(string id) {\n"
        f'    var info = await Http.GetFromJsonAsync<JsonElement>($"{B}{INFO}?video_model_id={{id}}");\n'
        '    var status = info.GetProperty("data").GetProperty("video_status").GetInt32();\n'
        "    if (status == 2)\n"
        '        Pending.Done(id, info.GetProperty("data").GetProperty("video").GetString());\n'
        "  }\n}\n"
    )
    assert [(f.rule, f.line) for f in errors(text, "Q.cs")] == [("status-value", 8)]
    assert errors(text.replace("status == 2", "status == 3"), "Q.cs") == []


# -- repro21o python-while-true-poll-string-status-not-judged -------------------------------------


@pytest.mark.parametrize("compared", ['"3"', '"completed"'])
def test_a_string_status_in_a_while_true_poll_is_judged(compared: str) -> None:
    text = (
        "import time\nimport httpx\n"
        f'AKOOL = "{B}"\n\n'
        "def wait(video_id):\n"
        "    while True:\n"
        f'        d = httpx.get(f"{{AKOOL}}{INFO}", params={{"video_model_id": video_id}}).json()["data"]\n'
        f'        if d["video_status"] == {compared}:\n'
        '            return d["video"]\n'
        "        time.sleep(10)\n"
    )
    assert [(f.rule, f.line) for f in errors(text, "poll.py")] == [("status-value", 8)]
    assert errors(text.replace(compared, "3"), "poll.py") == []


# -- repro21o shell-poll-status-bound-in-loop-body-not-judged -------------------------------------

SHELL_READ = (
    f'$(curl -fsS "{B}{INFO}?video_model_id=$id" -H "x-api-key: $K" | jq -r .data.video_status)'
)
SHELL_POLLS = {
    "until, bound in the body": (
        f's=0\nuntil [ "$s" = 2 ]; do\n  sleep 5\n  s={SHELL_READ}\ndone\necho done\n',
        2,
    ),
    "while !=, never bound before": (
        f'while [ "$s" != 2 ]; do\n  sleep 5\n  s={SHELL_READ}\ndone\necho done\n',
        1,
    ),
    "if on one line": (f's={SHELL_READ}\nif [ "$s" = 2 ]; then echo done; fi\n', 2),
}


@pytest.mark.parametrize("shape", sorted(SHELL_POLLS))
def test_a_shell_status_bound_in_a_loop_body_or_tested_by_an_if_is_judged(shape: str) -> None:
    text, line = SHELL_POLLS[shape]
    assert [(f.rule, f.line) for f in errors(text, "poll.sh")] == [("status-value", line)]
    assert errors(text.replace("= 2 ]", "= 3 ]").replace("!= 2 ]", "!= 3 ]"), "poll.sh") == []


def test_a_shell_if_whose_branch_waits_or_fails_says_nothing_wrong() -> None:
    text = f's={SHELL_READ}\nif [ "$s" = 2 ]; then echo "still processing"; else echo done; fi\n'
    assert errors(text, "poll.sh") == []


# -- repro21o failure-branch-exit-1-or-log-fatal-not-read -------------------------------------------

FAILING_EXITS = {
    "python sys.exit(1)": (
        "quota.py",
        "import sys\nimport requests\n"
        f'j = requests.get("{B}/faceswap/quota/info").json()\n'
        'if j["code"] != 0:\n'
        '    print("akool:", j["msg"], file=sys.stderr)\n'
        "    sys.exit(1)\n",
    ),
    "go os.Exit(1)": (
        "quota.go",
        'package main\n\nimport (\n\t"encoding/json"\n\t"fmt"\n\t"net/http"\n\t"os"\n)\n\n'
        'type answer struct {\n\tCode int    `json:"code"`\n\tMsg  string `json:"msg"`\n}\n\n'
        "func main() {\n"
        f'\tresp, _ := http.Get("{B}/faceswap/quota/info")\n'
        "\tvar a answer\n\tjson.NewDecoder(resp.Body).Decode(&a)\n"
        "\tif a.Code != 200 {\n"
        '\t\tfmt.Fprintln(os.Stderr, "akool:", a.Msg)\n'
        "\t\tos.Exit(1)\n\t}\n}\n",
    ),
    "go log.Fatalf": (
        "quota.go",
        'package main\n\nimport (\n\t"encoding/json"\n\t"log"\n\t"net/http"\n)\n\n'
        'type answer struct {\n\tCode int `json:"code"`\n}\n\n'
        "func main() {\n"
        f'\tresp, _ := http.Get("{B}/faceswap/quota/info")\n'
        "\tvar a answer\n\tjson.NewDecoder(resp.Body).Decode(&a)\n"
        "\tif a.Code != 0 {\n"
        '\t\tlog.Fatalf("akool: %d", a.Code)\n'
        "\t}\n}\n",
    ),
}


@pytest.mark.parametrize("shape", sorted(FAILING_EXITS))
def test_a_wrong_success_code_whose_branch_exits_non_zero_is_reported(shape: str) -> None:
    name, text = FAILING_EXITS[shape]
    found = [f.rule for f in errors(text, name)]
    assert found == ["status-value"]
    right = text.replace("!= 200", "!= 1000").replace("!= 0", "!= 1000")
    assert errors(right, name) == []


def test_an_exit_with_zero_says_no_failure() -> None:
    _, text = FAILING_EXITS["python sys.exit(1)"]
    assert errors(text.replace("sys.exit(1)", "sys.exit(0)"), "quota.py") == []


# -- repro21o js-state-set-includes-has-not-judged -----------------------------------------------


@pytest.mark.parametrize(
    ("made", "test"),
    [("[2, 3]", "includes"), ("new Set([2, 3])", "has")],
)
def test_a_js_set_of_done_states_holding_processing_is_reported(made: str, test: str) -> None:
    text = (
        f"const DONE_STATES = {made};\n"
        f'const {{ data }} = await (await fetch("{B}{INFO}?video_model_id=x")).json();\n'
        f"if (DONE_STATES.{test}(data.video_status)) console.log(data.video);\n"
    )
    assert [(f.rule, f.line) for f in errors(text, "poll.mjs")] == [("status-value", 3)]
    assert errors(text.replace("[2, 3]", "[3, 4]"), "poll.mjs") == []


def test_a_string_that_includes_a_status_is_no_set() -> None:
    text = (
        'const label = "queued processing";\n'
        f'const {{ data }} = await (await fetch("{B}{INFO}?video_model_id=x")).json();\n'
        "if (label.includes(data.video_status)) console.log(data.video);\n"
    )
    assert errors(text, "poll.mjs") == []


# -- repro21o answer-checked-in-helper-taking-response-not-judged ---------------------------------

CHECKER = (
    "import requests\n\n"
    "def check(resp):\n"
    "    j = resp.json()\n"
    '    if j["code"] != 0:\n'
    '        raise RuntimeError(j.get("msg"))\n'
    '    return j["data"]\n\n'
    f'r = requests.post("{B}/content/video/lipsync", json={{"video_url": "v", "audio_url": "a"}})\n'
    'print(check(r)["_id"])\n'
)


def test_a_helper_that_checks_every_akool_answer_it_is_given_is_judged() -> None:
    assert [(f.rule, f.line) for f in errors(CHECKER, "check.py")] == [("status-value", 5)]
    assert errors(CHECKER.replace("!= 0", "!= 1000"), "check.py") == []


def test_a_helper_also_given_another_apis_answer_is_not_judged() -> None:
    other = CHECKER + 'o = requests.get("https://api.othervendor.io/v1/jobs")\nprint(check(o))\n'
    assert errors(other, "check.py") == []


def test_a_checker_helper_is_weighed_once_however_many_reads_it_makes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads = "".join(f'    if j["code"] == {k}:\n        pass\n' for k in range(1001, 1041))
    text = CHECKER.replace('    if j["code"] != 0:\n', reads + '    if j["code"] != 0:\n')
    weighed: list[int] = []
    weigh = statuses._checker_calls_akool

    def counted(text_: statuses._Text, k: int) -> bool:
        weighed.append(k)
        return weigh(text_, k)

    monkeypatch.setattr(statuses, "_checker_calls_akool", counted)
    assert [f.rule for f in errors(text, "check.py")] == ["status-value"]
    assert weighed == [2]


# -- repro21p status-name-table-lookup-compared-as-status-false-error ---------------------------

TABLE_LOOKUP = (
    "import requests\n"
    'STATES = {1: "queued", 2: "processing", 3: "done", 4: "failed"}\n'
    "def check(i):\n"
    f'    data = requests.get("{B}{INFO}", params={{"video_model_id": i}}).json()["data"]\n'
    '    state = STATES[data["video_status"]]\n'
    '    if state == "done":\n'
    '        return data["video"]\n'
)


def test_a_name_bound_to_a_table_lookup_of_the_status_is_no_status() -> None:
    assert errors(TABLE_LOOKUP, "poll.py") == []
    js = (
        'const STATE = { 1: "queued", 2: "processing", 3: "done", 4: "failed" };\n'
        f'const res = await fetch("{B}/content/image/infobymodelid?image_model_id=x");\n'
        "const { data } = await res.json();\n"
        "const state = STATE[data.image_status];\n"
        'if (state === "failed") throw new Error("image failed");\n'
    )
    assert errors(js, "poll.mjs") == []


def test_a_name_bound_to_the_status_itself_is_still_judged() -> None:
    text = TABLE_LOOKUP.replace('STATES[data["video_status"]]', 'data["video_status"]')
    assert [(f.rule, f.line) for f in errors(text, "poll.py")] == [("status-value", 6)]


# -- repro21p helper-call-subscript-chain-bound-taken-as-data-false-error -------------------------

GET_JSON = 'import requests\n\ndef get_json(url):\n    return requests.get(url, headers={"x-api-key": "k"}).json()\n\n'


def test_a_name_bound_below_a_helpers_answer_data_holds_that_part() -> None:
    langs = GET_JSON + (
        f'langs = get_json("{B}/language/list")["data"]["lang_list"]\n'
        "print(len(langs))\nfor l in langs:\n    print(l)\n"
    )
    assert errors(langs, "langs.py") == []
    first = GET_JSON + (
        f'first = get_json("{B}/faceswap/result/listbyids?_ids=a")["data"]["result"][0]\n'
        'if first["faceswap_status"] == 3:\n    print(first["url"])\n'
    )
    assert errors(first, "first.py") == []
    js = (
        "async function getJson(url) {\n  const r = await fetch(url);\n  return r.json();\n}\n"
        "export async function languages() {\n"
        f'  const langs = (await getJson("{B}/language/list")).data.lang_list;\n'
        "  return langs.map((l) => l.lang_code);\n}\n"
    )
    assert errors(js, "langs.js") == []


def test_a_name_bound_to_a_helpers_answer_data_is_still_read_as_data() -> None:
    text = GET_JSON + (f'data = get_json("{B}/language/list")["data"]\nprint(len(data))\n')
    assert [f.rule for f in errors(text, "langs.py")] == ["response-field"]
