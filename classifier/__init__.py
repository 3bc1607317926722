"""clean-article: label every paragraph of a scraped article and keep the story."""

from .cleaner import ArticleCleaner, segment
from .inputs import InputError
from .labels import KEPT_LABELS, LABELS
from .result import CleanResult, ParagraphResult

__all__ = ["ArticleCleaner", "CleanResult", "InputError", "KEPT_LABELS", "LABELS", "ParagraphResult", "segment"]
