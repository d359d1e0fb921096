"""`akool audit` on answers read through the script's own helpers (a held-out run, heldout21i, and a
fresh break-it run, break21c): a wrapper that returns the answer's data field, a Java method with a
return type and `throws`, a Kotlin lambda's one-line `return`, and fallback chains whose first
member is the documented read."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text


def errors(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


JS_WRAPPER = """const BASE = "https://openapi.akool.com/api/open/v3";
async function callAkoolApi(path, body, key) {
  const res = await fetch(BASE + path, { method: "POST", headers: { "x-api-key": key }, body: JSON.stringify(body) });
  const data = await res.json();
  if (data.code !== 1000) throw new Error(data.msg);
  return data.data;
}
async function talk(key) {
  const job = await callAkoolApi("/content/video/createbytalkingphoto", { talking_photo_url: "a", audio_url: "b" }, key);
  return job._id + job.READ;
}
"""

PY_WRAPPER = """import requests
BASE = "https://openapi.akool.com/api/open/v3"

def call_akool(path, body, key):
    resp = requests.post(BASE + path, json=body, headers={"x-api-key": key})
    out = resp.json()
    return out["data"]

def talk(key):
    job = call_akool("/content/video/createbytalkingphoto", {"talking_photo_url": "a", "audio_url": "b"}, key)
    return job["_id"], job["READ"]
"""


@pytest.mark.parametrize(("text", "name"), [(JS_WRAPPER, "a.js"), (PY_WRAPPER, "a.py")])
def test_a_wrapper_that_returns_the_data_field_places_its_callers_reads_there(
    text: str, name: str
) -> None:
    assert errors(text.replace("READ", "video_status"), name) == []
    got = errors(text.replace("READ", "videoStatus"), name)
    assert [(rule, found) for _, rule, found in got] == [("response-field", "videoStatus")]


def test_a_wrapper_that_returns_the_whole_answer_still_has_its_top_level_reads_judged() -> None:
    whole = JS_WRAPPER.replace("return data.data;", "return data;").replace("READ", "code")
    assert [rule for _, rule, _ in errors(whole, "a.js")] == ["response-field"]  # job._id


JAVA = """import java.net.http.*;
import org.json.JSONObject;
public class Poll {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private final HttpClient http = HttpClient.newHttpClient();
    private JSONObject get(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + path)).GET().build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        return new JSONObject(res.body());
    }
    public String videoStatus(String id) throws Exception {
        JSONObject out = get("/content/video/infobymodelid?video_model_id=" + id);
        JSONObject data = out.getJSONObject("data");
        return data.getInt("video_status") == 3 ? ROOT.getString("video") : null;
    }
}
"""
KOTLIN = """import org.json.JSONObject
class P(private val client: okhttp3.OkHttpClient) {
    private val base = "https://openapi.akool.com/api/open/v3"
    private fun get(path: String): JSONObject {
        val req = okhttp3.Request.Builder().url(base + path).get().build()
        client.newCall(req).execute().use { r -> return JSONObject(r.body!!.string()) }
    }
    fun status(id: String): String? {
        val out = get("/content/video/infobymodelid?video_model_id=$id")
        val data = out.getJSONObject("data")
        return if (data.getInt("video_status") == 3) ROOT.getString("video") else null
    }
}
"""


@pytest.mark.parametrize(("text", "name"), [(JAVA, "Poll.java"), (KOTLIN, "P.kt")])
def test_data_taken_from_what_a_typed_helper_returns_is_the_answers_data(
    text: str, name: str
) -> None:
    assert errors(text.replace("ROOT", "data"), name) == []
    got = errors(text.replace("ROOT", "out"), name)
    assert [(rule, found) for _, rule, found in got] == [("response-field", "video")]


CHAIN = """const BASE = "https://openapi.akool.com/api/open/v3";
async function result(id, key) {
  const r = await fetch(`${BASE}/faceswap/result/listbyids?_ids=${id}`, { headers: { "x-api-key": key } });
  const d = await r.json();
  const list = READ;
  return list;
}
"""


@pytest.mark.parametrize(
    "read",
    [
        "d.data?.result || d.data || d.result || d",
        "d.data?.result ?? d.result",
        "d.data || d.result",
    ],
)
def test_a_fallback_chain_holding_the_answers_data_is_defensive(read: str) -> None:
    assert errors(CHAIN.replace("READ", read), "a.js") == []


def test_the_same_guess_alone_is_still_an_error() -> None:
    got = errors(CHAIN.replace("READ", "d.result"), "a.js")
    assert [(rule, found) for _, rule, found in got] == [("response-field", "result")]
