"""Flatten extracted documents into the rows of stable tables (CSV, SQLite, Parquet).

One JSON document becomes rows of several tables, joined by integer ids. The columns
are derived from the pydantic models in :mod:`schemas`, so they follow the schema; the
listing below is checked against them by ``tests/test_export.py``.

How values are flattened:

* A grounded value (``Grounded``: value + evidence) becomes four columns:
  ``amount``, ``amount_start``, ``amount_end``, ``amount_text``.
* A nested model takes its field name as a prefix: ``signer_name``,
  ``signer_name_start`` ..., ``beneficiaries_count``, ``chair_role_text``.
* A list gets its own table, so that every item keeps its offsets, and a convenience
  column in the parent row with the values (or names) joined by ``" | "``, for
  spreadsheets: ``agenda = "Tổng kết năm 2021 | Phương hướng 2022"``. Lists of grounded
  values and the evidence sentences of a record go to ``list_items`` (``field`` says
  which list, ``position`` counts from 0, evidence has no ``value``); lists of people
  (``PersonRef``: meeting attendees, people of a decision) go to ``record_people``;
  the mentions of a person of the document go to ``person_mentions``.
  A list of plain numbers (``meetings.decisions``: indexes into the document's
  decisions) is only joined.
* Every table has ``id`` (1, 2, ... in a CSV/Parquet export; the row id in SQLite),
  ``document_id`` (the ``documents.id``) and ``source`` (the input path), so a CSV
  file is usable on its own. Records have ``record_index``: their position in the
  JSON list (``meetings[2]`` has ``record_index`` 2), which ``meetings.decisions``
  and ``support.part_of`` refer to. Rows of ``list_items``, ``record_people`` and
  ``person_mentions`` point to their record with ``record_table`` (``people``,
  ``reports``, ``meetings``, ``decisions``, ``support``) and ``record_id``.
* ``people`` are the people of the document (every mention merged): ``honorifics``,
  ``roles`` and ``organisations`` joined, ``mentions`` the names as written, joined.
* ``cleaning`` lists the cleaning steps that fired on the input (``name``); the
  stretches each affected are ``list_items`` rows (``field`` = ``spans``).
* ``entities.value`` holds an integer (MONEY, COUNT), a number (PERCENT) or text
  (DATE): typed as such in CSV and SQLite, stored as text in Parquet, which needs one
  type per column. Booleans are ``true``/``false`` in CSV, 1/0 in SQLite.
* ``documents.key`` is ``<sha256 of the input bytes>:<pipeline version>``, also split
  into ``sha256`` and ``pipeline``. Failed inputs are rows of ``errors`` only.

Tables and columns (type in brackets where not text)::

    documents: id[int], source, key, sha256, pipeline, report_date, text
    entities: id[int], document_id[int], source, entity_index[int], label, start[int], end[int],
        text, value[any], qualifier, unit, precision, time, year_from_report[bool], kind,
        number, symbol, issuer, date, name, honorific, role, canonical, level, province,
        unit_type
    people: id[int], document_id[int], source, record_index[int], name, honorifics, roles,
        organisations, mentions
    reports: id[int], document_id[int], source, record_index[int], title, title_start[int],
        title_end[int], title_text, kind, kind_start[int], kind_end[int], kind_text, issuer,
        issuer_start[int], issuer_end[int], issuer_text, date, date_start[int], date_end[int],
        date_text, period, period_start[int], period_end[int], period_text, signer_name,
        signer_name_start[int], signer_name_end[int], signer_name_text, signer_role,
        signer_role_start[int], signer_role_end[int], signer_role_text, signer_on_behalf_of,
        signer_on_behalf_of_start[int], signer_on_behalf_of_end[int], signer_on_behalf_of_text,
        recipients
    meetings: id[int], document_id[int], source, record_index[int], confidence[float], kind,
        kind_start[int], kind_end[int], kind_text, organiser, organiser_start[int],
        organiser_end[int], organiser_text, date, date_start[int], date_end[int], date_text,
        date_from_report[bool], place, place_start[int], place_end[int], place_text,
        session[int], session_start[int], session_end[int], session_text, term, term_start[int],
        term_end[int], term_text, chair_name, chair_name_start[int], chair_name_end[int],
        chair_name_text, chair_role, chair_role_start[int], chair_role_end[int],
        chair_role_text, attendees, agenda, decisions
    decisions: id[int], document_id[int], source, record_index[int], confidence[float], action,
        action_start[int], action_end[int], action_text, object, object_start[int],
        object_end[int], object_text, people, decided_by, decided_by_start[int],
        decided_by_end[int], decided_by_text, date, date_start[int], date_end[int], date_text,
        doc_refs, status
    support: id[int], document_id[int], source, record_index[int], confidence[float], giver,
        giver_start[int], giver_end[int], giver_text, beneficiaries_count[int],
        beneficiaries_count_start[int], beneficiaries_count_end[int], beneficiaries_count_text,
        beneficiaries_who, beneficiaries_who_start[int], beneficiaries_who_end[int],
        beneficiaries_who_text, items[int], items_start[int], items_end[int], items_text,
        amount[int], amount_start[int], amount_end[int], amount_text, unit_amount[int],
        unit_amount_start[int], unit_amount_end[int], unit_amount_text, qualifier, purpose,
        purpose_start[int], purpose_end[int], purpose_text, fund, fund_start[int],
        fund_end[int], fund_text, period, period_start[int], period_end[int], period_text,
        status, status_start[int], status_end[int], status_text, part_of[int]
    cleaning: id[int], document_id[int], source, record_index[int], name
    person_mentions: id[int], document_id[int], source, record_table, record_id[int],
        record_index[int], field, position[int], start[int], end[int], name, honorific, role
    record_people: id[int], document_id[int], source, record_table, record_id[int],
        record_index[int], field, position[int], name, name_start[int], name_end[int],
        name_text, role, role_start[int], role_end[int], role_text
    list_items: id[int], document_id[int], source, record_table, record_id[int],
        record_index[int], field, position[int], value, start[int], end[int], text
    errors: id[int], source, key, error
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import count
from typing import Any, Literal

from pydantic import BaseModel

from schemas import ENTITY_MODELS, Evidence, ExtractedDocument
from schemas.records import Grounded

#: What separates the items of a list joined into one cell.
JOIN = " | "

ColumnType = Literal["int", "float", "bool", "str", "any"]

# Lists of these models get a child table of their own under this name.
_CHILD_TABLES = {"PersonRef": "record_people"}
_ITEMS_TABLE = "list_items"
_TABLE_NAMES = {"report": "reports"}
#: Document fields that get a table but are not records of the report: they describe
#: how it was processed, so summaries do not count them.
NOT_RECORDS = frozenset({"cleaning"})


@dataclass(frozen=True)
class Column:
    """One column: its name and the type of its values (``any``: several types)."""

    name: str
    type: ColumnType


@dataclass(frozen=True)
class Table:
    """A table of the export: its name and columns, in order."""

    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass
class RecordRows:
    """The row of one record and the rows of its lists, before ids are given."""

    table: str
    row: dict[str, Any]
    children: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class DocumentRows:
    """All rows of one extracted document, before ids are given."""

    document: dict[str, Any]
    entities: list[dict[str, Any]]
    records: list[RecordRows]


# --- columns, from the schema -------------------------------------------------------


def _strip_optional(annotation: Any) -> Any:
    """``X | None`` -> ``X`` (other unions are kept)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _model(annotation: Any) -> type[BaseModel] | None:
    annotation = _strip_optional(annotation)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _is_grounded(model: type[BaseModel] | None) -> bool:
    return model is not None and issubclass(model, Grounded)


