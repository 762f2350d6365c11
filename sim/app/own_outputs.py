"""How Blockade knows a file it wrote itself, so that running a command again replaces
its own previous output but never a file a person made under the same name.

An existing regular file is replaced only with ``--force`` or when its first bytes
(at most HEAD_BYTES, read without waiting: ``sim.bounded_read.read_head``) carry the
mark of the output being written (``safe_files.open_output``); a read-only file
never is. The marks cost nothing to write and stay invisible to the person:

==========================  ===============================  ==========================
output                      mark written                     recognised by
==========================  ===============================  ==========================
``--screenshot FILE.png``   a PNG text chunk ``Software:     that chunk right after the
                            Blockade screenshot``            PNG header (IHDR)
``handout`` (HTML)          ``<meta name="generator"         ``<!DOCTYPE html>`` first,
                            content="Blockade">``            the tag in the first bytes
``run --csv FILE``          none: the CSV stays plain for    its first line is exactly
                            spreadsheets and notebooks       the header row the run
                                                             writes
==========================  ===============================  ==========================
"""

from __future__ import annotations

import struct
import zlib
from typing import Callable

#: how much of an existing file is read to recognise it (the marks sit in the first
#: 200 bytes; a 1000-column CSV header would not, and is then simply not recognised)
HEAD_BYTES = 4096

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: the signature and the IHDR chunk (length, type, 13 bytes of data, CRC): PNG's
#: specification puts IHDR first, so the mark always starts at this offset
_AFTER_IHDR = len(PNG_SIGNATURE) + 4 + 4 + 13 + 4
PNG_MARK_TEXT = b"Software\0Blockade screenshot"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


PNG_MARK = _png_chunk(b"tEXt", PNG_MARK_TEXT)


def mark_png(data: bytes) -> bytes:
    """``data`` (a PNG pygame wrote) with the mark chunk after its header."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG with its header first")
    return data[:_AFTER_IHDR] + PNG_MARK + data[_AFTER_IHDR:]


def is_own_png(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a screenshot Blockade wrote."""
    return (head.startswith(PNG_SIGNATURE)
            and head[_AFTER_IHDR:_AFTER_IHDR + len(PNG_MARK)] == PNG_MARK)


HTML_MARK = '<meta name="generator" content="Blockade">'
HTML_START = "<!DOCTYPE html>"


def is_own_html(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a handout or presenter script Blockade
    wrote: its doctype first, then the mark before the end of its head."""
    return (head.startswith(HTML_START.encode())
            and HTML_MARK.encode() in head.split(b"</head>", 1)[0])


def csv_with_header(header: str) -> Callable[[bytes], bool]:
    """A test for a CSV whose first line is exactly ``header`` (the row this run writes:
    a table of the same columns, which only ``blockade run --csv`` writes)."""
    wanted = header.encode("utf-8")

    def is_own_csv(head: bytes) -> bool:
        first, newline, _rest = head.partition(b"\n")
        return bool(newline) and first.rstrip(b"\r") == wanted

    return is_own_csv
