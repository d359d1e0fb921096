"""AKOOL head swap through the gateway the deployment sets (AKOOL_BASE_URL)."""

import os

import httpx

AKOOL_BASE_URL = os.environ["AKOOL_BASE_URL"]
AKOOL_HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


async def akool_headswap_status(client: httpx.AsyncClient, task_id: str):
    r = await client.get(f"{AKOOL_BASE_URL}/v4/headswap/task/status", params={"task_id": task_id}, headers=AKOOL_HEADERS)
    return r.json()


async def akool_own_metrics(client: httpx.AsyncClient, origin: str):
    return await client.get(f"{origin}/api/faceswap/metrics")
