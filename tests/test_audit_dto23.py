"""Session twelve, dto23: typed request and answer models. A model given to the call as a typed
value (a parameter `r: TalkReq`, `TalkReq r`, `r TalkReq`) is judged by the names it is
serialized under (annotations, tags, serde's rename and rename_all, pydantic's aliases), each at
the model's member; correct models stay silent (tests/audit_corpus/dtos23/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit_text
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "audit_corpus" / "dtos23"


def found(findings: list[Finding]) -> set[tuple[int, str, str]]:
    return {(f.line, f.rule, f.found) for f in findings if f.severity != "info"}


def audited(name: str) -> set[tuple[int, str, str]]:
    path = CORPUS / name
    return found(audit_text(path.read_text(encoding="utf-8"), path.name))


def line_of(name: str, needle: str) -> int:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


# -- a request model given to the call as a typed parameter ------------------------------------------

TYPED_PARAMETERS = [
    ("Req.cs", 'JsonPropertyName("webhook_url")'),  # PostAsJsonAsync(url, r)
    ("Req.java", '@JsonProperty("webhook_url")'),  # RestTemplate.postForObject(url, r, ...)
    ("Req.kt", '@SerialName("webhook_url")'),  # Ktor's setBody(r)
    ("req.go", 'json:"webhook_url'),  # json.Marshal(r) of a parameter
    ("req.py", 'serialization_alias="webhook_url"'),  # r.model_dump(by_alias=True)
    ("req.rs", 'rename = "webhook_url"'),  # reqwest's .json(r)
    ("req.ts", "webhook_url?: string"),  # JSON.stringify(r) of r: TalkReq
]


@pytest.mark.parametrize(("name", "needle"), TYPED_PARAMETERS)
def test_a_typed_parameter_sent_whole_is_judged_at_its_models_members(
    name: str, needle: str
) -> None:
    assert (line_of(name, needle), "misnamed-field", "webhook_url") in audited(name)


@pytest.mark.parametrize(
    "name",
    [
        "Req_good.cs",
        "Req_good.java",
        "Req_good.kt",
        "req_good.go",
        "req_good.py",
        "req_good.rs",
        "req_good.ts",
        "req_camel_good.rs",
        "req_plain_good.py",
    ],
)
def test_a_typed_parameter_whose_model_names_what_the_docs_say_is_silent(name: str) -> None:
    assert audited(name) == set()


def test_serde_rename_all_names_the_plain_fields() -> None:
    got = audited("req_camel_bad.rs")  # hook_url under rename_all = "camelCase": hookUrl
    assert (line_of("req_camel_bad.rs", "hook_url"), "unknown-field", "hookUrl") in got


def test_pydantic_serialization_alias_is_the_name_a_dump_by_alias_sends() -> None:
    text = (
        (CORPUS / "req.py")
        .read_text(encoding="utf-8")
        .replace(
            "def create(r: TalkReq):",
            "def create():\n    r = TalkReq(talking_photo_url='a', audio_url='b')",
        )
    )
    assert (6, "misnamed-field", "webhook_url") in found(audit_text(text, "req.py"))


def test_a_parameter_of_another_function_gives_no_type() -> None:
    text = """import requests
from pydantic import BaseModel
class TalkReq(BaseModel):
    talking_photo_url: str
    audio_url: str
    webhook_url: str = ""
def build(r: TalkReq):
    return r
