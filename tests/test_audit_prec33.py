"""Session 33, prec33: YAML's own booleans and numbers in an Ansible `uri` body (`lipsync: true`,
`speaker_num: 2`, `face_enhance: yes`) are the JSON values Ansible sends, not strings; a list sent
where the docs give one string of values separated by commas is a bad value."""

from __future__ import annotations

import pytest

from akool_cli.audit import yamlscalars
from akool_cli.audit.scan import Finding, audit_text

TRANSLATE = "https://openapi.akool.com/api/open/v3/content/video/createbytranslate"
SPECIFY = "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage"
V4SWAP = "https://openapi.akool.com/api/open/v4/faceswap/faceswapByImage"


def reported(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


def playbook(url: str, body: str) -> str:
    lines = "".join(f"          {line}\n" for line in body.splitlines())
    return (
        "- hosts: localhost\n"
        "  tasks:\n"
        "    - name: call\n"
        "      uri:\n"
        f'        url: "{url}"\n'
        "        method: POST\n"
        "        body_format: json\n"
        "        body:\n" + lines
    )


TRANSLATE_BODY = 'url: "https://x/v.mp4"\nlanguage: es\n'


@pytest.mark.parametrize(
    "typed",
    [
        "lipsync: true\nremove_bgm: false",
        "lipsync: True\nremove_bgm: FALSE",
        "lipsync: yes\nremove_bgm: no",
        "lipsync: on\nremove_bgm: Off",
        "speaker_num: 2\ncaption_type: 1",
        "speaker_num: +2  # two voices\ncaption_type: 0",
        "speaker_num: 0x2",
        "speaker_num: 1_0",
    ],
)
def test_yaml_booleans_and_numbers_in_an_ansible_body_are_not_strings(typed: str) -> None:
    assert reported(playbook(TRANSLATE, TRANSLATE_BODY + typed), "dub.yml") == []


@pytest.mark.parametrize(
    ("url", "line"),
    [
        (
            SPECIFY,
            'sourceImage: [{path: "https://x/a.jpg", opts: ""}]\n'
            'targetImage: [{path: "https://x/b.jpg", opts: ""}]\n'
            'modifyImage: "https://x/b.jpg"\nface_enhance: 1',
        ),
        (
            V4SWAP,
            'sourceImage: [{path: "https://x/a.jpg"}]\n'
            'targetImage: [{path: "https://x/b.jpg"}]\nface_enhance: yes',
        ),
    ],
)
def test_face_enhance_as_yaml_writes_it_is_its_documented_type(url: str, line: str) -> None:
    assert reported(playbook(url, line), "swap.yml") == []


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ('lipsync: "true"', '"true"'),  # (quoted: a string, which Ansible sends as one)
        ("speaker_num: '2'", "'2'"),
        ("speaker_num: 08", "08"),  # (not octal: YAML 1.1 reads it as a string)
        ("lipsync: y", "y"),  # (not one of YAML 1.1's booleans)
    ],
)
def test_quoted_values_and_strings_yaml_does_not_type_stay_strings(
    typed: str, written: str
) -> None:
    found = reported(playbook(TRANSLATE, TRANSLATE_BODY + typed), "dub.yml")
    assert [f.rule for f in found] == ["bad-value"]
    assert written in found[0].message or written.strip("'\"") in found[0].message


def test_a_yaml_number_where_the_docs_give_a_number_in_a_string_is_still_judged() -> None:
    body = 'talking_photo_url: "https://x/a.jpg"\naudio_url: "https://x/a.mp3"\nresolution: 720'
    url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
    found = reported(playbook(url, body), "talk.yml")
    assert [(f.rule, f.line) for f in found] == [("bad-value", 11)]


