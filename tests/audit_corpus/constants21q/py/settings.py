"""Where the service lives."""
BASE = "https://openapi.akool.com"
