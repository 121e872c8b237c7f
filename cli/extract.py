"""`congdoan extract`: reports in, grounded entities out (JSON or JSON Lines)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cli.output import write_output
from extractor.reading import InputError, Input, decode, expand_paths, read_text


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


def _inputs(paths: list[str]):
    """Yield :class:`Input` or :class:`InputError` for each report named on the command line."""
    for raw in paths:
        if raw == "-":
            try:
                yield Input("-", decode(sys.stdin.buffer.read(), "<stdin>"))
            except InputError as error:
                yield error
            continue
        for item in expand_paths([raw]):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield Input(str(item), read_text(item))
            except InputError as error:
                yield error


def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Report files, folders (all *.txt below) or - for stdin.")],
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="json: one object (a list for several inputs); jsonl: one per line.")] = OutputFormat.json,
    no_text: Annotated[bool, typer.Option("--no-text", help="Leave the input text out of the output.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No diagnostics on stderr.")] = False,
) -> None:
    """Extract money, counts, percentages, dates and document references from reports.

    Exit status: 0 when every input was read, 2 when some input could not be read
    (each is named on stderr; the others are still extracted and written).
    """
    from extractor import default_extractor

    extractor = default_extractor()
    documents = []
    failed = 0
    for item in _inputs(paths):
        if isinstance(item, InputError):
            failed += 1
            typer.echo(f"error: {item}", err=True)
            continue
        source = None if item.source == "-" else item.source
        documents.append(extractor.extract(item.text, source=source, include_text=not no_text))
        if not quiet:
            typer.echo(f"{item.source}: {len(documents[-1].entities)} entities", err=True)

    records = [doc.model_dump(mode="json") for doc in documents]
    single = len(paths) == 1 and (paths[0] == "-" or Path(paths[0]).is_file())
    if fmt is OutputFormat.jsonl:
        content = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    elif single:
        content = json.dumps(records[0], ensure_ascii=False, indent=2) + "\n" if records else ""
    else:
        content = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    # Nothing was read: write nothing rather than an empty result that looks like one.
    if records or not failed:
        write_output(content, output)
    if failed:
        raise typer.Exit(2)

