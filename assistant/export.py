"""Saving drafts: whole files or nothing, and names a person can find again."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import tempfile
from pathlib import Path

from assistant.decision import Decision


def write_atomic(path: Path, text: str) -> Path:
    """Write `text` to `path` so that the file is either the old one or the whole new one.

    The text goes to a temporary file in the same folder (so the final rename
    stays on one file system), is flushed to disk, then replaces the target.
    """
    path = _target(Path(path))
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".irmer-", suffix=".tmp")  # short: the name may be long
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private; give it the mode a plain new file would have.
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(path.parent)
    return path


def _target(path: Path) -> Path:
    """The regular file to write: through a symbolic link, never over a device, pipe or folder."""
    if path.is_symlink():
        path = path.resolve()  # replacing the link itself would leave the file it names unchanged
    if path.exists() and not path.is_file():
        kind = "a folder" if path.is_dir() else "a device, pipe or other special file"
        raise OSError(errno.EINVAL, f"it is {kind}, not a regular file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), path.parent)
        raise OSError(errno.ENOTDIR, f"{blocker} is a file, not a folder") from None
    return path


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def default_filename(kind: str, decision: Decision, today: dt.date) -> str:
    """e.g. irmer-notification-2026-11-28.md: the document and the day it was drafted.

    `decision` is part of the interface so that a name may later carry more of
    the case; it deliberately holds nothing identifying now.
    """
    del decision
    return f"irmer-{kind}-{today.isoformat()}.md"


def unused_path(folder: Path, name: str) -> Path:
    """`folder/name`, or name-2, name-3... if taken: a second incident's draft never replaces the first's."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    n = 2
    while path.exists() or path.is_symlink():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path
