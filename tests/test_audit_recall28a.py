"""`akool audit` on the AKOOL calls of languages and URL builders it did not read before
(recall28a): Lua's OpenResty and LuaSocket calls, ..."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "recall28a"


def rules(text: str, name: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in audit_text(text, name)]


LUA_TALK = """local http = require "resty.http"
local cjson = require "cjson.safe"
local BASE = "https://openapi.akool.com/api/open/v3"
local httpc = http.new()
local res = httpc:request_uri(BASE .. "/content/video/createbytalkingphoto", {
    method = "POST",
    body = cjson.encode({ talking_photo_url = p, audio_url = a, resolution = "720p" }),
})
local body = cjson.decode(res.body)
print(body.data.task_id)
"""


def test_lua_joins_with_dots_and_its_tables_are_bodies() -> None:
    assert rules(LUA_TALK, "talk.lua") == [(7, "bad-value"), (10, "response-field")]


def test_lua_fixes_patch_the_lua_text() -> None:
    fixes = [f.fix for f in audit_text(LUA_TALK, "talk.lua") if f.fix is not None]
    assert [(fix.old, fix.new) for fix in fixes] == [('"720p"', '"720"'), ("task_id", "_id")]


def test_lua_text_under_another_suffix_is_not_read_as_lua() -> None:
    assert rules(LUA_TALK, "talk.txt") == []


def test_lua_keyless_tables_are_lists_and_the_empty_table_is_neither() -> None:
    head = (
        'local api = "https://openapi.akool.com/api/open/v3"\n'
        'httpc:request_uri(api .. "/faceswap/highquality/specifyimage", { method = "POST", body = '
    )
    tail = ", targetImage = {}, face_enhance = 1, modifyImage = 'm' }) })\n"
    good = head + "cjson.encode({ sourceImage = { { path = 'a', opts = '1' } }" + tail
    bad = head + "cjson.encode({ sourceImage = { path = 'a', opts = '1' }" + tail
    assert rules(good, "swap.lua") == []
    assert rules(bad, "swap.lua") == [(2, "bad-value")]


def test_lua_comments_and_long_strings_are_not_calls() -> None:
    text = (
        'local BASE = "https://openapi.akool.com/api/open/v3"\n'
        "-- this replaced the retired status endpoint\n"
        'local note = [[ BASE .. "/content/video/status" ]]\n'
        '--[[ a remark ]] local r = httpc:request_uri(BASE .. "/content/video/status/" .. id)\n'
    )
    assert rules(text, "poll.lua") == [(4, "undocumented-path")]


def test_lua_corpus_twins_are_clean() -> None:
    result = audit([CORPUS], exclude=["expected.json"])
    assert not [f for f in result.findings if "_good" in f.file]


ELIXIR_REQ = """defmodule Talk do
  def client(token), do: Req.new(base_url: "https://openapi.akool.com/api/open/v3", auth: {:bearer, token})

  def talk(token, p, a) do
    resp = Req.post!(client(token), url: "/content/video/createbytalkingphoto", json: %{"talking_photo_url" => p, "audio_url" => a, "resolution" => "720p"})
    resp.body["data"]["task_id"]
  end
