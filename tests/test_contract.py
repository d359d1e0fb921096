"""The contract module against AKOOL's own OpenAPI files, and the sandbox's answers against both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from akool_cli.core import contract
from akool_cli.core.models import JobInfo
from akool_cli.net.api import AkoolClient
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from akool_cli.store.credentials import Credential
from tests.conftest import SHARED, Isolation
from tests.support.contract_check import check_received
from tests.support.generator import generator

OPENAPI_DIR = SHARED / "akool-openapi"
needs_openapi = pytest.mark.skipif(
    not OPENAPI_DIR.is_dir(), reason="../shared/akool-openapi is not beside this checkout"
)


def load(name: str) -> dict[str, Any]:
    import yaml

    return dict(yaml.safe_load((OPENAPI_DIR / name).read_text()))


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = generator().resolve(spec, node)
    return result


def validate(
    spec: dict[str, Any], schema: dict[str, Any], value: Any, where: str = "$"
) -> list[str]:
    """A small validator for the OpenAPI subset AKOOL's files use."""
    schema = resolve(spec, schema)
    problems = []
    kind = schema.get("type")
    python_types = {
        "object": dict,
        "string": str,
        "integer": int,
        "number": (int, float),
        "array": list,
        "boolean": bool,
    }
    if kind and not isinstance(value, python_types[kind]):  # type: ignore[arg-type]
        return [f"{where}: expected {kind}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if kind == "object":
        for name in schema.get("required", []):
            if name not in value:
                problems.append(f"{where}.{name}: required")
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                problems += validate(spec, sub, value[name], f"{where}.{name}")
    return problems


def operation(endpoint: contract.Endpoint) -> tuple[dict[str, Any], dict[str, Any]]:
    for name in ("talking-photo.yaml", "faceswap.yaml"):
        spec = load(name)
        path_item = spec["paths"].get(endpoint.path)
        if path_item and endpoint.method.lower() in path_item:
            return spec, path_item[endpoint.method.lower()]
    raise LookupError(endpoint.path)


IN_OPENAPI = [contract.CREATE_TALKING_PHOTO, contract.VIDEO_INFO, contract.CREDIT]


@needs_openapi
@pytest.mark.parametrize("endpoint", IN_OPENAPI, ids=lambda e: e.key)
def test_contract_endpoints_exist_in_akools_openapi(endpoint: contract.Endpoint) -> None:
    spec, op = operation(endpoint)
    if endpoint.body:
        schema = resolve(spec, op["requestBody"]["content"]["application/json"]["schema"])
        assert {f.name for f in endpoint.body} == set(schema["properties"])
        assert {f.name for f in endpoint.body if f.required} == set(schema["required"])
        for f in endpoint.body:
            assert f.type == schema["properties"][f.name]["type"]
            enum = schema["properties"][f.name].get("enum")
            assert (tuple(enum) if enum else None) == f.enum
    parameters = {p["name"]: p for p in op.get("parameters", [])}
    assert set(parameters) == {f.name for f in endpoint.query}
    for f in endpoint.query:
        assert parameters[f.name]["required"] == f.required


@needs_openapi
def test_both_auth_schemes_are_documented_and_authorization_wins() -> None:
    schemes = load("talking-photo.yaml")["components"]["securitySchemes"]
    assert schemes["ApiKeyAuth"]["name"] == "x-api-key" and schemes["ApiKeyAuth"]["in"] == "header"
    assert schemes["BearerAuth"]["scheme"] == "bearer"
    # Why akool never sends both: the files say Authorization is used and x-api-key discarded.
    assert "discarded" in schemes["ApiKeyAuth"]["description"]


@needs_openapi
def test_no_wrong_guess_appears_in_akools_openapi() -> None:
    paths = set(load("talking-photo.yaml")["paths"]) | set(load("faceswap.yaml")["paths"])
    for guess in contract.UNDOCUMENTED_PATHS:
        assert not any(p.startswith(guess.pattern.split("{")[0].rstrip("/")) for p in paths), guess


@needs_openapi
def test_get_token_is_documented_in_the_prose_only() -> None:
    # A recorded difference: getToken is in akool-api.md (authentication/usage) but in neither
    # OpenAPI file; the contract keeps it from the prose documentation.
    paths = set(load("talking-photo.yaml")["paths"]) | set(load("faceswap.yaml")["paths"])
    assert contract.GET_TOKEN.path not in paths


@needs_openapi
def test_openapi_examples_decode_with_the_client() -> None:
    spec = load("talking-photo.yaml")
    created = spec["paths"][contract.CREATE_TALKING_PHOTO.path]["post"]["responses"]["200"]
    info = spec["paths"][contract.VIDEO_INFO.path]["get"]["responses"]["200"]
    job = JobInfo.from_payload(created["content"]["application/json"]["example"]["data"])
    assert job.id == "64dd90f9f0b6684651e90d60" and job.state == "queued"
    # A recorded difference: the OpenAPI example of infobymodelid carries video translation
    # fields (audio_splits) that akool-api.md does not list; the client tolerates extra fields.
    example = info["content"]["application/json"]["example"]["data"]
    assert "audio_splits" in example
    assert JobInfo.from_payload(example).state == "processing"


@needs_openapi
def test_sandbox_answers_validate_against_akools_openapi(
    sandbox: Sandbox, isolated: Isolation
) -> None:
    credential = Credential("api_key", "test", api_key=SANDBOX_API_KEY)
    with AkoolClient(sandbox.base_url, credential, clock=isolated.clock) as client:
        created = client.create_talking_photo(
            "https://e.com/a.jpg", "https://e.com/a.mp3", prompt="p", resolution="720"
        )
        isolated.clock.advance(100)
        finished = client.video_info(created.id)
        credit = client.call(contract.CREDIT)
    talking = load("talking-photo.yaml")
    faceswap = load("faceswap.yaml")
    pairs = [
        (
            talking,
            contract.CREATE_TALKING_PHOTO,
            "post",
            {"code": 1000, "msg": "OK", "data": created.raw},
        ),
        (talking, contract.VIDEO_INFO, "get", {"code": 1000, "msg": "OK", "data": finished.raw}),
        (faceswap, contract.CREDIT, "get", {"code": 1000, "msg": "OK", "data": credit}),
    ]
    for spec, endpoint, method, payload in pairs:
        schema = spec["paths"][endpoint.path][method]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]
        assert validate(spec, schema, payload) == [], endpoint.key
    # Every field the documented create answer lists is present in the sandbox's.
    documented = resolve(talking, {"$ref": "#/components/schemas/TalkingPhotoResult"})
    assert set(documented["properties"]) <= set(created.raw)


