from typing import Literal, Optional

from pydantic import BaseModel


class SessionCreate(BaseModel):
    avatar_id: str
    scene_mode: Literal["meeting"] = "meeting"
    voice: Optional[str] = None
    duration: int = 600
