"""Boilerplate: contact blocks, release markers, about-the-organisation, legal, ads."""

from __future__ import annotations

import re

from .base import DocView, FeatureFamily, Rows, lowercase_twin, phrase_hits

PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{0,4}")
# Phone numbers need a digit and addresses an "@": paragraphs without skip the slower patterns.
DIGIT = re.compile(r"\d")
# What Cloudflare shows in place of an address it hides from scrapers.
HIDDEN_EMAIL = "[email protected]"
EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,20}|" + re.escape(HIDDEN_EMAIL))
CONTACT = re.compile(
    r"\b(?:contact|tel|telephone|phone|fax|e-?mail|media enquiries|media inquiries|press office|"
    r"press contact|after hours|kontakt|ansprechpartner(?:in)?|pressekontakt|telefon|telefax|"
    r"pressestelle|contacto|teléfono|téléphone|contatti|telefono|contactez-nous)\b\s{0,2}:?",
    re.I,
)
# Each pattern below puts its anchored alternatives (^ and \b) behind one shared anchor:
# Python's engine then tests the anchor once per position instead of trying every
# alternative (ABOUT_ORG six times faster), with the same matches: no two alternatives can
# match at one position, so their order does not change what findall counts.
RELEASE_MARKER = re.compile(
    r"(?:for immediate release|press release|news release|embargoed|pressemitteilung|pressemeldung|"
    r"communiqué de presse|nota de prensa|comunicado de prensa|comunicato stampa|persbericht|"
    r"^(?:-?\s{0,2}ends\s{0,2}-?$|#{3}$)|\b(?:notes to editors?|media advisory)\b)",
    re.I,
)
ABOUT_ORG = re.compile(
    r"(?:^(?:about (?:the |us\b)?[A-Z]?|über uns\b|quiénes somos\b|sobre nosotros\b|chi siamo\b|over ons\b)|"
    r"\b(?:is an? (?:worldwide|global|leading|international|national|non-?profit|not-for-profit|independent|"
    r"nonpartisan|award-winning)\b|founded in \d{4}\b|headquartered in\b|"
    r"for more information,? (?:visit|contact|go to)\b|members and supporters\b|à propos de nous\b|"
    r"gegründet (?:im jahr )?\d{4}\b|\d{4} gegründet\b|fondée? en \d{4}\b|fundad[ao] en \d{4}\b|"
    r"fondat[ao] nel \d{4}\b|opgericht in \d{4}\b))",
    re.I,
)
LEGAL = re.compile(
    r"(?:\u00a9|\(c\)\s{0,2}\d{4}|copyright|all rights reserved|privacy policy|terms of (?:use|service)|"
    r"cookie|cookies|consent|trademark|disclaimer|may not be (?:reproduced|published|redistributed)|"
    r"impressum|datenschutz|affiliate links?|we may earn|commission|alle rechte vorbehalten|"
    r"nutzungsbedingungen|haftungsausschluss|\bagb\b|tous droits réservés|mentions légales|"
    r"politique de confidentialité|todos los derechos reservados|aviso legal|política de privacidad|"
    r"tutti i diritti riservati|alle rechten voorbehouden|todos os direitos reservados)",
    re.I,
)
AD_NOTICE = re.compile(
    r"(?:^(?:advertisement|anzeige|werbung|publicité|publicidad|pubblicità|advertentie|publicidade)$|"
    r"\b(?:sponsored|gesponsert|ad choices|paid content)\b)",
    re.I,
)

CONTACT_LOWER = lowercase_twin(CONTACT)
RELEASE_MARKER_LOWER = lowercase_twin(RELEASE_MARKER)
ABOUT_ORG_LOWER = lowercase_twin(ABOUT_ORG)
LEGAL_LOWER = lowercase_twin(LEGAL)
AD_NOTICE_LOWER = lowercase_twin(AD_NOTICE)

COLUMNS = (
    "phone_numbers",
    "emails",
    "contact_words",
    "release_marker",
    "about_organisation",
    "legal_terms",
    "ad_notice",
)


def may_hold_email(text: str) -> bool:
    """False when :data:`EMAIL` cannot match: no "@" and no placeholder (a cheap pre-check)."""
    return "@" in text or HIDDEN_EMAIL in text


def extract(view: DocView) -> Rows:
    """Boilerplate features for every paragraph."""
    rows: Rows = []
    for paragraph in view.paragraphs:
        text = paragraph.plain[:3000]
        stripped_lower = paragraph.lower.strip()
        rows.append(
            (
                float(phrase_hits(PHONE, text) if DIGIT.search(text) else 0),
                float(phrase_hits(EMAIL, text) if may_hold_email(text) else 0),
                float(phrase_hits(CONTACT_LOWER, paragraph.lower)),
                float(bool(RELEASE_MARKER_LOWER.search(stripped_lower))),
                float(phrase_hits(ABOUT_ORG_LOWER, paragraph.lower)),
                float(phrase_hits(LEGAL_LOWER, paragraph.lower)),
                float(bool(AD_NOTICE_LOWER.search(stripped_lower))),
            )
        )
    return rows


FAMILY = FeatureFamily(name="boilerplate", columns=COLUMNS, extract=extract)
