"""`akool audit` on URL and body shapes of session thirteen's shapes24: clients that resolve a
relative path against their base as RFC 3986 does (break21f #11), and bodies and hosts given in
client shapes the audit did not read (break21f #4-#7, #12)."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

V3 = "https://openapi.akool.com/api/open/v3"


def rules(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name))


# (file name, script, the line of its one unknown-endpoint error; 0: silent)
RESOLVED = [
    (
        "a.cs",
        "using System.Net.Http;\nclass A {\n  static readonly HttpClient H = new HttpClient { BaseAddress"
        f' = new Uri("{V3}") }};\n  static Task<string> I(string id) => H.GetStringAsync('
        '$"content/video/infobymodelid?video_model_id={id}");\n}\n',
        4,
    ),
    (
        "b.cs",
        f'using System.Net.Http;\nclass B {{\n  const string Base = "{V3}/";\n  static readonly HttpClient'
        " H = new HttpClient { BaseAddress = new Uri(Base) };\n  static Task<HttpResponseMessage> I("
        'string id) => H.GetAsync($"/content/video/infobymodelid?video_model_id={id}");\n}\n',
        5,
    ),
    (
        "c.cs",  # the whole path under a base ending in "/": resolved, right
        f'using System.Net.Http;\nclass C {{\n  static readonly HttpClient H = new HttpClient {{ BaseAddress = new Uri("{V3}/") }};\n'
        '  static Task<HttpResponseMessage> I(string id) => H.GetAsync($"/api/open/v3/content/video/infobymodelid?video_model_id={id}");\n}\n',
        0,
    ),
    (
        "Api.kt",
        'import retrofit2.Retrofit\nimport retrofit2.http.GET\ninterface Api {\n    @GET("/content/video/'
        'infobymodelid")\n    suspend fun info(@Query("video_model_id") id: String): Map<String, Any>\n}\n'
        f'val api = Retrofit.Builder()\n    .baseUrl("{V3}/")\n    .build().create(Api::class.java)\n',
        4,
    ),
    (
        "t.py",
        f'from requests_toolbelt import sessions\ns = sessions.BaseUrlSession(base_url="{V3}")\n'
        'r = s.get("content/video/infobymodelid", params={"video_model_id": "1"})\n',
        3,
    ),
    (
        "g.php",
        f"<?php\n$c = new GuzzleHttp\\Client(['base_uri' => '{V3}']);\n$r = $c->get('content/"
        "video/infobymodelid', ['query' => ['video_model_id' => '1']]);\n",
        3,
    ),
    (
        "f.rb",
        f'require "faraday"\nconn = Faraday.new(url: "{V3}") do |f|\n  f.request :json\nend\n'
        'conn.get("/content/video/infobymodelid", video_model_id: "1")\n',
        5,
    ),
    (
        "f_ok.rb",
        f'conn = Faraday.new(url: "{V3}")\nconn.get("content/video/infobymodelid", video_model_id: "1")\n',
        0,
    ),
    (  # Refit appends the attribute's path to the base's
        "R.cs",
        'using Refit;\npublic interface IA {\n  [Get("/content/video/infobymodelid?video_model_id=1")]\n'
        f'  Task<string> Info();\n}}\nclass M {{ static IA A() => RestService.For<IA>(new HttpClient {{ BaseAddress = new Uri("{V3}") }}); }}\n',
        0,
    ),
    (  # Spring's WebClient appends
        "W.java",
        f'class W {{ WebClient web = WebClient.builder().baseUrl("{V3}").build();\n'
        '  Object i() { return web.get().uri("/content/video/infobymodelid?video_model_id=1").retrieve(); } }\n',
        0,
    ),
    (  # httpx appends
        "h.py",
        f'import httpx\nc = httpx.Client(base_url="{V3}")\nr = c.get("/content/video/infobymodelid", params={{"video_model_id": "1"}})\n',
        0,
    ),
]


@pytest.mark.parametrize(("name", "text", "line"), RESOLVED, ids=[r[0] for r in RESOLVED])
def test_a_client_that_resolves_its_base_is_read_as_it_resolves(
    name: str, text: str, line: int
) -> None:
    found = rules(text, name)
    assert found == ([(line, "unknown-endpoint")] if line else [])
