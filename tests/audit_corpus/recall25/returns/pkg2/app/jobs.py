from app.akool import AkoolClient


def picture(key: str, iid: str) -> str | None:
    c = AkoolClient(key)
    info = c.image_info(iid)
    return info["image"] if info["status"] == 3 else None


def picture_ok(key: str, iid: str) -> str | None:
    c = AkoolClient(key)
    info = c.image_info(iid)
    return info["image"] if info["image_status"] == 3 else None
