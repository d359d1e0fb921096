"""Print AKOOL's voices, a page at a time."""
import os

import requests

V4 = "https://openapi.akool.com/api/open/v4"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


class VoiceCatalog:
    def voices(self, page=1):
        r = requests.get(f"{V4}/voice/list", params={"type": 1, "page": page, "size": 100}, headers=HEADERS)
        return r.json()["data"]["result"]

    def show(self):
        for voice in self.voices():
            print(voice["name"], voice.get("sample_url") or voice.get("audio_url"))

    def languages(self):
        return sorted({v["lang"] for v in self.voices()})


def direct():
    r = requests.get(f"{V4}/voice/list", params={"type": 1, "page": 1, "size": 10}, headers=HEADERS)
    for item in r.json()["data"]["result"]:
        print(item["voice_id"], item["preview"])
