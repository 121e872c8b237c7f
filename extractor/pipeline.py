"""The spaCy pipeline: underthesea tokenizer plus one component per recogniser.

``build_pipeline()`` assembles it; every stage is a registered spaCy factory, so a user
can ``nlp.remove_pipe("congdoan_counts")`` or add their own component in between.
Components write labelled spans to ``doc.spans["congdoan"]`` with the normalised fields
in ``span._.attrs``; later components read those spans and never re-parse raw text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.found import Found
from extractor.segment import DOC_TEXT_KEY

SPANS_KEY = "congdoan"
# Attributes holding a recogniser's exact character offsets when they are not token edges.
EXACT_START, EXACT_END = "char_start", "char_end"

if not Span.has_extension("attrs"):
    Span.set_extension("attrs", default=None)
if not Doc.has_extension("report_date"):
    Doc.set_extension("report_date", default=None)
if not Doc.has_extension("province"):
    Doc.set_extension("province", default=None)
# Lines printed more than once (a banner, a page header) whose later copies cleaning took
# out of the text (extractor.cleaning): still repeated for the record builders.
if not Doc.has_extension("repeated_lines"):
    Doc.set_extension("repeated_lines", default=frozenset())


@spacy.registry.tokenizers("congdoan.underthesea_tokenizer.v1")
def _create_tokenizer() -> Callable[[Language], object]:
    from extractor.segment import UndertheseaTokenizer

    def create(nlp: Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab)

    return create


def add_found(doc: Doc, found: Iterable[Found], blocked_by: frozenset[str]) -> None:
    """Add recogniser results to the doc, skipping those that overlap a blocking span.

    A value inside a document reference's own date clause (``722/QĐ-LĐLĐ ngày 6.3.2020``)
    is not blocked: that date is a date.
    """
    group = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else doc.spans.setdefault(SPANS_KEY, [])
    blocked = [(*span_offsets(span), span._.attrs or {}) for span in group if span.label_ in blocked_by]
    new: list[Span] = []
    taken = {(span.start_char, span.end_char) for span in group}
    for item in found:
        if any(_blocks(item, start, end, attrs) for start, end, attrs in blocked):
            continue
        attrs = dict(item.attrs)
        span = doc.char_span(item.start, item.end, label=item.label, alignment_mode="strict")
        if span is None:
            # The boundary falls inside an underthesea word ("sát nhập Ban Tổ chức" has the
            # word "nhập Ban"): the span covers the whole words, and the exact characters are
            # kept in the attributes, which are what the output reports.
            span = doc.char_span(item.start, item.end, label=item.label, alignment_mode="expand")
            attrs.update({EXACT_START: item.start, EXACT_END: item.end})
        if span is None or (span.start_char, span.end_char) in taken:
            # Span extension values are keyed by character offsets: a second span over the
            # same characters (two recognisers' spans widened to one underthesea word) would
            # overwrite the first one's fields. The first recogniser keeps them.
            continue
        span._.attrs = attrs
        taken.add((span.start_char, span.end_char))
        new.append(span)
    doc.spans[SPANS_KEY] = sorted([*group, *new], key=lambda s: (s.start_char, -s.end_char))


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it: spaCy joins every token again on each access (2.5 ms
    for a report), and the components read the text many times. Our tokenizer stores the
    text it was given; a Doc made elsewhere gets it built once."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text


def span_offsets(span: Span) -> tuple[int, int]:
    """The exact character offsets of a recognised span (not always its token edges)."""
    attrs = span._.attrs or {}
    return attrs.get(EXACT_START, span.start_char), attrs.get(EXACT_END, span.end_char)


def _blocks(item: Found, start: int, end: int, attrs: dict) -> bool:
    if item.end <= start or end <= item.start:
        return False
    date_start, date_end = attrs.get("date_start"), attrs.get("date_end")
    if date_start is not None and date_start <= item.start and item.end <= date_end:
        return False
    return True


class ValueRecognizer:
    """A pipeline component running one character-level recogniser over ``doc.text``."""

    def __init__(self, find: Callable[[str], list[Found]], blocked_by: Iterable[str]):
        self.find = find
        self.blocked_by = frozenset(blocked_by)

    def __call__(self, doc: Doc) -> Doc:
        add_found(doc, self.find(doc_text(doc)), self.blocked_by)
        return doc


@Language.factory("congdoan_docrefs", assigns=["doc.spans"], default_config={"blocked_by": []})
def make_docrefs(nlp: Language, name: str, blocked_by: list[str]) -> ValueRecognizer:
    from extractor.docrefs import find_docrefs

    return ValueRecognizer(find_docrefs, blocked_by)


@Language.factory("congdoan_dates", assigns=["doc.spans"], default_config={"blocked_by": ["DOC_REF"]})
def make_dates(nlp: Language, name: str, blocked_by: list[str]) -> ValueRecognizer:
    from extractor.dates import find_dates

    return ValueRecognizer(find_dates, blocked_by)


@Language.factory(
    "congdoan_money", assigns=["doc.spans"], default_config={"blocked_by": ["DOC_REF", "DATE"]}
)
def make_money(nlp: Language, name: str, blocked_by: list[str]) -> ValueRecognizer:
    from extractor.money import find_money

    return ValueRecognizer(find_money, blocked_by)


@Language.factory(
    "congdoan_percents",
    assigns=["doc.spans"],
    default_config={"blocked_by": ["DOC_REF", "DATE", "MONEY"]},
)
def make_percents(nlp: Language, name: str, blocked_by: list[str]) -> ValueRecognizer:
    from extractor.percents import find_percents

    return ValueRecognizer(find_percents, blocked_by)


@Language.factory(
    "congdoan_counts",
    assigns=["doc.spans"],
    default_config={"blocked_by": ["DOC_REF", "DATE", "MONEY", "PERCENT"]},
)
def make_counts(nlp: Language, name: str, blocked_by: list[str]) -> ValueRecognizer:
    from extractor.counts import find_counts

    return ValueRecognizer(find_counts, blocked_by)


class OrganisationRecognizer(ValueRecognizer):
    """Organisations, resolved against the province the report is about (``doc._.province``)."""

    def __call__(self, doc: Doc) -> Doc:
        from extractor.organisations import find_organisations, infer_province

        text = doc_text(doc)
        doc._.province = infer_province(text)
        add_found(doc, find_organisations(text, province=doc._.province), self.blocked_by)
        return doc


@Language.factory(
    "congdoan_organisations", assigns=["doc.spans", "doc._.province"], default_config={"blocked_by": ["DOC_REF"]}
)
def make_organisations(nlp: Language, name: str, blocked_by: list[str]) -> OrganisationRecognizer:
    return OrganisationRecognizer(lambda text: [], blocked_by)


@Language.factory(
    "congdoan_people", assigns=["doc.spans"], default_config={"blocked_by": ["DOC_REF", "ORG"]}
)
def make_people(nlp: Language, name: str, blocked_by: list[str]) -> ValueRecognizer:
    from extractor.people import find_people

    return ValueRecognizer(find_people, blocked_by)


@Language.factory(
    "congdoan_places", assigns=["doc.spans"], default_config={"blocked_by": ["DOC_REF", "ORG", "PERSON"]}
)
def make_places(nlp: Language, name: str, blocked_by: list[str]) -> ValueRecognizer:
    from extractor.places import find_places

    return ValueRecognizer(find_places, blocked_by)


@Language.factory("congdoan_report_date", assigns=["doc._.report_date"], requires=["doc.spans"])
def make_report_date(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    from extractor.report_date import complete_dates

    return complete_dates


@Language.factory("congdoan_records", assigns=["doc._.records"], requires=["doc.spans"])
def make_records(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    from extractor.records import records_component

    return records_component


PIPE_NAMES = (
    "congdoan_docrefs",
    "congdoan_dates",
    "congdoan_report_date",
    "congdoan_money",
    "congdoan_percents",
    "congdoan_counts",
    "congdoan_organisations",
    "congdoan_people",
    "congdoan_places",
    "congdoan_records",
)


def build_pipeline() -> Language:
    """Build the congdoan pipeline on ``spacy.blank("vi")`` with underthesea segmentation.

    >>> nlp = build_pipeline()
    >>> nlp.pipe_names[0]
    'congdoan_docrefs'
    """
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "congdoan.underthesea_tokenizer.v1"}}})
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp
