"""A tiny AKOOL SDK."""

DEFAULT_BASE_URL = "https://openapi.akool.com/api/open/v3"
__version__ = "0.1.0"
