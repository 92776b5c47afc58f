"""The Markdown pipeline: markdown-it-py renders, nh3 sanitises with an explicit allowlist.

``@handle`` mentions and ``#tag`` tags are recognised by inline rules (so never inside code
or links) and become links; a mention only links when the handle names a real person,
which the caller resolves between parsing and rendering. The HTML that comes out has been
through nh3 and is what gets stored: no raw HTML from the author survives, links keep only
http(s)/mailto or relative targets, and no element keeps a style or event attribute.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape, unescape
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

HANDLE_RE = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,38}[a-z0-9])?", re.IGNORECASE)
TAG_RE = re.compile(r"[a-z][a-z0-9_-]{0,49}", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"[\w@#/.:]")

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
ALLOWED_CLASSES = {"a": {"mention", "hashtag"}}
URL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class Rendered:
    html: str
    mentions: tuple[str, ...]
    tags: tuple[str, ...]


def _word_boundary_before(state: StateInline) -> bool:
    return state.pos == 0 or not _WORD_BEFORE.match(state.src[state.pos - 1])


def _prefixed_rule(
    marker: str, pattern: re.Pattern[str], token_type: str
) -> Callable[[StateInline, bool], bool]:
    def rule(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != marker or state.linkLevel > 0:
            return False
        if not _word_boundary_before(state):
            return False
        match = pattern.match(state.src, state.pos + 1, state.posMax)
        if not match:
            return False
        if not silent:
            token = state.push(token_type, "", 0)
            token.content = match.group(0)
        state.pos = match.end()
        return True

    return rule


def _render_mention(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    handle = tokens[idx].content.lower()
    people: Mapping[str, tuple[str, str]] = env.get("people", {})
    if handle in people:
        url, name = people[handle]
        return f'<a class="mention" href="{escape(url)}">@{escape(name)}</a>'
    return f"@{escape(tokens[idx].content)}"


def _render_tag(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    name = tokens[idx].content.lower()
    url_for_tag: Callable[[str], str] = env["tag_url"]
    return f'<a class="hashtag" href="{escape(url_for_tag(name))}">#{escape(name)}</a>'


def _heading_shift(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # A post lives inside a page that owns h1/h2; author headings start at h3.
    token = tokens[idx]
    level = min(int(token.tag[1]) + 2, 6)
    return f"<h{level}>" if token.nesting == 1 else f"</h{level}>\n"


def _image_as_link(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Remote images would leak readers' addresses to outside hosts; images are uploaded as
    # attachments instead, and a Markdown image becomes a plain link.
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    label = token.content or src
    return f'<a href="{escape(src)}">{escape(label)}</a>'


def _build() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True})
    md.enable(["table", "strikethrough", "linkify"])
    md.inline.ruler.before("emphasis", "mention", _prefixed_rule("@", HANDLE_RE, "mention"))
    md.inline.ruler.before("emphasis", "hashtag", _prefixed_rule("#", TAG_RE, "hashtag"))
    md.add_render_rule("mention", _render_mention)
    md.add_render_rule("hashtag", _render_tag)
    md.add_render_rule("image", _image_as_link)
    md.add_render_rule("heading_open", _heading_shift)
    md.add_render_rule("heading_close", _heading_shift)
    return md


_MD = _build()


def _walk(tokens: Iterable[Token]) -> Iterable[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def sanitise(html: str) -> str:
    """Keep only the allowlisted tags, attributes, classes and URL schemes."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render(
    text: str,
    *,
    resolve_people: Callable[[set[str]], Mapping[str, tuple[str, str]]],
    tag_url: Callable[[str], str],
) -> Rendered:
    """Render ``text`` to safe HTML.

    ``resolve_people`` receives the lower-cased handles the text mentions and returns
    ``{handle: (profile_url, display_name)}`` for those that exist; only they are linked.
    """
    env: dict[str, Any] = {"tag_url": tag_url}
    tokens = _MD.parse(text, env)
    handles: set[str] = set()
    tags: list[str] = []
    for token in _walk(tokens):
        if token.type == "mention":
            handles.add(token.content.lower())
        elif token.type == "hashtag":
            name = token.content.lower()
            if name not in tags:
                tags.append(name)
    people = resolve_people(handles) if handles else {}
    env["people"] = people
    html = sanitise(_MD.renderer.render(tokens, _MD.options, env))
    return Rendered(html=html, mentions=tuple(sorted(people)), tags=tuple(tags))


def to_plain_text(html: str) -> str:
    """The text of ``html`` with every tag removed and entities decoded (not safe as HTML)."""
    return unescape(nh3.clean(html, tags=set())).strip()
