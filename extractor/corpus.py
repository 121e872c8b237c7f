"""The annotated corpus on disk: loading gold documents and checking them like code.

A corpus folder holds ``gold/<id>.json`` (one :class:`~schemas.GoldDocument` each) and
``documents/<id>.txt`` (the reports). A folder of gold JSON files without that layout
works too: it is then its own corpus root.

>>> from extractor.corpus import check_corpus
>>> [str(problem) for problem in check_corpus("corpus")]   # doctest: +SKIP
[]

A problem prints as one line naming the file and the entity::

    gold/a.json: entity #3 MONEY 120:129 "3 tỷ đồng": MONEY value must be > 0, got 0
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from extractor.reading import InputError, read_text
from schemas import LABELS, ExtractedDocument, GoldDocument

Split = Literal["dev", "test", "all"]

# The ISO-like shape of a DATE value for each precision (see corpus/README.md, DATE).
DATE_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "day": (re.compile(r"\d{4}-\d{2}-\d{2}"), "YYYY-MM-DD"),
    "month": (re.compile(r"\d{4}-(?:0[1-9]|1[0-2])"), "YYYY-MM"),
    "year": (re.compile(r"\d{4}"), "YYYY"),
    "quarter": (re.compile(r"\d{4}-Q[1-4]"), "YYYY-Qn"),
    "half": (re.compile(r"\d{4}-H[12]"), "YYYY-Hn"),
}
_TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
_ISO_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?")
PERCENT_MAX = 1000.0


class CorpusError(Exception):
    """A corpus that cannot be loaded; ``str()`` names the file and says how to fix it."""


class Problem(BaseModel):
    """One thing wrong in a gold file.

    >>> str(Problem(file="gold/a.json", entity='entity #0 MONEY 0:3 "3 đ"', message="MONEY value must be > 0, got 0"))
    'gold/a.json: entity #0 MONEY 0:3 "3 đ": MONEY value must be > 0, got 0'
    """

    file: str
    entity: str | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entity}" if self.entity else self.file
        return f"{where}: {self.message}"


# --- locating and loading ---------------------------------------------------------------


def gold_folder(path: str | Path) -> Path:
    """The folder holding the gold JSON files: ``path/gold`` when it exists, else ``path``."""
    path = Path(path)
    return path / "gold" if (path / "gold").is_dir() else path


def corpus_root(path: str | Path) -> Path:
    """The folder that gold ``source`` fields are relative to (the one holding ``gold/``)."""
    folder = gold_folder(path)
    return folder.parent if folder.name == "gold" else folder


def gold_files(path: str | Path) -> list[Path]:
    """Every ``*.json`` gold file of a corpus, in name order (``path`` may also be one file)."""
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted(p for p in gold_folder(path).glob("*.json") if p.is_file())


def load_gold(path: str | Path) -> GoldDocument:
    """Read one gold file, raising :class:`CorpusError` with every reason it is invalid."""
    problems = list(_parse_gold(Path(path), Path(path).name))
    if isinstance(problems[-1], GoldDocument):
        return problems[-1]
    raise CorpusError("\n".join(str(p) for p in problems) + "\n(run `congdoan corpus check` for all problems)")


def load_corpus(path: str | Path, split: Split = "all") -> list[GoldDocument]:
    """Load the gold documents of a corpus folder (or a folder of gold JSON), by id.

    ``split`` keeps only ``dev`` or ``test`` documents; ``all`` keeps both.
    Raises :class:`CorpusError` when the folder does not exist or a file is invalid.
    """
    if not Path(path).exists():
        raise CorpusError(f"{path}: no such corpus folder")
    documents = [load_gold(file) for file in gold_files(path)]
    if split != "all":
        documents = [d for d in documents if d.split == split]
    return sorted(documents, key=lambda d: d.id)


def _parse_gold(path: Path, name: str) -> Iterator[Problem | GoldDocument]:
    """Yield the problems of a file that is not a GoldDocument, or the document itself."""
    try:
        data = json.loads(read_text(path))
    except InputError as error:
        yield Problem(file=name, message=error.reason)
        return
    except json.JSONDecodeError as error:
        yield Problem(file=name, message=f"not valid JSON: line {error.lineno} column {error.colno}: {error.msg}")
        return
    try:
        yield GoldDocument.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            location = ".".join(str(part) for part in item["loc"])
            yield Problem(file=name, message=f"not a valid GoldDocument: {location}: {item['msg']}")


# --- checking ---------------------------------------------------------------------------


def check_corpus(path: str | Path) -> list[Problem]:
    """Check every gold file of a corpus folder; an empty list means it is sound.

    Checks: the file is a valid GoldDocument; ``id`` is the file stem; ``text`` equals
    the report file it names; every span slices to its text; labels are known and listed
    in ``labels``; no two spans of one label overlap; values parse and agree (see
    :func:`check_entity`).
    """
    root = corpus_root(path)
    problems: list[Problem] = []
    for file in gold_files(path):
        name = _relative(file, root)
        parsed = list(_parse_gold(file, name))
        if isinstance(parsed[-1], GoldDocument):
            problems.extend(check_document(parsed[-1], name, root, stem=file.stem))
        else:
            problems.extend(parsed)
    return problems


def check_document(doc: GoldDocument, name: str, root: Path | None = None, stem: str | None = None) -> list[Problem]:
    """Check one gold document; ``name`` is how problems refer to its file.

    With ``root``, ``text`` is compared with the report file (``source`` relative to
    ``root``, else ``documents/<id>.txt``) when that file exists.
    """
    problems = [Problem(file=name, message=m) for m in _document_messages(doc, root, stem)]
    text = doc.text or ""
    for index, entity in enumerate(doc.entities):
        where = describe(index, entity)
        problems.extend(Problem(file=name, entity=where, message=m) for m in check_entity(entity, text, doc.labels))
    for first, second in _overlaps(doc.entities):
        problems.append(
            Problem(file=name, entity=describe(second, doc.entities[second]),
                    message=f"overlaps {describe(first, doc.entities[first])} of the same label")
        )
    return problems


def _document_messages(doc: GoldDocument, root: Path | None, stem: str | None) -> Iterator[str]:
    if stem is not None and doc.id != stem:
        yield f"id {doc.id!r} differs from the file name {stem!r}"
    if doc.text is None:
        yield "text is null: a gold document carries its report text"
    for label in doc.labels:
        if label not in LABELS:
            yield f"labels lists {label!r}, which is not a label ({', '.join(LABELS)})"
    if root is None or doc.text is None:
        return
    relative = doc.source or f"documents/{doc.id}.txt"
    report = root / relative
    if not report.is_file():
        if doc.source is not None:
            yield f"source {doc.source} does not exist (sources are relative to the corpus folder)"
        return
    try:
        original = read_text(report)
    except InputError as error:
        yield f"source {relative}: {error.reason}"
        return
    if original != doc.text:
        yield f"text differs from {relative} {_first_difference(doc.text, original)}"


def _first_difference(gold: str, original: str) -> str:
    """Where two texts part: ``at character 12: 'ab' vs 'ac'`` (the gold text first)."""
    index = next((i for i, (a, b) in enumerate(zip(gold, original)) if a != b), min(len(gold), len(original)))
    return (f"at character {index}: {gold[index:index + 20]!r} in gold vs {original[index:index + 20]!r} "
            f"(lengths {len(gold)} and {len(original)})")


def describe(index: int, entity) -> str:
    """How a problem names an entity: ``entity #3 MONEY 120:129 "3 tỷ đồng"``."""
    return f'entity #{index} {entity.label} {entity.start}:{entity.end} "{entity.text}"'


