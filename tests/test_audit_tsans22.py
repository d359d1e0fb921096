"""Session 22, tsans22: JS/TS answer reads through the script's own wrappers and classes (held-out
21j M3, F2, M7): a negated guard's tests read apart, a fallback chain's first member judged, a
request helper (a class's method or a function) returning its parsed answer's data field, a
TypeScript cast on what a helper returns."""

from __future__ import annotations

import time

import pytest

from akool_cli.audit import ties
from akool_cli.audit.scan import Finding, audit_text

BASE = "https://openapi.akool.com"
ANSWER_RULES = ("response-field", "answer-field", "list-answer")


def answer_places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.found) for f in findings if f.rule in ANSWER_RULES)


# -- M3(a): a negated guard is no fallback chain -----------------------------------------------------

SESSION_TS = (
    f'const BASE = "{BASE}";\n'
    "export async function createSession(avatarId: string) {\n"
    "  const res = await fetch(`${BASE}/api/open/v4/liveAvatar/session/create`, {\n"
    '    method: "POST",\n'
    '    headers: { "x-api-key": process.env.AKOOL_KEY! },\n'
    "    body: JSON.stringify({ avatar_id: avatarId }),\n"
    "  });\n"
    "  const ans = await res.json();\n"
    "  READ\n"
    "  return ans.data._id;\n"
    "}\n"
)
SESSION_PY = (
    "import requests\n"
    f'BASE = "{BASE}"\n'
    "def create(avatar_id):\n"
    '    ans = requests.post(f"{BASE}/api/open/v4/liveAvatar/session/create", json={"avatar_id": avatar_id}).json()\n'
    "    READ\n"
    '    return ans["data"]["_id"]\n'
)


@pytest.mark.parametrize(
    ("text", "read", "found"),
    [
        (SESSION_TS, "if (!ans.success || !ans.data) throw new Error(ans.msg);", "success"),
        (
            SESSION_TS,
            "if (!ans?.data?.credentials || !ans?.data?.stream_url) return;",
            "stream_url",
        ),
        (
            SESSION_PY,
            'if not ans.get("success") or not ans.get("data"): raise RuntimeError()',
            "success",
        ),
    ],
)
def test_m3a_a_negated_guards_tests_are_each_judged(text: str, read: str, found: str) -> None:
    name = "a.py" if "import requests" in text else "a.ts"
    got = answer_places(audit_text(text.replace("READ", read), name))
    assert got == [(9 if name == "a.ts" else 5, found)]


# -- M3(b, c), item 4: a chain's first member is the read the code makes -----------------------------


@pytest.mark.parametrize(
    ("read", "found"),
    [
        ("const error = ans.data?.error_message ?? ans.msg;", ["error_message"]),
        ("const id = ans?.data?.session_id || ans?.data?._id;", ["session_id"]),
        (
            'throw new Error(`failed: ${ans.message || ans.error || ans.msg || "unknown"}`);',
            ["error", "message"],
        ),
        ("const id = ans?.data?._id || ans?.data?.session_id;", []),  # (after it: defensive)
        ("const s = ans.data?.credentials ?? ans.credentials;", []),  # (the same name elsewhere)
    ],
)
def test_m3_a_chains_first_member_is_judged_its_later_guesses_are_not(
    read: str, found: list[str]
) -> None:
    got = answer_places(audit_text(SESSION_TS.replace("READ", read), "a.ts"))
    assert sorted(name for _, name in got) == found


# -- F2: a request helper returning its parsed answer's data field ----------------------------------

CLASS_HELPER = (
    f'const BASE = "{BASE}/api/open/v3";\n'
    "export class Translator {\n"
    "  constructor(private apiKey: string) {}\n"
    "  private async fetchJson(url: string, init: RequestInit = {}): Promise<any> {\n"
    '    const res = await fetch(url, { ...init, headers: { "x-api-key": this.apiKey } });\n'
    "    const body = await res.json();\n"
    "    if (body.code !== 1000) throw new Error(body.msg);\n"
    "    RETURN\n"
    "  }\n"
    "  async languages() {\n"
    "    const d = await this.fetchJson(`${BASE}/language/list`);\n"
    "    return d?.READ ?? [];\n"
    "  }\n"
    "}\n"
)
FUNCTION_HELPER = (
    f'const BASE = "{BASE}/api/open/v3";\n'
    "async function fetchJson(url, init = {}) {\n"
    '  const res = await fetch(url, { ...init, headers: { "x-api-key": KEY } });\n'
    "  const body = await res.json();\n"
    "  if (body.code !== 1000) throw new Error(body.msg);\n"
    "  RETURN\n"
    "}\n"
    "async function languages() {\n"
    "  const d = await fetchJson(`${BASE}/language/list`);\n"
    "  return d?.READ ?? [];\n"
    "}\n"
)


