"""Session thirteen, values24: status values (a documented status field compared with a number
the docs do not give that meaning), and the request-body items of values24's brief."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit_text
from tests.conftest import ROOT, SHARED

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
DOCS = SHARED / "akool-docs"


def statuses_of(text: str, name: str) -> set[tuple[int, str, str]]:
    """(line, value as written, documented) of each status-value finding."""
    found: list[Finding] = audit_text(text.replace("V3", V3).replace("V4", V4), name)
    return {(f.line, f.found, f.documented) for f in found if f.rule == "status-value"}


# -- the documented states, as data ------------------------------------------------------------------


@pytest.mark.skipif(not DOCS.is_dir(), reason="../shared/akool-docs is not beside this checkout")
def test_the_committed_statuses_are_what_the_docs_generate(tmp_path: Path) -> None:
    out = tmp_path / "statuses.json"
    spec = importlib.util.spec_from_file_location(
        "gen_statuses", ROOT / "scripts" / "gen_statuses.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(["gen_statuses.py", str(DOCS), str(out)])
    committed = (ROOT / "akool_cli" / "audit" / "statuses.json").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, "run scripts/gen_statuses.py and commit"
    data = json.loads(committed)["endpoints"]
    swap = data["GET /api/open/v3/faceswap/result/listbyids"]
    assert swap["data.result.faceswap_status"] == {
        "1": "queueing",
        "2": "processing",
        "3": "completed",
        "4": "failed",
    }
    assert swap["code"] == {"1000": "success"}
    assert data["POST /detect"] == {"error_code": {"0": "success"}}
    assert "data.video_status" in data["GET /api/open/v3/content/video/infobymodelid"]
    assert all("sub_status" not in p and "deduction" not in p for e in data.values() for p in e)


# -- wrong values ------------------------------------------------------------------------------------

PY_CONSTANTS = """import requests

class FaceSwapClient:
    STATUS_QUEUED = 1
    STATUS_SUCCESS = 2
    STATUS_FAILED = 3

    def wait(self, job_id, headers):
        r = requests.get("V3/faceswap/result/listbyids", params={"_ids": job_id}, headers=headers)
        for item in r.json()["data"]["result"]:
            status = item.get("faceswap_status")
            if status == self.STATUS_SUCCESS:
                return item["url"]
            if status == self.STATUS_FAILED:
                raise RuntimeError("face swap failed")
"""


def test_class_constants_named_for_success_and_failure_with_the_wrong_numbers() -> None:
    assert statuses_of(PY_CONSTANTS, "swap.py") == {
        (12, "self.STATUS_SUCCESS", "3"),
        (14, "self.STATUS_FAILED", "4"),
    }


TS_BRANCH = """const BASE = "V3";
export async function poll(id: string, key: string) {
  const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, {
    headers: { "x-api-key": key },
  });
  const data = (await res.json()).data;
  if (data.video_status === 2) {
    download(data.video);
  }
  if (data.video_status === 5) {
    return null;
  }
  const isDone = data.video_status === 2;
  return isDone;
}
"""


def test_a_branch_or_a_flag_that_treats_processing_as_done_and_a_value_outside_the_enum() -> None:
    assert statuses_of(TS_BRANCH, "poll.ts") == {
        (7, "2", "3"),
        (10, "5", "1 or 2 or 3 or 4"),
        (13, "2", "3"),
    }


GO_CONSTS = """package akool

const (
	StatusProcessing = 1
	StatusSuccess    = 2
	StatusFailed     = 3
)

type info struct {
	VideoStatus int    `json:"video_status"`
	Video       string `json:"video"`
}

