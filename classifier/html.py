"""HTML pages into blocks with DOM hints, using lxml's forgiving parser.

Blocks are rendered in the same shape as a text scrape (links as
``[text](#)``, headings as ``# ...``, list items as ``- ...``) so one model
serves both input formats; the tree adds :class:`DomHints`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .document import Block, Document, DomHints
from .inputs import normalize_characters

# Never rendered as text. Not <button>: recovering parsers can nest real content inside a
# stray unclosed button, and skipping it lost a whole article body. <noscript> is read only
# when it holds elements (see `_bare_noscript`).
SKIPPED_TAGS = frozenset(
    """
    script style template svg math iframe head select option input textarea
    canvas object embed video audio map area link meta base
    """.split()
)
NOSCRIPT = "noscript"
# lxml refuses a str that starts with an XML declaration naming an encoding (XHTML pages);
# the text is already decoded, so the declaration carries nothing and is dropped.
XML_DECLARATION = re.compile(r"\A\ufeff?\s*<\?xml[^>]*\?>")
BLOCK_TAGS = frozenset(
    """
    p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 td th tr table thead tbody tfoot caption
    blockquote pre figure figcaption section article header footer nav aside main form address
    fieldset legend details summary hr br center dialog noscript body html
    """.split()
)
HEADING_LEVEL = {f"h{i}": i for i in range(1, 7)}
# Their class and id tokens describe the whole page ("single-post", "has-sidebar"), not a
# block's region: taken as hints, they put every block of a third of the corpus pages inside
# the article, and of one in twelve inside a rail (docs/evaluation.md).
PAGE_TAGS = frozenset({"html", "body"})
CLASS_TOKEN = re.compile(r"[a-z]{2,20}")
MAX_CLASS_TOKENS = 64
NO_TOKENS: frozenset[str] = frozenset()
# libxml2 stops descending at 256 levels and drops what lies deeper; the
# cleaner refuses such a page rather than return part of it silently.
TOO_DEEP = "HTML nested deeper than 256 levels (the parser's limit); refused"
# A page with no text outside scripts and styles (an app shell, an image page) has nothing to
# clean, like an empty file; an empty result would pass for a page of pure boilerplate.
NO_TEXT = "no text in the HTML page outside scripts and styles: nothing to clean"


@dataclass
class _Open:
    """An open element on the walk's stack."""

    tag: str
    tokens: frozenset[str]
    serial: int  # page-unique, in opening order


@dataclass
class _Buffer:
    """Inline text collected for the block being built."""

    pieces: list[str] = field(default_factory=list)
    link_starts: list[int] = field(default_factory=list)


def _class_tokens(element: etree._Element) -> frozenset[str]:
    names, identifier = element.get("class"), element.get("id")
    if not names and not identifier:
        return NO_TOKENS
    raw = f"{names or ''} {identifier or ''}".lower()
    return frozenset(CLASS_TOKEN.findall(raw)[:MAX_CLASS_TOKENS])


def _hints(stack: list[_Open]) -> DomHints:
    blocks = [o for o in stack if o.tag in BLOCK_TAGS]
    tokens: set[str] = set()
    for opened in stack:
        tokens |= opened.tokens
    return DomHints(
        tag=blocks[-1].tag if blocks else "body",
        depth=len(stack),
        ancestor_tags=frozenset(o.tag for o in stack),
        class_tokens=frozenset(tokens),
        containers=tuple(o.serial for o in blocks),
    )


def _render(text: str, tag: str) -> str:
    """A block's collapsed text in the text-scrape shape (``# heading``, ``- item``)."""
    if tag in HEADING_LEVEL:
        return "#" * HEADING_LEVEL[tag] + " " + text
    if tag == "li":
        return "- " + text
    return text


def _link_gap(pieces: list[str]) -> str:
    """The space to put before a link: one when it directly follows another link.

    A browser joins ``word<a>link</a>.`` with no space, and so do we; but menus of bare
    adjacent links (``<a>Home</a><a>News</a>``) are spaced by CSS, and gluing them
    would make words no page shows. (Pieces are never empty: only text is appended.)"""
    return " " if pieces and pieces[-1].endswith("](#)") else ""


def _readable(text: str) -> str:
    """Parsed text as it reads: characters normalized, whitespace collapsed.

    The page is normalized here and not before parsing: entities (``&shy;``, ``&#8203;``)
    become characters only in the parser.
    """
    return " ".join(normalize_characters(text).split())  # ASCII text skips normalizing there


