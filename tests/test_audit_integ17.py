"""Fixes the session-17 merge added: a Go answer struct whose data field is a slice (`Data []struct
{...}` or `Data []Avatar`) reads its tags as the items of the data list (break21m's
go-slice-struct-tags-flagged-as-list-answer: false list-answer warnings on correct Go)."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

HEAD = """package main

import (
\t"encoding/json"
\t"net/http"
\t"os"
)

const baseURL = "https://openapi.akool.com/api/open/v3"

func avatars() {
\treq, _ := http.NewRequest("GET", baseURL+"/avatar/list?from=2&page=1&size=100", nil)
\treq.Header.Set("x-api-key", os.Getenv("AKOOL_API_KEY"))
\tresp, _ := http.DefaultClient.Do(req)
\tdefer resp.Body.Close()
"""

INLINE = """\tvar out struct {
\t\tData []struct {
\t\t\tAvatarID string `json:"TAG"`
\t\t\tURL      string `json:"url"`
\t\t} `json:"data"`
\t}
\tjson.NewDecoder(resp.Body).Decode(&out)
}
"""

NAMED = """\tvar out struct {
\t\tData []Avatar `json:"data"`
\t}
\tjson.NewDecoder(resp.Body).Decode(&out)
}

type Avatar struct {
\tAvatarID string `json:"TAG"`
\tURL      string `json:"url"`
}
"""


@pytest.mark.parametrize("shape", [INLINE, NAMED], ids=["inline", "named"])
def test_a_go_data_slice_reads_its_tags_as_the_lists_items(shape: str) -> None:
    right = audit_text(HEAD + shape.replace("TAG", "avatar_id"), "avatars.go")
    assert [(f.line, f.rule) for f in right] == []
    wrong = audit_text(HEAD + shape.replace("TAG", "avatarId"), "avatars.go")
    assert [(f.rule, "data[i].avatar_id" in str(f.to_json())) for f in wrong] == [
        ("answer-field", True)
    ]


# break21n's status-value-judged-on-other-vendors-answer: a file that calls AKOOL and polls another
# vendor; the other's answer's video_status is not judged by AKOOL's calls (a false error before).
VENDORS_PY = """import requests

AKOOL = "https://openapi.akool.com/api/open/v3"
OTHER = "HOST"


def akool_create(photo, audio):
    body = {"talking_photo_url": photo, "audio_url": audio}
    r = requests.post(f"{AKOOL}/content/video/createbytalkingphoto", json=body)
    return r.json()["data"]["_id"]


def other_status(vid):
    j = requests.get(f"{OTHER}PATH{vid}").json()
    if j["data"]["video_status"] == 5:
        return j["data"]["video_url"]
"""

VENDORS_JS = """export async function akoolCreate(photo, audio) {
  const body = JSON.stringify({ talking_photo_url: photo, audio_url: audio });
  const url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
  const r = await fetch(url, { method: "POST", body });
  return (await r.json()).data._id;
}
export async function otherStatus(id) {
  const r = await fetch(`HOSTPATH${id}`);
  const j = await r.json();
  return j.data.video_status === 5 ? j.data.video_url : null;
}
"""


@pytest.mark.parametrize(
    ("text", "name", "line"), [(VENDORS_PY, "vendors.py", 15), (VENDORS_JS, "vendors.js", 10)]
)
def test_another_hosts_answer_is_not_judged_by_the_files_akool_calls(
    text: str, name: str, line: int
) -> None:
    vendor = text.replace("HOST", "https://api.othervendor.io/v2").replace("PATH", "/videos/")
    other = audit_text(vendor, name)
    assert [(f.line, f.rule) for f in other if f.rule == "status-value"] == []
    poll = "/content/video/infobymodelid?video_model_id="
    own = audit_text(
        text.replace("HOST", "https://openapi.akool.com/api/open/v3").replace("PATH", poll), name
    )
    assert (line, "status-value") in [(f.line, f.rule) for f in own]


# break21n's negative-test-bad-value-in-raises-block-flagged: a test of the script's own guard gives
# a bad value on purpose where it expects the call to fail; the same call elsewhere is still judged.
GUARDED_PY = """import pytest
import requests


class Client:
    def talking_photo(self, photo, audio, resolution="720"):
        body = {"talking_photo_url": photo, "audio_url": audio, "resolution": resolution}
        url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
        return requests.post(url, json=body)


def test_rejects_unknown_resolution():
    with pytest.raises(ValueError):
        Client().talking_photo("p.jpg", "a.mp3", resolution="4k")


def run():
    return Client().talking_photo("p.jpg", "a.mp3", resolution="4k")
"""

GUARDED_JS = """async function talkingPhoto(photo, audio, resolution = "720") {
  const body = JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution });
  const url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
  return (await fetch(url, { method: "POST", body })).json();
}

test("rejects 720p", async () => {
  await expect(talkingPhoto("p.jpg", "a.mp3", "720p")).rejects.toThrow();
});

export const run = () => talkingPhoto("p.jpg", "a.mp3", "720p");
"""


@pytest.mark.parametrize(
    ("text", "name", "line"), [(GUARDED_PY, "guard.py", 18), (GUARDED_JS, "guard.test.js", 11)]
)
def test_a_bad_value_a_test_expects_to_fail_is_not_reported(
    text: str, name: str, line: int
) -> None:
    found = [(f.line, f.rule) for f in audit_text(text, name) if f.rule == "bad-value"]
    assert found == [(line, "bad-value")]
