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
            # a modifier group (KMOD_CTRL is left or right) needs any one of its keys
            if key == k and (not need or mod & need):
                return True
        return False


CTRL = pygame.KMOD_CTRL

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
    Binding(((pygame.K_F1, 0),), "keys.key.f1", "keys.help", "help", texts=("?",)),
)

KEY_MAPS: dict[str, tuple[Binding, ...]] = {"laptop": LAPTOP}


def command_for(mode: str, key: int, mod: int, text: str = "") -> str | None:
    """The command ``mode`` binds to this key press, if any."""
    for binding in KEY_MAPS[mode]:
        if binding.matches(key, mod, text):
            return binding.command
    return None


def help_rows(mode: str) -> list[tuple[str, str]]:
    """(keys label msgid, help msgid) for every key of ``mode``, in order."""
    return [(b.keys_label, b.help) for b in KEY_MAPS[mode]]