def _scalar_type(annotation: Any) -> ColumnType:
    annotation = _strip_optional(annotation)
    if typing.get_origin(annotation) is Literal:
        kinds = {_scalar_type(type(value)) for value in typing.get_args(annotation)}
        return kinds.pop() if len(kinds) == 1 else "any"
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kinds = {_scalar_type(a) for a in typing.get_args(annotation) if a is not type(None)}
        return kinds.pop() if len(kinds) == 1 else "any"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is float:
        return "float"
    return "str"


def _list_item(annotation: Any) -> Any | None:
    """The item type of ``list[X]`` (None when not a list)."""
    annotation = _strip_optional(annotation)
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    return None


def _flat_columns(model: type[BaseModel], prefix: str = "", top: bool = True) -> list[Column]:
    """The columns of one row of ``model``; list fields only at the top give columns."""
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        full = prefix + name
        item = _list_item(info.annotation)
        nested = _model(info.annotation)
        if item is not None:
            if not top:
                raise TypeError(f"{model.__name__}.{name}: lists inside nested models are not flattened")
            item_model = _model(item)
            if item_model is Evidence:
                continue  # evidence sentences go to list_items only
            columns.append(Column(full, "str"))  # the joined values
        elif _is_grounded(nested):
            columns += [
                Column(full, _scalar_type(nested.model_fields["value"].annotation)),
                Column(f"{full}_start", "int"),
                Column(f"{full}_end", "int"),
                Column(f"{full}_text", "str"),
            ]
        elif nested is not None:
            columns += _flat_columns(nested, f"{full}_", top=False)
        else:
            columns.append(Column(full, _scalar_type(info.annotation)))
    return columns


