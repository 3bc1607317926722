"""clean-article: label every paragraph of a scraped article and keep the story.

Public names are imported on first use, so ``features`` (which uses this
package's plain data types) and ``classifier`` can import each other's
modules in either order.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_PUBLIC = {
    "ArticleCleaner": "cleaner",
    "segment": "cleaner",
    "InputError": "inputs",
    "KEPT_LABELS": "labels",
    "LABELS": "labels",
    "CleanResult": "result",
    "ParagraphResult": "result",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