@pytest.mark.parametrize(
    ("plain", "json"),
    [
        ("true", "true"),
        ("Yes", "true"),
        ("OFF", "false"),
        ("~", "null"),
        ("Null", "null"),
        ("12", "12"),
        ("-3", "-3"),
        ("0o7", None),  # (YAML 1.2's octal: a string to YAML 1.1)
        ("017", "15"),
        ("0b101", "5"),
        ("1:30", "90"),
        ("1.5", "1.5"),
        ("1.", "1.0"),
        (".5", "0.5"),
        ("1e3", None),  # (no dot: YAML 1.1 reads a string)
        ("1.0e+3", "1000.0"),
        (".inf", "Infinity"),
        ("-.Inf", "-Infinity"),
        (".NaN", "NaN"),
        ("yEs", None),
        ("es", None),
        ("08", None),
        ("", None),
    ],
)
def test_yaml_1_1_plain_scalars_read_as_pyyaml_reads_them(plain: str, json: str | None) -> None:
    assert yamlscalars.json_text(plain) == json


SPEC_YAML = """openapi: 3.0.0
servers:
  - url: https://openapi.akool.com/api/open/v3
paths:
  /content/video/createbytranslate:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                lipsync:
                  type: boolean
                  enum: [true, false]
                speaker_num:
                  type: integer
                  enum: [1, 0x2]
                dynamic_duration:
                  type: boolean
                  enum:
                    - yes
                    - no
"""


def test_an_openapi_documents_boolean_and_number_enums_are_not_strings() -> None:
    assert reported(SPEC_YAML, "openapi.yaml") == []


def test_an_openapi_json_documents_boolean_enum_is_not_a_string() -> None:
    spec = (
        '{"openapi": "3.0.0", "servers": [{"url": "https://openapi.akool.com/api/open/v3"}],\n'
        ' "paths": {"/content/video/createbytranslate": {"post": {"requestBody": {"content":\n'
        ' {"application/json": {"schema": {"type": "object", "properties":\n'
        ' {"lipsync": {"type": "boolean", "enum": [true, false]}}}}}}}}}}\n'
    )
    assert reported(spec, "openapi.json") == []


def test_an_openapi_enum_quoted_true_for_a_boolean_is_still_a_string() -> None:
    found = reported(SPEC_YAML.replace("enum: [true, false]", 'enum: ["true"]'), "openapi.yaml")
    assert [(f.rule, f.line) for f in found] == [("bad-value", 15)]


DELBYIDS = "https://openapi.akool.com/api/open/v3/faceswap/result/delbyids"
RESULTS = "https://openapi.akool.com/api/open/v4/image2Video/resultsByIds"
LISTBYIDS = "https://openapi.akool.com/api/open/v3/faceswap/result/listbyids"

# A list sent where the docs give one string of values separated by commas, in each language.
LISTS_FOR_COMMA_STRINGS = {
    "t.py": "import requests\n"
    f'requests.post("{TRANSLATE}", headers=H, json={{"url": "https://x/v.mp4",\n'
    '    "language": ["es", "fr"]})\n',
    "d.py": f'import requests\nrequests.post("{DELBYIDS}", headers=H, json={{"_ids": ["a", "b"]}})\n',
    "r.js": f'await fetch("{RESULTS}", {{ method: "POST", headers,\n'
    '  body: JSON.stringify({ _ids: ["a", "b"] }) });\n',
    "d.php": "<?php\n"
    f"$ch = curl_init('{DELBYIDS}');\n"
    "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['_ids' => ['a', 'b']]));\n",
    "d.go": 'body, _ := json.Marshal(map[string]interface{}{"_ids": []string{"a", "b"}})\n'
    f'http.Post("{DELBYIDS}", "application/json", bytes.NewReader(body))\n',
    "d.sh": f"curl -X POST {DELBYIDS} -H \"x-api-key: $K\" -H 'Content-Type: application/json' \\\n"
    '  -d \'{"_ids": ["a", "b"]}\'\n',
    "t.yml": playbook(TRANSLATE, 'url: "https://x/v.mp4"\nlanguage:\n  - es\n  - fr'),
}


