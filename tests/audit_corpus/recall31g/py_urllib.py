import json
import os
import urllib.parse
import urllib.request

BASE = os.environ.get("AKOOL_BASE", "https://openapi.akool.com/api/open/v3")
H = {"x-api-key": os.environ["AKOOL_API_KEY"], "Content-Type": "application/json"}


def post(path, body):
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), headers=H, method="POST")
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)


urllib.request.urlopen(urllib.request.Request(BASE + "/content/video/createbytalkingphoto", data=json.dumps({"talking_photo_url": "x", "audio_url": "y", "resolution": "720p"}).encode(), headers=H))
body = {"talking_photo_url": "x", "resolution": "720"}
urllib.request.urlopen(urllib.request.Request(BASE + "/content/video/createbytalkingphoto", data=json.dumps(body).encode(), headers=H))
q = urllib.parse.urlencode({"id": "abc"})
with urllib.request.urlopen(urllib.request.Request(BASE + "/content/video/infobymodelid?" + q, headers=H)) as resp:
    out = json.load(resp)
post("/content/video/createbyphoto", body)
print(out["data"]["url"])
if out["data"]["video_status"] == 5:
    print("done")
if out["code"] != 200:
    print("failed")