end
"""


def test_elixir_req_paths_join_the_clients_base_url() -> None:
    assert rules(ELIXIR_REQ, "talk.ex") == [(5, "bad-value"), (6, "response-field")]


def test_elixir_fixes_patch_the_elixir_text() -> None:
    fixes = [f.fix for f in audit_text(ELIXIR_REQ, "talk.ex") if f.fix is not None]
    assert [(fix.line, fix.old, fix.new) for fix in fixes] == [
        (4, '"720p"', '"720"'),
        (5, "task_id", "_id"),
    ]


def test_elixir_tesla_base_url_plug_is_the_base_of_its_verbs() -> None:
    text = (
        "defmodule C do\n  use Tesla\n"
        '  plug Tesla.Middleware.BaseUrl, "https://openapi.akool.com/api/open/v3"\n'
        '  def s(id), do: get("/content/video/status/" <> id)\n'
        '  def i(id), do: get("/content/video/infobymodelid", query: [video_model_id: id])\nend\n'
    )
    assert rules(text, "c.exs") == [(4, "undocumented-path")]


def test_elixir_module_attribute_bases_join_with_concatenation_and_interpolation() -> None:
    text = (
        '@base "https://openapi.akool.com/api/open/v3"\n'
        'HTTPoison.get(@base <> "/content/video/status/" <> id)\n'
        'HTTPoison.get("#{@base}/content/video/status/#{id}")\n'
    )
    assert rules(text, "a.ex") == [(2, "undocumented-path"), (3, "undocumented-path")]


def test_elixir_heredocs_and_two_client_bases_are_not_guessed() -> None:
    doc = '@moduledoc """\nPOST /api/open/v3/content/video/status was retired.\n"""\n'
    two = (
        'a = Req.new(base_url: "https://openapi.akool.com/api/open/v3")\n'
        'b = Req.new(base_url: "https://example.com/api")\n'
        'Req.get!(b, url: "/content/video/status")\n'
    )
    assert rules(doc, "d.ex") == []
    assert rules(two, "t.ex") == []


def test_axios_create_shorthand_base_url_is_the_clients_base() -> None:
    text = (
        'const baseURL = process.env.AKOOL_BASE_URL || "https://openapi.akool.com/api/open/v4";\n'
        "const api = axios.create({ baseURL, timeout: 30000 });\n"
        'api.post("/voice/ttss", { input_text: t, voice_id: v });\n'
        "const other = axios.create({ timeout: 1, baseURL });\n"
        'other.post("/voice/ttss", { input_text: t, voice_id: v });\n'
    )
    assert rules(text, "tts.js") == [(3, "unknown-endpoint"), (5, "unknown-endpoint")]


def test_axios_create_shorthand_of_another_host_is_no_akool_client() -> None:
    text = (
        'const baseURL = process.env.BACKEND_URL || "https://api.example.com";\n'
        "const api = axios.create({ baseURL });\n"
        'api.post("/voice/ttss", { text });\n'
    )
    assert rules(text, "tts.js") == []


R_PIPE = """base <- "https://openapi.akool.com/api/open/v3"
resp <- request(base) |>
  req_body_json(list(talking_photo_url = p, audio_url = a, resolution = "720p")) |>
  req_auth_bearer_token(token) |>
  req_url_path_append("content/video/createbytalkingphoto") |>
  req_perform()
