"""Issue 21, lang21: client libraries and file kinds whose calls the audit did not read or
misread (break21c's H2, M9, M10, M12, M14, L3): Postman/Insomnia/HAR methods and bodies, Spring
WebClient bases, Retrofit annotations, mocks, shell answer readers, marker case and hosts. The
corpus scripts are in tests/audit_corpus/lang21/."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "lang21"


def found(name: str) -> list[tuple[int, str]]:
    result = audit([CORPUS / name])
    return sorted((f.line, f.rule) for f in result.findings if f.severity != "info")


def rules_of(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name) if f.severity != "info")


def test_a_postman_request_s_quoted_method_key_is_the_method_it_sends() -> None:
    assert found("methods.postman_collection.json") == [
        (19, "wrong-method"),
        (41, "wrong-method"),
        (63, "wrong-method"),
    ]
    assert found("good.postman_collection.json") == []


def test_insomnia_and_har_requests_say_their_method_and_body() -> None:
    assert found("insomnia_export.json") == [(10, "wrong-method"), (20, "bad-value")]
    assert found("info_post.har") == [(8, "wrong-method")]
    assert found("talk.har") == [(17, "bad-value")]  # (its response's text is no body)
    assert found("talk_good.har") == []


def test_an_ignore_marker_in_upper_case_silences_like_ruff_s_noqa() -> None:
    url = 'requests.post("https://api.akool.com/api/open/v3/content/video/createbytalkingphoto")'
    assert rules_of(url + "\n", "a.py") == [(1, "wrong-host")]
    assert rules_of(url + "  # AKOOL-AUDIT: IGNORE\n", "a.py") == []
    assert rules_of(url + "  # Akool-Audit: Ignore[WRONG-HOST]\n", "a.py") == []
    assert rules_of(url + "  # akool-audit: ignore[bad-value]\n", "a.py") == [(1, "wrong-host")]


def test_akool_s_name_under_another_top_level_domain_is_a_wrong_host() -> None:
    url = 'requests.get("https://openapi.akool.ai/api/open/v3/content/video/infobymodelid?video_model_id=1")\n'
    assert rules_of(url, "a.py") == [(1, "wrong-host")]


def test_mock_answers_are_never_request_bodies() -> None:
    for name in (
        "fetch_mock_global.test.js",
        "httpmock_test.go",
        "py_mocks.py",
        "axios_mock.test.js",
    ):
        assert found(name) == [], name
    # (the path a mock names is still the code under test's: an undocumented one is a finding)
    assert found("fetch_mock.test.js") == [(12, "unknown-endpoint")]


def test_a_real_call_beside_python_mocks_is_still_judged() -> None:
    text = (CORPUS / "py_mocks.py").read_text(encoding="utf-8") + (
        "\n\ndef real():\n"
        '    requests.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt",'
        ' json={"prompt": "x", "size": "1:1"})\n'
    )
    assert rules_of(text, "test_real.py") == [(36, "misnamed-field")]


def test_retrofit_s_method_annotation_is_the_method_sent() -> None:
    # (and its @Body type's default `resolution: String = "720p"`, sent by every call: recall31j)
    assert found("RetrofitApi.kt") == [
        (9, "bad-value"),
        (15, "unknown-endpoint"),
        (18, "wrong-method"),
    ]
    java = (
        "import retrofit2.http.*;\n"
        "interface Api {\n"
        '    @GET("content/video/infobymodelid")\n'
        '    Call<Object> info(@Query("video_model_id") String id);\n'
        '    @DELETE("faceswap/result/delbyids")\n'
        "    Call<Object> del(@Body Object body);\n"
        "}\n"
        'class M { Api a = new Retrofit.Builder().baseUrl("https://openapi.akool.com/api/open/v3/")'
        ".build().create(Api.class); }\n"
    )
    assert rules_of(java, "Api.java") == [(5, "wrong-method")]


def test_a_spring_webclient_s_base_url_joins_its_uri_paths() -> None:
    assert found("AkoolWeb.java") == [
        (14, "undocumented-path"),
        (20, "misnamed-field"),
        (28, "unknown-endpoint"),
        (35, "wrong-method"),
    ]
    assert found("AkoolWebGood.java") == []  # (`.queryParam(...)` after a URI builder's path)


def test_shell_pipelines_read_the_answer_through_jq_item_walks_and_python_c() -> None:
    assert found("shell_reads.sh") == [
        (4, "response-field"),
        (5, "response-field"),
        (7, "answer-field"),
        (8, "answer-field"),
    ]
    assert found("shell_reads_good.sh") == []


def test_xh_and_httpie_items_and_method_words_are_read() -> None:
    assert found("xh_httpie.sh") == [
        (3, "wrong-method"),
        (7, "wrong-method"),
        (9, "misnamed-field"),
    ]


def test_a_python_file_s_own_stdin_is_no_answer() -> None:
    text = (
        "import json, sys, requests\n"
        'r = requests.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid",'
        ' params={"video_model_id": "1"})\n'
        'd = json.load(sys.stdin)["data"]\n'
        'print(d["status"])\n'
    )
    assert rules_of(text, "a.py") == []


def test_rest_template_answers_are_read_through_get_body_and_java_casts() -> None:
    assert found("AkoolRest.java") == [
        (34, "misnamed-field"),
        (45, "response-field"),
        (51, "unknown-endpoint"),
        (63, "bad-value"),
    ]
    assert found("AkoolRestGood.java") == []
    java = (
        "import java.util.Map;\n"
        "class S {\n"
        "  Object a(org.springframework.web.client.RestTemplate rest, String id) {\n"
        '    Map body = rest.getForObject("https://openapi.akool.com/api/open/v3/content/image/'
        'infobymodelid?image_model_id=" + id, Map.class);\n'
        '    Map data = (Map) body.get("data");\n'
        '    return data.get("status");\n'
        "  }\n"
        "}\n"
    )
    assert rules_of(java, "S.java") == [(6, "response-field")]


def test_bruno_request_files_say_their_method_url_and_body() -> None:
    assert found("bruno/info.bru") == [(8, "wrong-method")]
    assert found("bruno/talk_put.bru") == [(12, "wrong-method"), (26, "bad-value")]
    assert found("bruno/talk_good.bru") == []
    assert found("bruno/environments/prod.bru") == []


def test_retrofit_s_query_parameters_are_the_query() -> None:
    assert found("RetrofitQuery.kt") == [(14, "misnamed-field")]


def test_insomnia_s_template_variables_resolve() -> None:
    assert found("insomnia_env.json") == [(7, "wrong-method")]


def test_the_responses_mock_s_method_constant_is_its_method() -> None:
    text = (
        "import responses\n"
        'responses.add(responses.POST, "https://openapi.akool.com/api/open/v3/content/video/'
        'infobymodelid", json={"code": 1000})\n'
    )
    assert rules_of(text, "test_m.py") == [(2, "wrong-method")]
