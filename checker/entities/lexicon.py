"""Load the entity lexicon (generated countries + curated additions) into one matcher."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker import trie
from checker.data import DataError, default_rules_dir, expect, expect_str_list, read_toml

_ROLES = (("names", "name"), ("demonyms", "demonym"), ("capitals", "government"), ("zh", "name"))
# the role of a surface that holds a place's name but names no place
MASKED = "masked"
_KINDS = {"country", "bloc", "region", "company", "org", "world"}


@dataclass
class EntityInfo:
    id: str
    kind: str
    label: str
    members: tuple[str, ...] = ()


@dataclass
class EntityLexicon:
    """Surface -> (entity id, role), indexed by first word so that matching is dictionary look-ups."""

    entities: dict[str, EntityInfo]
    surfaces: dict[str, tuple[str, str]]
    by_first_word: dict[str, list[str]] = field(repr=False)
    cjk: dict[str, list[str]] = field(repr=False)
    lower_pattern: "re.Pattern | None" = field(default=None, repr=False)
    needs_the: frozenset[str] = frozenset()
    # a word each lower-case surface holds ("world", "centre-south"): a text with none of them needs no search
    lower_hints: tuple[str, ...] = ()

    def label(self, entity_id: str) -> str:
        info = self.entities.get(entity_id)
        return info.label if info else entity_id

    def kind(self, entity_id: str) -> str:
        info = self.entities.get(entity_id)
        if info is None and "+" in entity_id:
            # places listed as one area ("England and Wales"): the kind they share
            kinds = {self.kind(part) for part in entity_id.split("+")}
            return kinds.pop() if len(kinds) == 1 else "name"
        return info.kind if info else "name"

    def with_names(self, names: dict[str, str]) -> "EntityLexicon":
        """This lexicon and the Chinese ``names`` (surface -> name id) one article writes."""
        surfaces = dict(self.surfaces)
        cjk = dict(self.cjk)
        for surface, entity_id in names.items():
            surfaces[surface] = (entity_id, "name")
            cjk[surface[0]] = sorted({*cjk.get(surface[0], ()), surface}, key=lambda s: (-len(s), s))
        return replace(self, surfaces=surfaces, cjk=cjk)


def _merge(files: list[Path]) -> tuple[dict[str, dict], set[str], set[str]]:
    merged: dict[str, dict] = {}
    blocked: set[str] = set()
    masked: set[str] = set()
    for path in files:
        data = read_toml(path)
        aliases = expect(data, "aliases", dict, path, default={})
        blocked.update(expect_str_list(aliases, "blocked", path, default=[], where="aliases"))
        masked.update(expect_str_list(aliases, "masked", path, default=[], where="aliases"))
        for entity_id, entry in expect(data, "entity", dict, path, default={}).items():
            where = f"entity.{entity_id}"
            if not isinstance(entry, dict):
                raise DataError(path, "expected a table", key=where)
            unknown = set(entry) - {"kind", "names", "demonyms", "capitals", "zh", "members", "drop", "label"}
            if unknown:
                raise DataError(path, f"unknown key(s): {', '.join(sorted(unknown))}", key=where)
            target = merged.setdefault(entity_id, {"kind": "country", "names": [], "demonyms": [], "capitals": [], "zh": [], "members": [], "drop": [], "curated_surfaces": set()})
            if path.name == "curated.toml":
                for key in ("names", "demonyms", "capitals", "zh"):
                    target["curated_surfaces"].update(entry.get(key, []))
            if "kind" in entry:
                kind = expect(entry, "kind", str, path, where=where)
                if kind not in _KINDS:
                    raise DataError(path, f"unknown kind {kind!r}; one of {sorted(_KINDS)}", key=f"{where}.kind")
                target["kind"] = kind
            if "label" in entry:
                target["label"] = expect(entry, "label", str, path, where=where)
            for key in ("names", "demonyms", "capitals", "zh", "members", "drop"):
                for value in expect_str_list(entry, key, path, default=[], where=where):
                    if value not in target[key]:
                        target[key].append(value)
    return merged, blocked, masked


def _variants(surface: str) -> list[str]:
    """"the United States" also matches as "The United States" at a sentence start."""
    out = [surface]
    if surface.startswith("the "):
        out.append("The " + surface[4:])
    return out


@functools.lru_cache(maxsize=4)
def load_entities(rules_dir: str | None = None) -> EntityLexicon:
    """All *.toml under rules/entities/, generated first, curated last (curated wins)."""
    base = Path(rules_dir or default_rules_dir()) / "entities"
    files = sorted(base.glob("*.toml"), key=lambda p: (p.name == "curated.toml", p.name))
    if not files:
        raise DataError(base, "no entity lexicon files")
    merged, blocked, masked = _merge(files)
    entities: dict[str, EntityInfo] = {}
    surfaces: dict[str, tuple[str, str]] = {}
    claimed = {surface for entry in merged.values() for surface in entry["curated_surfaces"]}
    claimed |= {"The " + s[4:] for s in claimed if s.startswith("the ")}
    for entity_id, entry in merged.items():
        names = [n for n in entry["names"] if n not in entry["drop"]]
        label = entry.get("label") or next((n for n in names if not n.isupper() and not n.startswith("the ")), names[0] if names else entity_id)
        entities[entity_id] = EntityInfo(entity_id, entry["kind"], label, tuple(entry["members"]))
        for key, role in _ROLES:
            for surface in entry[key]:
                if surface in entry["drop"] or surface in blocked or len(surface) < 2:
                    continue
                curated = surface in entry["curated_surfaces"]
                for variant in _variants(surface):
                    # curated readings always win; a surface two generated entries share keeps its
                    # first reading ("Indian" is India's, not the British Indian Ocean Territory's)
                    if not curated and (variant in surfaces or variant in claimed):
                        continue
                    if surfaces.get(variant, ("", ""))[0] == entity_id:
                        continue            # "U.S." is a name before it is a demonym
                    surfaces[variant] = (entity_id, role)
                    if role == "demonym" and variant.endswith(("an", "i")) and " " not in variant:
                        # "Germans bought 356,000 heat pumps": the people of a place, as its demonym
                        surfaces.setdefault(variant + "s", (entity_id, role))
                    folded = _fold(variant)
                    if folded != variant:          # "Yaounde" for "Yaoundé", "Turkiye" for "Türkiye"
                        surfaces.setdefault(folded, (entity_id, role))
    for surface in masked:
        # goods named for a place ("南美白对虾", whiteleg shrimp; "Brazil nuts"): found, to be passed over
        surfaces[surface] = ("", MASKED)
    by_first_word: dict[str, list[str]] = {}
    cjk: dict[str, list[str]] = {}
    lower: list[str] = []
    needs_the: set[str] = set()
    for surface in sorted(surfaces, key=len, reverse=True):
        if _is_cjk(surface[0]):
            cjk.setdefault(surface[0], []).append(surface)
            continue
        core = surface[4:] if surface.startswith(("the ", "The ")) else surface
        if core[:1].isupper():
            # indexed by its first capitalised word; "the" is taken in when the text has it, and
            # required when only "the X" is an alias ("the Valley" is a capital, "Valley" a word)
            if core not in surfaces:
                surfaces[core] = surfaces[surface]
                needs_the.add(core)
            bucket = by_first_word.setdefault(_first_word(core), [])
            if core not in bucket:
                bucket.append(core)
        elif not surface.startswith("The "):
            lower.append(surface)
    for bucket in by_first_word.values():
        bucket.sort(key=len, reverse=True)
    lower_pattern = re.compile(r"(?<![\w])(?:" + trie.alternation(lower) + r")(?![\w])") if lower else None
    hints = tuple(sorted({max(surface.split(), key=len) for surface in lower}))
    return EntityLexicon(entities, surfaces, by_first_word, cjk, lower_pattern, frozenset(needs_the), hints)


def _first_word(surface: str) -> str:
    for i, ch in enumerate(surface):
        if not (ch.isalnum() or ch in "&-+"):
            return surface[:i] or surface[:1]
    return surface


def _fold(text: str) -> str:
    """The surface without accents, as news wires often write it."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
