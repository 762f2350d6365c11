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
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.model import SPECIES_NAMES, Simulation, molecule_count
from sim.view import theme
from sim.view.fonts import line_height, render_text, text_width
from sim.view.render.cleft_view import CleftView
from sim.view.screen import Screen
from sim.view.sim_runner import DoseResult, SimRunner
from sim.view.screens.controls import ChoiceButton, WrapButton
from sim.view.screens.panels import draw_person_panel, place_header_buttons
from sim.view.widgets import Button, Dialog, Toggle, WidgetGroup, draw_wrapped, text_height

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

ROW = 56  # a row of amount choices (two lines of text clear the chosen one's double border)
PAD = 6  # inside the opioid box


class ExploreScreen(Screen):
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
                         on_activate=lambda n=name: self.choose_amount(n),
                         font_size=theme.FONT_SMALL)
            for name, key in AMOUNTS
        ]
        self.give_buttons = [
            WrapButton(lambda k=key: _(k), on_activate=lambda s=sp, r=route: self.give(s, r),
                       font_size=theme.FONT_SMALL)
            for sp, route, key in GIVE
        ]
        self.play = Button(lambda: _("explore.pause") if self.runner.playing else _("explore.play"),
                           on_activate=self.runner.toggle_play)
        self.step = Button(lambda: _("explore.step"), on_activate=self.step_once)
        self.slow = Toggle(lambda: _("explore.speed.slow"), on_activate=self.toggle_speed)
        self.about_button = Button(lambda: _("common.about"), on_activate=self.open_about,
                                   font_size=theme.FONT_SMALL)
        self.home = Button(lambda: _("common.home"), on_activate=self.ctx.nav.pop,
                           font_size=theme.FONT_SMALL)
        self.reset = Button(lambda: _("explore.reset"), on_activate=self.reset_all)
        # keyboard order: doses first, then time controls, Reset All last (PhET)
        self.group = WidgetGroup([*self.amount_toggles, *self.give_buttons, self.play,
                                  self.step, self.slow, self.about_button, self.home, self.reset])
        self.about = Dialog(lambda: _("about.title"), lambda: _("about.body"))
        self.cleft_view = CleftView(pygame.Rect(0, 0, 10, 10))

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

    def reset_all(self) -> None:
        """Everything back to how the screen opened."""
        self.runner.reset()
        self.runner.speed = "normal"
        self.slow.on = False
        self.choose_amount("usual")
        self.notice_until = -1
        self.last_dose = None
        self.about.close()

    def open_about(self) -> None:
        self.about.layout(self.size)
        self.about.open()

    # ---------------------------------------------------------------- screen
    def layout(self, size) -> None:
        super().layout(size)
        w, h = size
        m, gap = theme.MARGIN, theme.GAP
        small = line_height(theme.FONT_SMALL)
        panel_w = 360 if w < 1100 else 400
        left_w = w - 2 * m - gap - panel_w
        px = w - m - panel_w
        place_header_buttons((self.home, self.about_button), w)
        # bottom bar: time controls and Reset All
        bar_y = h - m - 52
        x = m
        for button in (self.play, self.step, self.slow):
            bw, _bh = button.preferred_size()
            if button is self.play:  # wide enough for "Play" and "Pause" alike
                bw = max(text_width(_(k), button.font_size, button.bold)
                         for k in ("explore.play", "explore.pause")) + 2 * theme.PADDING
            button.rect = pygame.Rect(x, bar_y, max(bw, 110), 52)
            x += button.rect.width + gap
        rw, _rh = self.reset.preferred_size()
        self.reset.rect = pygame.Rect(w - m - rw, bar_y, rw, 52)
        bottom = bar_y - gap
        # left: what to try, the picture, its legend, the plot
        self.hint_rect = pygame.Rect(m, 64, left_w, text_height(_("explore.hint"), left_w,
                                                                 theme.FONT_SMALL))
        top = self.hint_rect.bottom + 6
        legend_h = text_height(_("explore.receptors"), left_w, theme.FONT_SMALL)
        plot_min = 210
        cleft_h = max(180, min(300, bottom - top - legend_h - 8 - plot_min))
        self.cleft_rect = pygame.Rect(m, top, left_w, cleft_h)
        self.cleft_view.rect = self.cleft_rect
        self.legend_y = self.cleft_rect.bottom + 4
        plot_top = self.legend_y + legend_h + 4
        self.plot_rect = pygame.Rect(m, plot_top, left_w, bottom - plot_top)
        # right: the opioid box (its amount and its button belong together)...
        y = 72
        self.opioid_box = pygame.Rect(px, y, panel_w, 0)
        self.amount_label_pos = (px + PAD + 2, y + PAD)
        y += PAD + small + 2
        give_w = max(96, panel_w // 4)
        inner = panel_w - 2 * PAD
        cw = (inner - give_w - 2 * PAD) // 2
        for i, toggle in enumerate(self.amount_toggles):
            r, c = divmod(i, 2)
            toggle.rect = pygame.Rect(px + PAD + c * (cw + PAD), y + r * (ROW + PAD), cw, ROW)
        opioid, *medicines = self.give_buttons
        opioid.rect = pygame.Rect(px + panel_w - PAD - give_w, y, give_w, 2 * ROW + PAD)
        y += 2 * ROW + PAD + PAD
        self.opioid_box.height = y - self.opioid_box.top
        # ...then the medicines, which come as prescribed (no amount to choose)
        y += 6
        self.medicines_label_pos = (px, y)
        y += small + 2
        mw = (panel_w - (len(medicines) - 1) * PAD) // len(medicines)
        for i, button in enumerate(medicines):
            button.rect = pygame.Rect(px + i * (mw + PAD), y, mw, 52)
        y += 52 + 10
        # the person: meters (the breathing meter names its danger zone under it), cues
        self.meter_rects = []
        meter_h = 52
        for after in (6, 26, 6):
            self.meter_rects.append(pygame.Rect(px, y, panel_w, meter_h))
            y += meter_h + after
        self.cue_rect = pygame.Rect(px, y, panel_w, bottom - y)
        self.about.layout(size)

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

    def draw(self, surface: pygame.Surface) -> None:
        t = theme.theme()
        surface.fill(t.background)
        m = theme.MARGIN
        sim = self.runner.sim
        title = render_text(_("explore.title"), theme.FONT_LARGE, t.text, True)
        surface.blit(title, (m, 16))
        day, hour = self.runner.story_time()
        clock = render_text(_("explore.clock").format(day=day, hour=hour), theme.FONT_BODY,
                            t.text_muted)
        surface.blit(clock, (m + title.get_width() + 24, 16 + (title.get_height() - clock.get_height()) // 2))
        draw_wrapped(surface, _("explore.hint"), self.hint_rect.topleft, self.hint_rect.width,
                     theme.FONT_SMALL, t.text)
        self.cleft_view.draw(surface, sim.cleft)
        if self.cap_notice:
            self._draw_notice(surface)
        draw_wrapped(surface, _("explore.receptors"), (m, self.legend_y), self.cleft_rect.width,
                     theme.FONT_SMALL, t.text_muted)
        names = {s: _(f"species.{s}") for s in SPECIES_NAMES}
        self.runner.plot.draw(surface, self.plot_rect, _("plot.axis"), names, _("plot.time"),
                              _("plot.marks"))
        # right panel: the opioid box, the medicines, the person
        box = self.opioid_box.inflate(0, 0)
        pygame.draw.rect(surface, t.panel, box, border_radius=theme.CORNER_RADIUS)
        pygame.draw.rect(surface, t.panel_border, box, width=2, border_radius=theme.CORNER_RADIUS)
        surface.blit(render_text(_("explore.amount"), theme.FONT_SMALL, t.text),
                     self.amount_label_pos)
        surface.blit(render_text(_("explore.medicines"), theme.FONT_SMALL, t.text_muted),
                     self.medicines_label_pos)
        draw_person_panel(surface, self.meter_rects, self.cue_rect, sim.person)
        self.group.draw(surface)
        if self.about.is_open:
            self.about.draw(surface)

    def notice_rect(self) -> pygame.Rect:
        r = self.cleft_rect
        width = r.width - 16
        return pygame.Rect(r.left + 8, r.top + 8, width,
                           text_height(_("explore.cap"), width - 20, theme.FONT_SMALL) + 12)

    def _draw_notice(self, surface: pygame.Surface) -> None:
        """Over the top of the picture: the cap held a dose back (it is not the body's limit)."""
        t = theme.theme()
        box = self.notice_rect()
        pygame.draw.rect(surface, t.panel, box, border_radius=theme.CORNER_RADIUS)
        pygame.draw.rect(surface, t.warning, box, width=2, border_radius=theme.CORNER_RADIUS)
        draw_wrapped(surface, _("explore.cap"), (box.left + 10, box.top + 6), box.width - 20,
                     theme.FONT_SMALL, t.text)