@pytest.mark.parametrize("name", sorted(LISTS_FOR_COMMA_STRINGS))
def test_a_list_where_the_docs_give_a_comma_separated_string_is_a_bad_value(name: str) -> None:
    found = reported(LISTS_FOR_COMMA_STRINGS[name], name)
    assert [f.rule for f in found] == ["bad-value"]
    assert "is a list" in found[0].message and "separated by commas" in found[0].message


def test_the_patch_joins_a_list_of_plain_strings() -> None:
    found = reported(LISTS_FOR_COMMA_STRINGS["t.py"], "t.py")
    fix = found[0].fix
    assert fix is not None and (fix.old, fix.new) == ('["es", "fr"]', '"es,fr"')
    php = reported(LISTS_FOR_COMMA_STRINGS["d.php"], "d.php")[0].fix
    assert php is not None and php.new == "'a,b'"


@pytest.mark.parametrize(
    "text",
    [
        # joined before it is sent
        f'import requests\nrequests.post("{DELBYIDS}", json={{"_ids": ",".join(ids)}})\n',
        f'await fetch("{RESULTS}", {{ method: "POST", body: JSON.stringify({{ _ids: ids.join(",") }}) }});\n',
        f'import requests\nrequests.post("{DELBYIDS}", json={{"_ids": "a,b"}})\n',
        # voice/del documents an array of ids: a list is right there
        'import requests\nrequests.post("https://openapi.akool.com/api/open/v4/voice/del",'
        ' json={"_ids": ["a", "b"]})\n',
        # sentiment's language is one ISO 639-1 code: no comma list documented, not judged here
        'import requests\nrequests.post("https://openapi.akool.com/api/open/v3/content/analysis/'
        'sentiment", json={"text": "hi", "language": "en"})\n',
    ],
)
def test_a_joined_string_or_a_documented_list_is_not_reported(text: str) -> None:
    name = "ok.js" if "fetch(" in text else "ok.py"
    assert [f for f in reported(text, name) if "is a list" in f.message] == []


def test_a_list_held_in_a_name_is_reported_where_it_is_sent_without_a_patch() -> None:
    text = (
        "import requests\n"
        'ids = ["a", "b"]\n'
        f'requests.get("{LISTBYIDS}", params={{"_ids": ids}}, headers=H)\n'
    )
    found = reported(text, "q.py")
    assert [(f.rule, f.line) for f in found] == [("bad-value", 3)]
    assert found[0].fix is None


@pytest.mark.parametrize(
    "flow",
    [
        'sourceImage: [{path: "https://x/a.jpg", opts: ""}]',
        "sourceImage: [{path: 'https://x/a.jpg', opts: ''}]",
        'sourceImage: [{path: https://x/a.jpg, opts: "262,175:363,175"}]',
        "sourceImage: [{path: 'it''s.jpg', opts: ''}]",
        'sourceImage: [{path: "a\\"b.jpg", opts: ""}]',  # (not followed: judged by no rule)
    ],
)
def test_a_yaml_flow_list_of_objects_is_the_list_ansible_sends(flow: str) -> None:
    body = f'{flow}\ntargetImage: [{{path: "https://x/b.jpg", opts: ""}}]\nface_enhance: 1\n'
    body += 'modifyImage: "https://x/b.jpg"'
    assert reported(playbook(SPECIFY, body), "swap.yml") == []


def test_a_yaml_flow_object_where_the_docs_give_a_list_is_an_object() -> None:
    body = 'sourceImage: {path: "https://x/a.jpg", opts: ""}\ntargetImage: []\nface_enhance: 1\n'
    body += 'modifyImage: "https://x/b.jpg"'
    found = reported(playbook(SPECIFY, body), "swap.yml")
    assert [(f.rule, f.line, f.column) for f in found] == [("bad-value", 9, 24)]
    assert "is an object" in found[0].message


