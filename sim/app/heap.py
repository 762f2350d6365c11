"""C heap memory given back to the system (issue 24 item 4: memory flat in a kiosk).

What grew a kiosk's resident memory after its caches had filled was not live data
but freed memory glibc's allocator kept: SDL allocates every rendered text surface
and every picture with malloc, tens of KB to a few MB each, and the rendered-text
cache lets them go and makes new ones all day (a kiosk shows changing words). glibc
serves an allocation above its mmap threshold (128 KB) with a mapping of its own,
returned to the system when freed; but the first time such a block is freed, glibc
*raises* the threshold to its size (its "dynamic threshold", up to 32 MB), and from
then on those surfaces are cut from the main heap, whose freed holes it rarely hands
back (measured over a 60,000-frame kiosk soak, sim/app/bench_kiosk.py: heap in use
flat at 16 MB while its free part grew from 0.4 to over 5 MB and the mapped blocks
fell from 7.8 to 4.3 MB).

So at start-up the threshold is set explicitly (``mallopt(M_MMAP_THRESHOLD)``),
which turns the dynamic raising off: a large surface always gets its own mapping and
goes back whole when freed. ``give_back()`` (``malloc_trim(0)``) returns the free
pages inside the heap; the kiosk calls it at each reset to the attract loop, a few
milliseconds once per visitor.

Only glibc has these calls: elsewhere (macOS, Windows, musl) both do nothing.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
#: glibc's own default; set explicitly, it stays put
MMAP_THRESHOLD_BYTES = 128 * 1024


def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    if not (hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim")):
        return None  # musl and others: no such calls
    return libc


_libc = _glibc()


def keep_large_blocks_mapped() -> bool:
    """Fix glibc's mmap threshold (no dynamic raising); True if it was set."""
    if _libc is None:
        return False
    return bool(_libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))


def give_back() -> bool:
    """Return the C heap's free pages to the system; True if any were."""
    if _libc is None:
        return False
    return bool(_libc.malloc_trim(0))
