"""The image, face and voice products against AKOOL's own documentation: the contract's fields are
the OpenAPI files' and the pages' tables, the pages' examples pass akool's checks and decode with
its kinds, and the sandbox answers in the documented shapes."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from akool_cli.core import contract, faces, kinds, media_kinds
from akool_cli.net.api import AkoolClient
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox import media_products as sandbox_media
from akool_cli.sandbox.state import SANDBOX_API_KEY
from akool_cli.store.credentials import Credential
from tests.conftest import SHARED, Isolation

DOCS = SHARED / "akool-docs"
OPENAPI = DOCS / "openapi"
needs_docs = pytest.mark.skipif(
    not DOCS.is_dir(), reason="../shared/akool-docs is not beside this checkout"
)


def load(name: str) -> dict[str, Any]:
    import yaml

    return dict(yaml.safe_load((OPENAPI / name).read_text(encoding="utf-8")))


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        for part in node["$ref"].removeprefix("#/").split("/"):
            spec = spec[part]
        node = spec if isinstance(spec, dict) else {}
    return node


def validate(
    spec: dict[str, Any], schema: dict[str, Any], value: Any, where: str = "$"
) -> list[str]:
    """The OpenAPI subset AKOOL's files use: types, required, enums, items, nullable, allOf,
    additionalProperties."""
    schema = resolve(spec, schema)
    if "allOf" in schema:
        return [p for part in schema["allOf"] for p in validate(spec, part, value, where)]
    if value is None and schema.get("nullable"):
        return []
    types = {
        "object": dict,
        "string": str,
        "integer": int,
        "number": (int, float),
        "array": list,
        "boolean": bool,
    }
    kind = schema.get("type")
    if kind and not isinstance(value, types[kind]):  # type: ignore[arg-type]
        return [f"{where}: expected {kind}, got {type(value).__name__}"]
    problems = []
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict):
        problems += [f"{where}.{n}: required" for n in schema.get("required", []) if n not in value]
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                problems += validate(spec, sub, value[name], f"{where}.{name}")
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for name, item in value.items():
                problems += validate(spec, extra, item, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for n, item in enumerate(value):
            problems += validate(spec, schema["items"], item, f"{where}[{n}]")
    return problems


def request_schema(spec: dict[str, Any], path: str) -> dict[str, Any]:
    operation = spec["paths"][path]["post"]
    return resolve(spec, operation["requestBody"]["content"]["application/json"]["schema"])


def answer_schema(spec: dict[str, Any], path: str, method: str = "post") -> dict[str, Any]:
    answer = spec["paths"][path][method]["responses"]["200"]["content"]["application/json"]
    return dict(answer["schema"])


def page_json(page: str) -> list[Any]:
    """The JSON blocks of one of AKOOL's pages (comments after // dropped), in order."""
    text = (DOCS / f"{page}.mdx").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```json\n(.*?)```", text, re.S):
        lines = [re.sub(r"\s//.*$", "", line) for line in block.splitlines()]
        try:
            found.append(json.loads("\n".join(lines)))
        except ValueError:
            continue  # a few examples are not valid JSON (noted in the spec)
    return found


# -- face swap ------------------------------------------------------------------------------------

IN_FACESWAP_YAML = [
    contract.FACESWAP_PRO,
    contract.FACESWAP_PLUS,
    contract.FACESWAP_VIDEO,
    contract.FACESWAP_DELETE,
]


@needs_docs
@pytest.mark.parametrize("endpoint", IN_FACESWAP_YAML, ids=lambda e: e.key)
def test_face_swap_fields_are_the_openapi_files(endpoint: contract.Endpoint) -> None:
    spec = load("faceswap.yaml")
    schema = request_schema(spec, endpoint.path)
    ours = {f.name: f for f in endpoint.body}
    assert set(ours) == set(schema["properties"])
    assert {n for n, f in ours.items() if f.required} == set(schema.get("required", []))
    for name, prop in schema["properties"].items():
        assert ours[name].type == prop["type"], name
        enum = prop.get("enum")
        assert ours[name].enum == (tuple(str(v) for v in enum) if enum else None), name