func wait(c *http.Client, id string) (string, error) {
	resp, _ := c.Get("V3/content/video/infobymodelid?video_model_id=" + id)
	var out struct{ Data info `json:"data"` }
	json.NewDecoder(resp.Body).Decode(&out)
	if out.Data.VideoStatus == StatusSuccess {
		return out.Data.Video, nil
	}
	return "", nil
}
"""


def test_go_consts_compared_with_a_field_tagged_with_the_status() -> None:
    assert statuses_of(GO_CONSTS, "wait.go") == {(18, "StatusSuccess", "3")}


JS_ENUM_PLAIN = """const axios = require("axios");
const State = Object.freeze({ QUEUED: 0, RUNNING: 1, DONE: 2, FAILED: 3 });
async function poll(id) {
  const res = await axios.get(`V4/voice/detail/${id}`, { headers: { "x-api-key": KEY } });
  if (res.data.data.status === State.DONE) return res.data.data;
  if ([State.FAILED].includes(res.data.data.status)) throw new Error("x");
}
"""


def test_a_frozen_object_of_states_compared_with_the_plain_status_of_the_answers_data() -> None:
    assert statuses_of(JS_ENUM_PLAIN, "voice.js") == {
        (5, "State.DONE", "3"),
        (6, "State.FAILED", "4"),
    }


SWITCHES = """const BASE = "V3";
async function poll(id) {
  const r = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${id}`);
  const j = await r.json();
  switch (j.data.image_status) {
    case 1:
    case 2:
      return "wait";
    case 3:
      return j.data.image;
    case 4:
      throw new Error("failed");
    case 5:
      return "cancelled";
    default:
      return null;
  }
}
async function poll2(id) {
  const r = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${id}`);
  const j = await r.json();
  switch (j.data.image_status) {
    case 2:
      console.log("image generation completed");
      return j.data.image;
    case 3:
      throw new Error("failed");
  }
}
"""


def test_the_cases_of_a_switch_on_the_status_are_judged_by_their_bodies() -> None:
    assert statuses_of(SWITCHES, "sw.js") == {
        (13, "5", "1 or 2 or 3 or 4"),
        (23, "2", "3"),
        (26, "3", "4"),
    }


GO_IOTA = """package akool

const (
	StatusQueued JobStatus = iota
	StatusRunning
	StatusDone
	StatusFailed
)

type info struct {
	VideoStatus int `json:"video_status"`
}

func wait(id string) {
	resp, _ := http.Get("V3/content/video/infobymodelid?video_model_id=" + id)
	var out struct{ Data info `json:"data"` }
	json.NewDecoder(resp.Body).Decode(&out)
	switch out.Data.VideoStatus {
	case 3:
		return
	case 4:
		panic("failed")
	}
	if out.Data.VideoStatus == int(StatusDone) {
		return
	}
	st := out.Data.VideoStatus
	if st == int(StatusFailed) {
		return
	}
}
"""


def test_go_iota_constants_converted_and_compared_through_a_local() -> None:
    assert statuses_of(GO_IOTA, "iota.go") == {(24, "StatusDone", "3"), (28, "StatusFailed", "4")}


CSHARP_ENUM = """public enum JobState { Pending, Running, Done, Failed }
public class Poller {
    public async Task<bool> Done(HttpClient http, string id) {
        var json = await http.GetStringAsync("V3/content/video/infobymodelid?video_model_id=" + id);
        var root = JsonDocument.Parse(json).RootElement;
        return root.GetProperty("data").GetProperty("video_status").GetInt32() == (int)JobState.Done;
    }
}
"""


def test_an_enum_numbered_by_counting_and_a_converted_read() -> None:
    assert statuses_of(CSHARP_ENUM, "Poller.cs") == {(6, "JobState.Done", "3")}


TYPES = """type VideoStatus = 0 | 1 | 2 | 3;
interface VideoInfo {
  _id: string;
  video_status: VideoStatus;
}
interface FaceSwapItem {
  faceswap_status: 1 | 2 | 3 | 4;
}
export async function get(id: string): Promise<VideoInfo> {
  const r = await fetch(`V3/content/video/infobymodelid?video_model_id=${id}`);
  await fetch(`V3/faceswap/result/listbyids?_ids=${id}`);
  return (await r.json()).data;
}
"""
LITERALS = """from typing import Literal, TypedDict
import requests

class Info(TypedDict):
    video_status: Literal[1, 2, 3, 4]
    image_status: Literal[0, 1, 2]

def get(i):
    requests.get("V3/content/video/infobymodelid", params={"video_model_id": i})
    requests.get("V3/content/image/infobymodelid", params={"image_model_id": i})
