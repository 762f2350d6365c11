"""Script and direction of text: runs for right-to-left (Arabic) text, without pygame.

SDL_ttf shapes a string with HarfBuzz but does no bidirectional reordering and no
font fallback, and Noto Sans Arabic has no Latin letters (nor brackets, "?" or
"%") while Noto Sans has no Arabic. So a line holding Arabic is cut here into
pieces, each drawn with one font in one direction, and the pieces are put in
visual (left-to-right on screen) order; ``sim.view.fonts`` renders and joins them.

The reordering is a simplified Unicode bidirectional algorithm (UAX #9) with three
levels (0 to 2), enough for interface text:

- each character's class comes from ``unicodedata.bidirectional``: R and AL
  (Hebrew, Arabic letters, ``U+061F`` "؟") are right-to-left; L (Latin letters)
  left-to-right; EN and AN (digits, European or Arabic-Indic) are a number, which
  reads left to right; combining marks take the class of the letter they sit on;
  everything else (spaces, punctuation, symbols) is neutral;
- a separator between two digits ("1.5", "12:30", "1,000", "555-0100") and a "%", "°" or
  "‰" touching a digit belong to the number (rules W4, W5, simplified); a number
  acts as Latin after a Latin letter and as Arabic otherwise in a right-to-left
  paragraph (W7, and N1's "numbers act as R");
- a bracket pair "()", "[]", "{}" takes the paragraph's direction if it holds text
  of that direction, else the other one if the text before it has that direction
  too (N0, simplified);
- a neutral stretch between two strong characters of the same direction takes
  that direction; otherwise (between an Arabic and a Latin run, or at either end
  of the line) it takes the paragraph's direction (N1, N2);
- levels: 0 or 1 for the paragraph, Arabic at 1, Latin and numbers inside Arabic
  at 2 (I1, I2); then from the highest level down to the lowest odd one, every
  stretch of runs at that level or higher is reversed (L2). In a right-to-left
  paragraph that reverses the sequence of runs while each left-to-right run keeps
  its inner order; HarfBuzz lays the glyphs of each right-to-left piece from right
  to left (the piece's direction is set to RTL).

Mirrored brackets: a bracket inside a right-to-left run is drawn with the run's
direction set to RTL, and HarfBuzz mirrors the mirrored characters of a
right-to-left buffer ("(" shows as ")", "«" as "»"), so "(Narcan)" and «إغلاق»
inside Arabic come out as they should. See ``LIMITS`` for what is not handled.

Only the Arabic script has a bundled font; Hebrew is ordered right-to-left but
would render as empty boxes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from sim import i18n

LTR = "ltr"
RTL = "rtl"

#: languages written right to left (their paragraphs start at the right)
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})
#: languages written in the Arabic script (the ones the bundled Arabic font serves)
ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur"})

#: the Arabic script's blocks: Arabic, Arabic Supplement, Arabic Extended-A,
#: Arabic Presentation Forms-A and -B
_ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RE = re.compile(f"[{_ARABIC_RANGES}]")
#: characters outside those blocks that Noto Sans Arabic draws and that may sit inside
#: an Arabic run (spaces, the common Latin punctuation it has, the joiners); any other
#: character of an Arabic run is drawn with the Latin font (tests/test_rtl_text.py
#: checks each of these has a glyph in the Arabic font)
ARABIC_FONT_NEUTRALS = frozenset(" \u00a0.,:!«»-\u200c\u200d")
#: number separators between two digits, and terminators touching a digit (W4, W5)
#: a hyphen between digits too ("555-0100"): strict UAX #9 turns digits after Arabic into
#: Arabic numbers (W2), which a hyphen does not join (W4), so a clinic's phone number in
#: an Arabic sentence would show as "0100-555"; kept whole here, as its reader dials it
_NUMBER_SEPARATORS = frozenset(".,:/\u066b\u066c-\u2010\u2011")
_NUMBER_TERMINATORS = frozenset("%\u066a\u2030\u00b0")

LIMITS = """\
Known limits of the simplified bidi in sim.view.text_runs:
- no explicit embeddings, overrides or isolates (LRE, RLE, LRO, RLO, LRI, RLI, FSI,
  PDF, PDI are treated as neutrals); LRM/RLM/ALM count as strong characters;
- bracket pairs only for (), [] and {}; no canonical equivalents (U+2329/U+3008),
  and a bracket pair's inside is not reconsidered after neutrals are resolved;
