"""The `akool voices` command: the VoiceLab voices usable with `akool talk --text`."""

from __future__ import annotations

from dataclasses import asdict

import typer


def register(app: typer.Typer) -> None:
    app.command()(voices)


def voices(
    ctx: typer.Context,
    gender: str | None = typer.Option(None, "--gender", help="Male or Female."),
    language: str | None = typer.Option(None, "--language", help="e.g. English."),
    search: str | None = typer.Option(None, "--search", metavar="NAME", help="Part of a name."),
    mine: bool = typer.Option(False, "--mine", help="Your cloned voices instead of AKOOL's."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
) -> None:
    """List the voices for text to speech (use the id with: akool talk IMAGE_URL --text ... --voice ID)."""
    runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.client() as client:
        found = client.list_voices(own=mine, gender=gender, language=language, name=search)
    if json_out:
        out.json([asdict(v) for v in found])
    elif runtime.quiet:
        for voice in found:
            out.data(voice.voice_id)
    elif found:
        out.table(
            ("VOICE ID", "NAME", "GENDER", "LANGUAGE"),
            [(v.voice_id, v.name, v.gender, v.language) for v in found],
        )
    else:
        out.info("No voices match; try fewer filters")
