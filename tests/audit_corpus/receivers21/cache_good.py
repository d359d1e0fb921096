import queue
import requests
from collections import defaultdict

TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
INFO_URL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
_cache = {}
hits = defaultdict(int)
q = queue.Queue()


def talk(photo, audio):
    if _cache.get(TALK_URL):
        return _cache[TALK_URL]
    r = requests.post(TALK_URL, json={"talking_photo_url": photo, "audio_url": audio})
    metrics.get(TALK_URL).inc()
    hits.get(TALK_URL)
    q.put(INFO_URL)
    _cache.setdefault(TALK_URL, r.json()["data"]["_id"])
    return r.json()["data"]["_id"]
