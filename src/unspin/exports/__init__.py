"""Standard exports of stored findings, for the tools annotators, fact-checkers and data
teams use (``unspin corpus export --what findings -f FORMAT``):

- :mod:`~unspin.exports.webannotation`: W3C Web Annotation (JSON-LD), a
  ``TextQuoteSelector`` and a ``TextPositionSelector`` per finding; the W3C context is
  shipped (``anno.jsonld``) with an offline pyld document loader;
- :mod:`~unspin.exports.brat`: brat standoff, ``<id>.txt`` + ``<id>.ann`` per document;
- :mod:`~unspin.exports.labelstudio`: Label Studio tasks with pre-annotations;
- :mod:`~unspin.exports.parquet`: documents, sentences, findings and links tables (the
  ``exports`` extra: pyarrow).

Infrastructure: it reads the store core and the kernel only. Every offset is in Unicode
code points, so ``document.text[start:end]`` is the finding's text in every format.
(ClaimReview of a reviewer's own claim ratings is the reviews feature's:
:mod:`unspin.reviews.claimreview`.)
"""

from __future__ import annotations

from typing import Literal

from unspin.exports.select import Annotated, Selection, annotated, why

__all__ = [
    "DIRECTORY_FORMATS",
    "FINDING_FORMATS",
    "Annotated",
    "FindingFormat",
    "Selection",
    "annotated",
    "why",
]

FindingFormat = Literal["webannotation", "brat", "labelstudio", "parquet"]
#: The formats of ``--what findings`` this package writes.
FINDING_FORMATS: tuple[str, ...] = ("webannotation", "brat", "labelstudio", "parquet")
#: Those written as a folder of files (``-o DIR`` required).
DIRECTORY_FORMATS: tuple[str, ...] = ("brat", "parquet")