def check_entity(entity, text: str, labels: Iterable[str] = LABELS) -> list[str]:
    """The problems of one entity in a document ``text`` annotated for ``labels``.

    >>> from schemas import MoneyEntity
    >>> check_entity(MoneyEntity(text="3 tỷ đồng", start=4, end=13, value=0), "gần 3 tỷ đồng", ["MONEY"])
    ['MONEY value must be > 0, got 0']
    """
    messages: list[str] = []
    if entity.label not in labels:
        messages.append(f"label {entity.label} is not in the document's labels {sorted(labels)}")
    if text[entity.start:entity.end] != entity.text:
        messages.append(f"text[{entity.start}:{entity.end}] is {text[entity.start:entity.end]!r}, not {entity.text!r}")
    elif entity.start >= entity.end:
        messages.append("empty span")
    check = _VALUE_CHECKS.get(entity.label)
    if check is not None:
        messages.extend(check(entity))
    return messages


def _check_money(entity) -> Iterator[str]:
    if entity.value <= 0:
        yield f"MONEY value must be > 0, got {entity.value}"


def _check_percent(entity) -> Iterator[str]:
    if not 0 <= entity.value <= PERCENT_MAX:
        yield f"PERCENT value must be between 0 and {PERCENT_MAX:g}, got {entity.value:g}"


def _check_count(entity) -> Iterator[str]:
    if entity.value < 0:
        yield f"COUNT value must be >= 0, got {entity.value}"
    if not entity.unit.strip():
        yield "COUNT unit is empty"
    elif entity.unit not in entity.text:
        yield f"COUNT unit {entity.unit!r} does not occur in the entity text"


