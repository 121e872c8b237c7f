"""`congdoan evaluate`: score the extractor (or saved predictions) against the gold corpus.

The numbers come from :func:`extractor.evaluate.evaluate`; this module reads the inputs,
prints a rich table or JSON, and turns ``--min-f1`` thresholds into the exit status.
"""

from __future__ import annotations

import json
import sys
import tomllib
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
import yaml

from extractor.corpus import CorpusError, load_corpus, load_predictions
from extractor.evaluate import (
    EvaluationResult,
    LabelScores,
    RecordScores,
    Scores,
    check_thresholds,
    evaluate,
    evaluate_baseline,
)
from schemas import LABELS, ExtractedDocument, GoldDocument

AVERAGES = ("micro", "macro")


class Split(str, Enum):
    dev = "dev"
    test = "test"
    all = "all"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


class Perturbation(str, Enum):
    unaccent = "unaccent"
    ocr = "ocr"


def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="A corpus folder (with gold/) or a folder of gold JSON files.")],
    pred: Annotated[Path | None, typer.Option("--pred", "-p", help="Predictions: a JSON/JSONL file or folder of them, matched to gold by source file name or id. Default: run the extractor.")] = None,
    split: Annotated[Split, typer.Option("--split", "-s", help="Score dev, test or all gold documents.")] = Split.all,
    labels: Annotated[list[str] | None, typer.Option("--labels", "-l", help="Score only these labels (repeat or comma-separate).")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table (rich) or json.")] = ReportFormat.table,
    errors: Annotated[bool, typer.Option("--errors", "-e", help="List every strict false positive and false negative.")] = False,
    min_f1: Annotated[list[str] | None, typer.Option("--min-f1", help="LABEL=0.95, micro=0.9 or macro=0.9: exit 1 when the strict F1 is lower (repeatable).")] = None,
    thresholds: Annotated[Path | None, typer.Option("--thresholds", help="TOML/YAML file of thresholds: a min_f1 table of LABEL = 0.95 (or a flat mapping).")] = None,
    baseline: Annotated[bool, typer.Option("--baseline", help="Also score underthesea's ner() as PERSON/ORG/LOC.")] = False,
    perturb: Annotated[Perturbation | None, typer.Option("--perturb", help="Score on damaged copies of the gold texts: unaccent (no diacritics) or ocr (seeded OCR noise); entities only.")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the --perturb ocr noise.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr.")] = False,
) -> None:
    """Precision, recall and F1 per label against the gold corpus, strict and lenient.

    Exit status: 0; 1 when a --min-f1/--thresholds score is not reached; 2 on a usage
    or input error (a missing folder, an invalid gold file, a bad threshold).
    """
    wanted = _labels(labels)
    minimum = {**(_read_thresholds(thresholds) if thresholds else {}), **_parse_thresholds(min_f1 or [])}
    try:
        documents = load_corpus(gold, split=split.value)
    except CorpusError as error:
        _fail(str(error))
    if not documents:
        _fail(f"{gold}: no gold documents" + (f" in split {split.value}" if split is not Split.all else ""))
    if perturb is not None:
        if pred is not None:
            _fail("--perturb runs the extractor on damaged texts; leave out --pred")
        from extractor.perturb import perturb_corpus

        documents = perturb_corpus(documents, perturb.value, seed=seed)

    predictions = _predictions(documents, pred, quiet)
    result = evaluate(documents, predictions, labels=wanted, split=split.value, records=perturb is None)
    if baseline:
        result.baseline = evaluate_baseline(documents, split=split.value, labels=wanted)
    if result.missing and not quiet:
        typer.echo(f"warning: no prediction for {len(result.missing)} gold documents: {', '.join(result.missing)}", err=True)

    perturbation = None if perturb is None else {"kind": perturb.value, "seed": seed}
    if fmt is ReportFormat.json:
        data = _as_json(result, errors)
        if perturbation is not None:
            data["perturbation"] = perturbation
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_report(result, errors, perturbation)

    failures = check_thresholds(result, minimum)
    for failure in failures:
        typer.echo(f"below threshold: {failure}", err=True)
    if failures:
        raise typer.Exit(1)


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _labels(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    labels = [part.strip().upper() for value in values for part in value.split(",") if part.strip()]
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        raise typer.BadParameter(f"unknown label(s) {', '.join(unknown)}; choose from {', '.join(LABELS)}",
                                 param_hint="--labels")
    return labels


def _parse_thresholds(items: list[str]) -> dict[str, float]:
    """``["MONEY=0.95", "micro=0.9"]`` -> ``{"MONEY": 0.95, "micro": 0.9}``."""
    parsed: dict[str, float] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"{item!r}: write LABEL=0.95", param_hint="--min-f1")
        parsed[name.strip()] = _threshold(name.strip(), value.strip(), "--min-f1")
    return parsed


def _threshold(name: str, value: Any, hint: str) -> float:
    if name not in LABELS and name not in AVERAGES:
        raise typer.BadParameter(f"{name!r} is not a label nor micro/macro ({', '.join(LABELS)})", param_hint=hint)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise typer.BadParameter(f"{name}: {value!r} is not a number", param_hint=hint) from None
    if not 0 <= number <= 1:
        raise typer.BadParameter(f"{name}: {number} is not between 0 and 1", param_hint=hint)
    return number


def _read_thresholds(path: Path) -> dict[str, float]:
    """Thresholds from TOML or YAML: a ``min_f1`` table, or a flat ``LABEL: 0.95`` mapping."""
    try:
        content = path.read_text(encoding="utf-8")
        data = tomllib.loads(content) if path.suffix == ".toml" else yaml.safe_load(content)
    except OSError as error:
        raise typer.BadParameter(f"{path}: {error.strerror}", param_hint="--thresholds") from None
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as error:
        raise typer.BadParameter(f"{path}: {error}", param_hint="--thresholds") from None
    if isinstance(data, dict) and isinstance(data.get("min_f1"), dict):
        data = data["min_f1"]
    if not isinstance(data, dict):
        raise typer.BadParameter(f"{path}: expected a mapping of LABEL to F1", param_hint="--thresholds")
    return {str(name): _threshold(str(name), value, "--thresholds") for name, value in data.items()}


def _predictions(documents: list[GoldDocument], pred: Path | None, quiet: bool) -> dict[str, ExtractedDocument]:
    if pred is None:
        from extractor import default_extractor

        extractor = default_extractor()
        predicted = extractor.extract_many((doc.text or "", doc.source) for doc in documents)
        results = {}
        for doc, prediction in zip(documents, predicted):
            results[doc.id] = prediction
            if not quiet:
                typer.echo(f"{doc.id}: {len(prediction.entities)} entities", err=True)
        return results
    try:
        loaded = load_predictions(pred)
    except CorpusError as error:
        _fail(str(error))
    matched: dict[str, ExtractedDocument] = {}
    used: set[str] = set()
    for doc in documents:
        keys = [doc.id] + ([Path(doc.source).stem] if doc.source else [])
        key = next((key for key in keys if key in loaded), None)
        if key is not None:
            found = matched[doc.id] = loaded[key]
            used.add(key)
            if found.text is not None and doc.text is not None and found.text != doc.text and not quiet:
                typer.echo(f"warning: {doc.id}: the predicted text differs from the gold text; offsets may not compare",
                           err=True)
    unused = sorted(set(loaded) - used)
    if unused and not quiet:
        typer.echo(f"warning: {len(unused)} predictions match no gold document (of this split): "
                   f"{', '.join(unused[:10])}{' …' if len(unused) > 10 else ''}", err=True)
    return matched


# --- output -----------------------------------------------------------------------------


def _as_json(result: EvaluationResult, errors: bool) -> dict[str, Any]:
    data = result.model_dump(mode="json")
    if not errors:
        data.pop("errors")
        for scores in data["records"].values():
            scores.pop("errors")
    if result.baseline is None:
        data.pop("baseline")
    else:
        data["baseline"] = {key: data["baseline"][key] for key in ("labels", "micro", "macro")}
    return data


def print_report(result: EvaluationResult, errors: bool, perturbation: dict[str, Any] | None = None) -> None:
    """Print the result as rich tables on stdout."""
    from rich.console import Console

    # Piped output keeps full rows instead of rich's 80-column default.
    console = Console(width=None if sys.stdout.isatty() else 200, highlight=False)
    damaged = ""
    if perturbation is not None:
        damaged = f", text damaged: {perturbation['kind']}" + (
            f" (seed {perturbation['seed']})" if perturbation["kind"] == "ocr" else "")
    console.print(_entity_table(result, f"Entities — split {result.split}, {result.documents} documents{damaged}"))
    attributes = _attribute_table(result)
    if attributes is not None:
        console.print(attributes)
    for name, scores in result.records.items():
        console.print(_record_table(name, scores))
    if result.baseline is not None:
        console.print(_entity_table(result.baseline, "Baseline — underthesea ner() as PERSON/ORG/LOC"))
    if errors:
        console.print(_error_table(result))
        for name, scores in result.records.items():
            if scores.errors:
                console.print(_record_error_table(name, scores))


def _numbers(scores: Scores) -> list[str]:
    return [str(scores.tp), f"{scores.precision:.3f}", f"{scores.recall:.3f}", f"{scores.f1:.3f}"]


def _entity_table(result: EvaluationResult, title: str):
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column("label")
    for name in ("gold", "pred", "strict TP", "P", "R", "F1", "lenient TP", "P", "R", "F1"):
        table.add_column(name, justify="right")

    def row(name: str, scores: LabelScores, **style: Any) -> None:
        table.add_row(name, str(scores.strict.gold), str(scores.strict.pred),
                      *_numbers(scores.strict), *_numbers(scores.lenient), **style)

    for label, scores in result.labels.items():
        row(label, scores)
    table.add_section()
    row("micro", result.micro, style="bold")
    row("macro", result.macro, style="bold")
    return table


def _attribute_table(result: EvaluationResult):
    from rich.table import Table

    rows = [(label, name, score) for label, fields in result.attributes.items() for name, score in fields.items()
            if score.matched]
    if not rows:
        return None
    table = Table(title="Attributes — pairs with the same label and span", title_justify="left")
    for name, justify in (("label", "left"), ("field", "left"), ("pairs", "right"), ("agree", "right"),
                          ("accuracy", "right")):
        table.add_column(name, justify=justify)
    for label, name, score in rows:
        table.add_row(label, name, str(score.matched), str(score.correct), f"{score.accuracy:.3f}")
    return table


def _record_table(name: str, scores: RecordScores):
    from rich.table import Table

    table = Table(title=f"Records — {name}", title_justify="left")
    table.add_column("field")
    for column in ("gold", "pred", "TP", "P", "R", "F1"):
        table.add_column(column, justify="right")

    def row(field: str, s: Scores, **style: Any) -> None:
        table.add_row(field, str(s.gold), str(s.pred), *_numbers(s), **style)

    row("(records)", scores.records, style="bold")
    table.add_section()
    for field, s in scores.fields.items():
        row(field, s)
    table.add_section()
    row("micro", scores.micro, style="bold")
    row("macro", scores.macro, style="bold")
    return table


def _error_table(result: EvaluationResult):
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"Errors (strict) — {len(result.errors)}", title_justify="left", show_lines=True)
    for column in ("document", "kind", "label", "gold", "predicted", "context"):
        table.add_column(column)
    for error in result.errors:
        table.add_row(error.document, error.kind, error.label, escape(_entity_text(error.gold)),
                      escape(_entity_text(error.pred)), escape(error.context))
    return table


def _record_error_table(name: str, scores: RecordScores):
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"Record misses — {name} — {len(scores.errors)}", title_justify="left", show_lines=True)
    for column in ("document", "kind", "field", "gold", "predicted", "record evidence"):
        table.add_column(column)
    for error in scores.errors:
        table.add_row(error.document, error.kind, error.field, escape("\n".join(error.gold)),
                      escape("\n".join(error.pred)), escape(error.context))
    return table


def _entity_text(entity: dict[str, Any] | None) -> str:
    """``"3 tỷ đồng" 4:13 value=3000000000 qualifier=under``: the span and its non-null fields."""
    if entity is None:
        return ""
    values = " ".join(f"{k}={v}" for k, v in entity.items() if k not in ("text", "start", "end") and v not in (None, False))
    return f"\"{entity['text']}\" {entity['start']}:{entity['end']}" + (f" {values}" if values else "")
