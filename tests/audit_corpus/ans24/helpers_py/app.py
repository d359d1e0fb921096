from pkg.image import get_status
from pkg.video import get_status as video_status


def done(i, v):
    img = get_status(i)
    vid = video_status(v)
    return img["image_status"] == 3 and vid["status"] == 3
