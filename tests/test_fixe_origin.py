"""Break-it 17i I14: an upscale or variation of an image made on another server is refused before
anything is sent, naming the server that made it (AKOOL answered 1008 there, with a hint to check
that the image is done, which `akool status` showed it was)."""

# ruff: noqa: F811 (listener is test_key_destinations' fixture: another server, the same key)
from __future__ import annotations

import pytest

import akool_cli
from akool_cli.core.errors import UsageError
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.sandboxes import point_at
from tests.test_key_destinations import listener  # noqa: F401  (a fixture)

BUTTON = "create_image_button"


def test_an_upscale_of_another_servers_image_names_that_server(
    api_env: Sandbox,
    listener: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    image = invoke(["image", "--prompt", "xs base", "--wait", "-q"]).stdout.strip()
    point_at(listener, monkeypatch)
    refused = invoke(["image", "upscale", image, "U1"], expect=2)
    assert f"image {image} was made on {api_env.base_url}" in refused.stderr, refused.stderr
    assert f"akool --base-url {api_env.base_url} image upscale {image} U1" in refused.stderr
    assert "check that the image is done" not in refused.stderr
    assert listener.state.requests.get(BUTTON, 0) == 0
    varied = invoke(["image", "variation", image, "V2", "--json"], expect=2)
    assert f"image variation {image} V2" in varied.stdout
    with akool_cli.Client() as client, pytest.raises(UsageError) as raised:
        client.upscale(image, 3)
    assert api_env.base_url in raised.value.message and "base_url=" in (raised.value.hint or "")
    assert listener.state.requests.get(BUTTON, 0) == 0
    # On its own server it is made as before.
    point_at(api_env, monkeypatch)
    invoke(["image", "upscale", image, "U1"])
    assert api_env.state.requests.get(BUTTON, 0) == 1


def test_an_upscale_of_another_profiles_image_names_that_profile(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Break-it 17k K15: the same server, another profile: the hint names `--profile default`
    (following a hint naming only the server it is already on printed the same error)."""
    image = invoke(["image", "--prompt", "xs base", "--wait", "-q"]).stdout.strip()
    monkeypatch.setenv("AKOOL_PROFILE", "other")
    refused = invoke(["image", "upscale", image, "U1"], expect=2)
    assert "--profile default" in refused.stderr, refused.stderr
    assert api_env.state.requests.get(BUTTON, 0) == 0
    with akool_cli.Client() as client, pytest.raises(UsageError) as raised:
        client.upscale(image, 3)
    assert "profile='default'" in (raised.value.hint or ""), raised.value.hint
    hinted = refused.stderr.split("run it there: akool ", 1)[1].split(" (from", 1)[0].split()
    invoke(hinted)  # followed, the hint does it (AKOOL_PROFILE still set)
    assert api_env.state.requests.get(BUTTON, 0) == 1