st <- request(base) %>% req_url_path_append("content", "video", "status", id) %>% req_perform()
"""


def test_r_httr2_pipelines_join_the_path_to_the_requests_base() -> None:
    assert rules(R_PIPE, "talk.R") == [(3, "bad-value"), (7, "undocumented-path")]


def test_r_httr2_body_fix_patches_the_r_text() -> None:
    fixes = [f.fix for f in audit_text(R_PIPE, "talk.R") if f.fix is not None]
    assert [(fix.line, fix.old, fix.new) for fix in fixes] == [(2, '"720p"', '"720"')]


def test_r_httr2_method_and_query_are_read() -> None:
    text = (
        'base <- "https://openapi.akool.com/api/open/v3"\n'
        "request(base) |>\n"
        '  req_url_path_append("content/video/infobymodelid") |>\n'
        "  req_url_query(video_model_id = id) |>\n"
        '  req_method("POST") |>\n'
        "  req_perform()\n"
    )
    assert rules(text, "info.R") == [(3, "wrong-method")]
    assert rules(text.replace('req_method("POST")', 'req_method("GET")'), "info.R") == []


def test_okhttp_host_builder_and_parsed_base_segments_are_paths() -> None:
    text = (
        'String BASE = "https://openapi.akool.com/api/open/v3";\n'
        'HttpUrl a = new HttpUrl.Builder().scheme("https").host("openapi.akool.com")\n'
        '        .addPathSegments("api/open/v3/content/video/status").build();\n'
        "HttpUrl b = HttpUrl.parse(BASE).newBuilder()\n"
        '        .addPathSegment("content").addPathSegment("video").addPathSegment("status")\n'
        '        .addQueryParameter("id", id).build();\n'
        'HttpUrl c = HttpUrl.parse(BASE).newBuilder().addPathSegments("content/video/infobymodelid").build();\n'
    )
    assert rules(text, "A.java") == [(3, "unknown-endpoint"), (5, "unknown-endpoint")]


def test_spring_and_ktor_builders_join_their_base() -> None:
    spring = (
        'static final String BASE = "https://openapi.akool.com/api/open/v3";\n'
        'URI u = UriComponentsBuilder.fromHttpUrl(BASE).path("/faceswap/quota/detail").build().toUri();\n'
    )
    ktor = (
        'const val BASE = "https://openapi.akool.com/api/open/v3"\n'
        "client.get {\n"
        "    url {\n"
        "        takeFrom(BASE)\n"
        '        appendPathSegments("content", "video", "status")\n'
        "    }\n"
        "}\n"
    )
    assert rules(spring, "S.java") == [(2, "unknown-endpoint")]
    assert rules(ktor, "k.kt") == [(5, "unknown-endpoint")]


def test_builders_on_another_host_or_past_their_statement_are_not_akool() -> None:
    text = (
        'val BASE = "https://openapi.akool.com/api/open/v3"\n'
        'val own = UriComponentsBuilder.fromHttpUrl(host).path("/content/video/status").build()\n'
        "val u = URLBuilder(BASE).build()\n"
        'val v = files.path("/content/video/status")\n'
    )
    assert rules(text, "k.kt") == []


YARL = """from yarl import URL
BASE = URL("https://openapi.akool.com/api/open/v3")
OTHER = URL("https://storage.example.com/api")
async def talk(session, p, a):
    url = BASE / "content" / "video" / "createbytalkingphoto"
    async with session.post(url, json={"talking_photo_url": p, "audio_url": a, "resolution": "720p"}) as r:
        return (await r.json())["data"]["_id"]
async def info(session, vid):
    async with session.get((BASE / "content/video/infobymodelid").with_query(video_model_id=vid)) as r:
        return await r.json()
async def status(session, vid):
    async with session.get(BASE / "content/video/status") as r:
        return await r.json()
async def upload(session, data):
    await session.put(OTHER / "content" / "video" / "status", data=data)
