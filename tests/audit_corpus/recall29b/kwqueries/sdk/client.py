from ._transport import Transport


class AkoolClient:
    def __init__(self, api_key: str):
        self.t = Transport(api_key)

    def talking_photo(self, photo: str, audio: str, resolution: str = "1080") -> str:
        out = self.t.post("/api/open/v3/content/video/createbytalkingphoto",
                          {"talking_photo_url": photo, "audio_url": audio, "resolution": resolution})
        return out["data"]["_id"]

    def video(self, video_id: str) -> dict:
        return self.t.get("/api/open/v3/content/video/infobymodelid", video_model_id=video_id)["data"]

    def image(self, prompt: str, scale: str = "1:1") -> str:
        return self.t.post("/api/open/v3/content/image/createbyprompt", {"prompt": prompt, "scale": scale})["data"]["_id"]

    def upscale(self, image_id: str, index: int) -> str:
        return self.t.post("/api/open/v3/content/image/createbybutton", {"_id": image_id, "button": f"U{index}"})["data"]["_id"]

    def voices(self) -> list:
        return self.t.get("/api/open/v4/voice/list", page=1, size=100)["data"]["result"]

