import sqlite3

import requests

API = "https://openapi.akool.com/api/open/v3"


def poll(conn: sqlite3.Connection, rid: int, key: str):
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT * FROM renders WHERE id = ?", (rid,)).fetchone()
    if row["video_status"] == 5:
        return None
    r = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": row["task_id"]},
                     headers={"x-api-key": key})
    return r.json()["data"]["video_status"]
