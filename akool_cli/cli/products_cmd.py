"""The product commands: `lipsync`, `translate`, `image2video`, `text2video`, and the lists
`languages` and `effects`.

Each reads its arguments into the product's documented fields (core/products.py) and hands them
to one flow shared by all: every value checked, local files uploaded with --upload-to and each
input URL checked before billing, the job created once and recorded, then (with --wait or -o)
followed and downloaded as `talk` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.cli import inputs_cli
from akool_cli.cli.options import JSON_JOB, UPLOADS, Common, common_options, output_option
from akool_cli.core.durations import optional_duration
from akool_cli.core.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime
    from akool_cli.core.products import Product

# Common, JSON_JOB and output_option live in options.py; other modules still import them from here.
__all__ = ["JSON_JOB", "Common", "make", "output_option"]

OUTPUT = output_option()
# Images and voices are saved as their bytes say under DIR/.
IMAGE_OUTPUT = output_option("<job id>.png, .jpg or .webp, as its bytes say")
FACES_OUTPUT = output_option("<job id>.jpg, .png or .webp (a video: <job id>.mp4)")
VOICE_OUTPUT = output_option("<job id>.mp3 or .wav, as its bytes say")


def register(app: typer.Typer) -> None:
    app.command()(lipsync)
    app.command()(translate)
    app.command()(image2video)
    app.command()(text2video)
    app.command()(charswap)
    app.command()(headswap)
    app.command()(languages)
    app.command()(models)
    app.command()(effects)


def make(ctx: typer.Context, product: Product, fields: dict[str, Any], common: Common) -> None:
    """Check, upload, create (billed once), and follow when asked: the one product flow, on
    the library's Client.make."""
    from akool_cli.cli import talk_cmd
    from akool_cli.client import Events

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=common.json_out)
    timeout = optional_duration(common.timeout, "--timeout")
    talk_cmd.check_interval(common.interval)
    choice = common.account_choice
    inputs_cli.check_upload_to(common.upload_to)
    with runtime.library() as lib:
        lib.account_choice = choice
        if common.output is not None:
            lib.check_destination(common.output, force=common.force)
        with inputs_cli.upload_display(out) as display:
            job = lib.make(
                product.kind.command,
                fields,
                webhook_url=common.webhook_url,
                name=common.name,
                upload_to=common.upload_to,
                url_ttl=common.url_ttl,
                check=not common.no_check,
                events=Events(**inputs_cli.upload_events(out, display)),
                roles=common.roles,
                reuse=common.reuse,
            )
        _made(runtime, out, lib, job, common, timeout)


def _made(
    runtime: Runtime, out: Any, lib: Any, job: Any, common: Common, timeout: float | None
) -> None:
    """A job just made: its id said, and (with --wait or -o) followed and downloaded."""
    from akool_cli.cli import talk_cmd
    from akool_cli.core import interrupts, kinds

    follow_up = talk_cmd.watch_command(job.id, common.output, common.force)
    runtime.made_job(job.id, follow_up, reuse=common.reuse)  # named if stdout fails (F24)
    if not common.json_out:
        out.data(job.id)
    talk_cmd.say_reused(out, job)
    if job.also:  # more jobs than asked for: each billed, none dropped (break17f F18)
        out.warn(
            f"AKOOL's answer to this create also named {len(job.also)} more job(s), each "
            f"billed: {', '.join(job.also)}; akool recorded them (akool status lists them; "
            "follow one with: akool watch ID)"
        )
    if job.foreign:  # an earlier job's id in the same answer: not this create's (break17h H18)
        out.warn(
            f"AKOOL's answer to this create also named {', '.join(job.foreign)}, which the "
            f"history holds as an earlier job: left as it was; this create's job is {job.id}"
        )
    if not (common.wait or common.output is not None) or interrupts.stop_requested():
        noun = kinds.get(job.kind).noun
        if common.json_out:
            out.json(job.to_json())
        if interrupts.stop_requested():  # asked to stop while the create was answered
            raise interrupts.stopped(
                f"stopped after creating {noun} job {job.id}; it keeps running on AKOOL",
                f"follow it with: {follow_up}",
            )
        made = "" if job.repeated else f"Created {noun} job {job.id}; "
        out.info(f"{made}follow it: akool watch {job.id}")
        return
    follow = (common.interval, timeout, common.output, common.force)
    view, code = talk_cmd.wait_for(runtime, out, lib, job, follow, reuse=common.reuse)
    if common.json_out:
        out.json(view)
    else:
        from akool_cli.client import made_lines

        for line in made_lines(view):  # an asset's id, or a text: the answer itself
            out.data(line)
    if code != ExitCode.OK:
        raise typer.Exit(int(code))


