"""Session 34, lead: a status read of the app's own record is not AKOOL's answer: a parameter of a
named function that calls AKOOL nowhere above the read and is never called where AKOOL is (a
queue's message handler, `def notify(job)`), or an answer of a relative URL (`fetch(`/api/videos/1`)`,
the page's own server). A helper handed AKOOL's answer (`handle(r.json())`, `.then((j) => ...)`) is
still judged; PHP's `match (...) {` opens no function."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text
from akool_cli.audit.scopes import Scopes


def reported(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


OWN: dict[str, str] = {
    "own_param.py": 'import requests\n\nAPI = "https://openapi.akool.com/api/open/v3"\n\n# our own jobs table: 5 = delivered to the customer\ndef notify_customer(job):\n    if job["video_status"] == 5:\n        send_email(job["email"])\n\n\ndef create(token, payload):\n    r = requests.post(f"{API}/content/video/createbytalkingphoto", json=payload,\n                      headers={"Authorization": f"Bearer {token}"})\n    return r.json()["data"]["_id"]\n\n\ndef poll(token, vid):\n    r = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": vid},\n                     headers={"Authorization": f"Bearer {token}"})\n    return r.json()["data"]["video_status"] == 3\n',
    "own_backend.js": 'const AKOOL = "https://openapi.akool.com/api/open/v3";\n\nexport async function create(token, body) {\n  const r = await fetch(`${AKOOL}/content/video/createbytalkingphoto`, {\n    method: "POST",\n    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },\n    body: JSON.stringify(body),\n  });\n  const j = await r.json();\n  return j.data._id;\n}\n\nexport async function refresh(id) {\n  const r = await fetch(`/api/videos/${id}`);\n  const j = await r.json();\n  if (j.video_status === 5) {\n    showDelivered(j);\n  }\n}\n',
    "queue_msg.py": 'import requests\n\nBASE = "https://openapi.akool.com/api/open/v3"\n\n\ndef on_message(msg):\n    # our worker\'s own states: 7 = archived\n    if msg["data"]["image_status"] == 7:\n        archive(msg)\n\n\ndef make_image(token, prompt):\n    r = requests.post(BASE + "/content/image/createbyprompt",\n                      json={"prompt": prompt, "scale": "1:1"},\n                      headers={"Authorization": "Bearer " + token})\n    data = r.json()["data"]\n    return data["_id"]\n',
    "own_param.ts": 'import axios from "axios";\n\ninterface Job { video_status: number; email: string }\n\nfunction isDelivered(job: Job): boolean {\n  return job.video_status === 5;\n}\n\nexport async function create(token: string, body: object) {\n  const r = await axios.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", body, {\n    headers: { Authorization: `Bearer ${token}` },\n  });\n  return r.data.data._id;\n}\n',
    "a.js": 'const axios = require("axios");\nconst isDelivered = (job) => job.video_status === 5;\nfunction archived(msg) { return msg.data.image_status === 7; }\nasync function make(token) {\n  const r = await axios.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", { prompt: "a", scale: "1:1" }, { headers: { Authorization: `Bearer ${token}` } });\n  return r.data.data.image_status === 3;\n}\n',
    "b.php": '<?php\nfunction delivered($job) {\n    return $job[\'video_status\'] == 5;\n}\nfunction create($token) {\n    $ch = curl_init("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto");\n    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(["talking_photo_url" => "u", "audio_url" => "a"]));\n    curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: Bearer " . $token]);\n    $res = json_decode(curl_exec($ch), true);\n    return $res[\'data\'][\'_id\'];\n}\n',
    "c.rb": 'require "net/http"\nrequire "json"\n\ndef delivered?(job)\n  job["video_status"] == 5\nend\n\ndef create(token)\n  uri = URI("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")\n  res = Net::HTTP.post(uri, { talking_photo_url: "u", audio_url: "a" }.to_json, "Authorization" => "Bearer #{token}")\n  JSON.parse(res.body)["data"]["_id"]\nend\n',
    "d.py": 'import requests\n\nAPI = "https://openapi.akool.com/api/open/v3"\n\n\nclass Poller:\n    def finished(self, job):\n        return job["video_status"] == 5\n\n    def is_done(self, resp):\n        return resp["data"]["video_status"] == 2  # done\n\n    def poll(self, token, vid):\n        r = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": vid},\n                         headers={"Authorization": f"Bearer {token}"})\n        return self.is_done(r.json())\n',
    "a.go": 'package main\n\nimport (\n\t"bytes"\n\t"encoding/json"\n\t"net/http"\n)\n\ntype Job struct {\n\tVideoStatus int `json:"video_status"`\n}\n\nfunc delivered(job map[string]interface{}) bool {\n\treturn job["video_status"] == 5\n}\n\nfunc create(token string) (*http.Response, error) {\n\tbody, _ := json.Marshal(map[string]string{"talking_photo_url": "u", "audio_url": "a"})\n\treq, _ := http.NewRequest("POST", "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", bytes.NewReader(body))\n\treq.Header.Set("Authorization", "Bearer "+token)\n\treturn http.DefaultClient.Do(req)\n}\n',
    "A.java": 'import java.net.http.*;\nimport java.net.URI;\nimport com.fasterxml.jackson.databind.JsonNode;\n\npublic class A {\n    static boolean delivered(JsonNode job) {\n        return job.get("video_status").asInt() == 5;\n    }\n\n    static HttpResponse<String> create(HttpClient c, String token) throws Exception {\n        HttpRequest r = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"))\n            .header("Authorization", "Bearer " + token)\n            .POST(HttpRequest.BodyPublishers.ofString("{\\"talking_photo_url\\":\\"u\\",\\"audio_url\\":\\"a\\"}")).build();\n        return c.send(r, HttpResponse.BodyHandlers.ofString());\n    }\n}\n',
    "C.cs": 'using System.Net.Http;\nusing System.Text.Json;\n\npublic class C {\n    static bool Delivered(JsonElement job) {\n        return job.GetProperty("video_status").GetInt32() == 5;\n    }\n\n    static async System.Threading.Tasks.Task<string> Create(HttpClient c) {\n        var r = await c.PostAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", new StringContent("{\\"talking_photo_url\\":\\"u\\",\\"audio_url\\":\\"a\\"}"));\n        return await r.Content.ReadAsStringAsync();\n    }\n}\n',
}
HANDED: dict[str, tuple[str, int]] = {
    "cb.py": (
        'import requests\n\nAPI = "https://openapi.akool.com/api/open/v3"\n\n\ndef handle(answer):\n    if answer["data"]["video_status"] == 5:\n        print("done")\n\n\ndef poll(token, vid):\n    r = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": vid},\n                     headers={"Authorization": f"Bearer {token}"})\n    handle(r.json())\n',
        7,
    ),
    "cb2.js": (
        'const axios = require("axios");\nconst api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });\nfunction check(res) {\n  return res.data.data.video_status === 5;\n}\nasync function poll(id) {\n  const res = await api.get(`/content/video/infobymodelid?video_model_id=${id}`);\n  return check(res);\n}\n',
        4,
    ),
    "chain.js": (
        'const URL_ = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1";\nfunction poll(token) {\n  return fetch(URL_, { headers: { Authorization: `Bearer ${token}` } })\n    .then((r) => r.json())\n    .then((j) => {\n      if (j.data.video_status === 5) {\n        return "done";\n      }\n    });\n}\n',
        6,
    ),
    "t.go": (
        'package main\n\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n\ntype Answer struct {\n\tCode int `json:"code"`\n\tData struct {\n\t\tVideoStatus int `json:"video_status"`\n\t} `json:"data"`\n}\n\nfunc done(a Answer) bool {\n\treturn a.Data.VideoStatus == 5\n}\n\nfunc poll(id string) (bool, error) {\n\tresp, err := http.Get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)\n\tif err != nil {\n\t\treturn false, err\n\t}\n\tvar a Answer\n\tjson.NewDecoder(resp.Body).Decode(&a)\n\treturn done(a), nil\n}\n',
        16,
    ),
}


@pytest.mark.parametrize("name", sorted(OWN))
def test_the_apps_own_record_is_not_judged_as_akools_answer(name: str) -> None:
    found = reported(OWN[name], name)
    # (d.py's is_done(resp) is handed AKOOL's answer and says 2 is done: AKOOL's 2 is processing)
    assert [f.line for f in found if f.rule == "status-value"] == ([11] if name == "d.py" else [])


@pytest.mark.parametrize("name", sorted(HANDED))
def test_a_helper_handed_akools_answer_is_still_judged(name: str) -> None:
    text, line = HANDED[name]
    found = [(f.line, f.rule) for f in reported(text, name)]
    assert (line, "status-value") in found


def test_the_own_record_is_judged_once_the_file_hands_it_an_answer() -> None:
    """The same helper, called with a call's answer in a function that calls AKOOL: judged."""
    text = OWN["own_param.py"].replace(
        '    return r.json()["data"]["video_status"] == 3',
        "    notify_customer(r.json())",
    )
    assert "notify_customer(r.json())" in text
    assert [f.line for f in reported(text, "x.py") if f.rule == "status-value"] == [7]


