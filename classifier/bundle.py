"""Model bundles on disk: LightGBM's text model plus a JSON manifest.

Nothing here unpickles anything: a bundle is read as text and JSON, every
file the manifest lists is checked against its SHA-256, and the manifest's
labels and feature columns must match this code before a model is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np

from .labels import LABELS

FORMAT = "clean-article-model"
FORMAT_VERSION = 1
MANIFEST_FILE = "manifest.json"
MODEL_FILE = "model.txt"
OPINION_FILE = "opinion.txt"
OPINION_LEXICON_FILE = "opinion_lexicon.json"
MAX_MANIFEST_BYTES = 1_000_000
MAX_MODEL_BYTES = 200_000_000
# LightGBM's prediction early stopping: every EARLY_STOP_FREQ rounds, a paragraph whose two
# most probable labels are already EARLY_STOP_MARGIN raw-score units apart (odds of about 20
# to 1) stops adding trees. On the site cross-validation's 1.1 million out-of-fold paragraphs
# this margin halved prediction time and changed 24 labels and 20 keep decisions (token F1
# within 0.0001); 2.0 changed 880 labels, 4.0 none but saved only a third
# (docs/evaluation.md, benchmarks/prediction_early_stop.py).
EARLY_STOP_FREQ = 10
EARLY_STOP_MARGIN = 3.0


class BundleError(ValueError):
    """A model bundle that cannot be used; the message says why."""


def sha256_text(text: str) -> str:
    """SHA-256 hex digest of a text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ModelBundle:
    """A trained model: LightGBM text, manifest, and the booster built from it.

    Pickles as its text and manifest only, so it ships cheaply to worker
    processes and rebuilds the booster there.
    """

    model_text: str
    manifest: dict[str, Any]
    opinion_text: str | None = None
    # The opinion head's learned lexicon as JSON text ({n-gram: weight}).
    opinion_lexicon_text: str | None = None
    model_sha256: str = field(init=False, repr=False)
    booster: lgb.Booster = field(init=False, repr=False)
    opinion_booster: lgb.Booster | None = field(init=False, repr=False)
    opinion_lexicon: dict[str, float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # One hash over every part that decides an output, so retraining only the head renames the model too.
        self.model_sha256 = sha256_text(
            "\n".join(
                sha256_text(part or "") for part in (self.model_text, self.opinion_text, self.opinion_lexicon_text)
            )
        )
        self.booster = lgb.Booster(model_str=self.model_text)
        self.opinion_booster = lgb.Booster(model_str=self.opinion_text) if self.opinion_text else None
        self.opinion_lexicon = parse_lexicon(self.opinion_lexicon_text) if self.opinion_lexicon_text else {}

    def __getstate__(self) -> dict[str, Any]:
        return {
            "model_text": self.model_text,
            "manifest": self.manifest,
            "opinion_text": self.opinion_text,
            "opinion_lexicon_text": self.opinion_lexicon_text,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.model_text = state["model_text"]
        self.manifest = state["manifest"]
        self.opinion_text = state.get("opinion_text")
        self.opinion_lexicon_text = state.get("opinion_lexicon_text")
        self.__post_init__()

    @property
    def feature_columns(self) -> tuple[str, ...]:
        """The columns the model was trained on, in order."""
        return tuple(self.manifest["feature_columns"])

    @property
    def keep_threshold(self) -> float:
        """Minimum P(reporting) + P(opinion) for a paragraph to be kept."""
        return float(self.manifest.get("thresholds", {}).get("keep", 0.5))

    @property
    def opinion_threshold(self) -> float:
        """Minimum P(opinion | kept) for a kept paragraph to be labeled opinion."""
        return float(self.manifest.get("thresholds", {}).get("opinion", 0.5))

    @property
    def sentence_opinion_threshold(self) -> float:
        """Minimum P(opinion) for one sentence, scored alone, to count as opinion."""
        thresholds = self.manifest.get("thresholds", {})
        return float(thresholds.get("opinion_sentence", thresholds.get("opinion", 0.5)))

    def predict_opinion(self, matrix: np.ndarray, texts: list[str]) -> np.ndarray | None:
        """P(opinion | kept) per row from the opinion head, or None without a head.

        ``texts`` are the rows' visible texts, for the head's lexicon scores."""
        if self.opinion_booster is None or matrix.shape[0] == 0:
            return None
        from .opinion_head import head_inputs

        inputs = head_inputs(matrix, texts, self.feature_columns, self.opinion_lexicon)
        return np.asarray(self.opinion_booster.predict(inputs, num_threads=1), dtype=float)

    @property
    def name(self) -> str:
        """A short identifier: the manifest's name and a prefix of the hash over all model files."""
        return f"{self.manifest.get('name', 'model')}@{self.model_sha256[:12]}"

    def predict_proba(self, matrix: np.ndarray, early_stop: bool = True) -> np.ndarray:
        """Class probabilities, one row per paragraph, columns in LABELS order.

        With ``early_stop`` (the default) a paragraph the model is already sure of stops
        adding trees (:data:`EARLY_STOP_MARGIN`); its probabilities are those of the
        trees summed so far. ``early_stop=False`` sums every tree."""
        if matrix.shape[0] == 0:
            return np.zeros((0, len(LABELS)))
        options = early_stop_options() if early_stop else {}
        return np.asarray(self.booster.predict(matrix, num_threads=1, **options), dtype=float).reshape(-1, len(LABELS))


def early_stop_options(margin: float = EARLY_STOP_MARGIN, freq: int = EARLY_STOP_FREQ) -> dict[str, Any]:
    """LightGBM ``predict`` options for prediction early stopping at a margin."""
    return {"pred_early_stop": True, "pred_early_stop_freq": freq, "pred_early_stop_margin": margin}


def parse_lexicon(text: str) -> dict[str, float]:
    """The opinion lexicon from its JSON text; raise :class:`BundleError` unless it maps strings to numbers."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise BundleError(f"{OPINION_LEXICON_FILE}: not JSON ({error.msg})") from None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) for k, v in value.items()
    ):
        raise BundleError(f"{OPINION_LEXICON_FILE}: expected an object of n-gram weights")
    return {k: float(v) for k, v in value.items()}


def _read_limited(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise BundleError(f"{path}: {size:,} bytes is larger than a model file may be ({limit:,})")
    return path.read_bytes()


def load_bundle(directory: str | os.PathLike[str], expected_columns: tuple[str, ...]) -> ModelBundle:
    """Load and verify a bundle directory; raise :class:`BundleError` if unusable."""
    root = Path(directory)
    manifest_path = root / MANIFEST_FILE
    if not manifest_path.is_file():
        raise BundleError(f"{root}: not a model bundle (no {MANIFEST_FILE})")
    try:
        manifest = json.loads(_read_limited(manifest_path, MAX_MANIFEST_BYTES).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BundleError(f"{manifest_path}: unreadable manifest ({error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(f"{manifest_path}: not a {FORMAT} manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BundleError(
            f"{manifest_path}: format version {manifest.get('format_version')!r}, this code reads {FORMAT_VERSION}"
        )
    if tuple(manifest.get("labels", ())) != LABELS:
        raise BundleError(f"{manifest_path}: labels {manifest.get('labels')} differ from {list(LABELS)}")
    columns = tuple(manifest.get("feature_columns", ()))
    if columns != expected_columns:
        missing = sorted(set(expected_columns) - set(columns))[:5]
        extra = sorted(set(columns) - set(expected_columns))[:5]
        raise BundleError(
            f"{root}: model was trained on other feature columns (missing {missing}, unknown {extra}); retrain it"
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or MODEL_FILE not in files:
        raise BundleError(f"{manifest_path}: lists no hash for {MODEL_FILE}")
    texts: dict[str, str] = {}
    for name, digest in files.items():
        if not isinstance(name, str) or "/" in name or "\\" in name or name.startswith("."):
            raise BundleError(f"{manifest_path}: file name {name!r} is not allowed")
        path = root / name
        if not path.is_file():
            raise BundleError(f"{root}: {name} is missing")
        data = _read_limited(path, MAX_MODEL_BYTES)
        if hashlib.sha256(data).hexdigest() != digest:
            raise BundleError(f"{path}: SHA-256 does not match the manifest; the bundle was modified")
        try:
            texts[name] = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BundleError(f"{path}: not a text file; bundles hold only LightGBM text and JSON") from None
    if OPINION_FILE in texts and OPINION_LEXICON_FILE not in texts:
        raise BundleError(f"{root}: the opinion head has no {OPINION_LEXICON_FILE}; retrain the model")
    try:
        return ModelBundle(
            model_text=texts[MODEL_FILE],
            manifest=manifest,
            opinion_text=texts.get(OPINION_FILE),
            opinion_lexicon_text=texts.get(OPINION_LEXICON_FILE),
        )
    except lgb.basic.LightGBMError as error:
        raise BundleError(f"{root / MODEL_FILE}: not a LightGBM text model ({error})") from None


def write_text_atomic(path: Path, text: str) -> None:
    """Write a text file via a temporary file and rename (never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temporary, 0o644)  # mkstemp creates 0600; outputs are ordinary files
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_bundle(
    directory: str | os.PathLike[str],
    model_text: str,
    manifest: dict[str, Any],
    opinion_text: str | None = None,
    opinion_lexicon: dict[str, float] | None = None,
) -> Path:
    """Write a bundle: model text (and opinion head with its lexicon), then the manifest carrying their hashes."""
    root = Path(directory)
    full = dict(manifest)
    full.update(format=FORMAT, format_version=FORMAT_VERSION, labels=list(LABELS))
    full["files"] = {MODEL_FILE: sha256_text(model_text)}
    write_text_atomic(root / MODEL_FILE, model_text)
    if opinion_text is not None:
        lexicon_text = json.dumps(opinion_lexicon or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        for name, text in ((OPINION_FILE, opinion_text), (OPINION_LEXICON_FILE, lexicon_text + "\n")):
            full["files"][name] = sha256_text(text)
            write_text_atomic(root / name, text)
    else:
        (root / OPINION_FILE).unlink(missing_ok=True)
        (root / OPINION_LEXICON_FILE).unlink(missing_ok=True)
    write_text_atomic(root / MANIFEST_FILE, json.dumps(full, indent=2, sort_keys=True) + "\n")
    return root
