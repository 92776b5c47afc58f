"""How django-allauth signs people up (only for the company's own email domains) and
sets passwords: through the people actions, like every other way in."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from agora.people import actions
from agora.people.models import User


def domain_allowed(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return domain in settings.AGORA_SIGNUP_DOMAINS


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    """Self sign-up is open only when ``AGORA_SIGNUP_DOMAINS`` names at least one domain."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(settings.AGORA_SIGNUP_DOMAINS)

    def validate_unique_email(self, email: str) -> str:
        # Not ``clean_email``: allauth runs that on the password reset form too, which
        # would lock every existing account out of resetting its password. This hook runs
        # only where an address is chosen for an account (sign-up, changing one's email).
        email = str(super().validate_unique_email(email)).lower()
        if not domain_allowed(email):
            allowed = ", ".join(f"@{d}" for d in settings.AGORA_SIGNUP_DOMAINS)
            raise ValidationError(f"Sign-up is open to company addresses only ({allowed}).")
        return email

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        """The account of someone signing up, created by ``people.actions.create_user``
        (allauth's blank ``user`` is left unsaved). allauth then records the address."""
        data = form.cleaned_data
        email = str(data["email"])
        display_name = data.get("display_name") or email.split("@")[0]
        password = data.get("password1") or None
        if not commit:
            # allauth's contract for callers that save later themselves (none in Agora's
            # flows): the unsaved user, filled in as the action would.
            user.email = email
            actions.prepare_new_user(user, display_name=display_name)
            user.set_password(password)
            return user
        return actions.create_user(email, display_name=display_name, password=password)

    def set_password(self, user: User, password: str) -> None:
        """A password reset or change (allauth's forms)."""
        actions.do_set_password(user, password)
