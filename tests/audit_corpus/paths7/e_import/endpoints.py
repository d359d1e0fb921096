"""Every AKOOL path the worker calls, in one place."""
CREATE_IMAGE = "/content/image/createbyprompt"
IMAGE_STATUS = "/content/image/status"
UPSCALE = "/content/image/upscale"
