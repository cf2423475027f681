"""Ingestion jobs: the upload form and the jobs of this server, with live progress
(``static/jobs.js``: server-sent events, polling when they fail)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unspin.web.api.jobs import get_jobs
from unspin.web.pages.common import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/jobs", response_class=HTMLResponse)
def jobs(request: Request) -> HTMLResponse:
    """Upload files to ingest; every job with its progress, newest first."""
    listed = [job.to_dict() for job in get_jobs(request).all()]
    return render(request, "jobs.html", active="jobs", jobs=listed)
