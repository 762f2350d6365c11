"""A chart drawn from the left, shown mirrored for right to left (docs/direction.md).

Every chart is laid out the way a left-to-right reader reads it: the title at the left
with the legend after it, the clock at the right, story time running to the right with
its arrow. In a right-to-left language the whole chart is mirrored inside its panel, so
the title and legend start at the right, the clock sits at the left and time runs to
the left, as the progress dots and the meters do. Only the words stay unmirrored: each
is drawn pre-flipped (``text``) onto a canvas that is flipped as a whole at the end
(``finish``), so it comes out readable in the mirrored place.

One mechanism for every chart (the Explore plot, the lesson charts), rather than an
``if rtl`` at each of their coordinates.
"""

from __future__ import annotations

from collections import OrderedDict

import pygame

#: flipped words kept (a chart draws a few dozen; the clock changes every story-day)
FLIPPED_KEPT = 256
_flipped: OrderedDict[int, tuple[pygame.Surface, pygame.Surface]] = OrderedDict()


def _flip(image: pygame.Surface) -> pygame.Surface:
    """``image`` mirrored left to right, cached while the same image object is asked for
    (the text cache hands out one surface per string)."""
    kept = _flipped.get(id(image))
    if kept is not None and kept[0] is image:
        _flipped.move_to_end(id(image))
        return kept[1]
    flipped = pygame.transform.flip(image, True, False)
    _flipped[id(image)] = (image, flipped)
    while len(_flipped) > FLIPPED_KEPT:
        _flipped.popitem(last=False)
    return flipped


#: scratch surfaces by (size, pixel format): a chart redrawn every frame (Explore's)
#: reuses its own instead of allocating one a frame
_scratches: OrderedDict[tuple, pygame.Surface] = OrderedDict()
SCRATCHES_KEPT = 4


def _scratch(size: tuple[int, int], like: pygame.Surface) -> pygame.Surface:
    key = (size, like.get_bitsize(), like.get_masks())
    surface = _scratches.get(key)
    if surface is None:
        surface = _scratches[key] = pygame.Surface(size, 0, like)
        while len(_scratches) > SCRATCHES_KEPT:
            _scratches.popitem(last=False)
    _scratches.move_to_end(key)
    return surface


class ChartCanvas:
    """Where a chart draws: ``surface`` and ``rect`` (the chart's panel on it).

    Left to right these are the window's own surface and rect. Mirrored, they are a
    panel-sized scratch surface holding the window's pixels flipped, and the panel at
    (0, 0); ``finish`` flips it back onto the window. Draw lines and shapes on
    ``surface`` as usual, words with ``text``; report places back with ``out_rect``,
    ``out_point`` and ``out_x`` (window coordinates)."""

    def __init__(self, surface: pygame.Surface, rect: pygame.Rect, mirrored: bool) -> None:
        self.mirrored = mirrored
        self._target = surface
        self._window_rect = pygame.Rect(rect)
        if not mirrored:
            self.surface, self.rect = surface, pygame.Rect(rect)
            return
        self.rect = pygame.Rect(0, 0, max(1, rect.width), max(1, rect.height))
        # numpy copies ignore a clip: only for a panel wholly inside the surface and its clip
        self._fast = (surface.get_bitsize() == 32
                      and surface.get_clip().contains(self._window_rect))
        self.surface = _scratch(self.rect.size, surface)
        if self._fast:  # what lies under the panel, flipped: one reversed copy (numpy)
            under = pygame.surfarray.pixels2d(surface)[self._columns()]
            pygame.surfarray.pixels2d(self.surface)[:] = under[::-1]
            del under  # (the views lock the surfaces while they live)
        else:
            self.surface.blit(surface, (0, 0), self._window_rect)
            self.surface = pygame.transform.flip(self.surface, True, False)

    def _columns(self) -> tuple[slice, slice]:
        r = self._window_rect
        return slice(r.left, r.right), slice(r.top, r.bottom)

    def text(self, image: pygame.Surface, pos) -> pygame.Rect:
        """Blit rendered words with their top-left at ``pos`` (as the chart lays them out)."""
        return self.surface.blit(_flip(image) if self.mirrored else image, pos)

    def finish(self) -> None:
        if not self.mirrored:
            return
        if self._fast:
            view = pygame.surfarray.pixels2d(self._target)
            view[self._columns()] = pygame.surfarray.pixels2d(self.surface)[::-1]
            del view
        else:
            self._target.blit(pygame.transform.flip(self.surface, True, False),
                              self._window_rect.topleft)

    def out_x(self, x: float) -> float:
        """A chart x coordinate, in the window."""
        if not self.mirrored:
            return x
        return self._window_rect.left + (self.rect.width - x)

    def out_point(self, pos) -> tuple[int, int]:
        """A chart point, in the window."""
        if not self.mirrored:
            return pos
        return (round(self.out_x(pos[0])), self._window_rect.top + pos[1])

    def out_rect(self, r: pygame.Rect) -> pygame.Rect:
        """A rect in chart coordinates, in the window (mirrored: its x from the right)."""
        if not self.mirrored:
            return pygame.Rect(r)
        return pygame.Rect(self._window_rect.left + self.rect.width - r.right,
                           self._window_rect.top + r.top, r.width, r.height)
