"""aiohttp client for video translation and lip sync."""
import aiohttp


class AkoolAsync:
    def __init__(self, session: aiohttp.ClientSession, key: str, base: str = "https://openapi.akool.com/api/open/v3"):
        self.s, self.key, self.base = session, key, base

    async def _post(self, path, **payload):
        async with self.s.post(f"{self.base}{path}", json=payload, headers={"x-api-key": self.key}) as r:
            r.raise_for_status()
            return await r.json()

    async def translate(self, url, lang):
        return await self._post("/content/video/createbytranslate", url=url, language=lang, caption_type="1")

    async def lipsync(self, video, audio):
        return await self._post("/content/video/lipSync", video_url=video, audio_url=audio)
