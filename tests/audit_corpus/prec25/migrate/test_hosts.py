from app.client import BASE


def test_base_is_not_the_retired_host():
    assert "api.akool.com" not in BASE.replace("openapi.akool.com", "")
    assert not BASE.startswith("https://api.akool.com")
