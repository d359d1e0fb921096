"""Issue 23, shapes23: where URLs, paths, methods and bodies come from in less common shapes (paths
in tables of rows reaching a helper through a name of the key's, bases ending in "/" joined to a
path with no leading slash, ...)."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import Finding, audit, audit_text

V3 = "https://openapi.akool.com/api/open/v3"


def rules_of(findings: list[Finding]) -> set[tuple[int, str]]:
    return {(f.line, f.rule) for f in findings if f.severity != "info"}


# -- a table's rows reaching a helper through a local or a parameter (heldout21l (a)) ----------------

ROWS_TS = """const AKOOL_BASE = "https://openapi.akool.com/api/open";
type Kind = "video" | "avatar";
const STATUS_PATHS: Record<Kind, { createPath: string; getPath: string }> = {
  video: { createPath: "/v4/image2video/createBySourcePrompt", getPath: "/v4/image2video/info" },
  avatar: { createPath: "/v3/talkingavatar/create", getPath: "/v3/talkingavatar/detail" },
};
async function akoolGet(path: string, query: Record<string, string>) {
  const res = await fetch(`${AKOOL_BASE}${path}?${new URLSearchParams(query)}`);
  return res.json();
}
async function akoolPost(path: string, body: unknown) {
  const res = await fetch(`${AKOOL_BASE}${path}`, { method: "POST", body: JSON.stringify(body) });
  return res.json();
}
async function pollStatus(getPath: string, id: string) {
  const out = await akoolGet<{ code: number; data: { status: number } }>(getPath, { task_id: id });
  return out.data;
}
export async function poll(kind: Kind, id: string) {
  const { getPath } = STATUS_PATHS[kind];
  return pollStatus(getPath, id);
}
export async function create(kind: string, body: object) {
  return akoolPost(STATUS_PATHS[kind as Kind].createPath, body);
}
"""


def test_a_rows_key_given_to_a_helper_through_a_parameter_of_its_name_stands_for_the_rows() -> None:
    got = rules_of(audit_text(ROWS_TS, "route.ts"))
    assert (4, "unknown-endpoint") in got  # /v4/image2video/info
    assert (5, "unknown-endpoint") in got  # /v3/talkingavatar/detail


def test_a_typescript_cast_in_a_picked_rows_brackets_is_read() -> None:
    messages = [f.message for f in audit_text(ROWS_TS, "route.ts") if f.line == 4]
    assert any("createBySourcePrompt" in m for m in messages), messages


def test_a_local_bound_to_a_rows_key_stands_for_the_rows() -> None:
    text = """import requests
AKOOL_BASE = "https://openapi.akool.com/api/open"
STATUS_PATHS = {
    "video": {"create_path": "/v4/image2Video/createBySourcePrompt", "get_path": "/v4/image2video/info"},
    "avatar": {"create_path": "/v3/talkingavatar/create", "get_path": "/v3/talkingavatar/detail"},
}
def akool_get(path, params):
    return requests.get(AKOOL_BASE + path, params=params).json()
def poll(kind, task_id):
    get_path = STATUS_PATHS[kind]["get_path"]
    return akool_get(get_path, {"task_id": task_id})
"""
    got = rules_of(audit_text(text, "poll.py"))
    assert {(4, "unknown-endpoint"), (5, "unknown-endpoint")} <= got, got


def test_a_parameter_of_a_keys_name_given_no_row_leaves_the_rows_alone() -> None:
    text = """const AKOOL = "https://openapi.akool.com/api/open/v3";
