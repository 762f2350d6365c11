"""A caption too long for its box, cut into pages a room can read (``page_caption``).

Cutting the wrapped lines every ``per_page`` lines left a page ending in the middle
of a sentence ("...so the old usual dose now" | "crosses the danger line.") and, now
and then, a last page of one word ("sudden."): a presenter pressed More to show the
room half a thought. Here pages break only where a sentence ends, unless a sentence
is longer than a page (then at the end of one of its lines), and a last page of one
line is taken only where nothing else fits (it never is at the supported sizes).

The pages are chosen by a small search over the places a page may end (at most a few
dozen lines: it costs little next to the wrapping, which is cached), in order of what
matters: no one-line last page, the fewest breaks inside a sentence, the fewest pages,
then pages as even as they can be, then the first page the fuller.
"""

from __future__ import annotations

import re

from sim.view.widgets import wrap_text

#: a sentence ends with one of these marks (Arabic's question mark too), then perhaps a
#: closing quote or bracket (Spanish «...», English “...”), then a space
SENTENCE_END = re.compile(r"[.!?…؟]+[\"'”’»)\]]*(?=\s)")
#: ...and the same at a page's last line's end (what tests check a break against)
ENDS_SENTENCE = re.compile(r"[.!?…؟]+[\"'”’»)\]]*$")


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence's end (every character kept but the spaces
    between sentences)."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def page_caption(text: str, width: int, size: int, bold: bool, per_page: int
                 ) -> tuple[tuple[str, ...], ...]:
    """``text`` wrapped to ``width`` at ``size`` pixels in pages of at most ``per_page``
    lines, broken between sentences where it can be (see the module's notes)."""
    # the places a page may end: after each line of each sentence, each marked with
    # whether it ends the sentence (a sentence wrapped on its own has the same lines it
    # has at the start of a page)
    units: list[tuple[str, bool]] = []
    for sentence in sentences(text):
        lines = wrap_text(sentence, width, size, bold)
        units += [(line, i == len(lines) - 1) for i, line in enumerate(lines)]
    n = len(units)
    if n == 0:
        return ((),)

    def page(i: int, j: int) -> tuple[str, ...]:
        return wrap_text(" ".join(u for u, _end in units[i:j]), width, size, bold)

    # best[i]: (cost, pages) of units[i:], cost = (a one-line last page after others,
    # breaks inside a sentence, pages, the sum of each page's unused lines squared, and
    # at a tie the first page the fuller: a box opened half empty looks like a fault)
    best: list[tuple | None] = [None] * (n + 1)
    best[n] = ((0, 0, 0, 0, 0), ())
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n + 1):
            lines = page(i, j)
            if len(lines) > per_page:
                break  # longer runs only take more lines
            if best[j] is None:
                continue
            (lone, inside, pages, slack, _first), after = best[j]
            if j == n:  # the last page: alone on its line after other pages?
                lone = int(len(lines) == 1 and i > 0)
            else:
                inside += not units[j - 1][1]
            option = ((lone, inside, pages + 1, slack + (per_page - len(lines)) ** 2,
                       -len(lines)), (lines, *after))
            if best[i] is None or option[0] < best[i][0]:
                best[i] = option
    if best[0] is None:  # a line taller than a page (per_page < 1): a line a page
        return tuple((u,) for u, _end in units)
    return best[0][1]