- W2 is folded into the "number acts as Arabic" rule: a number after Arabic shows
  as a left-to-right run; a hyphen between digits ("555-0100", "1-2") joins them
  into one number (UAX #9 would not after Arabic: see _NUMBER_SEPARATORS); signs "-5",
  "+3" keep the sign as a neutral, which in an Arabic sentence may put it on the other
  side of the number; digits separated by a space are two numbers, in right-to-left
  order (write a phone number with hyphens);
- one line at a time: a paragraph's direction is the interface language's (or the
  caller's); only words that are not the interface's own (a clinic's help text) take
  their first strong character's (P2/P3, ``own_direction``);
- line breaking is by words in logical order, then each line is reordered by itself
  (as L1/L2 require); trailing spaces are not moved to the end side (L1);
- no font fallback beyond the two bundled fonts: Hebrew is ordered but has no glyphs,
  and a symbol Noto Sans lacks shows as a box."""


class Piece(NamedTuple):
    """A stretch of one line drawn with one font in one direction."""

    text: str
    arabic: bool  # drawn with the Arabic font (else the Latin one)
    rtl: bool  # shaped right to left (HarfBuzz lays its glyphs from the right)


class Run(NamedTuple):
    """A maximal stretch of one direction, in logical order, with its font pieces."""

    text: str
    rtl: bool
    pieces: tuple[Piece, ...]  # logical order
    level: int  # embedding level: even left to right, odd right to left


def direction(code: str) -> str:
    """``RTL`` or ``LTR`` for a language code ("ar", "pt_BR"); its region is ignored."""
    return RTL if code.split("_")[0].split("-")[0] in RTL_LANGUAGES else LTR


def current_direction() -> str:
    """The current interface language's direction."""
    return direction(i18n.language())


def uses_arabic_script(code: str) -> bool:
    return code.split("_")[0].split("-")[0] in ARABIC_SCRIPT_LANGUAGES


def resolve(paragraph: str | None) -> str:
    """``paragraph`` checked (``"ltr"``/``"rtl"``), or the current language's if None."""
    if paragraph is None:
        return current_direction()
    if paragraph not in (LTR, RTL):
        raise ValueError(f"direction must be {LTR!r} or {RTL!r}, not {paragraph!r}")
    return paragraph


def own_direction(text: str, default: str | None = None) -> str:
    """The direction a paragraph of ``text`` takes by itself (UAX #9 P2/P3): that of its
    first strong letter, ``default`` (or the current language's) if it has none. For
    words that are not the interface's own (a clinic's help text): Arabic help on an
    English screen reads from the right, English help on an Arabic screen from the left."""
    for ch in text:
        kind = _strong(ch)
        if kind == "R":
            return RTL
        if kind == "L":
            return LTR
    return resolve(default)


def has_arabic(text: str) -> bool:
    """True if ``text`` holds a character of the Arabic script (it needs the runs)."""
    return _ARABIC_RE.search(text) is not None


def is_arabic(ch: str) -> bool:
    return _ARABIC_RE.match(ch) is not None


def _strong(ch: str) -> str | None:
    """"R", "L", "D" (a digit: left to right, part of a number) or None (neutral)."""
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    if kind in ("EN", "AN"):
        return "D"
    if kind == "NSM":
        return "M"
    return None


_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _OPENING.items()}


def _classes(text: str, para_rtl: bool) -> tuple[list[str | None], list[str | None]]:
    """Each character's type ("R", "L", "D" for a digit, None for a neutral) after the
    weak rules, and its influence on neutrals ("R", "L" or None): a number acts as L
    after a Latin letter (W7) and as R after an Arabic one or at the start of a
    right-to-left paragraph (as an Arabic number does in N1)."""
    n = len(text)
    kinds = [_strong(ch) for ch in text]
    # combining marks take the class of their base (W1); at the start, the paragraph's
    for i, k in enumerate(kinds):
        if k == "M":
            kinds[i] = kinds[i - 1] if i else ("R" if para_rtl else "L")
    # number separators between two digits, and terminators touching one (W4, W5)
    for i, ch in enumerate(text):
        if kinds[i] is None and ch in _NUMBER_SEPARATORS and 0 < i < n - 1 \
                and kinds[i - 1] == "D" and kinds[i + 1] == "D":
            kinds[i] = "D"
    for i, ch in enumerate(text):
        if kinds[i] is None and ch in _NUMBER_TERMINATORS:
            j = i  # a stretch of terminators touching a digit on either side
            while j < n and kinds[j] is None and text[j] in _NUMBER_TERMINATORS:
                j += 1
            if (i > 0 and kinds[i - 1] == "D") or (j < n and kinds[j] == "D"):
                for k in range(i, j):
                    kinds[k] = "D"
    influence: list[str | None] = []
    last = "R" if para_rtl else "L"
    for k in kinds:
        if k in ("R", "L"):
            last = k
            influence.append(k)
        else:
            influence.append(last if k == "D" else None)
    return kinds, influence


def _pair_brackets(text: str, influence: list[str | None], para_rtl: bool) -> None:
    """Rule N0, simplified: a bracket pair takes the paragraph's direction if it holds
    text of that direction, else the other direction if it holds that and the text
    before it has that direction too. Changes ``influence`` in place."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch in _OPENING:
            if len(stack) == 63:  # BD16: stop pairing on overflow
                break
            stack.append((_OPENING[ch], i))
        elif ch in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    e = "R" if para_rtl else "L"
    for opening, closing in sorted(pairs):
        inside = set(influence[opening + 1:closing])
        if e in inside:
            side = e
        elif inside - {None, e}:
            before = next((k for k in reversed(influence[:opening]) if k is not None), e)
            side = before if before != e else e
        else:
            continue
        influence[opening] = influence[closing] = side


def levels(text: str, paragraph: str) -> list[int]:
    """Each character's embedding level (UAX #9 with the paragraph's level only):
    even is left to right, odd right to left."""
    para_rtl = resolve(paragraph) == RTL
    base = 1 if para_rtl else 0
    n = len(text)
    kinds, influence = _classes(text, para_rtl)
    _pair_brackets(text, influence, para_rtl)
    # neutrals: both neighbours' side if they agree, else the paragraph's (N1, N2)
    resolved = list(influence)
    i = 0
    while i < n:
        if resolved[i] is not None:
            i += 1
            continue
        j = i
        while j < n and resolved[j] is None:
            j += 1
        before = resolved[i - 1] if i > 0 else ("R" if para_rtl else "L")
        after = resolved[j] if j < n else ("R" if para_rtl else "L")
        side = before if before == after else ("R" if para_rtl else "L")
        for k in range(i, j):
            resolved[k] = side
        i = j
    out = []
    for kind, side in zip(kinds, resolved):
        if kind == "D":  # a number reads left to right: one level above the Arabic around it
            out.append(base + 1 if para_rtl else (2 if side == "R" else 0))
        elif side == "R":
            out.append(1)
        else:
            out.append(2 if para_rtl else 0)
    return out


def char_directions(text: str, paragraph: str) -> list[bool]:
    """For each character of ``text``, True if it is laid out right to left."""
    return [level % 2 == 1 for level in levels(text, paragraph)]


def _pieces(text: str, rtl: bool) -> tuple[Piece, ...]:
    """One direction's run cut where the font changes (logical order)."""
    fonts: list[bool] = []
    for ch in text:
        if is_arabic(ch):
            arabic = True
        elif unicodedata.combining(ch) and fonts:
            arabic = fonts[-1]  # a mark is drawn by its base letter's font
        else:
            arabic = rtl and ch in ARABIC_FONT_NEUTRALS
        fonts.append(arabic)
    pieces: list[Piece] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or fonts[i] != fonts[start]:
            pieces.append(Piece(text[start:i], fonts[start], rtl))
            start = i
    return tuple(pieces)


@lru_cache(maxsize=512)
def runs(text: str, paragraph: str) -> tuple[Run, ...]:
    """``text`` (one line) cut into runs of one level, in logical order."""
    if not text:
        return ()
    lv = levels(text, paragraph)
    out: list[Run] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or lv[i] != lv[start]:
            part, rtl = text[start:i], lv[start] % 2 == 1
            out.append(Run(part, rtl, _pieces(part, rtl), lv[start]))
            start = i
    return tuple(out)


def visual_runs(text: str, paragraph: str) -> tuple[Run, ...]:
    """The runs of ``text`` from left to right on screen (rule L2: from the highest
    level down to the lowest odd one, reverse every stretch of runs at that level or
    higher). In a right-to-left paragraph that reverses the runs, each left-to-right
    run keeping its inner order."""
    order = list(runs(text, resolve(paragraph)))
    if not order:
        return ()
    top = max(r.level for r in order)
    lowest_odd = min((r.level for r in order if r.level % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if order[i].level < level:
                i += 1
                continue
            j = i
            while j < len(order) and order[j].level >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return tuple(order)


@lru_cache(maxsize=512)
def visual_pieces(text: str, paragraph: str) -> tuple[Piece, ...]:
    """The font pieces of ``text`` from left to right on screen.

    Runs in visual order; inside a right-to-left run the pieces are reversed too (the
    run reads from the right), and HarfBuzz lays each piece's glyphs in its direction.
    """
    out: list[Piece] = []
    for run in visual_runs(text, resolve(paragraph)):
        out.extend(reversed(run.pieces) if run.rtl else run.pieces)
    return tuple(out)


def visual_string(text: str, paragraph: str) -> str:
    """``text`` as it reads from left to right on screen (every right-to-left piece
    reversed, brackets in it mirrored): for tests and debugging, not for drawing
    (drawing needs the pieces, each shaped by HarfBuzz)."""
    mirror = str.maketrans("()[]{}<>«»", ")(][}{><»«")
    out = []
    for piece in visual_pieces(text, paragraph):
        out.append(piece.text[::-1].translate(mirror) if piece.rtl else piece.text)
    return "".join(out)
