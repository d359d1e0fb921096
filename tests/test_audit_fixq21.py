"""What the audit says (issue 21, fixQ21): a collection's `.put(`/`.get(` keyed by an AKOOL URL is
no request in Java, Kotlin, C#, Go, Ruby and PHP (H13), while an HTTP client's verb is; a table
of (method, path) operations is read with its pairing (M10); constants objects of paths are
judged and joined as written inline (M13). Corpus scripts: tests/audit_corpus/collections21q/,
optables21q/, constants21q/."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import Finding, audit, audit_text

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- H13: collections keyed by a URL -------------------------------------------------------------

JAVA_MAPS = f"""import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
public class Jobs {{
    static final String TALK_URL = "{TALK}";
    private final HashMap<String, Integer> hits = new HashMap<>();
    private final ConcurrentHashMap<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, String> ids;
    Jobs() {{ ids = new HashMap<>(); }}
    void run(Map<String, Object> opts, RestTemplate restTemplate) {{
        hits.put(TALK_URL, 1);
        started.put(TALK_URL, 2L);
        ids.get(TALK_URL);
        opts.put(TALK_URL, "x");
        restTemplate.put(TALK_URL, opts);
    }}
}}
"""


def test_a_java_map_keyed_by_a_url_sends_nothing_and_a_client_put_does() -> None:
    assert places(audit_text(JAVA_MAPS, "Jobs.java")) == [(14, "wrong-method")]


KOTLIN_MAPS = f"""const val INFO_URL = "{INFO}"
class Poller(private val client: HttpClient) {{
    private val hits = HashMap<String, Int>()
    private val started: MutableMap<String, Long> = ConcurrentHashMap()
    private val ids = mutableMapOf<String, String>()
    suspend fun poll() {{
        started.put(INFO_URL, 1L)
        hits.put(INFO_URL, 1)
        ids.getOrPut(INFO_URL) {{ "" }}
        client.put(INFO_URL)
    }}
}}
"""


def test_a_kotlin_map_keyed_by_a_url_sends_nothing() -> None:
    assert places(audit_text(KOTLIN_MAPS, "Poller.kt")) == [(10, "wrong-method")]


CSHARP = f"""using System.Net.Http;
public class Talk {{
    const string TalkUrl = "{TALK}";
    private readonly ConcurrentDictionary<string, int> hits = new();
    private readonly HttpClient http = new HttpClient();
    public async Task Run() {{
        hits[TalkUrl] = 1;
        hits.TryGetValue(TalkUrl, out var n);
        await http.GetAsync(TalkUrl);
    }}
}}
"""


def test_a_csharp_const_url_is_followed_to_the_client_and_not_to_the_dictionary() -> None:
    assert places(audit_text(CSHARP, "Talk.cs")) == [(9, "wrong-method")]


PHP = f"""<?php
const TALK_URL = "{TALK}";
$col = collect([]);
$col->put(TALK_URL, 1);
$bag = new \\Illuminate\\Support\\Collection();
$bag->get(TALK_URL);
Cache::put(TALK_URL, 1, 60);
$res = Http::get(TALK_URL);
"""


def test_a_php_collection_or_cache_facade_sends_nothing() -> None:
    assert places(audit_text(PHP, "talk.php")) == [(8, "wrong-method")]


RUBY_GO = {
    "hits.rb": f"""TALK_URL = "{TALK}"
hits = Hash.new(0)
hits.delete(TALK_URL)
HTTParty.get(TALK_URL)
""",
    "seen.go": f"""package main
const talkURL = "{TALK}"
var seen map[string]bool
var memo sync.Map
func run() {{
	seen[talkURL] = true
	http.Get(talkURL)
}}
""",
}


def test_ruby_and_go_containers_send_nothing() -> None:
    assert places(audit_text(RUBY_GO["hits.rb"], "hits.rb")) == [(4, "wrong-method")]
    assert places(audit_text(RUBY_GO["seen.go"], "seen.go")) == [(7, "wrong-method")]


def test_a_type_word_in_prose_declares_no_container() -> None:
    text = f"""const TALK = "{TALK}";
// Set api to the shared client
const api = makeClient();
api.get(TALK);
"""
    assert places(audit_text(text, "talk.js")) == [(4, "wrong-method")]


# -- M10: operations tables of (method, path) ----------------------------------------------------

PY_TABLE = """import requests
BASE = "https://openapi.akool.com"
OPS = [
    ("{a}", "/api/open/v3/content/video/createbytalkingphoto"),
    ("{b}", "/api/open/v3/content/video/infobymodelid"),
    {{"method": "{b}", "path": "/api/open/v3/content/video/infobymodelid"}},
]
for m, p in OPS:
    requests.request(m, BASE + p)
