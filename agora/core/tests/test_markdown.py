"""The Markdown pipeline keeps formatting and never lets hostile input through."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agora.core import markdown

ALLOWED_ATTRS = {
    tag: set(attrs) | {"rel", "class"} for tag, attrs in markdown.ALLOWED_ATTRIBUTES.items()
}


def render(text: str, people: dict[str, tuple[str, str]] | None = None) -> markdown.Rendered:
    known = people or {"ada": ("/people/ada/", "Ada Lovelace")}
    return markdown.render(
        text,
        resolve_people=lambda handles: {h: known[h] for h in handles if h in known},
        tag_url=lambda name: f"/tags/{name}/",
    )


class Audit(HTMLParser):
    """Collects every tag, attribute and URL in a piece of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in markdown.ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRS.get(tag, {"rel"} if tag == "a" else set()):
                self.problems.append(f"attribute {name} on <{tag}>")
            if name.startswith("on") or name == "style":
                self.problems.append(f"attribute {name}")
            if name == "href" and value is not None:
                scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", value)
                if scheme and scheme.group(1).lower() not in markdown.URL_SCHEMES:
                    self.problems.append(f"scheme {scheme.group(1)}")


def audit(html: str) -> list[str]:
    parser = Audit()
    parser.feed(html)
    return parser.problems


HOSTILE = {
    "script tag": "<script>alert(1)</script>",
    "script in paragraph": "Hello <script>document.cookie</script> world",
    "event handler": '<img src=x onerror="alert(1)">',
    "event handler on div": '<div onmouseover="alert(1)">hover</div>',
    "inline link javascript": "[click](javascript:alert(1))",
    "inline link mixed-case javascript": "[click](JaVaScRiPt:alert(1))",
    "inline link encoded javascript": "[click](&#106;avascript:alert(1))",
    "inline link tab-split javascript": "[click](java\tscript:alert(1))",
    "reference link javascript": "[click][x]\n\n[x]: javascript:alert(1)",
    "autolink javascript": "<javascript:alert(1)>",
    "inline link data": "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "reference link data": "[click][d]\n\n[d]: data:text/html,<script>alert(1)</script>",
    "image javascript": "![x](javascript:alert(1))",
    "image data": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "vbscript": "[x](vbscript:msgbox(1))",
    "inline svg": '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    "svg with foreignObject": "<svg><foreignObject><iframe src=javascript:alert(1)>",
    "math mXSS": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "noscript mXSS": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "style mXSS": "<style><style/><img src=x onerror=alert(1)>",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "style attribute": '<p style="position:fixed;top:0">x</p>',
    "form": '<form action="https://evil.example"><input name=p></form>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "object": '<object data="x.swf"></object>',
    "html comment trick": "<!--><script>alert(1)</script>-->",
    "mention inside link label": "[@ada](javascript:alert(1))",
    "link title breakout": '[x](https://example.com "a\\" onmouseover=\\"alert(1)")',
    "unclosed tags": "<a href='javascript:alert(1)'>x",
}


@pytest.mark.parametrize("source", HOSTILE.values(), ids=HOSTILE.keys())
def test_it_stores_no_disallowed_tag_attribute_or_scheme(source: str) -> None:
    html = render(source).html
    assert audit(html) == []
    for tag in ("<script", "<svg", "<iframe", "<style", "<math", "<img", "<form", "<meta"):
        assert tag not in html.lower()


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/=\"' abcdefghijklmnopqrstuvwxyz:[]()!#@&;*`\n\t")),
        max_size=200,
    )
)
def test_it_never_emits_disallowed_html_for_arbitrary_input(source: str) -> None:
    assert audit(render(source).html) == []


def test_it_links_mentions_of_real_people_only() -> None:
    result = render("Thanks @ada and @ghost!")
    assert '<a class="mention" href="/people/ada/"' in result.html
    assert "@Ada Lovelace" in result.html
    assert "@ghost" in result.html and "/people/ghost/" not in result.html
    assert result.mentions == ("ada",)


def test_it_links_tags_and_lists_them_once() -> None:
    result = render("#Release notes for #release and #q3-planning, not C# or a#b")
    assert result.tags == ("release", "q3-planning")
    assert '<a class="hashtag" href="/tags/release/"' in result.html
    assert "a#b" in result.html


def test_it_ignores_mentions_and_tags_in_code() -> None:
    result = render("`@ada #secret`\n\n    @ada #indented")
    assert result.mentions == ()
    assert result.tags == ()


def test_it_does_not_treat_email_addresses_as_mentions() -> None:
    result = render("write to ada@example.com")
    assert result.mentions == ()
    assert 'href="mailto:ada@example.com"' in result.html


def test_it_keeps_ordinary_formatting() -> None:
    html = render(
        "# Title\n\n**bold** _em_ ~~gone~~\n\n- one\n- two\n\n> quote\n\n```\ncode\n```"
    ).html
    for fragment in (
        "<h3>Title</h3>",
        "<strong>bold</strong>",
        "<em>em</em>",
        "<s>gone</s>",
        "<li>one</li>",
        "<blockquote>",
        "<pre><code>code",
    ):
        assert fragment in html


def test_it_turns_markdown_images_into_plain_links() -> None:
    html = render("![diagram](https://example.com/d.png)").html
    assert "<img" not in html
    assert '<a href="https://example.com/d.png"' in html


def test_it_links_bare_urls_safely() -> None:
    html = render("see https://example.com/a?b=1").html
    assert '<a href="https://example.com/a?b=1" rel="noopener noreferrer nofollow">' in html
