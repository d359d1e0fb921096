from . import akool
from .akool import akool_client, list_sessions


def voice_ids():
    data = akool_client.voices()
    return [v["voice_id"] for v in data]


def first_voice_name():
    items = akool_client.voice_items()
    return items[0]["voice_name"]


async def session_ids():
    body = await list_sessions()
    return [s["session_id"] for s in body["data"]["result"]]


async def session_state():
    body = await akool.list_sessions()
    return body["data"]["status"]


def preview_urls():
    for v in akool_client.voice_items():
        print(v["voice_url"])


# Right: as the docs give them.
def voice_ids_right():
    data = akool_client.voices()
    return [v["voice_id"] for v in data["result"]]


def first_voice_name_right():
    items = akool_client.voice_items()
    return items[0]["name"]


async def session_state_right():
    body = await akool.list_sessions()
    return body["data"]["result"][0]["status"]


def preview_urls_right():
    for v in akool_client.voice_items():
        print(v["preview"])
