from path_migrate import rewrite, check
import pytest


def test_rewrite():
    assert rewrite("https://openapi.akool.com/api/open/v3/content/video/status/123") == \
        "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=123"


def test_check():
    with pytest.raises(ValueError):
        check("https://openapi.akool.com/api/open/v3/content/video/status/1")


@pytest.mark.parametrize("path", ["/api/open/v3/photo/talking", "/api/open/v3/faceswap/highquality/detectface"])
def test_known_bad(path):
    assert path.startswith("/api/open")
