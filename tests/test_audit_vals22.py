"""Issue 22, vals22: values of a kind the docs do not give (a boolean for an integer, an integer
for a boolean), and bodies the audit did not read."""

from __future__ import annotations

from akool_cli.audit.scan import Finding, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"


def rules_of(findings: list[Finding]) -> set[tuple[int, str, str]]:
    return {(f.line, f.rule, f.found) for f in findings if f.severity != "info"}


# -- bool-int-values ---------------------------------------------------------------------------------

KINDS = """import requests
requests.post("V3/faceswap/highquality/specifyimage", json={
    "sourceImage": [{"path": "a", "opts": "1"}], "targetImage": [{"path": "b", "opts": "2"}],
    "modifyImage": "b", "face_enhance": True})
requests.post("V4/faceswap/faceswapByImage", json={
    "sourceImage": [{"path": "a"}], "targetImage": [{"path": "b"}], "face_enhance": 1})
requests.post("V3/content/video/createbytranslate", json={"url": "u", "language": "fr", "lipsync": 1})
""".replace("V3", V3).replace("V4", V4)


def test_a_boolean_for_a_listed_integer_and_an_integer_for_a_boolean_are_bad_values() -> None:
    got = rules_of(audit_text(KINDS, "swap.py"))
    assert (4, "bad-value", "True") in got
    assert (6, "bad-value", "1") in got
    assert (7, "bad-value", "1") in got


def test_the_documented_kinds_are_not_judged() -> None:
    right = KINDS.replace('"face_enhance": True', '"face_enhance": 1')
    right = right.replace(
        '"face_enhance": 1})\nrequests.post("' + V3, '"face_enhance": True})\nrequests.post("' + V3
    )
    right = right.replace('"lipsync": 1', '"lipsync": True')
    got = rules_of(audit_text(right, "swap.py"))
    assert not {g for g in got if g[1] == "bad-value"}, got


# -- conditional spreads in a JS body literal ---------------------------------------------------------

SPREAD = """const r = await fetch("V4/liveAvatar/session/create", {
  method: "POST",
  headers: { "x-api-key": KEY, "Content-Type": "application/json" },
  body: JSON.stringify({
    avatar_id,
    ...(X ? { bogus_top: X } : {}),
    voice_params: { voice_id: V, ...(K ? { elevenlabs_settings: { api_key: K, bogus_nested: v } } : {}) },
  }),
});
""".replace("V4", V4)


def test_the_keys_of_a_conditional_spreads_branches_are_the_bodys_possible_keys() -> None:
    got = rules_of(audit_text(SPREAD, "live.js"))
    assert (6, "unknown-field", "bogus_top") in got
    assert (7, "unknown-field", "bogus_nested") in got


def test_documented_keys_in_a_conditional_spread_are_not_findings() -> None:
    right = SPREAD.replace("bogus_top: X", "voice_url: X").replace(", bogus_nested: v", "")
    right = right.replace("    avatar_id,\n", "").replace(
        "{}),\n    voice", "{ avatar_id }),\n    voice"
    )
    assert rules_of(audit_text(right, "live.js")) == set()


# -- py-string-forms ----------------------------------------------------------------------------------

PY_FORMS = """import requests
B = "V3"
requests.post(f"{B}/content/video/createbytalkingphoto", json={"talking_photo_url": "p", "audio_url": "a", "resolution": \"\"\"720p\"\"\"})
requests.post(f"{B}/content/video/createbytalkingphoto", json={"talking_photo_url": "p", "audio_url": "a", "resolution": u"720p"})
requests.post(f"{B}/content/video/createbytalkingphoto", json={"talking_photo_url": "p", "audio_url": "a", "resolution": f"720p"})
""".replace("V3", V3)


def test_triple_quoted_and_prefixed_python_strings_are_read_as_their_text() -> None:
    got = rules_of(audit_text(PY_FORMS, "fs.py"))
    assert got == {
        (3, "bad-value", '"""720p"""'),
        (4, "bad-value", '"720p"'),
        (5, "bad-value", '"720p"'),
    }


def test_prefixed_python_strings_of_documented_values_are_not_findings() -> None:
    assert rules_of(audit_text(PY_FORMS.replace("720p", "720"), "fs.py")) == set()


FSTRING = """import requests
B = "V3"
body = f'{{"talking_photo_url": "{p}", "audio_url": "a", "resolution": "720p"}}'
requests.post(f"{B}/content/video/createbytalkingphoto", data=body)
requests.post(f"{B}/content/video/createbytalkingphoto", data=f'{{"talking_photo_url": "{p}", "audio_url": "a", "resolution": "720p"}}')
""".replace("V3", V3)


def test_a_json_body_in_an_fstring_with_doubled_braces_is_judged() -> None:
    got = rules_of(audit_text(FSTRING, "fs.py"))
    assert got == {(3, "bad-value", '"720p"'), (5, "bad-value", '"720p"')}
    assert rules_of(audit_text(FSTRING.replace("720p", "720"), "fs.py")) == set()


# -- powershell-bodies (the JSON string given to -Body only) ------------------------------------------

PS = """$base = "V3"
Invoke-RestMethod -Method Post -Uri "$base/content/video/createbytalkingphoto" -Body '{"talking_photo_url": "p", "audio_url": "a", "resolution": "720p"}'
$r = Invoke-WebRequest -Method Post -Uri "$base/content/video/createbytalkingphoto" -Body '{"talking_photo_url": "p", "audio_url": "a", "resolution": "720p"}'
""".replace("V3", V3)


def test_a_json_string_given_to_invoke_restmethods_body_is_judged() -> None:
    got = rules_of(audit_text(PS, "render.ps1"))
    assert got == {(2, "bad-value", '"720p"'), (3, "bad-value", '"720p"')}
    assert rules_of(audit_text(PS.replace("720p", "720"), "render.ps1")) == set()
