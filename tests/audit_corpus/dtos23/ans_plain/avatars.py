import requests
from pydantic import BaseModel


class Avatar(BaseModel):
    avatar_id: str
    avatar_url: str
    name: str


class AvatarList(BaseModel):
    code: int
    data: list[Avatar]


def avatars() -> AvatarList:
    r = requests.get("https://openapi.akool.com/api/open/v3/avatar/list", headers={"x-api-key": "k"})
    return AvatarList.model_validate(r.json())
