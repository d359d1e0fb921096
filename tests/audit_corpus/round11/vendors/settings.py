import os

API_BASE = os.environ.get("PAY_API_BASE", "")
APP_ID = os.environ.get("PAY_APP_ID", "")