@needs_docs
def test_listbyids_takes_ids_joined_by_commas_in_the_query() -> None:
    spec = load("faceswap.yaml")
    [parameter] = spec["paths"][contract.FACESWAP_RESULTS.path]["get"]["parameters"]
    assert (parameter["name"], parameter["in"], parameter["required"]) == ("_ids", "query", True)
    assert "separated by commas" in parameter["description"]
    call = media_kinds.FACESWAP.status
    assert call.many and call.where(["a", "b"]) == ({"_ids": "a,b"}, {}, {})


@needs_docs
def test_the_pages_face_swap_examples_pass_akools_and_the_sandboxs_checks() -> None:
    spec = load("faceswap.yaml")
    examples = [
        (contract.FACESWAP_PRO, body)
        for body in page_json("ai-tools-suite/faceswap/image-faceswap-v4")
    ]
    examples += [
        (contract.FACESWAP_PLUS, body)
        for body in page_json("ai-tools-suite/faceswap/faceswap-plus")
        if "source_url" in body
    ]
    video = spec["paths"][contract.FACESWAP_VIDEO.path]["post"]["requestBody"]["content"]
    examples.append((contract.FACESWAP_VIDEO, video["application/json"]["example"]))
    assert len(examples) >= 8
    for endpoint, body in examples:
        assert contract.request_problems(endpoint, body) == [], body
        kind = next(k for k in kinds.KINDS.values() if k.create == endpoint)
        assert sandbox_media.request_problems(kind, body) == [], body
    # The rule the Pro page states: opts on every item once either side holds more than one.
    [*_, batch] = [b for e, b in examples if e == contract.FACESWAP_PRO]
    del batch["targetImage"][1]["opts"]
    assert sandbox_media.request_problems(media_kinds.FACESWAP, batch) == [
        "targetImage[1].opts is required"
    ]


@needs_docs
def test_the_documented_answers_decode_with_the_face_swap_kinds() -> None:
    spec = load("faceswap.yaml")
    v4 = spec["paths"][contract.FACESWAP_PRO.path]["post"]["responses"]["200"]["content"]
    created = media_kinds.FACESWAP.parse_created(v4["application/json"]["example"]["data"])
    assert (created.id, created.state, created.outputs) == (
        "6593c94c0ef703e8c055e3c8",
        "queued",
        {"job_id": "20240102082900592-5653"},
    )
    v3 = spec["paths"]["/api/open/v3/faceswap/highquality/specifyimage"]
    example = v3["post"]["responses"]["200"]["content"]["application/json"]["example"]["data"]
    announced = media_kinds.FACESWAP_VIDEO.parse_created(example)
    assert announced.video_url == ""  # the URL a v3 create announces is not a result yet
    # The only documented listbyids answer is on the reage page; get-result.mdx names the states.
    [listed] = [b for b in page_json("ai-tools-suite/reage") if "result" in b.get("data", {})]
    states = (DOCS / "ai-tools-suite" / "faceswap" / "get-result.mdx").read_text()
    assert "| 1 | In Queue |" in states and "| 4 | Failed |" in states
    item = listed["data"]["result"][0]
    job = media_kinds.REAGE.pick(listed["data"], [item["_id"]])[item["_id"]]
    assert job.video_status == item["faceswap_status"] and job.video_url == item["url"]


@needs_docs
def test_face_detection_examples_give_what_the_pages_say_to_send() -> None:
    spec = load("face-detection.yaml")
    examples = answer_schema(spec, "/detect_faces")
    crops = spec["paths"]["/detect_faces"]["post"]["responses"]["200"]["content"]
    answers = [e["value"] for e in crops["application/json"]["examples"].values()]
    with_crops = next(a for a in answers if a["faces_obj"]["0"].get("face_urls"))
    [face] = faces.read_faces(with_crops)
    frame = with_crops["faces_obj"]["0"]
    # detect-faces.mdx: {"path": face_urls[0], "opts": crop_landmarks[0]} for Face Swap Pro.
    assert faces.items([face], "crop_landmarks") == [
        {"path": frame["face_urls"][0], "opts": frame["crop_landmarks"][0]}
    ]
    assert faces.items([face], "landmarks_str")[0]["opts"] == frame["landmarks_str"][0]
    # faceswap-plus.mdx: bbox = [x, y, x + width, y + height] of crop_region.
    x, y, w, h = frame["crop_region"][0]
    assert face.bbox() == [x, y, x + w, y + h]
    assert examples  # the schema exists


