"""What a person sees, outside the lesson screens: tests that fail when it breaks.

Each test drives the real app (``App(AppConfig(headless=True, ...))``, real pygame
events at window coordinates, or the ``blockade`` command line in-process) and then
looks at the PICTURE: pixels sampled at rects the screens lay out, compared with the
theme's colours, and text found by rendering the expected catalog string with the
bundled font and searching the canvas for it. Model state is read only to know what
the picture should show (where a molecule is, how full a meter should be).

Every test here was checked by breaking the behaviour once on purpose (Explore ignoring
the chosen amount, the overdose cue or the molecules not drawn, ``--lang`` or
``--profile`` not reaching the app, ...) and watching it fail.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from sim import i18n
from sim.app.app import STEP, App
from sim.app.cli import main
from sim.model.cleft import FREE
from sim.model.simulation import molecule_count
from sim.model.species import SPECIES_ID, STEPS_PER_HOUR
from sim.view import fonts, theme
from sim.view.style import FONT_BODY, FONT_LARGE, FONT_SMALL, FONT_TITLE, MARGIN
from sim.view.fonts import render_text
from sim.view.screens.explore import AMOUNTS, EXPLORE_RECEPTORS, GIVE
from sim.view.widgets import wrap_text

SEED = 1234
SIZE = (1280, 720)  # the viewport is the identity here: window pixels == canvas pixels
OPIOID = SPECIES_ID["opioid"]
#: Explore's give buttons, by what they give
GIVE_INDEX = {f"{sp}-{route}" if route else sp: i for i, (sp, route, _k) in enumerate(GIVE)}
#: Explore's opioid amounts (only the opioid has amounts; tests/test_explore.py checks
#: that naltrexone and naloxone come as prescribed whatever is chosen here)
AMOUNT_INDEX = {name: i for i, (name, _key) in enumerate(AMOUNTS)}


# ---------------------------------------------------------------------------- fixtures


def shutdown() -> None:
    pygame.quit()
    fonts.clear_caches()


@pytest.fixture
def explore(make_app):
    app = make_app()
    screen = app.stack.push("explore")
    app.render()
    return app, screen


# ---------------------------------------------------------------------------- input


def to_window(app: App, pos) -> tuple[int, int]:
    """Layouts are placed in window pixels: a widget's centre is where to click."""
    return (round(pos[0]), round(pos[1]))


def mouse(app: App, kind, pos) -> None:
    if kind == pygame.MOUSEMOTION:
        event = pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
    else:
        event = pygame.event.Event(kind, pos=pos, button=1, touch=False)
    app.handle_event(event)


def tap_widget(app: App, widget) -> None:
    pos = to_window(app, widget.rect.center)
    for kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        mouse(app, kind, pos)


def key(app: App, k) -> None:
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))


