"""Keys to named commands: one key map per mode, in this one module.

A binding names a command ("fullscreen", "help", "preferences"); the app carries the
command out, whatever has focus. Keys that controls handle themselves (Tab, Enter,
arrows) are listed too, as ``command=None``, so the keyboard help (F1) shows every key
from this one table and cannot drift from what the program does.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame


@dataclass(frozen=True)
class Binding:
    #: (key, required modifiers) pairs; a key with text (such as "?") may match by text
    keys: tuple[tuple[int, int], ...]
    #: message id of how the keys are written in the help ("F1 or ?")
    keys_label: str
    #: message id of what they do
    help: str
    #: the command the app carries out, or None when a control handles the key itself
    command: str | None = None
    #: typed characters that also trigger it (layouts put "?" on different keys)
    texts: tuple[str, ...] = ()

    def matches(self, key: int, mod: int, text: str) -> bool:
        if self.command is None:
            return False
        if text and text in self.texts:
            return True
        for k, need in self.keys:
            # each modifier group asked for (KMOD_CTRL is left or right) must be held
            if key == k and all(mod & group for group in MODIFIER_GROUPS if need & group):
                return True
        return False


CTRL = pygame.KMOD_CTRL
MODIFIER_GROUPS = (pygame.KMOD_CTRL, pygame.KMOD_SHIFT, pygame.KMOD_ALT, pygame.KMOD_GUI)

#: read the caption (or the card) on show aloud, as its Read aloud control does
READ_ALOUD = Binding(((pygame.K_r, CTRL),), "keys.key.ctrl_r", "keys.read_aloud", "read_aloud")

#: the laptop mode's keys, in the order the help lists them
LAPTOP: tuple[Binding, ...] = (
    Binding(((pygame.K_TAB, 0),), "keys.key.tab", "keys.next_control"),
    Binding(((pygame.K_TAB, pygame.KMOD_SHIFT),), "keys.key.shift_tab", "keys.previous_control"),
    Binding(((pygame.K_RETURN, 0), (pygame.K_SPACE, 0)), "keys.key.enter_space", "keys.activate"),
    Binding(((pygame.K_LEFT, 0), (pygame.K_RIGHT, 0)), "keys.key.arrows", "keys.adjust"),
    Binding(((pygame.K_PAGEUP, 0), (pygame.K_PAGEDOWN, 0)), "keys.key.page_home_end",
            "keys.adjust_far"),
    Binding(((pygame.K_ESCAPE, 0),), "keys.key.escape", "keys.back"),
    Binding(((pygame.K_F11, 0),), "keys.key.f11", "keys.fullscreen", "fullscreen"),
    Binding(((pygame.K_COMMA, CTRL),), "keys.key.ctrl_comma", "keys.preferences", "preferences"),
    READ_ALOUD,
    Binding(((pygame.K_F1, 0),), "keys.key.f1", "keys.help", "help", texts=("?",)),
)

_DIGIT_KEYS = tuple((getattr(pygame, f"K_{d}"), 0) for d in range(10)) + tuple(
    (getattr(pygame, f"K_KP{d}", getattr(pygame, f"K_KP_{d}", 0)), 0) for d in range(10))

#: the presenter mode's keys (a clicker sends PageDown / PageUp, sometimes B or period):
#: the app carries these out whatever has focus; a lesson gets them as commands
PRESENTER: tuple[Binding, ...] = (
    # Ctrl+, before "," alone (whiteout)
    Binding(((pygame.K_COMMA, CTRL),), "keys.key.ctrl_comma", "keys.preferences", "preferences"),
    Binding(((pygame.K_q, CTRL),), "keys.key.ctrl_q", "keys.present.quit", "quit"),
    Binding(((pygame.K_PAGEDOWN, 0), (pygame.K_RIGHT, 0), (pygame.K_SPACE, 0), (pygame.K_n, 0),
             (pygame.K_RETURN, 0), (pygame.K_KP_ENTER, 0)),
            "keys.key.present_next", "keys.present.next", "next"),
    Binding(((pygame.K_PAGEUP, 0), (pygame.K_LEFT, 0), (pygame.K_BACKSPACE, 0), (pygame.K_p, 0)),
            "keys.key.present_back", "keys.present.back", "back"),
    Binding(((pygame.K_HOME, 0),), "keys.key.home", "keys.present.first", "first"),
    Binding(((pygame.K_END, 0),), "keys.key.end", "keys.present.last", "last"),
    Binding(_DIGIT_KEYS, "keys.key.digits_enter", "keys.present.jump", "digit",
            texts=tuple("0123456789")),
    Binding(((pygame.K_b, 0), (pygame.K_PERIOD, 0)), "keys.key.b_period",
            "keys.present.blackout", "blackout", texts=(".",)),
    Binding(((pygame.K_w, 0), (pygame.K_COMMA, 0)), "keys.key.w_comma",
            "keys.present.whiteout", "whiteout", texts=(",",)),
    Binding(((pygame.K_k, 0),), "keys.key.k", "keys.present.pause", "pause"),
    Binding(((pygame.K_r, 0),), "keys.key.r", "keys.present.replay", "replay"),
    # PowerPoint's keys, which many clickers send: Shift+F5 (before F5 alone) plays the
    # beat on show again, F5 starts the session again
    Binding(((pygame.K_F5, pygame.KMOD_SHIFT),), "keys.key.shift_f5", "keys.present.replay",
            "replay"),
    Binding(((pygame.K_F5, 0),), "keys.key.f5", "keys.present.restart", "restart"),
    Binding(((pygame.K_s, 0),), "keys.key.s", "keys.present.notes", "notes"),
    Binding(((pygame.K_g, 0),), "keys.key.g", "keys.present.overview", "overview"),
    Binding(((pygame.K_ESCAPE, 0),), "keys.key.escape", "keys.present.home", "home"),
    Binding(((pygame.K_F11, 0),), "keys.key.f11", "keys.fullscreen", "fullscreen"),
    Binding(((pygame.K_F1, 0),), "keys.key.f1", "keys.help", "help", texts=("?",)),
)

#: the kiosk's keys: a visitor's keyboard (if one is there) works as on a laptop, but
#: nothing quits or leaves fullscreen; staff hold Ctrl+Alt+Shift+Q for the PIN pad. The
#: staff chord and the locked keys have no help text: the visitors' key help omits them.
KIOSK: tuple[Binding, ...] = (
    Binding(((pygame.K_q, CTRL | pygame.KMOD_ALT | pygame.KMOD_SHIFT),), "", "", "staff"),
    Binding(((pygame.K_F11, 0), (pygame.K_q, CTRL), (pygame.K_w, CTRL),
             (pygame.K_F4, pygame.KMOD_ALT)), "", "", "locked"),
    *(b for b in LAPTOP if b.command != "fullscreen"),
)

KEY_MAPS: dict[str, tuple[Binding, ...]] = {"laptop": LAPTOP, "presenter": PRESENTER,
                                            "kiosk": KIOSK}


def digit_of(key: int, text: str = "") -> int | None:
    """The digit a key press types (top row or keypad), else None."""
    if len(text) == 1 and text.isdigit():
        return int(text)
    for d in range(10):
        if key in (_DIGIT_KEYS[d][0], _DIGIT_KEYS[10 + d][0]):
            return d
    return None


def command_for(mode: str, key: int, mod: int, text: str = "") -> str | None:
    """The command ``mode`` binds to this key press, if any."""
    for binding in KEY_MAPS[mode]:
        if binding.matches(key, mod, text):
            return binding.command
    return None


def plain_keys(command: str) -> tuple[int, ...]:
    """The keys, without modifiers, that any key map binds to ``command``."""
    return tuple(k for bindings in KEY_MAPS.values() for b in bindings if b.command == command
                 for k, mod in b.keys if not mod)


def help_rows(mode: str) -> list[tuple[str, str]]:
    """(keys label msgid, help msgid) for every key of ``mode``, in order."""
    return [(b.keys_label, b.help) for b in KEY_MAPS[mode] if b.keys_label]
