from akool_client import AkoolClient

client = AkoolClient()


def pick_voice(locale):
    voices = client.list_voices()
    for voice in voices["data"]["result"]:
        if voice["lang_code"] == locale:
            return voice["voice_id"]
    return None


def first_voice():
    voices = client.list_voices(voice_type=1)
    return voices["data"]["voice_id"]


def languages():
    langs = client.list_languages()
    return [lang["code"] for lang in langs["lang_list"]]


def all_languages():
    return [lang["lang_code"] for lang in client.list_languages()]


def live_sessions():
    return client.get("/v4/liveAvatar/session/list", {"page": 1, "state": 1})


def voice_clones():
    return client.get("/v4/voice/list", params={"page": 1})


# Right: as the docs give them.
def pick_voice_right(locale):
    voices = client.list_voices()
    for voice in voices["data"]["result"]:
        if voice["locale"] == locale:
            return voice["voice_id"]
    return None


def languages_right():
    langs = client.list_languages()
    return [lang["lang_code"] for lang in langs["lang_list"]]


def live_sessions_right():
    return client.get("/v4/liveAvatar/session/list", {"page": 1, "status": 1})
