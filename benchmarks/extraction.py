"""Extraction benchmark: clean-article against peer extractors on the shared corpora.

Run from the repository root::

    python benchmarks/extraction.py --out results.json          # full held-out run
    python benchmarks/extraction.py --limit 20 --modes text     # quick look
    python benchmarks/extraction.py --summarize results.json    # summary of a saved run

For every corpus in ``--corpora`` (the shared ``corpora/`` directory) and every mode:

* ``text`` mode: the record's ``paragraphs`` joined with blank lines; clean-article gets
  that text (``format="text"``), the peers get the same paragraphs as html-escaped ``<p>``
  elements of a minimal HTML page; the trivial baseline keeps paragraphs with at least 12
  words outside markdown links.
* ``html`` mode: the record's ``html`` for every tool (clean-article with ``format="html"``).

Only held-out pages are scored: records whose site is a test site
(``classifier.corpora.is_test_site``), in every corpus. Pages are sorted by id.

Scores, per corpus x mode x tool:

* token precision / recall / F1 of the output against ``gold_text`` (per page, averaged);
* paragraph F1 of the ``content`` class, pooled over every labeled paragraph. clean-article
  in text mode is scored by its own keep flags, mapped back to the input paragraphs through
  the token stream; every other case uses the coverage rule: an input paragraph counts as
  kept when at least half of its tokens (multiset) occur in the tool's output. The
  ``covF1`` column applies the coverage rule to every tool, so all rows compare alike;
* snippets (where the record has them): share of ``with`` snippets found in the output and
  of ``without`` snippets absent from it (case-insensitive substring after collapsing
  whitespace), pooled over snippets;
* documents per second: one process, parsing included, wall clock over the corpus run;
* memory: peak resident-set growth during the tool's corpus run (the peak is reset through
  ``/proc/self/clear_refs`` before each run; "peak RSS delta", not tracemalloc);
* per-page exceptions (counted as empty output) and empty outputs.

Every tool runs in the same process on the same pages, one after the other.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import html
import json
import os
import platform
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from classifier import ArticleCleaner
from classifier.corpora import corpora_dir, is_test_site, read_corpus, site_of
from classifier.dataset import load_labeled
from classifier.metrics import PRF, mean_prf, prf, token_prf
from classifier.text import MARKDOWN_LINK, plain_text, snippet_key, token_counts, words

REPO = Path(__file__).resolve().parent.parent
CORPORA = ("wcxb-dev", "scrapinghub", "readability", "trafilatura-snippets")
OURS, BASELINE = "clean-article", "baseline-12w"
PEERS = ("trafilatura", "readability", "justext", "boilerpy3", "resiliparse")
TOOLS = (OURS, BASELINE, *PEERS)
MODES = ("text", "html")
REFERENCE = ("trafilatura", "html")
BASELINE_MIN_WORDS = 12
KEEP_SHARE = 0.5
PACKAGES = {
    OURS: "clean-article",
    "trafilatura": "trafilatura",
    "readability": "readability-lxml",
    "justext": "justext",
    "boilerpy3": "boilerpy3",
    "resiliparse": "resiliparse",
    "lxml": "lxml",
    "lightgbm": "lightgbm",
}
JUSTEXT_LANGUAGES = ("English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Polish")
BLOCK_TAGS = frozenset("p div li h1 h2 h3 h4 h5 h6 td th tr blockquote pre br section article ul ol dl dd dt".split())


# --------------------------------------------------------------------------- pages


@dataclass
class Page:
    """One held-out record, with every tool's inputs prepared before timing."""

    id: str
    corpus: str
    page_type: str
    paragraphs: list[str]
    labels: list[str]
    gold: str | None
    snippets: dict[str, list[str]] | None
    html: str
    text_input: str
    wrapped_html: str
    stoplist: str = "English"


