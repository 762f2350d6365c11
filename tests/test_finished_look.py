"""A finished look (issue 9, item 5): the cleft drawn as a synapse, and molecules that
glide between model steps without ever flying across the picture.

The renderer is called directly on plain Surfaces with hand-built Styles and clefts
(no app, no window), so each test says exactly what it puts in and what must be drawn.
The home tiles' pictures are tested in tests/test_tile_pictures.py.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame
import pytest

from sim.model import Simulation
from sim.model.cleft import FREE, Cleft
from sim.model.species import SPECIES_ID, SPECIES_NAMES
from sim.view.render import cleft_view
from sim.view.render.cleft_view import CleftView, Motion, cell_colour, match_previous
from sim.view.render.shapes import molecule_sprite
from sim.view.sim_runner import SimRunner
from sim.view.style import Style
from sim.view.theme import PROFILES, get_theme

RECEPTORS = 40
OPIOID = SPECIES_ID["opioid"]
NALTREXONE = SPECIES_ID["naltrexone"]
SCALES = [1.0, 1.5, 3.0]


pytestmark = pytest.mark.usefixtures("fonts_ready")  # (tests/conftest.py)


def style_for(profile: str = "dark", scale: float = 1.0, **changes) -> Style:
    colours = get_theme(profile)
    return replace(Style(colours=colours, scale=scale, text_scale=colours.text_boost), **changes)


def cleft_with(x, y, kinds, receptors: int = RECEPTORS) -> Cleft:
    cleft = Cleft(receptors, np.random.default_rng(0))
    cleft.x = np.array(x, dtype=float)
    cleft.y = np.array(y, dtype=float)
    cleft.kind = np.array(kinds, dtype=np.int8)
    return cleft


def view_for(style: Style, size=(800, 360)) -> tuple[pygame.Surface, CleftView]:
    w, h = round(size[0] * style.scale), round(size[1] * style.scale)
    surface = pygame.Surface((w + 20, h + 20))
    surface.fill(style.colours.background)
    return surface, CleftView(pygame.Rect(10, 10, w, h))


def is_colour(surface: pygame.Surface, colour) -> np.ndarray:
    """[x, y] booleans: where ``surface`` is exactly ``colour``."""
    pixels = pygame.surfarray.pixels3d(surface)
    try:
        return np.all(pixels == np.array(colour[:3], dtype=pixels.dtype), axis=2)
    finally:
        del pixels


def contrast(a, b) -> float:
    def lum(c):
        ch = [v / 255 for v in c[:3]]
        ch = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]

    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def drawn_centre(view: CleftView, cleft, style: Style, x: float, y: float) -> tuple[int, int]:
    sx, sy, membrane_y = view.geometry(cleft, style)
    return (round(view.rect.left + x * sx),
            round(membrane_y - style.px(cleft_view.LIFT) - y * sy))


def shows(surface, centre, colour, reach: int = 1) -> bool:
    x, y = centre
    box = surface.subsurface(pygame.Rect(x - reach, y - reach, 2 * reach + 1, 2 * reach + 1))
    return bool(is_colour(box, colour).any())


# ------------------------------------------------------------------------ the synapse

def a_row_at(height: float, kind: int = OPIOID, n: int = 30) -> Cleft:
    """Free molecules all across the cleft at one height (in cleft units)."""
    xs = (np.arange(n) + 0.5) * RECEPTORS / n
    return cleft_with(xs, np.full(n, height), np.full(n, kind))


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("profile", PROFILES)
def test_the_nerve_ending_is_above_the_molecules_and_the_membrane_below(profile, scale):
    """The sending nerve ending (its inside, in the cell colour, and its membrane) is drawn
    wholly above the highest molecules; the receiving membrane wholly below the lowest."""
    style = style_for(profile, scale)
    th = style.colours
    inside = cell_colour(style)
    species = th.species["opioid"]
    for where in ("top", "bottom"):
        cleft = a_row_at(cleft_with([], [], []).height if where == "top" else 0.0)
        surface, view = view_for(style)
        view.draw(surface, style, cleft)
        areas = view.areas(cleft, style)
        ys_mol = np.nonzero(is_colour(surface, species).any(axis=0))[0]
        assert ys_mol.size, "no molecules drawn"
        cell = is_colour(surface, inside)
        # the nerve ending: drawn (its inside shows), and all of it above the molecules
        ending = cell[:, view.rect.top:areas.gap.top]
        assert ending.sum() > 0.2 * view.rect.width * areas.terminal.height, "no nerve ending"
        ys_cell_above = np.nonzero(cell[:, :areas.gap.top + 1].any(axis=0))[0]
        assert ys_cell_above.max() < ys_mol.min(), where
        assert areas.terminal.bottom <= areas.molecules.top
        # the receiving membrane: a band across the whole picture, below the molecules
        membrane = is_colour(surface, th.membrane)
        rows = membrane[view.rect.left:view.rect.right].mean(axis=0)
        full_rows = np.nonzero(rows > 0.5)[0]
        assert full_rows.size and full_rows.min() >= areas.membrane.top, where
        if where == "bottom":
            # a molecule on the floor may touch the cups' tops, never sink past them
            assert ys_mol.max() < areas.membrane.top + view.radius(cleft, style) + \
                2 * style.outline_width + 2
        else:
            assert ys_mol.max() < areas.membrane.top
        # and the receiving cell's inside under it, in the same colour as the ending's
        assert cell[:, areas.cell.top:areas.cell.bottom].any() or areas.cell.height == 0


@pytest.mark.parametrize("profile", PROFILES)
def test_the_synapse_is_not_a_black_box_and_its_parts_read(profile):
    """Between the cells the gap keeps the molecules' own background (their contrast is
    tested in test_theme); each cell's edge (its membrane) stands out from the gap as a
    line does (3:1), and a cell's name stands out from its inside as text does (4.5:1)."""
    style = style_for(profile, 1.5)
    th = style.colours
    assert contrast(th.membrane, th.cleft_background) >= 3.0
    assert contrast(th.text_muted, cell_colour(style)) >= 4.5
    assert contrast(cell_colour(style), th.cleft_background) >= 1.3  # the ending shows as a body
    cleft = cleft_with([], [], [])
    surface, view = view_for(style)
    view.draw(surface, style, cleft)
    terminal = view.areas(cleft, style).terminal
    band = surface.subsurface(terminal)
    gap_only = is_colour(band, th.cleft_background).mean()
    assert gap_only < 0.6, "the top of the picture is empty: no nerve ending"
    # vesicles: small round sacs inside the ending (their own tint), a row of them
    sac = cleft_view.mix(cell_colour(style), th.cleft_background, cleft_view.VESICLE_TINT)
    sacs = is_colour(band, sac)
    assert sacs.sum() > 0.02 * terminal.width * terminal.height
    columns = np.nonzero(sacs.any(axis=1))[0]
    assert columns.max() - columns.min() > terminal.width // 3, "vesicles across the ending"


