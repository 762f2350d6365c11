"""The one module for colours and sizes (docs/architecture.md: one place for the theme).

Views never write a colour literal: they ask their ``Style`` for a *role*
(``style.colours.text``, ``style.colours.species["opioid"]``), so switching profile (a
counsellor presses a key when the projector washes everything out) changes
every screen at the next draw. Sizes live in ``sim/view/style.py``.

Profiles:
- "dark": the default, for laptops and kiosks (less glare in a waiting room).
- "projector": light background, near-black text, thicker lines and focus
  ring, larger text; projectors crush dark greys together but keep black-on-white.
- "high-contrast": black and white with bright species colours and outlines, for
  people with low vision.

Species colours come from the Okabe-Ito palette (safe for the common kinds of
colour blindness), and every species also has its own SHAPE so colour is never
the only cue (docs/teaching.md: people in a group session see it from far away, some
in greyscale on a failing projector). Where a fill alone would have too little
contrast with the background (orange on white), the profile gives particles an
outline (``species_outline`` / ``species_outline_width``); tests/test_theme.py
checks the contrast of every role on both profiles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

Colour = tuple[int, ...]  # (r, g, b) or (r, g, b, a): hashable, so text caches can key on it

#: species name -> shape drawn for it (never rely on colour alone)
SPECIES_SHAPES: Mapping[str, str] = MappingProxyType(
    {
        "opioid": "circle",
        "naltrexone": "square",
        "naloxone": "triangle",
        "endorphin": "diamond",
    }
)


def hex_colour(code: str, alpha: int | None = None) -> Colour:
    """``"#D55E00"`` -> ``(213, 94, 0)``; with ``alpha``, an RGBA tuple."""
    code = code.lstrip("#")
    rgb = tuple(int(code[i : i + 2], 16) for i in (0, 2, 4))
    return rgb if alpha is None else (*rgb, alpha)


@dataclass(frozen=True)
class Theme:
    name: str
    background: Colour
    panel: Colour  # cards, dialogs, side panels
    panel_border: Colour
    text: Colour
    text_muted: Colour  # captions and hints; still readable (>= 4.5:1 on panel)
    accent: Colour  # selected/on state of controls; deliberately not a species colour
    focus_ring: Colour  # keyboard focus ring (drawn two-tone with the background)
    button: Colour
    button_hover: Colour
    button_pressed: Colour
    button_text: Colour
    button_border: Colour
    button_disabled: Colour
    button_disabled_text: Colour
    danger: Colour  # breathing danger zone line and label, emergency cue
    danger_zone: Colour  # translucent fill of the danger band (RGBA)
    warning: Colour
    good: Colour
    meter_track: Colour
    plot_grid: Colour
    plot_axis: Colour
    overlay: Colour  # RGBA scrim behind a modal dialog
    cleft_background: Colour  # the space between cells where molecules move
    membrane: Colour  # the cell surface that carries the receptors
    receptor_off: Colour  # outline of an empty receptor ("landing spot")
    receptor_on: Colour  # a receptor switched on by an opioid or endorphin (lit)
    receptor_blocked: Colour  # a receptor held by an antagonist (dark, switched off)
    species: Mapping[str, Colour] = field(default_factory=dict)
    species_outline: Colour = (0, 0, 0)
    species_outline_width: int = 0  # 0: fills alone have enough contrast
    line_width: int = 2  # borders, plot lines, meter outlines (logical units)
    focus_ring_width: int = 3
    #: how much larger this profile draws all text (a projector is read from the back
    #: of a room: its captions are at least 32 logical units)
    text_boost: float = 1.0


def _species(**codes: str) -> Mapping[str, Colour]:
    return MappingProxyType({name: hex_colour(code) for name, code in codes.items()})


DARK = Theme(
    name="dark",
    background=hex_colour("#121821"),
    panel=hex_colour("#1C2430"),
    panel_border=hex_colour("#738196"),
    text=hex_colour("#F2F5F8"),
    text_muted=hex_colour("#B4BEC9"),
    accent=hex_colour("#B9A8FF"),
    focus_ring=hex_colour("#FFFFFF"),
    button=hex_colour("#2B3646"),
    button_hover=hex_colour("#38465B"),
    button_pressed=hex_colour("#202935"),
    button_text=hex_colour("#F2F5F8"),
    button_border=hex_colour("#6C7A8E"),
    button_disabled=hex_colour("#1F2630"),
    button_disabled_text=hex_colour("#6E7986"),
    danger=hex_colour("#FF6B6B"),
    danger_zone=hex_colour("#FF6B6B", 64),
    warning=hex_colour("#FFC857"),
    good=hex_colour("#5CCB8A"),
    meter_track=hex_colour("#2B3646"),
    plot_grid=hex_colour("#2E3846"),
    plot_axis=hex_colour("#8A96A6"),
    overlay=(0, 0, 0, 170),
    cleft_background=hex_colour("#0D1219"),
    # membrane light enough that a dark (blocked) receptor still shows on it (>= 3:1)
    membrane=hex_colour("#56677F"),
    receptor_off=hex_colour("#DCE3EC"),
    receptor_on=hex_colour("#FFF3B0"),
    receptor_blocked=hex_colour("#0A0D12"),
    species=_species(
        opioid="#D55E00",  # vermillion
        naltrexone="#56B4E9",  # sky blue (Okabe-Ito blue #0072B2 is too dark on this background)
        naloxone="#009E73",  # bluish green
        endorphin="#F0E442",  # yellow
    ),
    species_outline=hex_colour("#121821"),
    species_outline_width=0,
    line_width=2,
    focus_ring_width=3,
)

PROJECTOR = Theme(
    name="projector",
    background=hex_colour("#FFFFFF"),
    panel=hex_colour("#F2F3F5"),
    panel_border=hex_colour("#3C424A"),
    text=hex_colour("#000000"),
    text_muted=hex_colour("#374049"),
    accent=hex_colour("#4B2FB0"),
    focus_ring=hex_colour("#000000"),
    button=hex_colour("#E1E5EA"),
    button_hover=hex_colour("#CDD4DC"),
    button_pressed=hex_colour("#B4BDC8"),
    button_text=hex_colour("#000000"),
    button_border=hex_colour("#1F2328"),
    button_disabled=hex_colour("#F0F1F3"),
    button_disabled_text=hex_colour("#7A828C"),
    danger=hex_colour("#B00020"),
    danger_zone=hex_colour("#B00020", 56),
    warning=hex_colour("#8A5A00"),
    good=hex_colour("#1B7F3B"),
    meter_track=hex_colour("#D5DAE0"),
    plot_grid=hex_colour("#C3C9D1"),
    plot_axis=hex_colour("#30363D"),
    overlay=(0, 0, 0, 120),
    # a faint blue-grey, so the picture has an edge on the white page
    cleft_background=hex_colour("#EAEFF5"),
    # a mid-grey membrane: a lit (yellow) receptor vanishes on light grey, and both
    # lit and blocked receptors must stand out on a washed-out projector (>= 3:1)
    membrane=hex_colour("#5B6573"),
    receptor_off=hex_colour("#F2F4F7"),
    receptor_on=hex_colour("#FFD400"),
    receptor_blocked=hex_colour("#0B0B0B"),
    species=_species(
        opioid="#D55E00",  # vermillion
        naltrexone="#0072B2",  # blue
        naloxone="#009E73",  # bluish green
        endorphin="#E69F00",  # orange (yellow vanishes on white); the outline carries the edge
    ),
    species_outline=hex_colour("#000000"),
    species_outline_width=2,
    line_width=3,
    focus_ring_width=5,
    text_boost=1.15,
)

#: For people with low vision: pure black and white, saturated species colours, thick
#: outlines on every shape, and a yellow focus ring (WCAG "enhanced" contrast, 7:1 text).
HIGH_CONTRAST = Theme(
    name="high-contrast",
    background=hex_colour("#000000"),
    panel=hex_colour("#000000"),
    panel_border=hex_colour("#FFFFFF"),
    text=hex_colour("#FFFFFF"),
    text_muted=hex_colour("#FFFFFF"),
    accent=hex_colour("#FFFF00"),
    focus_ring=hex_colour("#FFFF00"),
    button=hex_colour("#000000"),
    button_hover=hex_colour("#1A1A1A"),
    button_pressed=hex_colour("#333333"),
    button_text=hex_colour("#FFFFFF"),
    button_border=hex_colour("#FFFFFF"),
    button_disabled=hex_colour("#000000"),
    button_disabled_text=hex_colour("#A0A0A0"),
    danger=hex_colour("#FF5C5C"),
    danger_zone=hex_colour("#FF5C5C", 90),
    warning=hex_colour("#FFFF00"),
    good=hex_colour("#00FF7F"),
    meter_track=hex_colour("#333333"),
    plot_grid=hex_colour("#5A5A5A"),
    plot_axis=hex_colour("#FFFFFF"),
    overlay=(0, 0, 0, 200),
    cleft_background=hex_colour("#000000"),
    membrane=hex_colour("#8C8C8C"),
    receptor_off=hex_colour("#FFFFFF"),
    receptor_on=hex_colour("#FFFF00"),
    receptor_blocked=hex_colour("#000000"),
    species=_species(
        opioid="#FF7A1A",  # bright vermillion
        naltrexone="#4FC3FF",  # bright sky blue
        naloxone="#00E08A",  # bright green
        endorphin="#FFF04D",  # bright yellow
    ),
    species_outline=hex_colour("#FFFFFF"),
    species_outline_width=2,
    line_width=3,
    focus_ring_width=5,
)

_PROFILES = {t.name: t for t in (DARK, PROJECTOR, HIGH_CONTRAST)}
#: valid profile names, default first (for CLI/config validation)
PROFILES: tuple[str, ...] = tuple(_PROFILES)
DEFAULT_PROFILE = "dark"


def get_theme(name: str) -> Theme:
    """A profile's colours (the app's Style carries the one in use; nothing here is global)."""
    if name not in _PROFILES:
        raise ValueError(f"unknown theme profile {name!r}; choose one of: {', '.join(PROFILES)}")
    return _PROFILES[name]
