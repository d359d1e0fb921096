import pytest

from akool_client import Akool, validate_base


def test_rejects_the_retired_host():
    with pytest.raises(ValueError, match="retired"):
        validate_base("https://api.akool.com/api/open/v3")


def test_rejects_in_constructor():
    with pytest.raises(ValueError):
        Akool(api_key="k", base_url="https://api.akool.com")


@pytest.mark.parametrize("base", ["https://api.akool.com", "http://openapi.akool.com"])
def test_bad_bases(base):
    with pytest.raises(ValueError):
        validate_base(base)
