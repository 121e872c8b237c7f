"""Every output format loads back to the values of the JSON output: counts, offsets,
grounded values, lists, people and errors; SQLite keys and appends; atomic writes."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from extractor.batch import error_record, process_file
from extractor.export import ExportError, open_writer
from extractor.export import rows as rows_module
from extractor.export.rows import JOIN, describe, tables
from schemas import ExtractedDocument

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "documents"
SAMPLES = ["seed_000_31020ac53e2ca143.txt", "seed_003_cb9b39037ef1f431.txt", "syn_01_lai-chau_2021_bcthang.txt",
           "syn_04_lao-cai_2020_quyetdinh.txt"]


def _g(value, start: int, text: str) -> dict:
    return {"value": value, "start": start, "end": start + len(text), "text": text}


def _meeting_document() -> dict:
    """A document with the lists the recognisers do not fill yet: attendees, agenda, people."""
    text = ("Ngày 5/3/2024, Ban Thường vụ LĐLĐ tỉnh họp, đồng chí Lò Văn Pọm - Chủ tịch chủ trì; "
            "dự có đồng chí Lường Thị Ánh - Phó Chủ tịch. Hội nghị bầu bổ sung đồng chí Ánh vào BTV "
            "theo Quyết định số 12/QĐ-LĐLĐ.")
    chair, attendee = text.index("Lò Văn Pọm"), text.index("Lường Thị Ánh")
    document = {
        "source": "synthetic/meeting.txt", "text": text, "report_date": "2024-03-05", "entities": [],
        "meetings": [{
            "evidence": [{"start": 0, "end": 86, "text": text[:86]}],
            "confidence": 0.75,
            "kind": _g("hội nghị Ban Thường vụ", 14, "Ban Thường vụ"),
            "date": _g("2024-03-05", 5, "5/3/2024"),
            "chair": {"name": _g("Lò Văn Pọm", chair, "Lò Văn Pọm"), "role": _g("Chủ tịch", chair + 13, "Chủ tịch")},
            "attendees": [{"name": _g("Lường Thị Ánh", attendee, "Lường Thị Ánh"),
                           "role": _g("Phó Chủ tịch", attendee + 16, "Phó Chủ tịch")}],
            "agenda": [_g("bầu bổ sung", text.index("bầu bổ sung"), "bầu bổ sung")],
            "decisions": [0],
        }],
        "decisions": [{
            "evidence": [{"start": 130, "end": len(text), "text": text[130:]}],
            "confidence": 1.0,
            "action": _g("bầu bổ sung", text.index("bầu bổ sung"), "bầu bổ sung"),
            "people": [{"name": _g("Ánh", text.index("Ánh vào"), "Ánh")}],
            "doc_refs": [_g("12/QĐ-LĐLĐ", text.index("12/QĐ"), "12/QĐ-LĐLĐ")],
        }],
    }
    record = ExtractedDocument.model_validate(document).model_dump(mode="json")
    return {"source": record.pop("source"), "key": "00ff:test", **record}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    extracted = [process_file(str(CORPUS / name)) for name in SAMPLES]
    return [*extracted, _meeting_document(), error_record("broken/scan.txt", "binary file (contains NUL bytes)")]


# --- what the JSON says, in the shape every table can be compared with -------------------


def _s(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _documents(records):
    return [r for r in records if "error" not in r]


def _expected(records: list[dict]) -> dict[str, list[tuple]]:
    docs = _documents(records)
    expected: dict[str, list[tuple]] = {
        "documents": [(d["source"], d["key"], d["text"]) for d in docs],
        "entities": [(d["source"], e["label"], e["start"], e["end"], e["text"], e.get("value"))
                     for d in docs for e in d["entities"]],
        "reports": [(d["source"], (d["report"].get("signer") or {}).get("name", {}).get("value"),
                     JOIN.join(r["value"] for r in d["report"]["recipients"]))
                    for d in docs if d["report"]],
        "meetings": [(d["source"], i, m["kind"]["value"], m["kind"]["start"], (m["date"] or {}).get("value"),
                      (m["chair"] or {}).get("name", {}).get("value"), JOIN.join(map(str, m["decisions"])))
                     for d in docs for i, m in enumerate(d["meetings"])],
        "decisions": [(d["source"], i, x["action"]["value"], JOIN.join(r["value"] for r in x["doc_refs"]))
                      for d in docs for i, x in enumerate(d["decisions"])],
        "support": [(d["source"], i, (s["amount"] or {}).get("value"), (s["amount"] or {}).get("start"),
                     (s["amount"] or {}).get("text"), (s["beneficiaries"]["count"] or {}).get("value"))
                    for d in docs for i, s in enumerate(d["support"])],
        "people": [(d["source"], i, p["name"], JOIN.join(p["roles"]), JOIN.join(p["organisations"]))
                   for d in docs for i, p in enumerate(d["people"])],
        "person_mentions": [(d["source"], "people", i, "mentions", j, m["start"], m["end"], m["name"], m["honorific"])
                            for d in docs for i, p in enumerate(d["people"]) for j, m in enumerate(p["mentions"])],
        "record_people": [], "list_items": [],
        "errors": [(r["source"], r["error"]) for r in records if "error" in r],
    }
    for d in docs:
        for field, table in (("report", "reports"), ("meetings", "meetings"), ("decisions", "decisions"),
                             ("support", "support"), ("cleaning", "cleaning")):
            items = d[field] if isinstance(d[field], list) else [d[field]] if d[field] else []
            for index, record in enumerate(items):
                for name in ("attendees", "people"):
                    for position, person in enumerate(record.get(name, [])):
                        expected["record_people"].append(
                            (d["source"], table, index, name, position, person["name"]["value"],
                             (person.get("role") or {}).get("value")))
                for name in ("evidence", "recipients", "agenda", "doc_refs", "spans"):
                    for position, item in enumerate(record.get(name, [])):
                        expected["list_items"].append(
                            (d["source"], table, index, name, position, item.get("value"), item["start"], item["text"]))
    return {table: [tuple(map(_s, row)) for row in rows] for table, rows in expected.items()}


_COLUMNS = {
    "documents": ["source", "key", "text"],
    "entities": ["source", "label", "start", "end", "text", "value"],
    "reports": ["source", "signer_name", "recipients"],
    "meetings": ["source", "record_index", "kind", "kind_start", "date", "chair_name", "decisions"],
    "decisions": ["source", "record_index", "action", "doc_refs"],
    "support": ["source", "record_index", "amount", "amount_start", "amount_text", "beneficiaries_count"],
    "people": ["source", "record_index", "name", "roles", "organisations"],
    "person_mentions": ["source", "record_table", "record_index", "field", "position", "start", "end", "name",
                        "honorific"],
    "record_people": ["source", "record_table", "record_index", "field", "position", "name", "role"],
    "list_items": ["source", "record_table", "record_index", "field", "position", "value", "start", "text"],
    "errors": ["source", "error"],
}


def _project(loaded: dict[str, list[dict]]) -> dict[str, list[tuple]]:
    return {table: [tuple(_s(row[c]) for c in columns) for row in loaded[table]] for table, columns in _COLUMNS.items()}


def _write(fmt: str, output: Path, records: list[dict]) -> None:
    with open_writer(fmt, output) as writer:
        for record in records:
            writer.write(record)
        writer.close()


# --- loaders -------------------------------------------------------------------------


def _load_csv(folder: Path) -> dict[str, list[dict]]:
    loaded = {}
    for name, table in tables().items():
        with open(folder / f"{name}.csv", encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream)
            assert reader.fieldnames == table.names
            loaded[name] = list(reader)
    return loaded


def _load_sqlite(path: Path) -> dict[str, list[dict]]:
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        return {name: [dict(row) for row in db.execute(f'SELECT * FROM "{name}" ORDER BY id')] for name in tables()}


def _load_parquet(folder: Path) -> dict[str, list[dict]]:
    import pyarrow.parquet as pq

    loaded = {}
    for name, table in tables().items():
        data = pq.read_table(folder / f"{name}.parquet")
        assert data.column_names == table.names
        loaded[name] = data.to_pylist()
    return loaded


@pytest.mark.parametrize("fmt", ["csv", "sqlite", "parquet"])
def test_tables_load_back_to_the_json_values(fmt: str, records: list[dict], tmp_path: Path) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    output = tmp_path / ("out.sqlite" if fmt == "sqlite" else "out")
    _write(fmt, output, records)
    loaded = {"csv": _load_csv, "sqlite": _load_sqlite, "parquet": _load_parquet}[fmt](output)
    expected = _expected(records)
    assert _project(loaded) == expected
    assert [len(loaded[t]) for t in ("documents", "errors")] == [5, 1]
    assert len(loaded["record_people"]) >= 2  # the synthetic meeting's, and what the recognisers found
    assert len(loaded["entities"]) == sum(len(r["entities"]) for r in _documents(records)) > 80
    # ids join: every child row points at a row of its document and record
    ids = {t: {int(row["id"]): row for row in loaded[t]} for t in loaded}
    assert len(loaded["people"]) > 5 and len(loaded["person_mentions"]) > len(loaded["people"])
    for row in loaded["list_items"] + loaded["record_people"] + loaded["person_mentions"]:
        record = ids[row["record_table"]][int(row["record_id"])]
        assert _s(record["document_id"]) == _s(row["document_id"]) and _s(record["record_index"]) == _s(row["record_index"])
        assert ids["documents"][int(row["document_id"])]["source"] == row["source"]


def test_grounded_values_slice_the_text(records: list[dict], tmp_path: Path) -> None:
    _write("sqlite", tmp_path / "out.sqlite", records)
    with sqlite3.connect(tmp_path / "out.sqlite") as db:
        rows = db.execute('SELECT d.text, s.amount_start, s.amount_end, s.amount_text FROM support s '
                          'JOIN documents d ON d.id = s.document_id WHERE s.amount IS NOT NULL').fetchall()
        assert len(rows) > 5
        assert all(text[start:end] == piece for text, start, end, piece in rows)
        types = dict(db.execute("SELECT label, typeof(value) FROM entities WHERE label IN ('MONEY', 'DATE', 'PERCENT') "
                                "AND value IS NOT NULL GROUP BY label"))
        assert types == {"MONEY": "integer", "DATE": "text", "PERCENT": "real"}
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_sqlite_is_appendable_and_keeps_each_key_once(records: list[dict], tmp_path: Path) -> None:
    database = tmp_path / "out.sqlite"
    _write("sqlite", database, records[:3])
    _write("sqlite", database, records)  # the first three again, then the rest
    loaded = _load_sqlite(database)
    assert _project(loaded) == _expected(records)
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("DELETE FROM documents WHERE source = ?", (records[0]["source"],))
        left = db.execute("SELECT count(*) FROM entities WHERE source = ?", (records[0]["source"],)).fetchone()
    assert left == (0,)  # ON DELETE CASCADE


def test_sqlite_adds_columns_a_newer_schema_has(records: list[dict], tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite"
    with sqlite3.connect(database) as db:
        db.execute('CREATE TABLE "support" ("id" INTEGER PRIMARY KEY, "document_id" INTEGER, "source" TEXT)')
    _write("sqlite", database, records)
    assert _project(_load_sqlite(database))["support"] == _expected(records)["support"]


def test_jsonl_and_json_round_trip(records: list[dict], tmp_path: Path) -> None:
    _write("jsonl", tmp_path / "out.jsonl", records)
    assert [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()] == records
    _write("json", tmp_path / "out.json", records)
    text = (tmp_path / "out.json").read_text("utf-8")
    assert json.loads(text) == records
    assert text == json.dumps(records, ensure_ascii=False, indent=2) + "\n"  # the layout of a whole dump


def test_cli_writes_every_format(tmp_path: Path) -> None:
    runner = CliRunner()
    inputs = [str(CORPUS / name) for name in SAMPLES[:2]]
    json_out = runner.invoke(app, ["extract", *inputs, "-f", "json", "--jobs", "1", "-q"])
    assert json_out.exit_code == 0, json_out.output
    documents = json.loads(json_out.stdout)
    for fmt, target in (("csv", "csv"), ("sqlite", "db.sqlite"), ("parquet", "parquet")):
        if fmt == "parquet":
            pytest.importorskip("pyarrow")
        result = runner.invoke(app, ["extract", *inputs, "-f", fmt, "-o", str(tmp_path / target), "--jobs", "1", "-q"])
        assert result.exit_code == 0, result.output
        loaded = {"csv": _load_csv, "sqlite": _load_sqlite, "parquet": _load_parquet}[fmt](tmp_path / target)
        assert _project(loaded) == _expected(documents), fmt


def test_aborted_directory_outputs_leave_the_old_files(records: list[dict], tmp_path: Path) -> None:
    _write("csv", tmp_path / "out", records[:1])
    before = (tmp_path / "out" / "documents.csv").read_bytes()
    with open_writer("csv", tmp_path / "out") as writer:
        writer.write(records[1])
        writer.abort()
    assert (tmp_path / "out" / "documents.csv").read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.csv" for t in tables())


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ExportError, match=re.escape('pip install "congdoan[parquet]"')):
        open_writer("parquet", tmp_path / "out")


def test_the_documented_columns_are_the_real_ones() -> None:
    listing = rows_module.__doc__.split("Tables and columns (type in brackets where not text)::")[1]
    documented = " ".join(listing.split())
    assert documented == " ".join(describe().split())
