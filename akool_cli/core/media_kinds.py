"""The job kinds of AKOOL's image, face and voice products, described as data (see kinds.py).

Face swap (Pro, Plus, v3 video) and reage share one status endpoint that reads many ids in one
call (`listbyids?_ids=a,b`); image generation, VoiceLab's voice change and clone, avatar uploads
and Jarvis moderation each have their own. A cloned voice and an uploaded avatar make an asset
kept on AKOOL (its id is the result); a moderation makes a text; the others make files.
kinds.py imports this module, which registers each kind.
"""

from __future__ import annotations

from dataclasses import replace

from akool_cli.core import contract
from akool_cli.core.kinds import SPEECH, IdsCall, JobKind, ResultFile, StatusCall, register
from akool_cli.core.models import Shape

# -- face swap and reage ------------------------------------------------------------------------

FACESWAP_STATUS = StatusCall(contract.FACESWAP_RESULTS, "_ids", many=True, items=("result",))
FACESWAP_SHAPE = Shape(
    status=("faceswap_status",),
    result=("url",),
    cost=("deduction_duration", "video_duration"),
)
# The create answers hold `_id` and `job_id` (v3 also the URL the result will have): no state
# (the job is queued), and no result yet. job_id is kept: reage's cancel takes it.
FACESWAP_CREATED = Shape(
    status=("faceswap_status",),
    values=((None, 1),),
    result=(),
    outputs=(("job_id", ("job_id",)),),
)
FACESWAP_DELETE = IdsCall(contract.FACESWAP_DELETE, "_ids")
# What faceswap.mdx says about failures (1007: more than 8 faces), in our words.
FACESWAP_CODES = {
    1007: "AKOOL found more than 8 faces (in a video, all its frames count, not only those face "
    "detection samples); use an image or video with 8 people or fewer",
}
FACESWAP_HINT = (
    "use clear, front-facing, well-lit faces (8 at most in the target), then create the job again"
)


FACESWAP = register(
    JobKind(
        name="faceswap",
        noun="face swap",
        create=contract.FACESWAP_PRO,
        status=FACESWAP_STATUS,
        shape=FACESWAP_SHAPE,
        created_shape=FACESWAP_CREATED,
        result="image",
        suffix=".jpg",
        command="faceswap",
        webhook_type="faceswap",
        failure_hint=FACESWAP_HINT,
        codes=FACESWAP_CODES,
        delete=FACESWAP_DELETE,
    )
)
# The others differ from Face Swap Pro only where said.
FACESWAP_PLUS = register(
    replace(
        FACESWAP,
        name="faceswap_plus",
        noun="face swap (Plus)",
        create=contract.FACESWAP_PLUS,
        command="faceswap --plus",
    )
)
FACESWAP_PLUS_VIDEO = register(
    replace(
        FACESWAP_PLUS,
        name="faceswap_plus_video",
        noun="video face swap (Plus)",
        command="faceswap --plus --video",
        result="video",
        suffix=".mp4",
    )
)
FACESWAP_VIDEO = register(
    replace(
        FACESWAP_PLUS_VIDEO,
        name="faceswap_video",
        noun="video face swap",
        create=contract.FACESWAP_VIDEO,
        command="faceswap --video",
    )
)
# Reage's page documents neither a webhook type nor a price; its cancel takes the job_id.
REAGE = register(
    replace(
        FACESWAP,
        name="reage",
        noun="reage",
        create=contract.REAGE_IMAGE,
        command="reage",
        webhook_type=None,
        cancel=IdsCall(contract.FACESWAP_CANCEL, "job_ids", source="job_id"),
    )
)
REAGE_VIDEO = register(
    replace(
        REAGE,
        name="reage_video",
        noun="video reage",
        create=contract.REAGE_VIDEO,
        command="reage --video",
        result="video",
        suffix=".mp4",
    )
)

# -- image generation ---------------------------------------------------------------------------

