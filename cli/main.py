"""Entry point of the `congdoan` command."""

from __future__ import annotations

import typer

from cli.corpus import corpus_app
from cli.evaluate import evaluate_command
from cli.extract import extract_command
from cli.schema import schema_command

app = typer.Typer(
    name="congdoan",
    help="Grounded, structured data from Vietnamese trade-union reports.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("extract")(extract_command)
app.command("evaluate")(evaluate_command)
app.add_typer(corpus_app, name="corpus")
app.command("schema")(schema_command)


@app.callback()
def main() -> None:
    """Grounded, structured data from Vietnamese trade-union reports."""


if __name__ == "__main__":
    app()
