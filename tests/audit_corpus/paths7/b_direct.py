import os, requests, tempfile
API = "https://openapi.akool.com/api/open/v3"
open(f"{os.getcwd()}/content/video/x")
open(os.path.expanduser("~") + "/content/video/y")
open(tempfile.gettempdir() + "/faceswap/result/z")
requests.get(f"{API}/voice/list")
