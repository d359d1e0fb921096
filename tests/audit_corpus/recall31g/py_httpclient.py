import http.client
import json
import os

HOST = "openapi.akool.com"
H = {"x-api-key": os.environ["AKOOL_API_KEY"], "Content-Type": "application/json"}

conn = http.client.HTTPSConnection(HOST)
conn.request("POST", "/api/open/v3/content/video/createbytalkingphoto", body=json.dumps({"talking_photo_url": "x", "audio_url": "y", "resolution": "720p"}), headers=H)
conn.getresponse().read()
payload = {"talking_photo_url": "x", "resolution": "720"}
conn.request("POST", "/api/open/v3/content/video/createbytalkingphoto", body=json.dumps(payload), headers=H)
conn.getresponse().read()
conn.request("GET", "/api/open/v3/content/video/infobymodelid?id=abc", headers=H)
out = json.loads(conn.getresponse().read())
conn.request("POST", "/api/open/v3/content/video/createbyphoto", body=json.dumps(payload), headers=H)
print(out["data"]["url"])
if out["data"]["video_status"] == 5:
    print("done")
if out["code"] != 200:
    print("failed")