const ROUTES = {
  home: { path: "/dashboard/home", title: "Home" },
  jobs: { path: "/dashboard/jobs", title: "Jobs" },
};
async function akoolGet(path, query) {
  const res = await fetch(`${AKOOL}${path}?${new URLSearchParams(query)}`);
  return res.json();
}
async function status(path, id) {
  return akoolGet(path, { video_model_id: id });
}
export const check = (id) => status("/content/video/infobymodelid", id);
"""
    assert not rules_of(audit_text(text, "menu.js"))


def test_rows_reach_a_helper_of_another_file_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    helper = ROWS_TS.split("async function pollStatus")[0].split("async function akoolGet")[1]
    (tmp_path / "lib" / "akool.ts").write_text(
        'const AKOOL_BASE = "https://openapi.akool.com/api/open";\nexport async function akoolGet'
        + helper.replace("async function akoolPost", "export async function akoolPost"),
        encoding="utf-8",
    )
    route = ROWS_TS.replace(ROWS_TS.split("type Kind")[0], "").split("async function akoolGet")[0]
    route += "async function pollStatus" + ROWS_TS.split("async function pollStatus")[1]
    route = 'import { akoolGet, akoolPost } from "../lib/akool";\n' + route
    (tmp_path / "route.ts").write_text(route, encoding="utf-8")
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert ("route.ts", 4, "unknown-endpoint") in found, found
    assert ("route.ts", 5, "unknown-endpoint") in found, found


# -- a base ending in "/" interpolated before a path with no leading slash (heldout21l (d)) ---------


def test_a_path_interpolated_straight_after_a_base_ending_in_a_slash_is_joined() -> None:
    js = (
        'const BASE = "V3/";\n'
        "const a = await fetch(`${BASE}content/video/status/${id}`);\n"
        'const b = await fetch(`${BASE}content/video/createbytalkingphoto`, { method: "POST",'
        ' body: JSON.stringify({ talking_photo_url: "p", audio_url: "a", resolution: "720p" }) });\n'
    ).replace("V3", V3)
    assert {(2, "undocumented-path"), (3, "bad-value")} <= rules_of(audit_text(js, "s.js"))
    py = f'import requests\nBASE = "{V3}/"\nrequests.get(f"{{BASE}}content/video/status/{{i}}")\n'
    assert (3, "undocumented-path") in rules_of(audit_text(py, "s.py"))
    sh = f'BASE="{V3}/"\ncurl -s "${{BASE}}content/video/status/$ID"\n'
    assert (2, "undocumented-path") in rules_of(audit_text(sh, "s.sh"))


def test_a_word_straight_after_a_base_without_a_trailing_slash_is_no_join() -> None:
    js = f'const BASE = "{V3}";\nconst a = await fetch(`${{BASE}}content/video/status/${{id}}`);\n'
    assert not rules_of(audit_text(js, "s.js"))
    other = "const x = `${id}content/video/status`;\n"
    assert not rules_of(audit_text(other, "o.js"))


# -- a class field holding a whole AKOOL URL, sent as is (heldout21l (c)) ---------------------------


def test_a_class_fields_whole_url_sent_as_is_is_judged_as_the_calls_url() -> None:
    ts = """export class AkoolService {
  private readonly apiUrl: string = "URL";
  async create(prompt: string) {
    const r = await fetch(this.apiUrl, { method: "POST", body: JSON.stringify({ prompt }) });
    return r.json();
  }
}
""".replace("URL", V3 + "/content/image")
    assert (2, "unknown-endpoint") in rules_of(audit_text(ts, "svc.ts"))
    md = '```javascript\nclass A {\n  apiUrl = "URL";\n  go(p) { return axios.post(this.apiUrl, { prompt: p }); }\n}\n```\n'
    assert (3, "unknown-endpoint") in rules_of(
        audit_text(md.replace("URL", V3 + "/content/image"), "R.md")
    )


def test_a_class_fields_url_that_paths_are_joined_to_is_a_base() -> None:
    ts = """export class AkoolService {
  private readonly apiUrl: string = "URL";
  list() { return fetch(this.apiUrl + "/list"); }
}
""".replace("URL", V3 + "/voice")
    assert not rules_of(audit_text(ts, "svc.ts"))


# -- a Spring base set in the folder's config file (heldout21l (e)) ----------------------------------

SPRING = """package x;
import org.springframework.beans.factory.annotation.Value;
public class Mod {
    @Value("${akool.api.url}")
    private String apiUrl;
    public Object check(String text) {
        return rest.postForObject(apiUrl + "/text-moderation", java.util.Map.of("content", text), Object.class);
    }
}
"""


def test_a_spring_property_set_in_the_folders_config_file_is_the_base(tmp_path: Path) -> None:
    (tmp_path / "Mod.java").write_text(SPRING, encoding="utf-8")
    (tmp_path / "application.properties").write_text(f"akool.api.url={V3}\n", encoding="utf-8")
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert ("Mod.java", 7, "unknown-endpoint") in found, found
    (tmp_path / "application.properties").unlink()
    (tmp_path / "application.yml").write_text(
        f"akool:\n  api:\n    url: {V3}\n    key: ${{AKOOL_KEY}}\n", encoding="utf-8"
    )
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert ("Mod.java", 7, "unknown-endpoint") in found, found


def test_a_config_key_set_to_another_host_gives_no_akool_base(tmp_path: Path) -> None:
    (tmp_path / "Mod.java").write_text(SPRING, encoding="utf-8")
    (tmp_path / "application.properties").write_text(
        "akool.api.url=https://moderation.example.org/api\n", encoding="utf-8"
    )
    assert not [f for f in audit([tmp_path]).findings if f.severity != "info"]


# -- a path from an environment lookup with a fallback, the helper not in view (heldout21l (b)) -----


def test_a_lookup_given_a_variables_name_then_a_fallback_path_holds_the_fallback() -> None:
    text = """import { envWithDefault } from "./envSettings";
