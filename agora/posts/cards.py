"""The viewer-independent HTML of post cards, cached.

A card is drawn in two layers. Its author's photo, its byline and its middle (a question's
title, the body, the files) are the same for everyone, so they are drawn once and kept in
the ``fragments`` cache (memory of each process by default, Redis when ``AGORA_REDIS_URL``
is set). What differs per viewer or per minute is drawn around them on every request:
the relative time, the post's menu, its reactions (mine pressed), its counts, and the
CSRF token, which never goes into cached HTML.

The key is made of versions the actions bump, so nothing is ever deleted from the cache
and no process can serve a stale card: the post's own ``version`` (its body, title and
files: ``posts.actions.bump_card_versions``, also on a video becoming ready), its
author's ``profile_version`` (name, photo: ``people.actions.bump_profile_versions``),
and what the card draws of its space and question, read in the same row. A post's
files are fetched only for the cards that were not in the cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.cache import caches
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from agora.core.caching import RELEASE
from agora.core.icons import icon_html
from agora.core.links import link
from agora.core.templatetags.agora import abbrev, timeago
from agora.people.templatetags.people_tags import avatar
from agora.posts.models import FileLink, Post, PostKind, ReactionKind
from agora.spaces.templatetags.spaces_tags import space_chip

if TYPE_CHECKING:
    from agora.posts.queries import PostCard

# Bump when the cached markup changes shape between releases (``RELEASE`` is in the key).
CARD_FORMAT = 1

# A post's own files (its comments' files belong to the comments), with the stored file.
ATTACHMENTS = Prefetch(
    "file_links",
    queryset=FileLink.objects.filter(comment__isnull=True)
    .select_related("attachment")
    .order_by("attachment__position", "attachment_id"),
)

Parts = tuple[str, str, str]  # photo, byline, middle


# Lucide icons rather than the emoji (👍 🎉 💡 🙏), which are empty boxes on machines
# without an emoji font; the kind's name is the tooltip and what screen readers say.
REACTION_ICONS = {
    ReactionKind.THUMBS_UP: "thumbs-up",
    ReactionKind.CELEBRATE: "party-popper",
    ReactionKind.INSIGHTFUL: "lightbulb",
    ReactionKind.HELPFUL: "heart-handshake",
}


def reaction_bar_html(target: Any, mine: set[str], url: str, csrf_token: str) -> SafeString:
    """Buttons say the state they would set (``set=thumbs_up:1``), so repeats are harmless.

    Every card draws one, so it is plain string building: the labels and icons are fixed
    markup, the counts are integers, and only ``url`` and the token are escaped."""
    buttons = []
    for kind, label, icon in _REACTION_BUTTONS:
        count = int(getattr(target, f"{kind}_count", 0))
        pressed = kind in mine
        shown = f'<span class="reaction-count">{abbrev(count)}</span>' if count else ""
        spoken = f"{label}{f', {count}' if count else ''}{' (yours)' if pressed else ''}"
        buttons.append(
            f'<button type="submit" class="{"reaction reaction-mine" if pressed else "reaction"}"'
            f' name="set" value="{kind}:{0 if pressed else 1}"'
            f' aria-pressed="{"true" if pressed else "false"}" title="{label}"'
            f' data-kind="{kind}">{icon}{shown}<span class="visually-hidden">{spoken}</span>'
            "</button>"
        )
    action = escape(url)
    return SafeString(
        f'<form class="reactions" method="post" action="{action}" hx-post="{action}" '
        'hx-target="this" hx-swap="outerHTML" role="group" aria-label="Reactions">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
        f"{''.join(buttons)}</form>"
    )


_REACTION_BUTTONS = [
    (kind.value, str(escape(kind.label)), str(icon_html(REACTION_ICONS[kind])))
    for kind in ReactionKind
]


def card_key(post: Post, *, expanded: bool) -> str:
    """The cache key of ``post``'s shared HTML: every version it is drawn from."""
    author, space = post.author, post.space
    accepted = post.question.accepted_answer_id if post.kind == PostKind.QUESTION else None
    drawn = (
        CARD_FORMAT,
        RELEASE,
        post.pk,
        post.created_at.isoformat(),  # a new row with a reused id is another post
        post.version,
        post.kind,
        author.pk,
        author.profile_version,
        (space.pk, space.name, space.slug, space.visibility) if space is not None else None,
        accepted,
        expanded,
    )
    return "card:" + hashlib.blake2b(repr(drawn).encode(), digest_size=16).hexdigest()


def draw(cards: Sequence[PostCard], *, expanded: bool = False) -> None:
    """Fill each card's shared HTML from the cache, drawing (and keeping) the missing
    ones: one cache read for the page, and one query for the files of those missing."""
    if not cards:
        return
    cache = caches["fragments"]
    keys = {card_key(c.post, expanded=expanded): c for c in cards}
    found: dict[str, Parts] = cache.get_many(list(keys))
    missing = {key: card for key, card in keys.items() if key not in found}
    if missing:
        posts = [c.post for c in missing.values()]
        unfetched = [
            p for p in posts if "file_links" not in getattr(p, "_prefetched_objects_cache", {})
        ]
        prefetch_related_objects(unfetched, ATTACHMENTS)
        drawn = {key: _parts(card.post, expanded=expanded) for key, card in missing.items()}
        cache.set_many(drawn)
        found.update(drawn)
    for key, card in keys.items():
        photo, byline, middle = found[key]
        card.avatar, card.byline = SafeString(photo), SafeString(byline)
        card.content = SafeString(middle)


