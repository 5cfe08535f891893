"""Where the check command's output goes and what it exits with: safe atomic files, colour choice, exit codes."""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import IO, Mapping

from checker.model import Report

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FAIL_ON = ("error", "warning", "info")
COLOR_MODES = ("auto", "always", "never")


class OutputPathError(ValueError):
    """The ``--output`` target is outside the directory it must stay in, or reached through a symlink."""


def exit_code(report: Report, fail_on: str = "warning", exit_zero: bool = False) -> int:
    """1 when some finding is at or above ``fail_on`` (unless ``exit_zero``), else 0."""
    if fail_on not in SEVERITY_RANK:
        raise ValueError(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if exit_zero:
        return 0
    floor = SEVERITY_RANK[fail_on]
    return int(any(SEVERITY_RANK.get(f.severity, 2) >= floor for f in report.findings))


def use_color(mode: str = "auto", stream: IO[str] | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """``--color``: always/never win; auto means a TTY, no ``NO_COLOR`` (non-empty) and a TERM that is not dumb."""
    if mode not in COLOR_MODES:
        raise ValueError(f"--color must be one of {', '.join(COLOR_MODES)}, not {mode!r}")
    if mode != "auto":
        return mode == "always"
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):  # no-color.org: present and not empty
        return False
    if env.get("TERM") == "dumb":
        return False
    stream = sys.stdout if stream is None else stream
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _relative_inside(target: Path, base: Path) -> Path:
    """``target`` as a path below ``base``; raises when it is not (``..``, another absolute directory)."""
    if ".." in target.parts:
        raise OutputPathError(f"refusing to write {str(target)!r}: '..' is not allowed in --output")
    if not target.is_absolute():
        rel = target
    else:
        for candidate in (base, Path(os.path.abspath(base))):
            try:
                rel = target.relative_to(candidate)
                break
            except ValueError:
                continue
        else:
            # An absolute path spelled through a symlinked prefix of base still counts when its parent resolves inside.
            try:
                rel = target.parent.resolve(strict=True).relative_to(base.resolve()) / target.name
            except (OSError, ValueError):
                raise OutputPathError(f"refusing to write {str(target)!r}: it is outside {str(base)!r}") from None
    if not rel.parts or rel.name in ("", "."):
        raise OutputPathError(f"refusing to write {str(target)!r}: it names a directory, not a file")
    return rel


def write_output(text: str, target: str, *, base_dir: str | Path | None = None) -> Path:
    """Write ``text`` (UTF-8) to ``target`` atomically, never outside ``base_dir`` (default: the current directory).

    Missing parent directories are created. Each directory on the way is opened without following
    symlinks and the temporary file is created and renamed relative to that open directory, so a
    symlink planted on the way (or swapped in during the write) makes it fail instead of writing elsewhere.
    """
    base = Path(base_dir) if base_dir is not None else Path.cwd()
    rel = _relative_inside(Path(target), base)
    data = text.encode("utf-8")
    # os.replace takes dir fds wherever os.rename does (supports_dir_fd lists only the latter).
    if os.open in os.supports_dir_fd and os.rename in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW"):
        return _write_dirfd(data, base, rel)
    return _write_paths(data, base, rel)


def _open_dir(name: str, dir_fd: int | None) -> int:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except OSError as exc:
        raise OutputPathError(f"cannot use {name!r} as an output directory (a symlink or not a directory): "
                              f"{exc.strerror}") from None


def _write_dirfd(data: bytes, base: Path, rel: Path) -> Path:
    """POSIX: walk below ``base`` with O_NOFOLLOW directory fds, then create, write, fsync and rename in the last."""
    # base itself may be reached through symlinks (the user chose it); below it, none is followed.
    fd = os.open(str(base.resolve()), os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        for part in rel.parts[:-1]:
            try:
                os.mkdir(part, 0o777, dir_fd=fd)
            except FileExistsError:
                pass
            nxt = _open_dir(part, fd)
            os.close(fd)
            fd = nxt
        name = rel.parts[-1]
        try:
            st = os.stat(name, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise OutputPathError(f"refusing to replace {str(rel)!r}: it is a symlink or not a regular file")
        tmp = f".{name}.{os.getpid()}.tmp"
        mode = (st.st_mode & 0o777) if st else 0o666  # keep an existing file's mode; umask applies to new ones
        tfd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0),
                      mode, dir_fd=fd)
        try:
            with os.fdopen(tfd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
        except BaseException:
            try:
                os.unlink(tmp, dir_fd=fd)
            except OSError:
                pass
            raise
    finally:
        os.close(fd)
    return base / rel


def _write_paths(data: bytes, base: Path, rel: Path) -> Path:
    """Elsewhere (Windows): the same checks by path, then a temp file in the same directory and os.replace."""
    import tempfile

    cur = base
    for part in rel.parts[:-1]:
        cur = cur / part
        if cur.is_symlink():
            raise OutputPathError(f"refusing to write through the symlink {str(cur)!r}")
        cur.mkdir(exist_ok=True)
    final = cur / rel.parts[-1]
    if final.is_symlink() or (final.exists() and not final.is_file()):
        raise OutputPathError(f"refusing to replace {str(final)!r}: it is a symlink or not a regular file")
    fd, tmp = tempfile.mkstemp(dir=cur, prefix=f".{final.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, final.stat().st_mode & 0o777 if final.exists() else 0o666 & ~umask)  # mkstemp makes 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return final