const BASE = envWithDefault("AKOOL_BASE_URL", "V3");
const DEFAULT_CREATE_PATH = "/content/video/createbytalkingphoto";
const CREATE_PATH = envWithDefault("AKOOL_CREATE_PATH", DEFAULT_CREATE_PATH);
const STATUS_PATH = envWithDefault("AKOOL_STATUS_PATH", "/content/video/status");
export async function create(photo, audio) {
  const res = await fetch(`${BASE}${CREATE_PATH}`, { method: "POST",
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "720p" }) });
  return (await res.json()).data.videoUrl;
}
export const status = (id) => fetch(`${BASE}${STATUS_PATH}/${id}`);
""".replace("V3", V3)
    got = rules_of(audit_text(text, "job.js"))
    assert {(8, "bad-value"), (9, "response-field"), (11, "undocumented-path")} <= got, got


def test_a_lookup_whose_first_argument_is_no_variables_name_holds_no_path() -> None:
    text = f"""const BASE = "{V3}";
const P = pick("status", "/content/video/status");
export const s = (id) => fetch(`${{BASE}}${{P}}/${{id}}`);
"""
    assert not rules_of(audit_text(text, "p.js"))


# -- PowerShell bodies and methods (break21e #10) -----------------------------------------------------

PS = """$base = "V3"
$body = @{
    talking_photo_url = "p"
    audio_url         = "a"
    resolution        = "720p"
} | ConvertTo-Json
Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Body $body
$b2 = @{ talking_photo_url = "p"; audio_url = "a"; resolution = "4k" } | ConvertTo-Json
Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Body $b2
Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Body (@{ talking_photo_url = "p"; audio_url = "a"; resolution = "8k" } | ConvertTo-Json)
$p = @{ talking_photo_url = "p"; audio_url = "a"; resolution = "2k" }
Invoke-RestMethod -Method Post `
    -Uri "$base/content/video/createbytalkingphoto" `
    -Body ($p | ConvertTo-Json)
