"""The small cast every test can use: an engineer, a salesperson, a moderator, an outsider.

Built with real actions. Three spaces, one per visibility, each with a post by the
engineer; the engineer owns them all, the moderator moderates them all, the salesperson
belongs to the open and private ones, and the outsider belongs to none.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from agora.media.uploads import Upload
from agora.people import actions as people_actions
from agora.people.models import Department, User
from agora.posts import actions as post_actions
from agora.posts.models import Post
from agora.spaces import actions as space_actions
from agora.spaces.models import Role, Space, Visibility

PASSWORD = "correct-horse-battery-staple"


@dataclass
class Cast:
    engineer: User
    salesperson: User
    moderator: User
    outsider: User
    open_space: Space
    private_space: Space
    secret_space: Space
    open_post: Post
    private_post: Post
    secret_post: Post
    company_post: Post

    def space(self, visibility: str) -> Space:
        return {
            Visibility.OPEN: self.open_space,
            Visibility.PRIVATE: self.private_space,
            Visibility.SECRET: self.secret_space,
        }[Visibility(visibility)]

    def post_in(self, visibility: str) -> Post:
        return {
            Visibility.OPEN: self.open_post,
            Visibility.PRIVATE: self.private_post,
            Visibility.SECRET: self.secret_post,
        }[Visibility(visibility)]

    def persona(self, name: str) -> User:
        user: User = getattr(self, name)
        return user


PERSONAS = ("engineer", "salesperson", "moderator", "outsider")


def png_bytes(width: int = 40, height: int = 30, color: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def image_upload(name: str = "photo.png", data: bytes | None = None, alt_text: str = "") -> Upload:
    """An image as the composer sends it (a PNG unless ``data`` says otherwise)."""
    return Upload(SimpleUploadedFile(name, data or png_bytes()), alt_text=alt_text)


def make_cast() -> Cast:
    def dept(name: str) -> Department:
        return Department.objects.get_or_create(slug=name.lower(), defaults={"name": name})[0]

    def person(email: str, name: str, department: str, **flags: Any) -> User:
        return people_actions.create_user(
            email,
            display_name=name,
            password=PASSWORD,
            department=dept(department),
            job_title=f"{department} person",
            location="Lisbon",
            skills=[department, "Agora"],
            **flags,
        )

    engineer = person("ada@example.com", "Ada Engineer", "Engineering")
    salesperson = person("sam@example.com", "Sam Sales", "Sales")
    moderator = person("maya@example.com", "Maya Moderator", "People", is_moderator=True)
    outsider = person("olly@example.com", "Olly Outsider", "Finance")

    spaces = {}
    for visibility in Visibility:
        space = space_actions.do_create_space(
            engineer,
            name=f"{visibility.label} Space",
            description=f"A {visibility.label.lower()} space for tests",
            kind="team",
            visibility=visibility,
        )
        space_actions.do_add_member(space, moderator, role=Role.MODERATOR)
        spaces[visibility] = space
    space_actions.do_add_member(spaces[Visibility.OPEN], salesperson)
    space_actions.do_add_member(spaces[Visibility.PRIVATE], salesperson)

    posts = {
        visibility: post_actions.check_create_post(
            engineer,
            space=spaces[visibility],
            body=f"News from the {visibility.label.lower()} space #{visibility.value}news",
            uploads=[image_upload(f"{visibility.value}.png")],
        )
        for visibility in Visibility
    }
    company_post = post_actions.check_create_post(
        engineer, space=None, body="Hello, company! #welcome"
    )
    for space in spaces.values():
        space.refresh_from_db()
    return Cast(
        engineer=engineer,
        salesperson=salesperson,
        moderator=moderator,
        outsider=outsider,
        open_space=spaces[Visibility.OPEN],
        private_space=spaces[Visibility.PRIVATE],
        secret_space=spaces[Visibility.SECRET],
        open_post=posts[Visibility.OPEN],
        private_post=posts[Visibility.PRIVATE],
        secret_post=posts[Visibility.SECRET],
        company_post=company_post,
    )
