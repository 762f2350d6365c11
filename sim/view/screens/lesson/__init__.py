"""The lesson screen, as a package: a guided lesson drawn and laid out for any window.

Its modules import one way only, each from those below it, never from this package's
``__init__`` (tests/test_layers.py finds any import circle):

    screen       LessonScreen: the controller's state drawn, input forwarded
      words      what the screen says (captions, cards, the chart's words), no drawing
        layout   lay_out: which arrangement, what gives way, the caption's pages
          arrangement   each arrangement measured (Arrangement), the meters' and
                        chart's least sizes
            chrome      the header and the bottom bar
              content   LessonContent: the words and controls laid out
                caption the caption fitted or paged, a question's answers, the card

This module only re-exports what the rest of the program imports from
``sim.view.screens.lesson`` (the app's list of screens names
``sim.view.screens.lesson:LessonScreen``; the settings check and the handout use the
help card's words and room).
"""

from sim.view.screens.lesson.caption import CHOICE_LINES, card_fits
from sim.view.screens.lesson.screen import HIGHLIGHT_GROW, LessonScreen
from sim.view.screens.lesson.words import (
    caption_specs,
    caption_text_for,
    card_words,
    chart_labels,
    chart_title,
    help_card_rect,
    help_text,
)

__all__ = ["CHOICE_LINES", "HIGHLIGHT_GROW", "LessonScreen", "caption_specs",
           "caption_text_for", "card_fits", "card_words", "chart_labels", "chart_title",
           "help_card_rect", "help_text"]
