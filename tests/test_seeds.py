"""Acceptance on the user's three seed articles: must-keep / must-drop substrings."""

from __future__ import annotations

import re

import pytest

CNN = "cnn-amnesty-isis-weapons"
RELEASE = "commondreams-amnesty-mosul-release"
BLOG = "blog-amnesty-mosul-war-crimes"


def kept_text(result) -> str:
    return "\n".join(p.text for p in result.paragraphs if p.kept)


def dropped(result) -> list:
    return [p for p in result.paragraphs if not p.kept]


def test_cnn_gallery_is_dropped_entirely(cleaner, seed_texts):
    result = cleaner.clean(seed_texts[CNN])
    kept = kept_text(result)
    assert "Hide Caption" not in kept
    assert "Photos: The ISIS terror threat" not in kept
    assert not re.search(r"^\d+ of 68$", kept, re.M)
    captions = [p for p in result.paragraphs if p.label == "caption"]
    counters = [p for p in captions if re.fullmatch(r"\d+ of 68", p.text)]
    assert len(counters) == 68
    # Every caption's description is dropped, including ones the scraper split.
    for snippet in (
        "Wounded passengers are treated following a suicide bombing at the Brussels Airport",
        "Children stand next to a burnt vehicle",
        "ISIS militants stand near the site of an airstrike near the Turkey-Syria border",
        "States and several Arab nations have been bombing ISIS targets",
        "for the explosion, which killed at least 13 people",
    ):
        assert snippet not in kept, snippet


@pytest.mark.parametrize(
    "chrome",
    [
        "MUST WATCH",
        "President Obama's full Oval Office address",
        "[READ: Obama: 'This was an act of terrorism'](#)",
        "[READ: Will any of Obama's ISIS proposals succeed?](#)",
        "[READ: Inside the",
        "[Follow @CNNpolitics](#)",
        "Sign up for CNN Politics' Nightcap newsletter",
    ],
)
def test_cnn_navigation_is_dropped(cleaner, seed_texts, chrome):
    assert chrome not in kept_text(cleaner.clean(seed_texts[CNN]))


@pytest.mark.parametrize(
    "story",
    [
        "(CNN)A new report from a prominent human rights group",
        "Amnesty International's 44-page report, released late Monday",
        "The strategy that we are using now",
        "The Amnesty International report, however, concluded",
        "By failing to account for the weapons",
        "The main suppliers of Iraq historically have been Russia, China and the U.S.",
        "However, the Pentagon admitted",
        "whereby states often recklessly and irresponsibly send arms to Iraq",
        "Even if ISIS is uprooted, other armed groups",
    ],
)
def test_cnn_reporting_is_kept(cleaner, seed_texts, story):
    assert story in kept_text(cleaner.clean(seed_texts[CNN]))


def test_cnn_every_reporting_paragraph_kept(cleaner, seed_texts, seed_records):
    result = cleaner.clean(seed_texts[CNN])
    gold = seed_records[CNN]["paragraphs"]
    assert [p.text for p in result.paragraphs] == [g["text"] for g in gold]
    for paragraph, truth in zip(result.paragraphs, gold, strict=True):
        if truth["label"] == "reporting":
            assert paragraph.kept, paragraph.text[:80]


@pytest.mark.parametrize(
    "chrome",
    [
        "For Immediate Release",
        "Tel: +44 (0) 20 7413 5566",
        "Amnesty International is a worldwide movement",
        "LATEST NEWS",
        "Mamdani Says of Trump Threat to Arrest Him",
        "Zohran Mamdani made clear on Tuesday",
        "Senators Demand Answers About 'Reckless' Trump Admin",
        "The senators are asking Bisignano to",
        "Provide a detailed description of the new AI-based chatbot",
        "House to Take Up GOP Megabill",
        "This is like Robin Hood in reverse",
        "Keep ReadingShow Less",
        "Most Popular",
        "[image or embed]",
    ],
)
def test_release_boilerplate_and_rail_dropped(cleaner, seed_texts, chrome):
    assert chrome not in kept_text(cleaner.clean(seed_texts[RELEASE]))


def test_release_reporting_kept_and_metadata_read(cleaner, seed_texts):
    result = cleaner.clean(seed_texts[RELEASE])
    kept = kept_text(result)
    for story in (
        "A new report by Amnesty International uncovers the horrifying scale",
        "said Lynn Maalouf, Director of Research",
        "IS violations: forced displacement, summary killings",
        "Mohamed from al-Tenak neighbourhood",
        "Iraqi forces and members of the US-led coalition must ensure",
    ):
        assert story in kept
    labels = {p.text: p.label for p in result.paragraphs}
    assert labels["WASHINGTON"] == "metadata"
    assert labels["July, 11 2017, 08:15am EDT"] == "metadata"
    assert result.date == "July, 11 2017"
    assert "Civilian Catastrophe in West Mosul" in result.title
    assert all(p.label == "off_topic" for p in result.paragraphs if "Mamdani" in p.text)


def test_blog_opinion_and_reporting(cleaner, seed_texts):
    result = cleaner.clean(seed_texts[BLOG])
    labels = [p.label for p in result.paragraphs]
    assert labels[0] == "metadata"
    assert labels[1] == "opinion" and result.paragraphs[1].text.startswith("While mainstream news outlets")
    assert labels[-1] == "opinion" and result.paragraphs[-1].text.startswith("How long can the U.S")
    assert set(labels[2:-1]) == {"reporting"}
    assert all(p.kept for p in result.paragraphs[1:])
