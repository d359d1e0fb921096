# WRONG: AKOOL gives no video_status 5 (must be found)
import requests
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from renders.models import Render

AKOOL = "https://openapi.akool.com/api/open/v3"


def start(request, pk):
    render = get_object_or_404(Render, pk=pk)
    res = requests.post(
        f"{AKOOL}/content/video/createbytalkingphoto",
        headers={"x-api-key": settings.AKOOL_KEY},
        json={"talking_photo_url": render.photo_url, "audio_url": render.audio_url},
    )
    render.task_id = res.json()["data"]["_id"]
    render.save()
    return JsonResponse({"ok": True})


def poll(request, pk):
    render = get_object_or_404(Render, pk=pk)
    if render.video_status == 5:
        return JsonResponse({"state": "finished"})
    if render.status == "done":
        return JsonResponse({"state": "done"})
    res = requests.get(
        f"{AKOOL}/content/video/infobymodelid",
        params={"video_model_id": render.task_id},
        headers={"x-api-key": settings.AKOOL_KEY},
    )
    data = res.json()["data"]
    if data["video_status"] == 5:
        render.video_url = data["video"]
        render.save()
    return JsonResponse({"state": data["video_status"]})
