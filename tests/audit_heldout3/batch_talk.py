"""Render a CSV of (photo, audio) rows as talking photos."""
import csv
import os
import sys

import requests

URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
HOOK = os.environ.get("HOOK_URL", "https://example.org/hooks/akool")
session = requests.Session()
session.headers["x-api-key"] = os.environ["AKOOL_API_KEY"]

ids = []
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        r = session.post(URL, json={"talking_photo_url": row["photo"], "audio_url": row["audio"], "webhookURL": HOOK})
        r.raise_for_status()
        ids.append(r.json()["data"]["_id"])
print("\n".join(ids))
