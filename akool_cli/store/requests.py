"""Which request a create attempt sent: its kind and inputs, without what akool records beside them.

The history records a create's inputs with what akool keeps beside them (a name, the batch row
and key that claimed it, the speech a talking photo was made from). Those are not sent to AKOOL:
two creates that differ only there are the same billable request, whichever way (a command, a
batch row, an MCP call, the library) made them. An attempt's `request` column is this digest, so
an unknown outcome blocks every create of the same request (journal.py), found by an index.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from akool_cli.core import redact

# What akool records beside a create's request, by kind ("" for every kind), as data: a claim's
# key and the run's names for it; a talking photo made from text names its speech (its audio_url,
# which is sent, is the speech's); a head swap names the analysis each run asks anew, and an
# older akool recorded the mappings made from it too (its faces, in order, are the request).
BESIDE_THE_REQUEST: dict[str, frozenset[str]] = {
    "": frozenset({"batch_key", "label", "batch_row", "batch_id"}),
    "talking_photo": frozenset({"speech_job", "text", "voice"}),
    "head_swap": frozenset({"analysis_id", "mappings"}),
}


# The inputs that name a create's first step by the id AKOOL gave it (a head swap's analysis),
# by kind: the history keeps each such id with the job made from it, so that the id leads to
# the job (what akool mcp's headswap tool answers is the analysis's id).
FIRST_STEP_IDS: dict[str, tuple[str, ...]] = {"head_swap": ("analysis_id",)}


def sent_inputs(kind: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """The inputs of `kind`'s create that are its request (those AKOOL is sent)."""
    beside = BESIDE_THE_REQUEST[""] | BESIDE_THE_REQUEST.get(kind, frozenset())
    return {name: value for name, value in inputs.items() if name not in beside}


def digest(kind: str, recorded: str) -> str:
    """The request of an attempt from its kind and its inputs as the history keeps them (JSON,
    presigned URLs masked): equal for the same request whatever the order of the inputs. What
    attempts recorded before identity_digest hold (it still matches them: their doubts block)."""
    try:
        inputs = json.loads(recorded)
    except ValueError:
        inputs = {}
    if not isinstance(inputs, dict):
        inputs = {}
    material = json.dumps({"kind": kind, "inputs": sent_inputs(kind, inputs)}, sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()


# Marks a digest of the raw inputs (identity_digest), which m015's digests of recorded inputs
# (masked: `digest`) never start with: those are recomputed after a migration, these never are.
IDENTITY_PREFIX = "v2:"


# Where AKOOL reports a job (a create's webhook URL, by its name in a product's inputs, a body and
# a face swap's body): sent, but no part of which job is made and billed. A rerun whose callback
# is a new tunnel's (ngrok, cloudflared) or a CI run's URL is the same request (break17i I5), as a
# `--name` is. Attempts recorded before kept it in their hash: `with_callback` finds them.
CALLBACK_FIELDS = frozenset({"webhook_url", "webhookUrl", "webhookurl"})


def identity_digest(
    kind: str,
    inputs: dict[str, Any],
    *,
    whole: bool = False,
    defaults_count: bool = False,
    with_callback: bool = False,
) -> str:
    """The request of a create from its inputs as given (not as recorded): every value counts,
    a credential-like query value too (?token=alice and ?token=bob are two requests), except a
    presigned URL's signing parameters (redact.identity: one object signed twice is one input).
    A hash: the values it was made from are never stored. `whole`: of a body as sent, where
    only what akool keeps beside any request is left out (a head swap's mappings count).
    A value restating a documented default counts as left out (kinds.without_defaults), unless
    `defaults_count`; the webhook URL is left out (CALLBACK_FIELDS) unless `with_callback`
    (both: how akool hashed the attempts it recorded before)."""
    from akool_cli.core.kinds import without_defaults

    sent = sent_inputs("" if whole else kind, inputs)
    if not defaults_count:
        sent = without_defaults(kind, sent)
    if not with_callback:
        sent = {name: value for name, value in sent.items() if name not in CALLBACK_FIELDS}
    same = redact.identity_fields(sent)
    material = json.dumps({"kind": kind, "inputs": same}, sort_keys=True, default=str)
    return IDENTITY_PREFIX + hashlib.sha256(material.encode()).hexdigest()


def recorded_body(kind: str, recorded: str) -> str:
    """The body an attempt recorded before m019 sent, as a request (identity_digest whole),
    made again from its recorded inputs where they make it: a talking avatar's layout comes
    from its flat fields alone. '' where they do not (a face swap's faces were looked up, a
    head swap's mappings asked of an analysis) or where the inputs say it all (the others)."""
    if kind != "talking_avatar":
        return ""
    from akool_cli.core import kinds
    from akool_cli.core.talking_avatar import made_body

    try:
        inputs = json.loads(recorded)
    except ValueError:
        return ""
    if not isinstance(inputs, dict):
        return ""
    body = made_body(sent_inputs(kind, inputs))
    return identity_digest(kind, kinds.RawRequest(kinds.get(kind), body).inputs(), whole=True)


# Who sends a create under each kind of claim key (none: a single create), as a message says it.
MADE_BY: tuple[tuple[str, str], ...] = (
    ("mcp:", "an akool mcp tool call"),
    ("speech:", "the speech of akool talk --text"),
    ("run:", "a library create in a run"),
)
SINGLE_CREATE = "akool talk, a product command, akool api or a library call"
BATCH_ROW = "a batch row"


def made_by(batch_key: str | None) -> str:
    """What sent a create, by its attempt's claim key: an MCP call, a batch row, a command."""
    if batch_key is None:
        return SINGLE_CREATE
    return next((who for prefix, who in MADE_BY if batch_key.startswith(prefix)), BATCH_ROW)