def _entity_columns() -> list[Column]:
    """The union of every entity model's fields: label, offsets and text first."""
    types_by_name: dict[str, set[ColumnType]] = {}
    for model in ENTITY_MODELS.values():
        for name, info in model.model_fields.items():
            types_by_name.setdefault(name, set()).add(_scalar_type(info.annotation))
    order = ["label", "start", "end", "text"] + [n for n in types_by_name if n not in ("label", "start", "end", "text")]
    return [Column(n, types_by_name[n].pop() if len(types_by_name[n]) == 1 else "any") for n in order]


def record_fields() -> dict[str, type[BaseModel]]:
    """The record fields of a document and their models: ``{"report": Report, "meetings": Meeting, ...}``."""
    fields: dict[str, type[BaseModel]] = {}
    for name, info in ExtractedDocument.model_fields.items():
        if name == "entities":
            continue
        item = _list_item(info.annotation)
        model = _model(item if item is not None else info.annotation)
        if model is not None:
            fields[name] = model
    return fields


def _child_tables() -> dict[str, type[BaseModel]]:
    """Child tables for lists of models inside records (``record_people`` ...)."""
    children: dict[str, type[BaseModel]] = {}
    for model in record_fields().values():
        for info in model.model_fields.values():
            item_model = _model(_list_item(info.annotation))
            if item_model is not None and not _is_grounded(item_model) and item_model is not Evidence:
                children[_child_table_name(item_model)] = item_model
    return children


def _child_table_name(model: type[BaseModel]) -> str:
    if model.__name__ in _CHILD_TABLES:
        return _CHILD_TABLES[model.__name__]
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in model.__name__).lstrip("_")
    return f"{snake}s"


_ID = [Column("id", "int"), Column("document_id", "int"), Column("source", "str")]
_LINK = [Column("record_table", "str"), Column("record_id", "int"), Column("record_index", "int"),
         Column("field", "str"), Column("position", "int")]


@cache
def tables() -> dict[str, Table]:
    """Every table of the export, in the order they are written."""
    result = {
        "documents": Table("documents", tuple(
            Column(name, "int" if name == "id" else "str")
            for name in ("id", "source", "key", "sha256", "pipeline", "report_date", "text")
        )),
        "entities": Table("entities", tuple(_ID + [Column("entity_index", "int")] + _entity_columns())),
    }
    for name, model in record_fields().items():
        table = table_name(name)
        result[table] = Table(table, tuple(_ID + [Column("record_index", "int")] + _flat_columns(model)))
    for table, model in _child_tables().items():
        result[table] = Table(table, tuple(_ID + _LINK + _flat_columns(model)))
    result[_ITEMS_TABLE] = Table(_ITEMS_TABLE, tuple(
        _ID + _LINK + [Column("value", "str"), Column("start", "int"), Column("end", "int"), Column("text", "str")]
    ))
    result["errors"] = Table("errors", (Column("id", "int"), Column("source", "str"), Column("key", "str"),
                                        Column("error", "str")))
    return result


def table_name(record_field: str) -> str:
    """The table of a document's record field: ``report`` -> ``reports``, ``meetings`` -> ``meetings``."""
    return _TABLE_NAMES.get(record_field, record_field)


def describe() -> str:
    """The table listing of the module docstring, built from the schema."""
    lines = []
    for table in tables().values():
        cells = [c.name if c.type == "str" else f"{c.name}[{c.type}]" for c in table.columns]
        lines.append(f"{table.name}: {', '.join(cells)}")
    return "\n".join(lines)


# --- rows, from a JSON document ------------------------------------------------------


def split_key(key: str | None) -> tuple[str | None, str | None]:
    """``"<sha256>:<pipeline>"`` -> ``(sha256, pipeline)``."""
    if not key:
        return None, None
    sha256, _, pipeline = key.partition(":")
    return sha256, pipeline or None


