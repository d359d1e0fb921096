"""Offer the buttons AKOOL lists for a generated image, then upscale the one picked."""
import os

import requests

API = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def menu(image_id: str) -> list[str]:
    d = requests.get(f"{API}/content/image/infobymodelid", params={"image_model_id": image_id}, headers=H).json()["data"]
    if d["image_status"] != 3:
        return []
    return list(d.get("display_buttons", [])) + list(d.get("button_list", []))
