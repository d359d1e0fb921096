import os
from enum import IntEnum

import requests
from django.db import models

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


class RenderState(IntEnum):
    QUEUED = 1
    PROCESSING = 2
    COMPLETED = 3
    FAILED = 4
    PUBLISHED = 5  # ours: uploaded to the CDN


class Render(models.Model):
    akool_id = models.CharField(max_length=64)
    video_status = models.IntegerField(default=RenderState.QUEUED)
    url = models.URLField(blank=True)


def refresh(render: Render) -> None:
    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": render.akool_id}, headers=H).json()
    render.video_status = j["data"]["video_status"]
    render.url = j["data"]["video"]
    render.save()


def publishable(render: Render) -> bool:
    if render.video_status == RenderState.PUBLISHED:
        return False
    return render.video_status == RenderState.COMPLETED


def mark_published(render: Render) -> None:
    if render.video_status == 5:
        return
    render.video_status = 5
    render.save()