"""


def test_a_union_or_literal_type_of_the_field_with_a_number_the_docs_do_not_give() -> None:
    assert statuses_of(TYPES, "types.ts") == {(1, "0", "1 or 2 or 3 or 4")}
    assert statuses_of(LITERALS, "types.py") == {(6, "0", "1 or 2 or 3 or 4")}


PLAIN_DATA = """import requests
DONE = 2
def wait(tid, h):
    r = requests.get("V4/headswap/task/detail", params={"_id": tid}, headers=h)
    data = r.json()["data"]
    if data["status"] == DONE:
        return data["video_url"]
"""


def test_a_plain_status_of_a_variable_bound_to_the_answers_data() -> None:
    assert statuses_of(PLAIN_DATA, "head.py") == {(6, "DONE", "3")}


ST_PY = """import time
import requests
def wait_video(key, vid):
    while True:
        r = requests.get("V3/content/video/infobymodelid", params={"video_model_id": vid},
                         headers={"x-api-key": key})
        j = r.json()
        if j["code"] != 0:
            raise RuntimeError(j["msg"])
        d = j["data"]
        if d["video_status"] == "completed":
            return d["video"]
        if d["video_status"] == 2:
            return d["video"]
        time.sleep(5)
"""
ST_JS = """const BASE = "V3";
export async function swapResult(key, id) {
  const r = await fetch(`${BASE}/faceswap/result/listbyids?_ids=${id}`, { headers: { "x-api-key": key } });
  const j = await r.json();
  if (j.code !== 200) throw new Error(j.msg);
  const item = j.data.result[0];
  if (item.faceswap_status === 2) return item.url;
  const ok = j.code === 0;
  return null;
}
"""


def test_status_and_code_compared_with_values_the_docs_do_not_give() -> None:
    """break21g #7 status-compare-values (relay 1): a word for an integer status, a branch that
    returns the result on processing, and the envelope's code taken as success at 0 or 200."""
    assert statuses_of(ST_PY, "st.py") == {
        (8, "0", "1000"),
        (11, '"completed"', "3"),
        (13, "2", "3"),
    }
    assert statuses_of(ST_JS, "st.js") == {(5, "200", "1000"), (7, "2", "3"), (8, "0", "1000")}


WHEN_KT = """val BASE = "V3"
fun poll(id: String): String? {
    val body = client.get("$BASE/content/video/infobymodelid?video_model_id=$id").body<String>()
    val data = JSONObject(body).getJSONObject("data")
    when (data.getInt("video_status")) {
        1, 2 -> return null
        3 -> return data.getString("video")
        5 -> throw IllegalStateException("failed")
    }
    return null
}
"""
CASE_RB = """BASE = "V3"
def poll(id)
  res = JSON.parse(Net::HTTP.get(URI("#{BASE}/content/video/infobymodelid?video_model_id=#{id}")))
  case res["data"]["video_status"]
  when 2 then res["data"]["video"]
  when 4
    raise "failed"
  end
end
"""
MAP_PY = """import requests
STATUS_TEXT = {1: "queued", 2: "done", 3: "failed"}
RIGHT_TEXT = {1: "queued", 2: "processing", 3: "completed", 4: "failed"}
def poll(i, h):
    d = requests.get("V3/content/video/infobymodelid", params={"video_model_id": i}, headers=h).json()["data"]
    print(STATUS_TEXT[d["video_status"]])
    print(RIGHT_TEXT.get(d["video_status"], "unknown"))
"""


def test_kotlin_when_ruby_case_and_a_table_of_state_names() -> None:
    assert statuses_of(WHEN_KT, "when.kt") == {(8, "5", "1 or 2 or 3 or 4")}
    assert statuses_of(CASE_RB, "case.rb") == {(5, "2", "3")}
    assert statuses_of(MAP_PY, "map.py") == {(2, "2", "3"), (2, "3", "4")}


# -- right values: silent ----------------------------------------------------------------------------

