"""A job made by `akool api POST` of the very body a product command sends is found by that
product's `--reuse` (talking avatar, face swap, reage: bodies built from the inputs), as for the
other products: nothing is created or billed again (break17i I13).

Fails on akool before the fix: `--reuse` compared the product's inputs with the api job's
body-shaped inputs only, and made the job again (billed twice)."""

from __future__ import annotations

import json

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

E = "https://example.com"
PRODUCTS = {
    "talking-avatar": ["avatar", "SandboxAnna01", f"{E}/reuse-api.mp3"],
    "faceswap": ["faceswap", f"{E}/face.png", f"{E}/reuse-api.jpg"],
    "reage": ["reage", f"{E}/reuse-api.jpg", "--age", "20"],
}


@pytest.mark.parametrize("name", sorted(PRODUCTS))
def test_reuse_finds_the_job_an_api_create_of_its_body_made(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    product = PRODUCTS[name]
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "elsewhere"))  # only to learn the body
    invoke(product)
    sent = api_env.state.received[-1]
    body, path = json.loads(sent.body), sent.path.split("?")[0]
    monkeypatch.setenv("AKOOL_HOME", str(isolated.home))
    made = invoke(["api", "POST", path, "--input", "-"], input=json.dumps(body))
    assert json.loads(made.stdout)["code"] == 1000
    before = len(api_env.state.jobs)
    reused = invoke([*product, "--reuse"])
    assert "Reused job" in reused.stderr, reused.stderr
    assert len(api_env.state.jobs) == before  # nothing created or billed again
