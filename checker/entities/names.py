"""Unify near variants of proper names across a batch with rapidfuzz, inside blocks, never all pairs."""
from __future__ import annotations

from rapidfuzz import fuzz, process


class NameCanon:
    """Maps name ids ("name:lynas rare earth") to one canonical id per near-identical family.

    Names are blocked by their first three letters; inside a block a new name joins an
    existing one when rapidfuzz's ratio reaches ``threshold`` (typos, plurals, spacing),
    never on a shared prefix alone: "Kasalis EV" and "Kasalis Minerals" stay apart.
    """

    def __init__(self, threshold: float = 94.0) -> None:
        self.threshold = threshold
        self._blocks: dict[str, list[str]] = {}
        self._canon: dict[str, str] = {}

    def canonical(self, name: str) -> str:
        """The canonical id for ``name`` (registering it when new)."""
        if not name.startswith("name:"):
            return name
        known = self._canon.get(name)
        if known:
            return known
        text = name[5:]
        block = self._blocks.setdefault(text[:3], [])
        match = process.extractOne(text, block, scorer=fuzz.ratio, score_cutoff=self.threshold) if block else None
        if match:
            canon = "name:" + match[0]
        else:
            block.append(text)
            canon = name
        self._canon[name] = canon
        return canon
