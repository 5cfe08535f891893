"""The alignment lexicons (metrics, commodities, scope and cue words) loaded into one matcher."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker import trie
from checker.align.phrases import PhraseMatcher
from checker.data import DataError, default_rules_dir, expect, expect_str_list, read_toml
from checker.fold import CJK
from checker.quantities import units


_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class Metric:
    id: str
    label: str
    group: str
    static: bool
    money_only: bool
    as_part: str = ""       # the metric of a commodity's share of an owner's whole of this metric
    agents: frozenset[str] = frozenset()   # nouns for who does it ("refineries"), lower-cased
    any_stage: bool = False  # its verbs say any stage's work ("produced", "supplied")
    nouns: frozenset[str] = frozenset()    # its noun phrases, lower-cased
    no_commodity: bool = False               # counts people, not goods: no commodity names it
    # words that make the place of a figure its origin, not its owner ("Chinese visitors", "the largest
    # source market"): such a figure says nothing about the place's own measure
    origin_cues: frozenset[str] = frozenset()
    # its verbs, between a noun of another measure and the amount, name the amount ("the funding round
    # VALUES Voltaria at EUR 1.9 bn" is a valuation, not funding)
    verb_governs: bool = False
    # words right before a place in the amount's clause that make it where the amount goes, not its
    # owner ("exported 11.8 bcm of gas TO Europe", "对欧洲出口"): the amount is the owner's to that place
    place_marks: re.Pattern = _NEVER
    # a company's measure said with these words is another metric ("Nordvik Cells shipped 9.2 GWh of
    # cells" is its sales, as "delivered" is; a country's shipments are its exports)
    company_words: frozenset[str] = frozenset()
    company_metric: str = ""
    company_unless: re.Pattern = _NEVER      # words in the clause that keep it this metric ("abroad")
    # amounts of these dimensions that no word names the measure of are this metric ("had roughly
    # 11,900 MW of offshore wind turning": power in MW is capacity)
    default_for: frozenset[str] = frozenset()
    default_after: re.Pattern = _NEVER       # ... when one of these stands right before it ("had 11,900 MW of")
    # a flow over a period (output, sales), not a level at a time (capacity, a price): a figure for the
    # current year, told before the year is over ("its bookings this year"), covers the part gone by
    flow: bool = False
    # its verbs that yield to a noun of another measure right after the figure ("booked about €24 billion
    # of sales" is sales; "booked 5.2 GW" is orders)
    weak_verbs: frozenset[str] = frozenset()
    # a company's money figure of this measure is of all its business unless its sentence names the goods
    # ("The company booked about €24 billion of sales in 2023", in an article about chip tools)
    whole_business: bool = False
    # a percentage of this measure is a ratio of the subject's own (a capacity factor, an occupancy
    # rate), no share of anyone's whole: shares of it never add up
    ratio: bool = False
    # its verbs that state another measure of an amount that is no money ("The country brought in around
    # 15.3 million tonnes of wheat" is imports; "brought in $8.8 billion" revenue)
    goods_verbs: dict[str, str] = field(default_factory=dict)
    # what a place's (not a company's) amount sent to another place is ("The country sold more than 40 bcm
    # of gas to China" is its exports)
    place_metric: str = ""
    # a share of this measure that another measure makes up is a ratio of the whole's owner:
    # {other measure's group: ratio metric} ("Imports met about 52% of India's DAP demand" is India's
    # import dependence)
    parts: dict[str, str] = field(default_factory=dict)
    # a static measure whose noun a date follows is that period's ("fertiliser subsidies in 2024/25")
    dated_after_noun: bool = False
    # words in the amount's clause that make it another metric: goods grown at home, bought from
    # farmers ("The government bought about 3.4 million tonnes of LOCAL wheat FROM FARMERS" is
    # procurement, no imports)
    home_words: re.Pattern = _NEVER
    home_metric: str = ""
    # plain numbers, however small, are its values ("a total fertility rate of 0.72"): its noun before them
    # makes them figures, where a small number is otherwise a count of things
    bare_numbers: bool = False
    # its nouns that name another measure of a money amount ("deposits grew to £18.4 billion" at a bank is
    # its deposits; "deposits of 44 Mt" stay reserves)
    money_nouns: dict[str, str] = field(default_factory=dict)
    # its values are amounts and rates, never a count of things ("lost about 40% of the water", "lost
    # 2,860 megalitres", but "lost about 12 million birds to culling" is no leakage)
    not_counts: bool = False
    # its verbs that name it only for an amount of goods in units ("ran 11,600 kt of crude through the
    # plant" is refining; "ran a deficit of $5bn" and "ran 1,200 stores" are not)
    goods_only_verbs: frozenset[str] = frozenset()
    # its values are counts of things, never money or amounts ("Its Hainan stores sold 16.6 billion yuan of
    # goods" is no count of stores)
    counts_only: bool = False
    # its values are rates of change ("Same-store sales rose 6.8% in 2023"): the percentage a rise or a fall
    # states is the measure's value, a fall's negative
    growth_rate: bool = False


@dataclass(frozen=True)
class AlignLexicon:
    matcher: PhraseMatcher
    metrics: dict[str, Metric]
    commodity_labels: dict[str, str]
    cues: dict[str, frozenset[str]]
    commodity_finder: re.Pattern       # commodity names only: a cheap scan of a whole article
    commodity_of: dict[str, str]
    # per commodity, metric groups that are one measure for it (aluminium: smelting is production)
    same_metric: dict[str, dict[str, str]] = field(default_factory=dict)
    # words right after a percentage that make it a change ("a 4% increase"), matched at the figure's end
    change_after: re.Pattern = re.compile(r"(?!)")
    # words right after an amount that make it a distance from another figure ("2 Mt short of its cap")
    gap_after: re.Pattern = re.compile(r"(?!)")
    # words right after an amount that make it the size of one item ("15 MW each")
    per_item_after: re.Pattern = re.compile(r"(?!)")
    # words right before an amount that make it the value of one item ("parcels, each worth no more than 150 euros")
    per_item_before: re.Pattern = re.compile(r"(?!)")
    # a modifier that makes a stock of capacity the capacity added ("New EU solar capacity, 2024: 65.5 GW")
    added_before: re.Pattern = re.compile(r"(?!)")
    # a modal of ability and one verb right before an amount: what something can do is its capacity
    ability_before: re.Pattern = re.compile(r"(?!)")
    # per commodity, a unit as written -> the unit it means for that commodity ("ounce" of gold: troy)
    commodity_units: dict[str, dict[str, str]] = field(default_factory=dict)
    # per commodity, package word -> (weight, unit) of the trade's standard package ("bags" of coffee: 60 kg)
    packages: dict[str, dict[str, tuple[float, str]]] = field(default_factory=dict)
    # commodities whose name after another's names no other goods ("potash fertiliser" is potash)
    generic_commodities: frozenset[str] = frozenset()
    # outputs made from a source ("electricity"): an amount of one is of the source named before it
    output_commodities: frozenset[str] = frozenset()
    # per commodity, the commodities that are kinds of it ("the grain" in an article about wheat is wheat)
    commodity_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    # unit id -> the commodities measured in it (commodities.toml measured_in), the first the usual one
    unit_commodities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # commodity id -> the metric group a count of these goods someone has is (commodities.toml held_as:
    # "The company had about 61,000 vehicles" is its fleet)
    held_as: dict[str, str] = field(default_factory=dict)
    # "the country" -> "country": the kind of place an anaphor points back to
    place_anaphors: dict[str, str] = field(default_factory=dict)
    # the metric groups whose percentages are ratios, and those whose company money is all its business
    # (Metric.ratio, Metric.whole_business), gathered once
    ratio_groups: frozenset[str] = frozenset()
    count_groups: frozenset[str] = frozenset()     # measures only counts carry ("41 cargoes, or about 2.9 million tons")
    whole_business_groups: frozenset[str] = frozenset()
    no_commodity_groups: frozenset[str] = frozenset()       # Metric.no_commodity, gathered once
    origin_metrics: frozenset[str] = frozenset()            # groups of metrics with origin_cues, gathered once
    part_ratios: dict[str, dict[str, str]] = field(default_factory=dict)   # group -> Metric.parts, gathered once
    # the cue patterns below are built from the lists of the same names in cues.toml
    further_before: re.Pattern = _NEVER          # "a further 213 Mt": more of something else
    held_before: re.Pattern = _NEVER             # "had about 61,000 vehicles": what someone has
    compared_before: re.Pattern = _NEVER         # "after Chile": a place compared with
    together: re.Pattern = _NEVER                # "together they made up 47%": a joint figure
    previous_before: re.Pattern = _NEVER         # "from 21%": the earlier value of another period
    change_amount_before: re.Pattern = _NEVER    # "up about 170,000 bpd": a change of an amount
    per_unit_after: re.Pattern = _NEVER          # "$80 a barrel": a price per unit
    per_unit_before: re.Pattern = _NEVER         # "A litre of extra virgin oil cost about": a price per unit
    per_area_after: re.Pattern = _NEVER          # "21.4 tonnes of fresh fruit bunches per hectare": a yield
    locative_before: re.Pattern = _NEVER         # "mine in Chile": where a project is
    project_money_metrics: frozenset[str] = frozenset()
    facility_parts: frozenset[str] = frozenset()   # "the first phase": part of a facility named before
    line_after: re.Pattern = _NEVER                # "2.5万吨/年产线", "a 25,000-tonne line": the size of one line
    revision: re.Pattern = _NEVER                  # "raised its estimate ... to": a revision said as such
    final: re.Pattern = _NEVER                     # "in its final figures": a count done, superseding estimates
    horizon: re.Pattern = _NEVER                   # "in its first full year of operation": no date to compare at
    full_operation: re.Pattern = _NEVER            # "once complete": a forecast of the facility at full operation
    # a sentence opening with these states a measure with more or less in it ("Including offal, China's
    # imports of pig meat totalled about 2.6 million tonnes"): not the plain measure
    scope_opener: re.Pattern = _NEVER
    # anywhere in a sentence, words that make its measure a wider one ("including indirect and induced effects")
    scope_widener: re.Pattern = _NEVER
    # the part of a population a measure is told of ("the jobless rate for Spaniards under 25"): phrase -> group
    population_groups: dict[str, str] = field(default_factory=dict)
    population_finder: re.Pattern = _NEVER
    estimate: re.Pattern = _NEVER                  # "raised its estimate of ...": for a period not over, a forecast
    combined_before: re.Pattern = _NEVER           # "..., a combined 9.1 Mt": the sum of the figures listed before
    reference_of: re.Pattern = _NEVER              # "99% of the pre-pandemic level": a ratio, no share
    product_part_before: re.Pattern = _NEVER       # "Super-premium products accounted for 38%": a product line's part
    year_before: re.Pattern = _NEVER               # "the previous year's 87 GW": the year before the sentence's
    year_after: re.Pattern = _NEVER                # "the 430 it handed over a year earlier": the same
    national: re.Pattern = _NEVER                  # "of the national total": the country's whole
    abroad_after: re.Pattern = _NEVER              # "96 restaurants overseas": outside the home market
    abroad_opening: re.Pattern = _NEVER            # "Overseas, the chain had 96 restaurants"
    agent_by: re.Pattern = _NEVER                  # "backed by US$3bn": an agent's "by", no change
    length_nouns: frozenset[str] = frozenset()     # "the 34-km line": a length of the line
    part_length_nouns: frozenset[str] = frozenset()  # "a 1,700-metre quay": a length of the facility's quay


_METRIC_KEYS = {"label", "group", "nouns", "verbs", "bare_numbers", "sources", "destinations", "static", "money_only", "as_part", "agents",
                "any_stage", "no_commodity", "origin_cues",
                "verb_governs", "place_marks", "company_words", "company_metric", "company_unless", "default_for", "default_after", "flow", "weak_verbs",
                "whole_business", "ratio", "goods_verbs", "place_metric", "parts", "dated_after_noun",
                "home_words", "home_metric", "money_nouns", "not_counts", "goods_only_verbs", "counts_only", "growth_rate"}


@functools.lru_cache(maxsize=4)
def load_align_lexicon(rules_dir: str | None = None) -> AlignLexicon:
    """Read metrics.toml, commodities.toml and cues.toml from rules/lexicons/."""
    base = Path(rules_dir or default_rules_dir()) / "lexicons"
    matcher = PhraseMatcher()
    metrics: dict[str, Metric] = {}

    path = base / "metrics.toml"
    data = read_toml(path)
    scope = expect(data, "scope", dict, path)
    for word in expect_str_list(scope, "global", path, where="scope"):
        matcher.add(word, "global", "global")
    for metric_id, entry in expect(data, "metric", dict, path).items():
        where = f"metric.{metric_id}"
        if not isinstance(entry, dict):
            raise DataError(path, "expected a table", key=where)
        unknown = set(entry) - _METRIC_KEYS
        if unknown:
            raise DataError(path, f"unknown key(s): {', '.join(sorted(unknown))}", key=where)
        metrics[metric_id] = Metric(
            metric_id,
            expect(entry, "label", str, path, where=where),
            expect(entry, "group", str, path, default=metric_id, where=where),
            expect(entry, "static", bool, path, default=False, where=where),
            expect(entry, "money_only", bool, path, default=False, where=where),
            expect(entry, "as_part", str, path, default="", where=where),
            frozenset(a.lower() for a in expect_str_list(entry, "agents", path, default=[], where=where)),
            expect(entry, "any_stage", bool, path, default=False, where=where),
            frozenset(n.lower() for n in expect_str_list(entry, "nouns", path, where=where)),
            expect(entry, "no_commodity", bool, path, default=False, where=where),
            frozenset(w.lower() for w in expect_str_list(entry, "origin_cues", path, default=[], where=where)),
            expect(entry, "verb_governs", bool, path, default=False, where=where),
            _place_marks(expect_str_list(entry, "place_marks", path, default=[], where=where)),
            frozenset(w.lower() for w in expect_str_list(entry, "company_words", path, default=[], where=where)),
            expect(entry, "company_metric", str, path, default="", where=where),
            _words(expect_str_list(entry, "company_unless", path, default=[], where=where)),
            frozenset(expect_str_list(entry, "default_for", path, default=[], where=where)),
            _words_before(expect_str_list(entry, "default_after", path, default=[], where=where)),
            expect(entry, "flow", bool, path, default=False, where=where),
            frozenset(w.lower() for w in expect_str_list(entry, "weak_verbs", path, default=[], where=where)),
            expect(entry, "whole_business", bool, path, default=False, where=where),
            expect(entry, "ratio", bool, path, default=False, where=where),
            {k.lower(): v for k, v in expect(entry, "goods_verbs", dict, path, default={}, where=where).items()},
            expect(entry, "place_metric", str, path, default="", where=where),
            {k: v for k, v in expect(entry, "parts", dict, path, default={}, where=where).items()},
            expect(entry, "dated_after_noun", bool, path, default=False, where=where),
            _words(expect_str_list(entry, "home_words", path, default=[], where=where)),
            expect(entry, "home_metric", str, path, default="", where=where),
            expect(entry, "bare_numbers", bool, path, default=False, where=where),
            {k.lower(): v for k, v in expect(entry, "money_nouns", dict, path, default={}, where=where).items()},
            expect(entry, "not_counts", bool, path, default=False, where=where),
            frozenset(w.lower() for w in expect_str_list(entry, "goods_only_verbs", path, default=[], where=where)),
            expect(entry, "counts_only", bool, path, default=False, where=where),
            expect(entry, "growth_rate", bool, path, default=False, where=where),
        )
        for noun in sorted(metrics[metric_id].nouns | metrics[metric_id].agents):
            matcher.add(noun, "metric_noun", metric_id)
        for verb in expect_str_list(entry, "verbs", path, default=[], where=where) + sorted(metrics[metric_id].goods_only_verbs):
            matcher.add(verb, "metric_verb", metric_id)
        for verb in expect_str_list(entry, "sources", path, default=[], where=where):
            matcher.add(verb, "metric_source", metric_id)
        for verb in expect_str_list(entry, "destinations", path, default=[], where=where):
            matcher.add(verb, "metric_destination", metric_id)

    groups = {m.group for m in metrics.values()}
    for metric in metrics.values():
        if metric.as_part and metric.as_part not in groups:
            raise DataError(base / "metrics.toml", f"as_part {metric.as_part!r} is no metric's group", key=f"metric.{metric.id}")
        for part, ratio in metric.parts.items():
            if part not in groups or ratio not in groups:
                raise DataError(base / "metrics.toml", f"parts {part!r} = {ratio!r}: both must be metrics' groups",
                                key=f"metric.{metric.id}")
        if metric.home_metric and metric.home_metric not in groups:
            raise DataError(base / "metrics.toml", f"home_metric {metric.home_metric!r} is no metric's group",
                            key=f"metric.{metric.id}")
        if metric.company_metric and metric.company_metric not in groups:
            raise DataError(base / "metrics.toml", f"company_metric {metric.company_metric!r} is no metric's group",
                            key=f"metric.{metric.id}")

    path = base / "commodities.toml"
    data = read_toml(path)
    labels: dict[str, str] = {}
    commodity_of: dict[str, str] = {}
    # [default] same_metric holds for every commodity (and a figure with none) unless its own says otherwise
    default = _same_metric(expect(data, "default", dict, path, default={}), "default", groups, path)
    same_metric: dict[str, dict[str, str]] = {"": default} if default else {}
    commodity_units: dict[str, dict[str, str]] = {}
    packages: dict[str, dict[str, tuple[float, str]]] = {}
    generic: set[str] = set()
    outputs: set[str] = set()
    kinds: dict[str, frozenset[str]] = {}
    unit_goods: dict[str, list[str]] = {}
    held_as: dict[str, str] = {}
    for commodity_id, entry in expect(data, "commodity", dict, path).items():
        if held := expect(entry, "held_as", str, path, default="", where=f"commodity.{commodity_id}"):
            if held not in groups:
                raise DataError(path, f"held_as {held!r} is no metric's group", key=f"commodity.{commodity_id}")
            held_as[commodity_id] = held
        for unit in expect_str_list(entry, "measured_in", path, where=f"commodity.{commodity_id}", default=[]):
            if unit not in _unit_ids():
                raise DataError(path, f"measured_in: no such unit {unit!r} in rules/units.toml", key=f"commodity.{commodity_id}")
            unit_goods.setdefault(unit, []).append(commodity_id)
        names = expect_str_list(entry, "names", path, where=f"commodity.{commodity_id}")
        members = expect_str_list(entry, "kinds", path, where=f"commodity.{commodity_id}", default=[])
        if members:
            kinds[commodity_id] = frozenset(members)
        if expect(entry, "generic", bool, path, default=False, where=f"commodity.{commodity_id}"):
            generic.add(commodity_id)
        if expect(entry, "made_from_source", bool, path, default=False, where=f"commodity.{commodity_id}"):
            outputs.add(commodity_id)
        meant = _commodity_units(entry, f"commodity.{commodity_id}", path)
        if meant:
            commodity_units[commodity_id] = meant
        weights = _packages(entry, f"commodity.{commodity_id}", path)
        if weights:
            packages[commodity_id] = weights
        aliases = {**default, **_same_metric(entry, f"commodity.{commodity_id}", groups, path)}
        if aliases:
            same_metric[commodity_id] = aliases
        labels[commodity_id] = names[0] if names else commodity_id
        for name in names:
            matcher.add(name, "commodity", commodity_id)
            commodity_of.setdefault(name.lower(), commodity_id)
    for commodity_id, members in kinds.items():
        unknown = sorted(members - set(labels))
        if unknown:
            raise DataError(path, f"kinds: no such commodity(ies): {', '.join(unknown)}", key=f"commodity.{commodity_id}")
    names_alt = trie.alternation([n for n in commodity_of if not CJK.search(n)])
    cjk_alt = trie.alternation([n for n in commodity_of if CJK.search(n)])
    # run on lower-cased text: a case-insensitive alternation is several times slower in `re`; Chinese
    # names stand inside runs of Chinese text, with no word boundary to look for
    # ("bundling streaming with mobile plans": a name that describes another thing, [default] describes, counts for none)
    describes = expect_str_list(expect(data, "default", dict, path, default={}), "describes", path, default=[], where="default")
    describing = rf"(?![ \t]+(?:{trie.alternation(w.lower() for w in describes)})(?![\w-]))" if describes else ""
    commodity_finder = re.compile(rf"(?<![\w-])(?:{names_alt})(?![\w-]){describing}" + (f"|{cjk_alt}" if cjk_alt else ""))

    path = base / "cues.toml"
    data = read_toml(path)
    cues: dict[str, frozenset[str]] = {}
    place_anaphors: dict[str, str] = {}
    for phrase, kind in expect(data, "place_anaphors", dict, path, default={}).items():
        if not isinstance(kind, str):
            raise DataError(path, "expected an entity kind (a string)", key=f"place_anaphors.{phrase}")
        matcher.add(phrase, "place_anaphors", kind)
        place_anaphors[phrase.lower()] = kind
    optional = ("company_anaphors", "not_pronouns", "not_global", "same_period")
    for key in ("attribution", "pronouns", "not_pronouns", "not_global", "respectively", "change", "not_change", "share_words",
                "company_anaphors", "same_period"):
        words = expect_str_list(data, key, path, default=[] if key in optional else ...)
        cues[key] = frozenset(w.lower() for w in words)
        for word in words:
            matcher.add(word, key, key)
    cues["change_nouns"] = frozenset(w.lower() for w in expect_str_list(data, "change_nouns", path, default=[]))
    cues["supply_verbs"] = frozenset(w.lower() for w in expect_str_list(data, "supply_verbs", path, default=[]))
    cues["abroad_words"] = frozenset(w.lower() for w in expect_str_list(data, "abroad_words", path, default=[]))
    cues["coin_words"] = frozenset(w.lower() for w in expect_str_list(data, "coin_words", path, default=[]))
    cues["not_agent_nouns"] = frozenset(w.lower() for w in expect_str_list(data, "not_agent_nouns", path, default=[]))
    return AlignLexicon(matcher, metrics, labels, cues, commodity_finder, commodity_of, same_metric,
                        change_after=_words_after(data, "change_after", path),
                        gap_after=_words_after(data, "gap_after", path),
                        per_item_after=_words_after(data, "per_item_after", path),
                        per_item_before=_words_before([w.lower() for w in expect_str_list(data, "per_item_before", path, default=[])]),
                        added_before=_added(data, path), ability_before=_ability(data, path),
                        commodity_units=commodity_units, packages=packages, generic_commodities=frozenset(generic),
                        output_commodities=frozenset(outputs),
                        commodity_kinds=kinds,
                        unit_commodities={unit: tuple(goods) for unit, goods in unit_goods.items()},
                        held_as=held_as,
                        place_anaphors=place_anaphors,
                        ratio_groups=frozenset(m.group for m in metrics.values() if m.ratio),
                        count_groups=frozenset(m.group for m in metrics.values() if m.counts_only),
                        whole_business_groups=frozenset(m.group for m in metrics.values() if m.whole_business),
                        no_commodity_groups=frozenset(m.group for m in metrics.values() if m.no_commodity),
                        origin_metrics=frozenset(m.group for m in metrics.values() if m.origin_cues),
                        part_ratios={m.group: m.parts for m in metrics.values() if m.parts},
                        **_cue_patterns(data, path, set(metrics)))


def _population_groups(data: dict, path: Path) -> dict:
    """cues.toml [population_groups]: group -> phrases ("youth" = ["under 25", "under-25s", ...])."""
    table = expect(data, "population_groups", dict, path, default={})
    groups: dict[str, str] = {}
    for group, phrases in table.items():
        for phrase in expect_str_list(table, group, path, where="population_groups"):
            groups[" ".join(phrase.lower().split())] = group
    if not groups:
        return {}
    finder = re.compile(rf"(?<![\w-])(?:{trie.phrase_alternation(groups)})(?![\w-])", re.I)
    return {"population_groups": groups, "population_finder": finder}


def _one_unit_of(words: list[str], verbs: list[str]) -> re.Pattern:
    """ "A litre of extra virgin oil cost about": one unit of goods and a verb of price, right before the amount."""
    latin = [w.rstrip("*") for w in words if not CJK.search(w)]
    if not latin or not verbs:
        return _NEVER
    return re.compile(rf"\b(?:a|one|each|per)\s+(?:{trie.phrase_alternation(latin)})\w*\s+of\s+[^,;.]{{0,50}}?"
                      rf"\b(?:{trie.phrase_alternation(verbs)})\s+(?:an\s+average\s+of\s+|on\s+average\s+)?"
                      rf"(?:about|around|roughly|some|nearly|almost|just\s+over|just\s+under|more\s+than|less\s+than|over|under)?\s*$", re.I)


def _per_unit(words: list[str], modifiers: str | None) -> re.Pattern:
    """ " per kgMS", " a barrel": "per"/"a" and a unit word; a word written "kg*" is a stem."""
    stems = [w[:-1] for w in words if w.endswith("*")]
    whole = [w for w in words if not w.endswith("*")]
    branches = ([rf"(?:{trie.phrase_alternation(stems)})\w*"] if stems else []) \
        + ([rf"(?:{trie.phrase_alternation(whole)})\b"] if whole else [])
    if not branches:
        return _NEVER
    before = rf"(?:(?:{modifiers})\s+)?" if modifiers else ""
    cjk = [w for w in whole if CJK.search(w)]
    # ("$80/bbl", "7.65元/斤", "每吨"): a slash, or Chinese 每, before the unit says "per" too
    slash = rf"|\s*/\s*(?:{'|'.join(branches)})" + (rf"|\s*/\s*(?:{trie.alternation(cjk)})|\s*每(?:{trie.alternation(cjk)})" if cjk else "")
    return re.compile(rf"\s+(?:per|a|an)\s+{before}(?:{'|'.join(branches)}){slash}", re.I)


def _word_pattern(words: list[str], source: str) -> re.Pattern:
    """``source`` (a regex with ``{alt}``) around ``words``, case-insensitive; Chinese words stand in it
    without the word boundaries and spaces that Chinese text does not write ("由7700万吨", "对欧洲出口")."""
    latin = [w for w in words if not CJK.search(w)]
    cjk = [w for w in words if CJK.search(w)]
    sources = [source.format(alt=trie.phrase_alternation(latin))] if latin else []
    if cjk:
        bare = re.sub(r"\\s\+(?:\(\?:[^)]*\)\?)?", "", source.replace(r"\b", ""))
        sources.append(bare.format(alt=trie.alternation(cjk)))
    return re.compile("|".join(sources), re.I) if sources else _NEVER


def _words(words: list[str]) -> re.Pattern:
    """Any of ``words`` as whole words."""
    return _word_pattern(words, r"\b(?:{alt})\b")


def _words_before(words: list[str]) -> re.Pattern:
    """Any of ``words`` as the last word before the end of the searched stretch."""
    return _word_pattern(words, r"\b(?:{alt})\s+$")


def _place_marks(words: list[str]) -> re.Pattern:
    """Words right before a place: English ones before an optional "the"; Chinese ones bare."""
    return _word_pattern(words, r"\b(?:{alt})\s+(?:the\s+)?$")


def _cue_patterns(data: dict, path: Path, metric_ids: set[str]) -> dict:
    """The cue patterns of cues.toml's word lists (see the comments there)."""
    def alt(key: str) -> str | None:
        words = expect_str_list(data, key, path, default=[])
        return trie.phrase_alternation(words) if words else None

    def pattern(key: str, source: str) -> re.Pattern:
        return _word_pattern(expect_str_list(data, key, path, default=[]), source)

    money = expect_str_list(data, "project_money_metrics", path, default=[])
    unknown = sorted(set(money) - metric_ids)
    if unknown:
        raise DataError(path, f"project_money_metrics: no such metric(s): {', '.join(unknown)}")
    modifiers = alt("per_unit_modifiers")
    compass = alt("compass")
    return {
        "further_before": pattern("further", r"\b(?:{alt})\s+(?:of\s+)?$"),
        # ("ended 2023 with just under 57,000 vehicles": what someone had at a period's end)
        "held_before": pattern("held", r"\b(?:{alt}|end(?:ed|s)?\s+[^,.;]{{1,25}}?\s+with)\s+(?:a\s+fleet\s+of\s+)?$"),
        "compared_before": pattern("compared", r"\b(?:{alt})\s+(?:the\s+)?$"),
        "together": pattern("together", r"(?:\b|(?<=[\u4e00-\u9fff]))(?:{alt})(?:\b|(?=[\u4e00-\u9fff]))"),
        "combined_before": pattern("combined_before", r"\b(?:{alt})\s+(?:of\s+)?$"),
        "reference_of": pattern("reference_nouns", r"\b(?:{alt})\W*$"),
        # (the line's own word right before the noun: "super-premium tins made up nearly half of its revenue")
        "product_part_before": pattern("product_line_nouns", r"(?:^|(?<=[\s,]))(?P<part>[A-Za-z][a-z]+(?:-[a-z]+)*)\s+(?:{alt})\s+"
                                                             r"(?:accounted\s+for|made\s+up|represented|brought\s+in|generated|contributed)\s+$"),
        "year_before": pattern("year_before", r"\b(?:{alt})\s+(?:[a-z-]+\s+){{0,2}}$"),
        # (up to four words between, none a figure's or a clause's end: "the 430 it handed over a year earlier")
        # (not "the 180,000-185,000 tonne range it gave a year ago": when a forecast was given, not its period)
        "year_after": pattern("year_after", r"(?:\s+(?!(?:range|forecast|guidance|target|outlook|estimate|projection|goal|plan)\b)[a-z-]+){{0,4}}?\s+(?:{alt})\b"),
        # ("from a record €9.2 billion", "up from an earlier range of $140 million to $170 million")
        # ("from a pandemic-era record of $15.1 billion": up to two words before the level named)
        # ("the most since the 2015 record of 112.4 million tonnes": a year may name the record)
        # ("上年同期盈利14亿元": a Chinese cue runs on into the measure's word, with no space)
        "previous_before": pattern("previous", r"\b(?:{alt})(?:(?<=[\u4e00-\u9fff])[\u4e00-\u9fff]{{0,2}}$|\s+)(?:a\s+|an\s+)?(?:record\s+|revised\s+"
                                               r"|(?:the\s+)?(?:[a-z-]+\s+|(?:19|20)\d\d\s+){{0,2}}(?:record|high|peak|low)\s+of\s+"
                                               r"|(?:(?:its|the|their)\s+)?(?:earlier|previous|prior|original|initial)\s+(?:range|forecast|estimate|guidance|target|outlook)\s+of\s+"
                                               # ("swung to a net profit of 455 million yuan, from a loss of 160 million yuan")
                                               r"|(?:(?:net|operating|pre-tax)\s+)?(?:loss|profit|deficit|surplus)\s+of\s+"
                                               # ("earning 3.1 billion yuan after losing 2.6 billion yuan a year earlier")
                                               r"|(?:losing|earning|making)\s+)?$"),
        "change_amount_before": pattern("change_amount", r"\b(?:{alt})\s+(?:(?:a|an|another)\s+(?:record\s+|further\s+|net\s+)?)?$"),
        "per_unit_after": _per_unit(expect_str_list(data, "per_unit", path, default=[]), modifiers),
        "per_area_after": _per_area(expect_str_list(data, "per_area", path, default=[])),
        "per_unit_before": _one_unit_of(expect_str_list(data, "per_unit", path, default=[]),
                                        expect_str_list(data, "per_unit_verbs", path, default=[])),
        "locative_before": pattern("locative", r"\b(?:{alt})\s+(?:the\s+)?" + (rf"(?:(?:{compass})\s+)?" if compass else "") + "$"),
        "project_money_metrics": frozenset(money),
        "facility_parts": frozenset(w.lower() for w in expect_str_list(data, "facility_parts", path, default=[])),
        # ("the 20,000-tonne second line": an ordinal may stand between)
        "line_after": pattern("line_nouns", r"(?:/年|\s+a\s+year|-a-year)?\s+(?:(?:first|second|third|fourth|fifth|sixth|new)\s+)?(?:{alt})\b"),
        "revision": pattern("revision_verbs", r"\b(?:{alt})\b"),
        "horizon": pattern("horizon", r"\b(?:{alt})\b"),
        "full_operation": pattern("full_operation", r"\b(?:{alt})\b"),
        "scope_opener": pattern("scope_openers", r"^\W*(?:{alt})\b"),
        "scope_widener": pattern("scope_wideners", r"\b(?:{alt})\b"),
        **_population_groups(data, path),
        "estimate": pattern("estimate_nouns", r"\b(?:{alt})\b"),
        "final": pattern("final_words", r"(?:\b|(?<=[\u4e00-\u9fff]))(?:{alt})"),
        "national": pattern("national", r"\b(?:{alt})\b"),
        # (the counted noun may stand between: "96 overseas restaurants", "96 restaurants outside the mainland")
        "abroad_after": pattern("abroad", r"(?:\s+[a-z][\w-]*){{0,2}}?\s+(?:{alt})\b"),
        "abroad_opening": pattern("abroad", r"^\W*(?:{alt})\s*,"),
        "agent_by": pattern("agent_by", r"\b(?:{alt})\s+by\s+$"),
        "length_nouns": frozenset(w.lower() for w in expect_str_list(data, "length_nouns", path, default=[])),
        "part_length_nouns": frozenset(w.lower() for w in expect_str_list(data, "part_length_nouns", path, default=[])),
    }


def _unit_ids() -> frozenset[str]:
    table = units.table()
    return frozenset(u.pint for u in (*table["words"].values(), *table["symbols"].values()))


def _packages(entry: dict, where: str, path: Path) -> dict[str, tuple[float, str]]:
    """ packages = { bags = [60, "kilogram"] }: a weight and a mass unit of rules/units.toml per package word."""
    weights = expect(entry, "packages", dict, path, default={}, where=where)
    if not weights:
        return {}
    masses = {u.pint for u in (*units.table()["words"].values(), *units.table()["symbols"].values()) if u.dimension == "mass"}
    found: dict[str, tuple[float, str]] = {}
    for word, spec in weights.items():
        if not (isinstance(spec, list) and len(spec) == 2 and isinstance(spec[0], (int, float))
                and not isinstance(spec[0], bool) and spec[0] > 0 and spec[1] in masses):
            raise DataError(path, f"packages {word!r} should be [weight, mass unit of rules/units.toml], got {spec!r}", key=where)
        found[word.lower()] = (float(spec[0]), spec[1])
    return found




def _commodity_units(entry: dict, where: str, path: Path) -> dict[str, str]:
    """ units = { ounce = "troy_ounce" }: both sides must be units of rules/units.toml of one dimension."""
    meant = expect(entry, "units", dict, path, default={}, where=where)
    if not meant:
        return {}
    known = {u.pint: u.dimension for u in (*units.table()["words"].values(), *units.table()["symbols"].values())}
    for written, unit in meant.items():
        if written not in known or unit not in known or known[written] != known[unit]:
            raise DataError(path, f"units {written!r} = {unit!r}: both must be units of one dimension in rules/units.toml", key=where)
    return dict(meant)