"""


def test_a_python_table_pairs_each_path_with_its_method() -> None:
    good = PY_TABLE.format(a="POST", b="GET")
    assert places(audit_text(good, "ops.py")) == []
    bad = PY_TABLE.format(a="PUT", b="POST")
    assert places(audit_text(bad, "ops.py")) == [
        (4, "wrong-method"),
        (5, "wrong-method"),
        (6, "wrong-method"),
    ]


def test_a_method_in_a_table_is_patched_in_place() -> None:
    text = PY_TABLE.format(a="PUT", b="GET")
    fixes = [f.fix for f in audit_text(text, "ops.py") if f.fix is not None]
    assert [(f.old, f.new) for f in fixes] == [("PUT", "POST")]


GO_TABLE = """package main
const base = "https://openapi.akool.com"
var ops = []op{
	{Method: "POST", Path: "/api/open/v3/content/video/createbytalkingphoto"},
	{Method: http.MethodGet, Path: "/api/open/v3/content/video/infobymodelid"},
	{"PUT", "/api/open/v3/content/video/infobymodelid"},
}
func run() {
	for _, o := range ops {
		req, _ := http.NewRequest(o.Method, base+o.Path, nil)
		http.DefaultClient.Do(req)
	}
}
"""


def test_a_go_struct_table_pairs_each_path_with_its_method() -> None:
    assert places(audit_text(GO_TABLE, "ops.go")) == [(6, "wrong-method")]


OTHER_TABLES = {
    "ops.js": """const BASE = "https://openapi.akool.com";
const OPS = [["GET", "/api/open/v3/content/video/createbytalkingphoto"]];
for (const [m, p] of OPS) await fetch(BASE + p, { method: m });
""",
    "Ops.kt": """val ops = listOf("GET" to "/api/open/v3/content/video/createbytalkingphoto")
""",
    "ops.rb": """OPS = [{ method: :get, path: "/api/open/v3/content/video/createbytalkingphoto" }]
""",
    "ops.php": """<?php
$ops = [['method' => 'GET', 'path' => '/api/open/v3/content/video/createbytalkingphoto']];
""",
}


def test_tables_in_other_languages_pair_each_path_with_its_method() -> None:
    lines = {"ops.js": 2, "Ops.kt": 1, "ops.rb": 1, "ops.php": 2}
    for name, text in OTHER_TABLES.items():
        assert places(audit_text(text, name)) == [(lines[name], "wrong-method")], name


def test_an_entry_with_two_methods_says_none() -> None:
    text = """import requests
ALLOWED = [("GET", "POST", "/api/open/v3/content/video/createbytalkingphoto")]
"""
    assert places(audit_text(text, "ops.py")) == []


# -- M13: constants objects ----------------------------------------------------------------------

JS_MEMBERS = """const A = {
  BASE_URL: "https://openapi.akool.com",
};
const Paths = { TALK: "/api/open/v3/content/video/createbytalkingphoto", INFO: "/api/open/v3/content/video/infobymodelid" };
export const talk = (b) => fetch(`${A.BASE_URL}${Paths.TALK}`, { method: "PUT", body: JSON.stringify(b) });
export const poll = (id) => fetch(`${A.BASE_URL}${Paths.INFO}?video_model_id=${id}`);
export const talkOk = (b) => fetch(`${A.BASE_URL}${Paths.TALK}`, { method: "POST", body: JSON.stringify(b) });
"""


def test_a_template_joining_two_members_of_constants_objects_is_the_joined_call() -> None:
    assert places(audit_text(JS_MEMBERS, "jobs.js")) == [(5, "wrong-method")]


def test_php_class_constants_joined_with_a_dot_are_the_joined_call() -> None:
    text = """<?php
class ApiConst {
    const BASE = "https://openapi.akool.com";
    const INFO = "/api/open/v3/content/video/infobymodelid";
}
$a = $client->post(ApiConst::BASE . ApiConst::INFO);
$b = $client->get(ApiConst::BASE . ApiConst::INFO);
"""
    assert places(audit_text(text, "jobs.php")) == [(6, "wrong-method")]


def test_a_go_struct_of_paths_written_on_one_line_is_read_by_its_fields() -> None:
    text = """package akool
const Base = "https://openapi.akool.com"
var Paths = endpoints{Talk: "/api/open/v3/content/video/createbytalkingphoto", Info: "/api/open/v3/content/video/infobymodelid"}
func poll(id string) { http.Post(Base+Paths.Info, "application/json", nil) }
func ok(id string) { http.Get(Base + Paths.Info + "?video_model_id=" + id) }
"""
    assert places(audit_text(text, "jobs.go")) == [(4, "wrong-method")]


def test_a_guessed_path_in_a_constants_class_gets_the_documented_replacement() -> None:
    text = """import requests
