"""The Spark helper on a local session (``local[2]``) over a few hundred documents.

Skipped, with the reason, when pyspark (``pip install '.[spark]'``) or Java is
missing; ``.ci/run`` installs both so CI runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from classifier import ArticleCleaner
from classifier.spark import OUTPUT_COLUMNS, clean_frame


def _java_problem() -> str | None:
    java = shutil.which("java") or (
        os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else None
    )
    if java is None:
        return "Java is not installed (Spark needs a JRE; .ci/run installs openjdk-17-jre-headless)"
    try:
        subprocess.run([java, "-version"], capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        return f"java -version failed ({error})"
    return None


pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed: pip install '.[spark]'")
pd = pytest.importorskip("pandas", reason="pandas is not installed: pip install '.[spark]'")
JAVA_PROBLEM = _java_problem()
pytestmark = pytest.mark.skipif(JAVA_PROBLEM is not None, reason=JAVA_PROBLEM or "")


def documents(seed_texts: dict[str, str], count: int) -> list[str]:
    """``count`` varied articles: each seed cut at a different paragraph."""
    seeds = [text.split("\n\n") for text in seed_texts.values()]
    out = []
    for number in range(count):
        paragraphs = seeds[number % len(seeds)]
        cut = 3 + (number * 7) % max(1, len(paragraphs) - 3)
        out.append("\n\n".join(paragraphs[:cut]))
    return out


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("clean-article-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_clean_frame_matches_the_cleaner(cleaner: ArticleCleaner, seed_texts):
    texts = documents(seed_texts, 5)
    frame = clean_frame(cleaner, pd.DataFrame({"id": range(5), "text": texts}), "text")
    for row, text in zip(frame.itertuples(), texts, strict=True):
        expected = cleaner.clean(text)
        assert row.clean_text == expected.text
        assert row.labels == [p.label for p in expected.paragraphs]
        assert row.clean_error is None


def test_spark_dataframe_is_cleaned_in_local_mode(spark, cleaner: ArticleCleaner, seed_texts):
    from classifier.spark import clean_dataframe

    texts = documents(seed_texts, 300)
    rows = [(number, text if number % 50 else None) for number, text in enumerate(texts)]
    frame = spark.createDataFrame(rows, "id long, text string").repartition(4)
    cleaned = clean_dataframe(frame, text_column="text", cleaner=cleaner).orderBy("id").collect()
    assert len(cleaned) == 300
    assert cleaned[0].asDict().keys() >= {"id", "text", *(name for name, _ in OUTPUT_COLUMNS)}
    for row in cleaned:
        if row["id"] % 50 == 0:
            assert row["clean_error"] == "missing text" and row["labels"] == []
            continue
        expected = cleaner.clean(row["text"]) if row["id"] % 37 == 1 else None
        assert row["clean_error"] is None and len(row["labels"]) == len(row["kept"]) > 0
        if expected is not None:  # spot-check against the local cleaner
            assert row["clean_text"] == expected.text
            assert row["labels"] == [p.label for p in expected.paragraphs]
            assert row["title"] == expected.title


def test_clashing_columns_are_refused(spark):
    from classifier.spark import clean_dataframe

    frame = spark.createDataFrame([("x", "y")], "text string, labels string")
    with pytest.raises(ValueError, match=r"already has columns \['labels'\]"):
        clean_dataframe(frame)