@common_options(OUTPUT)
def lipsync(
    ctx: typer.Context,
    video: str = typer.Argument(
        ..., metavar="VIDEO", help="The video: an http(s) URL, or a local file with --upload-to."
    ),
    audio: str = typer.Argument(
        ..., metavar="AUDIO", help="The speech: an http(s) URL, or a local file with --upload-to."
    ),
    *,
    common: Common,
) -> None:
    """Move a video's lips to new speech (AKOOL lip sync).

    The video should be 60 s or less, 300 MB or less and 25 fps or less (more degrades the
    result); the speech about as long as the video. Prints the job id on stdout.

    Example: akool lipsync clip.mp4 speech.mp3 --upload-to s3://bucket/akool/ -o out/
    """
    from akool_cli.core import products

    make(ctx, products.LIPSYNC, {"video_url": video, "audio_url": audio}, common)


# translate's own options
TO = typer.Option(
    ..., "--to", metavar="CODES", help="Target languages, comma-separated (akool languages)."
)
FROM = typer.Option(
    "DEFAULT", "--from", metavar="CODE", help="The video's language (DEFAULT: detect it)."
)
LIPSYNC = typer.Option(False, "--lipsync", help="Move the lips to the new speech.")
CAPTIONS = typer.Option(
    None,
    "--captions",
    metavar="N",
    help="0 none, 1 add the original's, 2 add the target's, 3 translate and replace the "
    "original's, 4 add translated subtitles.",
)
CAPTIONS_FILE = typer.Option(
    None,
    "--captions-file",
    metavar="F.srt",
    help="Your SRT or ASS subtitles (URL, or a file with --upload-to).",
)
GLOSSARY = typer.Option(
    None,
    "--glossary",
    metavar="F.json",
    help="Words kept, fixed or pronounced, and a style (AKOOL's studio_voice), as JSON.",
)
SPEAKERS = typer.Option(
    None, "--speakers", metavar="N", help="Speakers in the video (0: detect them)."
)
REMOVE_BGM = typer.Option(False, "--remove-bgm", help="Remove background music.")
DYNAMIC_DURATION = typer.Option(
    False, "--dynamic-duration", help="Let the video's length follow the new speech."
)


@common_options(OUTPUT)
def translate(
    ctx: typer.Context,
    video: str = typer.Argument(
        ..., metavar="VIDEO", help="The video: an http(s) URL, or a local file with --upload-to."
    ),
    to: str = TO,
    source: str = FROM,
    lipsync: bool = LIPSYNC,
    captions: int | None = CAPTIONS,
    captions_file: str | None = CAPTIONS_FILE,
    glossary: str | None = GLOSSARY,
    speakers: int | None = SPEAKERS,
    remove_bgm: bool = REMOVE_BGM,
    dynamic_duration: bool = DYNAMIC_DURATION,
    *,
    common: Common,
) -> None:
    """Translate a video into other languages (AKOOL video translation).

    -o DIR/ saves the translated video as <job id>.mp4 and beside it the original and translated
    subtitles (<job id>.original.srt, <job id>.translated.srt) and the video without captions
    (<job id>.no_captions.mp4). The video should be 60 s or less, 300 MB or less, 30 fps or
    less, with audio.

    Example: akool translate talk.mp4 --to es,fr --lipsync --upload-to s3://my-bucket/akool/ -o out/
    """
    from akool_cli.core import products

    studio_voice = None
    if glossary is not None:
        studio_voice = products.read_glossary(_read_text(glossary), f"--glossary {glossary}")
    fields = products.translation_fields(
        video,
        to,
        source=source,
        lipsync=lipsync or None,
        captions=captions,
        captions_url=captions_file,
        glossary=studio_voice,
        speakers=speakers,
        remove_bgm=remove_bgm or None,
        dynamic_duration=dynamic_duration or None,
    )
    make(ctx, products.TRANSLATION, fields, common)