Invoke-RestMethod -Method Post -Uri "$base/voice/list"
Invoke-RestMethod -Uri "$base/voice/list"
""".replace("V3", V3)


def test_a_powershell_hashtable_given_as_a_body_is_judged() -> None:
    got = rules_of(audit_text(PS, "render.ps1"))
    assert {(5, "bad-value"), (8, "bad-value"), (10, "bad-value")} <= got, got


def test_a_powershell_command_continued_with_backticks_is_one_request() -> None:
    assert (11, "bad-value") in rules_of(audit_text(PS, "render.ps1"))


def test_a_powershell_cmdlets_method_is_its_method_parameter_or_get() -> None:
    got = rules_of(audit_text(PS, "render.ps1"))
    assert (15, "wrong-method") in got, got
    assert (16, "wrong-method") not in got, got


def test_documented_powershell_hashtables_are_not_findings() -> None:
    right = PS.replace('"720p"', '"720"').replace('"4k"', '"1080"').replace('"8k"', '"720"')
    right = right.replace('"2k"', '"720"').replace(
        '-Method Post -Uri "$base/voice', '-Uri "$base/voice'
    )
    assert not rules_of(audit_text(right, "render.ps1"))


# -- Ansible uri tasks and R's httr (break21e #20) ----------------------------------------------------

PLAYBOOK = """- hosts: localhost
  vars:
    akool_base: V3
  tasks:
    - name: create
      ansible.builtin.uri:
        url: "{{ akool_base }}/content/video/createbytalkingphoto"
        method: POST
        body_format: json
        body:
          talking_photo_url: https://x/p.jpg
          audio_url: https://x/a.mp3
          resolution: "720p"
      register: job
    - name: status
      uri:
        url: "{{ akool_base }}/content/video/status/{{ job.json.data._id }}"
    - name: voices
      uri:
        url: "{{ akool_base }}/voice/list"
        method: POST
""".replace("V3", V3)


def test_an_ansible_uri_tasks_url_method_and_body_are_read() -> None:
    got = rules_of(audit_text(PLAYBOOK, "play.yml"))
    assert {(13, "bad-value"), (17, "undocumented-path"), (20, "wrong-method")} <= got, got


def test_a_documented_ansible_uri_task_is_not_a_finding() -> None:
    right = PLAYBOOK.replace('"720p"', '"720"').replace("status/{{", "x/{{")
    right = right.replace("/content/video/x/{{ job.json.data._id }}", "/voice/list")
    right = right.replace('        method: POST\n"""', "")
    got = rules_of(
        audit_text(right.replace('voice/list"\n        method: POST', 'voice/list"'), "p.yml")
    )
    assert not got, got


R = """library(httr)
base <- "V3"
res <- POST(paste0(base, "/content/video/createbytalkingphoto"),
            body = list(talking_photo_url = "p", audio_url = "a", resolution = "720p"), encode = "json")
st <- GET(paste0(base, "/content/video/status/", id))
v <- POST(paste0(base, "/voice/list"))
""".replace("V3", V3)


def test_r_httr_calls_are_read_with_their_paste0_url_list_body_and_verb() -> None:
    got = rules_of(audit_text(R, "render.R"))
    assert {(4, "bad-value"), (5, "undocumented-path"), (6, "wrong-method")} <= got, got


def test_documented_r_httr_calls_are_not_findings() -> None:
    right = R.replace('"720p"', '"720"').replace(
        '"/content/video/status/"', '"/content/video/infobymodelid?video_model_id="'
    )
    right = right.replace("v <- POST", "v <- GET")
    assert not rules_of(audit_text(right, "render.R"))


# -- a jq filter piped into curl across lines (break21e #12) ------------------------------------------


def test_a_jq_filter_piped_into_curl_with_the_pipe_ending_its_line_is_the_body() -> None:
    sh = f"""API="{V3}"
jq -n --arg p "$1" --arg a "$2" \\
  '{{talking_photo_url: $p, audio_url: $a, resolution: "720p"}}' |
  curl -sS -X POST "$API/content/video/createbytalkingphoto" -d @-
"""
    assert (3, "bad-value") in rules_of(audit_text(sh, "jq.sh"))
    apart = sh.replace("}' |\n", "}' > body.json\n")
    assert not rules_of(audit_text(apart, "jq.sh"))


