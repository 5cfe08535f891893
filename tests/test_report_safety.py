"""Article text is data: HTML and Markdown reports render hostile titles, text and URLs inert."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from checker.report import render
from checker.report.common import safe_url
from test_report_fixtures import FIXTURES


class _Tags(HTMLParser):
    """Collects every tag and attribute the browser would see."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self.links += [v for k, v in attrs if k in ("href", "src") and v]


@pytest.fixture
def html():
    return render(FIXTURES["hostile"](), "html")


def test_html_has_no_injected_tags_attributes_or_links(html):
    p = _Tags()
    p.feed(html)
    assert "script" not in p.tags and "img" not in p.tags and "i" not in p.tags and "b" not in p.tags
    assert not [k for k, _ in p.attrs if k.startswith("on")]
    assert all(not link.lower().startswith("javascript") for link in p.links)
    assert all(re.match(r"^(https?://|[A-Za-z0-9._~%/-]+(#L\d+)?$)", link) for link in p.links), p.links
    assert "javascript:alert(document.cookie)" not in html


def test_html_keeps_the_hostile_text_visible_as_text(html):
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;onmouseover=&#34;" in html  # the quote cannot close an attribute
    assert "https://example.org/a?q=%22x%22&amp;y=%3Cz%3E" in html


def test_html_is_self_contained(html):
    p = _Tags()
    p.feed(html)
    assert "script" not in p.tags and "link" not in p.tags and "iframe" not in p.tags
    assert html.count("<style>") == 1
    assert not re.search(r"(src|href)=\"(https?:)?//", html.replace('href="https://example.org', ""))
    assert "url(" not in html


def test_html_strips_bidi_and_control_characters(html):
    assert "\u202e" not in html and "\x1b" not in html


def test_markdown_is_inert():
    md = render(FIXTURES["hostile"](), "md")
    assert "<script" not in md and "<img" not in md and "<i>" not in md
    assert not re.search(r"(?<!\\)\]\(javascript", md) and "(javascript:alert(document" not in md
    assert not re.search(r"(?<!\\)\[x(?<!\\)\]", md)  # the article's own [x](…) is not a link
    # Each table row keeps its header's column count: article pipes are escaped.
    width = None
    for line in md.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = len(re.split(r"(?<!\\)\|", line))
        width = width or cells
        assert cells == width, line
    assert "&lt;script&gt;" in md and r"a\|b" in md


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/x", True), ("http://a.b/", True), ("articles/x.html", True), ("/abs/path", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False), ("data:text/html,<script>", False), ("vbscript:x", False),
    ("//evil.example/x", False), ("https:evil", False), ("file:///etc/passwd", False), ("", False), (None, False),
])
def test_safe_url_keeps_only_http_https_and_relative(url, ok):
    assert (safe_url(url) is not None) == ok


def test_safe_url_encodes_attribute_breakers():
    assert safe_url('https://x.org/"onmouseover=1 <a>') == "https://x.org/%22onmouseover=1%20%3Ca%3E"
