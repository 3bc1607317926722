"""The paragraph labels: a public contract, extend but never rename."""

LABELS: tuple[str, ...] = (
    "reporting",
    "opinion",
    "metadata",
    "caption",
    "navigation",
    "off_topic",
    "boilerplate",
    "comment",
)

KEPT_LABELS: frozenset[str] = frozenset({"reporting", "opinion"})

LABEL_INDEX: dict[str, int] = {name: i for i, name in enumerate(LABELS)}


def is_label(name: object) -> bool:
    """True when ``name`` is one of the eight label names."""
    return isinstance(name, str) and name in LABEL_INDEX