def _added(data: dict, path: Path) -> re.Pattern:
    """ "new ... capacity": the modifier, then at most three words of the noun phrase, then the noun."""
    words = expect_str_list(data, "added_modifiers", path, default=[])
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{trie.alternation({w.lower() for w in words})})\s+(?:[\w'’-]+\s+){{0,3}}$", re.I)


def _ability(data: dict, path: Path) -> re.Pattern:
    """ "could desalinate 4.37 million m3/day", "can process 5 Mt", "is designed to turn out 60,000 tonnes": the
    modal, one verb (with its particle), then the figure."""
    words = expect_str_list(data, "ability", path, default=[])
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{trie.alternation({w.lower() for w in words})})\s+[a-z]+(?:\s+(?:out|up|through|in))?\s+$", re.I)


def _same_metric(entry: dict, where: str, groups: set[str], path: Path) -> dict[str, str]:
    aliases = expect(entry, "same_metric", dict, path, default={}, where=where)
    for group, target in aliases.items():
        if group not in groups or target not in groups:
            raise DataError(path, f"same_metric {group!r} = {target!r}: both must be metric groups", key=where)
    return dict(aliases)


def _per_area(words: list[str]) -> re.Pattern:
    """One of ``words`` after a figure, its goods ("of fresh fruit bunches") between."""
    if not words:
        return _NEVER
    return re.compile(rf"(?:\s+of\s+(?:[\w-]+\s+){{0,3}}?)?\s*(?:{trie.phrase_alternation(words)})(?![\w-])", re.I)


def _words_after(data: dict, key: str, path: Path) -> re.Pattern:
    """Words matched right at a figure's end, case-insensitively."""
    words = expect_str_list(data, key, path, default=[])
    return re.compile(rf"\s*(?:{trie.alternation({w.lower() for w in words})})(?![\w-])" if words else r"(?!)", re.I)
