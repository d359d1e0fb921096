"""Pick a voice and an avatar for the bot (reads the list answers wrongly)."""

from .akool_api import akool_get, list_avatars, list_live_avatars, list_voices


def default_voice():
    data = list_voices()["data"]
    return data["voice_id"]


def voice_names():
    body = list_voices(voice_type=1)
    return [v["name"] for v in body["data"]]


def avatar_thumbnail():
    avatars = list_avatars()
    return avatars[0]["thumbnail"]


def live_avatar_ids():
    resp = list_live_avatars()
    return [a["avatar_id"] for a in resp["data"]]


def clone_voices():
    return akool_get("/v4/voice/list", {"page": 1, "size": 20})


def narrator():
    out = akool_get("/v4/voice/list", {"type": 2})
    return out["data"]["voice_id"]


def resources():
    return akool_get("/v4/voice/resource/list", params={"size": 10})


def english_voices():
    return akool_get("/v4/voice/list", {"type": 2, "language": "en"})


def female_voices():
    query = {"gender": "Female", "page": 1}
    return akool_get("/v4/voice/list", query)