def create(r):
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", json=r)
"""
    assert found(audit_text(text, "other.py")) == set()


def test_an_options_type_given_beside_the_body_is_no_body() -> None:
    # axios.post(url, body, cfg) with cfg: AxCfg { headers; timeout }: cfg says how, not what
    assert audited("traps/init.ts") == set()
    got = audited("traps_bad/init.ts")
    assert got == {(line_of("traps_bad/init.ts", "audio_link"), "misnamed-field", "audio_link")}


def test_springs_http_entity_sends_its_first_argument() -> None:
    got = audited("traps_bad/Cfg.java")  # new HttpEntity<>(t, headers) of a typed parameter t
    assert (line_of("traps_bad/Cfg.java", "audio_link"), "misnamed-field", "audio_link") in got


# -- an answer decoded into a model of the file: its members are the reads --------------------------

RENAMED_ANSWERS = [
    ("ans/Info.cs", 'JsonPropertyName("status")'),  # GetFromJsonAsync<VideoInfo>(url)
    ("ans/Info.java", '@JsonProperty("status")'),  # readValue(body, Resp.class)
    ("ans/Info.kt", '@SerialName("status")'),  # decodeFromString<VideoInfo>(body)
    ("ans/info.rs", 'rename = "status"'),  # let v: VideoInfo = c.get(...)...json().await?
    ("ans/models.py", 'alias="status"'),  # VideoInfo.model_validate(r.json())
]


@pytest.mark.parametrize(("name", "needle"), RENAMED_ANSWERS)
def test_an_answer_models_renamed_member_is_judged_at_the_member(name: str, needle: str) -> None:
    assert (line_of(name, needle), "response-field", "status") in audited(name)


@pytest.mark.parametrize("name", ["Info.cs", "Info.java", "Info.kt", "info.rs", "models.py"])
def test_an_answer_model_naming_what_the_docs_say_is_silent(name: str) -> None:
    assert audited(f"ans_good/{name}") == set()


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("ans_plain/Info.kt", "val status: Int"),
        ("ans_plain/info.rs", "status: i32"),  # .json::<VideoInfo>()
        ("ans_plain/models.py", "    status: int"),
        ("ans_plain/info.ts", "status: number"),  # akoolGet<VideoInfo>(...), a helper's T
        ("ans_plain/typed_dict.py", "    status: int"),  # cast(VideoInfo, r.json())
    ],
)
def test_a_plain_models_member_is_reported_once_at_the_member(name: str, needle: str) -> None:
    # (not again at `v.data.status`: a rename there alone would not compile)
    assert audited(name) == {(line_of(name, needle), "response-field", "status")}


@pytest.mark.parametrize("name", ["Talk.java", "Talk.kt", "talk.py", "Talk.cs"])
def test_only_the_answers_model_is_read_among_typed_values(name: str) -> None:
    # TalkReq(**params) in the request, new HttpEntity<TalkReq>(...), mutableListOf<Job>(), a
    # Job decoded from a local file: none of them is the answer
    assert audited(f"ans_traps/{name}") == set()
    bad = {
        (f.line, f.found)
        for f in audit_text((CORPUS / "ans_traps_bad" / name).read_text(encoding="utf-8"), name)
        if f.severity != "info"
    }
    assert bad <= {(line_of(f"ans_traps_bad/{name}", "vstatus"), "vstatus")}


# -- models in other files of the folder -------------------------------------------------------------


def folder_findings(folder: str) -> set[tuple[str, int, str, str]]:
    from akool_cli.audit.scan import audit

    result = audit([CORPUS / folder], exclude=["expected.json"])
    return {
        (str(Path(f.file).relative_to(CORPUS / folder)), f.line, f.rule, f.found)
        for f in result.findings
        if f.severity != "info"
    }


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("java/VideoData.java", '@JsonProperty("status")'),  # a class per file, one package
        ("kt/Models.kt", '@SerialName("status")'),
        ("cs/Models.cs", 'JsonPropertyName("status")'),
        ("ts/types.ts", "  status: number;"),  # import type { VideoInfo } from "./types"
        ("rs/src/models.rs", "pub status: i32"),  # use crate::models::VideoInfo
    ],
)
def test_a_model_in_another_file_is_read_there_through_the_type_named_here(
    name: str, needle: str
) -> None:
    got = folder_findings("multi")
    assert (name, line_of(f"multi/{name}", needle), "response-field", "status") in got
    # (not at the reads `r.data.url`, `v.data.status`: the model renames video to url)
    assert not {
        g
        for g in got
        if not g[0].startswith(
            ("java/Video", "kt/Models", "cs/Models", "ts/types", "rs/src/models")
        )
    }


def test_models_in_other_files_naming_what_the_docs_say_are_silent() -> None:
    assert folder_findings("multi_good") == set()


def test_a_go_helper_decoding_into_its_last_parameter_reads_the_callers_struct() -> None:
    got = folder_findings("go_helper")  # var r tokenResp; call("POST", "/getToken", b, &r)
    assert (
        "types.go",
        line_of("go_helper/types.go", 'json:"token"'),
        "response-field",
        "token",
    ) in got
    assert (
        "types.go",
        line_of("go_helper/types.go", 'json:"job_id"'),
        "answer-field",
        "job_id",
    ) in got
    # (the out variable is filled, not sent: its tags are no request fields)
    assert not any(rule in ("unknown-field", "misnamed-field") for _, _, rule, _ in got)


def test_a_go_out_variable_given_as_its_address_is_no_request_body() -> None:
    got = audited("go_helper_one/client.go")  # (its tags were judged as getToken's fields)
    assert {(rule, name) for _, rule, name in got} == {
        ("response-field", "token"),
        ("answer-field", "job_id"),
    }


# -- string-path getters ---------------------------------------------------------------------------


def test_a_string_path_given_to_a_getter_is_a_read_and_fixed_in_the_string() -> None:
    got = folder_findings("paths")
    want = {
        ("lodash.js", '_.get(j, "data.status")', "status"),
        ("lodash.js", 'dlv(j, "data.video_url")', "video_url"),
        ("lodash.js", '_.get(res, "data.data.status")', "status"),  # axios: res.data.data.status
        ("glom.py", 'glom(j, "data.status")', "status"),
        ("glom.py", 'jmespath.search("data.video_url", j)', "video_url"),
        ("gj.go", 'GetBytes(body, "data.status")', "status"),
    }
    for name, needle, field in want:
        assert (name, line_of(f"paths/{name}", needle), "response-field", field) in got
    fixed = audit_text((CORPUS / "paths" / "glom.py").read_text(encoding="utf-8"), "glom.py")
    assert any(f.fix is not None and f.found == "status" for f in fixed)


def test_string_paths_naming_documented_fields_are_silent() -> None:
    assert folder_findings("paths_good") == set()


def test_plain_models_naming_what_the_docs_say_are_silent() -> None:
    assert folder_findings("ans_plain_good") == set()


@pytest.mark.parametrize("name", ["traps/convert.ts", "traps/convert.py"])
def test_a_typed_name_given_to_a_converter_in_the_call_is_not_sent_whole(name: str) -> None:
    # body: JSON.stringify(toWire(opts)), json=to_wire(opts): toWire's object is sent, not opts
    assert audited(name) == set()


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("reqv/d.kt", '@SerializedName("webhook_url")'),  # Gson().toJson(req) in Kotlin
        ("reqv/e.kt", '@SerialName("webhook_url")'),  # Json.encodeToString(req)
        ("reqv/F.cs", 'JsonProperty("webhook_url")'),  # JsonConvert.SerializeObject(r)
        ("reqv/A.java", '@SerializedName("webhook_url")'),  # writeValueAsString(r) + ofString
        ("reqv/C.cs", 'JsonPropertyName("webhook_url")'),  # new StringContent(Serialize(r))
    ],
)
def test_a_typed_parameter_serialized_into_a_variable_first_is_judged(
    name: str, needle: str
) -> None:
    assert (line_of(name, needle), "misnamed-field", "webhook_url") in audited(name)


@pytest.mark.parametrize(
    ("name", "needle"),
    [("retrofit/Api.java", "public int status;"), ("retrofit/Api.kt", "val status: Int")],
)
def test_a_retrofit_methods_declared_answer_is_read(name: str, needle: str) -> None:
    assert (line_of(name, needle), "response-field", "status") in audited(name)


def test_retrofit_answers_naming_what_the_docs_say_are_silent() -> None:
    assert folder_findings("retrofit_good") == set()


@pytest.mark.parametrize(
    ("name", "needle"),
    [("go_pointer/new.go", 'json:"job_id"'), ("go_pointer/amp.go", 'json:"task_id"')],
)
def test_a_go_answer_decoded_into_a_pointer_reads_its_structs_tags(name: str, needle: str) -> None:
    # out := new(listResp) / &listResp{}; json.NewDecoder(resp.Body).Decode(out)
    got = audited(name)
    assert any(line == line_of(name, needle) and rule == "answer-field" for line, rule, _ in got)


def test_a_go_generic_envelopes_type_argument_is_read_under_data() -> None:
    name = "go_generic/generic.go"  # var out envelope[swapList]; Decode(&out)
    got = audited(name)
    assert (line_of(name, 'json:"job_id"'), "answer-field", "job_id") in got


def test_a_models_data_list_reads_its_item_types_members_as_items() -> None:
    name = "ans_plain/avatars.py"  # data: list[Avatar] of avatar/list (docs: data[i].url)
    assert (line_of(name, "avatar_url: str"), "answer-field", "avatar_url") in audited(name)


def test_a_typescript_import_sees_only_the_module_it_names() -> None:
    # multi/ts/client.ts imports ./types: multi_good/ts/types.ts declares the same names
    from akool_cli.audit import foreignmodels

    client = CORPUS / "multi" / "ts" / "client.ts"
    texts = [
        (p, str(p), p.read_text(encoding="utf-8"))
        for p in (client, CORPUS / "multi" / "ts" / "types.ts", CORPUS / "multi_good/ts/types.ts")
    ]
    models = foreignmodels.folder_models(texts)
    taken = foreignmodels.imported_models(client, texts[0][2], models)
    assert {b.shown for b in taken} == {str(CORPUS / "multi" / "ts" / "types.ts")}