def wrap_paragraphs(paragraphs: list[str]) -> str:
    """The text-mode input for HTML peers: each paragraph as an escaped ``<p>``."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>'


def make_page(record: dict[str, Any], corpus: str) -> Page:
    """A :class:`Page` from a corpus record."""
    paragraphs = [str(p["text"]) for p in record.get("paragraphs") or []]
    return Page(
        id=str(record["id"]),
        corpus=corpus,
        page_type=str(record.get("page_type") or ""),
        paragraphs=paragraphs,
        labels=[str(p.get("label")) for p in record.get("paragraphs") or []],
        gold=record.get("gold_text"),
        snippets=record.get("snippets"),
        html=record.get("html") or "",
        text_input="\n\n".join(paragraphs),
        wrapped_html=wrap_paragraphs(paragraphs),
    )


def held_out(record: dict[str, Any]) -> bool:
    """True when the record is scored: its site is a test site."""
    return is_test_site(site_of(record))


def load_pages(directory: Path, corpus: str, limit: int | None) -> list[Page]:
    """Held-out pages of one corpus, sorted by id, at most ``limit``."""
    path = directory / f"{corpus}.jsonl.gz"
    records = sorted((r for r in read_corpus(path) if held_out(r)), key=lambda r: str(r["id"]))
    return [make_page(r, corpus) for r in records[:limit]]


# --------------------------------------------------------------------------- peers


def fragment_text(markup: str) -> str:
    """Visible text of an HTML fragment, block elements on their own lines."""
    import lxml.html

    if not markup.strip():
        return ""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


def run_trafilatura() -> Callable[[Page, str], str]:
    """trafilatura.extract with its defaults, comments excluded."""
    import trafilatura

    return lambda page, markup: trafilatura.extract(markup, include_comments=False) or ""


def run_readability() -> Callable[[Page, str], str]:
    """readability-lxml's summary, converted to text."""
    from readability import Document

    return lambda page, markup: fragment_text(Document(markup).summary(html_partial=True))


def run_justext() -> Callable[[Page, str], str]:
    """jusText's non-boilerplate paragraphs, stoplist of the page's guessed language."""
    import justext

    stoplists = {name: justext.get_stoplist(name) for name in JUSTEXT_LANGUAGES}

    def extract(page: Page, markup: str) -> str:
        paragraphs = justext.justext(markup, stoplists[page.stoplist])
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def run_boilerpy3() -> Callable[[Page, str], str]:
    """boilerpy3's ArticleExtractor."""
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor()
    return lambda page, markup: extractor.get_content(markup) or ""


def run_resiliparse() -> Callable[[Page, str], str]:
    """resiliparse's extract_plain_text with main_content=True."""
    from resiliparse.extract.html2text import extract_plain_text

    return lambda page, markup: extract_plain_text(markup, main_content=True)


PEER_FACTORIES: dict[str, Callable[[], Callable[[Page, str], str]]] = {
    "trafilatura": run_trafilatura,
    "readability": run_readability,
    "justext": run_justext,
    "boilerpy3": run_boilerpy3,
    "resiliparse": run_resiliparse,
}


def guess_stoplists(pages: list[Page]) -> None:
    """Give each page the jusText stoplist whose words cover most of its text (untimed)."""
    import justext

    stoplists = {name: justext.get_stoplist(name) for name in JUSTEXT_LANGUAGES}
    for page in pages:
        tokens = words(page.text_input)[:3000]
        page.stoplist = max(JUSTEXT_LANGUAGES, key=lambda name: sum(t in stoplists[name] for t in tokens))


# --------------------------------------------------------------------------- running


@dataclass
class Output:
    """What one tool produced for one page."""

    text: str = ""
    error: bool = False
    # clean-article only: its paragraphs as (text, kept, label).
    paragraphs: tuple[tuple[str, bool, str], ...] = ()


@dataclass
class Run:
    """One tool over one corpus in one mode."""

    tool: str
    mode: str
    outputs: list[Output]
    seconds: float
    peak_rss_mb: float | None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        """Pages per wall-clock second."""
        return len(self.outputs) / self.seconds if self.seconds > 0 else float("inf")


