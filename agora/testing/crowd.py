"""Many colleagues at once, for tests about crowds (a thousand people reacting).

Written with ``bulk_create`` because the crowd is scenery, not the subject: creating a
thousand accounts through ``create_user`` would cost more than the reactions under test.
"""

from __future__ import annotations

from agora.people.models import Department, User


def make_crowd(
    count: int, *, prefix: str = "crowd", department: Department | None = None
) -> list[User]:
    """``count`` active people who cannot sign in (unusable passwords)."""
    people = [
        User(
            email=f"{prefix}{i}@example.com",
            handle=f"{prefix}-{i}",
            display_name=f"{prefix.title()} {i}",
            department=department,
            password="!",  # unusable: these accounts never sign in
        )
        for i in range(count)
    ]
    return User.objects.bulk_create(people, batch_size=500)
