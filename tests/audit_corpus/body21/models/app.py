import os

import requests

from dtos import SessionCreate

V4 = "https://openapi.akool.com/api/open/v4"


def start(avatar):
    body = SessionCreate(avatar_id=avatar).model_dump(exclude_none=True)
    headers = {"x-api-key": os.environ["AKOOL_API_KEY"]}
    return requests.post(f"{V4}/liveAvatar/session/create", headers=headers, json=body).json()