@pytest.mark.parametrize(("text", "name"), [(CLASS_HELPER, "a.ts"), (FUNCTION_HELPER, "a.js")])
@pytest.mark.parametrize(
    "returned", ["return body.data;", "return body?.data;", 'return body["data"];']
)
def test_f2_a_helper_returning_the_parsed_answers_data_gives_its_callers_the_data_field(
    text: str, name: str, returned: str
) -> None:
    made = text.replace("RETURN", returned)
    assert answer_places(audit_text(made.replace("READ", "lang_list"), name)) == []
    wrong = answer_places(audit_text(made.replace("READ", "lang_listx"), name))
    assert [found for _, found in wrong] == ["lang_listx"]
    hits = [f for f in audit_text(made.replace("READ", "lang_listx"), name)]
    assert "data.lang_listx" in hits[0].message  # (read under data, not at the top)


def test_f2_axios_data_data_returned_is_the_data_field() -> None:
    text = (
        'import axios from "axios";\n'
        f'const BASE = "{BASE}/api/open/v3";\n'
        "export class Api {\n"
        "  private async get(url: string) {\n"
        "    const res = await axios.get(url);\n"
        "    return res.data.data;\n"
        "  }\n"
        "  async languages() {\n"
        "    const d = await this.get(`${BASE}/language/list`);\n"
        "    return d.lang_list;\n"
        "  }\n"
        "}\n"
    )
    assert answer_places(audit_text(text, "a.ts")) == []


# -- a TypeScript cast on the data field a wrapper returns ------------------------------------------

WRAPPER_CLASS = (
    "type Envelope<T> = { code: number; msg: string; data: T };\n"
    "export class Svc {\n"
    f'  private base = "{BASE}";\n'
    "  constructor(private key: string) {}\n"
    "  private static async request<T>(path: string, init: RequestInit = {}): Promise<T> {\n"
    '    const res = await fetch(`${this.base}${path}`, { ...init, headers: { "x-api-key": this.key } });\n'
    "    const body = await res.json();\n"
    "    RETURN\n"
    "  }\n"
    "  async languages() {\n"
    '    const d = await CALL<any>("/api/open/v3/language/list");\n'
    "    return d?.lang_listx ?? [];\n"
    "  }\n"
    "}\n"
)


@pytest.mark.parametrize(
    "returned",
    [
        "return body.data as T;",
        "return body.data!;",
        "return (body as Envelope<T>).data;",
        "return body.data as unknown as T;",
    ],
)
@pytest.mark.parametrize("call", ["this.request", "Svc.request"])
def test_a_cast_on_the_data_field_a_wrapper_returns_is_read_through(
    returned: str, call: str
) -> None:
    text = WRAPPER_CLASS.replace("RETURN", returned).replace("CALL", call)
    assert answer_places(audit_text(text, "a.ts")) == [(12, "lang_listx")]


def test_the_data_field_patterns_are_linear_on_runs_of_blanks() -> None:
    started = time.process_time()
    for blanks in (" " * 6000, " ;" * 3000):
        ties.DATA_OF.match("x.data" + blanks + "y")
        ties.RETURNED_DATA.match("return x.data" + blanks + "y")
    assert time.process_time() - started < 0.5


# -- M7: a name holding an AKOOL path prefix that a request is sent to as it is ---------------------

PREFIX = f"{BASE}/api/open/v3/faceswap"
AS_IS = {
    "a.js": (
        "class AkoolClient {\n"
        "  constructor(apiKey) {\n"
        "    this.apiKey = apiKey;\n"
        f'    this.endpoint = "{PREFIX}";\n'
        "  }\n"
        "  async swap(body) {\n"
        '    const res = await fetch(this.endpoint, { method: "POST", body: JSON.stringify(body) });\n'
        "    return res.json();\n"
        "  }\n"
        "}\n"
    ),
    "a.py": (
        "import requests\n"
        "class AkoolClient:\n"
        "    def __init__(self, key):\n"
        f'        self.endpoint = "{PREFIX}"\n'
        "    def swap(self, body):\n"
        "        return requests.post(self.endpoint, json=body).json()\n"
    ),
    "A.java": (
        "public class AkoolClient {\n"
        "    private final String endpoint;\n"
        "    public AkoolClient() {\n"
        f'        this.endpoint = "{PREFIX}";\n'
        "    }\n"
        "    public HttpRequest swap(String json) {\n"
        "        return HttpRequest.newBuilder(URI.create(this.endpoint)).POST(ofString(json)).build();\n"
        "    }\n"
        "}\n"
    ),
    "b.ts": (
        f'const ENDPOINT = "{PREFIX}";\n'
        "export async function swap(body: unknown) {\n"
        '  return axios.post(ENDPOINT, body, { headers: { "x-api-key": KEY } });\n'
        "}\n"
    ),
}