def test_a_read_below_the_functions_own_call_is_judged() -> None:
    text = (
        "import requests\n"
        "def poll(token, vid):\n"
        '    r = requests.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid",\n'
        '                     params={"video_model_id": vid}, headers={"x-api-key": token})\n'
        "    answer = r.json()\n"
        '    return answer["data"]["video_status"] == 5\n'
    )
    assert [f.line for f in reported(text, "x.py") if f.rule == "status-value"] == [6]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("    return match ($d['video_status']) {", "match"),
        ("    val s = when (code) {", "when"),
        ("    using (var c = new HttpClient()) {", "using"),
        ("    lock (gate) {", "lock"),
        ("    if ($y) { 1; } elseif ($x) {", "elseif"),
    ],
)
def test_a_language_keyword_with_parentheses_opens_no_function(line: str, kind: str) -> None:
    lines = ["function f($a) {", line, "    1;", "}", "}"]
    scopes = Scopes(lines)
    assert all(scopes.taking(name, 1) is None for name in ("d", "code", "c", "gate", "x")), kind
    assert scopes.taking("a", 1) == (0, 4)


def test_a_ruby_predicate_method_is_a_function() -> None:
    lines = ["def delivered?(job)", '  job["video_status"] == 5', "end"]
    assert Scopes(lines).taking("job", 1) == (0, 2)


