from features.navigation import FAMILY
from tests.families.helpers import columns_for, dom


def test_read_links_follow_and_signup():
    rows = columns_for(
        FAMILY,
        [
            "[READ: Obama: 'This was an act of terrorism'](#)",
            "[Follow @CNNpolitics](#)",
            "[Sign up for CNN Politics' Nightcap newsletter.](#)",
            "MUST WATCH",
            "The minister said the plan would cost $3 billion.",
        ],
    )
    assert rows[0]["read_or_watch_lead_in"] == 1 and rows[0]["link_only"] == 1
    assert rows[1]["handle_mentions"] == 1 and rows[1]["call_to_action"] == 1
    assert rows[2]["nav_phrases"] >= 1
    assert rows[3]["short_all_caps"] == 1 and rows[3]["nav_phrases"] >= 1
    assert all(rows[4][c] == 0 for c in ("nav_phrases", "link_only", "call_to_action", "short_all_caps"))


def test_dom_navigation_region():
    rows = columns_for(FAMILY, ["- [Home](#)"], doms=[dom("li", ("html", "body", "nav", "ul"), ("menu",))])
    assert rows[0]["dom_navigation_region"] == 1 and rows[0]["dom_navigation_tokens"] >= 1


def test_chrome_in_other_languages():
    rows = columns_for(
        FAMILY,
        [
            "Lesen Sie auch: Die neue Brücke ist fertig",
            "[Folgen Sie uns auf Instagram](#)",
            "Lire aussi : le budget adopté",
            "Suscríbete a nuestro boletín",
            "Der Stadtrat beschloss am Dienstag den Haushalt für das kommende Jahr.",
        ],
    )
    assert rows[0]["read_or_watch_lead_in"] == 1
    assert rows[1]["call_to_action"] == 1 and rows[1]["nav_phrases"] >= 1
    assert rows[2]["read_or_watch_lead_in"] == 1 and rows[2]["nav_phrases"] >= 1
    assert rows[3]["call_to_action"] == 1
    assert all(rows[4][c] == 0 for c in ("nav_phrases", "read_or_watch_lead_in", "call_to_action"))
