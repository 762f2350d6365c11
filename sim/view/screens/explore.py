"""Explore: free play with the receptor model.

Give opioid, naltrexone (pill or injection) or naloxone in three amounts, play,
pause, step, slow down, and watch receptors, meters and the occupancy plot.
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.model import SPECIES_NAMES, Simulation
from sim.view import theme
from sim.view.fonts import line_height, render_text
from sim.view.render.cleft_view import CleftView
from sim.view.screen import Screen
from sim.view.sim_runner import SimRunner
from sim.view.screens.controls import ChoiceButton, WrapButton
from sim.view.screens.panels import draw_person_panel, place_header_buttons
from sim.view.widgets import Button, Dialog, Toggle, WidgetGroup, draw_wrapped

EXPLORE_RECEPTORS = 40
#: the Explore person is used to a usual opioid dose: "a lot" is what endangers them
EXPLORE_TOLERANCE = 0.8
AMOUNTS = (("small", "explore.amount.small"), ("usual", "explore.amount.usual"),
           ("large", "explore.amount.large"))
GIVE = (
    ("opioid", None, "explore.give.opioid"),
    ("naltrexone", "pill", "explore.give.pill"),
    ("naltrexone", "injection", "explore.give.injection"),
    ("naloxone", None, "explore.give.naloxone"),
)


class ExploreScreen(Screen):
    id = "explore"
    title_key = "explore.title"
    blurb_key = "explore.blurb"

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        seed = ctx.seed
        self.runner = SimRunner(
            lambda: Simulation(EXPLORE_RECEPTORS, seed=seed, tolerance=EXPLORE_TOLERANCE,
                               dependence=0.0)
        )
        self.amount = "usual"
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

    def give(self, species: str, route: str | None) -> None:
        self.runner.sim.give(species, self.amount, route)

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
        self.about.close()

    def open_about(self) -> None:
        self.about.layout(self.size)
        self.about.open()

    # ---------------------------------------------------------------- screen
    def layout(self, size) -> None:
        super().layout(size)
        w, h = size
        m, gap = theme.MARGIN, theme.GAP
        header_h = 56
        panel_w = 340 if w < 1100 else 400
        left_w = w - 2 * m - gap - panel_w
        px = w - m - panel_w
        place_header_buttons((self.home, self.about_button), w)
        # bottom bar: time controls and Reset All
        bar_y = h - m - 52
        x = m
        for button in (self.play, self.step, self.slow):
            bw, _bh = button.preferred_size()
            button.rect = pygame.Rect(x, bar_y, max(bw, 110), 52)
            x += button.rect.width + gap
        rw, _rh = self.reset.preferred_size()
        self.reset.rect = pygame.Rect(w - m - rw, bar_y, rw, 52)
        # the picture and the plot on the left
        top = header_h + 16
        self.cleft_rect = pygame.Rect(m, top, left_w, 300)
        self.cleft_view.rect = self.cleft_rect
        self.legend_y = self.cleft_rect.bottom + 4
        plot_top = self.legend_y + line_height(theme.FONT_SMALL) * 2 + 8
        self.plot_rect = pygame.Rect(m, plot_top, left_w, bar_y - gap - plot_top)
        # right panel: dose controls, then meters
        y = top
        self.amount_label_y = y
        y += line_height(theme.FONT_SMALL) + 4
        tw = (panel_w - 2 * gap) // 3
        for i, toggle in enumerate(self.amount_toggles):
            toggle.rect = pygame.Rect(px + i * (tw + gap), y, tw, 52)
        y += 52 + gap
        bw = (panel_w - gap) // 2
        for i, button in enumerate(self.give_buttons):
            r, c = divmod(i, 2)
            button.rect = pygame.Rect(px + c * (bw + gap), y + r * (52 + gap), bw, 52)
        y += 2 * (52 + gap) + 8
        self.meter_rects = []
        meter_h = 60
        for _i in range(3):
            self.meter_rects.append(pygame.Rect(px, y, panel_w, meter_h))
            y += meter_h + 30
        self.cue_rect = pygame.Rect(px, y, panel_w, bar_y - gap - y)
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
        self.cleft_view.draw(surface, sim.cleft)
        draw_wrapped(surface, _("explore.receptors"), (m, self.legend_y), self.cleft_rect.width,
                     theme.FONT_SMALL, t.text_muted)
        names = {s: _(f"species.{s}") for s in SPECIES_NAMES}
        self.runner.plot.draw(surface, self.plot_rect, _("plot.title"), names, _("plot.time"))
        # right panel
        px = self.amount_toggles[0].rect.left
        surface.blit(render_text(_("explore.amount"), theme.FONT_SMALL, t.text_muted),
                     (px, self.amount_label_y))
        draw_person_panel(surface, self.meter_rects, self.cue_rect, sim.person)
        self.group.draw(surface)
        if self.about.is_open:
            self.about.draw(surface)
