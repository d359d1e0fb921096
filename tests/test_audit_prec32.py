"""Session 32, prec32: false findings on correct code found blind. A JSON body built by string
concatenation with a number spliced in unquoted (`"{\"face_reage\":" + years + ",...}"`) sends a
JSON number: the text between the string's closing and reopening quotes is no quoted value."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

REAGE = "https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage"
SPECIFY = "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage"


def reported(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


# The same body in each language that writes it by concatenation: the number `years` (or a call
# that gives it, or a ternary of numbers) between the closing and the reopening quote.
SPLICED_NUMBER = {
    "R.java": 'String json = "{\\"targetImage\\":[{\\"path\\":\\"" + img + "\\",\\"opts\\":\\"\\"}],'
    '\\"face_reage\\":" + years + ",\\"modifyImage\\":\\"" + img + "\\"}";\n'
    f'post("{REAGE}", json);\n',
    "Compact.java": 'String json = "{\\"targetImage\\":[],\\"face_reage\\":"+years+",\\"modifyImage\\":\\"x\\"}";\n'
    f'post("{REAGE}", json);\n',
    "Getter.java": 'String json = "{\\"targetImage\\":[],\\"face_reage\\":" + m.get("years") + ",\\"modifyImage\\":\\"x\\"}";\n'
    f'post("{REAGE}", json);\n',
    "Ternary.java": 'String json = "{\\"targetImage\\":[],\\"face_reage\\":" + (old ? 30 : 10) + ",\\"modifyImage\\":\\"x\\"}";\n'
    f'post("{REAGE}", json);\n',
    "R.cs": 'var json = "{\\"targetImage\\":[],\\"face_reage\\":" + years + ",\\"modifyImage\\":\\"x\\"}";\n'
    f'await http.PostAsync("{REAGE}", new StringContent(json));\n',
    "V.cs": 'var json = @"{""targetImage"":[],""face_reage"":" + years + @",""modifyImage"":""x""}";\n'
    f'await http.PostAsync("{REAGE}", new StringContent(json));\n',
    "r.kt": 'val json = "{\\"targetImage\\":[],\\"face_reage\\":" + years + ",\\"modifyImage\\":\\"x\\"}"\n'
    f'post("{REAGE}", json)\n',
    "r.js": f'fetch("{REAGE}", {{method: "POST",\n'
    '  body: \'{"targetImage":[],"face_reage":\' + years + \',"modifyImage":"x"}\'});\n',
    "r.py": "import requests\n"
    f'requests.post("{REAGE}",\n'
    '    data=\'{"targetImage":[],"face_reage":\' + str(years) + \',"modifyImage":"x"}\')\n',
    "r.go": 'body := "{\\"targetImage\\":[],\\"face_reage\\":" + strconv.Itoa(years) + ",\\"modifyImage\\":\\"x\\"}"\n'
    f'http.Post("{REAGE}", "application/json", strings.NewReader(body))\n',
    "r.dart": 'final body = \'{"targetImage":[],"face_reage":\' + years.toString() + \',"modifyImage":"x"}\';\n'
    f'await http.post(Uri.parse("{REAGE}"), body: body);\n',
    "r.lua": 'local body = \'{"targetImage":[],"face_reage":\' .. years .. \',"modifyImage":"x"}\'\n'
    f'local res = httpc:request_uri("{REAGE}", {{ method = "POST", body = body }})\n',
    "r.exs": 'body = "{\\"targetImage\\":[],\\"face_reage\\":" <> Integer.to_string(years) <> ",\\"modifyImage\\":\\"x\\"}"\n'
    f'Req.post!("{REAGE}", body: body)\n',
}


def test_an_enum_number_spliced_in_is_not_judged_against_the_enum() -> None:
    text = (
        'String json = "{\\"sourceImage\\":[],\\"targetImage\\":[],\\"face_enhance\\":" + e'
        ' + ",\\"modifyImage\\":\\"x\\"}";\n'
        f'post("{SPECIFY}", json);\n'
    )
    assert reported(text, "E.java") == []


# A choice of quoted digits spliced in unquoted sends the number: `"1"` there is no string.
SPLICED_CHOICE = {
    "C.java": 'String json = "{\\"sourceImage\\":[],\\"targetImage\\":[],\\"face_enhance\\":"'
    ' + (on ? "1" : "0") + ",\\"modifyImage\\":\\"x\\"}";\n'
    f'post("{SPECIFY}", json);\n',
    "c.js": "const body = '{\"sourceImage\":[],\"targetImage\":[],\"face_enhance\":' + (on ? '1' : '0')"
    ' + \',"modifyImage":"x"}\';\n'
    f'fetch("{SPECIFY}", {{ method: "POST", body }});\n',
    "c.py": "import requests\n"
    'body = \'{"sourceImage":[],"targetImage":[],"face_enhance":\' + ("1" if on else "0")'
    ' + \',"modifyImage":"x"}\'\n'
    f'requests.post("{SPECIFY}", data=body)\n',
    "c.php": "<?php\n$body = '{\"sourceImage\":[],\"targetImage\":[],\"face_enhance\":' . ($on ? '1' : '0')"
    ' . \',"modifyImage":"x"}\';\n'
    f'$client->post("{SPECIFY}", ["body" => $body]);\n',
}


def test_literal_values_beside_a_splice_are_still_judged() -> None:
    text = (
        'String a = "{\\"targetImage\\":[],\\"face_reage\\":\\"ten\\",\\"modifyImage\\":\\"" + img + "\\"}";\n'
        'String b = "{\\"sourceImage\\":[],\\"targetImage\\":[],\\"face_enhance\\":2,\\"modifyImage\\":\\""'
        ' + img + "\\"}";\n'
        f'post("{REAGE}", a);\n'
        f'post("{SPECIFY}", b);\n'
    )
    found = [(f.line, f.rule) for f in reported(text, "T.java")]
    assert found == [(1, "bad-value"), (2, "bad-value")]


TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"

# A choice of numbers made text before it is sent: "1080" and "720" are the documented strings.
STRINGIFIED_CHOICE = {
    "s.java": 'String b = "{\\"talking_photo_url\\":\\"" + p + "\\",\\"audio_url\\":\\"" + a'
    ' + "\\",\\"resolution\\":\\"" + (hd ? 1080 : 720) + "\\"}";\n'
    f'post("{TALK}", b);\n',
    "s.js": 'const b = \'{"talking_photo_url":"\' + p + \'","audio_url":"\' + a'
    ' + \'","resolution":"\' + (hd ? 1080 : 720) + \'"}\';\n'
    f'await fetch("{TALK}", {{ method: "POST", body: b }});\n',
    "call.js": "const c = JSON.stringify({ talking_photo_url: p, audio_url: a, resolution: String(hd ? 1080 : 720) });\n"
    f'await fetch("{TALK}", {{ method: "POST", body: c }});\n',
    "method.js": "const c = JSON.stringify({ talking_photo_url: p, audio_url: a, resolution: (hd ? 1080 : 720).toString() });\n"
    f'await fetch("{TALK}", {{ method: "POST", body: c }});\n',
    "joined.js": 'const c = JSON.stringify({ talking_photo_url: p, audio_url: a, resolution: "" + (hd ? 1080 : 720) });\n'
    f'await fetch("{TALK}", {{ method: "POST", body: c }});\n',
}


def test_a_choice_of_numbers_sent_as_numbers_is_still_judged() -> None:
    text = (
        f'await fetch("{TALK}", {{ method: "POST", body: JSON.stringify('
        "{ talking_photo_url: p, audio_url: a, resolution: Math.max(hd ? 1080 : 720, 1) }) });\n"
    )
    assert [f.rule for f in reported(text, "n.js")] == ["bad-value", "bad-value"]


# Every body above is correct code: no error, no warning.
CORRECT = {**SPLICED_NUMBER, **SPLICED_CHOICE, **STRINGIFIED_CHOICE}


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_correct_bodies_spliced_or_made_text_have_no_finding(name: str) -> None:
    assert reported(CORRECT[name], name) == []


INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"

# Status constants named side by side in one assignment: each name takes its own number.
UNPACKED_STATUSES = {
    "poll.py": "import requests\n"
    "QUEUED, PROCESSING, DONE, FAILED = 1, 2, 3, 4\n"
    f'd = requests.get("{INFO}", params={{"video_model_id": "x"}}).json()["data"]\n'
    'if d["video_status"] == FAILED:\n'
    '    raise RuntimeError("failed")\n',
    "paren.py": "import requests\n"
    "(DONE, FAILED) = (3, 4)\n"
    f'd = requests.get("{INFO}", params={{"video_model_id": "x"}}).json()["data"]\n'
    'if d["video_status"] == FAILED:\n'
    '    raise RuntimeError("failed")\n',
    "c.rb": 'require "httparty"\n'
    "DONE, FAILED = 3, 4\n"
    f'd = HTTParty.get("{INFO}", query: {{ video_model_id: ARGV[0] }}).parsed_response["data"]\n'
    'raise "failed" if d["video_status"] == FAILED\n',
    "b.go": "package main\n\n"
    "const Done, Failed = 3, 4\n\n"
    "func poll(id string) bool {\n"
    f'\tresp, _ := http.Get("{INFO}?video_model_id=" + id)\n'
    "\tvar out struct {\n\t\tData struct {\n"
    '\t\t\tVideoStatus int `json:"video_status"`\n'
    '\t\t} `json:"data"`\n\t}\n'
    "\tjson.NewDecoder(resp.Body).Decode(&out)\n"
    "\treturn out.Data.VideoStatus != Failed\n}\n",
}


@pytest.mark.parametrize("name", sorted(UNPACKED_STATUSES))
def test_status_constants_unpacked_side_by_side_take_their_own_numbers(name: str) -> None:
    assert reported(UNPACKED_STATUSES[name], name) == []


def test_a_wrong_number_unpacked_side_by_side_is_still_judged() -> None:
    text = UNPACKED_STATUSES["poll.py"].replace("1, 2, 3, 4", "1, 2, 4, 3")
    found = [(f.line, f.rule, "FAILED (3)" in f.message) for f in reported(text, "w.py")]
    assert found == [(4, "status-value", True)]