# (breakit34) the app's own record bound to a local, in a function that calls AKOOL nowhere: a
# cache's get parsed, a queue's pull, an own backend through an instance with a relative base.
OWN_LOCALS: dict[str, str] = {
    "q1.ts": 'import axios from "axios";\nconst AKOOL = "https://openapi.akool.com/api/open/v3";\nconst api = axios.create({ baseURL: "/api" });\n\nexport async function makeVideo(key: string) {\n  const res = await axios.post(`${AKOOL}/content/video/createbytalkingphoto`,\n    { talking_photo_url: "a.png", audio_url: "b.mp3" }, { headers: { "x-api-key": key } });\n  return res.data.data._id as string;\n}\n\nexport async function ownStatus(id: string) {\n  const res = await api.get(`/videos/${id}`);\n  return res.data.video_status === 5;\n}\n',
    "q2.js": 'const BASE = "https://openapi.akool.com/api/open/v3";\nexport default {\n  async fetch(request, env) {\n    const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {\n      method: "POST",\n      headers: { "x-api-key": env.KEY, "content-type": "application/json" },\n      body: JSON.stringify({ talking_photo_url: "a.png", audio_url: "b.mp3" }),\n    });\n    const j = await r.json();\n    return Response.json({ id: j.data._id });\n  },\n  async scheduled(event, env) {\n    const job = await env.QUEUE.pull();\n    if (job.video_status === 6) await env.DB.delete(job.id);\n  },\n};\n',
    "q3.py": 'import json, requests, redis\nBASE = "https://openapi.akool.com/api/open/v3"\nr = redis.Redis()\n\ndef create(key):\n    res = requests.post(f"{BASE}/content/video/createbytalkingphoto",\n                        json={"talking_photo_url": "a.png", "audio_url": "b.mp3"},\n                        headers={"x-api-key": key})\n    return res.json()["data"]["_id"]\n\ndef sweep():\n    job = json.loads(r.get("job:1"))\n    if job["video_status"] == 5:\n        r.delete("job:1")\n',
    "q4.js": 'const BASE = "https://openapi.akool.com/api/open/v3";\nasync function create(key) {\n  const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {\n    method: "POST", headers: { "x-api-key": key, "content-type": "application/json" },\n    body: JSON.stringify({ talking_photo_url: "a.png", audio_url: "b.mp3" }) });\n  return (await r.json()).data._id;\n}\nasync function sweep(store) {\n  const job = JSON.parse(await store.get("job:1"));\n  if (job.video_status === 5) await store.del("job:1");\n}\nasync function sweep2() {\n  const res = await fetch("https://api.example.com/jobs/1");\n  const job = await res.json();\n  return job.video_status === 5;\n}\n',
}


