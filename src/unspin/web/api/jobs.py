"""``/api/v1/jobs``: ingestion jobs from uploaded files, their status, and their progress
as server-sent events; ``/api/v1/queue``: what the analysis worker has done."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import shutil
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import StreamingResponse

from unspin.web.jobs import MAX_FILES, JobRegistry, safe_name
from unspin.web.problems import Problem
from unspin.web.queue import get_queue

__all__ = ["router"]

router = APIRouter(tags=["jobs"])

#: How often an event stream looks at its job, in seconds.
POLL_SECONDS = 0.25
#: A comment line is sent when nothing changed for this long, so proxies keep the stream.
KEEPALIVE_SECONDS = 15.0


def get_jobs(request: Request) -> JobRegistry:
    """The job registry of the application serving ``request``."""
    jobs: JobRegistry = request.app.state.unspin.services["jobs"]
    return jobs


def _job(request: Request, job_id: str) -> dict[str, Any]:
    snapshot = get_jobs(request).snapshot(job_id)
    if snapshot is None:
        raise Problem(404, "Job not found", f"no job {job_id!r} (jobs are kept in memory)")
    return snapshot[1]


@router.post("/jobs", status_code=202, summary="Ingest uploaded files into the store")
async def create_job(
    request: Request,
    files: Annotated[list[UploadFile], File(description="text, Markdown, HTML or JSON Lines")],
) -> dict[str, Any]:
    """Upload files (multipart, field ``files``, the whole request within the server's
    body limit) to analyse and store them in the served store, on the analysis worker.
    Answers 202 with the job; follow it with ``GET /api/v1/jobs/{id}`` or its
    ``/events``. 503 with ``Retry-After`` when too many jobs wait."""
    if not files:
        raise Problem(422, detail="no files uploaded (multipart field 'files')")
    if len(files) > MAX_FILES:
        raise Problem(413, detail=f"{len(files)} files; at most {MAX_FILES} per job")
    registry = get_jobs(request)
    folder = registry.folder()
    paths, names = [], []
    try:
        for index, upload in enumerate(files):
            name = upload.filename or f"upload-{index}"
            path = folder / safe_name(name, index)
            with path.open("xb") as out:
                while chunk := await upload.read(1 << 16):
                    out.write(chunk)
            await upload.close()
            paths.append(path)
            names.append(name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return registry.start_ingest(folder, paths, names).to_dict()


@router.get("/queue", summary="The analysis worker: done, failed, refused, waiting")
def queue_stats(request: Request) -> dict[str, Any]:
    """Analyses run and failed, requests refused with 503 (counted apart from errors),
    jobs run, what waits now, and the mean seconds per analysis."""
    return dataclasses.asdict(get_queue(request).stats())


@router.get("/jobs", summary="List jobs, newest first")
def list_jobs(request: Request) -> dict[str, Any]:
    return {"jobs": [job.to_dict() for job in get_jobs(request).all()]}


@router.get("/jobs/{job_id}", summary="One job: status, progress, counts, errors")
def get_job(request: Request, job_id: str) -> dict[str, Any]:
    """``status`` is queued, running, done or failed; ``done`` of ``total`` inputs
    handled; ``counts`` (added, skipped, errors); ``errors`` (source, error, message)."""
    return _job(request, job_id)


@router.get(
    "/jobs/{job_id}/events",
    summary="A job's progress as server-sent events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def job_events(request: Request, job_id: str) -> StreamingResponse:
    """``text/event-stream``: a ``progress`` event (the job as JSON) at once and after
    every change, then one ``end`` event when the job is done or failed."""
    _job(request, job_id)
    registry = get_jobs(request)

    async def events() -> AsyncIterator[str]:
        last = -1
        quiet = 0.0
        while True:
            snapshot = registry.snapshot(job_id)
            if snapshot is None:
                return
            version, job = snapshot
            finished = job["status"] in {"done", "failed"}
            if version != last:
                last, quiet = version, 0.0
                yield f"event: {'end' if finished else 'progress'}\ndata: {json.dumps(job)}\n\n"
            elif quiet >= KEEPALIVE_SECONDS:
                quiet = 0.0
                yield ": keep-alive\n\n"
            if finished:
                return
            await asyncio.sleep(POLL_SECONDS)
            quiet += POLL_SECONDS

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
