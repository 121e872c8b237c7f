"""Word documents (.docx): body paragraphs and tables in document order.

Each body paragraph is one line; each table row is one line with its cells separated by
:data:`CELL_SEPARATOR` (a cell's own paragraphs joined by spaces; a nested table's rows
inline). Text boxes follow the paragraph that anchors them. Locations are
``paragraph n`` (body paragraphs counted from 1, empty ones included, as Word's
navigation counts them) and ``table t, row r, cell c``. Tracked deletions are left out,
tracked insertions kept. Not read: headers, footers, footnotes, comments. Pages are
not known: Word lays them out only when it displays the file.

>>> from docx import Document
>>> import io
>>> document = Document()
>>> _ = document.add_paragraph("Báo cáo tháng 3")
>>> table = document.add_table(rows=1, cols=2)
>>> table.cell(0, 0).text, table.cell(0, 1).text = "Số đoàn viên", "127"
>>> buffer = io.BytesIO(); document.save(buffer)
>>> read_docx(buffer.getvalue()).text
'Báo cáo tháng 3\\nSố đoàn viên | 127'
"""

from __future__ import annotations

import io
import zipfile

from extractor.readers.base import Extracted, InputError, Location, TextBuilder

#: Between the cells of a table row. A visible mark rather than a tab, which the
#: normaliser folds to a space: a number at the end of one cell must not read as the
#: start of a phrase in the next.
CELL_SEPARATOR = " | "

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (f"{_W}{n}" for n in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_TEXTBOX = f"{_W}txbxContent"
# Elements that stand for characters inside a run.
_CHARACTERS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def read_docx(data: bytes, source: str = "<docx>") -> Extracted:
    """Read a .docx file's bytes; :class:`InputError` when it is damaged or not Word."""
    from docx import Document  # imported here: python-docx loads lxml, not needed for text files
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, EOFError):
        raise InputError(source, "damaged .docx (not a complete zip archive); open and re-save it in Word") from None
    except KeyError as error:
        raise InputError(source, f"not a Word document (the zip has no part {error})") from None
    except Exception as error:  # noqa: BLE001 - lxml and zipfile raise many kinds on damaged parts
        raise InputError(source, f"damaged .docx ({type(error).__name__}: {error})"[:300]) from None
    builder = TextBuilder()
    counters = {"paragraph": 0, "table": 0}
    try:
        _read_blocks(document.element.body, builder, counters)
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise InputError(source, f"damaged .docx ({type(error).__name__}: {error})"[:300]) from None
    return builder.build()


def _blocks(container):
    """Paragraphs and tables of a body or cell, in order, looking inside content controls."""
    for child in container.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _read_blocks(body, builder: TextBuilder, counters: dict[str, int]) -> None:
    for block in _blocks(body):
        if block.tag == _P:
            counters["paragraph"] += 1
            location = Location(paragraph=counters["paragraph"])
            text = paragraph_text(block)
            if text.strip():
                builder.add(text, location)
            for box in _textboxes(block):
                for inner in _blocks(box):
                    inner_text = paragraph_text(inner) if inner.tag == _P else _table_inline(inner)
                    if inner_text.strip():
                        builder.add(inner_text, location)
        else:
            counters["table"] += 1
            _read_table(block, counters["table"], builder)


def _read_table(table, number: int, builder: TextBuilder) -> None:
    for row_number, row in enumerate(table.iterchildren(_TR), start=1):
        cells = [_cell_text(cell) for cell in row.iterchildren(_TC)]
        if not any(text.strip() for text in cells):
            continue
        for cell_number, text in enumerate(cells, start=1):
            separator = "\n" if cell_number == 1 else CELL_SEPARATOR
            builder.add(text, Location(table=number, row=row_number, cell=cell_number), separator)


def _cell_text(cell) -> str:
    parts = []
    for block in _blocks(cell):
        text = paragraph_text(block) if block.tag == _P else _table_inline(block)
        if text.strip():
            parts.append(text.strip())
    return " ".join(parts)


def _table_inline(table) -> str:
    rows = []
    for row in table.iterchildren(_TR):
        cells = [_cell_text(cell) for cell in row.iterchildren(_TC)]
        if any(cells):
            rows.append(CELL_SEPARATOR.join(cells))
    return " ".join(rows)


def paragraph_text(paragraph) -> str:
    """The characters of one ``w:p`` element, leaving out text boxes and deletions.

    Unlike python-docx's ``Paragraph.text``, runs inside tracked insertions, smart tags
    and simple fields are kept.
    """
    pieces: list[str] = []
    _collect(paragraph, pieces)
    return "".join(pieces)


def _collect(element, pieces: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag == _TEXTBOX or tag == f"{_MC}Fallback":
            continue  # comments; text boxes are read after their paragraph; Fallback repeats Choice
        if tag == f"{_W}t":
            pieces.append(child.text or "")
        elif tag in _CHARACTERS:
            pieces.append(_CHARACTERS[tag])
        elif tag in (f"{_W}del", f"{_W}delText", f"{_W}instrText"):
            continue  # deleted text and field codes are not what the reader sees
        else:
            _collect(child, pieces)


def _textboxes(paragraph):
    """Text box contents anchored in a paragraph, once each (not their Fallback copies)."""
    for box in paragraph.iter(_TEXTBOX):
        if not any(ancestor.tag == f"{_MC}Fallback" for ancestor in box.iterancestors()):
            yield box
