"""Icons: Lucide's SVG files (the npm package ``lucide-static``, ISC licence), drawn inline.

``make static`` copies the package's ``icons/`` folder to ``build/icons/``
(``settings.ICON_DIR``); an icon is read from there the first time a page names it and
kept for the life of the process, so drawing one costs a dictionary lookup. Inline SVG
takes the text colour (``currentColor``) and needs no request of its own, so the 2,000
files are not published as static files (whitenoise would index them all at every start).

The few icons drawn on nearly every card (reactions, the comment button, menus, a space's
mark) and those agora.js draws are ``SHARED``: ``base.html`` defines them once per page
(``sprite_html``) and each use is a ``<use href="#i-NAME">`` of about a hundred bytes, so a
feed of twenty posts carries their shapes once rather than a hundred times (the demo's home
page: 93 kB instead of 134 kB). Fragments that htmx swaps into a page find them
there too.

Every icon is ``aria-hidden``: what it means is said in words next to it, visibly or to
screen readers only, so nothing depends on a glyph (emoji were empty boxes on machines
without an emoji font).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.html import escape
from django.utils.safestring import SafeString

# Lucide's names are lower-case words joined by hyphens; anything else could name a file
# outside the folder.
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _read(name: str) -> str:
    """Lucide's file for ``name``, as published."""
    path = Path(settings.ICON_DIR) / f"{name}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ImproperlyConfigured(
            f"No icon {name!r} in {path.parent}: is it one of Lucide's names, "
            "and has `make static` run?"
        ) from None


@functools.cache
def _shapes(name: str) -> str:
    """The drawing inside ``<svg>`` of Lucide's ``name``, whitespace collapsed."""
    if not NAME.fullmatch(name):
        raise ValueError(f"Not an icon name: {name!r}")
    text = _read(name)
    # The file is `<!-- licence --> <svg …attributes…> shapes </svg>`: keep the shapes; the
    # attributes are written once below, the same for every icon.
    start = text.index(">", text.index("<svg")) + 1
    shapes = text[start : text.rindex("</svg>")]
    return re.sub(r"\s*/>", "/>", re.sub(r"\s+", " ", shapes)).strip()


SHARED = (
    "thumbs-up",
    "party-popper",
    "lightbulb",
    "heart-handshake",
    "message-circle",
    "ellipsis",
    "hash",
    "lock",
    "eye-off",
    # agora.js: removing a chosen file, the image viewer, the chosen files' thumbnails
    "x",
    "chevron-left",
    "chevron-right",
    "image",
    "play",
)

# Lucide's own stroke attributes, so an icon still draws right where the style sheet has not
# loaded; ``.icon`` in agora.css sizes it to the text around it.
STROKE = (
    'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" '
    'stroke-linejoin="round"'
)


@functools.cache
def icon_html(name: str, css: str = "") -> SafeString:
    """``<svg class="icon icon-NAME …">`` for Lucide's ``name``, hidden from screen readers:
    a ``<use>`` of the page's definition for ``SHARED`` icons, the shapes themselves for
    the others."""
    classes = f"icon icon-{name}" + (f" {escape(css)}" if css else "")
    if name in SHARED:
        return SafeString(
            f'<svg class="{classes}" width="20" height="20" aria-hidden="true" '
            f'focusable="false"><use href="#i-{name}"/></svg>'
        )
    return SafeString(
        f'<svg class="{classes}" viewBox="0 0 24 24" width="20" height="20" {STROKE} '
        f'aria-hidden="true" focusable="false">{_shapes(name)}</svg>'
    )


@functools.cache
def sprite_html() -> SafeString:
    """The ``SHARED`` icons' definitions, drawn once at the end of every page (base.html).

    Zero-sized as well as hidden by agora.css: a ``<symbol>`` is only drawn where it is used,
    but the ``<svg>`` around it would take room without the style sheet."""
    symbols = "".join(
        f'<symbol id="i-{name}" viewBox="0 0 24 24" {STROKE}>{_shapes(name)}</symbol>'
        for name in SHARED
    )
    return SafeString(
        f'<svg class="icon-sprite" width="0" height="0" aria-hidden="true" focusable="false">'
        f"{symbols}</svg>"
    )