RIGHT = [
    (
        "right.py",
        """import requests
STATUS_SUCCESS = 3
STATUS_FAILED = 4
def wait(vid, headers):
    r = requests.get("V3/content/video/infobymodelid", params={"video_model_id": vid}, headers=headers)
    data = r.json()["data"]
    video_status = data["video_status"]
    if video_status == 3:
        return data["video"]
    elif video_status == 4:
        raise RuntimeError("failed")
    elif video_status in [1, 2]:
        print("processing")
    if data.get("video_status", 0) == 0:
        print("no status yet")
    if video_status == STATUS_SUCCESS or video_status == STATUS_FAILED:
        print("finished")
    if video_status == 2:
        print("not done yet, still processing")
""",
    ),
    (
        "right.ts",
        """const BASE = "V3";
export async function poll(id: string) {
  const r = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${id}`);
  const { data } = await r.json();
  const isCompleted = data.image_status === 3;
  const isFailed = data.image_status === 4;
  const isProcessing = data.image_status === 1 || data.image_status === 2;
  if (data.image_status !== 3 && data.image_status !== 4) return "wait";
  if (res.status === 200 && data.image_status === 3) return data.image;
  return isCompleted || isFailed || isProcessing;
}
""",
    ),
    (
        "session.ts",
        """const BASE = "V4";
export async function ready(id: string) {
  const r = await fetch(`${BASE}/liveAvatar/session/detail?id=${id}`);
  const json = await r.json();
  if (json.data.status === 2) {
    connect(json.data.credentials);
  }
  const ok = r.status === 200;
  if (json.code === 1000 && r.status == 201) return ok;
}
""",
    ),
    (
        "supabase.js",
        """const BASE = "V4";
const DONE = 2;
async function f(id) {
  await fetch(`${BASE}/voice/detail/${id}`, { headers: { "x-api-key": k } });
  const { data } = await supabase.from("jobs").select().single();
  if (data.status === DONE) return 1;
  if (data.status === 7) return 2;
}
""",
    ),
    (
        "vendors.py",
        """import requests
def compare(vid, h):
    r = requests.get("V3/content/video/infobymodelid", params={"video_model_id": vid}, headers=h)
    j = r.json()
    if j["code"] != 1000:
        raise RuntimeError(j["msg"])
    hg = requests.get("https://api.heygen.com/v1/video_status.get", params={"video_id": vid}).json()
    data = hg["data"]
    if data["status"] == "completed":
        return data["video_url"]
    cloud = requests.post("https://cloud.example.com/v2/tts", json={}).json()
    if cloud["code"] != 0:
        raise RuntimeError("tts failed")
    if j["code"] == 1101:
        raise RuntimeError("token")
""",
    ),
    (
        "other.py",
        """import requests
DONE = 2
def job(vid, headers):
    requests.get("V3/content/video/infobymodelid", params={"video_model_id": vid}, headers=headers)
    mine = requests.get("https://example.com/jobs/1").json()
    if mine["status"] == DONE:
        print("done")
    if mine.get("video_state") == 7:
        print("x")
""",
    ),
]


@pytest.mark.parametrize(("name", "text"), RIGHT, ids=[n for n, _ in RIGHT])
def test_right_status_comparisons_and_other_statuses_are_silent(name: str, text: str) -> None:
    assert statuses_of(text, name) == set()


# -- keys removed before the call (break21f #13 popped-keys-warn) ------------------------------------

