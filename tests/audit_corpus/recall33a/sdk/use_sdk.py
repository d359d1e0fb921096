from akool_sdk import Akool

ak = Akool("k")
print(ak.image_info("abc")["image_url"])
info = ak.image_info("abc")
print(info["image"])