V3 = "https://openapi.akool.com/api/open/v3"
class Guessed:
    RESULT = "/content/video/status/"
def poll(video_id):
    return requests.get(V3 + Guessed.RESULT + video_id).json()
def poll_inline(video_id):
    return requests.get(V3 + "/content/video/status/" + video_id).json()
"""
    found = [f for f in audit_text(text, "jobs.py") if f.severity != "info"]
    assert [(f.line, f.rule) for f in found] == [
        (6, "undocumented-path"),
        (8, "undocumented-path"),
    ]
    assert all("infobymodelid?video_model_id=<_id>" in f.documented for f in found)


def test_constants_objects_in_another_file_of_the_folder_are_joined(tmp_path: Path) -> None:
    (tmp_path / "akoolConsts.js").write_text(
        JS_MEMBERS.split("export const", 1)[0].replace("const ", "export const ")
    )
    (tmp_path / "jobs.js").write_text(
        'import { A, Paths } from "./akoolConsts.js";\n'
        'export const poll = (id) => fetch(`${A.BASE_URL}${Paths.INFO}`, { method: "POST" });\n'
        "export const ok = (id) => fetch(`${A.BASE_URL}${Paths.INFO}?video_model_id=${id}`);\n"
    )
    found = audit([tmp_path]).findings
    assert [(f.file.rsplit("/", 1)[-1], f.line, f.rule) for f in found] == [
        ("jobs.js", 2, "wrong-method")
    ]


def test_each_entry_of_an_object_of_urls_is_followed_to_the_uses_that_read_it() -> None:
    text = f"""import requests
ENDPOINTS = {{"talk": "{TALK}", "info": "{INFO}"}}
requests.get(ENDPOINTS["talk"])
requests.post(ENDPOINTS["info"])
requests.get(ENDPOINTS["info"], params={{"video_model_id": 1}})
"""
    assert places(audit_text(text, "urls.py")) == [(3, "wrong-method"), (4, "wrong-method")]


def test_an_enums_constants_are_a_table_not_calls() -> None:
    java = """public class Jobs {
    static final String BASE = "https://openapi.akool.com";
    enum Ep {
        TALK("/api/open/v3/content/video/createbytalkingphoto"),
        INFO("/api/open/v3/content/video/infobymodelid");
        final String path;
        Ep(String p) { path = p; }
    }
    void run(RestTemplate rest) {
        rest.postForObject(BASE + Ep.INFO.path, null, String.class);
    }
}
"""
    # the constant is no GET without its query; the call that joins it is read
    assert places(audit_text(java, "Jobs.java")) == [(10, "wrong-method")]
    kotlin = """enum class Op(val method: String, val path: String) {
    TALK("GET", "/api/open/v3/content/video/createbytalkingphoto"),
    INFO("GET", "/api/open/v3/content/video/infobymodelid"),
}
"""
    assert places(audit_text(kotlin, "Op.kt")) == [(2, "wrong-method")]


def test_a_url_given_as_a_value_not_the_first_argument_is_no_request() -> None:
    text = f"""public class Meta {{
    static final String TALK_URL = "{TALK}";
    void run(CacheManager cacheManager, ObjectMapper mapper, RestTemplate rest, Object body) {{
        JSONObject meta = new JSONObject();
        meta.put("endpoint", TALK_URL);
        mapper.createObjectNode().put("endpoint", TALK_URL);
        cacheManager.getCache("akool").put(TALK_URL, body);
        rest.put(TALK_URL, body);
    }}
}}
"""
    assert places(audit_text(text, "Meta.java")) == [(8, "wrong-method")]


def test_struct_and_array_entries_after_a_type_name_are_table_entries() -> None:
    java = """class Ops {
    static final List<String[]> OPS = List.of(
        new String[]{"GET", "/api/open/v3/content/video/createbytalkingphoto"});
}
"""
    csharp = """class Ops {
    static readonly Op[] All = new[] {
        new Op { Method = "GET", Path = "/api/open/v3/content/video/createbytalkingphoto" },
    };
}
"""
    go = """package main
var talk = &route{Method: "GET", Path: "/api/open/v3/content/video/createbytalkingphoto"}
"""
    assert places(audit_text(java, "Ops.java")) == [(3, "wrong-method")]
    assert places(audit_text(csharp, "Ops.cs")) == [(3, "wrong-method")]
    assert places(audit_text(go, "ops.go")) == [(2, "wrong-method")]