POPPED = {
    "f.py": """import requests
def talk(photo, audio, dest):
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "720", "dest": dest}
    dest = body.pop("dest")
    requests.post("V3/content/video/createbytalkingphoto", json=body)
def talk2(photo, audio, dest):
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "720", "dest": dest}
    del body["dest"]
    requests.post("V3/content/video/createbytalkingphoto", json=body)
def talk3(photo_path, audio_url):
    opts = {"photo": photo_path, "audio_url": audio_url, "resolution": "720"}
    opts["talking_photo_url"] = upload(opts.pop("photo"))
    requests.post("V3/content/video/createbytalkingphoto", json=opts)
""",
    "g.js": """const B = "V3";
export async function talk(photo, audio, hook) {
  const body = { talking_photo_url: photo, audio_url: audio, resolution: "720", webhook_url: hook };
  body.webhookUrl = body.webhook_url;
  delete body.webhook_url;
  await fetch(`${B}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify(body) });
}
export async function lipsync(videoFile, audio) {
  const body = { video: videoFile, audio_url: audio };
  body.video_url = await upload(body.video);
  delete body["video"];
  await fetch(`${B}/content/video/lipsync`, { method: "POST", body: JSON.stringify(body) });
}
""",
    "a.go": """package a
func Talk(photo, audio, dest string) {
	body := map[string]interface{}{"talking_photo_url": photo, "audio_url": audio, "resolution": "720", "dest": dest}
	delete(body, "dest")
	buf, _ := json.Marshal(body)
	http.Post("V3/content/video/createbytalkingphoto", "application/json", bytes.NewReader(buf))
}
""",
    "b.php": """<?php
function talk($photo, $audio, $dest) {
    $body = ['talking_photo_url' => $photo, 'audio_url' => $audio, 'resolution' => '720', 'dest' => $dest];
    unset($body['dest']);
    $ch = curl_init('V3/content/video/createbytalkingphoto');
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
}
""",
    "c.rb": """require "net/http"
def talk(photo, audio, dest)
  body = { "talking_photo_url" => photo, "audio_url" => audio, "resolution" => "720", "dest" => dest }
  body.delete("dest")
  Net::HTTP.post(URI("V3/content/video/createbytalkingphoto"), body.to_json, "x-api-key" => k)
end
""",
}


@pytest.mark.parametrize("name", list(POPPED))
def test_a_key_removed_before_the_call_is_not_sent(name: str) -> None:
    text = POPPED[name].replace("V3", V3)
    assert [f.render() for f in audit_text(text, name) if f.severity != "info"] == []


KEPT = """import requests
def talk(photo, audio, dest, keep):
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "720", "dest": dest}
    if not keep:
        body.pop("dest")
    requests.post("V3/content/video/createbytalkingphoto", json=body)
def talk2(photo, audio, dest):
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "720", "dest": dest}
    body.pop("dest", None)
    body["dest"] = dest
    requests.post("V3/content/video/createbytalkingphoto", json=body)
"""


def test_a_key_removed_only_in_a_branch_or_set_again_is_still_sent() -> None:
    found = audit_text(KEPT.replace("V3", V3), "kept.py")
    assert {(f.line, f.rule, f.found) for f in found} == {
        (3, "unknown-field", "dest"),
        (10, "unknown-field", "dest"),
    }


# -- an id-like key in place of a GET's id (relay 3) -------------------------------------------------

ID_QUERIES = {
    "q.ts": """const BASE = "V3";
export async function imageStatus(id: string, key: string) {
  const r = await fetch(`${BASE}/content/image/infobymodelid?_id=${id}`, { headers: { "x-api-key": key } });
  return (await r.json()).data.image_status;
}
""",
    "q.py": """import requests
def video_status(i, h):
    return requests.get(f"V3/content/video/infobymodelid?_id={i}", headers=h).json()
""",
}


@pytest.mark.parametrize("name", list(ID_QUERIES))
def test_an_id_like_key_alone_in_a_whole_query_stands_for_the_gets_id(name: str) -> None:
    found = audit_text(ID_QUERIES[name].replace("V3", V3), name)
    assert [(f.rule, f.found, f.fix) for f in found] == [("misnamed-field", "_id", None)]
    assert "the query lacks the required" in found[0].message


OPEN_QUERIES = """import requests
def video_status(i, h, extra):
    requests.get(f"V3/content/video/infobymodelid?_id={i}", params=extra, headers=h)
    requests.get(f"V3/content/video/infobymodelid?video_model_id={i}&_id={i}", headers=h)
"""


def test_an_id_like_key_in_a_query_not_all_in_view_or_beside_the_id_stays_a_warning() -> None:
    found = audit_text(OPEN_QUERIES.replace("V3", V3), "open.py")
    assert {(f.line, f.rule) for f in found} == {(3, "unknown-field"), (4, "unknown-field")}


