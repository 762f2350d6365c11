"""Explore: free play with the receptor model.

Give an opioid in four amounts, naltrexone (pill or injection) as prescribed and
naloxone as a rescue; play, pause, step, slow down, and watch receptors, meters
and the occupancy plot (each dose leaves a mark on it).

Free play must not teach a false lesson (TEACHING B9):

- only the opioid has an amount to choose; naltrexone and naloxone always come
  as one prescribed / rescue dose, so nobody "finds" a naltrexone amount that
  makes any opioid amount safe;
- the amounts go up to "huge" (the override lesson's), and piling on more and
  more opioid over a block must reach the danger zone;
- what is in play is capped (free molecules: ``MAX_FREE`` for opioid doses, a
  little more for medicines so a rescue is never held back; ``MAX_DEPOTS``
  injections) so the screen stays responsive however often a button is pressed.
  The cap is the picture's limit, not the body's, so it lives here and in
  SimRunner, not in the model; it sits high enough that the danger zone stays
  reachable, and the screen says when it holds a dose back.

The layout (where everything goes, for any window and text size) is
``explore_layout.ExploreLayout`` and the blocks it arranges ``explore_blocks.ExploreBlocks``,
both mixed into the screen; this module holds the screen's state, input and drawing.
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.model import SPECIES_NAMES, Simulation, molecule_count
from sim.view.fonts import render_text
from sim.view.render.cleft_view import CleftView
from sim.view.screen import Screen
from sim.view.screens.controls import ChoiceButton, WrapButton
from sim.view.screens.explore_blocks import METER_GAP
from sim.view.screens.explore_layout import (
    CHART_SWITCH,
    CUE_OVER,
    FULL,
    NO_HINT,
    NOTICE_TEXT_X,
    NOTICE_TEXT_Y,
    PAGES,
    PAGES_SHOWN,
    ExploreLayout,
)
from sim.view.screens.panels import CUE_PAD_X, CUE_PAD_Y, draw_person_panel
from sim.view.sim_runner import DoseResult, SimRunner
from sim.view.style import FONT_SMALL
from sim.view.widgets import Button, Dialog, Toggle, WidgetGroup, draw_wrapped

EXPLORE_RECEPTORS = 40
#: the Explore person is used to a usual opioid dose: "a lot" is what endangers them
EXPLORE_TOLERANCE = 0.8
#: the opioid's amounts (the only species with an amount to choose), up to the
#: override lesson's "huge"
AMOUNTS = (("small", "explore.amount.small"), ("usual", "explore.amount.usual"),
           ("large", "explore.amount.large"), ("huge", "explore.amount.huge"))
#: species whose dose the visitor sizes; every other species comes as prescribed
CHOSEN_AMOUNT = ("opioid",)
#: what naltrexone and naloxone always come as (one prescribed / rescue dose)
PRESCRIBED = "usual"
GIVE = (
    ("opioid", None, "explore.give.opioid"),
    ("naltrexone", "pill", "explore.give.pill"),
    ("naltrexone", "injection", "explore.give.injection"),
    ("naloxone", None, "explore.give.naloxone"),
)
#: the most free molecules in the cleft an opioid dose may fill up to: a naltrexone
#: pill and two huge doses at once fit, so breaking through a fresh block stays
#: possible (B9, tests/test_explore.py), and a frame stays near 2 ms at 1280x720.
MAX_FREE = 4000
#: naltrexone and naloxone may fill it further, by two of their doses, so a rescue
#: dose is given in full even when the opioid has filled the cleft (a held-back rescue
#: would teach that naloxone cannot help). About 3 ms a frame at 1280x720.
MAX_FREE_MEDICINES = MAX_FREE + 2 * max(
    molecule_count(s, PRESCRIBED, EXPLORE_RECEPTORS) for s in ("naltrexone", "naloxone"))
#: the most injection depots held at once (each one lasts a story-month)
MAX_DEPOTS = 3
#: model steps the "that's as much as this model can show" notice stays up
NOTICE_STEPS = 40

BOX_BORDER = 2  # the opioid box's and the notices' outline, logical units


class ExploreScreen(ExploreLayout, Screen):
    id = "explore"
    title_key = "explore.title"
    blurb_key = "explore.blurb"

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        seed = ctx.seed
        self.runner = SimRunner(
            lambda: Simulation(EXPLORE_RECEPTORS, seed=seed, tolerance=EXPLORE_TOLERANCE,
                               dependence=0.0),
        )
        self.amount = "usual"
        self.notice_until = -1  # the cap notice shows while sim.steps < this
        self.last_dose: DoseResult | None = None
        self.amount_toggles = [
            ChoiceButton(lambda k=key: _(k), selected=(name == self.amount),
                         on_activate=lambda n=name: self.choose_amount(n), font_size=FONT_SMALL)
            for name, key in AMOUNTS
        ]
        self.give_buttons = [
            WrapButton(lambda k=key: _(k), on_activate=lambda s=sp, r=route: self.give(s, r),
                       font_size=FONT_SMALL)
            for sp, route, key in GIVE
        ]
        # shown only when the layout needs them (small windows, large text)
        self.page = "doses"
        self.page_tabs = [
            ChoiceButton(lambda k=key: _(k), selected=(name == self.page),
                         on_activate=lambda n=name: self.show_page(n), font_size=FONT_SMALL)
            for name, key in (("doses", "explore.page.doses"), ("effects", "explore.page.effects"),
                              ("chart", "explore.chart"))
        ]
        self.chart_switch = Toggle(lambda: _("explore.chart"), on_activate=self._changed)
        self.play = Button(lambda: _("explore.pause") if self.runner.playing else _("explore.play"),
                           on_activate=self.runner.toggle_play)
        self.step = Button(lambda: _("explore.step"), on_activate=self.step_once)
        self.slow = Toggle(lambda: _("explore.speed.slow"), on_activate=self.toggle_speed)
        self.preferences = Button(lambda: _("common.preferences"),
                                  on_activate=lambda: self.ctx.nav.push("preferences"),
                                  font_size=FONT_SMALL)
        self.about_button = Button(lambda: _("common.about"), on_activate=self.open_about,
                                   font_size=FONT_SMALL)
        self.home = Button(lambda: _("common.home"), on_activate=self.ctx.nav.pop,
                           font_size=FONT_SMALL)
        self.reset = Button(lambda: _("explore.reset"), on_activate=self.reset_all)
        # keyboard order: doses first, then time controls, Reset All last (PhET); the
        # group holds those the layout shows (``_show_what_fits``)
        self.widgets = [*self.page_tabs, *self.amount_toggles, *self.give_buttons,
                        self.play, self.step, self.slow, self.chart_switch,
                        self.preferences, self.about_button, self.home, self.reset]
        self.group = WidgetGroup(self.widgets)
        self.about = Dialog(lambda: _("about.title"), lambda: _("about.body"))
        self.cleft_view = CleftView(pygame.Rect(0, 0, 10, 10))
        #: which fallback the layout took (FULL .. NO_HINT) and its arrangement's name
        self.level = FULL
        self.arrangement = ""

    # ---------------------------------------------------------------- actions
    def choose_amount(self, name: str) -> None:
        self.amount = name
        for choice, (n, _key) in zip(self.amount_toggles, AMOUNTS):
            choice.selected = n == name

    def give(self, species: str, route: str | None) -> DoseResult:
        amount = self.amount if species in CHOSEN_AMOUNT else PRESCRIBED
        limit = MAX_FREE if species in CHOSEN_AMOUNT else MAX_FREE_MEDICINES
        dose = self.runner.give(species, amount, route, max_free=limit, max_depots=MAX_DEPOTS)
        self.last_dose = dose
        self.notice_until = self.runner.sim.steps + NOTICE_STEPS if dose.capped else -1
        return dose

    @property
    def cap_notice(self) -> bool:
        """Whether the "as much as this model can show" line is up."""
        return self.runner.sim.steps < self.notice_until

    def step_once(self) -> None:
        self.runner.playing = False
        self.runner.step_once()

    def toggle_speed(self) -> None:
        self.runner.speed = "slow" if self.slow.on else "normal"

    def show_page(self, name: str) -> None:
        """The doses, the person or the chart, when the layout shows them in turn (``PAGES``)."""
        self.page = name
        for tab, shown in zip(self.page_tabs, PAGES_SHOWN):
            tab.selected = shown == name
        self._show_what_fits()
        self.dirty = True

    def _changed(self) -> None:
        self.dirty = True

    def reset_all(self) -> None:
        """Everything back to how the screen opened."""
        self.runner.reset()
        self.runner.speed = "normal"
        self.slow.on = False
        self.chart_switch.on = False
        self.choose_amount("usual")
        self.show_page("doses")
        self.notice_until = -1
        self.last_dose = None
        self.about.close()

    def open_about(self) -> None:
        self.about.layout(self.size, self.style)
        self.about.open()

    # ---------------------------------------------------------------- what is shown
    @property
    def chart_in_picture(self) -> bool:
        """The chart is drawn in the picture's place (the layout had no room for both)."""
        return CHART_SWITCH <= self.level < PAGES and self.chart_switch.on

    @property
    def shows_chart(self) -> bool:
        """The chart has a place of its own now (beside the picture or on its tab)."""
        return self.level == FULL or (self.level >= PAGES and self.page == "chart")

    @property
    def clock_pos(self) -> tuple[int, int]:
        return self.clock_rect.topleft

    @property
    def amount_label_pos(self) -> tuple[int, int]:
        return self.amount_label_rect.topleft

    @property
    def medicines_label_pos(self) -> tuple[int, int]:
        return self.medicines_label_rect.topleft

    @property
    def shows_doses(self) -> bool:
        return self.level < PAGES or self.page == "doses"

    @property
    def shows_person(self) -> bool:
        return self.level < PAGES or self.page == "effects"

    @property
    def hint_shown(self) -> bool:
        return self.level < NO_HINT

    def _show_what_fits(self) -> None:
        """Show the controls the layout has a place for now; only those can be tapped
        or reached with Tab (the group holds only them)."""
        self.chart_switch.visible = CHART_SWITCH <= self.level < PAGES
        for tab in self.page_tabs:
            tab.visible = self.level >= PAGES
        for widget in (*self.amount_toggles, *self.give_buttons):
            widget.visible = self.shows_doses
        for widget in self.widgets:
            if not widget.visible:
                widget.reset_input()
                widget.focused = False
        self.group.widgets = [w for w in self.widgets if w.visible]

    # ---------------------------------------------------------------- layout
    def layout(self, size) -> None:
        super().layout(size)
        for widget in self.widgets:  # those hidden now too: the layout measures them all
            widget.restyle(self.style)
        self.arrange(size)  # ExploreLayout
        self.cleft_view.rect = self.cleft_rect
        self._show_what_fits()
        self.about.layout(size, self.style)

    # ---------------------------------------------------------------- running
    def handle(self, action) -> bool:
        if self.about.is_open:
            return self.about.handle(action) or True
        return self.group.handle(action)

    def update(self, dt: float) -> None:
        if self.runner.update(dt):
            self.dirty = True

    @property
    def animating(self) -> bool:
        return self.runner.playing and not self.about.is_open

    # ---------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        surface.fill(t.background)
        sim = self.runner.sim
        if self.title_shown:
            surface.blit(render_text(_("explore.title"), st.font_large, t.text, True),
                         self.title_pos)
        day, hour = self.runner.story_time()
        clip = surface.get_clip()
        surface.set_clip(self.clock_rect.clip(clip))  # a clock past day 888 stays in its room
        clock = render_text(_("explore.clock").format(day=day, hour=hour), st.font_body,
                            t.text_muted)
        surface.blit(clock, (st.start_x(self.clock_rect, clock.get_width()), self.clock_rect.top))
        surface.set_clip(clip)
        if self.hint_shown:
            draw_wrapped(surface, st, _("explore.hint"), self.hint_rect.topleft,
                         self.hint_rect.width, st.font_small, t.text, align=st.align_start)
        names = {s: _(f"species.{s}") for s in SPECIES_NAMES}
        if self.chart_in_picture:
            self._draw_plot(surface, names)
        else:
            self.cleft_view.draw(surface, st, sim.cleft, alpha=self.runner.step_fraction,
                                 step=sim.steps)
            draw_wrapped(surface, st, _("explore.receptors"), (self.cleft_rect.left, self.legend_y),
                         self.cleft_rect.width, st.font_small, t.text_muted,
                         align=st.align_start)
            if self.shows_chart:
                self._draw_plot(surface, names)
        if self.cap_notice:
            self._draw_notice(surface)
        self._draw_cue_over_picture(surface, sim.person)
        if self.shows_doses:
            box = self.opioid_box
            pygame.draw.rect(surface, t.panel, box, border_radius=st.corner_radius)
            pygame.draw.rect(surface, t.panel_border, box, width=st.px(BOX_BORDER),
                             border_radius=st.corner_radius)
            r = self.amount_label_rect
            draw_wrapped(surface, st, _("explore.amount"), r.topleft, r.width, st.font_small,
                         t.text, align=st.align_start)
            r = self.medicines_label_rect
            draw_wrapped(surface, st, _("explore.medicines"), r.topleft, r.width, st.font_small,
                         t.text_muted, align=st.align_start)
        if self.shows_person:
            self._draw_person(surface, sim.person)
        self.group.draw(surface)
        if self.about.is_open:
            self.about.draw(surface)

    def _draw_plot(self, surface: pygame.Surface, names) -> None:
        self.runner.plot.draw(surface, self.style, self.plot_rect, _("plot.axis"), names,
                              _("plot.time"), _("plot.marks"))

    def _draw_person(self, surface: pygame.Surface, person) -> None:
        if self.level < CUE_OVER:
            draw_person_panel(surface, self.style, self.meter_rects, self.cue_rect, person)
            return
        # the cue is drawn over the picture: only the meters (and the danger zone's name) here
        st = self.style
        meters = self.meter_rects[0].unionall(self.meter_rects[1:])
        edge = st.px(METER_GAP) // 2  # a meter's alarm border stands a little outside it
        clip = surface.get_clip()
        surface.set_clip(meters.inflate(2 * edge, 2 * edge).clip(clip))
        draw_person_panel(surface, st, self.meter_rects, self.cue_rect, person)
        surface.set_clip(clip)


    def _draw_notice(self, surface: pygame.Surface) -> None:
        """Over the top of the picture: the cap held a dose back (it is not the body's limit)."""
        st = self.style
        t = st.colours
        box = self.notice_rect()
        pygame.draw.rect(surface, t.panel, box, border_radius=st.corner_radius)
        pygame.draw.rect(surface, t.warning, box, width=st.px(BOX_BORDER),
                         border_radius=st.corner_radius)
        draw_wrapped(surface, st, _("explore.cap"),
                     (box.left + st.px(NOTICE_TEXT_X), box.top + st.px(NOTICE_TEXT_Y)),
                     box.width - 2 * st.px(NOTICE_TEXT_X), st.font_small, t.text,
                     align=st.align_start)


    def _draw_cue_over_picture(self, surface: pygame.Surface, person) -> None:
        """TEACHING 5: the emergency cue (steady, high contrast) or withdrawal's list."""
        r = self.cue_over_rect(person)
        if r is None:
            return
        st = self.style
        t = st.colours
        if person.overdose:
            pad_x, pad_y = st.px(CUE_PAD_X), st.px(CUE_PAD_Y)
            pygame.draw.rect(surface, t.danger, r, border_radius=st.corner_radius)
            draw_wrapped(surface, st, _("cue.overdose"), (r.left + pad_x, r.top + pad_y),
                         r.width - 2 * pad_x, st.font_body, t.background, bold=True,
                         align=st.align_start)
        else:
            text_x, text_y = st.px(NOTICE_TEXT_X), st.px(NOTICE_TEXT_Y)
            pygame.draw.rect(surface, t.panel, r, border_radius=st.corner_radius)
            pygame.draw.rect(surface, t.warning, r, width=st.px(BOX_BORDER),
                             border_radius=st.corner_radius)
            draw_wrapped(surface, st, _("cue.withdrawal"), (r.left + text_x, r.top + text_y),
                         r.width - 2 * text_x, st.font_small, t.text, align=st.align_start)
