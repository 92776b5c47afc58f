"""``agora createadmin``: create an administrator account (asks for what is not given)."""

from __future__ import annotations

import getpass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from agora.core.errors import ActionError
from agora.people.actions import create_user


class Command(BaseCommand):
    help = "Create an administrator who can invite people and open the administration."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", help="the administrator's email address")
        parser.add_argument("--name", help="their display name")
        parser.add_argument(
            "--password", help="their password (asked for when omitted; avoid in shell history)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interactive = options["email"] is None or options["password"] is None
        email = options["email"] or input("Email: ").strip()
        name = options["name"] or (input("Name: ").strip() if interactive else "") or email
        password = options["password"]
        if password is None:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        try:
            validate_password(password)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        try:
            user = create_user(
                email, display_name=name, password=password, is_staff=True, is_superuser=True
            )
        except ActionError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(self.style.SUCCESS(f"Administrator {user.email} created."))