def test_the_cells_are_named_where_a_line_fits_in_the_language_shown():
    from sim import i18n

    style = style_for("dark", 1.5)
    cleft = cleft_with([], [], [])
    sending, receiving = i18n._("cleft.sending"), i18n._("cleft.receiving")
    assert sending != "cleft.sending" and receiving != "cleft.receiving"
    drawn = []
    real = cleft_view.render_text
    cleft_view.render_text = lambda text, *a, **k: drawn.append(text) or real(text, *a, **k)
    try:
        surface, view = view_for(style, (800, 440))
        view.draw(surface, style, cleft)
    finally:
        cleft_view.render_text = real
    assert sending in drawn and receiving in drawn


@pytest.mark.parametrize("profile", PROFILES)
def test_receptors_read_lit_dark_or_open_on_the_synapse(profile):
    """The receptor states read as before: a lit cup, a dark cup, an open one (membrane
    inside the U)."""
    style = style_for(profile, 1.0)
    th = style.colours
    cleft = cleft_with([], [], [])
    cleft.receptor_kind[:] = FREE
    cleft.receptor_kind[3] = OPIOID
    cleft.receptor_kind[7] = NALTREXONE
    surface, view = view_for(style)
    view.draw(surface, style, cleft)
    sx, _sy, membrane_y = view.geometry(cleft, style)

    def sample(i):
        return tuple(surface.get_at((round(view.rect.left + (i + 0.5) * sx),
                                     int(membrane_y) + 5)))[:3]

    assert sample(3) == th.receptor_on[:3]
    assert sample(7) == th.receptor_blocked[:3]
    assert sample(5) == th.membrane[:3]


