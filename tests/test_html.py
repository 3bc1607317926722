"""HTML segmentation: blocks, rendering, DOM hints, page metadata."""

from __future__ import annotations

from classifier.html import segment_html

BODY = "The council approved the budget after a long debate on Tuesday evening in the town hall."


def test_blocks_links_headings_and_lists():
    page = (
        "<html><head><title>T</title><script>var x = 1;</script></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li></ul></nav>"
        f"<article><h2>Budget</h2><p>{BODY} <a href='/x'>More here</a>.</p></article>"
        "</body></html>"
    )
    document = segment_html(page)
    texts = [b.text for b in document.blocks]
    assert texts == ["- [Home](#)", "## Budget", f"{BODY} [More here](#)."]
    assert "nav" in document.blocks[0].dom.ancestor_tags
    assert document.blocks[2].dom.tag == "p" and "article" in document.blocks[2].dom.ancestor_tags
    assert document.title == "T"
    assert all("var x" not in t for t in texts)


def test_links_join_their_text_as_a_browser_shows_it_but_adjacent_links_stay_apart():
    page = (
        '<p>Der Artikel "<a href="/a">Neue Wege</a>" erschien<a href="/n">[1]</a>.</p>'
        '<p><a href="/">Home</a><a href="/n">News</a><span><a href="/s">Sport</a></span></p>'
        '<p>See <a href="/x">this</a> and <a href="/y">that</a>.</p>'
    )
    texts = [b.text for b in segment_html(page).blocks]
    assert texts == [
        'Der Artikel "[Neue Wege](#)" erschien[[1]](#).',
        "[Home](#) [News](#) [Sport](#)",
        "See [this](#) and [that](#).",
    ]


def test_content_inside_a_stray_button_is_kept():
    # A recovering parser nests everything after an unclosed <button><div> inside the button.
    page = f"<html><body><button><div>Menu</div><p>{BODY}</p><p>{BODY}</p></body></html>"
    texts = [b.text for b in segment_html(page).blocks]
    assert texts.count(BODY) == 2


def test_canonical_url_and_og_title():
    page = (
        '<html><head><meta property="og:title" content="Real title">'
        '<link rel="canonical" href="https://example.com/a"></head><body><p>x</p></body></html>'
    )
    document = segment_html(page)
    assert document.title == "Real title" and document.url == "https://example.com/a"


def test_class_tokens_are_collected():
    page = '<html><body><div class="related-stories sidebar"><p>Teaser text</p></div></body></html>'
    block = segment_html(page).blocks[0]
    assert {"related", "stories", "sidebar"} <= block.dom.class_tokens


def test_page_wide_classes_are_not_region_hints():
    page = (
        '<html class="js"><body class="single-post has-sidebar">'
        '<div id="comments"><p>Nice piece!</p></div><p>Story text.</p></body></html>'
    )
    comment, story = segment_html(page).blocks
    assert comment.dom.class_tokens == {"comments"}
    assert story.dom.class_tokens == frozenset()


def test_containers_number_the_enclosing_block_elements():
    page = (
        "<html><body><div class='story'><p>First <b>bold</b> paragraph.</p><p>Second paragraph.</p></div>"
        "<aside><p>Elsewhere.</p></aside></body></html>"
    )
    first, second, aside = segment_html(page).blocks
    assert len(first.dom.containers) == 4  # html, body, div, p (inline <b> is not a container)
    assert first.dom.containers[:3] == second.dom.containers[:3]
    assert first.dom.containers[3] != second.dom.containers[3]
    assert aside.dom.containers[:2] == first.dom.containers[:2]
    assert aside.dom.containers[2] != first.dom.containers[2]
