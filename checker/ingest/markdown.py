"""Markdown: front matter for title/date/outlet/url, a leading '# Title' heading, the rest is body."""
from __future__ import annotations

import re

from checker.ingest.fields import OUTLET_KEYS, TITLE_KEYS, URL_KEYS, first_date, first_text
from checker.ingest.frontmatter import split_front_matter
from checker.ingest.problems import InputError
from checker.model import Document, LineAnchor, RawArticle

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def load_markdown(doc_id: str, text: str, encoding: str) -> tuple[Document, list[InputError]]:
    """One Document; one record when front matter or a '# Title' heading says what the article is."""
    meta, body_line, problem = split_front_matter(text)
    problems = [problem] if problem else []
    if problem is not None and problem.code == "parse" and body_line == 0:
        # Unclosed front matter: keep every line as body rather than guess where it ends.
        record = RawArticle(body=text.rstrip(), anchors=(LineAnchor(0, 1, True),))
        return Document(doc_id, doc_id, "markdown", text, encoding, {}, (record,)), problems
    lines = text.split("\n")
    i = body_line
    while i < len(lines) and not lines[i].strip():
        i += 1
    title = first_text(meta, TITLE_KEYS)
    m = _HEADING.match(lines[i]) if i < len(lines) else None
    if m:
        # The heading repeats or supplies the title; either way it is not body text.
        title = title or m.group(1).strip()
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
    if not meta and not m:
        return Document(doc_id, doc_id, "markdown", text, encoding, {}), problems
    body = "\n".join(lines[i:]).rstrip()
    record = RawArticle(
        body=body,
        anchors=(LineAnchor(0, min(i, len(lines) - 1) + 1, True),),   # an empty body: never past the file
        title=title,
        outlet=first_text(meta, OUTLET_KEYS),
        published=first_date(meta),
        url=first_text(meta, URL_KEYS),
        record_id=first_text(meta, ("id",)),
    )
    metadata = {k: v for k, v in meta.items() if isinstance(v, (str, int, float, bool, list))}
    return Document(doc_id, doc_id, "markdown", text, encoding, metadata, (record,)), problems