def test_the_still_parts_are_drawn_once_per_size_and_style(monkeypatch):
    """The synapse's still parts are one cached picture: not repainted per frame, repainted
    when the size, the profile or the language changes."""
    painted = []
    real = CleftView._paint_background
    monkeypatch.setattr(CleftView, "_paint_background",
                        lambda self, *a: painted.append(1) or real(self, *a))
    style = style_for("dark", 3.0)
    cleft = a_row_at(2.0)
    surface, view = view_for(style)
    for _ in range(5):
        view.draw(surface, style, cleft)
    assert len(painted) == 1
    view.draw(surface, style_for("projector", 3.0), cleft)
    assert len(painted) == 2
    view.rect = view.rect.inflate(-20, -20)
    view.draw(surface, style_for("projector", 3.0), cleft)
    assert len(painted) == 3


@pytest.mark.parametrize("profile", PROFILES)
def test_fast_sprites_draw_exactly_the_molecules_shapes(profile):
    """Molecules are blitted as colour-keyed sprites (a quarter of the cost of per-pixel
    alpha at 4K): pixel for pixel what the shape drawing gives."""
    style = style_for(profile, 3.0)
    for name in SPECIES_NAMES:
        spr, _anchor = molecule_sprite(style, name, 27)
        keyed = cleft_view._keyed(spr)
        for behind in ((0, 0, 0), (250, 250, 250), style.colours.cleft_background):
            a = pygame.Surface(spr.get_size())
            b = pygame.Surface(spr.get_size())
            a.fill(behind)
            b.fill(behind)
            a.blit(spr, (0, 0))
            b.blit(keyed, (0, 0))
            assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB"), name


# ------------------------------------------------------------------------ smooth motion

def stepped(cleft: Cleft, x, y, kinds=None) -> Cleft:
    """The same cleft object one model step later, with these free molecules."""
    cleft.x = np.array(x, dtype=float)
    cleft.y = np.array(y, dtype=float)
    if kinds is not None:
        cleft.kind = np.array(kinds, dtype=np.int8)
    return cleft


def test_a_molecule_that_moved_is_drawn_halfway_at_alpha_one_half():
    style = style_for("dark", 1.5)
    colour = style.colours.species["opioid"]
    cleft = cleft_with([10.0, 25.0], [1.0, 3.0], [OPIOID, OPIOID])
    surface, view = view_for(style)
    view.draw(surface, style, cleft, alpha=1.0, step=0)
    stepped(cleft, [10.8, 24.4], [1.8, 2.2])
    surface.fill(style.colours.background)
    view.draw(surface, style, cleft, alpha=0.5, step=1)
    x, y = view.motion.positions(cleft, 0.5)
    assert np.allclose(x, [10.4, 24.7]) and np.allclose(y, [1.4, 2.6])
    for (x0, y0), (x1, y1) in (((10.0, 1.0), (10.8, 1.8)), ((25.0, 3.0), (24.4, 2.2))):
        half = drawn_centre(view, cleft, style, (x0 + x1) / 2, (y0 + y1) / 2)
        end = drawn_centre(view, cleft, style, x1, y1)
        assert shows(surface, half, colour), "not drawn halfway"
        assert not shows(surface, end, colour, reach=0), "drawn at the end already"
    # at alpha 1 (the step's end) exactly where the model has them
    assert np.array_equal(view.motion.positions(cleft, 1.0)[0], cleft.x)