@common_options(OUTPUT)
def image2video(
    ctx: typer.Context,
    image: str = typer.Argument(
        ..., metavar="IMAGE", help="The image: an http(s) URL, or a local file with --upload-to."
    ),
    prompt: str = typer.Option(..., "--prompt", help="How to animate the image."),
    negative_prompt: str | None = typer.Option(
        None, "--negative-prompt", help="What to avoid in the video."
    ),
    resolution: str = typer.Option(
        "720p", "--resolution", metavar="720p|1080p|4k", help="The video's resolution."
    ),
    length: int = typer.Option(
        5, "--length", metavar="5|10", help="Seconds of video (10: Pro plans and above)."
    ),
    audio: str | None = typer.Option(
        None, "--audio", metavar="AUDIO", help="Your soundtrack (URL, or a file with --upload-to)."
    ),
    no_audio: bool = typer.Option(
        False, "--no-audio", help="A silent video (default: AKOOL generates the sound)."
    ),
    effect: str | None = typer.Option(
        None, "--effect", metavar="CODE", help="An effect code from: akool effects."
    ),
    premium: bool = typer.Option(False, "--premium", help="The premium model (Pro plans)."),
    extend_prompt: bool = typer.Option(
        False, "--extend-prompt", help="Let AKOOL extend the prompt."
    ),
    *,
    common: Common,
) -> None:
    """Animate an image into a video (AKOOL image to video).

    Costs (AKOOL's price table): 5 s at 720p 20 credits, 1080p 25, 4k 30; 10 s twice that.

    Example: akool image2video photo.jpg --prompt "slow zoom in" --upload-to s3://my-bucket/akool/ -o out/
    """
    from akool_cli.core import products

    if audio is not None and no_audio:
        raise UsageError(
            "give --audio or --no-audio, not both",
            hint="--audio AUDIO for your soundtrack, --no-audio for silence",
        )
    fields = products.image2video_fields(
        image,
        prompt,
        negative_prompt=negative_prompt,
        resolution=resolution,
        length=length,
        audio_url=audio,
        audio=not no_audio,
        effect=effect,
        premium=premium or None,
        extend_prompt=extend_prompt or None,
    )
    make(ctx, products.IMAGE2VIDEO, fields, common)


@common_options(OUTPUT, without=UPLOADS)
def text2video(
    ctx: typer.Context,
    prompt: str = typer.Option(..., "--prompt", help="The video to make (≤ 5000 characters)."),
    model: str | None = typer.Option(
        None, "--model", metavar="NAME", help="A text-to-video model (AKOOL's model list)."
    ),
    resolution: str | None = typer.Option(
        None, "--resolution", metavar="RES", help="One of the model's resolutions, e.g. 720p."
    ),
    length: int | None = typer.Option(
        None, "--length", metavar="S", help="One of the model's lengths, in seconds."
    ),
    negative_prompt: str | None = typer.Option(
        None, "--negative-prompt", help="What to avoid (≤ 1000 characters)."
    ),
    extend_prompt: bool = typer.Option(
        False, "--extend-prompt", help="Let AKOOL extend the prompt."
    ),
    *,
    common: Common,
) -> None:
    """Make a video from a prompt (AKOOL text to video).

    Example: akool text2video --prompt "a calm lake at sunset" -o out/
    """
    from akool_cli.core import products

    fields = products.text2video_fields(
        prompt,
        model=model,
        resolution=resolution,
        length=length,
        negative_prompt=negative_prompt,
        extend_prompt=extend_prompt or None,
    )
    make(ctx, products.TEXT2VIDEO, fields, common)


def _read_text(path: str) -> str:
    from akool_cli.core.bounded import GLOSSARY_BYTES, read_text_file

    hint = "give a UTF-8 JSON file of a few KB"
    return read_text_file(Path(path), GLOSSARY_BYTES, f"--glossary {path}", hint)


