"""Ingestion jobs and the analysis queue: uploads stored, progress streamed, a bad file
recorded while the rest goes on, 503 + Retry-After when full, analyses ahead of jobs."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from tests.web.conftest import csrf_client

from unspin import app as unspin_app
from unspin.web import ServeSettings, create_app
from unspin.web.jobs import safe_name
from unspin.web.queue import AnalysisQueue, QueueFull

FIRST = b"The mayor said on Monday that the river bridge will reopen in May."
SECOND = b'"We found more rust than expected," engineer Tom Blake told reporters on Friday.'


def _wait_done(client: TestClient, job_id: str, seconds: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"/api/v1/jobs/{job_id}").json()
        if job["status"] in {"done", "failed"}:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


def _events(text: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in fields:
            out.append((fields["event"], json.loads(fields["data"])))
    return out


def _block(app: FastAPI) -> threading.Event:
    """Occupy the worker until the returned event is set."""
    gate = threading.Event()
    app.state.unspin.services["queue"].submit_job(lambda: gate.wait(60))
    return gate


def test_upload_two_files_stores_them(client: TestClient, web_settings: ServeSettings) -> None:
    files = [("files", ("first.txt", FIRST)), ("files", ("second.md", SECOND))]
    answer = client.post("/api/v1/jobs", files=files)
    assert answer.status_code == 202
    job = answer.json()
    assert job["status"] in {"queued", "running"}
    assert job["files"] == ["first.txt", "second.md"]
    done = _wait_done(client, job["id"])
    assert done["status"] == "done", done
    assert done["counts"]["added"] == 2
    assert done["done"] == done["total"] == 2
    assert done["errors"] == []
    assert unspin_app.corpus_stats(web_settings.db).documents == 2
    listed = client.get("/api/v1/jobs").json()["jobs"]
    assert [j["id"] for j in listed] == [job["id"]]


def test_progress_events_stream(client: TestClient) -> None:
    gate = _block(client.app)  # the job waits, so the stream sees it queued, then running
    job = client.post("/api/v1/jobs", files=[("files", ("a.txt", FIRST))]).json()
    threading.Timer(0.5, gate.set).start()
    with client.stream("GET", f"/api/v1/jobs/{job['id']}/events") as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        events = _events(stream.read().decode())
    assert events[0][0] == "progress"
    assert events[0][1]["status"] == "queued"
    assert events[-1][0] == "end"
    assert events[-1][1]["status"] == "done"
    assert events[-1][1]["counts"]["added"] == 1
    assert all(name == "progress" for name, _ in events[:-1])


def test_events_of_unknown_job_is_404(client: TestClient) -> None:
    answer = client.get("/api/v1/jobs/nope/events")
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_bad_file_is_an_error_and_the_rest_goes_on(
    client: TestClient, web_settings: ServeSettings
) -> None:
    files = [
        ("files", ("good.txt", FIRST)),
        ("files", ("../../etc/binary.txt", b"\x00\x01\x02\xff" * 64)),
        ("files", ("other.txt", SECOND)),
    ]
    job = client.post("/api/v1/jobs", files=files).json()
    done = _wait_done(client, job["id"])
    assert done["status"] == "done"
    assert done["counts"]["added"] == 2
    assert done["counts"]["errors"] == 1
    [error] = done["errors"]
    assert error["source"] == "../../etc/binary.txt"  # as the client named it
    assert "/tmp" not in error["source"] + error["message"]  # no server paths shown
    assert unspin_app.corpus_stats(web_settings.db).documents == 2


def test_safe_names_keep_the_suffix_and_drop_the_path() -> None:
    assert safe_name("../../etc/passwd", 0) == "000-passwd"
    assert safe_name("C:\\x\\My File.jsonl", 3) == "003-My_File.jsonl"
    assert safe_name("...", 1) == "001-upload"


@pytest.fixture()
def tiny(web_settings: ServeSettings) -> Iterator[TestClient]:
    settings = replace(web_settings, queue_size=1)
    with csrf_client(create_app(settings)) as c:
        yield c


def test_full_queue_is_503_with_retry_after(tiny: TestClient) -> None:
    gate = _block(tiny.app)
    files = [("files", ("a.txt", FIRST))]
    try:
        waiting = tiny.post("/api/v1/jobs", files=files)
        assert waiting.status_code == 202
        full = tiny.post("/api/v1/jobs", files=files)
        assert full.status_code == 503
        assert int(full.headers["retry-after"]) >= 1
        body = full.json()
        assert body["retry_after"] == int(full.headers["retry-after"])
        stats = tiny.get("/api/v1/queue").json()
        assert stats["rejected"] == 1
        assert stats["failed"] == 0  # refusals are counted apart from errors
        assert stats["jobs_waiting"] == 1
    finally:
        gate.set()
    assert _wait_done(tiny, waiting.json()["id"])["status"] == "done"


def test_full_analysis_queue_raises_queue_full() -> None:
    config = unspin_app.pipeline_config(backbone="fake")
    queue = AnalysisQueue(config, queue_size=1)
    gate = threading.Event()
    queue.submit_job(lambda: gate.wait(60))
    document = unspin_app.Document("The mayor said the bridge will reopen in May.")

    async def scenario() -> unspin_app.Analysis:
        first = asyncio.ensure_future(queue.analyze(document))
        await asyncio.sleep(0)  # the first one is waiting now
        with pytest.raises(QueueFull) as info:
            await queue.analyze(document)
        assert info.value.status_code == 503
        assert "Retry-After" in (info.value.headers or {})
        gate.set()
        return await first

    try:
        analysis = asyncio.run(scenario())
    finally:
        gate.set()
        queue.close()
    assert analysis.document.text == document.text


def test_analyses_go_before_jobs_and_between_a_jobs_documents() -> None:
    config = unspin_app.pipeline_config(backbone="fake")
    queue = AnalysisQueue(config, queue_size=4)
    order: list[str] = []
    gate, inside, resume = threading.Event(), threading.Event(), threading.Event()
    try:
        queue.submit_job(lambda: gate.wait(60))
        later_job = queue.submit_job(lambda: order.append("job"))
        early = queue.submit(lambda: order.append("analysis 1"))
        gate.set()
        early.result(30)
        later_job.result(30)
        assert order == ["analysis 1", "job"]

        def long_job() -> None:  # a job handing over between two of its documents
            order.append("job: document 1")
            inside.set()
            resume.wait(60)
            queue.yield_to_analyses()
            order.append("job: document 2")

        job = queue.submit_job(long_job)
        inside.wait(30)
        analysis = queue.submit(lambda: order.append("analysis 2"))
        resume.set()
        job.result(30)
        analysis.result(30)
        assert order[2:] == ["job: document 1", "analysis 2", "job: document 2"]
    finally:
        gate.set()
        resume.set()
        queue.close()


def test_the_server_warms_up_on_the_worker(web_settings: ServeSettings) -> None:
    app = create_app(replace(web_settings, warm_up=True))
    stats = app.state.unspin.services["queue"].stats()
    assert stats.analyses == 1  # models loaded before the first request
    app.state.unspin.services["queue"].close()
