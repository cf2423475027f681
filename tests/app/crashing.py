"""A test-only analyzer that ends its worker process on one marked document (in the
process that started the run it never does): imported by the workers by module name."""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register

#: A document holding this text ends the worker process analysing it.
MARKER = "CRASH-THE-WORKER"


@register("crash-test")
class CrashingAnalyzer(Analyzer[Any]):
    """Exits the worker process (as an out-of-memory kill would) on a marked document."""

    requires = ("parse",)
    produces = ()
    version = "0"

    def run(self, ctx: Context) -> AnalyzerResult:
        if MARKER in ctx.document.text and multiprocessing.parent_process() is not None:
            os._exit(3)
        return AnalyzerResult(())


@register("unbuildable-in-worker")
class UnbuildableAnalyzer(Analyzer[Any]):
    """Cannot be built in a worker process (as when a model file is missing there)."""

    requires = ("parse",)
    produces = ()
    version = "0"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if multiprocessing.parent_process() is not None:
            raise RuntimeError("no model here")
        super().__init__(*args, **kwargs)

    def run(self, ctx: Context) -> AnalyzerResult:
        return AnalyzerResult(())
