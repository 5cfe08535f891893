"""Write the byte-level ingest fixtures (encodings, binary, limits) into a folder.

Run ``python tests/cases/ingest/make_fixtures.py DIR`` to look at them; the tests call
``write_fixtures(tmp_path)`` so no binary files live in the repository.
"""
from __future__ import annotations

import sys
from pathlib import Path

ZH = "稀土联盟\n中国占全球稀土开采量的百分之六十左右，精炼产量的近九成。\n"
ZH_TW = "稀土聯盟\n中國佔全球稀土開採量的百分之六十左右，精煉產量的近九成。\n"
EN = "Café owners in Zürich paid €5 for “fair” coffee — naïve résumé.\n"
LATIN = "Les éleveurs de Besançon ont vendu 45 % de leur lait à Genève.\n"

# name -> (bytes, expected encoding name prefix or None, expected text or None)
ENCODED: dict[str, tuple[bytes, str, str]] = {
    "utf8.txt": (EN.encode("utf-8"), "utf-8", EN),
    "utf8_bom.txt": (b"\xef\xbb\xbf" + EN.encode("utf-8"), "utf-8-sig", EN),
    "utf16le_bom.txt": (b"\xff\xfe" + EN.encode("utf-16-le"), "utf-16-le", EN),
    "utf16be_bom.txt": (b"\xfe\xff" + EN.encode("utf-16-be"), "utf-16-be", EN),
    "utf32_bom.txt": (b"\xff\xfe\x00\x00" + EN.encode("utf-32-le"), "utf-32-le", EN),
    "gb18030.txt": ((ZH * 4).encode("gb18030"), "gb18030", ZH * 4),
    "big5.txt": ((ZH_TW * 4).encode("big5"), "big5", ZH_TW * 4),
    "cp1252.txt": ((EN * 3).encode("cp1252"), "cp1252", EN * 3),
    "latin1.txt": ((LATIN * 3).encode("latin-1"), "", LATIN * 3),
    "crlf.txt": (b"Title\r\n\r\nBody line.\r\n", "utf-8", "Title\n\nBody line.\n"),
}

# name -> (bytes, InputProblem code, words the reason must contain)
BAD: dict[str, tuple[bytes, str, str]] = {
    "empty.txt": (b"", "empty", "empty"),
    "blank.md": (b"  \n\n\t\n", "empty", "empty"),
    "nul.txt": (b"Some text\x00\x00\x01\x02 more", "binary", "NUL"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary", "PNG"),
    "jpeg.html": (b"\xff\xd8\xff\xe0" + bytes(64), "binary", "JPEG"),
    "broken.json": (b'{"title": "x",\n "body": "y",\n oops}', "parse", "line 3"),
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, "limit", "nesting"),
    "scalar.json": (b"42", "parse", "no article"),
    "no_text.json": (b'[{"title": "only a title"}]', "empty", "no article"),
}


def write_fixtures(dest: Path) -> Path:
    """Write every byte fixture into ``dest`` (created) and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for name, (data, *_rest) in {**ENCODED, **BAD}.items():
        (dest / name).write_bytes(data)
    return dest


if __name__ == "__main__":
    print(write_fixtures(Path(sys.argv[1] if len(sys.argv) > 1 else "build/ingest_fixtures")))
