"""Explore's blocks: the doses, the person, the tabs, the picture, each measured and placed.

Each ``_place_*`` method puts one block of the Explore screen at (x, y) in a given width
(setting its widgets' rects and the rects the screen draws in) and returns its height, or
None when its words do not fit that width; ``layout.ExploreLayout`` tries the
arrangements built from them. These are methods of the screen (a mixin) because they
place the screen's own widgets and leave the rects its drawing reads; they draw nothing.
"""

from __future__ import annotations

from types import SimpleNamespace

import pygame

from sim.i18n import _
from sim.view.fonts import line_height, text_width
from sim.view.render.drink_people import READINGS
from sim.view.render.meters import TAG_INSET, danger_tag_height, meter_height
from sim.view.screens.controls import LABEL_INSET, WrapButton
from sim.view.screens.panels import cue_height
from sim.view.widgets import text_height, wrap_text

# -- sizes, in logical units (sim/view/style.py turns them into window pixels) -------------
HINT_GAP = 6  # the hint to the picture
LEGEND_GAP = 4  # the picture to its legend, the legend to the chart
PLOT_LINES_MIN = 60  # the chart's lines need at least this much height
PAD = 6  # inside the opioid box, and between its controls
LABEL_GAP = 2  # a group's label to its controls
ROW = 56  # an amount choice's height, at least
CHOICE_EXTRA = 6  # around a choice's lines: the chosen one's double border
MEDICINE_H = 52  # a medicine button's height, at least
MEDICINE_EXTRA = 2
GIVE_MIN_W = 96  # the "Give opioid" button beside the choices, at least
BUTTON_LINES = 2  # a dose button's label wraps to at most this many lines
SECTION_GAP = 6  # the opioid box to the medicines' label (and the medicines to a drink)
DRINK_APART = 10  # a drink beside the medicines: this much more gap before it
METER_GAP = 6  # between meters

PEOPLE_GAP = 6  # the person's choices to the hint

#: people in the states that show a cue, to measure the room a cue needs: an overdose
#: now, withdrawal, and (``emergency=True``) an overdose that was and still needs help
OVERDOSED = SimpleNamespace(overdose=True, withdrawal=0.0)
IN_WITHDRAWAL = SimpleNamespace(overdose=False, withdrawal=1.0)
RECOVERED = SimpleNamespace(overdose=False, withdrawal=0.0)


def button_texts(button) -> tuple[str, ...]:
    """Every label a button may show (a medicine button says something else in an
    overdose): the layout gives room to each, so nothing moves when one changes."""
    texts = getattr(button, "texts", None)
    return tuple(texts()) if texts is not None else (button.text,)


