import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import engine
from app.tables import Render

API = "https://openapi.akool.com/api/open/v3"


def pending(session: Session) -> list[Render]:
    return list(session.scalars(select(Render).where(Render.video_status == 5)))


def refresh(session: Session, key: str) -> None:
    for render in session.scalars(select(Render).where(Render.video_status != 3)):
        r = httpx.get(f"{API}/content/video/infobymodelid", params={"video_model_id": render.task_id},
                      headers={"x-api-key": key})
        info = r.json()["data"]
        render.video_status = info["video_status"]
    session.commit()


def finished(session: Session) -> list[Render]:
    rows = session.scalars(select(Render).filter_by(status="done")).all()
    return [row for row in rows if row.video_status == 5]
