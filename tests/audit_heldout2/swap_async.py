"""Async face swap jobs (httpx) with tenacity retries."""

import asyncio
import os

import httpx
from tenacity import retry, stop_after_attempt, wait_exponential

AKOOL_BASE = "https://openapi.akool.com/api/open/v3"


class FaceSwapper:
    def __init__(self, key: str | None = None):
        self._client = httpx.AsyncClient(
            base_url=AKOOL_BASE,
            headers={"x-api-key": key or os.environ["AKOOL_API_KEY"]},
            timeout=httpx.Timeout(60.0),
        )

    @retry(stop=stop_after_attempt(4), wait=wait_exponential(multiplier=1, max=20))
    async def swap_image(self, source: str, target: str, image: str) -> str:
        resp = await self._client.post(
            "/faceswap/highquality/specifyimage",
            json={
                "sourceImage": [{"path": source, "opts": ""}],
                "targetImage": [{"path": target, "opts": ""}],
                "faceEnhance": 1,
                "modifyImage": image,
            },
        )
        resp.raise_for_status()
        return resp.json()["data"]["_id"]

    @retry(stop=stop_after_attempt(4), wait=wait_exponential(multiplier=1, max=20))
    async def swap_video(self, source: str, target: str, video: str, hook: str) -> str:
        resp = await self._client.post(
            "/faceswap/highquality/specifyvideo",
            json={
                "sourceImage": [{"path": source, "opts": ""}],
                "targetImage": [{"path": target, "opts": ""}],
                "face_enhance": 1,
                "modifyVideo": video,
                "webhook": hook,
            },
        )
        resp.raise_for_status()
        return resp.json()["data"]["_id"]

    async def results(self, ids: list[str]) -> list[dict]:
        resp = await self._client.get("/faceswap/result/listbyids", params={"_ids": ",".join(ids)})
        return resp.json()["data"]["result"]

    async def close(self) -> None:
        await self._client.aclose()


async def main() -> None:
    swapper = FaceSwapper()
    job = await swapper.swap_image("https://cdn.example.com/a.jpg", "https://cdn.example.com/b.jpg", "https://cdn.example.com/c.jpg")
    print(await swapper.results([job]))
    await swapper.close()


if __name__ == "__main__":
    asyncio.run(main())