class ExploreBlocks:
    """The block-placing half of ``ExploreScreen`` (mixed into it): uses its ``style``,
    its widgets (``amount_toggles``, ``give_buttons``, ``drink_button``, ``page_tabs``),
    ``drinks_shown``, ``medicines_two_up`` and ``runner.plot``, and sets ``opioid_box``,
    ``amount_label_rect``, ``medicines_label_rect``, ``meter_rects``, ``drink_rects``,
    ``cue_rect``, ``plot_rect``, ``hint_rect``, ``cleft_rect`` and ``legend_y``."""

    #: the medicines may go two to a row (the layout tries that after the roomier rows)
    medicines_two_up = False

    def _label_fits(self, button: WrapButton, width: int) -> bool:
        """The whole label fits a button ``width`` pixels wide, in at most BUTTON_LINES
        lines, with no word broken (bold too, for a choice that may be chosen)."""
        for text in button_texts(button):
            words = text.split()
            for bold in {button.bold, button.bold or button.selectable}:
                lines = wrap_text(text, button.label_width(width), button.font_px, bold)
                if len(lines) > BUTTON_LINES or " ".join(lines).split() != words:
                    return False
        return True

    def _least_width(self, button: WrapButton) -> int:
        """The narrowest ``button`` can be with no word of any of its labels broken."""
        widest = max(text_width(word, button.font_px, bold)
                     for text in button_texts(button) for word in text.split()
                     for bold in {button.bold, button.bold or button.selectable})
        return widest + 2 * self.style.px(LABEL_INSET)

    def _button_height(self, buttons, width: int, least: float, extra: float) -> int:
        st = self.style
        need = 0
        for b in buttons:
            bold = b.bold or b.selectable
            for text in button_texts(b):
                lines = wrap_text(text, b.label_width(width), b.font_px, bold)
                need = max(need, len(lines) * line_height(b.font_px, bold))
        return max(st.px(least), need + st.px(extra), st.min_touch)

    def _amount_grid(self, kind: str, x: int, y: int, inner: int, width: int):
        """Rects for the four choices and "Give opioid" in one of four arrangements, and
        their height; None if a label would not fit."""
        st = self.style
        pad = st.px(PAD)
        choices, give = self.amount_toggles, self.give_buttons[0]
        if kind == "side":  # two by two, the give button as tall as both rows beside them
            # (as wide as its longest word needs, where the choices still fit beside it)
            give_w = max(st.px(GIVE_MIN_W), width // 4, self._least_width(give))
            cw = (inner - give_w - 2 * pad) // 2
            if cw <= 0 or not all(self._label_fits(b, cw) for b in choices) \
                    or not self._label_fits(give, give_w):
                return None
            row = self._button_height(choices, cw, ROW, CHOICE_EXTRA)
            rects = [pygame.Rect(x + (i % 2) * (cw + pad), y + (i // 2) * (row + pad), cw, row)
                     for i in range(4)]
            rects.append(pygame.Rect(x + inner - give_w, y, give_w, 2 * row + pad))
            return rects, 2 * row + pad
        if kind == "row":  # all five in one row
            cw = (inner - 4 * pad) // 5
            if cw <= 0 or not all(self._label_fits(b, cw) for b in [*choices, give]):
                return None
            row = self._button_height([*choices, give], cw, ROW, CHOICE_EXTRA)
            return [pygame.Rect(x + i * (cw + pad), y, cw, row) for i in range(5)], row
        if kind == "grid":  # two by two, the give button under them
            cw = (inner - pad) // 2
            if cw <= 0 or not all(self._label_fits(b, cw) for b in choices) \
                    or not self._label_fits(give, inner):
                return None
            row = self._button_height(choices, cw, ROW, CHOICE_EXTRA)
            give_h = self._button_height([give], inner, MEDICINE_H, MEDICINE_EXTRA)
            rects = [pygame.Rect(x + (i % 2) * (cw + pad), y + (i // 2) * (row + pad), cw, row)
                     for i in range(4)]
            rects.append(pygame.Rect(x, y + 2 * (row + pad), inner, give_h))
            return rects, 2 * (row + pad) + give_h
        # one under the other
        if not all(self._label_fits(b, inner) for b in [*choices, give]):
            return None
        rects, yy = [], y
        for b in [*choices, give]:
            bh = self._button_height([b], inner, MEDICINE_H, MEDICINE_EXTRA)
            rects.append(pygame.Rect(x, yy, inner, bh))
            yy += bh + pad
        return rects, yy - pad - y

    def _place_doses(self, x: int, y: int, width: int, kinds=("side", "row", "grid", "column"),
                     drink: bool = True):
        """The opioid box (its label, the amounts and "Give opioid") and the medicines,
        which come as prescribed, and (``drink``) "A drink"; return the height, or None if
        no arrangement fits."""
        st = self.style
        pad = st.px(PAD)
        inset = st.px(LABEL_GAP)
        inner = width - 2 * pad
        self.amount_label_rect = pygame.Rect(x + pad + inset, y + pad, inner - 2 * inset,
                                             text_height(_("explore.amount"), inner - 2 * inset,
                                                         st.font_small))
        label_h = self.amount_label_rect.height + inset
        for kind in kinds:
            grid = self._amount_grid(kind, x + pad, y + pad + label_h, inner, width)
            if grid is not None:
                break
        else:
            return None
        rects, grid_h = grid
        for button, rect in zip([*self.amount_toggles, self.give_buttons[0]], rects):
            button.rect = rect
        self.opioid_box = pygame.Rect(x, y, width, pad + label_h + grid_h + pad)
        # the medicines: in a row, two to a row, or one under the other (_place_medicines)
        yy = self.opioid_box.bottom + st.px(SECTION_GAP)
        self.medicines_label_rect = pygame.Rect(
            x, yy, width, text_height(_("explore.medicines"), width, st.font_small))
        yy = self.medicines_label_rect.bottom + inset
        medicines = self.give_buttons[1:]
        if not drink:
            bottom = self._place_medicines(x, yy, width)
            return None if bottom is None else bottom - y
        drink = self.drink_button
        # "A drink" at the end of the medicines' row, set apart, where all four fit (the
        # medicines' label then spans the medicines only: a drink is not prescribed)...
        span = width - st.px(DRINK_APART) - pad
        mw = (span - (len(medicines) - 1) * pad) // (len(medicines) + 1)
        if mw > 0 and all(self._label_fits(b, mw) for b in (*medicines, drink)):
            label_w = len(medicines) * mw + (len(medicines) - 1) * pad
            self.medicines_label_rect.width = label_w
            self.medicines_label_rect.height = text_height(_("explore.medicines"), label_w,
                                                           st.font_small)
            yy = self.medicines_label_rect.bottom + inset
            mh = self._button_height((*medicines, drink), mw, MEDICINE_H, MEDICINE_EXTRA)
            for i, button in enumerate(medicines):
                button.rect = pygame.Rect(x + i * (mw + pad), yy, mw, mh)
            drink.rect = pygame.Rect(x + width - mw, yy, mw, mh)
            return yy + mh - y
        # ...else the medicines, and the drink on a row of its own under them
        bottom = self._place_medicines(x, yy, width)
        if bottom is None:
            return None
        # as wide as a medicine two to a row, or as one in a row of three where they are
        # one under the other (a drink is not prescribed: it does not look like them)
        least = medicines[0].rect.width
        if least >= width:
            least = (width - (len(medicines) - 1) * pad) // len(medicines)
        dh = self._place_drink(x, bottom + st.px(SECTION_GAP), width, least)
        return None if dh is None else bottom + st.px(SECTION_GAP) + dh - y

    def _place_medicines(self, x: int, y: int, width: int):
        """The three medicines in a row if their words fit, else two to a row (the pill and
        the injection, naloxone under the pill, as wide) where the layout asks for that
        (``medicines_two_up``), else one under the other; the bottom, or None."""
        pad = self.style.px(PAD)
        medicines = self.give_buttons[1:]
        rows = (len(medicines), 2, 1) if self.medicines_two_up else (len(medicines), 1)
        for per_row in rows:
            mw = (width - (per_row - 1) * pad) // per_row
            if mw > 0 and all(self._label_fits(b, mw) for b in medicines):
                break
        else:
            return None
        top = y
        for first in range(0, len(medicines), per_row):
            row = medicines[first:first + per_row]
            mh = self._button_height(row, mw, MEDICINE_H, MEDICINE_EXTRA)
            for i, button in enumerate(row):
                button.rect = pygame.Rect(x + i * (mw + pad), top, mw, mh)
            top += mh + pad
        return top - pad

    def _place_drink(self, x: int, y: int, width: int, least: int):
        """"A drink" on a row of its own at the start, ``least`` wide if its words fit
        (else the whole ``width``); its height, or None."""
        drink = self.drink_button
        dw = least if least > 0 and self._label_fits(drink, least) else width
        if not self._label_fits(drink, dw):
            return None
        dh = self._button_height([drink], dw, MEDICINE_H, MEDICINE_EXTRA)
        drink.rect = pygame.Rect(x, y, dw, dh)
        return dh

    def _person_min_width(self) -> int:
        """A meter's label and its danger zone's name are one line each: the person's
        column is never narrower than they are."""
        st = self.style
        labels = max(text_width(_(k), st.font_body) for k in self._meter_keys())
        tags = max(text_width(_(k), st.font_small, True)
                   for k in ("meter.danger", "meter.in_danger"))
        return max(labels, tags + st.px(TAG_INSET))

    def _meter_keys(self) -> tuple[str, ...]:
        """The labels of the meters shown: a drink's two readings once one was given."""
        drinks = (tuple(key for key, _v, _c in READINGS)
                  if self.drinks_shown and self.readings_room else ())
        return ("meter.feel_good", "meter.breathing", "meter.withdrawal", *drinks)

    def _place_readings(self, x: int, y: int, width: int) -> int:
        """A drink's two readings, once one was given (``drink_rects``); their height."""
        st = self.style
        self.drink_rects = []
        top = y
        for _reading in READINGS if self.drinks_shown and self.readings_room else ():
            y += st.px(METER_GAP)
            self.drink_rects.append(pygame.Rect(x, y, width, meter_height(st)))
            y += meter_height(st)
        return y - top

    def _cue_room(self, width: int) -> int:
        st = self.style
        return max(cue_height(st, OVERDOSED, width), cue_height(st, IN_WITHDRAWAL, width),
                   cue_height(st, RECOVERED, width, emergency=True))

    def _place_person(self, x: int, y: int, width: int, cue: bool, readings: bool = True):
        """Feel-good, breathing (its danger zone named under it) and withdrawal, then the
        room for a cue (``cue``: else the cue is drawn over the picture); the height."""
        if width < self._person_min_width():
            return None
        st = self.style
        meter_h = meter_height(st)
        self.meter_rects = []
        for after in (st.px(METER_GAP), danger_tag_height(st), 0):
            self.meter_rects.append(pygame.Rect(x, y, width, meter_h))
            y += meter_h + after
        # once a drink was given: its two readings, as meters, under withdrawal (so the
        # first look at Explore is unchanged); on tabs they go with "A drink" instead
        if readings:
            y += self._place_readings(x, y, width)
        self.cue_rect = pygame.Rect(x, y + st.px(METER_GAP), width,
                                    self._cue_room(width) if cue else 0)
        if not cue:
            return y - self.meter_rects[0].top
        return self.cue_rect.bottom - self.meter_rects[0].top

    def _plot_min_height(self, width: int) -> int:
        """The least height the chart needs at ``width`` (the plot measures its own head
        and legend): some lines, PLOT_LINES_MIN tall, under them."""
        plot = self.runner.plot
        names = {s: _(f"species.{s}") for s in plot.species}
        return plot.min_height(self.style, width, _("plot.axis"), names,
                               self.style.px(PLOT_LINES_MIN))

    def _place_pages(self, x: int, y: int, width: int, bottom: int | None = None):
        """Tabs over the doses, the person's meters, the chart and who the person is, which
        take turns in one place; the tabs in one row, else in two. ``bottom``: where the
        pages must end, if known (then "A drink" stays with the doses where it fits)."""
        st = self.style
        n = len(self.page_tabs)
        for per_row in (n, (n + 1) // 2):
            tw = (width - (per_row - 1) * st.gap) // per_row
            if tw > 0 and all(self._label_fits(tab, tw) for tab in self.page_tabs):
                break
        else:
            return None
        th = self._button_height(self.page_tabs, tw, MEDICINE_H, MEDICINE_EXTRA)
        for i, tab in enumerate(self.page_tabs):
            row, col = divmod(i, per_row)
            tab.rect = pygame.Rect(x + col * (tw + st.gap), y + row * (th + st.gap), tw, th)
        rows = (n + per_row - 1) // per_row
        th = rows * th + (rows - 1) * st.gap  # the tabs' whole height
        top = y + th + st.gap
        person = self._place_person(x, top, width, cue=False, readings=False)
        if self._place_doses(x, top, width, drink=False) is None or person is None:
            return None
        # who the person is, and story time passing: a page of their own (the picture's
        # column and the time controls have no room for them)
        people = self._place_people(x, top, width) + st.px(PEOPLE_GAP)
        if not self._label_fits(self.skip, width):
            return None
        skip_h = max(self.skip.height_for(width), self.skip.preferred_size()[1])
        self.skip.rect = pygame.Rect(x, top + people, width, skip_h)
        people += skip_h
        room = None if bottom is None else bottom - top
        page = self._place_drink_on_a_page(x, top, width, person, people, room)
        if page is None:
            return None
        self.plot_rect = pygame.Rect(x, top, width, page)
        return th + st.gap + page

    def _place_drink_on_a_page(self, x: int, top: int, width: int, person: int, people: int,
                               room: int | None = None):
        """On tabs, "A drink" goes with the doses if the pages still fit ``room`` so (it is
        a dose control), else on the page that stays lowest with it: under the meters,
        with the doses, or under who the person is (``drink_page``; the order breaks a
        tie); the pages' height, or None. (Its readings are under the picture then.)"""
        gap = self.style.px(SECTION_GAP)
        half = (width - self.style.px(PAD)) // 2
        doses = self._place_doses(x, top, width, drink=False)
        button = self._place_drink(x, top, width, half)
        if button is None:
            return None
        pages = {"effects": person, "doses": doses, "people": people}
        least = self._plot_min_height(width)

        def height(page: str) -> int:
            return max(least, *(h + (gap + button if p == page else 0) for p, h in pages.items()))

        page = min(pages, key=height)
        if room is not None and height("doses") <= room:
            page = "doses"
        self.drink_page = page  # where the layout put it, for the screen's tabs
        self._place_drink(x, top + pages[page] + gap, width, half)
        return height(page)

    def _place_people(self, x: int, y: int, width: int) -> int:
        """Who the person is: a label over three choices, in a row if their words fit
        (else one under the other); the height. Always shown: it is a control, and the
        hint under it depends on it."""
        st = self.style
        pad = st.px(PAD)
        inset = st.px(LABEL_GAP)
        choices = self.person_toggles
        n = len(choices)
        # the label beside the choices where they all fit so (a row saved), else over them
        label_w = text_width(_("explore.person"), st.font_small) + 2 * inset
        cw = (width - label_w - n * pad) // n
        if cw > 0 and all(self._label_fits(b, cw) for b in choices):
            row = self._button_height(choices, cw, MEDICINE_H, CHOICE_EXTRA)
            lh = line_height(st.font_small)
            self.people_label_rect = pygame.Rect(x, y + (row - lh) // 2, label_w, lh)
            for i, button in enumerate(choices):
                button.rect = pygame.Rect(x + label_w + pad + i * (cw + pad), y, cw, row)
            return row
        self.people_label_rect = pygame.Rect(x, y, width, text_height(_("explore.person"), width,
                                                                      st.font_small))
        top = self.people_label_rect.bottom + inset
        cw = (width - (n - 1) * pad) // n
        if cw > 0 and all(self._label_fits(b, cw) for b in choices):
            row = self._button_height(choices, cw, MEDICINE_H, CHOICE_EXTRA)
            for i, button in enumerate(choices):
                button.rect = pygame.Rect(x + i * (cw + pad), top, cw, row)
            return top + row - y
        yy = top
        for button in choices:
            bh = self._button_height([button], width, MEDICINE_H, CHOICE_EXTRA)
            button.rect = pygame.Rect(x, yy, width, bh)
            yy += bh + pad
        return yy - pad - y

    def _people_height(self, width: int) -> int:
        return self._place_people(0, 0, width) + self.style.px(PEOPLE_GAP)

    def _hint_height(self, width: int) -> int:
        st = self.style
        return max(text_height(_(p.hint), width, st.font_small) for p in self.people)

    def _place_picture(self, x: int, y: int, width: int, height: int, hint: bool,
                       people: bool = True) -> int:
        """The person's choices (``people``: else they are on the doses' page), the hint
        (if shown), the picture ``height`` tall and its legend, and, when the rest take
        turns on tabs (no ``people``), a drink's readings under it, once one was given
        (always in sight, as the picture is); the bottom."""
        st = self.style
        if people:
            y += self._place_people(x, y, width) + st.px(PEOPLE_GAP)
        hint_h = self._hint_height(width) if hint else 0
        self.hint_rect = pygame.Rect(x, y, width, hint_h)
        if hint:
            y = self.hint_rect.bottom + st.px(HINT_GAP)
        self.cleft_rect = pygame.Rect(x, y, width, height)
        self.legend_y = self.cleft_rect.bottom + st.px(LEGEND_GAP)
        bottom = self.legend_y + self._legend_height(width)
        if not people:
            bottom += self._place_readings(x, bottom, width)
        return bottom

    def _legend_height(self, width: int) -> int:
        return text_height(_("explore.receptors"), width, self.style.font_small)

    def _picture_fixed(self, width: int, hint: bool, people: bool = True) -> int:
        """Height the person's choices, the hint and the legend take around a picture
        ``width`` wide."""
        st = self.style
        hint_h = 0
        if hint:
            hint_h = self._hint_height(width) + st.px(HINT_GAP)
        return ((self._people_height(width) if people else self._readings_height())
                + hint_h + st.px(LEGEND_GAP) + self._legend_height(width))

    def _readings_height(self) -> int:
        st = self.style
        if not (self.drinks_shown and self.readings_room):
            return 0
        return len(READINGS) * (st.px(METER_GAP) + meter_height(st))
