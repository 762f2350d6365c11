"""The cleft: molecules random-walking above a membrane of receptor sites.

Molecules are agents stored as parallel numpy arrays (position, species id); a
molecule is either *free* (in these arrays) or *bound* (recorded on its receptor).
Every step is vectorised over molecules: no Python loop per molecule.

Geometry, in cleft units: the membrane is the line y = 0 and receptor i sits at
x = i + 0.5, so the cleft is ``receptors`` wide and ``CLEFT_HEIGHT`` tall. x wraps
around (the cleft continues sideways); y reflects at the membrane and at the top.
A free molecule touches receptor i when it is within ``CONTACT_HEIGHT`` of the
membrane and within ``SITE_HALF_WIDTH`` of x = i + 0.5. Finding that receptor is
spatial binning in one step: ``floor(x)`` is the bin, and each bin holds one site.
"""

from __future__ import annotations

import numpy as np

from .species import (
    INJECTION_RELEASE_CHANCE,
    SPECIES,
    SPECIES_ID,
    Species,
    species_table,
)

CLEFT_HEIGHT = 4.0
CONTACT_HEIGHT = 0.5
SITE_HALF_WIDTH = 0.4
FREE = -1  # receptor_kind value of an empty receptor


class Cleft:
    """Molecules competing for receptors. Honest competition (TEACHING M6): a bound
    molecule is never pushed off; it leaves only by its own release chance."""

    def __init__(
        self,
        receptors: int,
        rng: np.random.Generator,
        species: tuple[Species, ...] = SPECIES,
    ) -> None:
        if receptors < 1:
            raise ValueError("a cleft needs at least one receptor")
        self.rng = rng
        self.species = species
        self.table = species_table(species)
        self.n_species = len(species)
        self.width = float(receptors)
        self.height = CLEFT_HEIGHT
        # free molecules
        self.x = np.empty(0)
        self.y = np.empty(0)
        self.kind = np.empty(0, dtype=np.int8)
        # receptors: the species id bound to each, or FREE
        self.receptor_kind = np.full(receptors, FREE, dtype=np.int8)
        # slow-release depots (naltrexone injections): molecules still held in each
        self.depots: list[int] = []
        # bookkeeping for conservation: every molecule that entered or left the cleft
        self.added = np.zeros(self.n_species, dtype=np.int64)
        self.cleared = np.zeros(self.n_species, dtype=np.int64)
        # what happened in the last step, for views that animate events
        self.last_bound = np.empty(0, dtype=np.intp)
        self.last_released = np.empty(0, dtype=np.intp)

    # ----------------------------------------------------------------- queries
    @property
    def receptors(self) -> int:
        return self.receptor_kind.size

    def free_counts(self) -> np.ndarray:
        """Free molecules per species id."""
        return np.bincount(self.kind, minlength=self.n_species)

    def bound_counts(self) -> np.ndarray:
        """Bound molecules per species id."""
        bound = self.receptor_kind[self.receptor_kind != FREE]
        return np.bincount(bound, minlength=self.n_species)

    def depot_total(self) -> int:
        return int(sum(self.depots))

    def activation(self) -> float:
        """Fraction of receptors switched on, weighted by each occupant's efficacy."""
        bound = self.receptor_kind[self.receptor_kind != FREE]
        return float(self.table["efficacy"][bound].sum() / self.receptors)

    # ----------------------------------------------------------------- inputs
    def add(self, kind: int, count: int, where: str = "top") -> None:
        """Put ``count`` free molecules of species ``kind`` into the cleft.

        ``top``: arriving from the blood side, away from the membrane.
        ``anywhere``: spread through the cleft (released locally, like endorphin).
        """
        if count <= 0:
            return
        x = self.rng.random(count) * self.width
        if where == "top":
            y = self.height - self.rng.random(count)
        else:
            y = self.rng.random(count) * self.height
        self._append(x, y, kind)
        self.added[kind] += count

    def add_depot(self, count: int) -> None:
        """An injection: a depot that releases its molecules slowly, over weeks."""
        if count > 0:
            self.depots.append(int(count))

    # ----------------------------------------------------------------- step
    def step(self) -> None:
        self._release_depots()
        self._walk()
        self.last_released = self._release_bound()
        binders, self.last_bound = self._bind()
        self._clear(binders)

    def _release_depots(self) -> None:
        if not self.depots:
            return
        if len(self.depots) == 1:  # the usual case: one injection (the same draws)
            total = int(self.rng.binomial(self.depots[0], INJECTION_RELEASE_CHANCE))
            left = self.depots[0] - total
            self.depots = [left] if left > 0 else []
        else:
            held = np.array(self.depots)
            out = self.rng.binomial(held, INJECTION_RELEASE_CHANCE)
            self.depots = [int(h) for h in held - out if h > 0]
            total = int(out.sum())
        if total:
            self.add(SPECIES_ID["naltrexone"], total, where="top")

    def _walk(self) -> None:
        n = self.x.size
        if n == 0:
            return
        spread = self.table["spread"][self.kind]
        step = self.rng.random(2 * n)
        step -= 0.5
        self.x += step[:n] * (2.0 * spread)
        self.y += step[n:] * (2.0 * spread)
        np.mod(self.x, self.width, out=self.x)
        # reflect at the membrane (y = 0) and at the top of the cleft
        np.abs(self.y, out=self.y)
        np.subtract(self.height, self.y, out=self.y)
        np.abs(self.y, out=self.y)
        np.subtract(self.height, self.y, out=self.y)

    def _release_bound(self) -> np.ndarray:
        """Bound molecules let go by their species' residence time; returns receptor ids."""
        occupied = (self.receptor_kind != FREE).nonzero()[0]
        if occupied.size == 0:
            return occupied
        kinds = self.receptor_kind[occupied]
        chance = self.table["release_chance"][kinds]
        letting_go = self.rng.random(occupied.size) < chance
        receptor_ids = occupied[letting_go]
        if receptor_ids.size:
            kinds = kinds[letting_go]
            # reappear just above the contact zone so they do not rebind on the spot
            x = receptor_ids + 0.5
            y = CONTACT_HEIGHT + 0.05 + 0.3 * self.rng.random(receptor_ids.size)
            self.receptor_kind[receptor_ids] = FREE
            self._append(x, y, kinds)
        return receptor_ids

    def _bind(self) -> tuple[np.ndarray, np.ndarray]:
        """Free molecules touching a free receptor bind by chance; one winner per site.

        Returns the indices (into the free arrays) of the molecules that bound, and
        the receptors they bound to.
        """
        near = (self.y < CONTACT_HEIGHT).nonzero()[0]
        if near.size == 0:
            return near, near
        site = self.x[near].astype(np.intp)
        np.minimum(site, self.receptors - 1, out=site)
        on_site = np.abs(self.x[near] - (site + 0.5)) < SITE_HALF_WIDTH
        on_site &= self.receptor_kind[site] == FREE
        kinds = self.kind[near]
        docks = self.rng.random(near.size) < self.table["bind_chance"][kinds]
        ok = on_site & docks
        candidates, sites = near[ok], site[ok]
        if candidates.size == 0:
            return candidates, sites
        if candidates.size == 1:  # no contest (and permutation(1) draws nothing)
            self.receptor_kind[sites] = self.kind[candidates]
            return candidates, sites
        # several molecules may reach one site in the same step: pick one at random
        order = self.rng.permutation(candidates.size)
        won_sites, first = np.unique(sites[order], return_index=True)
        winners = candidates[order[first]]
        self.receptor_kind[won_sites] = self.kind[winners]
        return winners, won_sites

    def _clear(self, bound: np.ndarray) -> None:
        """Free molecules leave by clearance; bound ones leave the free arrays."""
        n = self.x.size
        if n == 0:
            return
        clearing = self.rng.random(n) < self.table["clear_chance"][self.kind]
        clearing[bound] = False
        if clearing.any():
            self.cleared += np.bincount(self.kind[clearing], minlength=self.n_species)
        elif bound.size == 0:
            return
        keep = ~clearing
        keep[bound] = False
        self.x = self.x[keep]
        self.y = self.y[keep]
        self.kind = self.kind[keep]

    def _append(self, x: np.ndarray, y: np.ndarray, kind) -> None:
        # a scalar species id (an arrival) or the kinds of released molecules
        kinds = kind if isinstance(kind, np.ndarray) else np.full(x.size, kind, np.int8)
        self.x = np.concatenate([self.x, x])
        self.y = np.concatenate([self.y, y])
        self.kind = np.concatenate([self.kind, kinds])