CLOSES = {
    "close.js": """const BASE = "V4";
const url = `${BASE}/liveAvatar/session/close`;
export async function close(sessionId, key) {
  await fetch(url, { method: "POST", headers: { "x-api-key": key }, body: JSON.stringify({ session_id: sessionId }) });
}
""",
    "close.py": """import requests
def close(sid, h):
    requests.post("V4/liveAvatar/session/close", json={"session_id": sid}, headers=h)
""",
}


@pytest.mark.parametrize("name", list(CLOSES))
def test_a_key_only_the_docs_examples_send_for_the_id_the_schema_requires(name: str) -> None:
    """Relay 3: live avatar close's examples send session_id; its schema requires id. A warning
    (real35): code that copies the page's own example is not certainly wrong."""
    found = audit_text(CLOSES[name].replace("V4", V4), name)
    assert [(f.rule, f.severity, f.found, f.documented, f.fix) for f in found] == [
        ("misnamed-field", "warning", "session_id", "id", None)
    ]


CLOSED_RIGHT = """import requests
def close(sid, h, extra):
    requests.post("V4/liveAvatar/session/close", json={"id": sid}, headers=h)
    requests.post("V4/liveAvatar/session/close", json={"id": sid, "session_id": sid}, headers=h)
    requests.post("V4/liveAvatar/session/close", json={"session_id": sid, **extra}, headers=h)
"""


def test_the_id_sent_or_a_body_not_all_in_view_leaves_session_id_alone() -> None:
    assert audit_text(CLOSED_RIGHT.replace("V4", V4), "closed.py") == []


# -- a patch that a type must follow: all or none (break21f #15, break21g #4) -------------------------


def fixes_of(text: str, name: str) -> dict[int, str | None]:
    """Each finding's line: its fix's new text (None: no fix)."""
    found = audit_text(text.replace("V3", V3), name)
    return {f.line: (f.fix.new if f.fix else None) for f in found if f.severity == "error"}


TYPED_TS = """const B = "V3";
export async function talk(talking_photo_url: string, audio_url: string) {
  const body = { talking_photo_url, audio_url, resolution: "720p" } satisfies { talking_photo_url: string; audio_url: string; resolution: "720p" | "4k" };
  await fetch(`${B}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify(body) });
}
type Res = "720p" | "1080p";
export async function talk2(talking_photo_url: string, audio_url: string, resolution: Res = "720p") {
  await fetch(`${B}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ talking_photo_url, audio_url, resolution }) });
}
export async function talk3(talking_photo_url: string, audio_url: string, resolution: string = "1080p") {
  await fetch(`${B}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ talking_photo_url, audio_url, resolution }) });
}
"""


def test_a_union_type_and_the_values_it_types_are_not_patched_apart() -> None:
    assert fixes_of(TYPED_TS, "a.ts") == {3: None, 6: None, 7: None, 10: None}
    plain = TYPED_TS.split("type Res")[0].replace('resolution: "720p" | "4k"', "resolution: string")
    assert fixes_of(plain, "b.ts") == {3: '"720"'}  # (typed a plain string: patched)


TYPED_PY = """from typing import Literal, TypedDict
import requests

B = "V3"


class LipsyncBody(TypedDict):
    video_url: str
    audio_url: str
    webhook_url: str


def lipsync(v: str, a: str, hook: str):
    body: LipsyncBody = {"video_url": v, "audio_url": a, "webhook_url": hook}
    return requests.post(f"{B}/content/video/lipsync", json=body).json()
"""


def test_a_typeddict_body_is_left_to_a_person() -> None:
    assert fixes_of(TYPED_PY, "t.py") == {14: None}
    untyped = TYPED_PY.replace("body: LipsyncBody =", "body =")
    assert fixes_of(untyped, "u.py") == {14: "webhookUrl"}


INLINE_TYPED = """const B = "V3";
export async function lipsync(video_url: string, audio_url: string, hook: string) {
  const body: { video_url: string; audio_url: string; webhook_url: string } = { video_url, audio_url, webhook_url: hook };
  await fetch(`${B}/content/video/lipsync`, { method: "POST", body: JSON.stringify(body) });
}
"""


