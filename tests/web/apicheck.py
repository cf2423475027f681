"""Assertions the API tests share: every error is one problem+json shape (``response``:
an httpx response, from a TestClient or a live server)."""

from __future__ import annotations

from typing import Any

PROBLEM_FIELDS = {"type", "title", "status", "detail", "instance", "request_id"}


def problem(response: Any, status: int) -> dict[str, Any]:
    """The problem body of an error ``response`` with ``status`` (asserted)."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert set(body) >= PROBLEM_FIELDS, body
    assert body["status"] == status
    return body


def allowed(response: Any, name: str) -> list[str]:
    """The allowed values a 422 problem lists for the parameter ``name``."""
    body = problem(response, 422)
    for error in body["errors"]:
        if error["loc"][-1] == name:
            values: list[str] = error["allowed"]
            return values
    raise AssertionError(f"no error on {name}: {body}")