"""


def test_yarl_slash_joins_are_paths_on_their_base() -> None:
    assert rules(YARL, "talk.py") == [(6, "bad-value"), (12, "unknown-endpoint")]


def test_yarl_slash_join_is_not_read_outside_python() -> None:
    assert rules(YARL, "talk.txt") == []


R_READS = """base <- "https://openapi.akool.com/api/open/v3"
r <- POST(paste0(base, "/content/video/createbytalkingphoto"), body = list(talking_photo_url = p, audio_url = a), encode = "json")
id <- content(r)$data$task_id
j <- content(r, "parsed")
ok <- j[["data"]][["_id"]]
bad <- j$data$`task_id`
cfg <- list(base = base)
"""


def test_r_answer_reads_after_a_parse_or_a_name_bound_to_one() -> None:
    assert rules(R_READS, "talk.R") == [(3, "response-field"), (6, "response-field")]


def test_r_httr2_pipeline_answer_is_read() -> None:
    text = (
        'base <- "https://openapi.akool.com/api/open/v3"\n'
        "resp <- request(base) |> req_url_path_append('content/video/createbytalkingphoto') |>\n"
        "  req_body_json(list(talking_photo_url = p, audio_url = a)) |> req_perform()\n"
        "resp_body_json(resp)$data$task_id\n"
        "resp_body_json(resp)$data$`_id`\n"
    )
    assert rules(text, "talk.R") == [(4, "response-field")]


def test_query_builder_keys_of_the_url_the_request_gives_are_its_query() -> None:
    js = (
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        "async function info(id) {\n"
        '  const other = new URL("https://example.com/t");\n'
        '  other.searchParams.set("videoModelId", id);\n'
        "  const url = new URL(`${BASE}/content/video/infobymodelid`);\n"
        '  url.searchParams.set("videoModelId", id);\n'
        "  return (await fetch(url)).json();\n"
        "}\n"
    )
    go = (
        'const base = "https://openapi.akool.com/api/open/v3"\n'
        "func Info(id string) {\n"
        "\tq := url.Values{}\n"
        '\tq.Set("video_model_id", id)\n'
        '\tq.Add("page", "x")\n'
        '\thttp.Get(base + "/content/video/infobymodelid?" + q.Encode())\n'
        "}\n"
    )
    assert rules(js, "info.js") == [(6, "misnamed-field")]
    assert rules(go, "info.go") == [(5, "unknown-field")]


def test_query_builder_fixes_rename_the_key_where_it_is_set() -> None:
    php = (
        "<?php\n$base = 'https://openapi.akool.com/api/open/v3';\n"
        "$qs = http_build_query(['video_modelId' => $id]);\n"
        "$ch = curl_init($base . '/content/video/infobymodelid?' . $qs);\n"
    )
    fixes = [f.fix for f in audit_text(php, "info.php") if f.fix is not None]
    assert [(fix.line, fix.old, fix.new) for fix in fixes] == [
        (2, "video_modelId", "video_model_id")
    ]


def test_query_builder_keys_of_another_functions_url_are_not_this_requests() -> None:
    text = (
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        "async function a(id) {\n"
        "  const url = new URL(`${BASE}/content/image/infobymodelid`);\n"
        '  url.searchParams.set("image_model_id", id);\n'
        "  return fetch(url);\n"
        "}\n"
        "async function b(id) {\n"
        "  const url = new URL(`${BASE}/content/video/infobymodelid`);\n"
        '  url.searchParams.set("video_model_id", id);\n'
        "  return fetch(url);\n"
        "}\n"
    )
    assert rules(text, "two.js") == []


def test_table_entries_read_by_literal_key_on_a_client_are_its_calls() -> None:
    text = (
        "import httpx\n"
        'ENDPOINTS = {"talk": "/content/video/createbytalkingphoto", "status": "/content/video/status"}\n'
        'client = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")\n'
        'client.post(ENDPOINTS["talk"], json={"talking_photo_url": p, "audio_url": a, "resolution": "4k"})\n'
    )
    assert rules(text, "t.py") == [(2, "unknown-endpoint"), (4, "bad-value")]


def test_table_member_template_with_a_segment_on_a_client_is_judged() -> None:
    text = (
        'export const endpoints = { status: "/content/video/status" };\n'
        'const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });\n'
        "api.get(`${endpoints.status}/${id}`);\n"
    )
    assert rules(text, "t.ts") == [(1, "unknown-endpoint")]


def test_laravel_config_services_base_is_the_base_config_reads(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "services.php").write_text(
        "<?php\nreturn [\n    'akool' => [\n"
        "        'base' => env('AKOOL_BASE', 'https://openapi.akool.com/api/open/v3'),\n"
        "    ],\n    'media' => ['base' => 'https://media.example.com/api'],\n];\n",
        encoding="utf-8",
    )
    (tmp_path / "Job.php").write_text(
        "<?php\n"
        "Http::post(config('services.akool.base') . '/content/video/status', []);\n"
        "Http::post(config('services.media.base') . '/content/video/status', []);\n"
        "$r = Http::baseUrl(config('services.akool.base'))\n"
        "    ->get('/content/video/status/' . $id);\n",
        encoding="utf-8",
    )
    found = audit([tmp_path])
    assert sorted((Path(f.file).name, f.line, f.rule) for f in found.findings) == [
        ("Job.php", 2, "unknown-endpoint"),
        ("Job.php", 5, "undocumented-path"),
    ]
