"""Badge notifications written before the icons became Lucide's began with the badge's emoji
("❓ Curious"), an empty box without an emoji font; they now hold the badge's name alone,
and the page draws the icon."""

from __future__ import annotations

from typing import Any

from django.db import migrations

OLD_ICONS = ("❓", "✍️", "✅", "🥉", "🥈", "🥇", "🌉")


def drop_emoji(apps: Any, schema_editor: Any) -> None:
    notification = apps.get_model("notifications", "Notification")
    for icon in OLD_ICONS:
        for note in notification.objects.filter(kind="badge", text__startswith=f"{icon} "):
            note.text = note.text.removeprefix(f"{icon} ")
            note.save(update_fields=["text"])


class Migration(migrations.Migration):
    dependencies = [
        ("reputation", "0001_initial"),
        ("notifications", "0002_initial"),
    ]

    operations = [migrations.RunPython(drop_emoji, migrations.RunPython.noop)]
