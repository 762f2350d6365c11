"""The Explore screen, as a package: free play with the receptor model.

Its modules import one way only, each from those below it, never from this package's
``__init__`` (tests/test_layers.py finds any import circle):

    screen       ExploreScreen: its state, input and drawing (the layout mixed in)
      drinks     a drink's two readings and the words over the picture, drawn
        layout   ExploreLayout: which arrangement of the blocks, what gives way
          blocks ExploreBlocks: each block measured and placed (a mixin)
          rules  the rules of free play (TEACHING B9), without pygame

This module only re-exports what the rest of the program imports from
``sim.view.screens.explore`` (the app's list of screens names
``sim.view.screens.explore:ExploreScreen``).
"""

from sim.view.screens.explore.rules import EXPLORE_RECEPTORS
from sim.view.screens.explore.screen import (
    AMOUNTS,
    GIVE,
    NOT_RESCUE,
    NOT_RESCUE_SHORT,
    NOTICE_STEPS,
    ExploreScreen,
)

__all__ = ["AMOUNTS", "EXPLORE_RECEPTORS", "GIVE", "NOTICE_STEPS", "NOT_RESCUE",
           "NOT_RESCUE_SHORT", "ExploreScreen"]
