import requests
from django.db import transaction

from media.models import Render

API = "https://openapi.akool.com/api/open/v3"


def pending_ids():
    return [r.pk for r in Render.objects.filter(video_status=5)]


def refresh(key):
    render = Render.objects.filter(video_status__in=[1, 2]).first()
    if render is None or render.video_status == 5:
        return
    r = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": render.task_id},
                     headers={"x-api-key": key}).json()
    with transaction.atomic():
        render.video_status = r["data"]["video_status"]
        render.save()
