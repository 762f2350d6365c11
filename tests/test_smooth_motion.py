"""Molecules glide between model steps (drawing only; the model is unchanged)."""

from __future__ import annotations

import numpy as np
import pytest

from sim.app.app import STEP


def drawn_positions(screen):
    view = screen.cleft_view
    cleft = screen_sim(screen).cleft
    return view.motion.positions(cleft, screen_alpha(screen))


def screen_sim(screen):
    return screen.runner.sim if hasattr(screen, "runner") else screen.player.sim


def screen_alpha(screen):
    return screen.runner.step_fraction if hasattr(screen, "runner") else \
        screen.controller.step_fraction


def test_explore_draws_molecules_between_their_last_two_steps(make_app):
    app = make_app()
    screen = app.stack.push("explore")
    runner = screen.runner
    tap_give = screen.give_buttons[0]
    tap_give.activate()
    sim = runner.sim
    # play until a step has just happened and a little time has passed since
    for _ in range(600):
        app.update(STEP)
        app.render()
        if sim.steps >= 3 and 0.2 < runner.step_fraction < 0.8 and sim.cleft.x.size:
            break
    assert 0.2 < runner.step_fraction < 0.8
    view = screen.cleft_view
    x, _y = view.motion.positions(sim.cleft, runner.step_fraction)
    moved = np.abs(sim.cleft.x - view.motion.start_x) > 1e-9
    assert moved.any(), "nothing moved in the last step"
    # drawn between where each molecule was and where it is, not at either end
    a = runner.step_fraction
    expected = view.motion.start_x + (sim.cleft.x - view.motion.start_x) * a
    assert np.allclose(x, expected)
    assert not np.allclose(x[moved], sim.cleft.x[moved])


def test_a_paused_screen_draws_molecules_where_the_model_has_them(make_app):
    app = make_app()
    screen = app.stack.push("explore")
    screen.give_buttons[0].activate()
    for _ in range(40):
        app.update(STEP)
    screen.runner.toggle_play()
    app.render()
    assert screen.runner.step_fraction == 1.0
    x, y = screen.cleft_view.motion.positions(screen.runner.sim.cleft, 1.0)
    assert np.array_equal(x, screen.runner.sim.cleft.x)


@pytest.mark.parametrize("reduced", [False, True])
def test_reduced_motion_draws_the_steps_without_gliding(make_app, monkeypatch, reduced):
    """Under reduced motion the cleft view is asked for alpha but draws current positions."""
    from sim.view.render import cleft_view

    app = make_app(reduced_motion=reduced)
    screen = app.stack.push("explore")
    screen.give_buttons[0].activate()
    asked = []
    real = cleft_view.Motion.positions

    def spy(self, cleft, alpha):
        asked.append(alpha)
        return real(self, cleft, alpha)

    monkeypatch.setattr(cleft_view.Motion, "positions", spy)
    for _ in range(30):
        app.update(STEP)
        app.render()
    glided = [a for a in asked if a < 1.0]
    assert bool(glided) is (not reduced)


def test_a_lesson_glides_while_a_beat_runs(make_app, monkeypatch):
    from sim.view.render import cleft_view

    asked = []
    real = cleft_view.Motion.positions
    monkeypatch.setattr(cleft_view.Motion, "positions",
                        lambda self, cleft, alpha: asked.append(alpha) or real(self, cleft, alpha))
    app = make_app()
    screen = app.stack.push("opioids")
    controller = screen.controller
    for _ in range(900):
        app.update(STEP)
        app.render()
        if len({round(a, 2) for a in asked} - {1.0}) > 3:
            break
        if controller.phase.name != "RUN":
            controller.next()
    # the picture was drawn at in-between fractions while the beat ran
    assert len({round(a, 2) for a in asked} - {1.0}) > 3
