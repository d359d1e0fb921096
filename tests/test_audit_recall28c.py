"""`akool audit` on session sixteen's recall28c shapes (break21j): documented values the pages state
outside the catalogue generator's one table format, and request fields the audit did not judge."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit, audit_text
from tests.support.generator import generator

CORPUS = Path(__file__).parent / "audit_corpus" / "recall28c"


def found(folder: str) -> set[tuple[str, int, str]]:
    result = audit([CORPUS / folder], exclude=["expected.json"])
    return {(Path(f.file).name, f.line, f.rule) for f in result.findings}


# -- catalogue-documented-values-not-extracted ------------------------------------------------------


def test_values_stated_in_prose_and_odd_cells_are_judged() -> None:
    got = found("values")
    assert got == {
        ("i2v_values.py", 12, "bad-value"),  # audio_type 5: "1 = AI generate, 2 = ..., 3 = none"
        ("i2v_values.py", 13, "bad-value"),  # video_length 8: "options: 5, 10"
        ("i2v_values.py", 15, "bad-value"),  # avatar/list from 7: "2、3"
        ("i2v_values.py", 16, "bad-value"),  # avatar/list type 4: "1、2"
        ("i2v_values.py", 17, "bad-value"),  # voice/list type 9: <p align="center">1,2</p>
        ("i2v_values.py", 18, "bad-value"),  # support_stream 0: "2-...; 1-..."
        ("i2v_values.py", 19, "bad-value"),  # updateVideoAudio audio_type 3: "1 = ..., 2 = ..."
        ("i2v_values.py", 20, "bad-value"),  # voice_options.emotion: "Emotion (happy, sad, ...)"
        ("i2v_values.mjs", 5, "bad-value"),
    }


def test_the_generator_takes_only_stated_choices() -> None:
    gen = generator()
    row = {"parameter": "audio_type", "type": "Integer", "required": "true"}
    meanings = "Audio type: 1 = AI generate, 2 = user custom upload, 3 = none (no audio)"
    assert gen._field_from_row({**row, "description": meanings})["enum"] == ["1", "2", "3"]
    options = "Video duration in seconds, options: 5, 10 (10s only for pro)"
    assert gen._field_from_row({**row, "description": options})["enum"] == ["5", "10"]
    streams = "2-Voice does not support streaming.； 1-Voice supports streaming."
    assert gen._field_from_row({**row, "description": streams})["enum"] == ["1", "2"]
    # a value named in passing, and a list of examples sent whole, are not choices
    passing = {**row, "type": "Integer", "description": "Audio URL, required when audio_type = 2"}
    assert "enum" not in gen._field_from_row(passing)
    filters = {
        "parameter": "gender",
        "type": "String",
        "value": '<p align="center">Male,Female</p>',
        "description": "Gender filters, separated by commas",
    }
    assert "enum" not in gen._field_from_row(filters)
    cell = {"parameter": "from", "type": "Number", "value": "2、3", "description": "2 represents"}
    assert gen._field_from_row(cell)["enum"] == ["2", "3"]
    emotion = {
        "parameter": "emotion",
        "type": "String",
        "description": "Emotion (happy, sad, angry)",
    }
    assert gen._field_from_row(emotion)["enum"] == ["happy", "sad", "angry"]
    other = {**emotion, "parameter": "mood"}  # (a list opened by another word: not this field's)
    assert "enum" not in gen._field_from_row(other)


def test_a_comma_separated_filter_value_stays_unjudged() -> None:
    text = (
        "import requests\n"
        "requests.get('https://openapi.akool.com/api/open/v4/voice/list',\n"
        "    headers={'x-api-key': 'k'}, params={'type': 2, 'gender': 'Male', 'age': 'Young,Elderly'})\n"
    )
    assert audit_text(text, "voices.py") == []


# -- go-nested-struct-item-tags-missed --------------------------------------------------------------


def test_go_item_structs_send_their_tags_as_nested_keys() -> None:
    assert found("go_items") == {
        ("headswap_map.go", 22, "unknown-field"),
        ("headswap_map.go", 23, "unknown-field"),
        ("headswap_struct.go", 12, "unknown-field"),
        ("headswap_struct.go", 13, "unknown-field"),
        ("tts_nested.go", 11, "unknown-field"),
    }


def test_a_go_item_tag_is_never_patched() -> None:
    result = audit([CORPUS / "go_items" / "headswap_struct.go"])
    assert result.findings and all(f.fix is None for f in result.findings)


# -- retrofit-body-dto-not-judged -------------------------------------------------------------------


def test_a_retrofit_body_parameter_sends_its_types_members() -> None:
    result = audit([CORPUS / "retrofit"], exclude=["expected.json"])
    got = {(Path(f.file).name, f.line, f.rule) for f in result.findings}
    assert got == {("AkoolApi.kt", 10, "misnamed-field"), ("Api.java", 12, "misnamed-field")}
    assert all(f.fix is None for f in result.findings)  # (the type is every call's)


def test_a_retrofit_method_without_a_body_takes_none_of_the_next_ones() -> None:
    text = (
        "interface Api {\n"
        '    @POST("api/open/v3/content/video/createbytalkingphoto")\n'
        "    fun talk(): Call<Any>\n"
        '    @POST("api/open/v3/content/image/createbyprompt")\n'
        "    fun image(@Body b: Img): Call<Any>\n"
        "}\n"
        'data class Img(@SerializedName("prompt") val p: String, @SerializedName("scale") val s: String)\n'
    )
    assert audit_text(text, "Api.kt") == []


# -- ts-union-param-sent-under-other-name-missed ----------------------------------------------------


def test_a_union_sent_under_another_key_is_judged() -> None:
    assert found("ts_unions") == {
        ("talk_quality.ts", 1, "bad-value"),
        ("plus_style.ts", 1, "bad-value"),
        ("plus_opts.ts", 1, "bad-value"),
    }


def test_a_union_typed_by_alias_and_member_is_reported_once() -> None:
    text = (
        'type Res = "720" | "4k";\n'
        "interface Opts { resolution?: Res; quality?: Res }\n"
        "export const go = (o: Opts) => fetch('https://openapi.akool.com/api/open/v3/content/video/"
        "createbytalkingphoto', { method: 'POST', body: JSON.stringify({ talking_photo_url: 'u',"
        " audio_url: 'a', resolution: o.quality }) });\n"
    )
    hits = [x for x in audit_text(text, "t.ts") if x.rule == "bad-value"]
    assert [(x.line, x.fix) for x in hits] == [(1, None)]


# -- csharp-nested-dictionary-body-missed -----------------------------------------------------------


def test_a_nested_csharp_dictionary_is_a_nested_object() -> None:
    assert found("csharp_dicts") == {("VoiceOver.cs", 17, "bad-value")}


# -- defaults-spread-in-held-body-missed ------------------------------------------------------------


def test_defaults_merged_into_a_held_body_are_sent() -> None:
    assert found("spreads") == {("spread_var.js", 2, "bad-value"), ("merge_var.py", 3, "bad-value")}


def test_each_python_merge_sends_the_defaults() -> None:
    head = 'import requests\nDEFAULTS = {"resolution": "720p"}\n'
    call = "requests.post('https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto', json=p)\n"
    for merge in (
        'p = {**DEFAULTS, "talking_photo_url": "u", "audio_url": "a"}\n',
        'p = dict(DEFAULTS, talking_photo_url="u", audio_url="a")\n',
        'p = DEFAULTS | {"talking_photo_url": "u", "audio_url": "a"}\n',
    ):
        hits = audit_text(head + merge + call, "m.py")
        assert [(x.line, x.rule) for x in hits] == [(2, "bad-value")], merge
