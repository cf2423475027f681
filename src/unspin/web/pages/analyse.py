"""Paste text or upload a file and see its report (analysed by the one analysis worker).

``POST /analyse`` answers with a redirect to ``/analyses/<key>`` (post/redirect/get: a
reload does not analyse again); the server keeps the last :data:`KEEP` reports in memory
under unguessable keys. The paste form is urlencoded, so it works without script; a
file goes through ``static/app.js``, which sends the CSRF header with the multipart body.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from unspin import app as unspin_app
from unspin.errors import UnspinError
from unspin.web.pages.common import render
from unspin.web.pages.reports import report_values
from unspin.web.problems import Problem
from unspin.web.queue import get_queue
from unspin.web.state import get_state

__all__ = ["KEEP", "RecentReports", "router"]

router = APIRouter(include_in_schema=False)

#: Reports of pasted or uploaded texts kept in memory.
KEEP = 50


class RecentReports:
    """The last :data:`KEEP` analyses made from the page, by random key."""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        self._items: OrderedDict[str, unspin_app.Analysis] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, analysis: unspin_app.Analysis) -> str:
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._items[key] = analysis
            while len(self._items) > self.keep:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> unspin_app.Analysis | None:
        with self._lock:
            return self._items.get(key)


def _recent(request: Request) -> RecentReports:
    services = get_state(request).services
    found = services.get("recent_reports")
    if not isinstance(found, RecentReports):
        found = services.setdefault("recent_reports", RecentReports())
    return found


@router.get("/", response_class=HTMLResponse)
def analyse_form(request: Request) -> HTMLResponse:
    """The paste-or-upload form."""
    return render(request, "analyse.html", active="analyse", form={})


async def _document(
    text: str, title: str, url: str, upload: UploadFile | None
) -> unspin_app.Document:
    """The document to analyse: an uploaded file (read by the same loaders as the CLI) or
    the pasted text; never a path."""
    if upload is not None and upload.filename:
        data = await upload.read()
        document: unspin_app.Document = unspin_app.document_from_bytes(
            data, upload.filename, only_one=True
        )
        return document
    document = unspin_app.document_from_text(text, title=title.strip(), url=url.strip())
    return document


@router.post("/analyse", response_class=HTMLResponse, response_model=None)
async def analyse(
    request: Request,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form(max_length=500)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse | RedirectResponse:
    """Analyse the pasted text or the uploaded file; redirect to its report."""
    form = {"text": text, "title": title, "url": url}
    error = None
    if not text.strip() and (file is None or not file.filename):
        error = "Paste a text or choose a file to analyse."
    else:
        try:
            document = await _document(text, title, url, file)
        except UnspinError as exc:
            error = str(exc)
    if error is not None:
        return render(
            request, "analyse.html", active="analyse", form=form, error=error, status_code=422
        )
    analysis = await get_queue(request).analyze(document)
    key = _recent(request).put(analysis)
    return RedirectResponse(f"/analyses/{key}", status_code=303)


@router.get("/analyses/{key}", response_class=HTMLResponse)
def analysis_page(request: Request, key: str) -> HTMLResponse:
    """A report made from the page."""
    analysis = _recent(request).get(key)
    if analysis is None:
        raise Problem(404, "No such report", "reports of pasted texts are kept for a while only")
    return render(request, "report.html", active="analyse", **report_values(analysis))
