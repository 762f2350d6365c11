"""How things look in one window: colours, sizes in that window's own pixels, motion.

Layout happens in *logical units*: the numbers a designer would use on a 1280x720
canvas (a 22-unit body font, a 12-unit gap, a 48-unit touch target). Drawing happens
at the window's own pixels: a ``Style`` turns logical units into pixels with one
``scale`` for the window, so text is rendered at its final size (sharp on a 4K
projector, never a blurred enlargement of a small canvas) and no frame is rescaled.

A ``Style`` is derived, never owned: the app builds one from its ``Preferences`` (colour
profile, text size, reduced motion) and the window's size, and hands it to screens through
their context; screens hand it to widgets (``WidgetGroup.restyle``) and to renderers (a
``style`` parameter right after ``surface``). Two windows (a presenter's notes on a laptop
beside a projector) each get their own. Nothing here is global.

Every shared layout constant lives here, in logical units; a module that needs its own
(a chart's tick length) names it at its top, also in logical units, and converts with
``style.px``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .preferences import TEXT_SIZES, Preferences, text_size_for_window
from .theme import DARK, Theme, get_theme

# -- shared layout constants, in logical units (a 1280x720 or 960x720 design canvas) -------

#: smallest side of anything a finger must hit (WCAG 2.5.5 / platform guidelines: ~9 mm)
MIN_TOUCH = 48
FONT_SMALL = 18
FONT_BODY = 22
FONT_LARGE = 28
FONT_TITLE = 40
PADDING = 12  # inside a control, between its border and its content
GAP = 12  # between neighbouring controls
MARGIN = 24  # between the window edge and content
CORNER_RADIUS = 10
FOCUS_GAP = 3  # space between a control and its focus ring, so the ring never hides the border

#: the design canvas: landscape windows are at least 960x720 logical units, portrait
#: ones at least 720x960; a window's scale is the largest that keeps that much room
DESIGN_SHORT = 720
DESIGN_LONG_MIN = 960


def language_is_rtl(code: str) -> bool:
    """Whether language ``code`` is written right to left (sim.view.text_runs' table)."""
    from .text_runs import RTL, direction

    return direction(code) == RTL


def window_scale(window: tuple[int, int]) -> float:
    """Window pixels per logical unit: 1.0 at 1280x720 (and at 960x720), 1.5 at 1920x1080
    and at 1080x1920 portrait, 3.0 at 3840x2160, 0.833 at 800x600."""
    w, h = max(1, window[0]), max(1, window[1])
    short, long = min(w, h), max(w, h)
    return min(short / DESIGN_SHORT, long / DESIGN_LONG_MIN)


@dataclass(frozen=True)
class Style:
    colours: Theme = DARK
    #: window pixels per logical unit
    scale: float = 1.0
    #: the text-size preference, or the profile's own least enlargement (projector) if
    #: that is larger: the two do not multiply, so large text on a projector stays large
    #: rather than 1.44x (which left a 1024x768 projector a caption line at a time)
    text_scale: float = 1.0
    #: no pulsing glow, no breathing animation, no easing, no transitions
    reduced_motion: bool = False
    #: the interface language is written right to left (Arabic): layouts are mirrored
    #: (sim/view/mirror.py) and text starts at the right
    rtl: bool = False
    #: the text size asked for; a small window may show a smaller one (``text_size_shown``)
    text_size: str = "normal"

    @classmethod
    def for_window(cls, prefs: Preferences, window: tuple[int, int]) -> "Style":
        colours = get_theme(prefs.profile)
        scale = window_scale(window)
        shown = text_size_for_window(prefs.text_size, scale)
        return cls(colours=colours, scale=scale,
                   text_scale=max(TEXT_SIZES[shown], colours.text_boost),
                   reduced_motion=prefs.reduced_motion,
                   rtl=language_is_rtl(getattr(prefs, "language", "en")),
                   text_size=prefs.text_size)

    def rescaled(self, window: tuple[int, int]) -> "Style":
        scale = window_scale(window)
        shown = text_size_for_window(self.text_size, scale)
        if shown == self.text_size_shown:
            return replace(self, scale=scale)
        # the window grew past (or shrank below) what the asked-for size needs
        return replace(self, scale=scale,
                       text_scale=max(TEXT_SIZES[shown], self.colours.text_boost))

    def capped(self, largest: str) -> "Style":
        """This style with its text no larger than the text size ``largest`` (a screen
        whose layout holds no more: ``Screen.largest_text_size``)."""
        if TEXT_SIZES[self.text_size_shown] <= TEXT_SIZES[largest]:
            return self
        return replace(self, text_size=largest,
                       text_scale=max(TEXT_SIZES[largest], self.colours.text_boost))

    @property
    def text_size_shown(self) -> str:
        """The text size this window shows (xx-large needs 1280x720: NEEDS_SCALE)."""
        return text_size_for_window(self.text_size, self.scale)

    # -- conversions ---------------------------------------------------------------------
    def px(self, logical: float) -> int:
        """A length in logical units as whole window pixels (a positive length stays >= 1)."""
        value = round(logical * self.scale)
        return max(1, value) if logical > 0 else value

    def font(self, logical_size: float) -> int:
        """A font size in logical units as the pixel size to render it at."""
        return max(6, round(logical_size * self.scale * self.text_scale))

    def logical(self, size: tuple[int, int]) -> tuple[float, float]:
        """A size in window pixels as logical units (what a layout has room for)."""
        return size[0] / self.scale, size[1] / self.scale

    # -- direction: start and end sides (sim/view/mirror.py mirrors whole layouts) --------
    def start_x(self, rect, width: int) -> int:
        """Left edge of something ``width`` px wide placed at ``rect``'s start side (its left
        edge left to right, its right edge right to left)."""
        return rect.right - width if self.rtl else rect.left

    def end_x(self, rect, width: int) -> int:
        """Left edge of something ``width`` px wide placed at ``rect``'s end side."""
        return rect.left if self.rtl else rect.right - width

    @property
    def align_start(self) -> str:
        """``draw_wrapped``'s ``align`` for text set from the start side."""
        return "right" if self.rtl else "left"

    def portrait(self, size: tuple[int, int]) -> bool:
        return size[1] > size[0]

    # -- the shared sizes, in window pixels ----------------------------------------------
    @property
    def font_small(self) -> int:
        return self.font(FONT_SMALL)

    @property
    def font_body(self) -> int:
        return self.font(FONT_BODY)

    @property
    def font_large(self) -> int:
        return self.font(FONT_LARGE)

    @property
    def font_title(self) -> int:
        return self.font(FONT_TITLE)

    @property
    def padding(self) -> int:
        return self.px(PADDING)

    @property
    def gap(self) -> int:
        return self.px(GAP)

    @property
    def margin(self) -> int:
        return self.px(MARGIN)

    @property
    def min_touch(self) -> int:
        return self.px(MIN_TOUCH)

    @property
    def corner_radius(self) -> int:
        return self.px(CORNER_RADIUS)

    @property
    def focus_gap(self) -> int:
        return self.px(FOCUS_GAP)

    @property
    def line_width(self) -> int:
        return self.px(self.colours.line_width)

    @property
    def focus_ring_width(self) -> int:
        return self.px(self.colours.focus_ring_width)

    @property
    def outline_width(self) -> int:
        """Width of the outline drawn round every molecule (0: the profile draws none)."""
        w = self.colours.species_outline_width
        return self.px(w) if w else 0


#: the style of a 1280x720 window with default preferences (tests, previews)
DEFAULT_STYLE = Style()
