"""Error pages speak the user's language, and every page carries the security headers."""

from __future__ import annotations

import base64

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

NOT_FOUND = "There is nothing here. It may have been removed, or the link is wrong."
BAD_CURSOR = "This page link is not valid; go back to the start of the list."


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


MALFORMED_CURSORS = {
    "not-base64": "%%%not-a-cursor",
    "no-separator": _b64(b"2024-05-01T10:00:00+00:00"),
    "not-a-date": _b64(b"yesterday|12"),
    "naive-date": _b64(b"2024-05-01T10:00:00|12"),
    "not-an-id": _b64(b"2024-05-01T10:00:00+00:00|twelve"),
    "not-utf8": _b64(b"\xff\xfe|\x80"),
}


def feed_urls(cast) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "space": cast.open_space.get_absolute_url(),
        "profile": cast.engineer.get_absolute_url(),
    }


def assert_error_page(html: str, title: str, message: str) -> None:
    """Agora's own error page (with its way back), not Django's bare one."""
    assert f"<h1>{title}</h1>" in html
    assert f"<p>{message}</p>" in html
    assert 'href="/">Back to your feed</a>' in html


def test_it_answers_an_unknown_address_with_a_human_404(client_for) -> None:
    response = client_for("engineer").get("/no/such/page/")
    assert response.status_code == 404
    assert_error_page(response.content.decode(), "Not found", NOT_FOUND)


def test_it_answers_an_unknown_address_with_a_404_even_when_signed_out(cast) -> None:
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    assert NOT_FOUND in response.content.decode()


@pytest.mark.parametrize("page", ["home", "space", "profile"])
@pytest.mark.parametrize("cursor", MALFORMED_CURSORS.values(), ids=MALFORMED_CURSORS.keys())
def test_it_answers_a_malformed_page_cursor_with_a_400_and_a_message(
    cast, client_for, page, cursor
) -> None:
    url = feed_urls(cast)[page]
    response = client_for("engineer").get(url, {"before": cursor})
    assert response.status_code == 400
    assert_error_page(response.content.decode(), "That did not work", BAD_CURSOR)


@pytest.mark.parametrize("page", ["home", "space", "profile"])
def test_it_serves_feeds_normally_with_no_cursor(cast, client_for, page) -> None:
    response = client_for("engineer").get(feed_urls(cast)[page])
    assert response.status_code == 200
    assert f'id="post-{cast.open_post.pk}"' in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/posts/99999999999999999999999/",
        "/posts/9223372036854775807/",
        "/posts/99999999999999999999999/comments/",
        "/files/99999999999999999999999/",
        "/spaces/open-space/members/99999999999999999999999/role/",
    ],
)
def test_it_answers_an_absurd_id_with_a_404_not_a_crash(client_for, path) -> None:
    response = client_for("engineer").get(path)
    assert response.status_code == 404
    assert NOT_FOUND in response.content.decode()


def test_it_answers_a_crash_with_a_human_500_that_shows_nothing_of_it(
    cast, client_for, monkeypatch
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("connection to 10.0.0.7 refused for user agora_app")

    monkeypatch.setattr("agora.posts.queries.home_feed", crash)
    client = client_for("engineer")
    client.raise_request_exception = False  # answer as a server does, not as a test
    response = client.get(reverse("home"))
    assert response.status_code == 500
    html = response.content.decode()
    assert_error_page(html, "Sorry", "Something went wrong on our side. Please try again.")
    assert "10.0.0.7" not in html and "RuntimeError" not in html and "Traceback" not in html


def test_it_answers_the_health_check_without_signing_in(db) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"ok": True}


@pytest.mark.parametrize(
    "path", ["/", "/people/", "/spaces/", "/spaces/open-space/", "/posts/new/", "/people/invite/"]
)
def test_it_sends_anonymous_visitors_to_sign_in(cast, path) -> None:
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={path}"


def test_it_lets_anonymous_visitors_see_the_sign_in_page(db) -> None:
    response = Client().get(reverse("account_login"))
    assert response.status_code == 200
    assert "Sign in" in response.content.decode()


@pytest.mark.parametrize("signed_in", [True, False], ids=["feed", "sign-in-page"])
def test_it_sends_security_headers(client_for, signed_in) -> None:
    if signed_in:
        response = client_for("engineer").get(reverse("home"))
    else:
        response = Client().get(reverse("account_login"))
    assert response.status_code == 200
    csp = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "script-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
