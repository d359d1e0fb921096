"""The same reads, as the docs give them: these must stay silent."""

from .akool_api import akool_get, list_avatars, list_live_avatars, list_voices


def default_voice():
    data = list_voices()["data"]
    return data["result"][0]["voice_id"]


def voice_names():
    body = list_voices(voice_type=1)
    return [v["name"] for v in body["data"]["result"]]


def voice_count():
    return list_voices()["data"]["count"]


def avatar_thumbnail():
    avatars = list_avatars()
    return avatars[0]["thumbnailUrl"]


def live_avatar_ids():
    resp = list_live_avatars()
    return [a["avatar_id"] for a in resp["data"]["result"]]


def clone_voices():
    return akool_get("/v4/voice/list", {"type": 1, "page": 1, "size": 20})


def narrator():
    out = akool_get("/v4/voice/list", {"type": 2, "gender": "Male"})
    return out["data"]["result"][0]["voice_id"]


def resources(kind):
    return akool_get("/v4/voice/resource/list", params={"type": kind, "size": 10})


def filtered(params):
    return akool_get("/v4/voice/list", params)


def female_voices():
    query = {"type": 2, "gender": "Female", "page": 1}
    return akool_get("/v4/voice/list", query)


def tuned_voices(kind):
    query = {"gender": "Female"}
    query["type"] = kind
    return akool_get("/v4/voice/list", query)
