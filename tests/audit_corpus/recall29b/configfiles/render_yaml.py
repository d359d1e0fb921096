import os
import requests
import yaml

cfg = yaml.safe_load(open(os.path.join(os.path.dirname(__file__), "config.yaml")))
HOST = cfg["akool"]["host"]
r = requests.post(HOST + "/api/open/v3/content/video/createbytalkingphoto", json={
    "talking_photo_url": "p",
    "audio": "a",
})
