"""Who is asking: the signed-in person of a request (every page but sign-in needs one)."""

from __future__ import annotations

from django.http import HttpRequest

from agora.people.models import User


def signed_in(request: HttpRequest) -> User:
    """The request's person; ``LoginRequiredMiddleware`` sends everyone else to sign in."""
    user = request.user
    assert isinstance(user, User), "LoginRequiredMiddleware lets only people through"
    return user
