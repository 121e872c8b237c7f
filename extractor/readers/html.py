"""Saved news pages (.html): the article body, without menus, sidebars and footers.

A small readability-style heuristic over lxml rather than trafilatura: trafilatura
brings a dozen packages (courlan, htmldate, justext …) for features we do not need
(dates, comments, XML-TEI), while lxml is already installed with python-docx. The
steps:

1. drop what never holds the article: scripts, styles, forms, ``nav``, ``aside``,
   ``footer``, and elements whose class or id names a menu, sidebar, share bar,
   comment box, related-news list … (:data:`BOILERPLATE`);
2. take the container the page marks as the article (``itemprop="articleBody"``,
   ``<article>``, ``<main>``, or a class like ``detail-content`` used by Vietnamese
   news sites, :data:`ARTICLE_CLASSES`) when it holds enough text;
3. otherwise score every block by the text of its paragraphs, less the share of that
   text that sits in links, and take the best.

The page's ``<h1>`` comes first when the container does not include it. Each block
(paragraph, heading, list item, table row with cells joined by `` | ``) is one line,
located as ``paragraph n``. Parsing is in-process (lxml is linear and bounded); libxml2
drops content nested deeper than 2048 elements, which no real page reaches.

>>> page = b'''<html><body><nav><a href="/">Trang ch\\xe1\\xbb\\xa7</a></nav>
... <article><h1>H\\xe1\\xbb\\x99i ngh\\xe1\\xbb\\x8b</h1><p>H\\xe1\\xbb\\x97 tr\\xe1\\xbb\\xa3 127 \\xc4\\x91o\\xc3\\xa0n vi\\xc3\\xaan.</p></article>
... <footer>B\\xe1\\xba\\xa3n quy\\xe1\\xbb\\x81n</footer></body></html>'''
>>> read_html(page).text
'Hội nghị\\nHỗ trợ 127 đoàn viên.'
"""

from __future__ import annotations

import re

from extractor.encodings import EncodingError, decode_as, detect_encoding
from extractor.readers.base import Extracted, InputError, Location, TextBuilder

CELL_SEPARATOR = " | "

#: Elements dropped with everything inside them.
DROPPED_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button",
    "select", "textarea", "input", "nav", "aside", "footer", "menu", "dialog", "object", "embed",
)

#: Class or id words of page furniture (English and the Vietnamese-site habits).
BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|mainmenu|footer|sidebar|side-bar|breadcrumbs?|"
    r"share|sharing|social|comments?|binh-luan|binhluan|related|tin-lien-quan|lienquan|tinkhac|"
    r"banner|advert\w*|ads|quang-cao|quangcao|cookie|popup|modal|widget|subscribe|pagination|"
    r"paging|tags?|toolbar|copyright|login|search|hotline|weather|most-read|xem-nhieu|tin-moi)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)

#: Class or id of article containers on common Vietnamese news and union sites.
ARTICLE_CLASSES = re.compile(
    r"(?:^|\s)(?:detail-content|detail__content|detail-body|article-content|article-body|"
    r"articlebody|entry-content|post-content|news-content|news-detail|content-detail|"
    r"fck_detail|maincontent|main-content|noidung|noi-dung|chi-tiet|chitiet|the-article-body)(?:$|\s)",
    re.IGNORECASE,
)

BLOCK_TAGS = frozenset(
    "p div section article main header h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre "
    "table tbody thead tfoot tr figure figcaption address center hr br".split()
)

