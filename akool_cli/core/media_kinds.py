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
from akool_cli.core.kinds import IdsCall, JobKind, StatusCall, register
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
    1007: "AKOOL found more than 8 faces; use an image or video with fewer faces",
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