@common_options(OUTPUT)
def charswap(
    ctx: typer.Context,
    image: str = typer.Argument(
        ..., metavar="IMAGE", help="The character: a PNG or JPEG URL, or a file with --upload-to."
    ),
    video: str = typer.Argument(
        ..., metavar="VIDEO", help="The motion source: an MP4 URL, or a file with --upload-to."
    ),
    mode: str = typer.Option(
        "animate",
        "--mode",
        metavar="animate|replace",
        help="animate: the image moves with the video's motion; replace: the character goes "
        "into the video.",
    ),
    resolution: str = typer.Option(
        "720p", "--resolution", metavar="480p|720p|1080p", help="The video's resolution."
    ),
    duration: float | None = typer.Option(
        None, "--duration", metavar="S", help="Seconds to make, 1 to 120 (default: the video's)."
    ),
    prompt: str | None = typer.Option(None, "--prompt", help="Guidance (≤ 500 characters)."),
    *,
    common: Common,
) -> None:
    """Put a character into a video, or animate it with the video's motion (AKOOL character
    swap; a Pro plan or higher).

    AKOOL's price: per started 5 s, 480p 5 credits, 720p 10, 1080p 15.

    Example: akool charswap hero.png dance.mp4 --mode replace --upload-to s3://my-bucket/akool/ -o out/
    """
    from akool_cli.core import products

    fields = products.charswap_fields(
        image, video, mode=mode, resolution=resolution, duration=duration, prompt=prompt
    )
    make(ctx, products.CHARACTER_SWAP, fields, common)


@common_options(OUTPUT)
def headswap(
    ctx: typer.Context,
    video: str = typer.Argument(
        ..., metavar="VIDEO", help="The video (about 3-20 s): a URL, or a file with --upload-to."
    ),
    faces: list[str] = typer.Option(
        ...,
        "--face",
        metavar="IMG",
        help="A reference face for the next person AKOOL's analysis finds (repeat, up to 5).",
    ),
    resolution: str = typer.Option("720p", "--resolution", metavar="480p|720p"),
    no_sound: bool = typer.Option(False, "--no-sound", help="Drop the video's sound."),
    *,
    common: Common,
) -> None:
    """Swap heads in a video (AKOOL head swap): AKOOL first analyses the video's people (akool
    waits for it), then the first --face goes to the first person found, and so on.

    Example: akool headswap clip.mp4 --face anna.jpg --face ben.jpg --upload-to s3://my-bucket/akool/ -o out/
    """
    from akool_cli.cli import talk_cmd
    from akool_cli.client import Events

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=common.json_out)
    waited = optional_duration(common.timeout, "--timeout")
    talk_cmd.check_interval(common.interval)
    choice = common.account_choice
    inputs_cli.check_upload_to(common.upload_to)
    with runtime.library() as lib:
        lib.account_choice = choice
        if common.output is not None:
            lib.check_destination(common.output, force=common.force)
        with inputs_cli.upload_display(out) as display:
            job = lib.headswap(
                video,
                faces,
                resolution=resolution,
                keep_sound=False if no_sound else None,
                webhook_url=common.webhook_url,
                name=common.name.strip(),
                upload_to=common.upload_to,
                url_ttl=common.url_ttl,
                check=not common.no_check,
                timeout=waited,
                events=Events(**inputs_cli.upload_events(out, display)),
                reuse=common.reuse,
            )
        _made(runtime, out, lib, job, common, waited)


def models(
    ctx: typer.Context,
    product: str = typer.Option(
        "text2video", "--for", metavar="text2video|image2video", help="Which product's models."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
) -> None:
    """List AKOOL's models for text or image to video (use a value with: akool text2video
    --model), with their resolutions and lengths."""
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        found = lib.models(product)
    if json_out:
        out.json(found)
    elif runtime.quiet:
        for model in found:
            out.data(str(model["value"]))
    else:
        rows = [
            [
                str(m["value"]),
                str(m["label"] or ""),
                ",".join(str(r) for r in m["resolutions"]),
                ",".join(str(d) for d in m["durationList"] or []),
            ]
            for m in found
        ]
        out.table(("MODEL", "LABEL", "RESOLUTIONS", "SECONDS"), rows)


def languages(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
) -> None:
    """List the languages video translation speaks (use a code with: akool translate --to)."""
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        found = lib.languages()
    if json_out:
        out.json(found)
    elif runtime.quiet:
        for language in found:
            out.data(language["lang_code"])
    else:
        out.table(("CODE", "LANGUAGE"), [[x["lang_code"], x["lang_name"]] for x in found])


def effects(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
) -> None:
    """List the effects image to video offers (use a code with: akool image2video --effect)."""
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        found = lib.effects()
    if json_out:
        out.json(found)
    elif runtime.quiet:
        for effect in found:
            out.data(str(effect["effect_code"]))
    else:
        rows = [[str(e["effect_code"]), str(e["name"])] for e in found]
        out.table(("CODE", "NAME"), rows)
