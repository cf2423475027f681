"""unspin: audit news and opinion articles, every finding anchored to the text.

The public API is exactly ``__all__``::

    import unspin
    analysis = unspin.analyze("Officials said on Monday that ...")
    for finding in analysis.findings:
        print(finding.kind, finding.label, finding.text, finding.explanation.rule)
"""

__version__ = "0.1.0"

from unspin.api import analyze, analyze_many
from unspin.config import Config, load_config
from unspin.errors import (
    BinaryInputError,
    ClaimReviewError,
    ConfigError,
    DecodingError,
    DependencyError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    MissingExtraError,
    ModelError,
    NotFoundError,
    PipelineError,
    SchemaError,
    StoreError,
    StoreMismatchError,
    UnknownAnalyzerError,
    UnknownDocumentError,
    UnspinError,
    UnsupportedInputError,
)
from unspin.model import (
    SCHEMA_VERSION,
    Analysis,
    AnalyzerFailure,
    AnalyzerRun,
    Document,
    Explanation,
    Finding,
    Relation,
)
from unspin.pipeline import Pipeline

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "AnalyzerFailure",
    "AnalyzerRun",
    "BinaryInputError",
    "ClaimReviewError",
    "Config",
    "ConfigError",
    "DecodingError",
    "DependencyError",
    "Document",
    "EmptyInputError",
    "Explanation",
    "Finding",
    "InputError",
    "InputTooLargeError",
    "MalformedRecordError",
    "MissingExtraError",
    "ModelError",
    "NotFoundError",
    "Pipeline",
    "PipelineError",
    "Relation",
    "SchemaError",
    "StoreError",
    "StoreMismatchError",
    "UnknownAnalyzerError",
    "UnknownDocumentError",
    "UnspinError",
    "UnsupportedInputError",
    "__version__",
    "analyze",
    "analyze_many",
    "load_config",
]