def _parts(post: Post, *, expanded: bool) -> Parts:
    author = post.author
    where = (
        format_html(' <span class="muted">in</span> {}', space_chip(post.space))
        if post.space is not None
        else SafeString(' <span class="muted">· company-wide</span>')
    )
    byline = format_html(
        '<p class="post-byline" id="post-{}-by"><a class="person-name" href="{}">{}</a>{}</p>',
        post.pk,
        author.get_absolute_url(),
        author.display_name,
        where,
    )
    middle = render_to_string("posts/_card_content.html", {"post": post, "expanded": expanded})
    return str(avatar(author)), str(byline), middle


def card_html(card: PostCard, csrf_token: str, *, fresh: bool, expanded: bool) -> SafeString:
    """The whole card: the shared HTML from ``draw`` and, around it, what this viewer
    sees now (times, the menu, reactions, counts). Drawn in Python, not a template: the
    feed draws twenty of these, and the template engine cost more than the rest of the
    page (see docs/performance.md)."""
    post, author = card.post, card.post.author
    pk = post.pk
    url = post.get_absolute_url()
    question = post.kind == PostKind.QUESTION
    sub: list[str] = []
    if author.job_title:
        sub.append(escape(author.job_title))
    if author.department_id and author.department is not None:
        sub.append(escape(author.department.name))
    sub.append(f'<a class="muted" href="{url}">{timeago(post.created_at)}</a>')
    if post.edited_at:
        sub.append(f'<a class="muted" href="{link("posts:history", pk)}">edited</a>')
    classes = "card post" + (" post-question" if question else "") + (" fresh" if fresh else "")
    html: list[str] = [
        f'<article class="{classes}" id="post-{pk}" aria-labelledby="post-{pk}-by">\n'
        f'  <header class="post-header">\n    {card.avatar}\n    <div class="post-meta">\n'
        f'      {card.byline}\n      <p class="post-sub muted small">{" · ".join(sub)}</p>\n'
        "    </div>\n",
        _menu(card, csrf_token, expanded=expanded),
        "  </header>\n",
    ]
    if post.pinned_at and post.space is not None:
        html.append(
            f'  <p class="pinned-mark small muted">{icon_html("pin")} Pinned in '
            f"{escape(post.space.name)}</p>\n"
        )
    html.append(card.content)
    html.append(
        '  <footer class="post-footer">\n    '
        + reaction_bar_html(post, card.my_reactions, link("posts:react", pk), csrf_token)
    )
    chat = icon_html("message-circle")
    if question:
        n = post.question.answer_count
        said = f"{abbrev(n)} answer{'' if n == 1 else 's'}" if n else "Be the first to answer"
        html.append(
            f'<a class="button button-quiet comment-toggle" href="{url}#answers">{chat} {said}</a>'
        )
    elif expanded:
        html.append(
            f'<span class="muted small comment-count">{comment_count(post, "0 comments")}</span>'
        )
    else:
        html.append(
            f'\n    <a class="button button-quiet comment-toggle" href="{url}#comments" '
            f'hx-get="{link("posts:comments", pk)}" hx-target="#comments-{pk}" '
            f'hx-swap="innerHTML">{chat} {comment_count(post, "Comment")}</a>'
        )
    html.append("\n  </footer>\n")
    if not expanded and not question:
        html.append(f'  <div class="card-comments" id="comments-{pk}"></div>\n')
    html.append("</article>\n")
    return SafeString("".join(html))


def comment_count(post: Post, zero: str, *, oob: bool = False) -> str:
    """How many comments a post has, wherever a card, a post page or a question names it
    (``zero``: what to say before the first). The comments view sends it again out of
    band (``oob``) with a new comment, so every place the page shows it changes at once."""
    n = post.comment_count
    said = f"{abbrev(n)} comment{'' if n == 1 else 's'}" if n else escape(zero)
    swap = ' hx-swap-oob="true"' if oob else ""
    return f'<span id="comment-count-{post.pk}"{swap}>{said}</span>'


def _menu(card: PostCard, csrf_token: str, *, expanded: bool) -> str:
    if not (card.can_edit or card.can_delete or card.can_pin):
        return ""
    post, pk = card.post, card.post.pk
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
    items = []
    if card.can_edit:
        items.append(f'<a role="menuitem" href="{link("posts:edit", pk)}">Edit</a>')
    if card.can_pin and post.space is not None:
        name = escape(post.space.name)
        said = f"Unpin from {name}" if post.pinned_at else f"Pin to the top of {name}"
        items.append(
            f'<form method="post" action="{link("posts:pin", pk)}">{csrf}'
            f'<input type="hidden" name="on" value="{0 if post.pinned_at else 1}">'
            f'<button role="menuitem" type="submit" class="link-button">{said}</button></form>'
        )
    if card.can_delete:
        delete = link("posts:delete", pk)
        swap = (
            "" if expanded else (f'hx-post="{delete}" hx-target="#post-{pk}" hx-swap="outerHTML" ')
        )
        items.append(
            f'<form method="post" action="{delete}" {swap}'
            f'hx-confirm="Delete this post for everyone?">{csrf}<button role="menuitem" '
            'type="submit" class="link-button danger">Delete</button></form>'
        )
    return (
        '    <details class="menu post-menu">\n'
        f'      <summary class="icon-button" aria-label="Post actions">{icon_html("ellipsis")}'
        '</summary>\n      <div class="menu-panel" role="menu">\n        '
        + "\n        ".join(items)
        + "\n      </div>\n    </details>\n"
    )
