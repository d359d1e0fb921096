"""Where the SDK keeps AKOOL's bases: one root, one base per API version."""

API_ROOT = "https://openapi.akool.com/api/open"
V3 = API_ROOT + "/v3"
V4 = f"{API_ROOT}/v4"