@pytest.mark.parametrize("name", sorted(OWN_LOCALS))
def test_a_local_holding_the_apps_own_record_is_not_judged(name: str) -> None:
    assert [f for f in reported(OWN_LOCALS[name], name) if f.rule == "status-value"] == []


def test_a_local_bound_by_a_function_that_calls_akool_is_judged() -> None:
    """A local given what a Retrofit interface's method returns (its `@GET` is the call's line):
    still AKOOL's answer."""
    text = (
        "interface AkoolApi {\n"
        '    @GET("content/video/infobymodelid")\n'
        '    suspend fun info(@Header("x-api-key") key: String, @Query("video_model_id") id: String): Info\n'
        "}\n"
        "class Poller(private val key: String) {\n"
        "    private val api = Retrofit.Builder()\n"
        '        .baseUrl("https://openapi.akool.com/api/open/v3/")\n'
        "        .build().create(AkoolApi::class.java)\n"
        "\n"
        "    suspend fun poll(vid: String): Boolean {\n"
        "        val info = api.info(key, vid)\n"
        "        return info.data?.video_status == 5\n"
        "    }\n"
        "}\n"
    )
    assert [f.line for f in reported(text, "A.kt") if f.rule == "status-value"] == [12]


# (breakit34 item 4) an own backend's answer taken by destructuring, or bound on a one-line
# function's own line (`const r=await fetch("/api/jobs/"+id);const j=await r.json();...`).
OWN_BACKEND: dict[str, str] = {
    "destructured.js": 'const axios = require("axios");\nconst BASE = "https://openapi.akool.com/api/open/v3";\nasync function make(key) {\n  const r = await axios.post(`${BASE}/content/video/createbytalkingphoto`, { talking_photo_url: "a", audio_url: "b" }, { headers: { "x-api-key": key } });\n  return r.data.data._id;\n}\nasync function own(id) {\n  const { data } = await axios.get(`/api/jobs/${id}`);\n  return data.video_status === 5;\n}\n',
    "one_line.js": (
        'const axios = require("axios");\n'
        'async function c(k){const r=await axios.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",{talking_photo_url:"a",audio_url:"b"});return r.data.data}\n'
        'async function q(id){const r=await fetch("/api/jobs/"+id);const j=await r.json();return j.video_status===5}\n'
    ),
}


@pytest.mark.parametrize("name", sorted(OWN_BACKEND))
def test_an_own_backends_answer_bound_on_its_line_or_destructured_is_not_judged(name: str) -> None:
    assert [f for f in reported(OWN_BACKEND[name], name) if f.rule == "status-value"] == []


