import pytest

from akool_client import Akool


def test_quota_on_the_old_host():
    # WRONG: this test calls the retired host (must be found)
    assert Akool(api_key="k", base_url="https://api.akool.com/api/open/v3").quota() > 0


def test_raises_on_bad_key():
    with pytest.raises(PermissionError):
        Akool(api_key="bad", base_url="https://openapi.akool.com/api/open/v3").quota()
    assert Akool(api_key="k", base_url="https://api.akool.com/api/open/v3").quota() >= 0
