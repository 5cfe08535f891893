"""The hostile input set: small fixtures committed under tests/hostile/inputs/, large ones generated.

``python tests/hostile/make_fixtures.py`` rewrites ``inputs/`` from ``SMALL`` (a test fails when they
drift); ``python tests/hostile/make_fixtures.py --large DIR`` writes the large ones into DIR.  The
tests call ``write_large(tmp_path)`` so no multi-megabyte file lives in the repository.

``EXPECT`` says what factlint must make of every input: ``("read", None)`` for a document that is
read cleanly, ``("read", code)`` for one read with a problem reported against it, ``("skip", code)``
for one that is reported and not read.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "inputs"
RULES = HERE / "rules"

EN = ("Rare earth supply\n\nGlobal Metals Wire, Saturday 5 July 2025\n\n"
      "Café owners in Zürich paid €5 for “fair” coffee, a naïve résumé of the 2025 market.\n")
LATIN = ("Lait et fromage\n\nLe Courrier, 5 July 2025\n\n"
         "Les éleveurs de Besançon ont vendu 45 % de leur lait à Genève en 2024.\n")
ZH = "稀土联盟\n\n中国占全球稀土开采量的百分之六十左右，精炼产量的近九成。\n" * 3
ZH_TW = "稀土聯盟\n\n中國佔全球稀土開採量的百分之六十左右，精煉產量的近九成。\n" * 3

# Article text carrying markup, links, workflow commands, ANSI and bidi controls: every output
# format must show it as text.  Paired with inert_b.txt it makes an NM01 finding, so it is rendered.
INERT_A = ("Rare earth supply <b>update</b>\n\nGlobal Metals Wire, Saturday 5 July 2025\n\n"
           "China accounted for approximately 60% of global rare earth mining in 2023, "
           "<script>alert(\"x\")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) "
           "![t](http://evil.example/t.png) ::error file=pwn.txt::injected %0A::warning::x "
           "\x1b[31mred\x1b[0m \u202ereversed\u202c.\n")
INERT_B = ("Mining output\n\nMeridian Business Daily, Saturday 5 July 2025\n\n"
           "China accounted for nearly 70% of global rare earth mining in 2023, officials said.\n")

JSONL_BROKEN = (
    '{"title": "First", "body": "Copper output rose to 1.2 million tonnes in 2024.", "outlet": "Wire A"}\n'
    '{"title": "Broken", "body": "this line never closes\n'
    '{"title": "Third", "body": "Nickel prices fell 4% in March 2025.", "outlet": "Wire B"}\n'
)

FRONT_MATTER_UNCLOSED = ("---\ntitle: Never closed\noutlet: Example Daily\n\n"
                         "Lithium output rose 20% in 2024, the ministry said.\nMore text follows.\n")

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"

# file name -> bytes (committed under inputs/)
SMALL: dict[str, bytes] = {
    "enc_utf8.txt": EN.encode("utf-8"),
    "enc_utf8_bom.txt": b"\xef\xbb\xbf" + EN.encode("utf-8"),
    "enc_utf16le_bom.txt": b"\xff\xfe" + EN.encode("utf-16-le"),
    "enc_utf16be_bom.txt": b"\xfe\xff" + EN.encode("utf-16-be"),
    "enc_gb18030.txt": ZH.encode("gb18030"),
    "enc_big5.txt": ZH_TW.encode("big5"),
    "enc_cp1252.txt": EN.encode("cp1252"),
    "enc_latin1.txt": LATIN.encode("latin-1"),
    "binary_nul.txt": b"Some text\x00\x00\x01\x02 more text\x00",
    "binary_png.html": PNG,
    "empty.md": b"",
    "feed_broken_line.jsonl": JSONL_BROKEN.encode("utf-8"),
    "front_matter_unclosed.md": FRONT_MATTER_UNCLOSED.encode("utf-8"),
    "inert_a.txt": INERT_A.encode("utf-8"),
    "inert_b.txt": INERT_B.encode("utf-8"),
}

# What each input must become (see the module docstring).
EXPECT: dict[str, tuple[str, str | None]] = {
    "enc_utf8.txt": ("read", None),
    "enc_utf8_bom.txt": ("read", None),
    "enc_utf16le_bom.txt": ("read", None),
    "enc_utf16be_bom.txt": ("read", None),
    "enc_gb18030.txt": ("read", None),
    "enc_big5.txt": ("read", None),
    "enc_cp1252.txt": ("read", None),
    "enc_latin1.txt": ("read", None),
    "binary_nul.txt": ("skip", "binary"),
    "binary_png.html": ("skip", "binary"),
    "empty.md": ("skip", "empty"),
    "feed_broken_line.jsonl": ("read", "parse"),
    "front_matter_unclosed.md": ("read", "parse"),
    "inert_a.txt": ("read", None),
    "inert_b.txt": ("read", None),
    "huge.txt": ("skip", "limit"),
    "deep.html": ("read", "limit"),
    "deep.json": ("skip", "limit"),
}

# The decoded text of each encoding fixture.
DECODED: dict[str, str] = {
    "enc_utf8.txt": EN, "enc_utf8_bom.txt": EN, "enc_utf16le_bom.txt": EN, "enc_utf16be_bom.txt": EN,
    "enc_gb18030.txt": ZH, "enc_big5.txt": ZH_TW, "enc_cp1252.txt": EN, "enc_latin1.txt": LATIN,
}

HTML_DEPTH = 40_000
JSON_DEPTH = 100_000
DEFAULT_MAX_FILE_BYTES = 20_000_000


def huge_bytes(size: int) -> bytes:
    """Plain text of exactly ``size`` bytes (one sentence repeated)."""
    line = b"Copper output rose 3% to 1.2 million tonnes in 2024, the ministry said.\n"
    return (line * (size // len(line) + 1))[:size]


def deep_html(depth: int = HTML_DEPTH) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + b"<p>Tin output fell 5% in 2024.</p>"
            + b"</div>" * depth + b"</body></html>\n")


def deep_json(depth: int = JSON_DEPTH) -> bytes:
    return b"[" * depth + b'{"body": "x"}' + b"]" * depth


def write_small(dest: Path = INPUTS) -> Path:
    """Write the committed fixtures (``SMALL``) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name, data in SMALL.items():
        (dest / name).write_bytes(data)
    return dest


def write_large(dest: Path, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Path:
    """Write the large fixtures into ``dest``: a file one byte over the size cap, deep HTML, deep JSON."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "huge.txt").write_bytes(huge_bytes(max_file_bytes + 1))
    (dest / "deep.html").write_bytes(deep_html())
    (dest / "deep.json").write_bytes(deep_json())
    return dest


def write_all(dest: Path, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Path:
    """The whole hostile set in one folder."""
    write_small(dest)
    return write_large(dest, max_file_bytes)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--large":
        print(write_large(Path(sys.argv[2])))
    else:
        print(write_small())
