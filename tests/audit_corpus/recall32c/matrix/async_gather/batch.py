"""Creates many face swaps at once with httpx and asyncio.gather."""

import asyncio
import os

import httpx

BASE = "https://openapi.akool.com/api/open/v3"


async def swap(client: httpx.AsyncClient, src: str, dst: str) -> str:
    r = await client.post("/faceswap/highquality/specifyimage", json={
        "sourceImage": [{"path": src, "opts": ""}],
        "targetImage": [{"path": dst, "opts": ""}],
        "modifyImage": dst,
        "face_enhance": True,
    })
    return r.json()["data"]["_id"]


async def main(pairs: list[tuple[str, str]]) -> list[str]:
    async with httpx.AsyncClient(base_url=BASE, headers={"x-api-key": os.environ["AKOOL_API_KEY"]}, timeout=60) as client:
        return await asyncio.gather(*(swap(client, s, d) for s, d in pairs))


if __name__ == "__main__":
    print(asyncio.run(main([("a.jpg", "b.jpg")])))
