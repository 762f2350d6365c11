"""Reading a file whole without hanging or filling memory: the one rule for files a
person gives (scenario, settings, plan and kiosk TOML: ``sim/app/safe_files.py``) and
for the bundled assets (catalogs: ``sim/i18n.py``; fonts: ``sim/view/font_check.py``).

Only a regular file of at most ``max_bytes`` is read. ``/dev/zero``, a FIFO, a socket
or a folder is refused after ``os.stat`` and before any read; the file is opened
non-blocking, so one swapped for a FIFO in between cannot hang either, and it is read
with a bound (at most ``max_bytes + 1`` bytes), so one that grew in between cannot fill
memory. Standard library only: every layer that reads files may use it.
"""

from __future__ import annotations

import os
import stat

#: Windows has no O_NONBLOCK (nor FIFOs to block on): it is 0 there
O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def describe(mode: int) -> str:
    """What a path that is not a regular file is, in words (``os.stat``'s mode)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bounded(path: str | os.PathLike, max_bytes: int, error: type[Exception],
                 what: str = "file") -> bytes:
    """The bytes of ``path``, a regular file of at most ``max_bytes``, or ``error`` with
    one line naming it (``what`` says what it should have been: "scenario file")."""
    p = str(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise error(f"{p}: {what} not found") from None
    except OSError as err:
        raise error(f"{p}: cannot be read ({err.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise error(f"{p}: is {describe(st.st_mode)}, not a {what}")
    if st.st_size > max_bytes:
        raise error(f"{p}: is larger than {max_bytes:,} bytes; not a {what}")
    try:
        fd = os.open(p, os.O_RDONLY | O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise error(f"{p}: cannot be read ({err.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the stat above
            raise error(f"{p}: is not a regular file, not a {what}")
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, max_bytes + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise error(f"{p}: cannot be read ({err.strerror})") from None
    finally:
        os.close(fd)
    if size > max_bytes:
        raise error(f"{p}: is larger than {max_bytes:,} bytes; not a {what}")
    return b"".join(chunks)


def read_head(path: str | os.PathLike, count: int) -> bytes:
    """Up to the first ``count`` bytes of ``path`` if it is a regular file; b"" if it
    is not, or cannot be read (a quick look, e.g. whether an output is the program's
    own: never waits on a FIFO, never reads more)."""
    try:
        fd = os.open(str(path), os.O_RDONLY | O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, count)
    except OSError:
        return b""
    finally:
        os.close(fd)
