import os

from akoolsdk import Client

akool = Client(os.environ["AKOOL_API_KEY"])
square = akool.image("a red fox in the snow")
wide = akool.image("a red fox in the snow", scale="16:10")
print(square["data"]["_id"], wide["data"]["_id"])
