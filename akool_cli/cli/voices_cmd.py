"""The `akool voices` command: the VoiceLab voices usable with `akool talk --text`."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime


def register(app: typer.Typer) -> None:
    app.command()(voices)


def voices(
    ctx: typer.Context,
    gender: list[str] = typer.Option(
        [],
        "--gender",
        metavar="GENDER",
        help="Male or Female (repeat, or separate with commas, for several).",
    ),
    language: str | None = typer.Option(
        None, "--language", metavar="LANGUAGE", help="A language name (English) or code (en)."
    ),
    style: list[str] = typer.Option(
        [], "--style", metavar="TAGS", help="Style tags, e.g. Calm,Authoritative."
    ),
    age: list[str] = typer.Option(
        [], "--age", metavar="AGE", help="Young, Middle or Elderly (or several)."
    ),
    scenario: list[str] = typer.Option(
        [], "--scenario", metavar="TAGS", help="Scenario tags, e.g. Advertisement,Education."
    ),
    streaming: bool | None = typer.Option(
        None, "--streaming/--no-streaming", help="Only voices that do (or do not) stream."
    ),
    search: str | None = typer.Option(None, "--search", metavar="NAME", help="Part of a name."),
    mine: bool = typer.Option(
        False, "--own", "--mine", help="Your cloned voices (akool voice clone) instead of AKOOL's."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
) -> None:
    """List the voices for text to speech (use the id with: akool talk IMAGE_URL --text ... --voice ID).

    The MODEL column matters for talk's --speed and --voice-option: each voice model honours
    only some of them.
    """
    from akool_cli.core.speech import VoiceFilters, check_voice_tags

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    filters = VoiceFilters(
        gender=check_voice_tags("--gender", gender),
        style=check_voice_tags("--style", style),
        age=check_voice_tags("--age", age),
        scenario=check_voice_tags("--scenario", scenario),
        name=search.strip() if search and search.strip() else None,
        support_stream=streaming,
    )
    with runtime.library() as lib:
        found = lib.voices(own=mine, filters=filters, language=language)
    if json_out:
        out.json([asdict(v) for v in found])
    elif runtime.quiet:
        for voice in found:
            out.data(voice.voice_id)
    elif found:
        out.table(
            ("VOICE ID", "NAME", "GENDER", "LANGUAGE", "MODEL"),
            [(v.voice_id, v.name, v.gender, v.language, v.voice_model_name) for v in found],
        )
    else:
        out.info("No voices match; try fewer filters")
