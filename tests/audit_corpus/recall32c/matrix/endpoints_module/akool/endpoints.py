"""AKOOL's endpoints, in one place."""

BASE_URL = "https://openapi.akool.com/api/open/v3"
TALKING_PHOTO = "/content/video/createbytalkingphoto"
VIDEO_INFO = "/content/video/infobymodelid"
IMAGE_CREATE = "/content/image/createbyprompt"
IMAGE_INFO = "/content/image/infobymodelid"
FACESWAP_RESULTS = "/faceswap/result/listbyid"
