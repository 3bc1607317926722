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


def test_an_xhtml_page_with_an_encoding_declaration_is_read():
    # lxml refuses a decoded string that declares an encoding; such pages used to come out empty.
    for prefix in ('<?xml version="1.0" encoding="utf-8"?>\n', '\ufeff<?xml version="1.0" encoding="iso-8859-1"?>'):
        page = f'{prefix}<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{BODY}</p></body></html>'
        assert [b.text for b in segment_html(page).blocks] == [BODY]


def test_noscript_content_is_read_but_its_styles_and_scripts_are_not():
    # Discourse and Blogger serve the whole story inside <noscript> to readers without scripts.
    page = (
        "<html><head><noscript><style>.x{}</style></noscript></head><body>"
        f"<div id='app'></div><noscript><header>Forum</header><p>{BODY}</p>"
        "<script>var hidden = 1;</script></noscript></body></html>"
    )
    blocks = segment_html(page).blocks
    assert [b.text for b in blocks] == ["Forum", BODY]
    assert "noscript" in blocks[1].dom.ancestor_tags


def test_noscript_without_elements_and_noscript_copies_of_shown_blocks_are_left_out():
    page = (
        f"<html><body><p>Before</p><article><p>{BODY}</p></article>"
        "<noscript>&lt;img src='https://pixel.example/t.gif'&gt;</noscript>"
        f"<noscript><div><p>{BODY}</p><p>Enable JavaScript for comments.</p></div></noscript>"
        "<p>After</p></body></html>"
    )
    texts = [b.text for b in segment_html(page).blocks]
    assert texts == ["Before", BODY, "Enable JavaScript for comments.", "After"]


def test_entities_for_invisible_and_combining_characters_read_as_plain_text():
    # Normalizing the raw page cannot see these: the parser makes the characters.
    page = "<p>Ita&shy;li&shy;ens Wei&#173;ne u&#776;ber &#8203; end</p><p>&#8203;</p><p>Next</p>"
    assert [b.text for b in segment_html(page).blocks] == ["Italiens Weine über end", "Next"]
    # A link whose only text is invisible is no link, as in a page that holds the character itself.
    for anchor in ("&#8203;", "\u200b"):
        page = (
            "<html><head><title>Ti&shy;tel</title></head>"
            f"<body><h2>Fast Track<a href='#f'>{anchor}</a></h2></body></html>"
        )
        document = segment_html(page)
        assert [b.text for b in document.blocks] == ["## Fast Track"] and document.title == "Titel"


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
