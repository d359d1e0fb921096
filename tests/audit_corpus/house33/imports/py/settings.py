AKOOL_BASE_URL = "https://openapi.akool.com/api/open/v3"