@needs_docs
def test_the_sandboxs_face_swap_answers_validate_against_the_openapi_files(
    sandbox: Sandbox, isolated: Isolation
) -> None:
    swap = load("faceswap.yaml")
    detect = load("face-detection.yaml")
    credential = Credential("api_key", "test", api_key=SANDBOX_API_KEY)
    with AkoolClient(sandbox.base_url, credential, clock=isolated.clock) as client:
        found = client._detect({"url": "https://e.com/twofaces.jpg", "return_face_url": True})
        video = client._detect({"url": "https://e.com/twofaces.mp4", "num_frames": 3})
        body = {
            "sourceImage": faces.items(faces.read_faces(found), "crop_landmarks"),
            "targetImage": faces.items(faces.read_faces(found), "crop_landmarks"),
        }
        created = client.call(contract.FACESWAP_PRO, body=body)
        isolated.clock.advance(100)
        listed = client.call(contract.FACESWAP_RESULTS, query={"_ids": created["_id"]})
        deleted = client.raw_call(
            "POST", contract.FACESWAP_DELETE.path, body={"_ids": created["_id"]}
        )
    schema = answer_schema(detect, "/detect_faces")
    assert validate(detect, schema, found) == [] and validate(detect, schema, video) == []
    assert len(video["faces_obj"]) == 3 and video["faces_obj"]["2"]["frame_time"] == 1.0
    assert found["faces_obj"]["0"]["face_urls"] and video["faces_obj"]["0"]["face_urls"] is None
    envelope = {"code": 1000, "msg": "OK"}
    pairs = [
        (answer_schema(swap, contract.FACESWAP_PRO.path), {**envelope, "data": created}),
        (
            answer_schema(swap, contract.FACESWAP_RESULTS.path, "get"),
            {**envelope, "data": listed},
        ),
        (answer_schema(swap, contract.FACESWAP_DELETE.path), deleted),
    ]
    for schema, payload in pairs:
        assert validate(swap, schema, payload) == [], payload
    documented = resolve(swap, {"$ref": "#/components/schemas/FaceswapResultDetail"})
    assert set(documented["properties"]) <= set(listed["result"][0])
    assert listed["result"][0]["faceswap_status"] == 3


