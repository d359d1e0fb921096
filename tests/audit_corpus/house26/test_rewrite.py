from app import normalise

def test_normalise():
    assert normalise("https://api.akool.com/api/open/v3/faceswap/quota/info") == \
        "https://openapi.akool.com/api/open/v3/faceswap/quota/info"
    assert normalise("https://api.akool.com/x") == "https://openapi.akool.com/x"
