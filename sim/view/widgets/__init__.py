"""Touch-ready controls in logical canvas coordinates (see base.py for the tap rules).

Every control is at least MIN_TOUCH (48) logical px on each side, works by
pointer and keyboard, reads its colours from the theme and its text through
callables (so a language switch shows at the next draw).
"""

from sim.view.widgets.base import ACTIVATE_KEYS, TextSource, Widget, resolve_text
from sim.view.widgets.button import Button, Toggle
from sim.view.widgets.dialog import Dialog
from sim.view.widgets.group import WidgetGroup
from sim.view.widgets.slider import Slider
from sim.view.widgets.text import TextBlock, draw_wrapped, ellipsize, text_height, wrap_text

__all__ = [
    "ACTIVATE_KEYS",
    "Button",
    "Dialog",
    "Slider",
    "TextBlock",
    "TextSource",
    "Toggle",
    "Widget",
    "WidgetGroup",
    "draw_wrapped",
    "ellipsize",
    "resolve_text",
    "text_height",
    "wrap_text",
]
