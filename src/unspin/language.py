"""Which language a document is in, detected offline.

The detector (``lingua-language-detector``, the ``lang`` extra) knows a fixed set of
:data:`LANGUAGES` and runs in its low-accuracy mode (trigram models only: about 70 MB
added to a process, where the high-accuracy models of the same languages take about
550 MB; articles are long enough for it). It is built once per process, on first use.

Precision first: a text too short to tell (fewer than :data:`MIN_LETTERS` letters: the
trigram models misread single sentences, one short English sentence came out Norwegian at
0.97) or one whose best language scores under :data:`MIN_CONFIDENCE` is ``und``
(undetermined), which :func:`reads` treats as readable by every analyzer, so no analyzer
is skipped on a guess. A text the detector scores as another language whose sections are
in English more than in any other language (a post that switches languages) is English,
with the share of its letters in English as confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unspin.cache import Once
from unspin.errors import ConfigError, MissingExtraError
from unspin.model import JSON, Analysis

__all__ = [
    "LANGUAGES",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "UNDETERMINED",
    "Language",
    "detect",
    "given",
    "language_name",
    "reads",
    "skipped_line",
]

#: ISO 639-1 codes and English names of the languages the detector tells apart.
LANGUAGES: dict[str, str] = {
    "ar": "Arabic",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "hi": "Hindi",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nb": "Norwegian",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
}

#: The code of a text whose language cannot be told (too short, or no letters).
UNDETERMINED = "und"
#: Texts with fewer letters than this are :data:`UNDETERMINED`.
MIN_LETTERS = 100
#: A detected language scoring under this is :data:`UNDETERMINED`.
MIN_CONFIDENCE = 0.9
#: Only the start of a long text is read (enough to tell its language).
MAX_CHARS = 3000

_DETECTOR: Once[str, Any] = Once()


@dataclass(frozen=True)
class Language:
    """A document's language: ISO 639-1 ``code`` (or ``und``), English ``name``, the
    detector's ``confidence`` (1.0 when given), and ``source``: ``detected`` or ``given``."""

    code: str
    name: str
    confidence: float
    source: str = "detected"

    def to_dict(self) -> dict[str, JSON]:
        return {
            "code": self.code,
            "name": self.name,
            "confidence": round(self.confidence, 3),
            "source": self.source,
        }


def language_name(code: str) -> str:
    """The English name of a language code (the code itself when unknown)."""
    if code == UNDETERMINED:
        return "undetermined"
    return LANGUAGES.get(code, code)


def reads(languages: tuple[str, ...] | None, code: str) -> bool:
    """Whether an analyzer declaring ``languages`` (None: any) reads text in ``code``;
    an undetermined text is read by every analyzer."""
    return languages is None or code == UNDETERMINED or code in languages


def skipped_line(analysis: Analysis) -> str | None:
    """``"SOURCE is in German (de): skipped sources, claims"`` for an analysis whose
    document the pipeline found (or was told) not to be in English; None otherwise."""
    note = analysis.summaries.get("language")
    if not note:
        return None
    where = analysis.document.source or analysis.document.id
    skipped = ", ".join(str(s) for s in note.get("skipped") or ()) or "nothing"
    return f"{where} is in {note.get('name')} ({note.get('code')}): skipped {skipped}"


def given(code: str) -> Language:
    """The language of a code a user or the document's metadata gives (``de``,
    ``de-AT``, ``EN``): its primary subtag, lower-cased."""
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    if not primary.isalpha() or not 2 <= len(primary) <= 3:
        raise ConfigError(
            f"{code!r} is not a language code",
            hint=f"use an ISO 639-1 code such as {', '.join(sorted(LANGUAGES)[:6])}",
        )
    return Language(primary, language_name(primary), 1.0, "given")


def _build() -> Any:
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
        from lingua import Language as LinguaLanguage
    except ImportError as exc:
        raise MissingExtraError("lingua-language-detector", "lang") from exc
    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    languages = [LinguaLanguage.from_iso_code_639_1(c) for c in codes]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detector() -> Any:
    """The process's language detector, built on first use."""
    return _DETECTOR.get("lingua", _build)


def detect(text: str) -> Language:
    """The language of ``text`` among :data:`LANGUAGES`; ``und`` when too short.

    Raises :class:`MissingExtraError` when the ``lang`` extra is not installed."""
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return Language(UNDETERMINED, language_name(UNDETERMINED), 0.0)
    values = detector().compute_language_confidence_values(sample)
    if not values:
        return Language(UNDETERMINED, language_name(UNDETERMINED), 0.0)
    best = values[0]
    if float(best.value) < MIN_CONFIDENCE:
        return Language(UNDETERMINED, language_name(UNDETERMINED), float(best.value))
    code = best.language.iso_code_639_1.name.lower()
    if code != "en" and (share := _english_share(sample)) > 0.0:
        return Language("en", language_name("en"), share)
    return Language(code, language_name(code), float(best.value))


def _english_share(sample: str) -> float:
    """The share of ``sample``'s letters in English sections when English is the language
    of more of them than any other (a post switching languages, which the detector scores
    whole as one of its other languages), else 0.0."""
    letters: dict[str, int] = {}
    for section in detector().detect_multiple_languages_of(sample):
        code = section.language.iso_code_639_1.name.lower()
        part = sample[section.start_index : section.end_index]
        letters[code] = letters.get(code, 0) + sum(ch.isalpha() for ch in part)
    total = sum(letters.values())
    english = letters.pop("en", 0)
    if not total or english <= max(letters.values(), default=0):
        return 0.0
    return round(english / total, 4)
