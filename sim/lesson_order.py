"""The lessons by id, in the order the home screen numbers them and "Next lesson"
follows: the one list of lessons.

A module of its own, importing nothing, so the app's list of screens can name every
lesson without importing the lessons (and numpy) at start-up. ``sim.lessons`` builds
``LESSONS`` in this order, each from the module named after its id ("too-soon":
``sim/lessons/too_soon.py``), and refuses to start if one is missing.
"""

LESSON_IDS = ("opioids", "blockade", "override", "too-soon", "after-detox", "pill-vs-shot",
              "rescue", "alcohol")
