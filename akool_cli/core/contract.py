"""The part of AKOOL's documented open API that akool itself calls, as data: endpoints, fields,
business codes and known wrong guesses.

The client (`api.py`), the sandbox and the audit share it. The endpoints here are the ones the
client uses; every one of them is an entry of the generated catalogue of AKOOL's documentation
(`catalogue.py`), and a test keeps their methods, paths and fields equal to the catalogue's.
It imports nothing outside the standard library and the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

DOCUMENTED_HOST = "openapi.akool.com"
DEFAULT_BASE_URL = f"https://{DOCUMENTED_HOST}"
# The local sandbox's own credentials (docs/sandbox.md): no AKOOL account has them, so a job made
# with them is a sandbox's, whatever port it was on.
SANDBOX_API_KEY = "sandbox-api-key-0123456789abcdef"  # 32 bytes: also an AES-256 key
SANDBOX_CLIENT_ID = "5a4db0c1d2e3f40516273849"
SUCCESS_CODE = 1000
NOT_FOUND_CODE = 1008  # "content does not exist": an id AKOOL does not (or no longer) have

FieldType = Literal["string", "number", "integer", "boolean", "array", "object"]


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType = "string"
    required: bool = False
    # The values the docs allow: from the field tables (the catalogue has them too), or from the
    # description's prose ("Resolution options: 720p, 1080p, 4k"; a test finds each on its page).
    enum: tuple[str | int, ...] | None = None
    blank: bool = False  # a required string that may be sent empty (image2video's negative_prompt)
    max_length: int | None = None  # characters, where the docs state a maximum


@dataclass(frozen=True)
class Endpoint:
    key: str
    method: Literal["GET", "POST"]
    path: str
    summary: str
    auth: bool = True
    body: tuple[Field, ...] = ()
    query: tuple[Field, ...] = ()
    # "envelope": {"code","msg","data"}; "token": {"code","token"} (getToken has no data);
    # "detect": face detection's own {"error_code","error_msg","faces_obj"}.
    response: Literal["envelope", "token", "detect"] = "envelope"
    # Billable creates must never be resent after an ambiguous failure (no idempotency key).
    billable: bool = False


GET_TOKEN = Endpoint(
    key="get_token",
    method="POST",
    path="/api/open/v3/getToken",
    summary="exchange clientId + clientSecret for a bearer token (legacy method)",
    auth=False,
    body=(Field("clientId", required=True), Field("clientSecret", required=True)),
    response="token",
)
CREDIT = Endpoint(
    key="credit",
    method="GET",
    path="/api/open/v3/faceswap/quota/info",
    summary="the account's credit balance (data.credit)",
)
CREATE_TALKING_PHOTO = Endpoint(
    key="create_talking_photo",
    method="POST",
    path="/api/open/v3/content/video/createbytalkingphoto",
    summary="create a talking-photo video job (data._id is the job id)",
    body=(
        Field("talking_photo_url", required=True),
        Field("audio_url", required=True),
        Field("prompt"),
        Field("resolution", enum=("720", "1080")),
        Field("webhookUrl"),
    ),
    billable=True,
)
VIDEO_INFO = Endpoint(
    key="video_info",
    method="GET",
    path="/api/open/v3/content/video/infobymodelid",
    summary="a talking-photo job's state and result (data.video_status, data.video)",
    query=(Field("video_model_id", required=True),),
)
VOICE_LIST = Endpoint(
    key="voice_list",
    method="GET",
    path="/api/open/v4/voice/list",
    summary="VoiceLab voices (type=2: AKOOL's, type=1: your clones)",
    # AKOOL's docs list no language filter: a voice's language is in the answer only.
    query=(
        Field("type", required=True, enum=("1", "2")),
        Field("page"),
        Field("size"),
        Field("gender"),
        Field("name"),
        Field("style"),
        Field("age"),
        Field("scenario"),
        Field("support_stream", type="integer", enum=("1", "2")),
    ),
)
CREATE_TTS = Endpoint(
    key="create_tts",
    method="POST",
    path="/api/open/v4/voice/tts",
    summary="create speech from text (data._id)",
    body=(
        Field("input_text", required=True),
        Field("voice_id", required=True),
        Field("voice_options", type="object"),
        Field("language_code"),
        Field("extra_options", type="object"),
        Field("webhookUrl"),
    ),
    billable=True,
)
TTS_DETAIL = Endpoint(
    key="tts_detail",
    method="GET",
    path="/api/open/v4/voice/resource/detail/{_id}",
    summary="a speech job's state; when 3, data.result.preview is the audio URL",
)

# -- the other products akool makes (AKOOL's pages named in each summary) ------------------------

CREATE_LIPSYNC = Endpoint(
    key="create_lipsync",
    method="POST",
    path="/api/open/v3/content/video/lipsync",
    summary="create a lip-sync video job (ai-tools-suite/lip-sync; data._id, then infobymodelid)",
    # The page has no Required column; a lip sync without either input makes no sense.
    body=(
        Field("video_url", required=True),
        Field("audio_url", required=True),
        Field("webhookUrl"),
    ),
    billable=True,
)
CREATE_IMAGE2VIDEO = Endpoint(
    key="create_image2video",
    method="POST",
    path="/api/open/v4/image2Video/createBySourcePrompt",
    summary="animate an image (ai-tools-suite/image2video; data._id, then resultsByIds)",
    body=(
        Field("image_url", required=True),
        Field("prompt", required=True),
        Field("negative_prompt", required=True, blank=True),
        Field("extend_prompt", type="boolean"),
        Field("resolution", required=True, enum=("720p", "1080p", "4k")),
        Field("audio_url"),
        Field("audio_type", type="integer", required=True, enum=(1, 2, 3)),
        Field("video_length", type="integer", required=True, enum=(5, 10)),
        Field("is_premium_model", type="boolean"),
        Field("effect_code"),
        Field("webhookurl"),  # lower case on this product (and text2video, character swap)
    ),
    billable=True,
)
# image2video.mdx "Create Batch Image to Video": `count` (1-10) videos of one image, listed in
# data.successList (kinds.VARIANTS: image-to-video jobs, read by resultsByIds).
CREATE_IMAGE2VIDEO_BATCH = Endpoint(
    key="create_image2video_batch",
    method="POST",
    path="/api/open/v4/image2Video/createBySourcePrompt/batch",
    summary="animate an image count times (ai-tools-suite/image2video; data.successList[]._id)",
    body=(
        Field("image_url", required=True),
        Field("prompt", required=True),
        Field("model_name"),
        Field("negative_prompt"),
        Field("extend_prompt", type="boolean"),
        Field("resolution", required=True),
        Field("video_length", type="integer", required=True),
        Field("last_image_url"),
        Field("count", type="integer"),
        Field("webhookurl"),
    ),
    billable=True,
)
IMAGE2VIDEO_RESULTS = Endpoint(
    key="image2video_results",
    method="POST",
    path="/api/open/v4/image2Video/resultsByIds",
    summary="image/text-to-video jobs' states; _ids is one comma-separated string (data.result[])",
    body=(Field("_ids", required=True),),
)
IMAGE2VIDEO_EFFECTS = Endpoint(
    key="image2video_effects",
    method="GET",
    path="/api/open/v4/image2Video/effects",
    summary="the effects image to video offers (data.result[].effect_code)",
)
MODEL_LIST = Endpoint(
    key="model_list",
    method="GET",
    path="/api/open/v4/aigModel/list",
    summary="the models of image to video (type 1501), text to video (1502), character face "
    "swap (2101); the examples send it as types[]=1501",
    query=(Field("types", type="array", required=True),),
)
MODEL_TYPES = {"image2video": "1501", "text2video": "1502", "character faceswap": "2101"}
CREATE_TEXT2VIDEO = Endpoint(
    key="create_text2video",
    method="POST",
    path="/api/open/v4/text2Video/createByPrompt/batch",
    summary="make videos from a prompt (ai-tools-suite/text2video; data.successList[]._id)",
    body=(
        Field("prompt", required=True, max_length=5000),
        Field("model_name"),
        Field("negative_prompt", max_length=1000),
        Field("extend_prompt", type="boolean"),
        Field("resolution"),
        Field("video_length", type="integer"),
        Field("count", type="integer"),
        Field("webhookurl", max_length=2048),
    ),
    billable=True,
)
CREATE_TRANSLATION = Endpoint(
    key="create_translation",
    method="POST",
    path="/api/open/v3/content/video/createbytranslate",
    summary="translate a video (video-translation/create-translation; data._id, then "
    "infobymodelid: data.video, data.audio_splits' subtitles)",
    body=(
        Field("url", required=True),
        Field("language", required=True),
        Field("source_language"),
        Field("lipsync", type="boolean"),
        Field("webhookUrl"),
        Field("speaker_num", type="integer"),
        Field("remove_bgm", type="boolean"),
        # The OpenAPI file lists the values as strings of an integer field.
        Field("caption_type", type="integer", enum=("0", "1", "2", "3", "4")),
        Field("caption_url"),
        Field("studio_voice", type="object"),
        Field("dynamic_duration", type="boolean"),
    ),
    billable=True,
)
CREATE_CHARACTER_SWAP = Endpoint(
    key="create_character_swap",
    method="POST",
    path="/api/open/v4/characterSwap/create",
    summary="put a character into a video, or animate it with the video's motion "
    "(character-swap/create; data._id, then infobymodelid)",
    body=(
        Field("image", required=True),
        Field("video", required=True),
        Field("duration", type="number"),
        Field("resolution", enum=("480p", "720p", "1080p")),
        Field("mode", enum=("animate", "replace")),
        Field("prompt", max_length=500),
        Field("webhookurl"),
    ),
    billable=True,
)
# Head swap is two chained jobs: a person analysis of the video, then the swap task that names
# the analysis's people (head-swap/*.mdx). akool records the task; the analysis is a step on the
# way (no price or credit check is documented for it: 1104 is "checked at task create").
HEADSWAP_ANALYZE = Endpoint(
    key="headswap_analyze",
    method="POST",
    path="/api/open/v4/headswap/analyze",
    summary="analyse a video's people for head swap (data._id, then analyze/detail)",
    body=(Field("video_url", required=True), Field("type", required=True, enum=("head",))),
    billable=True,  # a create all the same: never resent after an ambiguous failure
)
HEADSWAP_ANALYSIS = Endpoint(
    key="headswap_analysis",
    method="GET",
    path="/api/open/v4/headswap/analyze/detail",
    summary="a head swap analysis (data.status; data.analysis_result.media[].obj_id when 3)",
    query=(Field("_id", required=True),),
)
CREATE_HEADSWAP = Endpoint(
    key="create_headswap",
    method="POST",
    path="/api/open/v4/headswap/task/create",
    summary="swap heads in an analysed video (head-swap/create; data._id, then task/detail)",
    body=(
        Field("video_url", required=True),
        Field("mappings", type="array", required=True),
        Field("model_name", required=True, enum=("akool-premium",)),
        Field("resolution", required=True, enum=("480p", "720p")),
        Field("template_id"),
        Field("keep_original_sound", type="boolean"),
        Field("webhookUrl"),
    ),
    billable=True,
)
HEADSWAP_TASK = Endpoint(
    key="headswap_task",
    method="GET",
    path="/api/open/v4/headswap/task/detail",
    summary="a head swap task's state and result (data.status, data.video_url)",
    query=(Field("_id", required=True),),
)
HEADSWAP_MODEL = "akool-premium"  # the only model_name the page documents (else code 1003)
HEADSWAP_MAX_FACES = 5  # "Up to 5 characters can be replaced at one time."
# Talking avatar (ai-tools-suite/talking-avatar): an avatar, a background and speech laid out as
# `elements` on a 3840 x 2160 canvas ("must be 3840", "must be 2160"), then infobymodelid.
CREATE_TALKING_AVATAR = Endpoint(
    key="create_talking_avatar",
    method="POST",
    path="/api/open/v3/talkingavatar/create",
    summary="a talking avatar video: an avatar, a background and speech as elements "
    "(talking-avatar; data._id, then infobymodelid)",
    body=(
        Field("width", type="number", required=True, enum=(3840,)),
        Field("height", type="number", required=True, enum=(2160,)),
        # "If you provide an avatar URL yourself, avatar_from must be 3" (2: AKOOL's avatars).
        Field("avatar_from", type="number", required=True, enum=(2, 3)),
        Field("webhookUrl"),
        Field("elements", type="array", required=True),
    ),
    billable=True,
)
# One of the elements ([elements].* rows of the page's table).
TALKING_AVATAR_ELEMENT = (
    Field("type", required=True, enum=("avatar", "image", "audio")),
    Field("url"),
    Field("scale_x", type="number"),
    Field("scale_y", type="number"),
    Field("offset_x", type="number"),
    Field("offset_y", type="number"),
    Field("height", type="number"),
    Field("width", type="number"),
    Field("avatar_id"),
    Field("input_text"),
    Field("voice_id"),
)
# "Required when type is equal to image or avatar".
TALKING_AVATAR_PLACED = ("scale_x", "scale_y", "offset_x", "offset_y")
# "The image formats currently only support .png, .jpg, .jpeg, .webp, and the video formats
# currently only support .mp4, .mov, .avi".
TALKING_AVATAR_IMAGES = (".png", ".jpg", ".jpeg", ".webp")
TALKING_AVATAR_VIDEOS = (".mp4", ".mov", ".avi")
# "the per-request character limit depends on the subscription plan: Pro 5,000, Pro Max 10,000,
# Business 50,000": over the largest, no plan takes it.
TALKING_AVATAR_MAX_TEXT = 50_000
LANGUAGE_LIST = Endpoint(
    key="language_list",
    method="GET",
    path="/api/open/v3/language/list",
    summary="the languages video translation speaks (data.lang_list[].lang_code)",
)
# studio_voice.style's values (openapi/video-translation.yaml).
STUDIO_VOICE_STYLES = (
    "affectionate",
    "angry",
    "calm",
    "cheerful",
    "depressed",
    "disgruntled",
    "embarrassed",
    "empathetic",
    "excited",
    "fearful",
    "friendly",
    "unfriendly",
    "sad",
    "serious",
    "relaxed",
    "professional",
)

# Face detection lives under /interface/detect-api on the API host, not under /api/open, and
# answers {"error_code": 0 | 1, "error_msg", "faces_obj": {"0": {"region": [[x, y, w, h], ...]}}}
# (AKOOL's docs, AI tools suite → face detection). Its price is not documented.
DETECT_FACES = Endpoint(
    key="detect_faces",
    method="POST",
    path="/interface/detect-api/detect_faces",
    summary="faces in an image or video given by url or base64 img (faces_obj)",
    body=(
        Field("url"),
        Field("img"),
        Field("num_frames", type="integer"),
        Field("return_face_url", type="boolean"),
        Field("single_face", type="boolean"),
    ),
    response="detect",
)

# -- face swap, reage, images, VoiceLab, avatars, moderation (AKOOL's pages named in each summary)

_FACES = "`[{path, opts}]`: a face's image and its landmarks (face detection)"
FACESWAP_PRO = Endpoint(
    key="faceswap_pro",
    method="POST",
    path="/api/open/v4/faceswap/faceswapByImage",
    summary="Face Swap Pro, images (faceswap/image-faceswap-v4; data._id, then listbyids); "
    f"sourceImage and targetImage are {_FACES}",
    body=(
        Field("sourceImage", type="array", required=True),
        Field("targetImage", type="array", required=True),
        Field("model_name", enum=("akool_faceswap_image_hq",)),
        Field("webhookUrl"),
        Field("face_enhance", type="boolean"),
        Field("single_face_mode", type="boolean"),
    ),
    billable=True,
)
FACESWAP_PLUS = Endpoint(
    key="faceswap_plus",
    method="POST",
    path="/api/open/v4/faceswap/faceswapPlusByImage",
    summary="Face Swap Plus, images and videos, several faces (faceswap/faceswap-plus; "
    "face_mapping from face detection)",
    body=(
        Field("source_url", required=True),
        Field("target_url", required=True),
        Field("webhookUrl"),
        Field("face_enhance", type="boolean"),
        Field("model_style", enum=("realistic", "beautify", "lossless")),
        Field("face_mapping", type="array"),
        Field("single_face_mode", type="boolean"),
    ),
    billable=True,
)
FACESWAP_VIDEO = Endpoint(
    key="faceswap_video",
    method="POST",
    path="/api/open/v3/faceswap/highquality/specifyvideo",
    summary=f"face swap in a video, v3 (faceswap/video-faceswap); sourceImage, targetImage {_FACES}",
    body=(
        Field("sourceImage", type="array", required=True),
        Field("targetImage", type="array", required=True),
        # The OpenAPI file lists the values as strings of an integer field.
        Field("face_enhance", type="integer", enum=("0", "1")),
        Field("modifyVideo", required=True),
        Field("webhookUrl"),
    ),
    billable=True,
)
FACESWAP_RESULTS = Endpoint(
    key="faceswap_results",
    method="GET",
    path="/api/open/v3/faceswap/result/listbyids",
    summary="face swap and reage jobs' states; _ids=a,b (data.result[].faceswap_status, url)",
    query=(Field("_ids", required=True),),
)
FACESWAP_DELETE = Endpoint(
    key="faceswap_delete",
    method="POST",
    path="/api/open/v3/faceswap/result/delbyids",
    summary="delete face swap and reage results (faceswap/delete-result); _ids is 'a,b'",
    body=(Field("_ids", required=True),),
)
# Reage's page has no Required column: akool sends every field its examples send.
REAGE_IMAGE = Endpoint(
    key="reage_image",
    method="POST",
    path="/api/open/v3/faceswap/highquality/imgreage",
    summary=f"make the faces in an image older or younger (reage); targetImage {_FACES}",
    body=(
        Field("targetImage", type="array", required=True),
        Field("face_reage", type="integer", required=True),
        Field("modifyImage", required=True),
        Field("webhookUrl"),
    ),
    billable=True,
)
REAGE_VIDEO = Endpoint(
    key="reage_video",
    method="POST",
    path="/api/open/v3/faceswap/highquality/vidreage",
    summary=f"make the faces in a video older or younger (reage); targetImage {_FACES}",
    body=(
        Field("targetImage", type="array", required=True),
        Field("face_reage", type="integer", required=True),
        Field("modifyVideo", required=True),
        Field("webhookUrl"),
    ),
    billable=True,
)
FACESWAP_CANCEL = Endpoint(
    key="faceswap_cancel",
    method="POST",
    path="/api/open/v3/faceswap/job/del",
    summary="cancel a reage task by the job_id of its create answer (reage)",
    body=(Field("job_ids", required=True),),
)
CREATE_IMAGE = Endpoint(
    key="create_image",
    method="POST",
    path="/api/open/v3/content/image/createbyprompt",
    summary="an image from a prompt, or from an image and a prompt (image-generate; data._id, "
    "then image infobymodelid)",
    body=(
        Field("prompt", required=True),
        Field("scale", enum=("1:1", "4:3", "3:4", "16:9", "9:16", "3:2", "2:3")),
        Field("source_image"),
        Field("webhookUrl"),
    ),
    billable=True,
)
CREATE_IMAGE_BUTTON = Endpoint(
    key="create_image_button",
    method="POST",
    path="/api/open/v3/content/image/createbybutton",
    summary="upscale (U1-U4) or vary (V1-V4) one image of a generated set (image-generate)",
    body=(
        Field("_id", required=True),
        Field("button", required=True, enum=("U1", "U2", "U3", "U4", "V1", "V2", "V3", "V4")),
        Field("webhookUrl"),
    ),
    billable=True,
)
IMAGE_INFO = Endpoint(
    key="image_info",
    method="GET",
    path="/api/open/v3/content/image/infobymodelid",
    summary="an image job's state and result (data.image_status, data.image)",
    query=(Field("image_model_id", required=True),),
)
VOICE_CHANGE = Endpoint(
    key="voice_change",
    method="POST",
    path="/api/open/v4/voice/change",
    summary="a recording spoken again in another voice (voiceLab; data._id, then "
    "voice/resource/detail)",
    body=(
        Field("voice_id", required=True),
        Field("source_voice_file", required=True),
        Field("voice_options", type="object"),
        Field("webhookUrl"),
        Field("voice_model_name"),
    ),
    billable=True,
)
VOICE_CLONE = Endpoint(
    key="voice_clone",
    method="POST",
    path="/api/open/v4/voice/clone",
    summary="a voice cloned from a recording (voiceLab; data._id, then voice/detail: voice_id)",
    body=(
        Field("source_voice_file", required=True),
        Field("voice_options", type="object"),
        Field("name"),
        Field("webhookUrl"),
        Field(
            "voice_model_name",
            enum=("Akool Multilingual 1", "Akool Multilingual 3", "Akool Multilingual 4"),
        ),
    ),
    billable=True,
)
VOICE_DETAIL = Endpoint(
    key="voice_detail",
    method="GET",
    path="/api/open/v4/voice/detail/{_id}",
    summary="a cloned voice's state; when 3, data.voice_id is the voice to speak with",
)
VOICE_DELETE = Endpoint(
    key="voice_delete",
    method="POST",
    path="/api/open/v4/voice/del",
    summary="delete cloned voices (voiceLab); _ids is a JSON array",
    body=(Field("_ids", type="array", required=True),),
)
CREATE_AVATAR = Endpoint(
    key="create_avatar",
    method="POST",
    path="/api/open/v3/avatar/create",
    summary="an avatar made from a video or an image (avatar; data._id, then avatar/detail)",
    body=(
        Field("url", required=True),
        Field("avatar_id", required=True),
        Field("name", required=True),
        Field("type", type="integer", required=True, enum=("2", "1")),
        Field("url_from", type="integer", required=True, enum=("1", "2")),
    ),
    billable=True,
)
AVATAR_LIST = Endpoint(
    key="avatar_list",
    method="GET",
    path="/api/open/v3/avatar/list",
    summary="avatars: AKOOL's (from=2) and yours (from=3); data[] {avatar_id, name, url}",
    query=(
        Field("from", type="number", enum=("2", "3")),
        Field("type", type="number", enum=("1", "2")),
        Field("page", type="number"),
        Field("size", type="number"),
    ),
)
AVATAR_DETAIL = Endpoint(
    key="avatar_detail",
    method="GET",
    path="/api/open/v3/avatar/detail",
    summary="an uploaded avatar's state (data[0].status; data is a list)",
    query=(Field("id", required=True),),
)
MODERATE = Endpoint(
    key="moderate",
    method="POST",
    path="/api/open/v3/content/analysis/sentiment",
    summary="Jarvis Moderator: text, an image, audio or a video checked against a policy "
    "(jarvis-moderator; data._id, then analysis/infobyid)",
    body=(
        Field("content", required=True),
        Field("type", type="number", required=True, enum=("1", "2", "3", "4")),
        Field("language"),
        Field("webhookUrl"),
        Field("input"),
        Field("url"),  # sentiment-analysis.mdx's name for content (the older page)
    ),
    billable=True,
)
MODERATION_INFO = Endpoint(
    key="moderation_info",
    method="GET",
    path="/api/open/v3/content/analysis/infobyid",
    summary="a moderation's state and verdict (data.result, data.final_conclusion)",
    query=(Field("_id", required=True),),
)
IMAGE2VIDEO_DELETE = Endpoint(
    key="image2video_delete",
    method="POST",
    path="/api/open/v4/image2Video/delbyids",
    summary="delete image-to-video results (image2video); _ids is 'a,b' "
    "(data.successIds, data.noPermissionItems)",
    body=(Field("_ids", required=True),),
)
MEDIA_ENDPOINTS: tuple[Endpoint, ...] = (
    FACESWAP_PRO,
    FACESWAP_PLUS,
    FACESWAP_VIDEO,
    FACESWAP_RESULTS,
    FACESWAP_DELETE,
    REAGE_IMAGE,
    REAGE_VIDEO,
    FACESWAP_CANCEL,
    CREATE_IMAGE,
    CREATE_IMAGE_BUTTON,
    IMAGE_INFO,
    VOICE_CHANGE,
    VOICE_CLONE,
    VOICE_DETAIL,
    VOICE_DELETE,
    CREATE_AVATAR,
    AVATAR_LIST,
    AVATAR_DETAIL,
    MODERATE,
    MODERATION_INFO,
    IMAGE2VIDEO_DELETE,
)

ENDPOINTS: tuple[Endpoint, ...] = (
    *MEDIA_ENDPOINTS,
    GET_TOKEN,
    CREDIT,
    CREATE_TALKING_PHOTO,
    VIDEO_INFO,
    VOICE_LIST,
    CREATE_TTS,
    TTS_DETAIL,
    DETECT_FACES,
    CREATE_LIPSYNC,
    CREATE_IMAGE2VIDEO,
    CREATE_IMAGE2VIDEO_BATCH,
    IMAGE2VIDEO_RESULTS,
    IMAGE2VIDEO_EFFECTS,
    CREATE_TEXT2VIDEO,
    MODEL_LIST,
    CREATE_TRANSLATION,
    CREATE_TALKING_AVATAR,
    LANGUAGE_LIST,
    CREATE_CHARACTER_SWAP,
    HEADSWAP_ANALYZE,
    HEADSWAP_ANALYSIS,
    CREATE_HEADSWAP,
    HEADSWAP_TASK,
)

RESULT_RETENTION_DAYS = 7

CodeKind = Literal["ok", "auth", "rate_limit", "retry_later", "rejected"]


@dataclass(frozen=True)
class BusinessCode:
    code: int
    meaning: str
    kind: CodeKind
    hint: str


_CHECK_INPUTS = "check the inputs and options, then run the command again"
_CONTACT = "see your account at akool.com, or contact AKOOL support with the job id"

# AKOOL's table of business codes (docs.akool.com/ai-tools-suite/error-code), with what a user
# can do about each.
BUSINESS_CODES: dict[int, BusinessCode] = {
    c.code: c
    for c in (
        BusinessCode(1000, "success", "ok", ""),
        BusinessCode(1003, "parameter error or parameter missing", "rejected", _CHECK_INPUTS),
        BusinessCode(1004, "requires verification", "rejected", _CONTACT),
        BusinessCode(
            1005,
            "frequent operation (rate limited)",
            "rate_limit",
            "wait a minute and run the command again",
        ),
        BusinessCode(1006, "insufficient quota", "rejected", "check your balance: akool credit"),
        BusinessCode(
            1007,
            "face count exceeded (more than 8 faces to change)",
            "rejected",
            "use an image or video with 8 people or fewer, or split it into several jobs",
        ),
        BusinessCode(
            1008,
            "content does not exist",
            "rejected",
            "check the job id: akool status (lists the jobs you created)",
        ),
        BusinessCode(1009, "no permission", "rejected", _CONTACT),
        BusinessCode(1010, "content cannot be operated", "rejected", _CONTACT),
        BusinessCode(1011, "already operated", "rejected", "check the job: akool status JOB_ID"),
        BusinessCode(1013, "use audio in video", "rejected", _CHECK_INPUTS),
        BusinessCode(
            1014, "resource does not exist", "rejected", "check that the input URLs are reachable"
        ),
        BusinessCode(
            1015,
            "video processing error (try again later)",
            "retry_later",
            "try again later",
        ),
        BusinessCode(1016, "face swap error", "rejected", _CHECK_INPUTS),
        BusinessCode(1017, "audio not created", "rejected", _CHECK_INPUTS),
        BusinessCode(
            1101,
            "invalid or expired token",
            "auth",
            "log in again: akool login --client-id YOUR_CLIENT_ID",
        ),
        BusinessCode(1102, "authorization missing", "auth", "log in: akool login"),
        BusinessCode(1103, "not paid or overdue", "rejected", _CONTACT),
        BusinessCode(1104, "insufficient credit", "rejected", "check your balance: akool credit"),
        BusinessCode(1105, "avatar error", "rejected", _CHECK_INPUTS),
        BusinessCode(1108, "image processing error", "rejected", "try another portrait image"),
        BusinessCode(
            1109,
            "account does not exist (wrong API key)",
            "auth",
            "check the key at akool.com → API Credentials (the key alone: no quotes, spaces "
            "or other characters around it, in AKOOL_API_KEY too), then: akool login",
        ),
        BusinessCode(1110, "audio processing error", "rejected", "try another audio file"),
        BusinessCode(1111, "avatar callback error", "rejected", _CONTACT),
        BusinessCode(1112, "voice processing error", "rejected", _CHECK_INPUTS),
        BusinessCode(1200, "account banned", "rejected", _CONTACT),
        BusinessCode(1201, "create audio error", "rejected", _CHECK_INPUTS),
        *(
            BusinessCode(code, "video or lip-sync limit or error", "rejected", _CHECK_INPUTS)
            for code in range(1202, 1213)
        ),
        BusinessCode(1213, "subscription required", "rejected", _CONTACT),
        *(
            BusinessCode(code, "live avatar error", "rejected", _CONTACT)
            for code in (*range(1214, 1221), 1223)
        ),
        BusinessCode(1221, "account not subscribed", "rejected", _CONTACT),
        BusinessCode(1222, "resource already exists", "rejected", _CHECK_INPUTS),
    )
}


def describe_code(code: int) -> BusinessCode:
    """The documented meaning of a business code, or a neutral description of an unknown one."""
    known = BUSINESS_CODES.get(code)
    if known is not None:
        return known
    return BusinessCode(code, "an undocumented error code", "rejected", _CONTACT)


@dataclass(frozen=True)
class WrongGuess:
    """A path that third-party scripts call but AKOOL does not document, and what to use instead."""

    method: str
    pattern: str  # a path, `{}` standing for one segment
    replacement: str
    endpoint: Endpoint  # the documented endpoint that does what the guess meant


# Paths that scripts found on the web call but AKOOL never documented; the sandbox answers these
# 404, the audit flags them and names the documented call.
UNDOCUMENTED_PATHS: tuple[WrongGuess, ...] = (
    WrongGuess("POST", "/auth", f"the x-api-key header, or POST {GET_TOKEN.path}", GET_TOKEN),
    WrongGuess("POST", "/photo/talking", f"POST {CREATE_TALKING_PHOTO.path}", CREATE_TALKING_PHOTO),
    WrongGuess(
        "GET", "/video/status/{}", f"GET {VIDEO_INFO.path}?video_model_id=<_id>", VIDEO_INFO
    ),
    WrongGuess(
        "GET",
        "/api/open/v3/content/video/getvideostatus",
        f"GET {VIDEO_INFO.path}?video_model_id=<_id>",
        VIDEO_INFO,
    ),
)

# Field names that guesses use instead of the documented ones.
MISNAMED_FIELDS: dict[str, str] = {
    "image_url": "talking_photo_url",
    "webhook_url": "webhookUrl",
    "task_id": "video_model_id",
    "client_id": "clientId",
    "client_secret": "clientSecret",
}


# What the documented answers call things, and what guesses read instead.
CREATE_ID_FIELD = "_id"  # data._id of createbytalkingphoto is the job id
GUESSED_ID_FIELD = "task_id"
TOKEN_FIELD = "token"  # getToken answers {"code": 1000, "token": "..."}
GUESSED_TOKEN_FIELDS = ("access_token", "expires_in")
API_KEY_HEADER = "x-api-key"
BEARER_HEADER = "Authorization"


def find_endpoint(method: str | None, path: str) -> Endpoint | None:
    """The documented endpoint for a method (None: any) and a concrete path.

    A template segment such as {_id} matches any one non-empty segment.
    """
    for endpoint in ENDPOINTS:
        if matches(endpoint, method, path):
            return endpoint
    return None


def matches(endpoint: Endpoint, method: str | None, path: str) -> bool:
    """Whether a request (method None: any) is for this endpoint."""
    if method is not None and endpoint.method != method.upper():
        return False
    parts = path.rstrip("/").split("/")
    template = endpoint.path.split("/")
    return len(template) == len(parts) and all(
        t == p or (t.startswith("{") and t.endswith("}") and bool(p))
        for t, p in zip(template, parts, strict=True)
    )


def request_problems(endpoint: Endpoint, fields: dict[str, Any]) -> list[str]:
    """What is wrong with a request's fields for an endpoint: missing, unknown, misnamed, bad type."""
    problems: list[str] = []
    spec = endpoint.body if endpoint.method == "POST" else endpoint.query
    known = {f.name: f for f in spec}
    if endpoint.method != "POST":  # an array in a query is sent as NAME[]=value (AKOOL's examples)
        fields = {
            (k[:-2] if k.endswith("[]") and known.get(k[:-2], Field("")).type == "array" else k): v
            for k, v in fields.items()
        }
    for name in fields:
        if name not in known:
            documented = MISNAMED_FIELDS.get(name)
            if documented and documented in known:
                problems.append(f"{name} is not a documented field; use {documented}")
            else:
                problems.append(f"{name} is not a documented field")
    for f in spec:
        value = fields.get(f.name)
        if value is None or (value == "" and not (f.blank and f.name in fields)):
            if f.required:
                problems.append(f"{f.name} is required")
            continue
        # A query's values are all text; a JSON body's carry their types.
        expected = PYTHON_TYPES[f.type] if endpoint.method == "POST" else str
        if not isinstance(value, expected) or (
            isinstance(value, bool) and f.type in ("integer", "number")
        ):
            problems.append(
                f"{f.name} must be {ARTICLES[f.type if expected is not str else 'string']}"
            )
        elif f.enum is not None and str(value) not in {str(v) for v in f.enum}:
            problems.append(f"{f.name} must be one of {', '.join(repr(v) for v in f.enum)}")
        elif f.max_length is not None and isinstance(value, str) and len(value) > f.max_length:
            problems.append(f"{f.name} is longer than {f.max_length} characters")
    return problems


PYTHON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "number": (int, float),
    "integer": int,
    "boolean": bool,
    "array": list,
    "object": dict,
}
ARTICLES = {
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "true or false",
    "array": "an array",
    "object": "an object",
}
