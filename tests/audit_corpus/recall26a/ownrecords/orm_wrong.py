import requests
from sqlalchemy.orm import Session

from app.db.tables import RenderRow

BASE = "https://openapi.akool.com/api/open/v3"


def refresh(db: Session, row_id: int, key: str) -> None:
    job = db.get(RenderRow, row_id)
    if job.video_status == 5:
        return
    d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": job.akool_id},
                     headers={"x-api-key": key}).json()["data"]
    if d["video_status"] == 5:
        job.video = d["video"]
