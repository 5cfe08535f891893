"""Plain text: the loader keeps the text; segment decides between a digest page and one article."""
from __future__ import annotations

from checker.model import Document


def load_text(doc_id: str, text: str, encoding: str) -> Document:
    """A plain-text Document with no records."""
    return Document(id=doc_id, path=doc_id, format="text", text=text, encoding=encoding)
