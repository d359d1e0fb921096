import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.tables import Render

API = "https://openapi.akool.com/api/open/v3"


def pending(session: Session) -> list[Render]:
    return list(session.scalars(select(Render).where(Render.video_status == 5)))


def first_failed(session: Session):
    render = session.scalars(select(Render).where(Render.id > 0)).first()
    if render.video_status == 5:
        return render
    return None


def check(key: str, task_id: str) -> bool:
    r = httpx.get(f"{API}/content/video/infobymodelid", params={"video_model_id": task_id},
                  headers={"x-api-key": key})
    return r.json()["data"]["video_status"] == 3
