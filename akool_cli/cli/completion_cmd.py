"""The `akool completion` command: the completion script for a shell on stdout, as gh does, so
that pip, pipx and uv users get completions without a checkout: eval "$(akool completion bash)".

The scripts are made from the app by akool_cli.cli.docs; `make docs` writes the same text to
completions/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from akool_cli.core.errors import UsageError

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime


def register(app: typer.Typer) -> None:
    app.command()(completion)


def complete_shell(incomplete: str) -> list[str]:
    from akool_cli.cli.docs import SHELLS

    return [shell for shell in SHELLS if shell.startswith(incomplete)]


def completion(
    ctx: typer.Context,
    shell: str = typer.Argument(
        ..., metavar="SHELL", help="bash, zsh or fish.", autocompletion=complete_shell
    ),
) -> None:
    """Print the shell completion script for bash, zsh or fish.

    bash (~/.bashrc): eval "$(akool completion bash)"
    zsh (~/.zshrc, after compinit): eval "$(akool completion zsh)"
    fish: akool completion fish > ~/.config/fish/completions/akool.fish
    """
    from akool_cli.cli import app
    from akool_cli.cli.docs import SCRIPTS, SHELLS

    runtime: Runtime = ctx.obj
    name = SHELLS.get(shell.strip().lower())
    if name is None:
        raise UsageError(
            f"akool has no completion script for {shell!r}",
            hint=f"choose one of: {', '.join(SHELLS)} (e.g. akool completion bash)",
        )
    runtime.output().text(SCRIPTS[name](app))