def _status_kb(field_name: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def release_free_memory() -> None:
    """Give freed heap pages back to the OS (glibc), so RSS growth shows a run's own memory."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def reset_peak_rss() -> int | None:
    """Reset the kernel's peak-RSS mark to the current RSS; return the RSS in kB."""
    release_free_memory()
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return None
    return _status_kb("VmRSS")


def peak_rss_growth(start_kb: int | None) -> float | None:
    """Peak RSS since :func:`reset_peak_rss`, minus the RSS then, in MB."""
    peak = _status_kb("VmHWM")
    if start_kb is None or peak is None:
        return None
    return max(0, peak - start_kb) / 1024


def measured(tool: str, mode: str, work: Callable[[], list[Output]]) -> Run:
    """Run ``work`` once, timing it and recording its peak memory growth."""
    gc.collect()
    start_kb = reset_peak_rss()
    started = time.perf_counter()
    outputs = work()
    seconds = time.perf_counter() - started
    return Run(tool, mode, outputs, seconds, peak_rss_growth(start_kb))


def peer_outputs(extract: Callable[[Page, str], str], pages: list[Page], mode: str) -> list[Output]:
    """A peer over every page; a page that raises counts as empty output."""
    outputs = []
    for page in pages:
        markup = page.html if mode == "html" else page.wrapped_html
        try:
            outputs.append(Output(text=extract(page, markup)))
        except Exception:  # any failure of a peer is one failed page
            outputs.append(Output(error=True))
    return outputs


def _our_output(result: Any) -> Output:
    paragraphs = tuple((p.text, p.kept, p.label) for p in result.paragraphs)
    return Output(text=result.text, error=result.error is not None, paragraphs=paragraphs)


def our_outputs(cleaner: ArticleCleaner, pages: list[Page], mode: str, batch: int = 64) -> list[Output]:
    """clean-article over every page in batches; a failing batch is redone page by page."""
    inputs = [page.html if mode == "html" else page.text_input for page in pages]
    outputs: list[Output] = []
    for start in range(0, len(inputs), batch):
        chunk = inputs[start : start + batch]
        try:
            outputs.extend(_our_output(r) for r in cleaner.clean_many(chunk, format=mode))
        except Exception:  # isolate the failing page below
            outputs.extend(_our_single(cleaner, text, mode) for text in chunk)
    return outputs


def _our_single(cleaner: ArticleCleaner, text: str, mode: str) -> Output:
    try:
        return _our_output(cleaner.clean(text, format=mode))
    except Exception:  # one failed page
        return Output(error=True)


def baseline_keeps(paragraph: str) -> bool:
    """The trivial baseline: at least 12 words outside markdown links."""
    return len(words(MARKDOWN_LINK.sub(" ", paragraph))) >= BASELINE_MIN_WORDS


def baseline_outputs(pages: list[Page]) -> list[Output]:
    """The baseline over every page (text mode)."""
    outputs = []
    for page in pages:
        kept = [(p, baseline_keeps(p), "") for p in page.paragraphs]
        text = "\n\n".join(plain_text(p) for p, keep, _ in kept if keep)
        outputs.append(Output(text=text, paragraphs=tuple(kept)))
    return outputs


def run_tool(tool: str, mode: str, pages: list[Page], cleaner: ArticleCleaner, peers: dict) -> Run | None:
    """Run one tool over one corpus in one mode (None when it does not apply)."""
    if tool == OURS:
        return measured(tool, mode, lambda: our_outputs(cleaner, pages, mode))
    if tool == BASELINE:
        return measured(tool, mode, lambda: baseline_outputs(pages)) if mode == "text" else None
    return measured(tool, mode, lambda: peer_outputs(peers[tool], pages, mode))


# --------------------------------------------------------------------------- scoring


def coverage_kept(paragraph: str, output_tokens: Counter[str]) -> bool | None:
    """Coverage rule: at least half of the paragraph's tokens occur in the output (None: no tokens)."""
    tokens = token_counts(paragraph)
    total = sum(tokens.values())
    if not total:
        return None
    return sum((tokens & output_tokens).values()) >= KEEP_SHARE * total


def aligned_flags(page: Page, output: Output) -> list[bool | None] | None:
    """Our keep flags mapped to the input paragraphs through the token stream.

    Each input paragraph takes the majority flag of its tokens; None when the token
    streams differ (then the coverage rule is used).
    """
    ours = [(t, keep) for text, keep, _ in output.paragraphs for t in words(text)]
    theirs = [words(p) for p in page.paragraphs]
    if [t for t, _ in ours] != [t for tokens in theirs for t in tokens]:
        return None
    flags: list[bool | None] = []
    position = 0
    for tokens in theirs:
        kept = sum(keep for _, keep in ours[position : position + len(tokens)])
        flags.append(kept * 2 >= len(tokens) if tokens else None)
        position += len(tokens)
    return flags


def paragraph_flags(page: Page, output: Output, tool: str, mode: str) -> tuple[list[bool | None], bool]:
    """Keep flag per input paragraph, and whether it came from the tool's own decisions."""
    if mode == "text" and output.paragraphs and tool in (OURS, BASELINE):
        flags = aligned_flags(page, output)
        if flags is not None:
            return flags, True
    return coverage_flags(page, output), False


def coverage_flags(page: Page, output: Output) -> list[bool | None]:
    """Keep flag per input paragraph by the coverage rule alone (any tool, any mode)."""
    output_tokens = token_counts(output.text)
    return [coverage_kept(p, output_tokens) for p in page.paragraphs]


def paragraph_counts(page: Page, flags: list[bool | None]) -> Counter[str]:
    """True/false positives and negatives of the content class on one page."""
    counts: Counter[str] = Counter()
    for label, kept in zip(page.labels, flags, strict=True):
        if label not in ("content", "boilerplate") or kept is None:
            continue
        counts[("t" if kept == (label == "content") else "f") + ("p" if kept else "n")] += 1
    return counts


def snippet_counts(page: Page, output: Output) -> Counter[str]:
    """With-snippets found and without-snippets absent on one page."""
    counts: Counter[str] = Counter()
    if not page.snippets:
        return counts
    text = snippet_key(output.text)
    for snippet in page.snippets.get("with") or []:
        counts["with"] += 1
        counts["with_found"] += snippet_key(snippet) in text
    for snippet in page.snippets.get("without") or []:
        counts["without"] += 1
        counts["without_absent"] += snippet_key(snippet) not in text
    return counts


def content_f1(counts: Counter[str]) -> float:
    """F1 of the content class from true/false positive/negative counts."""
    return prf(counts["tp"], counts["tp"] + counts["fp"], counts["tp"] + counts["fn"]).f1


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score(pages: list[Page], run: Run, chosen: Iterable[int]) -> dict[str, Any]:
    """Scores of one run on the chosen page indices."""
    token_scores: list[PRF] = []
    para: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    snip: Counter[str] = Counter()
    own = errors = empty = count = 0
    for index in chosen:
        page, output = pages[index], run.outputs[index]
        count += 1
        errors += output.error
        empty += not output.text.strip()
        if page.gold is not None:
            token_scores.append(token_prf(output.text, page.gold))
        flags, from_tool = paragraph_flags(page, output, run.tool, run.mode)
        own += from_tool
        para += paragraph_counts(page, flags)
        covered += paragraph_counts(page, coverage_flags(page, output) if from_tool else flags)
        snip += snippet_counts(page, output)
    token = mean_prf(token_scores) if token_scores else None
    labeled = sum(para.values())
    para_f1 = content_f1(para) if labeled else None
    return {
        "pages": count,
        "token": None if token is None else {"precision": token.precision, "recall": token.recall, "f1": token.f1},
        "paragraph_f1": para_f1,
        "paragraph_f1_coverage_rule": content_f1(covered) if labeled else None,
        "paragraphs_scored": labeled,
        "paragraph_flags_from_tool": own,
        "snippets_with_found": _share(snip["with_found"], snip["with"]),
        "snippets_without_absent": _share(snip["without_absent"], snip["without"]),
        "snippets": {"with": snip["with"], "without": snip["without"]},
        "errors": errors,
        "empty": empty,
    }


def groups_of(corpus: str, pages: list[Page]) -> dict[str, list[int]]:
    """Named subsets of a corpus to score (wcxb: articles, all types, each type)."""
    everything = list(range(len(pages)))
    if corpus != "wcxb-dev":
        return {corpus: everything}
    groups = {"wcxb-dev (article)": [i for i, p in enumerate(pages) if p.page_type == "article"]}
    groups["wcxb-dev (all types)"] = everything
    for kind in sorted({p.page_type for p in pages} - {"article"}):
        groups[f"wcxb-dev ({kind})"] = [i for i, p in enumerate(pages) if p.page_type == kind]
    return groups


# --------------------------------------------------------------------------- fine labels


def fine_labels(corpora: Path) -> dict[str, tuple[str, ...]]:
    """The project's fine paragraph labels by record id (reviewed records win)."""
    files = sorted((REPO / "training_data" / "corpora").glob("*.labels.jsonl"))
    files += sorted((REPO / "training_data" / "corpora" / "reviewed").glob("*.labels.jsonl"))
    try:
        documents = load_labeled(files, corpora)
    except Exception as error:  # the benchmark runs without fine labels
        print(f"fine labels unavailable: {error}", file=sys.stderr)
        return {}
    return {doc.id: doc.labels for doc in documents}


def label_keep_rates(pages: list[Page], run: Run, labels: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """Share of paragraphs of each fine label that clean-article kept."""
    seen: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for page, output in zip(pages, run.outputs, strict=True):
        fine = labels.get(page.id)
        if fine is None or len(fine) != len(page.paragraphs):
            continue
        flags, _ = paragraph_flags(page, output, run.tool, run.mode)
        for label, flag in zip(fine, flags, strict=True):
            if flag is not None:
                seen[label] += 1
                kept[label] += flag
    return {label: {"paragraphs": seen[label], "kept": kept[label] / seen[label]} for label in sorted(seen)}


# --------------------------------------------------------------------------- report


def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def speed_table(corpus: str, runs: list[Run]) -> list[str]:
    """Docs/s, ratio to trafilatura HTML mode, memory and failures of every run."""
    reference = next((r for r in runs if (r.tool, r.mode) == REFERENCE), None)
    lines = [f"\n## speed and memory: {corpus} ({len(runs[0].outputs)} pages)", ""]
    lines.append(f"{'mode':<5} {'tool':<14} {'docs/s':>9} {'x trafilatura-html':>19} {'peak RSS +MB':>13}")
    for run in runs:
        ratio = run.docs_per_second / reference.docs_per_second if reference else None
        lines.append(
            f"{run.mode:<5} {run.tool:<14} {run.docs_per_second:>9.1f} {_fmt(ratio, 2):>19} "
            f"{_fmt(run.peak_rss_mb, 1):>13}"
        )
    return lines


def score_table(group: str, scored: list[tuple[Run, dict[str, Any]]]) -> list[str]:
    """Scores of every run on one group of pages."""
    pages = scored[0][1]["pages"] if scored else 0
    lines = [f"\n## {group} ({pages} pages)", ""]
    lines.append(
        f"{'mode':<5} {'tool':<14} {'P':>6} {'R':>6} {'F1':>6} {'paraF1':>7} {'covF1':>6} {'with':>6} {'w/out':>6} "
        f"{'errors':>6} {'empty':>6}"
    )
    for run, s in scored:
        token = s["token"] or {}
        lines.append(
            f"{run.mode:<5} {run.tool:<14} {_fmt(token.get('precision')):>6} {_fmt(token.get('recall')):>6} "
            f"{_fmt(token.get('f1')):>6} {_fmt(s['paragraph_f1']):>7} {_fmt(s['paragraph_f1_coverage_rule']):>6} "
            f"{_fmt(s['snippets_with_found']):>6} "
            f"{_fmt(s['snippets_without_absent']):>6} {s['errors']:>6} {s['empty']:>6}"
        )
    return lines


def keep_rate_table(corpus: str, rates: dict[str, dict[str, Any]]) -> list[str]:
    """clean-article's keep rate per fine label."""
    lines = [f"\n## clean-article keep rate by fine label: {corpus}", ""]
    for mode, by_label in rates.items():
        cells = "  ".join(f"{label} {v['kept']:.2f} ({v['paragraphs']})" for label, v in by_label.items())
        lines.append(f"{mode:<5} {cells or '-'}")
    return lines


def git_commit() -> str:
    """The repository's HEAD commit (the code being measured), or "unknown"."""
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def tool_versions() -> dict[str, str]:
    """Installed versions of every tool and of the main libraries."""
    versions = {"python": platform.python_version()}
    for name, package in PACKAGES.items():
        try:
            versions[name] = version(package)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return versions


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", default=None, help="directory of the shared corpora")
    parser.add_argument("--limit", type=int, default=None, help="at most N held-out pages per corpus")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated subset of {','.join(TOOLS)}")
    parser.add_argument("--modes", default=",".join(MODES), help="text,html")
    parser.add_argument("--only", default=",".join(CORPORA), help="comma-separated corpora to run")
    parser.add_argument("--out", default=None, help="write every score to this JSON file")
    parser.add_argument("--model", default=None, help="clean-article model bundle (default: the shipped one)")
    parser.add_argument(
        "--summarize", default=None, metavar="RESULTS", help="only print the summary of a saved --out file"
    )
    return parser.parse_args(argv)


def load_peers(tools: list[str]) -> tuple[dict[str, Callable[[Page, str], str]], list[str]]:
    """The requested peers that import, and the names of those that do not."""
    peers, missing = {}, []
    for tool in tools:
        if tool in PEER_FACTORIES:
            try:
                peers[tool] = PEER_FACTORIES[tool]()
            except ImportError:
                missing.append(tool)
    return peers, missing


def bench_corpus(corpus: str, pages: list[Page], tools: list[str], modes: list[str], context: dict) -> dict:
    """Run and score every tool and mode on one corpus; print its tables."""
    runs: list[Run] = []
    for mode in modes:
        for tool in tools:
            run = run_tool(tool, mode, pages, context["cleaner"], context["peers"])
            if run is not None:
                runs.append(run)
                print(f"  {corpus} {mode} {tool}: {run.seconds:.1f}s", file=sys.stderr, flush=True)
    lines = speed_table(corpus, runs)
    groups = {}
    for group, chosen in groups_of(corpus, pages).items():
        scored = [(run, score(pages, run, chosen)) for run in runs]
        lines += score_table(group, scored)
        groups[group] = {f"{run.mode}/{run.tool}": s for run, s in scored}
    rates = {r.mode: label_keep_rates(pages, r, context["fine"]) for r in runs if r.tool == OURS}
    if any(rates.values()):
        lines += keep_rate_table(corpus, rates)
    print("\n".join(lines), flush=True)
    return {
        "pages": len(pages),
        "runs": {f"{r.mode}/{r.tool}": _run_summary(r, runs) for r in runs},
        "groups": groups,
        "keep_rates": rates,
        "our_empty_pages": {r.mode: empty_pages(pages, r) for r in runs if r.tool == OURS},
    }


def empty_pages(pages: list[Page], run: Run) -> list[str]:
    """Ids of the pages where a run produced no text."""
    return [page.id for page, output in zip(pages, run.outputs, strict=True) if not output.text.strip()]


def _run_summary(run: Run, runs: list[Run]) -> dict[str, Any]:
    reference = next((r for r in runs if (r.tool, r.mode) == REFERENCE), None)
    return {
        "seconds": run.seconds,
        "docs_per_second": run.docs_per_second,
        "ratio_to_trafilatura_html": run.docs_per_second / reference.docs_per_second if reference else None,
        "peak_rss_delta_mb": run.peak_rss_mb,
    }


def headline(group: dict[str, Any]) -> float | None:
    """A group's one score: token F1, or on a corpus without gold the mean of the two snippet shares."""
    if group["token"] is not None:
        return group["token"]["f1"]
    found, avoided = group["snippets_with_found"], group["snippets_without_absent"]
    return None if found is None or avoided is None else (found + avoided) / 2


def summary_lines(results: dict[str, Any]) -> list[str]:
    """Headline score of every tool and mode per corpus group, and speed pooled over corpora."""
    lines = ["\n## summary: headline score (token F1; snippet corpus: mean of with / w/out shares)", ""]
    for corpus in results["corpora"].values():
        for name, group in corpus["groups"].items():
            if "(" in name and not name.endswith(("(article)", "(all types)")):
                continue  # single page types stay in the full tables
            cells = [f"{key} {value:.3f}" for key, s in group.items() if (value := headline(s)) is not None]
            lines.append(f"{name}: " + "  ".join(cells))
    pages: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    for corpus in results["corpora"].values():
        for key, run in corpus["runs"].items():
            pages[key] += corpus["pages"]
            seconds[key] += run["seconds"]
    reference = "/".join(reversed(REFERENCE))
    lines += ["", f"## summary: speed pooled over corpora (total pages / total seconds; x {reference})", ""]
    for key in sorted(pages, key=lambda k: (k.split("/")[0], TOOLS.index(k.split("/")[1]))):
        rate = pages[key] / seconds[key] if seconds[key] else float("nan")
        base = pages[reference] / seconds[reference] if seconds.get(reference) else float("nan")
        lines.append(f"{key:<28} {pages[key]:>6} pages {rate:>9.1f} docs/s {rate / base:>7.2f}x")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally save) the results."""
    args = parse_args(argv)
    if args.summarize:
        try:
            results = json.loads(Path(args.summarize).read_text(encoding="utf-8"))
            lines = summary_lines(results)
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            print(f"{args.summarize}: not a results file of this script ({error})", file=sys.stderr)
            return 1
        print("\n".join(lines))
        return 0
    tools = [t for t in args.tools.split(",") if t]
    modes = [m for m in args.modes.split(",") if m]
    unknown = (set(tools) - set(TOOLS)) | (set(modes) - set(MODES))
    if unknown:
        print(f"unknown tools or modes: {sorted(unknown)}", file=sys.stderr)
        return 2
    directory = corpora_dir(args.corpora)
    peers, missing = load_peers(tools)
    tools = [t for t in tools if t not in missing]
    cleaner = ArticleCleaner.load(args.model)
    context = {"cleaner": cleaner, "peers": peers, "fine": fine_labels(directory)}
    header = {
        "command": " ".join([Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])]),
        "model": cleaner.model_name,
        "commit": git_commit(),
        "versions": tool_versions(),
        "skipped_tools": missing,
        "split": "held-out sites: sha1(site) % 5 == 0",
        "memory": "peak RSS growth per run (VmHWM after minus VmRSS before; peak reset via /proc/self/clear_refs)",
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
    }
    print(json.dumps(header, indent=1), flush=True)
    results: dict[str, Any] = {"meta": header, "corpora": {}}
    for corpus in [c for c in args.only.split(",") if c]:
        pages = load_pages(directory, corpus, args.limit)
        if "justext" in peers:
            guess_stoplists(pages)
        results["corpora"][corpus] = bench_corpus(corpus, pages, tools, modes, context)
    print("\n".join(summary_lines(results)), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
