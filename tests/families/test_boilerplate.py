from features.boilerplate import FAMILY
from tests.families.helpers import columns_for


def test_contact_release_about_legal():
    rows = columns_for(
        FAMILY,
        [
            "Tel: +44 (0) 20 7413 5566,After hours: +44 7778 472 126,Email:,press@amnesty.org",
            "For Immediate Release",
            "Amnesty International is a worldwide movement of people who campaign for human rights.",
            "© 2024 Example News. All rights reserved.",
            "The army retook the town on Sunday.",
        ],
    )
    assert rows[0]["phone_numbers"] >= 2 and rows[0]["emails"] == 1 and rows[0]["contact_words"] >= 2
    assert rows[1]["release_marker"] == 1
    assert rows[2]["about_organisation"] >= 1
    assert rows[3]["legal_terms"] >= 2
    assert sum(rows[4].values()) == 0


def test_release_contact_and_legal_lines_in_other_languages():
    rows = columns_for(
        FAMILY,
        [
            "Pressekontakt: Anna Berg, Telefon 030 1234567",
            "Pressemitteilung vom 3. Mai",
            "© 2024 Beispiel GmbH. Alle Rechte vorbehalten.",
            "Werbung",
            "Die Firma wurde 1998 gegründet und beschäftigt heute 40 Menschen.",
            "Der Bürgermeister eröffnete die neue Schule am Montag.",
        ],
    )
    assert rows[0]["contact_words"] >= 2
    assert rows[1]["release_marker"] == 1
    assert rows[2]["legal_terms"] >= 1
    assert rows[3]["ad_notice"] == 1
    assert rows[4]["about_organisation"] >= 1
    assert all(value == 0 for value in rows[5].values())


def test_an_address_hidden_by_cloudflare_counts_as_an_email():
    rows = columns_for(
        FAMILY,
        [
            "Media contact: Jane Roe, [email protected]",
            "Write to [[email protected]](#) or call us.",
            "Our email is protected by law.",
        ],
    )
    assert rows[0]["emails"] == 1 and rows[1]["emails"] == 1
    assert rows[2]["emails"] == 0
