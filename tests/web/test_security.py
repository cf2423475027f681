"""The security layer: token wall, Host allow-list, CSRF and Origin checks, headers,
body limit, request ids, problem+json errors."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from tests.web.conftest import csrf_client

from unspin.errors import ConfigError
from unspin.web import ServeSettings, create_app, security

TOKEN = "s3cret-token-for-tests-0123456789"
HEADERS = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
)


@pytest.fixture()
def walled(web_settings: ServeSettings) -> FastAPI:
    """A server bound to a non-loopback address, with its token."""
    settings = replace(web_settings, host="192.0.2.10", token=TOKEN)
    return create_app(settings)


@pytest.fixture()
def walled_client(walled: FastAPI) -> Iterator[TestClient]:
    with TestClient(walled) as c:
        yield c


def _is_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail", "instance", "request_id"} <= set(body)
    assert body["request_id"] == response.headers["x-request-id"]
    return body


# -- the token wall ----------------------------------------------------------------
def test_non_loopback_without_token_refuses_to_start(web_settings: ServeSettings) -> None:
    with pytest.raises(ConfigError, match="needs a token") as info:
        create_app(replace(web_settings, host="0.0.0.0"))
    assert "\n" not in str(info.value)


def test_short_token_refused(web_settings: ServeSettings) -> None:
    with pytest.raises(ConfigError, match="shorter than"):
        create_app(replace(web_settings, host="0.0.0.0", token="abc"))


def test_api_needs_the_token(walled_client: TestClient) -> None:
    body = _is_problem(walled_client.get("/api/v1/jobs"), 401)
    assert "Bearer" in body["detail"]
    wrong = walled_client.get("/api/v1/jobs", headers={"Authorization": "Bearer " + "x" * 33})
    assert _is_problem(wrong, 401)["title"] == "Authentication required"
    assert wrong.headers["www-authenticate"].startswith("Bearer")
    right = walled_client.get("/api/v1/jobs", headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200


def test_token_compared_in_constant_time(
    walled_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    walled_client.get("/api/v1/jobs", headers={"Authorization": "Bearer guess-guess-guess-guess"})
    assert (b"guess-guess-guess-guess", TOKEN.encode()) in calls


def test_pages_redirect_to_login_and_the_form_sets_a_strict_cookie(
    walled_client: TestClient,
) -> None:
    page = walled_client.get("/", headers={"Accept": "text/html"}, follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2F"
    form = walled_client.get("/login?next=/jobs")
    assert form.status_code == 200
    assert 'name="csrf_token"' in form.text
    csrf = walled_client.get("/api/v1/session").json()["csrf_token"]
    bad = walled_client.post("/login", data={"token": "wrong" * 5, "csrf_token": csrf})
    assert bad.status_code == 401
    assert "not right" in bad.text
    good = walled_client.post(
        "/login",
        data={"token": TOKEN, "csrf_token": csrf, "next": "/jobs"},
        follow_redirects=False,
    )
    assert good.status_code == 303
    assert good.headers["location"] == "/jobs"
    cookie = good.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # plain http in the test; https adds it
    assert walled_client.get("/api/v1/jobs").status_code == 200  # the cookie now opens it


def test_login_next_stays_on_this_server(walled_client: TestClient) -> None:
    csrf = walled_client.get("/api/v1/session").json()["csrf_token"]
    answer = walled_client.post(
        "/login",
        data={"token": TOKEN, "csrf_token": csrf, "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/"


def test_cookie_is_secure_over_https(walled: FastAPI) -> None:
    with TestClient(walled, base_url="https://testserver") as c:
        cookie = c.get("/api/v1/session").headers["set-cookie"]
    assert "Secure" in cookie


def test_forged_session_cookie_is_not_logged_in(walled_client: TestClient) -> None:
    walled_client.cookies.set(security.SESSION_COOKIE, "abc.1.deadbeef")
    assert walled_client.get("/api/v1/jobs").status_code == 401


# -- Host, Origin, CSRF --------------------------------------------------------------
def test_unknown_host_is_refused(client: TestClient) -> None:
    body = _is_problem(client.get("/api/v1/session", headers={"Host": "evil.example"}), 400)
    assert "evil.example" in body["detail"]
    assert client.get("/api/v1/session", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/api/v1/session", headers={"Host": "127.0.0.1"}).status_code == 200


def test_allow_host_adds_a_name(web_settings: ServeSettings) -> None:
    settings = replace(web_settings, allowed_hosts=("testserver", "unspin.lan"))
    with TestClient(create_app(settings)) as c:
        assert c.get("/api/v1/session", headers={"Host": "unspin.lan:8000"}).status_code == 200


def test_csrf_missing_or_wrong_is_403(client: TestClient) -> None:
    files = [("files", ("a.txt", b"The mayor said the bridge will reopen."))]
    missing = client.post("/api/v1/jobs", files=files, headers={"X-CSRF-Token": ""})
    assert "CSRF" in _is_problem(missing, 403)["title"]
    wrong = client.post("/api/v1/jobs", files=files, headers={"X-CSRF-Token": "0" * 64})
    _is_problem(wrong, 403)
    other = TestClient(client.app)
    token = other.get("/api/v1/session").json()["csrf_token"]  # another session's token
    _is_problem(client.post("/api/v1/jobs", files=files, headers={"X-CSRF-Token": token}), 403)


def test_cross_origin_is_403(client: TestClient) -> None:
    files = [("files", ("a.txt", b"The mayor said the bridge will reopen."))]
    answer = client.post("/api/v1/jobs", files=files, headers={"Origin": "http://evil.example"})
    assert _is_problem(answer, 403)["title"] == "Cross-site request refused"
    same = client.post("/api/v1/jobs", files=files, headers={"Origin": "http://testserver"})
    assert same.status_code == 202


# -- headers, limits, ids, errors ------------------------------------------------------
@pytest.mark.parametrize("path", ["/login", "/api/v1/session", "/api/v1/nope", "/static/app.css"])
def test_security_headers_everywhere(client: TestClient, path: str) -> None:
    response = client.get(path)
    for header in HEADERS:
        assert header in response.headers, (path, header)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_body_over_the_limit_is_413(web_settings: ServeSettings) -> None:
    settings = replace(web_settings, max_body=1000)
    with csrf_client(create_app(settings)) as c:
        big = [("files", ("a.txt", b"x" * 5000))]
        _is_problem(c.post("/api/v1/jobs", files=big), 413)

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
            yield b"--b\r\nContent-Disposition: form-data; name=files; filename=a.txt\r\n\r\n"
            for _ in range(20):
                yield b"y" * 100
            yield b"\r\n--b--\r\n"

        streamed = c.post(
            "/api/v1/jobs",
            content=chunks(),
            headers={"Content-Type": "multipart/form-data; boundary=b"},
        )
        assert "content-length" not in streamed.request.headers
        _is_problem(streamed, 413)


def test_request_id_echoed_and_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="unspin.web")
    handler_filter = security.RequestIdFilter()
    caplog.handler.addFilter(handler_filter)
    response = client.get("/api/v1/nope", headers={"X-Request-ID": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"
    assert response.json()["request_id"] == "abc-123"
    assert any(getattr(r, "request_id", None) == "abc-123" for r in caplog.records)
    odd = client.get("/api/v1/session", headers={"X-Request-ID": "<script>"})
    assert odd.headers["x-request-id"] != "<script>"


def test_errors_are_problems(client: TestClient) -> None:
    assert _is_problem(client.get("/api/v1/nope"), 404)["instance"] == "/api/v1/nope"
    _is_problem(client.delete("/api/v1/session"), 405)
    body = _is_problem(client.post("/api/v1/jobs"), 422)
    assert body["errors"][0]["loc"] == ["body", "files"]


def test_unexpected_error_is_a_500_problem_without_traceback(web_app: FastAPI) -> None:
    @web_app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    with TestClient(web_app, raise_server_exceptions=False) as c:
        response = c.get("/api/v1/boom")
    body = _is_problem(response, 500)
    assert "secret" not in response.text
    assert "Traceback" not in response.text
    assert "request id" in body["detail"]
    assert "content-security-policy" in response.headers


def test_browser_pages_get_an_html_error_page(client: TestClient) -> None:
    response = client.get("/no/such/page", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "404" in response.text
    assert "request id" in response.text


def test_validation_lists_allowed_values(web_app: FastAPI) -> None:
    from typing import Literal

    @web_app.get("/api/v1/test-literal")
    def literal(mode: Literal["keyword", "semantic"] = "keyword") -> dict[str, str]:
        return {"mode": mode}

    with TestClient(web_app) as c:
        body = _is_problem(c.get("/api/v1/test-literal?mode=bogus"), 422)
    assert body["errors"][0]["allowed"] == ["keyword", "semantic"]
    assert "allowed: keyword, semantic" in body["detail"]


def test_forms_without_script_send_the_token_as_a_field(client: TestClient) -> None:
    token = client.headers.pop("X-CSRF-Token")
    files = [("files", ("a.txt", b"The mayor said the bridge will reopen."))]
    ok = client.post("/api/v1/jobs", files=files, data={"csrf_token": token})
    assert ok.status_code == 202, ok.text
    assert ok.json()["files"] == ["a.txt"]  # the body replayed whole to the endpoint
    _is_problem(client.post("/api/v1/jobs", files=files, data={"csrf_token": "0" * 64}), 403)
    _is_problem(client.post("/api/v1/jobs", files=files), 403)


def test_repeated_wrong_logins_get_429(walled_client: TestClient) -> None:
    csrf = walled_client.get("/api/v1/session").json()["csrf_token"]
    for _ in range(10):
        assert (
            walled_client.post("/login", data={"token": "w" * 20, "csrf_token": csrf}).status_code
            == 401
        )
    answer = walled_client.post("/login", data={"token": TOKEN, "csrf_token": csrf})
    body = _is_problem(answer, 429)
    assert "try again" in body["detail"]
    assert int(answer.headers["retry-after"]) >= 1


def test_session_survives_a_malformed_neighbour_cookie(client: TestClient) -> None:
    value = client.cookies[security.SESSION_COOKIE]
    client.cookies.clear()
    files = [("files", ("a.txt", b"The mayor said the bridge will reopen."))]
    cookie = f'theme="dark; x=[1,2]; {security.SESSION_COOKIE}={value}'
    answer = client.post("/api/v1/jobs", files=files, headers={"Cookie": cookie})
    assert answer.status_code == 202, answer.text


def test_pages_and_api_are_not_cached_but_assets_may_be(client: TestClient) -> None:
    assert client.get("/api/v1/session").headers["cache-control"] == "no-store"
    assert client.get("/login").headers["cache-control"] == "no-store"
    assert client.get("/static/app.css").headers.get("cache-control") != "no-store"


def test_html_error_page_escapes_the_path(client: TestClient) -> None:
    response = client.get("/x/<script>alert(1)</script>", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "<script>" not in response.text
    assert "&lt;script&gt;" in response.text
