"""Unify variants of proper names across a batch with rapidfuzz, inside blocks, never all pairs."""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process

from checker.entities.match import load_name_rules
from checker.entities.zh_names import latin_key, load_zh_name_rules, sound_key, sound_part
from checker.fold import CJK


class NameCanon:
    """Maps name ids ("name:lynas rare earths") to one canonical id per family of variants.

    Names are blocked by their first word.  Inside a block a name joins another when
    rapidfuzz's ratio reaches ``threshold`` (typos, plurals, spacing); a short name ("Kasalis",
    "Formosa Wafer") joins the longer name it starts ("Kasalis EV", "Formosa Wafer Manufacturing")
    only when that name is the only one it starts in the batch: "Kasalis EV" and "Kasalis
    Minerals" stay apart, and a bare "Kasalis" next to both stays itself.
    """

    def __init__(self, threshold: float = 94.0, sound_threshold: float = 85.0) -> None:
        self.threshold = threshold
        self.sound_threshold = sound_threshold
        self._canon: dict[str, str] = {}

    def build(self, names: set[str], repeated: set[str] = frozenset(), placed: set[str] = frozenset(),
              places: set[str] = frozenset(), whole: set[str] = frozenset()) -> None:
        """Learn the batch's names once, so short forms can be matched to their unique long form.

        A tentative name ("name?:dealers", a lone capitalised word opening a sentence) is kept
        only when the batch knows it as a name elsewhere; otherwise it maps to "" (no entity).
        ``placed`` are the hyphenated names written with both parts capitalised ("Hamburg-Billbrook");
        ``places`` the names written as places ("the port of Mombasa"), which no longer name starting
        them takes in ("Mombasa South Container Terminal"); ``whole`` the names written with a corporate
        suffix ("Pidelo SpA"), which join no longer name ("Pidelo Market").
        """
        blocks: dict[str, list[str]] = defaultdict(list)
        for name in sorted(n for n in names if n.startswith("name:")):
            blocks[name[5:].split(" ", 1)[0]].append(name[5:])
        for name in (n for n in names if n.startswith("name?:")):
            word = name[6:]
            members = blocks.get(word, [])
            longer = [t for t in members if " " in t]
            if word in members:
                self._canon[name] = "name:" + word
            elif len(longer) == 1:
                self._canon[name] = "name:" + longer[0]
            elif name in repeated:
                self._canon[name] = "name:" + word      # the subject of figures in several articles
            else:
                self._canon[name] = ""
        for first, members in blocks.items():
            kept: list[str] = []
            for text in sorted(members, key=lambda t: (len(t), t)):
                match = process.extractOne(text, kept, scorer=fuzz.ratio, score_cutoff=self.threshold) if kept else None
                self._canon["name:" + text] = "name:" + (match[0] if match else text)
                if not match:
                    kept.append(text)
            # a short form joins the one longer name it starts ("Formosa Wafer" = "Formosa Wafer
            # Manufacturing"); next to two ("Nam Khiao 2", "Nam Khiao 3") it stays itself
            for short in kept:
                if short in places or "name:" + short in whole:
                    continue
                # (not a numbered part of it: "Longonot Ridge 1" is the plant's first unit, not the plant)
                longer = [t for t in kept if t.startswith(short + " ") and not t[len(short) + 1:].isdigit()]
                if len(longer) == 1:
                    for name, canon in self._canon.items():
                        if canon == "name:" + short:
                            self._canon[name] = "name:" + longer[0]
            # a name with a word clipped ("Cordal Moly" = "Cordal Molybdenum") is the one name it clips
            for short in kept:
                words = short.split()
                clipped = [t for t in kept if t != short and len(t.split()) == len(words)
                           and all(b.startswith(a) and (a == b or len(a) >= 4) for a, b in zip(words, t.split()))]
                if len(clipped) == 1 and short not in places:
                    for name, canon in self._canon.items():
                        if canon == "name:" + short:
                            self._canon[name] = "name:" + clipped[0]
        self._without_generic_lead(names)
        # "HyDrive's Hamburg-Billbrook truck station" and "its new truck station in Hamburg's Billbrook
        # district": a hyphenated name whose last part the batch names alone is that name, placed
        # (both parts capitalised where it is written: "Sea-lice costs" and "Lice treatments" name nothing)
        for name in sorted(n for n in names if n in placed and " " not in n):
            last = name.rsplit("-", 1)[1]
            if len(last) >= 4 and "name:" + last in self._canon:
                self._canon[name] = self._canon["name:" + last]
        self._by_sound(names)

    def _without_generic_lead(self, names: set[str]) -> None:
        """ "Costa Dorada" is "Agrícola Costa Dorada": a name the batch also writes after a generic lead
        (names.toml generic_leads) is the longer one, when only one longer name so ends."""
        leads = load_name_rules().generic_leads
        if not leads:
            return
        by_rest: dict[str, list[str]] = defaultdict(list)
        for name in (n[5:] for n in names if n.startswith("name:")):
            first, _, rest = name.partition(" ")
            if first in leads and rest:
                by_rest[rest].append(name)
        for rest, full in by_rest.items():
            if len(full) != 1 or "name:" + rest not in self._canon:
                continue
            short, long = self._canon["name:" + rest], self._canon.get("name:" + full[0], "name:" + full[0])
            for name, canon in self._canon.items():
                if canon == short:
                    self._canon[name] = long

    def _by_sound(self, names: set[str]) -> None:
        """A Chinese name the batch also writes in Latin letters is that name: "德德萨瀑布水电站" is the
        "Dedessa Falls" plant when 德德萨 sounds as "Dedessa" (see ``zh_names.sound_key``)."""
        chinese = sorted(n for n in names if n.startswith("name?:") and CJK.search(n))
        if not chinese:
            return
        firsts: dict[str, list[str]] = defaultdict(list)
        for name in sorted(n[5:] for n in names if n.startswith("name:") and not CJK.search(n)):
            key = latin_key(name.split(" ", 1)[0])
            if len(key) >= 4:
                firsts[key].append(name)
        if not firsts:
            return
        rules = load_zh_name_rules()
        prefixes = rules.region_prefixes
        for name in chinese:
            core = sound_part(name[6:])
            # (the sounds of the name's leading characters, 2 and more: "dede", "dedesa", ...; and without the
            # province it opens with: "河南东岭农牧" is "Dongling")
            cores = [core] + [core[len(p):] for p in prefixes if core.startswith(p) and len(core) - len(p) >= 2]
            sounds = [sound_key(c[:k]) for c in cores for k in range(2, len(c) + 1)]
            scores = {first: max(fuzz.ratio(sound, first) for sound in sounds) for first in firsts} if sounds else {}
            best = sorted(scores.items(), key=lambda kv: -kv[1])[:2]
            if best and best[0][1] >= self.sound_threshold and (len(best) == 1 or best[1][1] < best[0][1]):
                # (of the Latin names so sounding, the one holding the Latin word of the name's trade: "恒耀碳材"
                # is "Hengyao Carbon Materials", not "Hengyao Group"; else the shortest)
                meant = [w for zh, w in rules.trade_latin if zh in name]
                candidates = [t for t in firsts[best[0][0]] if any(w in t.split() for w in meant)] or firsts[best[0][0]]
                latin = min(candidates, key=lambda t: (len(t), t))
                self._canon[name] = self._canon.get("name:" + latin, "name:" + latin)

    def canonical(self, name: str) -> str:
        """The canonical id for ``name`` (names never built map to themselves; unknown tentative ones to "")."""
        if name.startswith("name?:"):
            return self._canon.get(name, "")
        return self._canon.get(name, name)