def _flush(buffer: _Buffer, stack: list[_Open], blocks: list[Block]) -> None:
    if not buffer.pieces:  # most block tags open or close right after another
        buffer.link_starts.clear()
        return
    text = _readable("".join(buffer.pieces))
    # Most flushes hold only whitespace between tags: only blocks with text get hints.
    if text:
        hints = _hints(stack)
        blocks.append(Block(text=_render(text, hints.tag), dom=hints))
    buffer.pieces.clear()
    buffer.link_starts.clear()


def _parse(html: str) -> tuple[etree._Element | None, tuple[str, ...]]:
    """Parse with a recovering parser; the root (None when nothing parses) and notes on limits hit."""
    parser = etree.HTMLParser(recover=True, remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = etree.fromstring(XML_DECLARATION.sub("", html, count=1), parser)
    except (etree.ParserError, ValueError):
        return None, ()
    too_deep = any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)
    return root, (TOO_DEEP,) if too_deep else ()


def parse_html_tree(html: str) -> etree._Element | None:
    """Parse HTML text with a recovering parser; None when nothing parses."""
    return _parse(html)[0]


def page_title(root: etree._Element) -> str:
    """The page's title: og:title, else <title>, else the first <h1>."""
    for xpath in ('//meta[@property="og:title"]/@content', "//title//text()", "//h1//text()"):
        found = _readable(" ".join(str(t) for t in root.xpath(xpath)[:20]))
        if found:
            return found[:500]
    return ""


def page_url(root: etree._Element) -> str:
    """The canonical URL the page declares, if any."""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = root.xpath(xpath)
        if found:
            return str(found[0]).strip()[:2000]
    return ""


def _bare_noscript(tag: str, element: etree._Element) -> bool:
    """A <noscript> holding no elements, whose subtree is left out of the text.

    <noscript> is what a reader without scripts sees: forum engines (Discourse), Blogger and
    JS-gated sites serve the whole story there, and skipping it left such pages empty. When it
    holds no elements its text is a tracking pixel's markup kept as text by the page's saver,
    or a one-line "enable JavaScript" notice.
    """
    return tag == NOSCRIPT and len(element) == 0


def _without_script_duplicates(blocks: list[Block]) -> list[Block]:
    """Drop <noscript> blocks that repeat a block shown with scripts (the page's two views)."""
    in_noscript = [block.dom is not None and NOSCRIPT in block.dom.ancestor_tags for block in blocks]
    if not any(in_noscript):  # most pages: nothing to compare
        return blocks
    shown = {block.text for block, hidden in zip(blocks, in_noscript, strict=True) if not hidden}
    return [block for block, hidden in zip(blocks, in_noscript, strict=True) if not (hidden and block.text in shown)]


def html_blocks(root: etree._Element) -> list[Block]:
    """Walk the tree (iteratively: pages can be deep) and emit text blocks."""
    blocks: list[Block] = []
    stack: list[_Open] = []
    buffer = _Buffer()
    opened = 0
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            # The set test first: this runs for every element of the page.
            if not tag or tag in SKIPPED_TAGS or _bare_noscript(tag, element):
                if tag:
                    walk.skip_subtree()
                    if element.tail:
                        buffer.pieces.append(element.tail)
                continue
            if tag in BLOCK_TAGS:
                _flush(buffer, stack, blocks)
            opened += 1
            tokens = NO_TOKENS if tag in PAGE_TAGS else _class_tokens(element)
            stack.append(_Open(tag=tag, tokens=tokens, serial=opened))
            if tag == "a":
                buffer.link_starts.append(len(buffer.pieces))
            if element.text:
                buffer.pieces.append(element.text)
            continue
        if not tag or tag in SKIPPED_TAGS or _bare_noscript(tag, element) or not stack:
            continue
        if tag == "a" and buffer.link_starts:
            start = buffer.link_starts.pop()
            inner = _readable("".join(buffer.pieces[start:]))
            del buffer.pieces[start:]
            if inner:
                buffer.pieces.append(f"{_link_gap(buffer.pieces)}[{inner}](#)")
        if tag in BLOCK_TAGS:
            _flush(buffer, stack, blocks)
        stack.pop()
        if element.tail:
            buffer.pieces.append(element.tail)
    _flush(buffer, stack, blocks)
    return _without_script_duplicates(blocks)


def segment_html(html: str, source: str = "") -> Document:
    """Segment an HTML page into a :class:`Document` of blocks with DOM hints.

    Block texts and the title are normalized (:func:`normalize_characters`) after parsing,
    so the page is passed as it is. A page deeper than the parser's limit gets the note
    :data:`TOO_DEEP`.
    """
    root, notes = _parse(html)
    if root is None:
        return Document(blocks=(), source=source, input_format="html", notes=notes)
    return Document(
        blocks=tuple(html_blocks(root)),
        title=page_title(root),
        url=page_url(root),
        source=source,
        input_format="html",
        notes=notes,
    )
