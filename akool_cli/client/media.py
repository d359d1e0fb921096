"""AKOOL's image, voice, avatar and moderation products from Python as their commands make them
(`akool image`, `voice change`, `voice clone`, `avatars`, `moderate`), and deleting results
where AKOOL documents how. Face swap and reage are in making.py."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from akool_cli.client.arguments import as_text
from akool_cli.client.job import Job
from akool_cli.client.making import InputOptions, MakingMixin
from akool_cli.core import kinds, states
from akool_cli.core.errors import UsageError
from akool_cli.core.validate import check_job_id, check_job_ids

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from typing_extensions import Unpack

    from akool_cli.core.mediatypes import Role
    from akool_cli.net.api import AkoolClient
    from akool_cli.store.journal import JobRecord


class MediaMixin(MakingMixin):
    def image(
        self,
        prompt: str,
        *,
        scale: str | None = None,
        source_image: str | os.PathLike[str] | None = None,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """An image from a prompt (billed); `source_image` makes it image to image, `scale` is
        the aspect ratio ("16:9"). Then upscale() or variation() one image of the set."""
        from akool_cli.core.products import given

        fields = given(prompt=prompt, scale=scale, source_image=source_image)
        return self.make("image", fields, webhook_url=webhook_url, name=name, **inputs)

    def upscale(self, image_id: str, n: int = 1, **options: Any) -> Job:
        """The n-th image (1-4) of a generated set upscaled to 4K (button Un; billed)."""
        return self.image_button(image_id, f"U{n}", **options)

    def variation(self, image_id: str, n: int = 1, **options: Any) -> Job:
        """A variation of the n-th image (1-4) of a generated set (button Vn; billed)."""
        return self.image_button(image_id, f"V{n}", **options)

    def image_button(
        self,
        image_id: str,
        button: str,
        *,
        webhook_url: str | None = None,
        name: str = "",
        reuse: bool = False,
    ) -> Job:
        """AKOOL's button (U1-U4, V1-V4) on a generated image, checked first: the image must be
        done and offer the button. `reuse`: as make()'s."""
        from akool_cli.core.products import PRODUCTS

        fields = {"_id": image_id, "button": button}
        PRODUCTS["image_button"].build(fields)  # a button AKOOL has, before asking it
        self.check_image_button(image_id, button)
        return self.make("image_button", fields, webhook_url=webhook_url, name=name, reuse=reuse)

    def check_image_button(self, image_id: str, button: str) -> None:
        """Before billing an upscale or variation: its image is done and offers the button
        (the `buttons` AKOOL lists once an image is done). Raises UsageError otherwise."""
        from akool_cli.core import media_kinds

        record = self.journal.get(check_job_id(image_id))
        self._check_made_here(image_id, button, record)
        made = {media_kinds.IMAGE.name, media_kinds.IMAGE_BUTTON.name}
        kind = kinds.get(record.kind) if record and record.kind in made else media_kinds.IMAGE
        info = self.api_of(record).detail(kind, image_id)
        if record is not None:
            self.journal.update_from(info)
        if info.video_status != states.Status.DONE:
            raise UsageError(
                f"image {image_id} is {info.state}: upscales and variations are made of a "
                "finished image",
                hint=f"wait for it: akool watch {image_id}",
            )
        offered = info.raw.get("buttons") or info.raw.get("display_buttons")
        if isinstance(offered, list) and offered and button not in offered:
            raise UsageError(
                f"image {image_id} offers {', '.join(map(str, offered))}, not {button}",
                hint="pick one of the buttons AKOOL offers for it",
            )

    def _check_made_here(self, image_id: str, button: str, record: JobRecord | None) -> None:
        """An image is upscaled or varied on the server and profile that made it: anywhere
        else AKOOL answers 1008, "the image does not exist" (break17i I14)."""
        from akool_cli.store.config import DEFAULT_PROFILE

        if record is None or not record.base_url:
            return  # not in this history: AKOOL says whether it knows it
        if (record.base_url, record.profile) == (self.base_url, self.profile):
            return
        same = record.profile == self.profile
        there = record.base_url + ("" if same else f" (profile {record.profile})")
        here = self.base_url + ("" if same else f" (profile {self.profile})")
        # The profile is named when it differs too (default included): following a hint that names
        # only the server it is already on printed the same refusal (break17k K15).
        named = record.profile != DEFAULT_PROFILE or not same
        flags = f"--base-url {record.base_url}" + (f" --profile {record.profile}" if named else "")
        client = f"base_url={record.base_url!r}" + (
            f", profile={record.profile!r}" if named else ""
        )
        command = "upscale" if button.startswith("U") else "variation"
        raise UsageError(
            f"image {image_id} was made on {there}, not on {here}: an upscale or a variation "
            "is made only where its image was; nothing was sent",
            hint=f"run it there: akool {flags} image {command} {image_id} {button} (from "
            f"Python: Client({client}))",
        )

    def voice_change(
        self,
        voice_id: str,
        source_voice_file: str | os.PathLike[str],
        *,
        voice_options: Mapping[str, Any] | None = None,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """A recording spoken again in the voice `voice_id` (billed; Akool Multilingual 1
        voices). `voice_options`: stability, similarity_boost, style, speaker_boost,
        file_format ("mp3" or "wav"), remove_background_noise, speed (0.7-1.2)."""
        from akool_cli.core.products import given

        fields = given(
            voice_id=voice_id,
            source_voice_file=source_voice_file,
            voice_options=dict(voice_options) if voice_options else None,
        )
        return self.make("voice_change", fields, webhook_url=webhook_url, name=name, **inputs)

    def voice_clone(
        self,
        source_voice_file: str | os.PathLike[str],
        voice_name: str | None = None,
        *,
        voice_options: Mapping[str, Any] | None = None,
        model: str | None = None,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """A voice cloned from a recording (billed). Once done, `job.outputs["voice_id"]` speaks
        with speak() and talk --text, and the voice is in list_voices(own=True). `voice_name`
        is optional, as AKOOL's page says (its name in list_voices); `name` is the history's
        label, as for every product (the voice's name when not given)."""
        from akool_cli.core.products import given

        fields = given(
            source_voice_file=source_voice_file,
            name=voice_name,
            voice_options=dict(voice_options) if voice_options else None,
            voice_model_name=model,
        )
        label = name or voice_name or ""
        return self.make("voice_clone", fields, webhook_url=webhook_url, name=label, **inputs)

    def avatar_add(
        self,
        url: str | os.PathLike[str],
        avatar_name: str,
        *,
        avatar_id: str | None = None,
        streaming: bool = False,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """An avatar made from a video (about a minute) or an image (billed). Once done,
        `job.outputs["avatar_id"]` names it; avatar_id is made from the name if not given.
        `name` is the history's label (the avatar's name when not given)."""
        from akool_cli.core.products import given

        fields = given(
            url=url, name=avatar_name, avatar_id=avatar_id, type=2 if streaming else None
        )
        return self.make("avatars add", fields, name=name or avatar_name, **inputs)

    def talking_avatar(
        self,
        avatar: str,
        audio_url: str | os.PathLike[str] | None = None,
        *,
        text: str | None = None,
        voice: str | None = None,
        background: str | os.PathLike[str] | None = None,
        avatar_from: int | None = None,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """An avatar speaking a recording (`audio_url`) or a text (`text` with a VoiceLab
        `voice`), on a background image or colour (talking avatar; billed). `avatar` is an
        avatar_id from avatars() (its `from` is looked up, and an unknown id refused before
        billing) or your own avatar's image or video. Local files need `upload_to`."""
        from akool_cli.core.talking_avatar import avatar_fields

        fields = avatar_fields(
            avatar,
            as_text(audio_url),
            text=text,
            voice=voice,
            background=as_text(background),
            avatar_from=avatar_from,
        )
        # make() looks an avatar_id's avatar_from up in AKOOL's list (refused when not listed).
        return self.make("avatar", fields, webhook_url=webhook_url, name=name, **inputs)

    def moderate(
        self,
        content: str,
        *,
        type: str | None = None,
        language: str | None = None,
        look_for: str | None = None,
        webhook_url: str | None = None,
        name: str = "",
        **inputs: Unpack[InputOptions],
    ) -> Job:
        """Text, or the URL of an image, video, audio or document, checked against a content
        policy (Jarvis Moderator; billed). `type` ("image", "video", "audio", "text") is taken
        from a URL's suffix when not given. Once done, `job.outputs` holds AKOOL's `result` and
        `final_conclusion` (Non-Compliant, Compliant or Unknown)."""
        from akool_cli.core import media_products
        from akool_cli.core.products import given
        from akool_cli.core.validate import check_text

        content = check_text(content, "the content")
        is_file = content.startswith(("http://", "https://")) or os.path.isfile(content)
        what = type or (media_products.moderation_type(content) if is_file else "text")
        if what not in media_products.MODERATION_TYPES:
            raise UsageError(
                f"cannot tell what {content[:60]!r} is", hint='give type="image" (or video, ...)'
            )
        fields = given(
            content=content,
            type=media_products.MODERATION_TYPES[what],
            language=language,
            input=look_for,
        )
        role = cast("Role", what) if is_file and what != "text" else None
        return self.make(
            "moderation",
            fields,
            webhook_url=webhook_url,
            name=name,
            roles={"content": role} if role else None,
            **inputs,
        )

    def delete(self, job_ids: str | Iterable[str]) -> Deleted:
        """Delete jobs' results on AKOOL where it documents how (face swap and reage, image to
        video, cloned voices): one request per endpoint for all its ids. Irreversible. A job
        akool cannot delete (not in the history, or no documented delete) is a UsageError
        before anything is sent."""
        ids = check_job_ids(job_ids)
        groups: dict[tuple[int, str], tuple[AkoolClient, kinds.IdsCall, list[str]]] = {}
        problems = []
        for job_id in ids:
            record = self.journal.get(job_id)
            kind = self._kind_of(record)
            api = self.api_of(record)
            call = kind.delete
            if record is None or call is None:
                why = "not in akool's history" if record is None else f"{kind.a_noun} job"
                problems.append(f"{job_id} ({why})")
                continue
            groups.setdefault((id(api), call.endpoint.key), (api, call, []))[2].append(job_id)
        if problems:
            raise UsageError(
                "AKOOL documents no delete for " + ", ".join(problems) + "; nothing was deleted",
                hint="akool deletes face swap, reage and image to video results and cloned voices",
            )
        deleted, refused = [], {}
        for api, call, group in groups.values():
            data = api.call(call.endpoint, body=call.body(group))
            done, no = _delete_answer(data, group)
            deleted += done
            refused.update(no)
            self.journal.mark_deleted(done)
        return Deleted(deleted, refused)

    def background_change(self, *args: Any, **kwargs: Any) -> Job:
        """AKOOL's background change, which its docs say is deprecated and no longer available:
        always a UsageError naming what the docs say (no replacement is named)."""
        raise background_change_gone()


@dataclass(frozen=True)
class Deleted:
    """What delete() did: the ids AKOOL deleted, and why it refused the others."""

    deleted: list[str]
    refused: dict[str, str]


def _delete_answer(data: Any, ids: list[str]) -> tuple[list[str], dict[str, str]]:
    """The ids a delete answer says it deleted and refused (image2Video's and voice/del's list
    them; face swap's answer carries no data: all of them)."""
    if not isinstance(data, dict) or "successIds" not in data:
        return list(ids), {}
    done = [str(i) for i in data.get("successIds") or [] if str(i) in ids]
    items = data.get("noPermissionItems") or data.get("noPermissionVoices") or []
    refused = {
        str(item.get("_id")): str(item.get("msg") or "refused")
        for item in items
        if isinstance(item, dict)
    }
    for job_id in ids:
        if job_id not in done and job_id not in refused:
            refused[job_id] = "AKOOL's answer does not list it as deleted"
    return done, refused


def background_change_gone() -> UsageError:
    """What akool says about background change: deprecated, no longer available, and (as the
    docs say nothing more) no replacement named."""
    from akool_cli.core import catalogue

    endpoint = catalogue.load().find("POST", "/api/open/v3/content/image/bg/replace")
    page = endpoint.url if endpoint is not None else "docs.akool.com"
    return UsageError(
        "AKOOL's background change (POST /api/open/v3/content/image/bg/replace) is deprecated "
        f"and no longer available ({page}); AKOOL's docs name no replacement",
        hint="remove it from your scripts (akool audit flags the calls that remain)",
    )
