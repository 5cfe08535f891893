"""Bytes to text: BOM, strict UTF-8, then charset-normalizer's guess; binary input is refused."""
from __future__ import annotations

import codecs
import re

from checker.ingest.problems import InputError

# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)

# Legacy encodings news text plausibly arrives in; charset-normalizer picks among them.
FALLBACK_ENCODINGS = ("gb18030", "big5", "shift_jis", "euc_kr", "cp1252", "cp1251", "latin_1")

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _magic(data: bytes) -> str | None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP image"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'-be' when NULs sit on every other byte, as in BOM-less UTF-16 ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _normalise(text: str) -> str:
    """Unix newlines and no BOM character, so offsets and line numbers agree everywhere."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _looks_binary(text: str) -> bool:
    """Many C0 control characters mean a binary file decoded by accident."""
    sample = text[:8192]
    if not sample:
        return False
    bad = len(_CONTROL_CHARS.findall(sample))
    return bad > max(8, len(sample) // 100)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode file bytes to (text, encoding name); raise InputError when they are not text."""
    if encoding:
        try:
            return _normalise(data.decode(encoding)), encoding
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", "encoding") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {encoding} (byte {exc.start}); tried: {encoding}",
                             "encoding") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise(data[len(bom):].decode(name)), name
            except UnicodeDecodeError as exc:
                raise InputError(f"bytes after the {name} byte-order mark do not decode (byte {exc.start})",
                                 "encoding") from None
    magic = _magic(data)
    if magic:
        raise InputError(f"binary file ({magic})", "binary")
    if b"\x00" in data:
        guess = _bomless_utf16(data)
        if guess:
            try:
                return _normalise(data.decode(guess)), guess
            except UnicodeDecodeError:
                pass
        raise InputError("binary file (contains NUL bytes)", "binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise InputError("binary file (control characters)", "binary")
        return _normalise(text), "utf-8"
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str]:
    """charset-normalizer's best reading among FALLBACK_ENCODINGS."""
    tried = "utf-8, " + ", ".join(FALLBACK_ENCODINGS)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    except Exception:  # noqa: BLE001 - a detector failure is one more undecodable input
        best = None
    if best is None:
        raise InputError(f"undecodable bytes (tried {tried})", "encoding")
    text = str(best)
    if _looks_binary(text):
        raise InputError("binary file (control characters)", "binary")
    return _normalise(text), best.encoding
