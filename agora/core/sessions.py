"""Django's database sessions, refusing session keys that could not have come from it."""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

from agora.core.nul import NUL


class SessionStore(DatabaseSessionStore):
    """The database session store (``SESSION_ENGINE = "agora.core.sessions"``).

    A cookie can carry anything: a quoted value may spell NUL as ``\\000``, which
    PostgreSQL refuses even in a lookup (a ``DataError`` on every page, the error page
    included, since it shows who is signed in). Such a key is no session, like an expired
    one: the visitor is simply signed out.
    """

    def _validate_session_key(self, key: str | None) -> bool:
        # SessionBase checks every key it is given with this (django-stubs omits it).
        valid = super()._validate_session_key(key)  # type: ignore[misc]
        return bool(valid) and NUL not in (key or "")
