"""Face swap over a folder of photos; the photos and the answers are files next to this script."""
import os
import tempfile
from pathlib import Path

import requests

API = "https://openapi.akool.com/api/open/v3"
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = Path(__file__).resolve().parent / "data"
SCRATCH = tempfile.mkdtemp()
ANSWERS = f"{HERE}/faceswap/answers"


def swap(source_url, target_url):
    body = {
        "sourceImage": [{"path": source_url, "opts": ""}],
        "targetImage": [{"path": target_url, "opts": ""}],
        "face_enhance": 1,
        "modifyImage": target_url,
    }
    r = requests.post(f"{API}/faceswap/highquality/specifyimage", json=body)
    with open(f"{ANSWERS}/faceswap/result/latest", "w") as fh:
        fh.write(r.text)
    Path(f"{DATA}/content/image/done").touch()
    os.makedirs(f"{SCRATCH}/content/video/frames", exist_ok=True)
    return r.json()


def status(task_id):
    return requests.get(f"{API}/faceswap/result/{task_id}").json()