def test_a_yaml_flow_list_of_plain_ids_is_a_list() -> None:
    found = reported(playbook(DELBYIDS, "_ids: [a, b]"), "del.yml")
    assert [(f.rule, f.line, f.column) for f in found] == [("bad-value", 9, 17)]
    assert reported(playbook(DELBYIDS, "_ids: a,b"), "del.yml") == []


def test_a_comment_after_a_key_is_no_value_its_block_below_is() -> None:
    found = reported(playbook(DELBYIDS, "_ids:  # the run's results\n  - a\n  - b"), "del.yml")
    assert [(f.rule, f.line) for f in found] == [("bad-value", 9)]
    speaker = "speaker_num:  # two voices\n  2"  # (an indented plain scalar: the value 2)
    assert "is a string" not in str(
        reported(playbook(TRANSLATE, TRANSLATE_BODY + speaker), "t.yml")
    )


# Names bound to an expression that holds brackets (an index, a slice, a join's call) are no list.
NAMES_NOT_LISTS = {
    "argv.py": "import sys, requests\nlangs = sys.argv[1]\n"
    f'requests.post("{TRANSLATE}", json={{"url": "u", "language": langs}})\n',
    "joined.py": 'import sys, requests\nids = ",".join(sys.argv[1:])\n'
    f'requests.delete("{DELBYIDS}", json={{"_ids": ids}})\n',
    "answer.py": 'import requests\nvid = r.json()["data"]["_id"]\n'
    f'requests.post("{RESULTS}", json={{"_ids": vid}})\n',
    "query.py": 'import requests\njob = res["data"]["_id"]\n'
    f'requests.get("{LISTBYIDS}", params={{"_ids": job}})\n',
    "argv.php": "<?php\n$ids = $argv[1];\n"
    f"$ch = curl_init('{DELBYIDS}');\n"
    "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['_ids' => $ids]));\n",
}


@pytest.mark.parametrize("name", sorted(NAMES_NOT_LISTS))
def test_a_name_bound_to_an_index_or_a_join_is_no_list(name: str) -> None:
    assert [f for f in reported(NAMES_NOT_LISTS[name], name) if "is a list" in f.message] == []


def test_a_go_slice_held_in_a_name_is_a_list() -> None:
    text = (
        'ids := []string{"a", "b"}\n'
        'body, _ := json.Marshal(map[string]interface{}{"_ids": ids})\n'
        f'http.Post("{DELBYIDS}", "application/json", bytes.NewReader(body))\n'
    )
    assert [f.line for f in reported(text, "d.go") if "is a list" in f.message] == [2]


@pytest.mark.parametrize(
    ("name", "text", "new"),
    [
        (
            "s.py",
            f'import requests\nrequests.post("{TRANSLATE}", json={{"url": "u", "language": "es",'
            ' "source_language": "auto"})\n',
            '"DEFAULT"',
        ),
        (
            "s.js",
            f'await fetch("{TRANSLATE}", {{ method: "POST", body: JSON.stringify({{ url: u,'
            " language: 'es', source_language: 'Auto-Detect' }) });\n",
            "'DEFAULT'",
        ),
    ],
)
def test_auto_where_the_docs_give_default_for_detection_is_patched_to_it(
    name: str, text: str, new: str
) -> None:
    found = reported(text, name)
    assert [f.rule for f in found] == ["bad-value"]
    assert '"DEFAULT" for detecting it automatically' in found[0].message
    assert found[0].fix is not None and found[0].fix.new == new


@pytest.mark.parametrize("value", ["DEFAULT", "en", "zh-CN", "automobile"])
def test_the_documented_detection_value_and_codes_are_left_alone(value: str) -> None:
    text = (
        f'import requests\nrequests.post("{TRANSLATE}", json={{"url": "u", "language": "es",'
        f' "source_language": "{value}"}})\n'
    )
    assert reported(text, "ok.py") == []
