"""A font file is checked before SDL_ttf opens it, and what it draws is checked after.

SDL_ttf (FreeType and HarfBuzz under it) trusts its file: a damaged Noto Sans Arabic
aborted the process inside ``script_font`` (status -6, a kiosk restarting in a loop),
and a font cut to a third loaded and drew no text at all. So, at start-up
(``fonts.check_fonts``), each bundled font is:

1. read as every file is (``sim.bounded_read``): a regular file of at most
   MAX_FONT_BYTES; a FIFO, a device, a folder or a huge file is refused unread;
2. parsed here, as a TrueType (sfnt) file, without SDL: the table directory fits
   the file, every table lies inside it, the tables drawing needs are there (cmap,
   head, hhea, hmtx, maxp, loca, glyf), every table's checksum and the whole file's
   (``head.checkSumAdjustment``) match, so one flipped byte anywhere is seen; and
   the counts that index other tables agree (glyph count, metrics count, glyph
   offsets in ``loca`` rising and inside ``glyf``, cmap subtables inside ``cmap``);
3. only then loaded by SDL_ttf, and made to draw the sample of each script it must
   cover (SAMPLES): every letter must exist, drawn with ink and unlike the font's
   missing-glyph box, so Noto Sans given as the Arabic font is refused too.

A failure is FontFileError: one line naming the file and what is wrong. Pure Python
and numpy (the only run-time dependencies), no subprocess: for the four bundled fonts
about 1 ms to read, parse and checksum and 5 ms to draw the samples, measured as CPU
time (``fonts.check_fonts`` took 7.7 ms where loading and drawing one word per font
took 1.7 ms; ``blockade bench``'s start-up median moved within its noise).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np
import pygame

from sim.bounded_read import read_bounded

#: the most a font file may weigh (the bundled ones are 0.25 to 0.5 MB)
MAX_FONT_BYTES = 10_000_000
#: the tables SDL_ttf needs to draw a TrueType-outline font
REQUIRED_TABLES = ("cmap", "head", "hhea", "hmtx", "maxp", "loca", "glyf")
#: sfnt versions of a TrueType-outline font: 1.0, and Apple's 'true'
TRUETYPE_VERSIONS = (0x00010000, 0x74727565)
#: what every table's checksums, the whole file summed as big-endian 32-bit words,
#: comes to once ``head.checkSumAdjustment`` is set (the OpenType specification)
WHOLE_FILE_SUM = 0xB1B0AFBA
HEAD_MAGIC = 0x5F0F3CF5

#: per script (ISO 15924, as fonts.SCRIPT_FONT_FILES): letters a font for it must draw,
#: those of the shipped languages' words (English, Spanish, French, Portuguese; Arabic)
SAMPLES = {
    "Latn": "Blockade ñéçãèôü",
    "Arab": "مرحبا نلتريكسون",
}
#: a private-use code point no bundled font maps: it draws the missing-glyph box
NOT_A_GLYPH = "\ue000"


class FontFileError(Exception):
    """A font file that must not reach SDL_ttf, or that does not draw its script."""


def read_font(path: Path) -> bytes:
    """The bytes of font file ``path``, read with a bound (FontFileError if refused)."""
    if not os.path.lexists(path):
        raise FontFileError(f"{path}: the font file is missing")
    return read_bounded(path, MAX_FONT_BYTES, FontFileError, "font file")


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from(">H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from(">I", data, at)[0]


def _sum32(data: bytes, offset: int = 0, length: int | None = None) -> int:
    """The OpenType checksum: big-endian 32-bit words summed (the last one padded with
    zeros), modulo 2**32."""
    length = len(data) - offset if length is None else length
    whole = length // 4
    words = np.frombuffer(data, dtype=">u4", count=whole, offset=offset)
    total = int(words.sum(dtype=np.uint64))
    tail = data[offset + 4 * whole: offset + length]
    if tail:
        total += int.from_bytes(tail.ljust(4, b"\0"), "big")
    return total & 0xFFFFFFFF


def table_directory(data: bytes) -> dict[str, tuple[int, int, int]]:
    """tag -> (checksum, offset, length) of every table; ValueError with the reason if the
    directory does not fit the file or a table lies outside it."""
    if len(data) < 12:
        raise ValueError("the file is empty or cut short" if data else "the file is empty")
    version, count = _u32(data, 0), _u16(data, 4)
    if version not in TRUETYPE_VERSIONS:
        raise ValueError("not a TrueType font (its first bytes are not a font's)")
    if 12 + 16 * count > len(data):
        raise ValueError("its table list runs past the end of the file (cut short?)")
    tables = {}
    for i in range(count):
        tag_bytes, checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tag = tag_bytes.decode("latin-1")
        if offset % 4 or offset + length > len(data):
            raise ValueError(f"its table {tag!r} lies outside the file (cut short?)")
        tables[tag] = (checksum, offset, length)
    return tables


def check_sfnt(data: bytes) -> None:
    """ValueError with the reason unless ``data`` is a whole, undamaged TrueType font
    (see the module docstring, step 2)."""
    tables = table_directory(data)
    missing = [tag for tag in REQUIRED_TABLES if tag not in tables]
    if missing:
        raise ValueError(f"it has no {', '.join(missing)} table (not a usable font)")
    for tag, (checksum, offset, length) in tables.items():
        found = _sum32(data, offset, length)
        if tag == "head" and length >= 12:  # its checkSumAdjustment is summed as zero
            found = (found - _u32(data, offset + 8)) & 0xFFFFFFFF
        if found != checksum:
            raise ValueError(f"its table {tag!r} is damaged (checksum does not match)")
    if _sum32(data) != WHOLE_FILE_SUM:
        raise ValueError("the file is damaged (whole-file checksum does not match)")
    _check_counts(data, tables)


def _check_counts(data: bytes, tables: dict[str, tuple[int, int, int]]) -> None:
    """The numbers by which one table indexes another agree, so nothing reads outside."""
    def table(tag: str, least: int) -> tuple[int, int]:
        _sum, offset, length = tables[tag]
        if length < least:
            raise ValueError(f"its table {tag!r} is too short")
        return offset, length

    head, _ = table("head", 54)
    if _u32(data, head + 12) != HEAD_MAGIC:
        raise ValueError("its table 'head' is damaged (magic number)")
    loca_format = _u16(data, head + 50)
    maxp, _ = table("maxp", 6)
    glyphs = _u16(data, maxp + 4)
    hhea, _ = table("hhea", 36)
    metrics = _u16(data, hhea + 34)
    if glyphs == 0 or not 1 <= metrics <= glyphs or loca_format not in (0, 1):
        raise ValueError("its glyph counts disagree (head, maxp, hhea)")
    _hmtx, hmtx_length = table("hmtx", 0)
    if hmtx_length < 4 * metrics + 2 * (glyphs - metrics):
        raise ValueError("its table 'hmtx' is too short for its glyphs")
    loca, loca_length = table("loca", 0)
    _glyf, glyf_length = table("glyf", 0)
    width = 2 if loca_format == 0 else 4
    if loca_length < width * (glyphs + 1):
        raise ValueError("its table 'loca' is too short for its glyphs")
    offsets = np.frombuffer(data, dtype=">u2" if width == 2 else ">u4", count=glyphs + 1,
                            offset=loca).astype(np.int64) * (2 if width == 2 else 1)
    if np.any(np.diff(offsets) < 0) or offsets[-1] > glyf_length:
        raise ValueError("its glyph offsets (loca) point outside its glyphs (glyf)")
    cmap, cmap_length = table("cmap", 4)
    count = _u16(data, cmap + 2)
    if 4 + 8 * count > cmap_length:
        raise ValueError("its table 'cmap' is too short for its subtables")
    unicode_map = False
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if offset + 8 > cmap_length:
            raise ValueError("a character map (cmap) lies outside its table")
        form = _u16(data, cmap + offset)
        size = _u16(data, cmap + offset + 2) if form < 8 else _u32(data, cmap + offset + 4)
        if offset + size > cmap_length:
            raise ValueError("a character map (cmap) runs past its table")
        unicode_map |= platform == 0 or (platform, encoding) in ((3, 1), (3, 10))
    if not unicode_map:
        raise ValueError("it has no Unicode character map (cmap)")


#: files that passed ``check_font_file``: path -> (size, mtime, inode) when they did
_passed: dict[str, tuple[int, int, int]] = {}


def check_font_file(path: Path) -> None:
    """Steps 1 and 2 of the module docstring, before SDL_ttf opens ``path``: FontFileError
    (one line naming it) if it may not. Remembered while the file is unchanged, so an
    app started again in the same process does not read it again."""
    key = str(path)
    try:
        st = os.stat(path)
        seen = (st.st_size, st.st_mtime_ns, st.st_ino)
    except OSError:
        seen = None
    if seen is not None and _passed.get(key) == seen:
        return
    data = read_font(path)
    try:
        check_sfnt(data)
    except (ValueError, struct.error) as err:
        reason = err if isinstance(err, ValueError) else "the file is cut short"
        raise FontFileError(f"{path}: not a usable font: {reason}") from None
    if seen is not None:
        _passed[key] = seen


def _ink(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array_alpha(surface)


def check_draws(font: pygame.font.Font, path: Path, script: str) -> None:
    """Step 3: ``font`` (loaded from ``path``) draws every letter of SAMPLES[script] with
    ink, none as its missing-glyph box, and the sample as a whole; FontFileError naming
    the file and the first letter it cannot draw otherwise."""
    box = _ink(font.render(NOT_A_GLYPH, True, (0, 0, 0)))
    for letter in dict.fromkeys(SAMPLES[script].replace(" ", "")):
        try:
            drawn = _ink(font.render(letter, True, (0, 0, 0)))
        except pygame.error:  # "Text has zero width": nothing in the font for it
            drawn = np.zeros((0, 0), np.uint8)
        if not drawn.any() or (drawn.shape == box.shape and np.array_equal(drawn, box)):
            raise FontFileError(f"{path}: does not draw {letter!r} (U+{ord(letter):04X}), "
                                f"which its script ({script}) needs; not the right font?")
    if not _ink(font.render(SAMPLES[script], True, (0, 0, 0))).any():
        raise FontFileError(f"{path}: draws no ink for {SAMPLES[script]!r}")