def point_away(app: App) -> None:
    """Move the mouse onto no control (so no hover highlight is in the picture)."""
    mouse(app, pygame.MOUSEMOTION, to_window(app, (MARGIN // 2, 8)))


def frame(app: App) -> pygame.Surface:
    """Draw the top screen now and return the window's pixels."""
    app.stack.top.dirty = True
    app.render()
    return app.window


# ---------------------------------------------------------------------------- pixels


def rgb(colour) -> tuple[int, int, int]:
    return tuple(colour[:3])


def pixel(surface: pygame.Surface, pos) -> tuple[int, int, int]:
    return rgb(surface.get_at((int(pos[0]), int(pos[1]))))


def area(surface: pygame.Surface, rect: pygame.Rect) -> np.ndarray:
    """The pixels of ``rect`` as an array indexed [x, y, channel] (a copy)."""
    rect = pygame.Rect(rect).clip(surface.get_rect())
    return pygame.surfarray.array3d(surface.subsurface(rect)).copy()


def count_colour(surface: pygame.Surface, rect: pygame.Rect, colour) -> int:
    return int((area(surface, rect) == np.array(rgb(colour))).all(axis=2).sum())


def widest_run(surface: pygame.Surface, rect: pygame.Rect, colour) -> int:
    """The most pixels of exactly ``colour`` in any one row of ``rect``."""
    hits = (area(surface, rect) == np.array(rgb(colour))).all(axis=2)
    return int(hits.sum(axis=0).max()) if hits.size else 0


def _keys(pixels: np.ndarray) -> np.ndarray:
    pixels = pixels.astype(np.int64)
    return (pixels[..., 0] << 16) | (pixels[..., 1] << 8) | pixels[..., 2]


def find_text(surface: pygame.Surface, text: str, size: int, colour, bold: bool = False,
              background=None) -> list[tuple[int, int]]:
    """Every top-left position where ``text`` is drawn exactly as the app draws it
    (bundled font, ``size``, ``colour``) on a plain ``background``."""
    background = theme.DARK.background if background is None else background
    image = render_text(text, size, tuple(colour), bold)
    template = pygame.Surface(image.get_size())
    template.fill(rgb(background))
    template.blit(image, (0, 0))
    tmpl = _keys(pygame.surfarray.array3d(template))
    canvas = _keys(pygame.surfarray.array3d(surface))
    ink = np.argwhere(tmpl != _keys(np.array(rgb(background))))
    if not len(ink):
        return []
    # anchor the search on the template's rarest colour in the canvas: few candidates
    values, counts = np.unique(canvas, return_counts=True)
    ink_keys = tmpl[ink[:, 0], ink[:, 1]]
    where = np.searchsorted(values, ink_keys)
    where = np.minimum(where, len(values) - 1)
    found = values[where] == ink_keys
    if not found.all():
        return []  # a colour of the text is nowhere in the picture
    tx, ty = ink[int(np.argmin(counts[where]))]
    w, h = tmpl.shape
    hits = []
    for cx, cy in np.argwhere(canvas == tmpl[tx, ty]):
        x, y = cx - tx, cy - ty
        if 0 <= x and 0 <= y and x + w <= canvas.shape[0] and y + h <= canvas.shape[1]:
            if np.array_equal(canvas[x:x + w, y:y + h], tmpl):
                hits.append((int(x), int(y)))
    return hits


def es(msgid: str) -> str:
    return i18n.catalog("es")[msgid]


def en(msgid: str) -> str:
    return i18n.catalog("en")[msgid]


# ---------------------------------------------------------------------------- --lang


def test_find_text_finds_what_is_drawn_and_nothing_else():
    """Guards the guard: the text search must find text drawn and miss other text."""
    pygame.font.init()
    try:
        t = theme.DARK
        canvas = pygame.Surface((400, 120))
        canvas.fill(t.background)
        canvas.blit(render_text("Explorar", FONT_LARGE, t.text, True), (37, 21))
        assert find_text(canvas, "Explorar", FONT_LARGE, t.text, True) == [(37, 21)]
        assert find_text(canvas, "Explore", FONT_LARGE, t.text, True) == []
        assert find_text(canvas, "Explorar", FONT_BODY, t.text, True) == []
    finally:
        shutdown()


def test_an_app_started_in_spanish_draws_spanish(make_app):
    app = make_app(lang="es")
    assert i18n.language() == "es"  # AppConfig.lang reached i18n
    screen = app.stack.push("explore")
    canvas = frame(app)
    t = app.style.colours
    title_at = (MARGIN, 16)
    assert find_text(canvas, es("explore.title"), FONT_LARGE, t.text, True) == [title_at]
    assert not find_text(canvas, en("explore.title"), FONT_LARGE, t.text, True)
    assert screen.play.text == es("explore.pause")
    assert [b.text for b in screen.amount_toggles] == [
        es(f"explore.amount.{a}") for a in AMOUNT_INDEX]


def test_the_home_screen_started_in_spanish_is_the_spanish_home_screen(make_app):
    """Started with lang "es", home looks exactly like an English home switched to Spanish,
    and not like the English one; the Spanish subtitle from the catalog is drawn."""
    started_es = frame(make_app(lang="es")).copy()
    shutdown()
    app = make_app(lang="en")
    english = frame(app).copy()
    app.set_language("es")
    switched = frame(app).copy()
    assert pygame.image.tobytes(started_es, "RGB") == pygame.image.tobytes(switched, "RGB")
    assert pygame.image.tobytes(started_es, "RGB") != pygame.image.tobytes(english, "RGB")
    assert text_anywhere(started_es, es("app.subtitle"))
    assert not text_anywhere(started_es, en("app.subtitle"))
    assert text_anywhere(english, en("app.subtitle"))


def text_anywhere(surface: pygame.Surface, text: str) -> bool:
    """``text`` drawn on the background in any of the theme's sizes and text colours."""
    t = theme.DARK
    return any(
        find_text(surface, text, size, colour, bold)
        for size in (FONT_SMALL, FONT_BODY, FONT_LARGE, FONT_TITLE)
        for colour in (t.text, t.text_muted)
        for bold in (False, True)
    )


def cli_png(tmp_path: Path, name: str, *argv: str) -> pygame.Surface:
    """``blockade --screenshot`` in-process; the PNG it wrote, loaded."""
    target = tmp_path / f"{name}.png"
    try:
        status = main(["--screenshot", str(target), *argv])
    finally:
        shutdown()
    assert status == 0
    return pygame.image.load(str(target))


@pytest.fixture
def cli_globals():
    """--screenshot sets the language and colours and ends with pygame.quit()."""
    yield
    shutdown()
    i18n.set_language("en")


def test_cli_lang_es_draws_spanish(tmp_path, cli_globals):
    shot_en = cli_png(tmp_path, "en", "--screen", "explore", "--seed", "3", "--frames", "0")
    shot_es = cli_png(tmp_path, "es", "--screen", "explore", "--seed", "3", "--frames", "0",
                      "--lang", "es")
    pygame.font.init()
    t = theme.get_theme("dark")
    title_at = (MARGIN, 16)
    assert find_text(shot_es, es("explore.title"), FONT_LARGE, t.text, True) == [title_at]
    assert find_text(shot_en, en("explore.title"), FONT_LARGE, t.text, True) == [title_at]
    assert not find_text(shot_es, en("explore.title"), FONT_LARGE, t.text, True)


def test_cli_lang_es_home_is_the_apps_spanish_home(tmp_path, make_app, cli_globals):
    """`blockade --screenshot --lang es` writes exactly what the app draws in Spanish."""
    shot_es = cli_png(tmp_path, "es", "--frames", "0", "--lang", "es")
    shot_en = cli_png(tmp_path, "en", "--frames", "0")
    i18n.set_language("en")
    expected = make_app(lang="es").snapshot()
    assert shot_es.get_size() == expected.get_size() == SIZE
    assert pygame.image.tobytes(shot_es, "RGB") == pygame.image.tobytes(expected, "RGB")
    assert pygame.image.tobytes(shot_en, "RGB") != pygame.image.tobytes(expected, "RGB")


# ---------------------------------------------------------------------------- --profile


def explore_samples(surface: pygame.Surface, screen) -> dict[str, tuple]:
    """Colours at places Explore fills with one theme role."""
    cleft = screen.cleft_rect
    return {
        "background": pixel(surface, (2, 2)),
        "background_right": pixel(surface, (surface.get_width() - 3, 2)),
        "cleft_background": pixel(surface, (cleft.left + 12, cleft.top + 3)),
        "panel": pixel(surface, (screen.plot_rect.left + 3, screen.plot_rect.centery)),
    }


@pytest.mark.parametrize("profile", ["dark", "projector"])
def test_the_profile_chosen_at_start_colours_the_screens(make_app, profile):
    other = "dark" if profile == "projector" else "projector"
    make_app(profile=other)  # an app started before must not matter
    shutdown()
    app = make_app(profile=profile)
    assert app.prefs.profile == app.style.colours.name == profile
    t, o = theme.get_theme(profile), theme.get_theme(other)
    home = frame(app)
    assert pixel(home, (2, 2)) == rgb(t.background) != rgb(o.background)
    screen = app.stack.push("explore")
    samples = explore_samples(frame(app), screen)
    assert samples == {
        "background": rgb(t.background),
        "background_right": rgb(t.background),
        "cleft_background": rgb(t.cleft_background),
        "panel": rgb(t.panel),
    }


@pytest.mark.parametrize("screen_id", ["home", "explore"])
def test_cli_profile_projector_draws_projector_colours(tmp_path, make_app, cli_globals,
                                                       screen_id):
    dark = cli_png(tmp_path, "dark", "--screen", screen_id, "--frames", "0", "--seed", "3")
    light = cli_png(tmp_path, "light", "--screen", screen_id, "--frames", "0", "--seed", "3",
                    "--profile", "projector")
    for shot, name in ((dark, "dark"), (light, "projector")):
        t = theme.get_theme(name)
        assert pixel(shot, (2, 2)) == rgb(t.background), name
        assert pixel(shot, (shot.get_width() - 3, shot.get_height() - 3)) == rgb(t.background)
    if screen_id == "explore":
        for shot, name in ((dark, "dark"), (light, "projector")):
            # the projector's larger text moves things: each shot with its own layout
            screen = make_app(profile=name).stack.push("explore")
            t = theme.get_theme(name)
            assert explore_samples(shot, screen)["cleft_background"] == rgb(t.cleft_background)
            assert explore_samples(shot, screen)["panel"] == rgb(t.panel)
            shutdown()


def choose_profile(app: App, name: str) -> None:
    """Open Preferences from the screen on top, pick the colour profile, close it."""
    top = app.stack.top
    opener = getattr(top, "preferences", None)
    if opener is not None:
        tap_widget(app, opener)
    else:
        key(app, pygame.K_F1)  # (a screen without its own button) F1 is the help;
        key(app, pygame.K_ESCAPE)
        app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_COMMA,
                                            mod=pygame.KMOD_LCTRL, unicode=",", scancode=0))
    prefs = app.stack.top
    assert prefs.id == "preferences"
    tap_widget(app, prefs.profiles[list(theme.PROFILES).index(name)])
    tap_widget(app, prefs.close)
    assert app.stack.top is top


def test_the_preferences_recolour_home_and_explore(make_app):
    app = make_app()
    frame(app)
    choose_profile(app, "projector")
    assert pixel(frame(app), (2, 2)) == rgb(theme.PROJECTOR.background)
    screen = app.stack.push("explore")
    assert explore_samples(frame(app), screen)["cleft_background"] == rgb(
        theme.PROJECTOR.cleft_background)
    choose_profile(app, "high-contrast")
    assert explore_samples(frame(app), screen)["cleft_background"] == rgb(
        theme.HIGH_CONTRAST.cleft_background)
    tap_widget(app, screen.home)
    choose_profile(app, "dark")
    assert pixel(frame(app), (2, 2)) == rgb(theme.DARK.background)


# ---------------------------------------------------------------------------- amounts


def given(sim, species: str) -> int:
    """Molecules of ``species`` the model holds now: free, bound and (naltrexone) depot."""
    i = SPECIES_ID[species]
    total = int(sim.cleft.free_counts()[i] + sim.cleft.bound_counts()[i])
    if species == "naltrexone":
        total += sim.cleft.depot_total()
    return total


def test_the_chosen_amount_is_what_is_given(make_app):
    """Tap an amount, then the opioid button: that amount of opioid arrives."""
    species = "opioid"
    added = {}
    for amount, index in AMOUNT_INDEX.items():
        app = make_app()
        screen = app.stack.push("explore")
        frame(app)
        tap_widget(app, screen.amount_toggles[index])
        assert screen.amount_toggles[index].text == en(f"explore.amount.{amount}")
        sim = screen.runner.sim
        before = given(sim, species)
        tap_widget(app, screen.give_buttons[GIVE_INDEX["opioid"]])
        added[amount] = given(sim, species) - before
        shutdown()
    assert added["small"] < added["usual"] < added["large"] < added["huge"], added
    assert added == {a: molecule_count(species, a, EXPLORE_RECEPTORS) for a in added}


def test_switching_amounts_on_one_screen(explore):
    app, screen = explore
    sim = screen.runner.sim
    opioid = screen.give_buttons[GIVE_INDEX["opioid"]]
    counts = [int(sim.cleft.free_counts()[OPIOID])]
    for amount in ("small", "large", "huge", "small", "usual"):
        tap_widget(app, screen.amount_toggles[AMOUNT_INDEX[amount]])
        tap_widget(app, opioid)
        counts.append(int(sim.cleft.free_counts()[OPIOID]))
    added = np.diff(counts).tolist()
    assert added == [molecule_count("opioid", a, EXPLORE_RECEPTORS)
                     for a in ("small", "large", "huge", "small", "usual")]


def test_the_chosen_amount_is_drawn_selected(explore):
    app, screen = explore
    accent = app.style.colours.accent
    for amount, index in AMOUNT_INDEX.items():
        tap_widget(app, screen.amount_toggles[index])
        point_away(app)
        canvas = frame(app)
        filled = [count_colour(canvas, t.rect, accent) for t in screen.amount_toggles]
        chosen = screen.amount_toggles[index].rect
        assert filled[index] > 0.3 * chosen.width * chosen.height, (amount, filled)
        assert all(f == 0 for i, f in enumerate(filled) if i != index), (amount, filled)


# ---------------------------------------------------------------------------- overdose cue


def cue_line(person_text: str, width: int) -> str:
    return wrap_text(person_text, width - 24, FONT_BODY, True)[0]


def assert_cue(canvas, screen, shown: bool) -> None:
    t = screen.style.colours
    r = screen.cue_rect
    danger = count_colour(canvas, r, t.danger)
    line = cue_line(i18n._("cue.overdose"), r.width)
    at = find_text(canvas, line, FONT_BODY, t.background, True, background=t.danger)
    if shown:
        assert danger > 0.4 * r.width * r.height, "the emergency cue box is not drawn"
        assert at == [(r.left + 12, r.top + 10)], "the emergency cue text is not drawn"
    else:
        assert danger == 0, "an emergency cue is drawn while breathing is normal"
        assert at == []


def step_until(app, screen, condition, limit: int = 80) -> None:
    """Tap Step (one model step per tap) until ``condition()``."""
    for _ in range(limit):
        if condition():
            return
        tap_widget(app, screen.step)
    assert condition(), "the model never got there"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_overdose_cue_is_drawn_in_the_danger_zone_only(make_app, lang):
    app = make_app(lang=lang)
    screen = app.stack.push("explore")
    person = screen.runner.sim.person
    assert_cue(frame(app), screen, shown=False)
    tap_widget(app, screen.amount_toggles[AMOUNT_INDEX["usual"]])
    tap_widget(app, screen.give_buttons[GIVE_INDEX["opioid"]])
    for _ in range(20):  # a usual dose for this person: the cue shows only if breathing fails
        tap_widget(app, screen.step)
        point_away(app)
        assert_cue(frame(app), screen, shown=person.overdose)
    tap_widget(app, screen.amount_toggles[AMOUNT_INDEX["large"]])
    tap_widget(app, screen.give_buttons[GIVE_INDEX["opioid"]])
    step_until(app, screen, lambda: person.overdose)
    point_away(app)
    assert_cue(frame(app), screen, shown=True)
    # naloxone pushes the opioid off: breathing recovers and the cue goes away
    tap_widget(app, screen.give_buttons[GIVE_INDEX["naloxone"]])
    step_until(app, screen, lambda: not person.overdose)
    point_away(app)
    assert_cue(frame(app), screen, shown=False)


# ---------------------------------------------------------------------------- molecules


def molecule_centre(screen, cleft, i: int) -> tuple[int, int]:
    sx, sy, membrane_y = screen.cleft_view.geometry(cleft)
    return (round(screen.cleft_rect.left + cleft.x[i] * sx),
            round(membrane_y - 2 - cleft.y[i] * sy))


def shows(canvas, centre, colour) -> bool:
    """``colour`` at or right next to ``centre`` (sprites are rounded to whole pixels)."""
    x, y = centre
    return count_colour(canvas, pygame.Rect(x - 1, y - 1, 3, 3), colour) > 0


def free_area(screen, cleft) -> pygame.Rect:
    """The cleft above the receptors (bound molecules sit on the membrane)."""
    _sx, _sy, membrane_y = screen.cleft_view.geometry(cleft)
    r = screen.cleft_rect
    return pygame.Rect(r.left, r.top, r.width, membrane_y - 24 - r.top)


@pytest.mark.parametrize("give, species", [("opioid", "opioid"),
                                           ("naltrexone-pill", "naltrexone"),
                                           ("naloxone", "naloxone")])
@pytest.mark.parametrize("profile", ["dark", "projector"])
def test_molecules_are_drawn_where_the_model_has_them(make_app, give, species, profile):
    app = make_app(profile=profile)
    screen = app.stack.push("explore")
    colour = app.style.colours.species[species]
    cleft = screen.runner.sim.cleft
    tap_widget(app, screen.play)  # pause: the picture is checked against this model state
    point_away(app)
    canvas = frame(app)
    assert count_colour(canvas, screen.cleft_rect, colour) == 0, "drawn but not given"
    tap_widget(app, screen.give_buttons[GIVE_INDEX[give]])
    for steps in (0, 3):
        for _ in range(steps):
            tap_widget(app, screen.step)
        point_away(app)
        canvas = frame(app)
        mine = np.flatnonzero(cleft.kind == SPECIES_ID[species])
        assert len(mine) > 20
        seen = sum(shows(canvas, molecule_centre(screen, cleft, i), colour) for i in mine)
        # a few may hide under molecules drawn after them
        assert seen >= 0.8 * len(mine), f"{seen} of {len(mine)} {species} molecules drawn"
        assert count_colour(canvas, free_area(screen, cleft), colour) > 10 * len(mine) // 2


def receptor_sample(screen, cleft, i: int) -> tuple[int, int]:
    """A point inside receptor ``i``'s cup, below the molecule sitting on it."""
    sx, _sy, membrane_y = screen.cleft_view.geometry(cleft)
    return (round(screen.cleft_rect.left + (i + 0.5) * sx), int(membrane_y) + 5)


def assert_receptors_drawn(canvas, screen, cleft) -> set[str]:
    th = screen.style.colours
    efficacy = cleft.table["efficacy"]
    expected = {"empty": rgb(th.membrane), "lit": rgb(th.receptor_on),
                "dark": rgb(th.receptor_blocked)}
    states = set()
    for i, kind in enumerate(cleft.receptor_kind.tolist()):
        state = "empty" if kind == FREE else ("lit" if efficacy[kind] > 0 else "dark")
        states.add(state)
        got = pixel(canvas, receptor_sample(screen, cleft, i))
        assert got == expected[state], (i, state, got)
    return states


@pytest.mark.parametrize("profile", ["dark", "projector"])
def test_receptors_are_drawn_lit_dark_or_empty_as_the_model_says(make_app, profile):
    app = make_app(profile=profile)
    screen = app.stack.push("explore")
    cleft = screen.runner.sim.cleft
    tap_widget(app, screen.play)
    seen = assert_receptors_drawn(frame(app), screen, cleft)
    tap_widget(app, screen.give_buttons[GIVE_INDEX["opioid"]])
    step_until(app, screen, lambda: (cleft.bound_counts()[OPIOID] > 5))
    point_away(app)
    seen |= assert_receptors_drawn(frame(app), screen, cleft)
    assert "lit" in seen
    tap_widget(app, screen.give_buttons[GIVE_INDEX["naloxone"]])
    step_until(app, screen, lambda: cleft.bound_counts()[SPECIES_ID["naloxone"]] > 5)
    point_away(app)
    seen |= assert_receptors_drawn(frame(app), screen, cleft)
    assert seen == {"empty", "lit", "dark"}


# ---------------------------------------------------------------------------- meters


def meter_fill(canvas, rect, colour) -> int:
    return widest_run(canvas, rect, colour)


def assert_meters_show(canvas, screen, person) -> None:
    t = screen.style.colours
    feel, breath, _withdrawal = screen.meter_rects
    for rect, colour, level, name in ((feel, t.good, person.euphoria, "feel-good"),
                                      (breath, t.accent, person.breathing, "breathing")):
        expected = max(6, int(rect.width * min(1.0, max(0.0, level))))
        got = meter_fill(canvas, rect, colour)
        # the marker line and the track's border cover a few pixels of the fill
        assert expected - 10 <= got <= expected, (name, level, expected, got)


def test_the_meters_follow_the_person(explore):
    app, screen = explore
    person = screen.runner.sim.person
    tap_widget(app, screen.play)
    point_away(app)
    assert_meters_show(frame(app), screen, person)
    assert person.breathing > 0.9 and person.euphoria < 0.1
    tap_widget(app, screen.amount_toggles[AMOUNT_INDEX["large"]])
    tap_widget(app, screen.give_buttons[GIVE_INDEX["opioid"]])
    for _ in range(4):
        for _ in range(4):
            tap_widget(app, screen.step)
        point_away(app)
        assert_meters_show(frame(app), screen, person)
    assert person.euphoria > 0.3 and person.breathing < 0.7  # the meters really moved


# ---------------------------------------------------------------------------- plot, clock


def test_the_plot_draws_the_opioid_on_the_receptors(explore):
    app, screen = explore
    colour = app.style.colours.species["opioid"]
    tap_widget(app, screen.play)
    point_away(app)
    legend_only = count_colour(frame(app), screen.plot_rect, colour)
    assert legend_only > 0  # the legend's opioid circle
    tap_widget(app, screen.give_buttons[GIVE_INDEX["opioid"]])
    step_until(app, screen, lambda: screen.runner.sim.cleft.bound_counts()[OPIOID] > 8)
    for _ in range(10):
        tap_widget(app, screen.step)
    point_away(app)
    assert count_colour(frame(app), screen.plot_rect, colour) > legend_only + 30


def test_the_clock_shows_the_story_time(explore):
    app, screen = explore
    t = app.style.colours

    def clock_text() -> str:
        day, hour = screen.runner.story_time()
        return i18n._("explore.clock").format(day=day, hour=hour)

    tap_widget(app, screen.play)
    point_away(app)
    start = clock_text()
    assert find_text(frame(app), start, FONT_BODY, t.text_muted)
    for _ in range(3 * STEPS_PER_HOUR):
        tap_widget(app, screen.step)
    later = clock_text()
    assert later != start
    point_away(app)
    canvas = frame(app)
    assert find_text(canvas, later, FONT_BODY, t.text_muted)
    assert not find_text(canvas, start, FONT_BODY, t.text_muted)


# ---------------------------------------------------------------------------- reset, about


def test_reset_all_restores_the_picture(explore):
    app, screen = explore
    point_away(app)
    start = frame(app).copy()
    tap_widget(app, screen.amount_toggles[AMOUNT_INDEX["large"]])
    tap_widget(app, screen.give_buttons[GIVE_INDEX["opioid"]])
    tap_widget(app, screen.give_buttons[GIVE_INDEX["naltrexone-injection"]])
    tap_widget(app, screen.slow)
    for _ in range(240):
        app.update(STEP)
    tap_widget(app, screen.play)  # pause
    point_away(app)
    assert pygame.image.tobytes(frame(app), "RGB") != pygame.image.tobytes(start, "RGB")
    tap_widget(app, screen.reset)
    point_away(app)
    after = frame(app)
    diff = (area(after, after.get_rect()) != area(start, start.get_rect())).any(axis=2)
    if diff.any():
        xs, ys = np.nonzero(diff)
        pytest.fail(f"{diff.sum()} pixels differ after Reset All, within "
                    f"x {xs.min()}..{xs.max()}, y {ys.min()}..{ys.max()}")


def test_the_about_dialog_is_drawn_and_goes_away(explore):
    app, screen = explore
    t = app.style.colours
    tap_widget(app, screen.play)
    point_away(app)
    assert pixel(frame(app), (2, 2)) == rgb(t.background)
    tap_widget(app, screen.about_button)
    point_away(app)
    canvas = frame(app)
    assert pixel(canvas, (2, 2)) != rgb(t.background)  # the scrim darkens the screen
    assert find_text(canvas, i18n._("about.title"), FONT_LARGE, t.text, True,
                     background=t.panel)
    key(app, pygame.K_ESCAPE)
    canvas = frame(app)
    assert pixel(canvas, (2, 2)) == rgb(t.background)
    assert not find_text(canvas, i18n._("about.title"), FONT_LARGE, t.text, True,
                         background=t.panel)


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1080, 1920), (800, 600)],
                         ids=str)
def test_text_is_rendered_at_the_windows_own_pixels(make_app, size):
    """The home title is drawn exactly as the bundled font renders it at the window's
    pixel size, where the layout put it: not a small canvas enlarged (blurred) or shrunk."""
    from sim.view.screens.home import HEADER_TOP

    app = make_app(size=size)
    shot = frame(app)
    style = app.style
    t = style.colours
    at = (style.margin, style.px(HEADER_TOP))
    assert find_text(shot, en("app.title"), style.font_title, t.text, True,
                     background=t.background) == [at]