def document_rows(record: dict[str, Any]) -> DocumentRows:
    """The rows of one extracted document (a JSON record as ``congdoan extract`` writes it)."""
    sha256, pipeline = split_key(record.get("key"))
    source = record.get("source")
    document = {"source": source, "key": record.get("key"), "sha256": sha256, "pipeline": pipeline,
                "report_date": record.get("report_date"), "text": record.get("text")}
    entity_names = tables()["entities"].names[4:]
    entities = [
        {"source": source, "entity_index": index, **{name: entity.get(name) for name in entity_names}}
        for index, entity in enumerate(record.get("entities") or [])
    ]
    records: list[RecordRows] = []
    for name, model in record_fields().items():
        value = record.get(name)
        items = value if isinstance(value, list) else ([] if value is None else [value])
        for index, item in enumerate(items):
            records.append(_record_rows(table_name(name), model, item, index, source))
    return DocumentRows(document, entities, records)


def _record_rows(table: str, model: type[BaseModel], data: dict, index: int, source: str | None) -> RecordRows:
    row: dict[str, Any] = {"source": source, "record_index": index}
    children: list[tuple[str, dict[str, Any]]] = []
    link = {"source": source, "record_table": table, "record_index": index}
    for name, info in model.model_fields.items():
        item = _list_item(info.annotation)
        if item is None:
            _flat_values(info.annotation, data.get(name), name, row)
            continue
        values = data.get(name) or []
        item_model = _model(item)
        if item_model is Evidence or _is_grounded(item_model):
            for position, value in enumerate(values):
                children.append((_ITEMS_TABLE, {**link, "field": name, "position": position,
                                                "value": _text(value.get("value")), "start": value["start"],
                                                "end": value["end"], "text": value["text"]}))
            if item_model is not Evidence:
                row[name] = JOIN.join(_text(v.get("value")) for v in values)
        elif item_model is not None:
            child = _child_table_name(item_model)
            for position, value in enumerate(values):
                child_row = {**link, "field": name, "position": position}
                for field_name, field_info in item_model.model_fields.items():
                    _flat_values(field_info.annotation, value.get(field_name), field_name, child_row)
                children.append((child, child_row))
            row[name] = JOIN.join(_display_name(v) for v in values)
        else:
            row[name] = JOIN.join(_text(v) for v in values)
    return RecordRows(table, row, children)


def _flat_values(annotation: Any, value: Any, name: str, row: dict[str, Any]) -> None:
    """Write ``value`` of a field into ``row`` as the columns :func:`_flat_columns` names."""
    nested = _model(annotation)
    if _is_grounded(nested):
        value = value or {}
        row[name] = value.get("value")
        row[f"{name}_start"] = value.get("start")
        row[f"{name}_end"] = value.get("end")
        row[f"{name}_text"] = value.get("text")
    elif nested is not None:
        value = value or {}
        for field_name, info in nested.model_fields.items():
            _flat_values(info.annotation, value.get(field_name), f"{name}_{field_name}", row)
    else:
        row[name] = value


def _display_name(value: dict) -> str:
    name = value.get("name")
    if isinstance(name, dict):  # a grounded name
        name = name.get("value")
    return _text(name)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def error_row(record: dict[str, Any]) -> dict[str, Any]:
    """The ``errors`` row of an error record ``{"source", "key", "error"}``."""
    return {"source": record.get("source"), "key": record.get("key"), "error": record.get("error")}


class IdCounter:
    """Running ids per table, for exports that number rows themselves (CSV, Parquet)."""

    def __init__(self) -> None:
        self._counters: dict[str, Iterator[int]] = {}

    def next(self, table: str) -> int:
        return next(self._counters.setdefault(table, count(1)))


def numbered(rows: DocumentRows, ids: IdCounter) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(table, row)`` pairs of one document with ``id``, ``document_id`` and ``record_id`` set."""
    document_id = ids.next("documents")
    yield "documents", {"id": document_id, **rows.document}
    for entity in rows.entities:
        yield "entities", {"id": ids.next("entities"), "document_id": document_id, **entity}
    for record in rows.records:
        record_id = ids.next(record.table)
        yield record.table, {"id": record_id, "document_id": document_id, **record.row}
        for table, child in record.children:
            yield table, {"id": ids.next(table), "document_id": document_id, **child, "record_id": record_id}