# -- a query set on a URL object after it is made (break21e #14's Net::HTTP false warning) -----------


def test_a_query_set_on_the_url_object_before_it_is_sent_is_its_query() -> None:
    rb = f"""require "net/http"
uri = URI("{V3}/content/video/infobymodelid")
uri.query = URI.encode_www_form(video_model_id: id)
Net::HTTP.get_response(uri)
"""
    assert not rules_of(audit_text(rb, "q.rb"))
    js = f"""const u = new URL("{V3}/content/video/infobymodelid");
u.searchParams.set("video_model_id", id);
const r = await akoolFetch(u);
"""
    assert not rules_of(audit_text(js, "q.js"))


def test_a_url_object_given_alone_with_no_query_set_still_lacks_it() -> None:
    rb = f"""require "net/http"
uri = URI("{V3}/content/video/infobymodelid")
Net::HTTP.get_response(uri)
"""
    assert (3, "missing-query-field") in rules_of(audit_text(rb, "q.rb"))


def test_a_path_in_escaped_quotes_is_shown_without_the_escapes_backslash() -> None:
    groovy = f"""environment {{ AKOOL_BASE = '{V3}' }}
sh "curl -s \\\\"${{AKOOL_BASE}}/content/video/status/${{ID}}\\\\""
"""
    found = [f for f in audit_text(groovy, "Jenkinsfile") if f.rule == "undocumented-path"]
    assert [f.found for f in found] == ["/content/video/status/${ID}"], found


def test_a_wrapper_giving_its_path_on_through_a_generic_call_is_a_wrapper() -> None:
    ts = ROWS_TS.replace(
        "async function pollStatus(getPath: string", "async function pollStatus(p: string"
    )
    ts = ts.replace(">(getPath, { task_id: id })", ">(p, { task_id: id })")
    ts = ts.replace(
        "return pollStatus(getPath, id);", "return pollStatus(STATUS_PATHS[kind].getPath, id);"
    )
    assert "akoolGet<{" in ts and "(p, {" in ts
    got = rules_of(audit_text(ts, "poll.ts"))
    assert {(4, "unknown-endpoint"), (5, "unknown-endpoint")} <= got, got


def test_a_key_destructured_from_another_files_table_reaches_the_helper(tmp_path: Path) -> None:
    (tmp_path / "jobTables.ts").write_text(
        "export const STATUS_PATHS = {\n"
        '  video: { getPath: "/v4/image2video/info" },\n'
        '  avatar: { getPath: "/v3/talkingavatar/detail" },\n'
        "};\n",
        encoding="utf-8",
    )
    (tmp_path / "jobClient.ts").write_text(
        'const AKOOL_BASE = "https://openapi.akool.com/api/open";\n'
        "export async function akoolGet(path: string, query: Record<string, string>) {\n"
        "  return (await fetch(`${AKOOL_BASE}${path}?${new URLSearchParams(query)}`)).json();\n"
        "}\n",
        encoding="utf-8",
    )
    (tmp_path / "route.ts").write_text(
        'import { akoolGet } from "./jobClient";\n'
        'import { STATUS_PATHS } from "./jobTables";\n'
        "export async function poll(kind: string, id: string) {\n"
        "  const { getPath } = STATUS_PATHS[kind];\n"
        "  return akoolGet(getPath, { task_id: id });\n"
        "}\n",
        encoding="utf-8",
    )
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert ("jobTables.ts", 2, "unknown-endpoint") in found, found
    assert ("jobTables.ts", 3, "unknown-endpoint") in found, found


def test_an_ordered_hashtable_serialized_into_another_name_is_the_body() -> None:
    ps = f"""$base = "{V3}"
$body = [ordered]@{{
    talking_photo_url = "p"
    audio_url         = "a"
    resolution        = "4k"
}}
$json = $body | ConvertTo-Json -Depth 10
Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Body $json
"""
    assert (5, "bad-value") in rules_of(audit_text(ps, "r.ps1"))