# image-generate.mdx's codes, in our words (1108: "image generate error, please try again later").
IMAGE_CODES = {
    1008: "the image does not exist (check the id: akool status)",
    1010: "this image cannot be upscaled or varied",
    1108: "AKOOL could not generate the image; try again later",
}
IMAGE = register(
    JobKind(
        name="image",
        noun="image",
        create=contract.CREATE_IMAGE,
        status=StatusCall(contract.IMAGE_INFO, "image_model_id"),
        shape=Shape(status=("image_status",), result=("image",), cost=("deduction_credit",)),
        result="image",
        suffix=".png",
        command="image",
        webhook_type="image",
        failure_hint="rephrase the prompt (or use another --from image), then try again",
        codes=IMAGE_CODES,
        # image-generate.mdx: origin_prompt is the prompt sent; its `prompt` is AKOOL's version.
        echoes={"origin_prompt": "prompt", "source_image": "source_image"},
    )
)
# Upscale (U1-U4) and variation (V1-V4) of one image of a generated set: a new image job.
IMAGE_BUTTON = register(
    replace(
        IMAGE,
        name="image_button",
        noun="image upscale or variation",
        create=contract.CREATE_IMAGE_BUTTON,
        command="image upscale",
        failure_hint="check that the image is done (akool status ID), then try again",
        echoes={"image_content_model_id": "_id", "op_button": "button"},
    )
)

# -- VoiceLab: voice change and voice clone ------------------------------------------------------

# The voice changer's result is a speech resource, read like text to speech's.
VOICE_CHANGE = register(
    replace(
        SPEECH,
        name="voice_change",
        noun="voice change",
        create=contract.VOICE_CHANGE,
        command="voice change",
        failure_hint="check the recording (50 MB at most, mp3, mp4 or wav) and the voice id "
        "(akool voices; only Akool Multilingual 1 voices change voices), then try again",
        # voiceLab.mdx: its recording, as sent; voice_id is AKOOL's own id for the voice.
        marks=("source_voice_file",),
        echoes={"source_voice_file": "source_voice_file"},
        copies={"voice_id": "voice_id"},
    )
)
# A clone makes a voice kept on AKOOL: its voice_id (for akool talk --text --voice, and listed
# by akool voices --own) is the result, and its preview a sample of it.
VOICE_CLONE = register(
    JobKind(
        name="voice_clone",
        noun="voice clone",
        create=contract.VOICE_CLONE,
        status=StatusCall(contract.VOICE_DETAIL, "_id"),
        shape=Shape(
            status=("status",),
            result=(),
            files=(("preview", ("preview",)),),
            cost=("deduction_credit",),
            outputs=(("voice_id", ("voice_id",)),),
        ),
        result="audio",
        suffix=".mp3",
        # Its sample, saved with -o as <id>.preview.mp3 (the voice itself stays on AKOOL).
        files=(ResultFile("preview", ("preview",), ".mp3", "audio"),),
        command="voice clone",
        makes="asset",
        failure_hint="use a clear recording of one voice (30 MB at most), then try again",
        delete=IdsCall(contract.VOICE_DELETE, "_ids", joined=False),
        echoes={"source_voice_file": "source_voice_file"},  # voiceLab.mdx's clone answer
    )
)

# -- avatars ------------------------------------------------------------------------------------

# An uploaded avatar is kept on AKOOL: its avatar_id is the result. avatar/detail takes one id
# (`id`) and answers a list (the pages; the OpenAPI file shows an object for create).
AVATAR = register(
    JobKind(
        name="avatar",
        noun="avatar upload",
        create=contract.CREATE_AVATAR,
        status=StatusCall(contract.AVATAR_DETAIL, "id", many=True, max_ids=1),
        shape=Shape(status=("status",), result=(), outputs=(("avatar_id", ("avatar_id",)),)),
        created_shape=Shape(
            status=("status",),
            values=((None, 1),),
            result=(),
            outputs=(("avatar_id", ("avatar_id",)),),
        ),
        result="video",
        command="avatars add",
        makes="asset",
        webhook_type=None,
        webhook_field="",  # avatar/create documents no webhook
        failure_hint="use a clear video of about a minute (the head turning a little), or a "
        "clear image, then try again",
    )
)

# -- Jarvis Moderator ---------------------------------------------------------------------------

# A moderation makes a text: its result (what was found, ending "Result: ...") and its final
# conclusion (Non-Compliant, Compliant or Unknown); nothing to download.
MODERATION = register(
    JobKind(
        name="moderation",
        noun="moderation",
        create=contract.MODERATE,
        status=StatusCall(contract.MODERATION_INFO, "_id"),
        shape=Shape(
            status=("status",),
            result=(),
            outputs=(("result", ("result",)), ("final_conclusion", ("final_conclusion",))),
        ),
        result="text",
        suffix=".txt",
        command="moderate",
        makes="text",
        failure_hint="check that the content is reachable and of its type (image 20 MB, audio "
        "25 MB / 60 min, video 1 GB / 1080p), then try again",
        codes={1212: "AKOOL's moderation (sentiment analysis) failed; try again later"},
    )
)
