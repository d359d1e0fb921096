import requests
CDN = "https://cdn.akool.com"
API = "https://api.akool.com"
requests.get(f"{CDN}/static/logo.png")
requests.get(f"{CDN}/videos")
requests.get(f"{API}/videos")
