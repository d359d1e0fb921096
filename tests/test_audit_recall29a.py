"""`akool audit` on session seventeen's recall29a shapes: declarative and framework HTTP clients on
the JVM and .NET (Spring's HTTP interfaces, Feign, Refit, IHttpClientFactory, Ktor, URL and query
builders) and C#'s serializer defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "recall29a"


def found(folder: str) -> set[tuple[str, int, str]]:
    result = audit([CORPUS / folder], exclude=["expected.json"])
    return {(Path(f.file).name, f.line, f.rule) for f in result.findings}


# -- query-kwargs-false-missing-query-field (the C# half) -------------------------------------------


def test_aspnet_add_query_string_gives_the_query() -> None:
    # QueryHelpers.AddQueryString(url, dict) / (url, "k", v): the voice lists send type (no
    # missing-query-field), a camelCased key is judged where it is written
    assert found("aspnet_query") == {
        ("Videos.cs", 15, "misnamed-field"),
        ("Videos.cs", 20, "unknown-field"),
    }


# -- spring-http-interface-exchange-not-read, java-feign-target-base-not-joined,
# -- csharp-refit-interface-not-read -------------------------------------------------------------


def test_spring_http_interfaces_are_read() -> None:
    # @GetExchange under @HttpExchange(url = BASE); @GetExchange under the adapter's baseUrl; a
    # full URL in @PostExchange keeps its host (not joined to the base again)
    assert found("spring_exchange") == {
        ("AkoolApi.java", 12, "misnamed-field"),
        ("AkoolApi.java", 20, "unknown-endpoint"),
        ("Wiring.java", 14, "wrong-method"),
    }


def test_feign_request_lines_join_the_target_base() -> None:
    assert found("feign_target") == {("AkoolFeign.java", 7, "misnamed-field")}


def test_refit_interfaces_are_read() -> None:
    # [Query] and [AliasAs("video_model_id")] parameters send the documented name; a templated
    # parameter ({ids}) is the path's, [Body] and [Header] ones are not the query
    assert found("refit") == {
        ("IAkoolApi.cs", 6, "misnamed-field"),
        ("IAkoolApi.cs", 30, "wrong-method"),
        ("IAkoolApi.cs", 33, "unknown-endpoint"),
    }


def test_a_declared_path_under_a_foreign_base_is_not_judged() -> None:
    text = (
        "import feign.RequestLine;\n"
        "interface Other {\n"
        '    @RequestLine("POST /content/video/infobymodelid")\n'
        "    String info();\n"
        "    static Other make() {\n"
        '        return Feign.builder().target(Other.class, "https://api.example.com/v3");\n'
        "    }\n"
        "}\n"
    )
    assert audit_text(text, "Other.java") == []


# -- csharp-httpclientfactory-base-missed --------------------------------------------------------


def test_http_client_factory_registrations_give_their_base() -> None:
    # named clients across files and in one file, a typed client's primary constructor; the
    # "github" client registered beside them is not AKOOL's
    assert found("httpfactory") == {
        ("Jobs.cs", 9, "misnamed-field"),
        ("VoiceClient.cs", 4, "unknown-field"),
        ("Render.cs", 10, "bad-value"),
    }


def test_a_typed_client_field_holds_the_registered_base() -> None:
    text = (
        "builder.Services.AddHttpClient<AkoolClient>(c =>\n"
        '    c.BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/"));\n'
        "public class AkoolClient\n"
        "{\n"
        "    private readonly HttpClient _http;\n"
        "    public AkoolClient(HttpClient client) { _http = client; }\n"
        "    public Task<HttpResponseMessage> Lip(string v, string a) =>\n"
        '        _http.PostAsJsonAsync("content/video/lipsync", new { video_url = v, audio = a });\n'
        "}\n"
    )
    assert [(f.line, f.rule) for f in audit_text(text, "AkoolClient.cs")] == [(8, "misnamed-field")]


# -- kotlin-ktor-defaultrequest-base-missed ------------------------------------------------------


def test_ktor_default_request_gives_its_client_a_base() -> None:
    assert found("ktor_default") == {
        ("AkoolApi.kt", 27, "misnamed-field"),
        ("AkoolApi.kt", 35, "bad-value"),
    }


# -- java-okhttp-httpurl-query-not-read ----------------------------------------------------------


def test_url_builders_query_parameters_are_the_query() -> None:
    assert found("builder_query") == {
        ("VideoStatus.java", 15, "misnamed-field"),
        ("VideoStatus.java", 31, "unknown-field"),
        ("Voices.kt", 18, "unknown-field"),
    }


def test_a_typed_java_local_holding_a_url_is_followed_to_its_request() -> None:
    text = (
        'static final String BASE = "https://openapi.akool.com/api/open/v3";\n'
        "Request d(String id) {\n"
        '    HttpUrl url = HttpUrl.parse(BASE + "/content/video/infobymodelid").newBuilder()\n'
        '            .addQueryParameter("videoModelId", id)\n'
        "            .build();\n"
        "    return new Request.Builder().url(url).get().build();\n"
        "}\n"
    )
    assert [(f.line, f.rule) for f in audit_text(text, "V.java")] == [(4, "misnamed-field")]


# -- known-naming-policy-not-applied (the C# half) -----------------------------------------------


def test_post_as_json_sends_web_defaults_names() -> None:
    assert found("web_defaults") == {
        ("TalkRecord.cs", 5, "misnamed-field"),  # TalkingPhotoUrl sent as talkingPhotoUrl
        ("TalkRecord.cs", 6, "misnamed-field"),  # AudioUrl sent as audioUrl
        ("SnakeLip.cs", 7, "misnamed-field"),  # SnakeCaseLower: audio
        ("SnakeLip.cs", 8, "misnamed-field"),  # SnakeCaseLower: webhook_url (documented webhookUrl)
        ("Anonymous.cs", 9, "misnamed-field"),  # AudioUrl sent as audioUrl; Resolution is right
        ("Anonymous.cs", 13, "misnamed-field"),  # a Dictionary's "Resolution" is sent as written
    }


def test_json_naming_policies_convert_as_system_text_json_does() -> None:
    from akool_cli.audit.dtos import POLICIES

    camel, snake = POLICIES["CamelCase"], POLICIES["SnakeCaseLower"]
    assert [camel(n) for n in ("TalkingPhotoUrl", "URLValue", "ID", "audio_url")] == [
        "talkingPhotoUrl",
        "urlValue",
        "id",
        "audio_url",
    ]
    assert [snake(n) for n in ("TalkingPhotoUrl", "URLValue", "Audio")] == [
        "talking_photo_url",
        "url_value",
        "audio",
    ]


# -- csharp-httprequestmessage-jsoncontent-body-missed (break21l) ---------------------------------


def test_an_http_request_message_content_is_its_body() -> None:
    assert found("request_message") == {
        ("TalkMessages.cs", 14, "misnamed-field"),  # initializer, the URL held in a name
        ("TalkMessages.cs", 25, "bad-value"),  # request.Content = new StringContent(Serialize(..))
    }


# -- hunted: Micronaut's and MicroProfile's (Quarkus') declared clients ---------------------------


def test_micronaut_and_microprofile_clients_are_read() -> None:
    assert found("jvm_declared") == {
        ("MicronautAkool.java", 10, "wrong-method"),
        ("MicronautAkool.java", 14, "misnamed-field"),
        (
            "QuarkusAkool.java",
            12,
            "wrong-method",
        ),  # @Path("/content/video") + @Path("infobymodelid")
        ("QuarkusAkool.java", 17, "misnamed-field"),
    }


# -- hunted: RestSharp and the JAX-RS client -----------------------------------------------------


def test_restsharp_requests_and_jaxrs_targets_are_read() -> None:
    assert found("rest_clients") == {
        ("RestSharpAkool.cs", 10, "misnamed-field"),  # request.AddJsonBody(new {...})
        ("RestSharpAkool.cs", 17, "wrong-method"),  # new RestRequest("...", Method.Post)
        ("RestSharpAkool.cs", 26, "misnamed-field"),  # request.AddQueryParameter("videoModelId")
        ("JaxRsAkool.java", 13, "misnamed-field"),  # client.target(BASE).path(..).queryParam(..)
    }


def test_a_builder_chain_is_not_searched_to_the_end_of_the_file() -> None:
    # each request's chain end was searched for to the file's end: quadratic in the requests
    from akool_cli.audit import urlbuilders

    ends: list[int] = []

    class Counting(str):
        def find(self, sub: str, *bounds: int) -> int:  # type: ignore[override]
            ends.append(len(bounds))
            return super().find(sub, *bounds)

    text = Counting('a.addPathSegments("p")' + "x" * 10_000)
    urlbuilders.builder_query(text, text.index("("), text.index(")") + 1)
    assert ends and all(n == 2 for n in ends)  # (every search is given its end)


def test_the_web_policy_is_worked_out_once_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # every request of a C# file asked, each a search of the whole text: 2,000 calls took a minute
    from akool_cli.audit import dtos

    asked: list[int] = []
    real = dtos._web_policy

    def counted(text: str) -> object:
        asked.append(1)
        return real(text)

    monkeypatch.setattr(dtos, "_web_policy", counted)
    calls = "".join(
        f"    public Task<HttpResponseMessage> A{i}(string v) =>\n"
        '        _http.PostAsJsonAsync("content/video/lipsync", new { video_url = v });\n'
        for i in range(50)
    )
    text = (
        "public class Many\n{\n"
        '    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://openapi.akool'
        '.com/api/open/v3/") };\n' + calls + "}\n"
    )
    audit_text(text, "Many.cs")
    assert len(asked) == 1


def test_the_last_binding_of_a_name_is_found_from_the_end() -> None:
    from akool_cli.audit import netqueries

    text = 'var url = "a"; var myurl = "b"; x.url = "c"; url == d; var url = "e"; f(url)'
    at = netqueries._last_binding(text, "url", 0, text.index("f(url)"))
    assert at is not None and text[at:].startswith('"e"')
    assert netqueries._last_binding(text, "url", 0, text.index('"a"') - 3) is None


# -- minified-axios-calls-one-line-quadratic (break21l: typedmaps) -------------------------------


def test_a_values_key_is_looked_for_at_the_end_of_the_line_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # each value fix searched its whole line before it: quadratic in the calls of one line
    from akool_cli.audit import typedmaps

    read: list[int] = []
    real = typedmaps.KEY_BEFORE

    class Counting:
        def search(self, text: str) -> object:
            read.append(len(text))
            return real.search(text)

    monkeypatch.setattr(typedmaps, "KEY_BEFORE", Counting())
    call = (
        'axios.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",'
        '{talking_photo_url:a,audio_url:b,resolution:"720p"});'
    )
    # (a field typed by a Literal somewhere in the file: else no key is looked for at all)
    audit_text("resolution: Literal['720']\nvar x=1;" + call * 40 + "\n", "bundle.min.js")
    assert read and max(read) <= typedmaps.KEY_REACH


# -- break21l wave w11: a Retrofit @Body Map given by the file's call ------------------------------


def test_a_retrofit_map_body_is_what_its_one_call_gives() -> None:
    assert found("retrofit_map_body") == {("PromptApi.kt", 16, "misnamed-field")}


def test_a_refit_parameters_own_name_is_not_patched() -> None:
    # renaming a C# parameter (`string videoModelId`) would break callers naming it: no fix;
    # an [AliasAs("videoModelId")] string is the query's name alone: patched
    result = audit([CORPUS / "refit"], exclude=["expected.json"])
    own = [f for f in result.findings if f.rule == "misnamed-field" and f.line == 6]
    assert own and all(f.fix is None for f in own)
