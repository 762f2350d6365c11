"""Touch-ready controls drawn at the window's own pixels (see base.py for the tap rules).

Every control is at least ``style.min_touch`` pixels (MIN_TOUCH logical units) on each
side, works by pointer and keyboard, reads its colours and sizes from its ``style``
(set by ``WidgetGroup.restyle``) and its text through callables (so a language switch
shows at the next draw). Text helpers (``wrap_text``, ``text_height``, ``ellipsize``,
``draw_wrapped``) take sizes in pixels: pass ``style.font_body`` and the like.
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
