"""Icons: Lucide's SVGs drawn inline by ``{% icon %}`` and the Python-drawn components, read
once per process, and no emoji or symbol character left standing in for one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template

from agora.core import icons
from agora.core.icons import icon_html
from agora.notifications.views.pages import ICONS as NOTIFICATION_ICONS
from agora.posts.cards import REACTION_ICONS
from agora.reputation.badges import BADGES
from agora.spaces.templatetags.spaces_tags import VISIBILITY_ICONS

TEMPLATES = Path(settings.BASE_DIR) / "templates"
STATIC = Path(settings.BASE_DIR) / "core" / "static" / "agora"

# Emoji, dingbats, arrows, geometric shapes, the ⋯ of menus and other pictographs: what used
# to be drawn as an icon, and shows as an empty box where the font lacks it.
PICTOGRAPHS = re.compile(
    "[\u2190-\u21ff\u22ef\u2300-\u23ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff\U0001f000-\U0001faff]"
)


def test_it_draws_an_icon_inline_hidden_from_screen_readers() -> None:
    html = Template('<button>{% icon "bell" %} Notifications</button>').render(Context())
    svg = re.fullmatch(r"<button>(<svg [^>]*>)(.*)</svg> Notifications</button>", html)
    assert svg, html
    assert 'class="icon icon-bell"' in svg[1]
    assert 'aria-hidden="true"' in svg[1] and 'focusable="false"' in svg[1]
    assert 'stroke="currentColor"' in svg[1]  # takes the colour of the text around it
    assert "<path" in svg[2] and "<!--" not in svg[2] and "\n" not in svg[2]


def test_it_adds_a_class_when_asked() -> None:
    html = Template('{% icon "award" "badge-icon" %}').render(Context())
    assert html.startswith('<svg class="icon icon-award badge-icon"')


def test_it_reads_each_icon_once_per_process(monkeypatch) -> None:
    icons._shapes.cache_clear()
    icons.icon_html.cache_clear()
    reads: list[str] = []
    real_read = icons._read

    def counting_read(name: str) -> str:
        reads.append(name)
        return real_read(name)

    monkeypatch.setattr(icons, "_read", counting_read)
    for _ in range(3):
        icon_html("pin")
        icon_html("pin", "extra")
    assert reads == ["pin"]


@pytest.mark.parametrize("name", ["../settings", "Bell", "bell.svg", "", "a--b", "-x"])
def test_it_refuses_what_is_not_an_icon_name(name: str) -> None:
    with pytest.raises(ValueError, match="Not an icon name"):
        icon_html(name)


def test_it_says_plainly_when_an_icon_is_missing() -> None:
    with pytest.raises(ImproperlyConfigured, match="make static"):
        icon_html("no-such-icon-anywhere")


def _template_icon_names() -> set[str]:
    names = set()
    for path in TEMPLATES.rglob("*.html"):
        names.update(re.findall(r'{% icon "([^"]+)"', path.read_text(encoding="utf-8")))
    return names


def test_every_icon_agora_names_is_one_of_lucides() -> None:
    names = _template_icon_names()
    names |= set(REACTION_ICONS.values()) | set(NOTIFICATION_ICONS.values())
    names |= {badge.icon for badge in BADGES.values()}
    names |= {icon for _, _, icon, _ in VISIBILITY_ICONS.values()}
    assert len(names) > 30
    for name in sorted(names):
        assert icon_html(name).startswith("<svg"), name
    # agora.js's icons are <use>s of the page's shared definitions.
    script = (STATIC / "agora.js").read_text()
    drawn = re.findall(r'icon\("([a-z-]+)"\)|"(play|image)"', script)
    assert {name for pair in drawn for name in pair if name} <= set(icons.SHARED)


def test_icons_on_every_card_are_defined_once_per_page_and_used_by_reference() -> None:
    assert set(REACTION_ICONS.values()) <= set(icons.SHARED)
    assert {icon for _, _, icon, _ in VISIBILITY_ICONS.values()} <= set(icons.SHARED)
    used = icon_html("thumbs-up")
    assert used == (
        '<svg class="icon icon-thumbs-up" width="20" height="20" aria-hidden="true" '
        'focusable="false"><use href="#i-thumbs-up"/></svg>'
    )
    sprite = Template("{% icon_sprite %}").render(Context())
    assert sprite.startswith('<svg class="icon-sprite" width="0" height="0" aria-hidden="true"')
    assert re.findall(r'<symbol id="i-([a-z-]+)" viewBox="0 0 24 24"', sprite) == list(icons.SHARED)
    assert 'stroke="currentColor"' in sprite
    assert "{% icon_sprite %}" in (TEMPLATES / "base.html").read_text()


def test_no_template_or_script_draws_a_symbol_character_as_an_icon() -> None:
    found = {}
    for path in [*TEMPLATES.rglob("*.html"), STATIC / "agora.js", STATIC / "agora.css"]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # Comments may draw arrows ("1234 → 1.2k"); markup and strings may not.
            code = re.sub(r"//.*|/\*.*?\*/|{#.*?#}", "", line)
            if PICTOGRAPHS.search(code):
                found[f"{path.relative_to(settings.BASE_DIR)}:{number}"] = code.strip()[:80]
    assert found == {}