@pytest.mark.parametrize("name", sorted(AS_IS))
def test_m7_a_prefix_a_request_is_sent_to_as_it_is_is_judged_as_its_path(name: str) -> None:
    got = [(f.line, f.rule) for f in audit_text(AS_IS[name], name)]
    assert got == [(1 if name == "b.ts" else 4, "unknown-endpoint")]


def test_m7_in_a_markdown_javascript_block() -> None:
    text = "# Client\n\n```javascript\n" + AS_IS["a.js"] + "```\n"
    got = [(f.line, f.rule) for f in audit_text(text, "README.md")]
    assert got == [(7, "unknown-endpoint")]


@pytest.mark.parametrize(
    "use",
    [
        'fetch(this.endpoint + "/highquality/specifyimage", { method: "POST" })',
        'fetch(`${this.endpoint}/highquality/specifyimage`, { method: "POST" })',
        "axios.create({ baseURL: this.endpoint })",
        "console.log(this.endpoint)",
        "(this.url = this.endpoint)",
    ],
)
def test_m7_a_prefix_joined_or_not_sent_stays_a_base(use: str) -> None:
    text = (
        "class AkoolClient {\n"
        "  constructor() {\n"
        f'    this.endpoint = "{PREFIX}";\n'
        "  }\n"
        f"  go() {{ return {use}; }}\n"
        "}\n"
    )
    assert [f.rule for f in audit_text(text, "a.js") if f.rule == "unknown-endpoint"] == []


# -- a wrapper written as a TS arrow with a return type, or a method whose head spans lines ---------

HEADS = {
    "arrow-const": (
        "const request = async (path: string, init: RequestInit = {}): Promise<any> => {",
        "};",
        "request",
    ),
    "arrow-property": (
        "  private request = async <T>(path: string, init: RequestInit = {}): Promise<T> => {",
        "  };",
        "this.request",
    ),
    "prettier-method": (
        "  private async request<T>(\n    path: string,\n    init: RequestInit = {},\n  ): Promise<T> {",
        "  }",
        "this.request",
    ),
}


@pytest.mark.parametrize("kind", sorted(HEADS))
def test_a_wrapper_with_a_typed_arrow_or_a_head_over_lines_is_followed(kind: str) -> None:
    head, close, call = HEADS[kind]
    wrapper = (
        f"{head}\n"
        '    const res = await fetch(`${BASE}${path}`, { ...init, headers: { "x-api-key": KEY } });\n'
        "    const body = await res.json();\n"
        "    return body.data;\n"
        f"{close}\n"
    )
    caller = (
        "async languages() {\n"
        f'    const d = await {call}("/api/open/v3/language/list");\n'
        "    return d?.lang_listx ?? [];\n"
        "}\n"
    )
    if kind == "arrow-const":
        text = f'const BASE = "{BASE}";\n' + wrapper + caller.replace("async ", "async function ")
    else:
        text = f'const BASE = "{BASE}";\nexport class Svc {{\n' + wrapper + "  " + caller + "}\n"
    got = [(f.rule, f.found) for f in audit_text(text, "a.ts")]
    assert got == [("response-field", "lang_listx")]


def test_a_call_whose_arguments_span_lines_is_no_method_head() -> None:
    from akool_cli.audit.scopes import defines, function_def

    lines = ["  private async request(", '    "x",', "  );", "  }"]
    fn = function_def(lines[0])
    assert fn is not None and not defines(lines, 0, fn)


