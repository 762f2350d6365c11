"""Both colour profiles are readable, and species never differ by colour alone."""

from __future__ import annotations

import pytest

from sim.model.species import SPECIES
from sim.view import theme as themes
from sim.view.theme import PROFILES, SPECIES_SHAPES, get_theme


def luminance(colour) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    """WCAG 2 contrast ratio."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# (foreground role, background role, minimum): 4.5 for text (WCAG AA),
# 3 for lines and shapes (WCAG 1.4.11 non-text contrast)
PAIRS = [
    ("text", "background", 7.0),
    ("text", "panel", 7.0),
    ("text_muted", "background", 4.5),
    ("text_muted", "panel", 4.5),
    ("button_text", "button", 4.5),
    ("button_text", "button_hover", 4.5),
    ("button_text", "button_pressed", 4.5),
    ("button_border", "background", 3.0),
    ("panel_border", "panel", 3.0),
    ("focus_ring", "background", 3.0),
    ("focus_ring", "panel", 3.0),
    ("accent", "background", 3.0),
    ("accent", "meter_track", 3.0),
    ("danger", "background", 4.5),  # the emergency cue is text too
    ("danger", "panel", 4.5),
    ("warning", "background", 3.0),
    ("good", "background", 3.0),
    ("plot_axis", "background", 3.0),
    ("receptor_off", "membrane", 3.0),
    ("receptor_on", "membrane", 3.0),
    ("receptor_blocked", "membrane", 3.0),
    ("receptor_on", "receptor_blocked", 7.0),  # T2: "lights up" vs "stays dark", even in greyscale
]


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("fg, bg, minimum", PAIRS)
def test_roles_have_enough_contrast(profile, fg, bg, minimum):
    t = get_theme(profile)
    ratio = contrast(getattr(t, fg), getattr(t, bg))
    assert ratio >= minimum, f"{profile}: {fg} on {bg} is {ratio:.2f}:1, need {minimum}:1"


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("ground", ["background", "panel", "cleft_background"])
def test_every_species_stands_out_from_what_it_is_drawn_on(profile, ground):
    t = get_theme(profile)
    behind = getattr(t, ground)
    for name, colour in t.species.items():
        edge = contrast(t.species_outline, behind) if t.species_outline_width else 0
        assert max(contrast(colour, behind), edge) >= 3.0, f"{profile}: {name} on {ground}"


def test_every_model_species_has_a_colour_and_its_own_shape():
    names = {s.name for s in SPECIES}
    assert names <= set(SPECIES_SHAPES)
    assert len(set(SPECIES_SHAPES.values())) == len(SPECIES_SHAPES)  # shapes all differ
    for profile in PROFILES:
        species = get_theme(profile).species
        assert names <= set(species)
        assert len(set(species.values())) == len(species)


def test_projector_profile_is_light_with_thicker_lines():
    dark, projector = get_theme("dark"), get_theme("projector")
    assert luminance(projector.background) > luminance(dark.background)
    assert projector.line_width > dark.line_width
    assert projector.focus_ring_width > dark.focus_ring_width


def test_profiles_are_looked_up_by_name_and_unknown_names_are_refused():
    assert PROFILES[0] == themes.DEFAULT_PROFILE == "dark"
    assert set(PROFILES) == {"dark", "projector", "high-contrast"}
    assert get_theme("projector").name == "projector"
    with pytest.raises(ValueError, match="unknown theme profile"):
        get_theme("neon")


def test_there_is_no_current_theme_to_set():
    """Colours reach views through the app's Style (docs/architecture.md: no module-level globals
    for theme): the theme module has nothing to switch."""
    assert not hasattr(themes, "set_profile") and not hasattr(themes, "theme")
    assert not hasattr(themes, "_current")


def test_high_contrast_is_black_and_white_with_outlined_molecules():
    hc = get_theme("high-contrast")
    assert {hc.background[:3], hc.text[:3]} == {(0, 0, 0), (255, 255, 255)}
    assert contrast(hc.text, hc.background) >= 21 - 0.01
    assert hc.species_outline_width > 0 and hc.focus_ring_width >= get_theme("dark").focus_ring_width
    for name, colour in hc.species.items():
        assert contrast(colour, hc.cleft_background) >= 7.0, name


def test_the_projector_enlarges_text_so_captions_are_at_least_32_units():
    from sim.view.preferences import Preferences
    from sim.view.style import FONT_LARGE, Style

    projector = Style.for_window(Preferences(profile="projector"), (1280, 720))
    dark = Style.for_window(Preferences(profile="dark"), (1280, 720))
    assert projector.font(FONT_LARGE) >= 32 > dark.font(FONT_LARGE)
    assert projector.outline_width > 0 == dark.outline_width
