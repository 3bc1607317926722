"""Shared fixtures: the shipped model, the seed articles, Hypothesis limits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from classifier import ArticleCleaner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "training_data" / "seeds.jsonl"

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def cleaner() -> ArticleCleaner:
    return ArticleCleaner.load()


@pytest.fixture(scope="session")
def seed_records() -> dict[str, dict]:
    records = [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"].split("/", 1)[1]: r for r in records}


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The raw seed scrapes exactly as the user gave them."""
    folder = ROOT / "tests" / "fixtures" / "seeds"
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