def test_a_molecule_whose_index_changed_is_not_drawn_flying_across():
    """Molecule 0 binds (the arrays are compacted): the molecule now at index 0 was at
    index 1. It glides from its own last place, not from molecule 0's across the cleft."""
    style = style_for("dark", 1.5)
    colour = style.colours.species["naltrexone"]
    cleft = cleft_with([2.0, 30.0, 36.0], [0.2, 3.5, 2.0], [NALTREXONE] * 3)
    surface, view = view_for(style)
    view.draw(surface, style, cleft, step=0)
    stepped(cleft, [30.5, 35.6], [3.1, 2.4], [NALTREXONE] * 2)
    surface.fill(style.colours.background)
    view.draw(surface, style, cleft, alpha=0.5, step=1)
    x, y = view.motion.positions(cleft, 0.5)
    assert np.allclose(x, [30.25, 35.8]) and np.allclose(y, [3.3, 2.2])
    # nothing drawn halfway between molecule 0's old place and the new index 0
    wrong = drawn_centre(view, cleft, style, (2.0 + 30.5) / 2, (0.2 + 3.1) / 2)
    assert not shows(surface, wrong, colour, reach=2)


def test_a_new_molecule_and_one_across_the_side_edge_are_drawn_where_they_are():
    """A molecule appended (a dose, one let go by a receptor) has no last place; one that
    wrapped round the side edge (x wraps) does not glide across the whole width."""
    cleft = cleft_with([RECEPTORS - 0.1, 20.0], [2.0, 2.0], [OPIOID, OPIOID])
    motion = Motion()
    motion.update(cleft, 0)
    stepped(cleft, [0.3, 20.5, 5.0], [2.2, 2.1, 3.6], [OPIOID, OPIOID, NALTREXONE])
    motion.update(cleft, 1)
    x, y = motion.positions(cleft, 0.5)
    assert x[0] == pytest.approx(0.3) and y[0] == pytest.approx(2.2)  # wrapped: where it is
    assert x[1] == pytest.approx(20.25)  # glides
    assert x[2] == pytest.approx(5.0) and y[2] == pytest.approx(3.6)  # new: where it is


def test_several_steps_at_once_or_another_cleft_are_not_smoothed():
    cleft = cleft_with([10.0], [1.0], [OPIOID])
    motion = Motion()
    motion.update(cleft, 5)
    stepped(cleft, [10.9], [1.9])
    motion.update(cleft, 8)  # three steps since the last look: its start is unknown
    assert motion.positions(cleft, 0.5)[0][0] == pytest.approx(10.9)
    other = cleft_with([11.0], [2.0], [OPIOID])  # Back or Replay restored a copy
    motion.update(other, 9)
    assert motion.positions(other, 0.5)[0][0] == pytest.approx(11.0)


def test_a_dose_between_steps_keeps_the_others_gliding():
    cleft = cleft_with([10.0], [1.0], [OPIOID])
    motion = Motion()
    motion.update(cleft, 0)
    stepped(cleft, [10.6], [1.6])
    motion.update(cleft, 1)
    cleft.add(NALTREXONE, 3, "top")  # given between two steps
    motion.update(cleft, 1)
    x, _y = motion.positions(cleft, 0.5)
    assert x[0] == pytest.approx(10.3)
    assert np.allclose(x[1:], cleft.x[1:])


def test_reduced_motion_draws_the_current_positions():
    style = style_for("dark", 1.5, reduced_motion=True)
    colour = style.colours.species["opioid"]
    cleft = cleft_with([10.0], [1.0], [OPIOID])
    surface, view = view_for(style)
    view.draw(surface, style, cleft, step=0)
    stepped(cleft, [10.8], [1.8])
    surface.fill(style.colours.background)
    view.draw(surface, style, cleft, alpha=0.5, step=1)
    assert shows(surface, drawn_centre(view, cleft, style, 10.8, 1.8), colour, reach=0)
    assert not shows(surface, drawn_centre(view, cleft, style, 10.4, 1.4), colour, reach=0)


