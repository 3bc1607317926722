"""Navigation: menus, link lists, calls to action, follow/newsletter prompts."""

from __future__ import annotations

import re

from .base import MISSING, DocView, FeatureFamily, Rows, lowercase_twin, phrase_hits

NAV_PHRASES = re.compile(
    r"\b(?:must watch|read more|read next|read also|keep reading|show less|show more|most popular|"
    r"most read|latest news|related|follow us|follow @|sign up|sign in|log in|login|subscribe|"
    r"newsletter|share this|share on|tweet|facebook|twitter|linkedin|whatsapp|pinterest|instagram|"
    r"email this|print this|skip to|main menu|menu|back to top|next article|previous article|"
    r"see also|more from|trending|recommended|you may also like|advertisement|download the app|"
    r"click here|learn more|view all|see all|load more|all rights|cookie|home page|homepage|"
    r"weiterlesen|mehr zum thema|anmelden|teilen|abonnieren|"
    # German, French, Spanish, Italian, Dutch, Portuguese: the snippet corpus is mostly German,
    # and a scrape's chrome is in the site's language. Phrases mostly rare in running prose.
    r"mehr lesen|mehr erfahren|lesen sie auch|auch interessant|meistgelesen|meistgelesene|"
    r"startseite|zur startseite|nach oben|zum inhalt springen|hauptmenü|menü|abmelden|registrieren|"
    r"einloggen|folgen sie uns|jetzt teilen|artikel teilen|alle artikel|weitere artikel|"
    r"ähnliche artikel|verwandte artikel|lire aussi|lire la suite|voir aussi|en savoir plus|partager|"
    r"abonnez-vous|se connecter|inscrivez-vous|retour en haut|les plus lus|suivez-nous|"
    r"voir plus|leer más|lee también|ver también|ver más|más leídas|lo más leído|compartir|"
    r"suscríbete|iniciar sesión|regístrate|síguenos|volver arriba|noticias relacionadas|"
    r"leggi anche|continua a leggere|condividi|iscriviti|accedi|seguici|più letti|articoli correlati|"
    r"lees meer|lees ook|lees verder|volg ons|meest gelezen|leia mais|leia também|saiba mais|"
    r"veja também|compartilhar|inscreva-se|siga-nos|mais lidas)\b",
    re.I,
)
NAV_PHRASES_LOWER = lowercase_twin(NAV_PHRASES)
LETTER = re.compile(r"[^\W\d_]")
UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
LEAD_IN = re.compile(
    r"^\W{0,3}(?:read|watch|related|more|see also|listen|also read|lesen sie|mehr dazu|siehe auch|"
    r"lire aussi|à lire|voir aussi|lee también|ver también|leggi anche|lees ook|leia também|veja também)"
    r"\b[^:]{0,20}:",
    re.I,
)
CALL_TO_ACTION = re.compile(
    r"^\W{0,3}(?:sign up|subscribe|follow|click|download|share|join|donate|support|get|learn|"
    r"register|log in|sign in|watch|listen|shop|buy|try|"
    r"folgen sie|klicken sie|abonnieren sie|melden sie sich|jetzt (?:anmelden|abonnieren|spenden|kaufen)|"
    r"inscrivez|abonnez|suivez|cliquez|téléchargez|suscríbete|síguenos|haz clic|descarga|iscriviti|"
    r"seguici|clicca|schrijf je in|klik|assine|clique|baixe)\b",
    re.I,
)
HANDLE = re.compile(r"(?<![\w.])@\w{2,30}")
DOM_NAV_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
DOM_NAV_TOKENS = frozenset(
    {
        "nav",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "footer",
        "header",
        "sidebar",
        "share",
        "sharing",
        "social",
        "related",
        "widget",
        "newsletter",
        "subscribe",
        "promo",
        "tags",
        "tag",
        "pagination",
        "pager",
        "toolbar",
        "topbar",
        "masthead",
        "banner",
        "cookie",
        "ad",
        "ads",
        "advert",
        "sponsored",
        "recommended",
        "trending",
        "popular",
        "more",
    }
)

COLUMNS = (
    "nav_phrases",
    "read_or_watch_lead_in",
    "call_to_action",
    "link_only",
    "short_all_caps",
    "handle_mentions",
    "dom_navigation_region",
    "dom_navigation_tokens",
)


def _link_only(plain: str, link_chars: int) -> float:
    return float(bool(plain) and link_chars >= 0.9 * len(plain.replace(" ", "")))


def _dom_columns(view: DocView, index: int) -> tuple[float, float]:
    dom = view.paragraphs[index].dom
    if dom is None:
        return (MISSING, MISSING)
    return (float(bool(DOM_NAV_TAGS & dom.ancestor_tags)), float(len(DOM_NAV_TOKENS & dom.class_tokens)))


def extract(view: DocView) -> Rows:
    """Navigation features for every paragraph."""
    rows: Rows = []
    for index, paragraph in enumerate(view.paragraphs):
        text = paragraph.plain
        short_caps = False
        if len(paragraph.words) <= 5:
            letters = len(LETTER.findall(text))
            short_caps = letters >= 3 and len(UPPER.findall(text)) == letters
        rows.append(
            (
                float(phrase_hits(NAV_PHRASES_LOWER, paragraph.lower[:2000])),
                float(bool(LEAD_IN.match(text))),
                float(bool(CALL_TO_ACTION.match(text))),
                _link_only(text, paragraph.link_chars) if paragraph.links else 0.0,
                float(short_caps),
                float(len(HANDLE.findall(text[:2000]))),
                *_dom_columns(view, index),
            )
        )
    return rows


FAMILY = FeatureFamily(name="navigation", columns=COLUMNS, extract=extract)
