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