def _check_date(entity) -> Iterator[str]:
    if entity.value is None:
        if entity.year_from_report:
            yield "DATE year_from_report is true but value is null"
    else:
        pattern, shape = DATE_PATTERNS[entity.precision]
        if not pattern.fullmatch(entity.value):
            yield f"DATE value {entity.value!r} does not match precision {entity.precision} ({shape})"
        elif entity.precision == "day" and not _is_calendar_date(entity.value):
            yield f"DATE value {entity.value!r} is not a calendar date"
    if entity.time is not None and not _TIME.fullmatch(entity.time):
        yield f"DATE time {entity.time!r} is not HH:MM"


def _check_docref(entity) -> Iterator[str]:
    if not entity.number and not entity.symbol:
        yield "DOC_REF has neither number nor symbol"
    if entity.date is not None and not (
        _ISO_DATE.fullmatch(entity.date) and (len(entity.date) < 10 or _is_calendar_date(entity.date))
    ):
        yield f"DOC_REF date {entity.date!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"


def _is_calendar_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


_VALUE_CHECKS = {
    "MONEY": _check_money,
    "PERCENT": _check_percent,
    "COUNT": _check_count,
    "DATE": _check_date,
    "DOC_REF": _check_docref,
}


def _overlaps(entities: list) -> Iterator[tuple[int, int]]:
    """Yield ``(earlier, later)`` indices of overlapping spans that share a label."""
    by_label: dict[str, list[int]] = {}
    for index, entity in enumerate(entities):
        by_label.setdefault(entity.label, []).append(index)
    found: list[tuple[int, int]] = []
    for indices in by_label.values():
        ordered = sorted(indices, key=lambda i: (entities[i].start, entities[i].end, i))
        for position, i in enumerate(ordered):
            for j in ordered[position + 1:]:
                if entities[j].start >= entities[i].end:
                    break
                found.append((i, j))
    yield from sorted(found, key=lambda pair: (pair[1], pair[0]))


def _relative(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


# --- writing ----------------------------------------------------------------------------


def dump_gold(doc: GoldDocument) -> str:
    """The text of a gold file: indented JSON, UTF-8 unescaped, a final newline."""
    return json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def load_predictions(path: str | Path) -> dict[str, ExtractedDocument]:
    """Read predicted documents from a JSON/JSONL file or a folder of them, keyed for matching.

    The key is the stem of ``source`` (``corpus/documents/seed_000.txt`` -> ``seed_000``),
    or ``id`` when the record has one (a gold file used as a prediction). Keys that occur
    twice raise :class:`CorpusError`, as do records that are not documents.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder of predictions")
    files = [path] if path.is_file() else sorted(
        p for p in path.rglob("*") if p.is_file() and p.suffix in (".json", ".jsonl")
    )
    predictions: dict[str, ExtractedDocument] = {}
    for file in files:
        for number, record in _records(file):
            where = f"{file}" + (f" line {number}" if number else "")
            key = record.get("id") or (Path(record["source"]).stem if record.get("source") else None)
            if key is None:
                raise CorpusError(f"{where}: a prediction needs a `source` (or `id`) to be matched to its gold document")
            fields = {k: v for k, v in record.items() if k in ExtractedDocument.model_fields}
            try:
                document = ExtractedDocument.model_validate(fields)
            except ValidationError as error:
                first = error.errors()[0]
                raise CorpusError(f"{where}: not an extracted document: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
            if key in predictions:
                raise CorpusError(f"{where}: a second prediction for {key!r}")
            predictions[key] = document
    return predictions


def _records(file: Path) -> Iterator[tuple[int, dict]]:
    """Yield ``(line number or 0, object)`` from a JSON object, JSON list or JSONL file."""
    try:
        content = read_text(file)
    except InputError as error:
        raise CorpusError(str(error)) from None
    if file.suffix == ".jsonl":
        for number, line in enumerate(content.splitlines(), 1):
            if line.strip():
                yield number, _json(line, f"{file} line {number}")
        return
    data = _json(content, str(file))
    for item in data if isinstance(data, list) else [data]:
        if not isinstance(item, dict):
            raise CorpusError(f"{file}: expected JSON objects, found {type(item).__name__}")
        yield 0, item


def _json(content: str, where: str):
    try:
        return json.loads(content)
    except json.JSONDecodeError as error:
        raise CorpusError(f"{where}: not valid JSON: line {error.lineno} column {error.colno}: {error.msg}") from None
