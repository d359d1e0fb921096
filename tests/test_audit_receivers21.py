"""What the audit says (issue 21, fixM21): `.get(`/`.put(`/`.delete(` of a dict, Map, cache,
metrics registry or queue keyed by an AKOOL URL is not a request (no wrong-method), while an HTTP
client's verb still is; and a variable path segment that documented paths fill, or a query string
glued after a documented path, is not an unknown endpoint. Corpus scripts of these shapes are in
tests/audit_corpus/receivers21/."""

from __future__ import annotations

from akool_cli.audit.scan import Finding, audit_text


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- 1. containers keyed by a URL -----------------------------------------------------------------

PY_CACHE = """import queue, requests
from collections import defaultdict
TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
INFO_URL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
_cache = {}
hits = defaultdict(int)
q = queue.Queue()
def talk(p, a):
    if _cache.get(TALK_URL):
        return _cache[TALK_URL]
    r = requests.post(TALK_URL, json={"talking_photo_url": p, "audio_url": a})
    metrics.get(TALK_URL).inc()
    hits.get(TALK_URL)
    q.put(INFO_URL)
    return r.json()["data"]["_id"]
"""


def test_a_dict_cache_or_queue_keyed_by_a_url_sends_nothing() -> None:
    assert places(audit_text(PY_CACHE, "cache.py")) == []


JS_MAP = """const TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
const seen = new Map();
const byUrl = {};
async function talk(p, a) {
  if (seen.get(TALK)) return seen.get(TALK);
  const r = await fetch(TALK, { method: "POST", body: JSON.stringify({ talking_photo_url: p, audio_url: a }) });
  const j = await r.json();
  seen.set(TALK, j.data._id);
  seen.delete(TALK);
  byUrl.get(TALK);
  return j.data._id;
}
"""


def test_a_map_keyed_by_a_url_sends_nothing() -> None:
    assert places(audit_text(JS_MAP, "seen.js")) == []


HTTP_VERBS = """import requests, httpx
TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
s = requests.Session()
c = httpx.Client()
requests.get(TALK_URL)
s.delete(TALK_URL)
c.put(TALK_URL)
"""


def test_an_http_clients_verb_is_still_a_method() -> None:
    found = audit_text(HTTP_VERBS, "verbs.py")
    assert places(found) == [(5, "wrong-method"), (6, "wrong-method"), (7, "wrong-method")]
    js = """import axios from "axios";
const TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
const api = axios.create({});
api.get(TALK);
axios.delete(TALK);
"""
    assert places(audit_text(js, "verbs.js")) == [(4, "wrong-method"), (5, "wrong-method")]


# -- 2. variable segments and glued query strings ----------------------------------------------

JS_FILLED = """const BASE = "https://openapi.akool.com/api/open/v3";
export const a = (kind, id) => fetch(`${BASE}/content/${kind}/infobymodelid?${kind}_model_id=${id}`);
export const b = (qs) => fetch(`${BASE}/content/video/infobymodelid${qs}`);
export const c = (action, body) =>
  fetch(`${BASE}/content/video/${action}`, { method: "POST", body: JSON.stringify(body) });
export const d = (ver, path) => fetch(`https://openapi.akool.com/api/open/${ver}/${path}`);
export const e = (kind, id) => fetch(`${BASE}/content/${kind}/status?id=${id}`);
"""


def test_a_segment_documented_paths_fill_or_a_glued_query_is_not_an_unknown_endpoint() -> None:
    found = audit_text(JS_FILLED, "poll.js")
    # only the segment no documented path fills (content/*/status) is unknown
    assert places(found) == [(7, "unknown-endpoint")]


PY_FILLED = """import requests
BASE = "https://openapi.akool.com/api/open/v3"
def poll(kind, i):
    r = requests.get(f"{BASE}/content/{kind}/infobymodelid", params={f"{kind}_model_id": i})
    return r.json()["data"]["video_status"]
def talk(kind, p, a):
    return requests.post(f"{BASE}/content/{kind}/createbytalkingphoto",
                         json={"talking_photo_url": p, "audio_url": a, "resolution": "4k"})
"""


def test_fields_are_judged_only_when_the_paths_that_fill_a_segment_agree() -> None:
    found = audit_text(PY_FILLED, "poll.py")
    # two documented readers fill {kind}: nothing judged; one create fills it: its fields are
    assert places(found) == [(8, "bad-value")]


def test_an_unnamed_segment_before_the_last_is_filled_and_one_named_for_an_id_is_not() -> None:
    text = """import requests
BASE = "https://openapi.akool.com/api/open/v3"
def b(kind): return requests.get("{}/content/{}/infobymodelid".format(BASE, kind))
def c(kind): return requests.get("%s/content/%s/infobymodelid" % (BASE, kind))
def d(kind_id): return requests.get(f"{BASE}/content/{kind_id}/infobymodelid")
"""
    assert places(audit_text(text, "unnamed.py")) == [(5, "unknown-endpoint")]
