import os

# before anything imports pygame: no support banner on the console
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
