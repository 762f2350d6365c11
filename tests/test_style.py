"""One Style per window: logical units become the window's own pixels."""

from __future__ import annotations

import pytest

from sim.view.preferences import TEXT_SIZES, Preferences
from sim.view.style import FONT_BODY, MIN_TOUCH, Style, window_scale


@pytest.mark.parametrize("window, scale", [
    ((1280, 720), 1.0), ((960, 720), 1.0), ((1920, 1080), 1.5), ((3840, 2160), 3.0),
    ((1080, 1920), 1.5), ((800, 600), 600 / 720), ((1024, 768), 768 / 720),
    ((2560, 1080), 1.5), ((768, 1366), 768 / 720),
])
def test_the_scale_keeps_the_design_canvas_in_view(window, scale):
    assert window_scale(window) == pytest.approx(scale)
    w, h = window
    # the window always has at least 960x720 (or 720x960 portrait) logical units of room
    assert max(w, h) / window_scale(window) >= 960 - 1e-6
    assert min(w, h) / window_scale(window) >= 720 - 1e-6


def test_sizes_follow_the_scale_and_text_follows_the_text_size_too():
    base = Style.for_window(Preferences(), (1280, 720))
    big = Style.for_window(Preferences(), (3840, 2160))
    large = Style.for_window(Preferences(text_size="x-large"), (1280, 720))
    assert base.font_body == FONT_BODY and base.min_touch == MIN_TOUCH
    assert big.font_body == 3 * FONT_BODY and big.min_touch == 3 * MIN_TOUCH
    assert big.line_width == 3 * base.line_width
    assert large.font_body == round(FONT_BODY * TEXT_SIZES["x-large"])
    assert large.min_touch == base.min_touch and large.gap == base.gap  # only text grows
    assert base.px(0.2) == 1 and base.px(0) == 0  # a thin line never vanishes


def test_preferences_refuse_unknown_values_and_names():
    with pytest.raises(ValueError, match="text size"):
        Preferences(text_size="huge")
    with pytest.raises(ValueError, match="colour profile"):
        Preferences(profile="neon")
    with pytest.raises(TypeError, match="unknown preference"):
        Preferences().changed(volume=3)
    assert Preferences().changed(reduced_motion=True).reduced_motion
