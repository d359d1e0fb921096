import json, requests
BASE = "https://openapi.akool.com/api/open/v3"

def f1(p, a, db):
    r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"talking_photo_url": p, "audio_url": a})
    job = r.json()["data"]["_id"]
    print("created", r.json()["data"]["task_id"])
    r, meta = db.fetch(job)
    return r["data"]["status"]

def f2(p, a, rows):
    r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"talking_photo_url": p, "audio_url": a})
    statuses = [r["data"]["status"] for r in rows]
    print("queued", r.json()["data"]["task_id"])
    for r in rows:
        print(r["data"]["status"])
    return r["data"]["task_id"]

def f4(p, a, q):
    r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"talking_photo_url": p, "audio_url": a})
    done = list(map(lambda r: r.json()["data"]["task_id"], q))
    print("started", r.json()["data"]["task_id"])
    if (r := q.get()) is not None:
        return r["data"]["status"]
