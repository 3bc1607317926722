"""Feature families, one module each.

A family module exports ``FAMILY`` (a :class:`features.base.FeatureFamily`);
:func:`families` discovers them by scanning this package, so adding a family
is adding one file. Families are ordered by name, which fixes column order.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import FeatureFamily


def families() -> tuple[FeatureFamily, ...]:
    """All feature families in this package, ordered by name."""
    found: list[FeatureFamily] = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        family = getattr(module, "FAMILY", None)
        if isinstance(family, FeatureFamily):
            found.append(family)
    return tuple(sorted(found, key=lambda f: f.name))


def column_names(selected: tuple[FeatureFamily, ...]) -> tuple[str, ...]:
    """Fully qualified column names ``family.column`` in matrix order."""
    return tuple(f"{family.name}.{column}" for family in selected for column in family.columns)