def test_a_java_wrapper_whose_parameters_go_on_over_lines_is_followed() -> None:
    text = (
        "public class AkoolClient {\n"
        f'    private static final String BASE = "{BASE}/api/open/v3";\n'
        "    private String post(\n"
        "            String path,\n"
        "            String json) throws Exception {\n"
        "        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + path))\n"
        "            .POST(HttpRequest.BodyPublishers.ofString(json)).build();\n"
        "        return http.send(req, ofString()).body();\n"
        "    }\n"
        "    public String swap() throws Exception {\n"
        '        return post("/faceswap/highquality/specifyimagex", "{}");\n'
        "    }\n"
        "}\n"
    )
    got = [(f.line, f.rule) for f in audit_text(text, "AkoolClient.java")]
    assert got == [(11, "unknown-endpoint")]


# -- M3(c): a request given what a function building the status URL returns -------------------------

URL_BUILDERS = {
    "a.js": (
        f'const BASE = "{BASE}/api/open/v3";\n'
        "function statusUrl(id) {\n"
        "  return `${BASE}/content/video/infobymodelid?video_model_id=${id}`;\n"
        "}\n"
        "async function poll(id) {\n"
        '  const res = await fetch(statusUrl(id), { headers: { "x-api-key": KEY } });\n'
        "  const ans = await res.json();\n"
        "  return ans.data?.result_url;\n"
        "}\n",
        8,
    ),
    "a.py": (
        "import requests\n"
        f'BASE = "{BASE}/api/open/v3"\n'
        "def status_url(i):\n"
        '    return f"{BASE}/content/video/infobymodelid?video_model_id={i}"\n'
        "def poll(i):\n"
        '    r = requests.get(status_url(i), headers={"x-api-key": "k"})\n'
        '    return r.json()["data"]["result_url"]\n',
        7,
    ),
    "b.ts": (
        f'const BASE = "{BASE}";\n'
        "export const akoolProvider = {\n"
        '  name: "akool",\n'
        "  statusUrl(id: string): string {\n"
        '    return `${BASE}${envOr("STATUS", "/api/open/v3/content/video/infobymodelid")}?video_model_id=${id}`;\n'
        "  },\n"
        "  async status(id: string) {\n"
        "    const res = await fetch(this.statusUrl(id), { headers: {} });\n"
        "    const ans = await res.json();\n"
        "    return ans.data?.result_url ?? ans.msg;\n"
        "  },\n"
        "};\n",
        10,
    ),
}


@pytest.mark.parametrize("name", sorted(URL_BUILDERS))
def test_m3c_a_request_given_a_functions_url_reads_that_calls_answer(name: str) -> None:
    text, line = URL_BUILDERS[name]
    assert answer_places(audit_text(text, name)) == [(line, "result_url")]


def test_a_binding_above_a_functions_head_is_not_the_calls() -> None:
    text = (
        f'const BASE = "{BASE}/api/open/v3";\n'
        "function statusUrl(id) {\n"
        "  return `${BASE}/content/video/infobymodelid?video_model_id=${id}`;\n"
        "}\n"
        "console.log(BASE.data.x);\n"
    )
    assert answer_places(audit_text(text, "a.js")) == []


# -- F2 in Python and Java: a class's helper returning the parsed answer's data field --------------

CLASS_HELPERS = {
    "a.py": (
        "import requests\n"
        f'BASE = "{BASE}/api/open/v3"\n'
        "class Akool:\n"
        "    def _fetch(self, url):\n"
        '        body = requests.get(url, headers={"x-api-key": self.key}).json()\n'
        '        return body.get("data")\n'
        "    def languages(self):\n"
        '        d = self._fetch(f"{BASE}/language/list")\n'
        '        return d["READ"]\n',
        9,
    ),
    "Akool.java": (
        "public class Akool {\n"
        f'    private static final String BASE = "{BASE}/api/open/v3";\n'
        "    private JSONObject getData(String url) throws Exception {\n"
        "        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url)).build(), ofString());\n"
        "        JSONObject body = new JSONObject(res.body());\n"
        '        return body.getJSONObject("data");\n'
        "    }\n"
        "    public Object languages() throws Exception {\n"
        '        JSONObject d = getData(BASE + "/language/list");\n'
        '        return d.get("READ");\n'
        "    }\n"
        "}\n",
        10,
    ),
}


@pytest.mark.parametrize("name", sorted(CLASS_HELPERS))
def test_f2_python_and_java_class_helpers_returning_data_give_the_data_field(name: str) -> None:
    text, line = CLASS_HELPERS[name]
    assert answer_places(audit_text(text.replace("READ", "lang_list"), name)) == []
    wrong = audit_text(text.replace("READ", "lang_listx"), name)
    assert answer_places(wrong) == [(line, "lang_listx")]
    assert "data.lang_listx" in wrong[0].message
