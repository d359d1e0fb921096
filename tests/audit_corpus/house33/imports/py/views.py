import requests
from django.conf import settings


def credit(key):
    return requests.get(settings.AKOOL_BASE_URL + "/faceswap/quota/infos", headers={"x-api-key": key}).json()