# The container the page marks must hold at least this much text to be trusted.
_MIN_ARTICLE_CHARS = 200
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_html(data: bytes, source: str = "<html>", encoding: str | None = None) -> Extracted:
    """The article text of an HTML page's bytes, block by block."""
    import lxml.html
    from lxml import etree

    text, encoding = _decode(data, source, encoding)
    # Control characters are invisible on a page, and lxml refuses them in text it builds.
    text = _CONTROLS.sub(" ", text)
    if not text.strip():
        return TextBuilder().build(encoding=encoding)
    try:
        # huge_tree: without it libxml2 silently drops whatever is nested below 256 levels.
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(source, f"unreadable HTML ({error})") from None
    _drop_boilerplate(root)
    container = _marked_article(root)
    if container is None:
        container = _best_scored(root)
    if container is None:
        container = root
    builder = TextBuilder()
    count = 0
    title = _title(root, container)
    if title:
        count += 1
        builder.add(title, Location(paragraph=count))
    try:
        blocks = list(_blocks(container))
    except RecursionError:  # thousands of nested elements: give up the blocks, keep the text
        blocks = [line for line in (_SPACES.sub(" ", container.text_content()).strip(),) if line]
    for block in blocks:
        count += 1
        builder.add(block, Location(paragraph=count))
    return builder.build(encoding=encoding)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode(data: bytes, source: str, encoding: str | None) -> tuple[str, str]:
    """Decode with the named encoding, the page's declared charset, or detection."""
    try:
        if encoding:
            decoded = decode_as(data, encoding)
            return decoded.text, decoded.encoding
        declared = _META_CHARSET.search(data[:4096])
        if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
            try:
                decoded = decode_as(data, declared.group(1).decode("ascii"))
                return decoded.text, decoded.encoding
            except EncodingError:
                pass  # a wrong declaration: detect instead
        decoded = detect_encoding(data)
        return decoded.text, decoded.encoding
    except EncodingError as error:
        raise InputError(source, str(error)) from None


def _drop(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    # Keep the tail: it is text of the parent that follows the dropped element.
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + " " + element.tail
        else:
            parent.text = (parent.text or "") + " " + element.tail
    parent.remove(element)


def _drop_boilerplate(root) -> None:
    for element in list(root.iter(*DROPPED_TAGS)):
        _drop(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if BOILERPLATE.search(names) and not ARTICLE_CLASSES.search(names) and not _holds_article(element):
            _drop(element)


def _holds_article(element) -> bool:
    """A wrapper whose id says "menu" may still hold the article: keep it then."""
    return bool(element.xpath(".//article | .//main | .//*[@itemprop='articleBody']"))


def _text_length(element) -> int:
    return len(_SPACES.sub(" ", element.text_content()).strip())


def _marked_article(root):
    """The largest container of the most specific kind the page marks as its article."""
    kinds = [
        root.xpath("//*[@itemprop='articleBody']"),
        [e for e in root.iter() if isinstance(e.tag, str)
         and ARTICLE_CLASSES.search(f"{e.get('class', '')} {e.get('id', '')}")],
        list(root.iter("article")),  # news sites also wrap each teaser in <article>: take the largest
        list(root.iter("main")),
    ]
    for candidates in kinds:
        if candidates:
            best = max(candidates, key=_text_length)
            if _text_length(best) >= _MIN_ARTICLE_CHARS:
                return best
    return None


def _best_scored(root):
    """Readability's idea: paragraphs vote for their parent (and half for the grandparent)."""
    scores: dict = {}
    for paragraph in root.iter("p", "td", "pre", "blockquote"):
        length = _text_length(paragraph)
        if length < 25:
            continue
        parent = paragraph.getparent()
        for weight, element in ((1.0, parent), (0.5, parent.getparent() if parent is not None else None)):
            if element is not None:
                scores[element] = scores.get(element, 0.0) + weight * (1 + length / 100)
    best, best_score = None, 0.0
    for element, score in scores.items():
        total = _text_length(element) or 1
        links = sum(_text_length(a) for a in element.iter("a"))
        score *= 1 - links / total
        if score > best_score:
            best, best_score = element, score
    return best


def _title(root, container) -> str | None:
    for heading in root.iter("h1"):
        if container is root or heading in container.iter("h1"):
            return None
        text = _SPACES.sub(" ", heading.text_content()).strip()
        return text or None
    return None


def _blocks(container):
    """Yield the text of each block under ``container``; table rows with their cells."""
    pieces: list[str] = []

    def flush():
        text = _SPACES.sub(" ", "".join(pieces)).strip()
        pieces.clear()
        return text

    def walk(element, top=False):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "tr":
            text = flush()
            if text:
                yield text
            cells = [_SPACES.sub(" ", c.text_content()).strip() for c in element if c.tag in ("td", "th")]
            if any(cells):
                yield CELL_SEPARATOR.join(cells)
            if element.tail:
                pieces.append(element.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            text = flush()
            if text:
                yield text
        if element.text and tag:
            pieces.append(element.text)
        for child in element:
            yield from walk(child)
        if block:
            text = flush()
            if text:
                yield text
        if element.tail and not top:  # the container's tail lies outside it
            pieces.append(element.tail)

    yield from walk(container, top=True)
    last = flush()
    if last:
        yield last