# (breakit34 items 3, 8) what a web handler is sent (`req.body`, `request.get_json()`), and a
# helper whose name is only a word of a string or a comment where AKOOL is called.
SENT_OR_NAMED: dict[str, str] = {
    "inbound.js": 'const express = require("express");\nconst axios = require("axios");\nconst BASE = "https://openapi.akool.com/api/open/v3";\nconst app = express();\napp.use(express.json());\n\napp.post("/make", async (req, res) => {\n  const r = await axios.post(`${BASE}/content/video/createbytalkingphoto`, { talking_photo_url: req.body.photo, audio_url: req.body.audio, webhookUrl: "https://me/hooks/akool" }, { headers: { "x-api-key": process.env.KEY } });\n  res.json({ id: r.data.data._id });\n});\n\n// our own render farm posts here\napp.post("/hooks/farm", (req, res) => {\n  const evt = req.body;\n  if (evt.video_status === 5 && evt.code === 0) publish(evt.task_id);\n  res.sendStatus(204);\n});\n\napp.post("/hooks/replicate", (req, res) => {\n  const { status, output } = req.body;\n  if (status === "succeeded") save(output);\n  res.sendStatus(204);\n});\napp.listen(3000);\n',
    "inbound.py": 'import os\nimport requests\nfrom flask import Flask, request, jsonify\nBASE = "https://openapi.akool.com/api/open/v3"\napp = Flask(__name__)\n\n@app.post("/make")\ndef make():\n    r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"talking_photo_url": "a", "audio_url": "b"}, headers={"x-api-key": os.environ["KEY"]})\n    return jsonify(id=r.json()["data"]["_id"])\n\n@app.post("/hooks/farm")\ndef farm_hook():\n    evt = request.get_json()\n    if evt["video_status"] == 5:\n        publish(evt["task_id"])\n    return "", 204\n',
    "word_in_string.py": 'import requests\nBASE = "https://openapi.akool.com/api/open/v3"\n\ndef published(job):\n    # our CMS states: 5 = published\n    return job["video_status"] == 5\n\ndef render(job, key):\n    r = requests.post(f"{BASE}/content/video/createbytalkingphoto",\n                      json={"talking_photo_url": job["photo"], "audio_url": job["audio"]},\n                      headers={"x-api-key": key})\n    log.info("render requested; will be published later")\n    return r.json()["data"]["_id"]\n',
    "word_in_string.rb": 'require "net/http"\nBASE = "https://openapi.akool.com/api/open/v3"\n\ndef published?(job)\n  job["video_status"] == 5\nend\n\ndef render(job, key)\n  uri = URI("#{BASE}/content/video/createbytalkingphoto")\n  res = Net::HTTP.post(uri, { talking_photo_url: job["photo"], audio_url: job["audio"] }.to_json, "x-api-key" => key)\n  Rails.logger.info("published: false") # not published yet\n  JSON.parse(res.body)["data"]["_id"]\nend\n',
}


@pytest.mark.parametrize("name", sorted(SENT_OR_NAMED))
def test_a_handlers_payload_or_a_helper_named_only_in_a_string_is_not_judged(name: str) -> None:
    assert [f for f in reported(SENT_OR_NAMED[name], name) if f.rule == "status-value"] == []


def test_a_helper_called_in_code_where_akool_is_called_is_judged() -> None:
    text = SENT_OR_NAMED["word_in_string.py"].replace(
        'log.info("render requested; will be published later")',
        "log.info(published(r.json()))",
    )
    assert "log.info(published(r.json()))" in text
    assert [f.rule for f in reported(text, "x.py")] == ["status-value"]


# (breakit34 item 9) another server's answer, asked on a line that is no AKOOL call, beside one.
OTHER_SERVER: dict[str, str] = {
    "w1.js": 'const BASE = "https://openapi.akool.com/api/open/v3";\nexport default {\n  async fetch(request, env) {\n    const url = new URL(request.url);\n    if (url.pathname === "/status") {\n      const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${url.searchParams.get("id")}`, { headers: { "x-api-key": env.KEY } });\n      return r;\n    }\n    if (url.pathname === "/farm") {\n      const res = await fetch(env.FARM_URL + "/jobs/" + url.searchParams.get("id"));\n      const j = await res.json();\n      return Response.json({ published: j.data.video_status === 5, url: j.data.video_url });\n    }\n    return new Response("not found", { status: 404 });\n  },\n};\n',
    "w2.py": 'import requests\nfrom django.conf import settings\nAKOOL = "https://openapi.akool.com/api/open/v3"\n\ndef sync(job_id, vid, key):\n    r = requests.get(f"{AKOOL}/content/video/infobymodelid", params={"video_model_id": vid}, headers={"x-api-key": key})\n    akool_done = r.json()["data"]["video_status"] == 3\n    own = requests.get(f"{settings.CMS_URL}/jobs/{job_id}").json()\n    if akool_done and own["video_status"] != 5:\n        publish(job_id)\n',
}


@pytest.mark.parametrize("name", sorted(OTHER_SERVER))
def test_another_servers_answer_beside_an_akool_call_is_not_judged(name: str) -> None:
    found = [(f.line, f.rule) for f in reported(OTHER_SERVER[name], name)]
    assert [rule for _, rule in found if rule == "status-value"] == []
