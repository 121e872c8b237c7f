"""`congdoan corpus check|import|export`: validate the gold corpus, move it through annotation tools.

The work is done by :mod:`extractor.corpus` and :mod:`extractor.interop`; this module reads
and writes files and sets the exit status (0 fine, 1 problems found, 2 usage/input error).
"""

from __future__ import annotations

import json
import os
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from cli.output import write_atomic, write_output
from extractor.corpus import CorpusError, check_corpus, check_document, dump_gold, gold_files, load_corpus
from extractor.interop import (
    InteropError,
    from_doccano,
    from_label_studio,
    label_studio_config,
    read_jsonl,
    to_docbin,
    to_doccano,
    to_label_studio,
)
from schemas import LABELS

corpus_app = typer.Typer(help="Check the gold corpus; import from and export to annotation tools.",
                         no_args_is_help=True)


class ImportFormat(str, Enum):
    label_studio = "label-studio"
    doccano = "doccano"


class ExportFormat(str, Enum):
    label_studio = "label-studio"
    doccano = "doccano"
    spacy = "spacy"


class Split(str, Enum):
    dev = "dev"
    test = "test"
    all = "all"


_SUFFIXES = {ExportFormat.label_studio: ".json", ExportFormat.doccano: ".jsonl", ExportFormat.spacy: ".spacy"}


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@corpus_app.command("check")
def check_command(
    corpus: Annotated[Path, typer.Argument(help="The corpus folder (with gold/ and documents/).")] = Path("corpus"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Check every gold file: schema, text vs report file, offsets, labels, overlaps, values.

    Prints one line per problem (file, entity, what is wrong). Exit status: 0 when there
    is none, 1 when there are problems, 2 when the folder does not exist.
    """
    if not corpus.is_dir():
        _fail(f"{corpus}: no such corpus folder")
    problems = check_corpus(corpus)
    for problem in problems:
        typer.echo(str(problem))
    if not quiet:
        files = len({p.file for p in problems})
        summary = f"{len(problems)} problems in {files} files" if problems else "no problems"
        typer.echo(f"{corpus}: {len(gold_files(corpus))} gold files, {summary}", err=True)
    if problems:
        raise typer.Exit(1)


@corpus_app.command("import")
def import_command(
    source: Annotated[Path, typer.Argument(help="A Label Studio JSON export or a doccano JSONL file.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Corpus folder to write gold/<id>.json (and missing documents/<id>.txt) into.")],
    fmt: Annotated[ImportFormat, typer.Option("--from", help="The tool the file comes from.")],
    split: Annotated[Split | None, typer.Option("--split", help="Split of documents that carry none (exported elsewhere).")] = None,
    origin: Annotated[str | None, typer.Option("--origin", help="real or synthetic, for documents that carry none.")] = None,
    labels: Annotated[list[str] | None, typer.Option("--labels", "-l", help="Labels annotated exhaustively, for documents that carry none (default: the labels used).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Read annotations back into gold files, then check them.

    Documents exported by `congdoan corpus export` carry their id, split, origin and
    labels; others take --split, --origin and --labels. Exit status: 0; 1 when an
    imported document has problems (it is still written, and the problems printed);
    2 when the file cannot be read.
    """
    defaults = {"split": split.value if split and split is not Split.all else None, "origin": origin,
                "labels": [part for value in labels for part in value.split(",")] if labels else None}
    defaults = {key: value for key, value in defaults.items() if value is not None}
    try:
        if fmt is ImportFormat.label_studio:
            docs = from_label_studio(json.loads(source.read_text(encoding="utf-8")), **defaults)
        else:
            docs = from_doccano(read_jsonl(source), **defaults)
    except OSError as error:
        _fail(f"{source}: {error.strerror}")
    except json.JSONDecodeError as error:
        _fail(f"{source}: not valid JSON: line {error.lineno} column {error.colno}: {error.msg}")
    except InteropError as error:
        hint = " (documents without congdoan metadata need --split, --origin)" if "Field required" in str(error) else ""
        _fail(f"{source}: {error}{hint}")

    problems = []
    for doc in docs:
        if doc.source is None:
            doc = doc.model_copy(update={"source": f"documents/{doc.id}.txt"})
        report = output / doc.source
        # Write the report only inside the corpus folder: a source is relative to it.
        inside = report.resolve().is_relative_to(output.resolve())
        if inside and not report.exists():
            report.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(report, doc.text or "")
        name = f"gold/{doc.id}.json"
        write_atomic(output / name, dump_gold(doc))
        problems.extend(check_document(doc, name, output, stem=doc.id))
        if not quiet:
            typer.echo(f"{output / name}: {len(doc.entities)} entities", err=True)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        raise typer.Exit(1)


@corpus_app.command("export")
def export_command(
    output: Annotated[str, typer.Argument(help="File to write (.json, .jsonl, .spacy), a folder (congdoan.<ext> in it) or - for stdout.")],
    fmt: Annotated[ExportFormat, typer.Option("--to", help="label-studio (JSON tasks), doccano (JSONL) or spacy (DocBin).")],
    corpus: Annotated[Path, typer.Option("--corpus", help="The corpus folder to export.")] = Path("corpus"),
    split: Annotated[Split, typer.Option("--split", help="Export dev, test or all documents.")] = Split.all,
    config: Annotated[Path | None, typer.Option("--config", help="Also write the Label Studio labelling interface (XML) here.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Write the gold corpus for Label Studio, doccano or spaCy training, values included.

    See extractor/interop.py for where each format keeps the normalised values.
    """
    try:
        docs = load_corpus(corpus, split=split.value)
    except CorpusError as error:
        _fail(str(error))
    target = Path(output)
    if output != "-" and (target.is_dir() or output.endswith(("/", os.sep))):
        target = target / f"congdoan{_SUFFIXES[fmt]}"
    if fmt is ExportFormat.spacy:
        if output == "-":
            _fail("a DocBin is binary: give a file name, e.g. train.spacy")
        _write_bytes(target, to_docbin(docs).to_bytes())
    elif fmt is ExportFormat.label_studio:
        write_output(json.dumps(to_label_studio(docs), ensure_ascii=False, indent=2) + "\n",
                     None if output == "-" else str(target))
    else:
        write_output("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in to_doccano(docs)),
                     None if output == "-" else str(target))
    if config is not None:
        write_atomic(config, label_studio_config(LABELS) + "\n")
    if not quiet:
        typer.echo(f"{len(docs)} documents -> {'stdout' if output == '-' else target}", err=True)


def _write_bytes(path: Path, content: bytes) -> None:
    """Write bytes through a temporary file and an atomic rename, as write_atomic does for text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
