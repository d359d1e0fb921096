"""One create, one identity, however it is sent (issue 17, break17g G15 and break17f F18/F22/F23).

A product command (talking avatar, face swap, reage, head swap) builds the body it sends from its
inputs; `akool api POST` sends a body as written. AKOOL bills the bytes it receives, so an unknown
outcome of either must stop the other from sending those bytes again, whichever came first.

Each test fails on akool before its fix: the api create after a product create killed mid-send
was sent and billed again."""

from __future__ import annotations

import json

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle import lose_answer_once, settle_command

E = "https://example.com"
PRODUCTS = [
    ["avatar", "SandboxAnna01", f"{E}/one-id.mp3"],
    ["faceswap", f"{E}/face.png", f"{E}/one-id.jpg"],
    ["reage", f"{E}/one-id.jpg", "--age", "5"],
    ["headswap", f"{E}/one-id.mp4", "--face", f"{E}/face.png"],
]
IDS = ["talking-avatar", "faceswap", "reage", "headswap"]


@pytest.mark.parametrize("product", PRODUCTS, ids=IDS)
def test_an_api_create_of_the_bytes_an_unanswered_product_create_sent_is_refused(
    api_env: Sandbox, isolated: Isolation, product: list[str]
) -> None:
    """break17g G15, product first: the product's attempt was recorded by its own inputs only,
    so `akool api POST` of the very body it sent found nothing in doubt and billed it again."""
    made = lose_answer_once(api_env, "create_job")
    lost = invoke(product, expect=5)
    _, settle = settle_command(" ".join(lost.stderr.split()))
    sent = api_env.state.received[-1]
    body, path = json.loads(sent.body), sent.path.split("?")[0]
    refused = invoke(["api", "POST", path, "--input", "-"], input=json.dumps(body), expect=5)
    assert settle in " ".join(refused.stderr.split()), refused.stderr
    assert api_env.state.received[-1] is sent  # nothing sent again
    assert len(made) == 1  # the lost one only: nothing billed twice
    # A body that differs (another image, another face) is another request: it is created.
    text = json.dumps(body)
    other = text.replace(*(("face.png", "f2.png") if "face.png" in text else ("one-id", "two")))
    done = invoke(["api", "POST", path, "--input", "-"], input=other)
    assert json.loads(done.stdout)["code"] == 1000 and len(api_env.state.jobs) == 2