def test_sandbox_error_answers_use_the_envelope(sandbox: Sandbox) -> None:
    import httpx2

    for headers in ({}, {"x-api-key": "wrong"}, {"Authorization": "Bearer nope"}):
        answer = httpx2.get(sandbox.base_url + contract.CREDIT.path, headers=headers)
        assert answer.status_code == 200
        body = answer.json()
        assert set(body) == {"code", "msg"} and isinstance(body["msg"], str)
    codes = [
        httpx2.get(sandbox.base_url + contract.CREDIT.path, headers=h).json()["code"]
        for h in ({}, {"x-api-key": "wrong"}, {"Authorization": "Bearer nope"})
    ]
    assert codes == [1102, 1109, 1101]
    unknown = httpx2.get(
        sandbox.base_url + contract.VIDEO_INFO.path,
        params={"video_model_id": "0" * 24},
        headers={"x-api-key": SANDBOX_API_KEY},
    ).json()
    assert unknown["code"] == 1008


def test_request_problems_catch_the_classic_mistakes() -> None:
    problems = contract.request_problems(
        contract.CREATE_TALKING_PHOTO,
        {"image_url": "https://x/a.jpg", "audio_url": "https://x/a.mp3", "webhook_url": "h"},
    )
    assert "image_url is not a documented field; use talking_photo_url" in problems
    assert "webhook_url is not a documented field; use webhookUrl" in problems
    assert "talking_photo_url is required" in problems
    bad_resolution = contract.request_problems(
        contract.CREATE_TALKING_PHOTO,
        {"talking_photo_url": "a", "audio_url": "b", "resolution": 720},
    )
    assert bad_resolution == ["resolution must be a string"]


def test_the_checker_itself_flags_a_wrong_request() -> None:
    from akool_cli.sandbox.state import ReceivedRequest

    bad = ReceivedRequest(
        method="POST",
        path="/photo/talking",
        query={},
        headers={"x-api-key": "k", "authorization": "Bearer t", "user-agent": "akool-cli/0"},
        body=json.dumps({"image_url": "x"}).encode(),
    )
    problems = check_received([bad])
    assert any("not a documented endpoint" in p for p in problems)
    both = ReceivedRequest(
        method="GET",
        path=contract.CREDIT.path,
        query={},
        headers={"x-api-key": "k", "authorization": "Bearer t", "user-agent": "akool-cli/0"},
        body=b"",
    )
    assert any("both" in p for p in check_received([both]))


def test_contract_module_imports_nothing_but_the_standard_library() -> None:
    source = Path(contract.__file__).read_text()
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert all(
        line.startswith(("from __future__", "from dataclasses", "from typing")) for line in imports
    ), imports
