"""Every error unspin raises on purpose.

The tree::

    UnspinError                     base of everything below; ``str(e)`` is one line
    ├── ConfigError                 bad TOML, unknown option, bad value
    ├── PipelineError               the analyzer graph cannot run, or a context has no pipeline
    │   ├── UnknownAnalyzerError    a name no analyzer is registered under
    │   └── DependencyError         an analyzer needs what no earlier one produces
    ├── InputError                  one input cannot become a document
    │   ├── EmptyInputError         nothing but whitespace
    │   ├── BinaryInputError        not text (NUL bytes, control characters)
    │   ├── InputTooLargeError      over ``ingest.max_bytes``
    │   ├── DecodingError           no encoding decodes it cleanly
    │   ├── MalformedRecordError    a JSON Lines record that is not valid
    │   ├── UnsupportedInputError   a path that is neither file, directory nor "-"
    │   └── ClaimReviewError        a fact-check file or record that is not a ClaimReview
    ├── ModelError                  a model could not be loaded
    ├── MissingExtraError           an optional dependency is not installed
    ├── SchemaError                 JSON that does not follow the analysis schema
    ├── NotFoundError               an id or name the store holds nothing under (exit code 1)
    │   └── UnknownDocumentError    a document id (also a StoreError)
    └── StoreError                  a corpus store cannot be opened, migrated, read or written
        └── StoreMismatchError      the store's embeddings come from another encoder

Each message says what went wrong and, where there is one, what to try next.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ClaimReviewError",
    "ConfigError",
    "DecodingError",
    "DependencyError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "MalformedRecordError",
    "MissingExtraError",
    "ModelError",
    "NotFoundError",
    "PipelineError",
    "SchemaError",
    "StoreError",
    "StoreMismatchError",
    "UnknownAnalyzerError",
    "UnknownDocumentError",
    "UnspinError",
    "UnsupportedInputError",
]


class UnspinError(Exception):
    """Base class: catch this to catch every error unspin raises deliberately."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message)

    def __str__(self) -> str:
        text = " ".join(self.message.split())
        if self.hint:
            text = f"{text} ({' '.join(self.hint.split())})"
        return text


class ConfigError(UnspinError):
    """The configuration (TOML file or keyword arguments) is invalid."""


class PipelineError(UnspinError):
    """The configured analyzers cannot form a pipeline (or an analyzer reached for the
    pipeline's services from a context built without one)."""


class UnknownAnalyzerError(PipelineError):
    """No analyzer is registered under the requested name."""


class DependencyError(PipelineError):
    """An analyzer requires something that no earlier analyzer produces."""


class InputError(UnspinError):
    """One input (file, line, stream) cannot be turned into a document."""

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None) -> None:
        self.source = source
        if source:
            message = f"{source}: {message}"
        super().__init__(message, hint=hint)


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class DecodingError(InputError):
    """The bytes could not be decoded as text in any plausible encoding."""


class MalformedRecordError(InputError):
    """A JSON Lines record is not a JSON object with a text field."""


class UnsupportedInputError(InputError):
    """The path does not exist or is not a file, directory or ``-``."""


class ClaimReviewError(InputError):
    """One fact-check input (a file, a record, a row) cannot be read as a ClaimReview."""


class ModelError(UnspinError):
    """A model could not be found or loaded."""


class MissingExtraError(UnspinError):
    """An optional dependency is needed but not installed."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"this feature needs the optional package {package!r}",
            hint=f"pip install 'unspin[{extra}]'",
        )


class SchemaError(UnspinError):
    """A JSON analysis does not follow the unspin analysis schema."""


class StoreError(UnspinError):
    """A corpus store (SQLite file or PostgreSQL database) cannot be opened or used."""


class StoreMismatchError(StoreError):
    """Sentence embeddings from one encoder cannot be searched or mixed with another's."""


class NotFoundError(UnspinError):
    """An id or name (a document, story, narrative, outlet) the store holds nothing under:
    on the command line, exit code 1 as for an input that cannot be read."""


class UnknownDocumentError(NotFoundError, StoreError):
    """No stored document has this id (a :class:`StoreError` too, as it was raised before)."""
