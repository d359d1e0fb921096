"""Calls of AKOOL's API written from memory: every guess names the documented call."""

import os

import requests

API = "https://openapi.akool.com/api/open"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def voices():
    return requests.get(f"{API}/v4/voices", headers=H).json()


def avatars():
    return requests.get(f"{API}/v3/avatars", headers=H).json()


def languages():
    return requests.get(f"{API}/v3/translation/languages", headers=H).json()


def token(client_id, secret):
    return requests.post(f"{API}/v3/token", json={"clientId": client_id, "clientSecret": secret}).json()


def credit():
    return requests.get(f"{API}/v3/user/credit", headers=H).json()


def speak(text, voice):
    return requests.post(f"{API}/v4/voice/tts/create", json={"input_text": text, "voice_id": voice}, headers=H).json()


def session(avatar):
    return requests.post(f"{API}/v4/liveAvatar/session/start", json={"avatar_id": avatar}, headers=H).json()


def detect(url):
    return requests.post(f"{API}/v3/face/detect", json={"url": url}, headers=H).json()


def avatar_video(body):
    return requests.post(f"{API}/v3/video/create", json=body, headers=H).json()