class IdCleft(Cleft):
    """A cleft that also keeps an id per free molecule (the real one keeps none): the
    truth the view's matching is checked against. Same rules, same random numbers."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.ids = np.empty(0, dtype=np.int64)
        self._next = 0

    def _append(self, x, y, kind) -> None:
        super()._append(x, y, kind)
        n = np.shape(x)[0]
        self.ids = np.concatenate([self.ids, np.arange(self._next, self._next + n)])
        self._next += n

    def _clear(self, bound) -> None:
        before = self.x.copy()
        ids = self.ids
        super()._clear(bound)
        if self.x.size != before.size:  # compacted: keep the ids of the ones kept
            self.ids = ids[np.isin(before, self.x)]
        assert self.ids.size == self.x.size


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_on_a_real_run_every_glide_starts_where_that_molecule_was(seed):
    """Over a real run (molecules binding, let go, cleared, doses given), nearly every
    molecule glides from its own last place, and none from further than one step's reach
    (so nothing ever flies across the picture)."""
    sim = Simulation(60, seed=seed)
    sim.cleft = cleft = IdCleft(60, sim.rng)
    sim.give("naltrexone", "usual")
    sim.give("opioid", "large")
    motion = Motion()
    right = total = 0
    reach = cleft.table["spread"]
    for step in range(1, 80):
        before = dict(zip(cleft.ids.tolist(), zip(cleft.x.tolist(), cleft.y.tolist())))
        motion.update(cleft, sim.steps)
        sim.step()
        if step == 40:
            sim.give("naloxone", "usual")
        motion.update(cleft, sim.steps)
        sx, sy = motion.start_x, motion.start_y
        far = np.abs(cleft.x - sx) > reach[cleft.kind] + 1e-9
        assert not far.any(), "a molecule glides from further than one step away"
        assert not (np.abs(cleft.y - sy) > reach[cleft.kind] + 1e-9).any()
        for i, mid in enumerate(cleft.ids.tolist()):
            truth = before.get(mid)
            if truth is None:
                continue  # new this step
            total += 1
            if (sx[i], sy[i]) == truth:
                right += 1
            elif (sx[i], sy[i]) == (cleft.x[i], cleft.y[i]) and \
                    abs(cleft.x[i] - truth[0]) > reach[cleft.kind[i]]:
                right += 1  # it wrapped round the side edge: drawn where it is, rightly
    assert total > 5000
    assert right >= 0.995 * total, f"{right} of {total}"


def test_matching_finds_every_molecule_after_a_few_left():
    """2,000 molecules, five of them gone (bound or cleared) in the middle: every other
    one is paired with its own last place."""
    rng = np.random.default_rng(0)
    n = 2000
    prev = (rng.random(n) * 40, rng.random(n) * 4, rng.integers(0, 4, n).astype(np.int8))
    keep = np.ones(n, bool)
    keep[rng.choice(n, 5, replace=False)] = False
    cur = (prev[0][keep] + 0.01, prev[1][keep], prev[2][keep])
    src = match_previous(prev, cur, np.full(4, 1.2), 40.0)
    assert np.array_equal(src, np.flatnonzero(keep))


def test_the_runner_says_how_far_it_is_towards_its_next_step():
    runner = SimRunner(lambda: Simulation(20, seed=1))
    assert runner.step_fraction == 1.0  # nothing has stepped yet: draw the model as it is
    runner.update(0.25)  # 2.5 steps at normal speed
    assert runner.step_fraction == pytest.approx(0.5)
    runner.toggle_play()  # paused: the model exactly as it is
    assert runner.step_fraction == 1.0
    runner.step_once()
    assert runner.step_fraction == 1.0
    runner.toggle_play()  # resumed: no slide back into the last step...
    assert runner.step_fraction == 1.0
    runner.update(0.05)
    assert runner.step_fraction == 1.0
    runner.update(0.07)  # ...until it steps again, then it glides
    assert 0.0 < runner.step_fraction < 1.0