@needs_docs
def test_reage_fields_are_the_pages_tables() -> None:
    text = (DOCS / "ai-tools-suite" / "reage.mdx").read_text(encoding="utf-8")
    for endpoint in (contract.REAGE_IMAGE, contract.REAGE_VIDEO, contract.FACESWAP_CANCEL):
        assert endpoint.path in text
    rows = {line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ")}
    for endpoint in (contract.REAGE_IMAGE, contract.REAGE_VIDEO):
        assert {f.name for f in endpoint.body} <= rows
    assert '"job_ids"' in text and "[-30, 30]" in text
    for body in page_json("ai-tools-suite/reage"):
        if "face_reage" in body:
            endpoint = contract.REAGE_VIDEO if "modifyVideo" in body else contract.REAGE_IMAGE
            assert contract.request_problems(endpoint, body) == [], body


def test_every_new_endpoint_has_a_sandbox_route(sandbox: Sandbox) -> None:
    from akool_cli.sandbox.server import ROUTES

    for kind in (media_kinds.FACESWAP, media_kinds.REAGE, media_kinds.REAGE_VIDEO):
        assert kind.create.key in ROUTES and kind.status.endpoint.key in ROUTES
    assert contract.FACESWAP_CANCEL.key in ROUTES and contract.FACESWAP_DELETE.key in ROUTES


# -- image generation ------------------------------------------------------------------------------


def table_rows(page: str) -> dict[str, str]:
    """A page's table rows by their first cell (the field), each the whole row."""
    text = (DOCS / f"{page}.mdx").read_text(encoding="utf-8")
    rows: dict[str, str] = {}
    for line in text.splitlines():
        cells = [c.strip().strip("`*") for c in line.split("|")]
        if line.startswith("|") and len(cells) > 2 and cells[1]:
            rows.setdefault(cells[1], line)
    return rows


@needs_docs
def test_image_generation_fields_are_the_pages_tables_and_its_examples_pass() -> None:
    rows = table_rows("ai-tools-suite/image-generate")
    for endpoint in (contract.CREATE_IMAGE, contract.CREATE_IMAGE_BUTTON):
        assert {f.name for f in endpoint.body} <= set(rows), endpoint.key
    scale = contract.CREATE_IMAGE.body[1]
    assert scale.name == "scale" and all(f'"{v}"' in rows["scale"] for v in scale.enum or ())
    assert "size" not in rows  # the field is scale
    from akool_cli.core.media_products import BUTTONS

    assert "U(1-4)" in rows["button"] and "V(1-4)" in rows["button"] and len(BUTTONS) == 8
    bodies = page_json("ai-tools-suite/image-generate")
    prompt = next(b for b in bodies if "prompt" in b and "code" not in b)
    button = next(b for b in bodies if "button" in b)
    assert contract.request_problems(contract.CREATE_IMAGE, prompt) == []
    assert contract.request_problems(contract.CREATE_IMAGE_BUTTON, button) == []
    answers = [b["data"] for b in bodies if isinstance(b.get("data"), dict)]
    done = next(a for a in answers if a.get("image_status") == 3)
    job = media_kinds.IMAGE.parse(done, None)
    assert (job.state, job.video_url, job.cost) == ("done", done["image"], {"deduction_credit": 2})
    created = next(a for a in answers if "op_button" in a)
    assert media_kinds.IMAGE_BUTTON.parse_created(created).state == "queued"


def test_the_sandboxs_image_answers_carry_the_documented_fields(
    sandbox: Sandbox, isolated: Isolation
) -> None:
    credential = Credential("api_key", "test", api_key=SANDBOX_API_KEY)
    with AkoolClient(sandbox.base_url, credential, clock=isolated.clock) as client:
        made = client.call(contract.CREATE_IMAGE, body={"prompt": "p", "scale": "1:1"})
        isolated.clock.advance(100)
        done = client.call(contract.IMAGE_INFO, query={"image_model_id": made["_id"]})
        button = client.call(
            contract.CREATE_IMAGE_BUTTON, body={"_id": made["_id"], "button": "U1"}
        )
    # The fields of image-generate.mdx's answers (createbyprompt, infobymodelid, createbybutton).
    assert {"_id", "image_status", "deduction_credit", "buttons", "used_buttons"} <= set(made)
    assert done["image_status"] == 3 and done["image"].endswith(".png")
    assert done["buttons"] == ["U1", "U2", "U3", "U4", "V1", "V2", "V3", "V4"]
    assert (button["image_content_model_id"], button["op_button"]) == (made["_id"], "U1")
    assert button["image_status"] == 1


# -- VoiceLab and avatars ------------------------------------------------------------------------


def required_column(page: str, start: str, stop: str) -> dict[str, bool]:
    """The Body Attributes table between two headings of a page: field → Required."""
    text = (DOCS / f"{page}.mdx").read_text(encoding="utf-8")
    part = text[text.index(start) : text.index(stop, text.index(start))]
    part = part[part.index("**Body Attributes**") : part.index("**Response Attributes**")]
    found = {}
    for line in part.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and cells[1] and not cells[1].startswith(("-", "*")):
            found[cells[1]] = cells[3] == "true"
    return found


@needs_docs
@pytest.mark.parametrize(
    ("endpoint", "start", "stop"),
    [
        (contract.VOICE_CLONE, "## Create Voice Clone", "## Create Text to Speech"),
        (contract.VOICE_CHANGE, "## Create Voice Changer", "## Get Voice Results List"),
    ],
    ids=["clone", "change"],
)
def test_voicelab_fields_and_required_are_the_pages(
    endpoint: contract.Endpoint, start: str, stop: str
) -> None:
    table = required_column("ai-tools-suite/voiceLab", start, stop)
    assert {f.name: f.required for f in endpoint.body} == table


@needs_docs
def test_the_voicelab_examples_pass_and_its_answers_decode() -> None:
    from akool_cli.core.media_products import CHANGE_OPTIONS, CLONE_OPTIONS, options_problems

    bodies = page_json("ai-tools-suite/voiceLab")
    clone = next(b for b in bodies if "name" in b and "source_voice_file" in b)
    change = next(b for b in bodies if "voice_id" in b and "source_voice_file" in b)
    assert contract.request_problems(contract.VOICE_CLONE, clone) == []
    assert contract.request_problems(contract.VOICE_CHANGE, change) == []
    assert options_problems(clone["voice_options"], CLONE_OPTIONS) == []
    assert options_problems(change["voice_options"], CHANGE_OPTIONS) == []
    answers = [b["data"] for b in bodies if isinstance(b.get("data"), dict)]
    detail = next(a for a in answers if a.get("status") == 3 and "voice_id" in a)
    voice = media_kinds.VOICE_CLONE.parse(detail, None)
    assert (voice.state, voice.outputs) == ("done", {"voice_id": detail["voice_id"]})
    assert voice.files == {"preview": detail["preview"]} and voice.video_url == ""
    created = next(a for a in answers if "source_voice_file" in a and "voice_model_id" in a)
    assert media_kinds.VOICE_CHANGE.parse_created(created).state == "queued"
    resource = next(a for a in answers if isinstance(a.get("result"), dict))
    assert media_kinds.VOICE_CHANGE.parse(resource, None).id == resource["result"]["_id"]
    deleted = next(a for a in answers if "successIds" in a)
    assert "noPermissionVoices" in deleted
    del_body = next(b for b in bodies if "_ids" in b)
    assert isinstance(del_body["_ids"], list)
    assert media_kinds.VOICE_CLONE.delete is not None
    assert media_kinds.VOICE_CLONE.delete.body(["a", "b"]) == {"_ids": ["a", "b"]}


@needs_docs
def test_avatar_upload_fields_are_the_openapi_file_and_its_answers_decode() -> None:
    spec = load("live-avatar.yaml")
    schema = request_schema(spec, contract.CREATE_AVATAR.path)
    ours = {f.name: f for f in contract.CREATE_AVATAR.body}
    assert set(ours) == set(schema["properties"])
    assert {n for n, f in ours.items() if f.required} == set(schema["required"])
    assert schema["properties"]["avatar_id"].get("pattern") == "^[a-zA-Z0-9]+$"
    bodies = page_json("ai-tools-suite/avatar")
    lists = [b["data"] for b in bodies if isinstance(b.get("data"), list) and "code" in b]
    detail = next(d for d in lists if d and d[0].get("status") == 3)
    job = media_kinds.AVATAR.parse(detail, detail[0]["_id"])
    assert job.state == "done"
    created = lists[-1]  # the create answer: a list (the OpenAPI file shows an object)
    assert media_kinds.AVATAR.parse_created(created).outputs["avatar_id"] == created[0]["avatar_id"]
    as_object = media_kinds.AVATAR.parse_created(
        {"_id": "64dd90f9f0b6684651e90d60", "avatar_id": "A1"}
    )
    assert as_object.state == "queued"


def test_the_sandboxs_voice_and_avatar_answers_carry_the_documented_fields(
    sandbox: Sandbox, isolated: Isolation
) -> None:
    credential = Credential("api_key", "test", api_key=SANDBOX_API_KEY)
    with AkoolClient(sandbox.base_url, credential, clock=isolated.clock) as client:
        change = client.call(
            contract.VOICE_CHANGE, body={"voice_id": "sbx-en-f-ava", "source_voice_file": "u"}
        )
        clone = client.call(contract.VOICE_CLONE, body={"source_voice_file": "u", "name": "n"})
        avatar = client.call(
            contract.CREATE_AVATAR,
            body={"url": "u", "avatar_id": "A1", "name": "n", "type": 1, "url_from": 1},
        )
        isolated.clock.advance(100)
        resource = client.call(contract.TTS_DETAIL, path_params={"_id": change["_id"]})
        detail = client.call(contract.VOICE_DETAIL, path_params={"_id": clone["_id"]})
        uploaded = client.call(contract.AVATAR_DETAIL, query={"id": avatar[0]["_id"]})
    assert change["preview"] is None and clone["voice_id"] is None  # null until done
    assert resource["result"]["status"] == 3 and resource["result"]["preview"].endswith(".mp3")
    assert detail["status"] == 3 and detail["voice_id"] and detail["preview"]
    assert isinstance(uploaded, list) and uploaded[0]["avatar_id"] == "A1"
    assert uploaded[0]["status"] == 3


# -- Jarvis Moderator, deletes, background change -------------------------------------------------


@needs_docs
def test_jarvis_fields_are_its_two_pages_and_its_answer_decodes() -> None:
    jarvis = table_rows("ai-tools-suite/jarvis-moderator")
    older = table_rows("ai-tools-suite/sentiment-analysis")
    ours = {f.name for f in contract.MODERATE.body}
    assert ours - {"url"} <= set(jarvis) and "url" in older  # url: the older page's name
    assert "1: image  2:video  3: auido  4: text" in jarvis["type"]
    from akool_cli.core.media_products import MODERATION_TYPES

    assert MODERATION_TYPES == {"image": 1, "video": 2, "audio": 3, "text": 4}
    bodies = page_json("ai-tools-suite/jarvis-moderator")
    created = next(b for b in bodies if "content" in b)
    assert contract.request_problems(contract.MODERATE, created) == []
    done = next(b["data"] for b in bodies if "final_conclusion" in b.get("data", {}))
    job = media_kinds.MODERATION.parse(done, None)
    assert job.state == "done" and job.outputs == {
        "result": done["result"],
        "final_conclusion": "Non-Compliant",
    }


@needs_docs
def test_the_documented_deletes_and_their_answers() -> None:
    from akool_cli.client.media import _delete_answer

    text = (DOCS / "ai-tools-suite" / "image2video.mdx").read_text(encoding="utf-8")
    assert contract.IMAGE2VIDEO_DELETE.path in text
    answers = [b["data"] for b in page_json("ai-tools-suite/image2video") if "successIds" in str(b)]
    [documented] = [a for a in answers if isinstance(a, dict) and "successIds" in a]
    ids = [*documented["successIds"], *(i["_id"] for i in documented["noPermissionItems"])]
    done, refused = _delete_answer(documented, ids)
    assert done == documented["successIds"] and set(refused) == set(ids) - set(done)
    assert _delete_answer(None, ["a", "b"]) == (["a", "b"], {})  # face swap's: no data
    spec = load("faceswap.yaml")
    body = request_schema(spec, contract.FACESWAP_DELETE.path)
    assert body["properties"]["_ids"]["type"] == "string"  # comma-separated, unlike voice/del
    assert media_kinds.FACESWAP.delete is not None
    assert media_kinds.FACESWAP.delete.body(["a", "b"]) == {"_ids": "a,b"}
    reage = (DOCS / "ai-tools-suite" / "reage.mdx").read_text(encoding="utf-8")
    assert '"job_ids"' in reage and media_kinds.REAGE.cancel is not None
    assert media_kinds.REAGE.cancel.source == "job_id"


@needs_docs
def test_background_change_is_documented_as_gone_with_no_replacement() -> None:
    from akool_cli.core import catalogue

    page = (DOCS / "ai-tools-suite" / "background-change.mdx").read_text(encoding="utf-8")
    assert "This API has been deprecated and is no longer available." in page
    entry = catalogue.load().find("POST", "/api/open/v3/content/image/bg/replace")
    assert entry is not None and entry.deprecated
    assert not any("bg/replace" in r.path for r in catalogue.load().retired)  # no replacement
    assert not any(k.create.path == entry.path for k in kinds.KINDS.values())  # not a kind
