#!/usr/bin/env python3
"""Render an HTML report in headless Chromium and save a PNG screenshot (default: reports/seeds.html).

Needs a Chromium binary (Debian: ``apt-get install chromium``); ``--chromium`` or ``$CHROMIUM`` picks another.
The browser runs with networking features off and a throw-away profile, so the report must be self-contained.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium(explicit: str | None) -> str:
    """The browser to run: the flag, $CHROMIUM, or the first known name on PATH."""
    for name in (explicit, os.environ.get("CHROMIUM"), *CANDIDATES):
        if name and (path := shutil.which(name)):
            return path
    sys.exit("screenshot_report: no Chromium found; install Debian's 'chromium' package or pass --chromium")


def screenshot(html: Path, png: Path, chromium: str, width: int, height: int, timeout: float) -> None:
    """Run headless Chromium once on ``html`` and write ``png``."""
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="factlint-chromium-") as profile:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={profile}",
               f"--screenshot={png}", f"--window-size={width},{height}", html.resolve().as_uri()]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0 or not png.exists() or png.stat().st_size == 0:
        sys.stderr.write(proc.stderr[-2000:])
        sys.exit(f"screenshot_report: chromium failed (exit {proc.returncode})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", nargs="?", default=str(ROOT / "reports" / "seeds.html"), help="HTML report to render")
    ap.add_argument("-o", "--out", default=str(ROOT / "build" / "seeds.png"), help="PNG to write")
    ap.add_argument("--chromium", help="browser binary (default: $CHROMIUM or chromium on PATH)")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=1600)
    ap.add_argument("--timeout", type=float, default=90.0, help="seconds before giving up")
    args = ap.parse_args(argv)
    html = Path(args.html)
    if not html.is_file():
        sys.exit(f"screenshot_report: no such file: {html}")
    screenshot(html, Path(args.out), find_chromium(args.chromium), args.width, args.height, args.timeout)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
