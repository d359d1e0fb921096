"""The `akool voice` commands: `change` (a recording spoken again in another voice) and `clone` (a
new voice from a recording: its voice_id works with `akool talk --text --voice` and is listed by
`akool voices --own`).

Each hands its fields to the one product flow (products_cmd.make).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import typer

from akool_cli.cli.options import Common, common_options
from akool_cli.cli.products_cmd import VOICE_OUTPUT, make
from akool_cli.core import jsontext

voice_app = typer.Typer(
    help="Change the voice of a recording, or clone a voice (AKOOL VoiceLab).",
    no_args_is_help=True,
)
FILE = typer.Argument(
    ..., metavar="FILE", help="The recording: a URL, or a local file with --upload-to."
)
REMOVE_NOISE = typer.Option(
    False, "--remove-noise", help="Remove background noise from the recording first."
)


def register(app: typer.Typer) -> None:
    app.add_typer(voice_app, name="voice")


def parse_options(pairs: list[str]) -> dict[str, Any]:
    """KEY=VALUE pairs as voice_options: numbers, true/false and lists (a,b) as such."""
    from akool_cli.core.errors import UsageError

    found: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(
                f"--option {pair!r} is not KEY=VALUE", hint="e.g. --option stability=0.5"
            )
        try:
            value: Any = jsontext.loads(text)
        except ValueError:
            value = text
        found[key.strip()] = value
    return found


@voice_app.command()
@common_options(VOICE_OUTPUT)
def change(
    ctx: typer.Context,
    voice_id: str = typer.Argument(
        ..., metavar="VOICE_ID", help="The voice to speak in (akool voices, akool voices --own)."
    ),
    file: str = FILE,
    audio_format: str | None = typer.Option(
        None, "--format", metavar="mp3|wav", help="The result's format (AKOOL's default: mp3)."
    ),
    speed: float | None = typer.Option(None, "--speed", metavar="S", help="0.7 to 1.2 (1)."),
    remove_noise: bool = REMOVE_NOISE,
    option: list[str] = typer.Option(
        [],
        "--option",
        metavar="KEY=VALUE",
        help="Another voice option (repeatable): stability, similarity_boost, style (0-1), "
        "speaker_boost (true/false).",
    ),
    *,
    common: Common,
) -> None:
    """Speak FILE again in the voice VOICE_ID (AKOOL voice changer; Akool Multilingual 1 voices).

    The result is saved as what it is (<id>.mp3 or <id>.wav under -o DIR/). AKOOL charges by the
    minute (4.4 credits on Pro).

    Example: akool voice change VOICE_ID speech.mp3 --upload-to s3://bucket/akool/ -o out/
    """
    from akool_cli.core import products

    chosen = parse_options(option)
    chosen.update(
        products.given(
            file_format=audio_format, speed=speed, remove_background_noise=remove_noise or None
        )
    )
    fields = products.given(voice_id=voice_id, source_voice_file=file, voice_options=chosen or None)
    make(ctx, products.PRODUCTS["voice_change"], fields, common)


@voice_app.command()
@common_options(without=("output", "force", "name"))
def clone(
    ctx: typer.Context,
    file: str = FILE,
    voice_name: str | None = typer.Option(
        None, "--name", metavar="NAME", help="The new voice's name (optional, as AKOOL's)."
    ),
    language: str | None = typer.Option(
        None, "--language", metavar="CODE", help="The recording's language (ISO 639-1; en)."
    ),
    model: str | None = typer.Option(
        None,
        "--model",
        metavar="MODEL",
        help="Akool Multilingual 1 (AKOOL's default), 3 or 4.",
    ),
    remove_noise: bool = REMOVE_NOISE,
    option: list[str] = typer.Option(
        [],
        "--option",
        metavar="KEY=VALUE",
        help='Another option (repeatable): style=["Calm"], gender=["Male"], age, scenario, '
        "clone_prompt, need_volume_normalization.",
    ),
    *,
    common: Common,
) -> None:
    """Clone a voice from FILE (AKOOL voice clone): a voice_id, kept on AKOOL, not a file.

    With --wait, the voice_id is printed once the clone is done; use it with
    akool talk IMAGE --text "..." --voice VOICE_ID. akool voices --own lists your clones.

    Example: akool voice clone me.wav --name "My voice" --upload-to s3://bucket/akool/ --wait
    """
    from akool_cli.core import products

    chosen = parse_options(option)
    chosen.update(products.given(language=language, remove_background_noise=remove_noise or None))
    fields = products.given(
        source_voice_file=file,
        name=voice_name,
        voice_options=chosen or None,
        voice_model_name=model,
    )
    common = replace(common, name=voice_name or "")  # its --name is the voice's: a label too
    make(ctx, products.PRODUCTS["voice_clone"], fields, common)
