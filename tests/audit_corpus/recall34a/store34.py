"""Swap a face with AKOOL and keep the job in Supabase."""
import os

import requests

SUPABASE = "https://demo.supabase.co/rest/v1/jobs"
SB_HEADERS = {"apikey": os.environ["SUPABASE_KEY"], "Authorization": f"Bearer {os.environ['SUPABASE_KEY']}"}
AKOOL = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def quota() -> dict:
    return requests.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info", headers=AKOOL).json()


def save(job: dict) -> None:
    requests.post(SUPABASE, headers=SB_HEADERS, json=job, timeout=30)
