"""Explore: free play with the receptor model.

Choose who the person is, give an opioid in four amounts, naltrexone (pill or
injection) as prescribed, naloxone as a rescue, and a drink; play, pause, step, slow
down, skip to tomorrow, and watch receptors, meters and the occupancy plot (each dose
leaves a mark on it).

Free play must not teach a false lesson (TEACHING B9); the rules that see to it are in
``rules`` (who the person is, the prescription, each species' room in the picture, the
emergency cue that stays, a drink with an opioid). Only the opioid has an
amount to choose; the amounts go up to "huge" (the override lesson's), and piling on
more and more opioid over any block reaches the danger zone. A drink's two readings
and the words on a drink with an opioid are drawn by ``drinks``.

The layout (where everything goes, for any window and text size) is
``layout.ExploreLayout`` and the blocks it arranges ``blocks.ExploreBlocks``,
both mixed into the screen; this module holds the screen's state, input and drawing.
"""

from __future__ import annotations

import pygame

from sim.i18n import _, about_words
from sim.model import SPECIES_NAMES, STEPS_PER_DAY
from sim.view.fonts import render_text
from sim.view.render.cleft_view import CleftView
from sim.view.preferences import LARGEST_IN_PICTURES
from sim.view.screen import Screen
from sim.view.screens.controls import ChoiceButton, WrapButton
from sim.view.screens.explore.blocks import BUTTON_LINES, METER_GAP
from sim.view.screens.explore.drinks import draw_readings, draw_words_box
from sim.view.screens.explore.layout import (
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
from sim.view.screens.explore.rules import (
    DRINK,
    DRINK_WITH_OPIOID,
    FIRST_PERSON,
    ONE_DRINK,
    PEOPLE,
    PERSON,
    PRESCRIBED,
    RESCUE,
    ROOM,
    Emergency,
    Prescription,
    build_simulation,
    dose_size,
    drink_refusal,
    drink_with_opioid,
)
from sim.view.screens.panels import CUE_PAD_X, CUE_PAD_Y, draw_person_panel, overdose_cue_key
from sim.view.sim_runner import DoseResult, SimRunner
from sim.view.style import FONT_SMALL
from sim.view.widgets import Button, Dialog, Toggle, WidgetGroup, draw_wrapped, wrap_text

__all__ = ["AMOUNTS", "GIVE", "NOTICE_STEPS", "NOT_RESCUE", "NOT_RESCUE_SHORT",
           "ExploreScreen"]

#: the opioid's amounts (the only species with an amount to choose), up to the
#: override lesson's "huge"
AMOUNTS = (("small", "explore.amount.small"), ("usual", "explore.amount.usual"),
           ("large", "explore.amount.large"), ("huge", "explore.amount.huge"))
#: species whose dose the visitor sizes; every other species comes as prescribed
CHOSEN_AMOUNT = ("opioid",)
GIVE = (
    ("opioid", None, "explore.give.opioid"),
    ("naltrexone", "pill", "explore.give.pill"),
    ("naltrexone", "injection", "explore.give.injection"),
    ("naloxone", None, "explore.give.naloxone"),
)
#: what the pill and injection buttons say while the emergency cue is up (M11): the
#: first where it fits, else the second
NOT_RESCUE = "explore.give.not_rescue"
NOT_RESCUE_SHORT = "explore.give.not_rescue_short"
#: model steps a notice (a dose cut or held back, the next dose's time) stays up
NOTICE_STEPS = 40

BOX_BORDER = 2  # the opioid box's and the notices' outline, logical units


class ExploreScreen(ExploreLayout, Screen):
    people = PEOPLE  # who the visitor can choose (the layout measures every hint)
    id = "explore"
    title_key = "explore.title"
    largest_text_size = LARGEST_IN_PICTURES  # the picture keeps its room
    blurb_key = "explore.blurb"

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        self.seed = ctx.seed
        self.person_id = FIRST_PERSON
        self.runner = SimRunner(lambda: build_simulation(self.person_id, self.seed))
        self.runner.after_step.append(self._after_step)
        self.emergency = Emergency()
        self.prescription = Prescription()
        self.amount = "usual"
        self.notice_key = ""  # the notice over the picture (msgid), shown while...
        self.notice_until = -1  # ...sim.steps < this
        self.last_dose: DoseResult | None = None
        self.person_toggles = [
            ChoiceButton(lambda k=p.label: _(k), selected=(p.id == self.person_id),
                         on_activate=lambda n=p.id: self.choose_person(n), font_size=FONT_SMALL)
            for p in PEOPLE
        ]
        self.amount_toggles = [
            ChoiceButton(lambda k=key: _(k), selected=(name == self.amount),
                         on_activate=lambda n=name: self.choose_amount(n), font_size=FONT_SMALL)
            for name, key in AMOUNTS
        ]
        self.give_buttons = []
        for i, (sp, route, key) in enumerate(GIVE):
            button = WrapButton(lambda k=key, r=route, i=i: self._give_label(k, r, i),
                                on_activate=lambda s=sp, r=route: self.give(s, r),
                                font_size=FONT_SMALL)
            # the labels the layout gives room to (the longer "not a rescue" words are
            # shown where they fit, ``_give_label``), so nothing moves when one changes
            button.texts = (lambda k=key, r=route: (_(k), _(NOT_RESCUE_SHORT)) if r else (_(k),))
            self.give_buttons.append(button)
        # one usual drink a press (TEACHING T11, B9): its readings show once one is given
        self.drink_button = WrapButton(lambda: _("explore.give.drink"),
                                       on_activate=self.give_drink, font_size=FONT_SMALL)
        self.drinks_shown = False
        self.mix_with_cue = True  # the layout's choices (``ExploreLayout.arrange``)
        self.readings_room = True
        self.drink_rects: list[pygame.Rect] = []
        #: the tab "A drink" is on when the layout has tabs (the layout chooses it)
        self.drink_page = "doses"
        # shown only when the layout needs them (small windows, large text)
        self.page = "doses"
        self.page_tabs = [
            ChoiceButton(lambda k=key: _(k), selected=(name == self.page),
                         on_activate=lambda n=name: self.show_page(n), font_size=FONT_SMALL)
            for name, key in (("doses", "explore.page.doses"), ("effects", "explore.page.effects"),
                              ("chart", "explore.chart"), ("people", "explore.page.person"))
        ]
        self.chart_switch = Toggle(lambda: _("explore.chart"), on_activate=self._changed)
        self.play = Button(lambda: _("explore.pause") if self.runner.playing else _("explore.play"),
                           on_activate=self.runner.toggle_play)
        self.step = Button(lambda: _("explore.step"), on_activate=self.step_once)
        self.slow = Toggle(lambda: _("explore.speed.slow"), on_activate=self.toggle_speed)
        # (a WrapButton: on the person's tab it may take two lines; one in the time controls)
        self.skip = WrapButton(lambda: _("explore.skip_day"), on_activate=self.skip_to_tomorrow)
        self.preferences = Button(lambda: _("common.preferences"),
                                  on_activate=lambda: self.ctx.nav.push("preferences"),
                                  font_size=FONT_SMALL)
        self.about_button = Button(lambda: _("common.about"), on_activate=self.open_about,
                                   font_size=FONT_SMALL)
        self.home = Button(lambda: _("common.home"), on_activate=self.ctx.nav.pop,
                           font_size=FONT_SMALL)
        self.reset = Button(lambda: _("explore.reset"), on_activate=self.reset_all)
        # keyboard order: the person, the doses, then time controls, Reset All last
        # (PhET); the group holds those the layout shows (``_show_what_fits``)
        self.widgets = [*self.page_tabs, *self.person_toggles, *self.amount_toggles,
                        *self.give_buttons, self.drink_button, self.play, self.step,
                        self.slow, self.skip, self.chart_switch, self.preferences,
                        self.about_button, self.home, self.reset]
        self.group = WidgetGroup(self.widgets)
        self.about = Dialog(lambda: _("about.title"), lambda: about_words("about.body"),
                            speak=ctx.read_aloud, voice_status=ctx.voice_status,
                            stop_reading=ctx.stop_reading)
        self.cleft_view = CleftView(pygame.Rect(0, 0, 10, 10))
        #: which fallback the layout took (FULL .. NO_HINT) and its arrangement's name
        self.level = FULL
        self.arrangement = ""

    # ---------------------------------------------------------------- actions
    def choose_amount(self, name: str) -> None:
        self.amount = name
        for choice, (n, _key) in zip(self.amount_toggles, AMOUNTS):
            choice.selected = n == name

    def choose_person(self, person_id: str) -> None:
        """Someone else: the run starts again with them (the amount and time controls stay)."""
        self.person_id = person_id
        for choice, person in zip(self.person_toggles, PEOPLE):
            choice.selected = person.id == person_id
        self._restart()
        self.dirty = True

    @property
    def person(self):
        """Who the person is (``rules.Person``)."""
        return PERSON[self.person_id]

    @property
    def emergency_showing(self) -> bool:
        """The emergency cue is up: breathing is in the danger zone, or has been since
        naloxone was last given (M12)."""
        return self.emergency.showing(self.runner.sim.person.overdose)

    def _give_label(self, key: str, route: str | None, index: int) -> str:
        # M11: while the cue is up, the pill and the injection say what helps instead:
        # "give naloxone, call for help" where those words fit the button whole, else
        # "not a rescue" (the cue beside it says what to do)
        if route is None or not self.emergency_showing:
            return _(key)
        button = self.give_buttons[index]
        words = _(NOT_RESCUE)
        lines = wrap_text(words, button.label_width(), button.font_px, button.bold)
        if len(lines) <= BUTTON_LINES and " ".join(lines).split() == words.split():
            return words
        return _(NOT_RESCUE_SHORT)

    def give(self, species: str, route: str | None) -> DoseResult:
        sim = self.runner.sim
        now = sim.steps
        notice = ""
        if species == "naltrexone":
            refusal = "explore.not_rescue" if self.emergency_showing else \
                self.prescription.refusal(route, now)
            if refusal:  # not now: nothing is given, the words say why
                dose = DoseResult(species, dose_size(species, PRESCRIBED, route), 0)
                notice = refusal
            else:
                dose = self.runner.give(species, PRESCRIBED, route)
                self.prescription.given(route, now)
        else:
            amount = self.amount if species in CHOSEN_AMOUNT else RESCUE
            dose = self.runner.give(species, amount, route, room=ROOM[species])
            if dose.capped:
                notice = "explore.cap"
            if species == "naloxone" and dose.given:
                self.emergency.naloxone(now)
        self.last_dose = dose
        self.notice_key = notice
        self.notice_until = now + NOTICE_STEPS if notice else -1
        self.dirty = True
        return dose

    def give_drink(self) -> DoseResult:
        """One usual drink (no amount to choose). Naltrexone never holds it back: it dulls
        the reward and causes no reaction (M9). Only the picture's room for drinks still
        being absorbed does, and says so. The first drink brings its two readings in."""
        sim = self.runner.sim
        notice = drink_refusal(sim) or ""
        given = 0 if notice else 1
        if given:
            sim.give(DRINK, ONE_DRINK)
        self.last_dose = DoseResult(DRINK, 1, given)
        self.notice_key = notice
        self.notice_until = sim.steps + NOTICE_STEPS if notice else -1
        if given and not self.drinks_shown:
            self.drinks_shown = True
            self.layout(self.size)  # room for the readings (the layout may fall back)
        self.dirty = True
        return self.last_dose

    @property
    def mix_showing(self) -> bool:
        """The words on a drink with an opioid are up: both are in the body now (the
        picture leaves out alcohol's own slowing of breathing)."""
        return drink_with_opioid(self.runner.sim)

    @property
    def notice_showing(self) -> bool:
        """Whether a notice (a dose cut or held back, when the next one is due) is up."""
        return bool(self.notice_key) and self.runner.sim.steps < self.notice_until

    @property
    def cap_notice(self) -> bool:
        """Whether the "as much as this model can show" line is up."""
        return self.notice_showing and self.notice_key == "explore.cap"

    def _after_step(self, sim) -> None:
        self.emergency.after_step(sim.steps, sim.person.overdose)

    def skip_to_tomorrow(self) -> None:
        """Story time: a whole story-day passes (a chunk per frame, so the window stays
        responsive); a pill taken now is due again when it ends."""
        if not self.runner.skipping:
            self.runner.skip(STEPS_PER_DAY)
            self.skip.enabled = False
        self.dirty = True

    def step_once(self) -> None:
        self.runner.playing = False
        self.runner.step_once()

    def toggle_speed(self) -> None:
        self.runner.speed = "slow" if self.slow.on else "normal"

    def show_page(self, name: str) -> None:
        """The doses, the person's meters, the chart or who the person is (and story time),
        when the layout shows them in turn (``PAGES``)."""
        self.page = name
        for tab, shown in zip(self.page_tabs, PAGES_SHOWN):
            tab.selected = shown == name
        self._show_what_fits()
        self.dirty = True

    def _changed(self) -> None:
        self.dirty = True

    def _restart(self) -> None:
        """The same person from the start: a fresh run, no doses given, no cue."""
        self.runner.reset()
        self.emergency = Emergency()
        self.prescription = Prescription()
        self.notice_key = ""
        self.notice_until = -1
        self.last_dose = None
        if self.drinks_shown:  # the readings go with the run they belong to
            self.drinks_shown = False
            self.layout(self.size)

    def reset_all(self) -> None:
        """Everything back to how the screen opened (the first person too)."""
        self.person_id = FIRST_PERSON
        for choice, person in zip(self.person_toggles, PEOPLE):
            choice.selected = person.id == FIRST_PERSON
        self._restart()
        self.runner.speed = "normal"
        self.slow.on = False
        self.chart_switch.on = False
        self.choose_amount("usual")
        self.show_page("doses")
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

    def page_shown(self, name: str) -> bool:
        """What page ``name`` holds is shown now (all of them when there are no tabs)."""
        return self.level < PAGES or self.page == name

    @property
    def shows_doses(self) -> bool:
        return self.level < PAGES or self.page == "doses"

    @property
    def shows_people(self) -> bool:
        """The person's choices are shown (always, except when the layout's tabs show
        another page than theirs)."""
        return self.level < PAGES or self.page == "people"

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
        self.drink_button.visible = self.page_shown(self.drink_page)
        for widget in (*self.person_toggles, self.skip):  # with tabs: on the person's page
            widget.visible = self.shows_people
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
        # one story-day at a time: a press during a skip would only pile up days
        self.skip.enabled = not self.runner.skipping

    @property
    def animating(self) -> bool:
        return (self.runner.playing or bool(self.runner.skipping)) and not self.about.is_open

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
            draw_wrapped(surface, st, _(self.person.hint), self.hint_rect.topleft,
                         self.hint_rect.width, st.font_small, t.text, align=st.align_start)
        if self.shows_people:
            r = self.people_label_rect
            draw_wrapped(surface, st, _("explore.person"), r.topleft, r.width, st.font_small,
                         t.text, align=st.align_start)
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
        if self.mix_drawn:
            draw_words_box(surface, st, self.mix_rect(), _(DRINK_WITH_OPIOID))
        if self.notice_drawn:
            draw_words_box(surface, st, self.notice_rect(self.notice_key), _(self.notice_key))
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
        # with the meters, or on tabs under the picture: always in sight once placed
        draw_readings(surface, st, self.drink_rects, sim.drinking)
        self.group.draw(surface)
        if self.about.is_open:
            self.about.draw(surface)

    def _draw_plot(self, surface: pygame.Surface, names) -> None:
        self.runner.plot.draw(surface, self.style, self.plot_rect, _("plot.axis"), names,
                              _("plot.time"), _("plot.marks"))

    def _draw_person(self, surface: pygame.Surface, person) -> None:
        if self.level < CUE_OVER:
            draw_person_panel(surface, self.style, self.meter_rects, self.cue_rect, person,
                              emergency=self.emergency_showing)
            return
        # the cue is drawn over the picture: only the meters (and the danger zone's name) here
        st = self.style
        meters = self.meter_rects[0].unionall(self.meter_rects[1:])
        edge = st.px(METER_GAP) // 2  # a meter's alarm border stands a little outside it
        clip = surface.get_clip()
        surface.set_clip(meters.inflate(2 * edge, 2 * edge).clip(clip))
        draw_person_panel(surface, st, self.meter_rects, self.cue_rect, person)
        surface.set_clip(clip)

    def _draw_cue_over_picture(self, surface: pygame.Surface, person) -> None:
        """TEACHING 5: the emergency cue (steady, high contrast) or withdrawal's list."""
        r = self.cue_over_rect(person)
        if r is None:
            return
        st = self.style
        t = st.colours
        key = overdose_cue_key(person, self.emergency_showing)
        if key:
            pad_x, pad_y = st.px(CUE_PAD_X), st.px(CUE_PAD_Y)
            pygame.draw.rect(surface, t.danger, r, border_radius=st.corner_radius)
            draw_wrapped(surface, st, _(key), (r.left + pad_x, r.top + pad_y),
                         r.width - 2 * pad_x, st.font_body, t.background, bold=True,
                         align=st.align_start)
        else:
            text_x, text_y = st.px(NOTICE_TEXT_X), st.px(NOTICE_TEXT_Y)
            pygame.draw.rect(surface, t.panel, r, border_radius=st.corner_radius)
            pygame.draw.rect(surface, t.warning, r, width=st.px(BOX_BORDER),
                             border_radius=st.corner_radius)
            draw_wrapped(surface, st, _("cue.withdrawal"), (r.left + text_x, r.top + text_y),
                         r.width - 2 * text_x, st.font_small, t.text, align=st.align_start)