def test_a_body_given_an_inline_object_type_is_judged_and_left_to_a_person() -> None:
    found = audit_text(INLINE_TYPED.replace("V3", V3), "inline.ts")
    assert [(f.line, f.rule, f.found, f.fix) for f in found] == [
        (3, "misnamed-field", "webhook_url", None)
    ]
    assert "inline type" in found[0].message


NUMBER_DEFAULTS = {
    "n.ts": """const BASE = "V3";
export async function talk(p: string, a: string, resolution: number = 1080) {
  return fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ talking_photo_url: p, audio_url: a, resolution }) });
}
""",
    "n.kt": """const val BASE = "V3"
fun talk(http: OkHttpClient, p: String, a: String, res: Int = 1080): Response {
    val body = JSONObject(mapOf("talking_photo_url" to p, "audio_url" to a, "resolution" to res)).toString()
    return http.newCall(Request.Builder().url("$BASE/content/video/createbytalkingphoto").post(body.toRequestBody(json)).build()).execute()
}
""",
}


@pytest.mark.parametrize("name", list(NUMBER_DEFAULTS))
def test_a_number_typed_default_is_not_patched_to_a_string(name: str) -> None:
    """break21g #4 (added 16:40): `resolution: number = 1080` -> `"1080"` would not compile."""
    fixes = fixes_of(NUMBER_DEFAULTS[name], name)
    assert fixes and all(new is None for new in fixes.values())


GUESSED_STATUS = """import axios from "axios";
export class Client {
  private baseUrl = "V3";
  async create(photo: string, audio: string) {
    const response = await axios.post(`${this.baseUrl}/content/video/createbytalkingphoto`, { talking_photo_url: photo, audio_url: audio });
    return response.data.data._id;
  }
  async status(id: string) {
    const response = await axios.get(`${this.baseUrl}/content/video/status/${id}`);
    const data = response.data.data;
    if (data.video_status === 2) {
      return data.video;
    }
    return null;
  }
}
"""
SEVERAL_POLLS = """import requests
BASE = "V4"
STATUS_SUCCESS = 2
STATUS_FAILED = 3
def create_video(h, prompt):
    resp = requests.post(f"{BASE}/image2Video/createBySourcePrompt", json={"image_url": "u", "prompt": prompt}, headers=h)
    return resp.json()["data"]["_id"]
def poll_voice(h, job_id):
    resp = requests.get(f"{BASE}/voice/resource/detail/{job_id}", headers=h)
    data = resp.json().get("data", {})
    status = data.get("status", 0)
    if status == STATUS_SUCCESS:
        return data
"""


def test_a_status_read_is_judged_by_the_call_its_answer_is_of() -> None:
    """Relay 4: the answer of a guessed path has no documented states; a poll among other calls
    is judged, and named, by its own endpoint."""
    assert statuses_of(GUESSED_STATUS.replace("V3", V3), "client.ts") == set()
    found = [
        f
        for f in audit_text(SEVERAL_POLLS.replace("V4", V4), "polls.py")
        if f.rule == "status-value"
    ]
    assert [(f.line, f.found) for f in found] == [(12, "STATUS_SUCCESS")]
    assert "voice/resource/detail" in found[0].message


CONVERTED = """import os
import requests
B = "V3"
SWAP = {"sourceImage": [{"path": "a", "opts": "1"}], "targetImage": [{"path": "b", "opts": "2"}], "modifyImage": "b"}
def swap(h):
    requests.post(f"{B}/faceswap/highquality/specifyimage", json={**SWAP, "face_enhance": int(os.environ.get("FACE_ENHANCE", "1") or "1")}, headers=h)
    requests.post(f"{B}/faceswap/highquality/specifyimage", json={"sourceImage": [{"path": "a", "opts": "1"}], "targetImage": [{"path": "b", "opts": "2"}], "modifyImage": "b", "face_enhance": os.environ.get("FACE_ENHANCE", "1")}, headers=h)
"""


def test_an_env_default_made_a_number_is_no_string_value() -> None:
    """Relay 6: `int(os.environ.get(NAME, "5") or "5")` sends a number."""
    found = audit_text(CONVERTED.replace("V3", V3), "conv.py")
    assert [(f.line, f.rule) for f in found if f.rule == "bad-value"] == [(7, "bad-value")]
