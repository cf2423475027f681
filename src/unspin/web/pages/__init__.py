"""The HTML pages of the workbench (Jinja2 templates in ``web/templates``, autoescaped).

One module per page group: ``analyse`` (paste or upload, the report), ``corpus`` (the
document list, search, a document's page), ``links`` (contradictions and quote drift),
``knowledge`` (fact-checks and evidence), ``jobs`` (ingestion with live progress). Data
comes from :mod:`unspin.app` only.
"""

from __future__ import annotations

from fastapi import APIRouter

from unspin.web.pages import (
    analyse,
    assets,
    corpus,
    jobs,
    knowledge,
    links,
    narratives,
    outlets,
    timelines,
)

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
for _module in (analyse, corpus, links, narratives, outlets, timelines, knowledge, jobs, assets):
    router.include_router(_module.router)
