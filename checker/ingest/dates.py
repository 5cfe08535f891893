"""Publication times from the forms feeds and pages use, always as naive datetimes.

Timezone-aware values keep the wall-clock time the outlet printed and drop the offset
(naive *local* time): "published 2024-01-01T00:30+08:00" is an article of 1 January,
which is what its "this year" refers to; converting to UTC would move it to 2023.
"""
from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta

_MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"))}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

# One alternation per written form; searched inside a line, so no anchors.
_FORMS = [
    # 2025-07-05, 2025-07-05 02:33, 2025-07-05T02:33:00+08:00, 2025/07/05, 2025.07.05
    r"(?P<y1>\d{4})(?P<sep>[-/.])(?P<m1>\d{1,2})(?P=sep)(?P<d1>\d{1,2})"
    r"(?:[T ]\s*(?P<H1>\d{1,2}):(?P<M1>\d{2})(?::(?P<S1>\d{2})(?:\.\d+)?)?(?P<tz1>Z|[+-]\d{2}:?\d{2})?)?",
    # 2025年7月5日 10:30
    r"(?P<y2>\d{4})\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日(?:\s*(?P<H2>\d{1,2}):(?P<M2>\d{2}))?",
    # 05.07.2025, 05/07/2025, 5-7-2025 14:30: day first with dots (the European form); with slashes or
    # dashes only when one of the two numbers is above 12 (07/05/2025 is 5 July or 7 May: unread)
    r"(?<![\d.])(?P<a3>\d{1,2})(?P<sep3>[-/.])(?P<b3>\d{1,2})(?P=sep3)(?P<y3>\d{4})(?![\d])"
    r"(?:,?\s+(?P<H3>\d{1,2}):(?P<M3>\d{2}))?",
]
_WORDY = [
    # Saturday 5 July 2025, 5 Jul. 2025 14:30
    _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(?P<y>\d{4})\b" + _TIME,
    # July 5, 2025; Sat, Jul 5 2025 2:33 pm
    _WEEKDAY + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b" + _TIME,
]
_NUMERIC = re.compile("|".join(f"(?:{f})" for f in _FORMS))
_WORDY_RES = [re.compile(f, re.IGNORECASE) for f in _WORDY]
_RFC2822 = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")


def _make(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime | None:
    if not 1800 <= y <= 2200:
        return None
    try:
        return datetime(y, m, d, hh, mm, ss)
    except ValueError:
        return None


def _num(m: re.Match, *names: str) -> int:
    for n in names:
        v = m.group(n)
        if v:
            return int(v)
    return 0


def _from_numeric(m: re.Match) -> datetime | None:
    if m.group("y1"):
        return _make(_num(m, "y1"), _num(m, "m1"), _num(m, "d1"), _num(m, "H1"), _num(m, "M1"), _num(m, "S1"))
    if m.group("y2"):
        return _make(_num(m, "y2"), _num(m, "m2"), _num(m, "d2"), _num(m, "H2"), _num(m, "M2"))
    a, b = _num(m, "a3"), _num(m, "b3")
    if m.group("sep3") == ".":
        day, month = a, b
    elif a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return None
    return _make(_num(m, "y3"), month, day, _num(m, "H3"), _num(m, "M3"))


def _from_wordy(m: re.Match) -> datetime | None:
    mon = _MONTHS.get(m.group("mon").lower().rstrip(".")[:4]) or _MONTHS.get(m.group("mon").lower()[:3])
    if not mon:
        return None
    hh = int(m.group("H") or 0)
    ampm = (m.group("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hh < 12:
        hh += 12
    elif ampm == "am" and hh == 12:
        hh = 0
    return _make(int(m.group("y")), mon, int(m.group("d")), hh, int(m.group("M") or 0), int(m.group("S") or 0))


def find_date(text: str) -> tuple[int, int, datetime] | None:
    """The first full date (with optional time) written in ``text``: (start, end, value)."""
    found: list[tuple[int, int, datetime]] = []
    m = _NUMERIC.search(text)
    if m:
        value = _from_numeric(m)
        if value:
            found.append((m.start(), m.end(), value))
    for rx in _WORDY_RES:
        m = rx.search(text)
        if m:
            value = _from_wordy(m)
            if value:
                found.append((m.start(), m.end(), value))
    return min(found, key=lambda f: (f[0], -f[1])) if found else None


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None) if value.tzinfo else value


def parse_published(value: object) -> datetime | None:
    """A publication time from a field or a dateline, naive local time; None when unreadable."""
    try:
        if isinstance(value, datetime):
            return _naive(value)
        if isinstance(value, date):  # TOML front matter gives dates, not strings
            return datetime(value.year, value.month, value.day)
        if isinstance(value, bool):
            return None
        if isinstance(value, (int, float)):
            seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds in some feeds
            if 0 < seconds < 7.3e9:
                return datetime(1970, 1, 1) + timedelta(seconds=seconds)
            return None
        if not isinstance(value, str):
            return None
        s = value.strip()
        if not s or len(s) > 200:
            return None
        try:
            return _naive(datetime.fromisoformat(s.replace("Z", "+00:00") if s.endswith("Z") else s))
        except ValueError:
            pass
        if _RFC2822.match(s):
            try:
                return _naive(email.utils.parsedate_to_datetime(s))
            except (TypeError, ValueError, IndexError):
                pass
        found = find_date(s)
        return found[2] if found else None
    except (OverflowError, ValueError):
        return None
