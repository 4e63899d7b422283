"""Economic figures in an article: money, percentages, counts of companies/agreements/projects,
volumes and trade-partner ranks, each with its unit, metric, qualifier, period and sentence.

A number becomes a figure only on positive evidence: a currency, a percent sign or word, a volume
unit or an economic count noun right after it; a scaled amount ("4 -6 مليارات") whose currency is
implied nearby or whose sentence speaks of trade/investment; or "عدد الشركات ... 1200". Everything
else (dates, durations, casualties, distances, schools, anniversaries, documents) stays out,
and nouns in not_figures.yaml veto a number even in an economic sentence.
Vocabulary: data/lexicons/units.yaml, metrics.yaml, not_figures.yaml (numbers.yaml for numbers).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from ..lexicons import load_yaml
from ..models import Figure
from ..normalize import normalize
from .arabic import SENTENCE_END, SINGLE_CLITICS
from .numbers import NumberMention, find_numbers, vocab

# Words in the original text (harakat and tatweel stay inside the word), or single symbols.
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+|[%٪$€]|[^\s\w]")
_PUNCT_BREAK = frozenset("،,:()[]{}«»\"“”'|")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_CUT_WORD = re.compile(r"[\u0621-\u064A]{2,}")  # the letters left of a word cut by the excerpt
_NEAR = 300  # characters around a number that can hold its unit, verb, qualifier or noun


class Sentence(NamedTuple):
    start: int
    end: int


class _W(NamedTuple):
    norm: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text`` (Arabic punctuation, line breaks; decimals are not split)."""
    spans: list[Sentence] = []
    pos = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        if text[pos:end].strip():
            spans.append(_trim(text, pos, end))
        pos = end
    if text[pos:].strip():
        spans.append(_trim(text, pos, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)


# A term is (normalised words, payload). Terms are kept longest first (so that
# "حجم التبادل التجاري" wins over "التبادل التجاري") and indexed by their first word.
Term = tuple[tuple[str, ...], Any]  # the payload differs per table (see _Lex)


class Terms:
    def __init__(self, terms: list[Term]):
        self.terms = tuple(sorted(terms, key=lambda t: (-len(t[0]), t[0])))
        self.rank = {t: n for n, t in enumerate(self.terms)}
        self.by_first: dict[str, list[Term]] = {}
        for t in self.terms:
            if t[0]:
                self.by_first.setdefault(t[0][0], []).append(t)

    def starting_with(self, word: str, allow_clitic: bool) -> list[Term]:
        """Terms whose first word ``word`` may spell (longest first)."""
        keys = _term_words_for(word) if allow_clitic else (word,)
        found = [t for key in keys for t in self.by_first.get(key, ())]
        return sorted(set(found), key=self.rank.__getitem__)


@dataclass(frozen=True)
class _Lex:
    currencies: Terms  # payload: (unit, currency)
    percent: Terms
    volumes: Terms
    count_nouns: Terms  # payload: metric
    usd_implied: Terms
    usd_window: int
    adjectives: frozenset[str]
    complements: Terms
    complement_words: int
    not_figures: frozenset[str]
    non_economic: Terms
    metrics: Terms  # payload: metric
    growth: frozenset[str]
    lead_verbs: frozenset[str]
    fronted: Terms  # payload: qualifier
    fronted_window: int
    rank_nouns: frozenset[str]
    rank_context: frozenset[str]
    rank_needs: frozenset[str]
    rank_actors: frozenset[str]
    rank_by: Terms
    rank_superlatives: frozenset[str]
    rank_partner_nouns: frozenset[str]
    periods: dict
    countries: Terms  # payload: country name
    economic: Terms
    signed_docs: Terms
    signing: frozenset[str]
    doc_complements: frozenset[str]
    people: frozenset[str]
    counter_labels: frozenset[str]
    counter_window: int
    per_unit: frozenset[str]
    share_of_not_economic: frozenset[str]
    percent_before: frozenset[str]
    visitor_nouns: Terms
    visitor_context: Terms
    frequency: Terms
    year_words: frozenset[str]
    period_prepositions: frozenset[str]
    multiplier_nouns: Terms
    multiplier_duals: dict[str, float]
    multiplier_definite: dict[str, float]
    change_by: frozenset[str]
    multiplier_context: frozenset[str]
    multiplier_window: int


def _terms(pairs) -> Terms:
    """Terms from (text, payload) pairs."""
    return Terms(list({(tuple(w.norm for w in _words(t, 0, len(t))), payload)
                       for t, payload in pairs}))


def _plain(items) -> Terms:
    return _terms((t, None) for t in items)


def _grouped(groups: dict) -> Terms:
    """{payload: [terms]} → terms carrying their group name."""
    return _terms((t, key) for key, items in groups.items() for t in items)


def _wordset(items) -> frozenset[str]:
    return frozenset(normalize(w) for w in items)


@lru_cache(maxsize=1)
def lexicon() -> _Lex:
    units = load_yaml("units.yaml")
    metrics = load_yaml("metrics.yaml")
    nf = load_yaml("not_figures.yaml")
    return _Lex(
        currencies=_terms((c["term"], (c["unit"], c.get("currency")))
                          for c in units["currencies"]),
        percent=_plain(units["percent"]),
        volumes=_plain(units["volumes"]),
        count_nouns=_grouped(units["count_nouns"]),
        usd_implied=_plain(units["usd_implied"]),
        usd_window=int(units["usd_implied_window"]),
        adjectives=_wordset(units["count_adjectives"]),
        complements=_plain(units["complements"]),
        complement_words=int(units["complement_words"]),
        not_figures=_wordset([*(w for group in nf["nouns"].values() for w in group),
                              *nf["counter_nouns"]]),
        people=_wordset(nf["nouns"]["people"]),
        counter_labels=_wordset(nf["counter_labels"]),
        counter_window=int(nf["counter_window"]),
        per_unit=_wordset(nf["per_unit_words"]),
        share_of_not_economic=_wordset(nf["share_of_not_economic"]),
        non_economic=_plain(nf["context_words"]),
        metrics=_grouped(metrics["metrics"]),
        growth=_wordset(metrics["growth_terms"]),
        lead_verbs=_wordset(metrics["lead_verbs"]),
        fronted=_grouped(metrics["fronted_verbs"]),
        fronted_window=int(metrics["fronted_window"]),
        rank_nouns=_wordset(metrics["rank_nouns"]),
        rank_context=_wordset(metrics["rank_context"]),
        rank_needs=_wordset(metrics["rank_context_needs"]),
        rank_actors=_wordset(metrics["rank_actors"]),
        rank_by=_plain(metrics["rank_by"]),
        rank_superlatives=_wordset(metrics["rank_superlatives"]),
        rank_partner_nouns=_wordset(metrics["rank_partner_nouns"]),
        periods=metrics["periods"],
        countries=_grouped(metrics["countries"]),
        economic=_plain(metrics["economic_words"]),
        signed_docs=_plain(units["signed_documents"]),
        signing=_wordset(units["signing_words"]),
        doc_complements=_wordset(units["document_complements"]),
        percent_before=_wordset(units["percent_before"]),
        visitor_nouns=_plain(units["visitor_nouns"]),
        visitor_context=_plain(units["visitor_context"]),
        frequency=_plain(nf["frequency_words"]),
        year_words=_wordset(metrics["periods"]["year_words"]),
        period_prepositions=_wordset(metrics["periods"]["prepositions"]),
        multiplier_nouns=_plain(units["multiplier_nouns"]),
        multiplier_duals={normalize(w): float(v) for w, v in units["multiplier_duals"].items()},
        multiplier_definite={normalize(w): float(v) for w, v in units["multiplier_definite"].items()},
        change_by=_wordset(units["change_by_words"]),
        multiplier_context=_wordset(metrics["multiplier_context"]) | _wordset(metrics["growth_terms"]),
        multiplier_window=int(metrics["multiplier_window"]),
    )


def _words(text: str, start: int, end: int) -> list[_W]:
    """Normalised words of text[start:end] with their original offsets."""
    out = []
    for m in _WORD.finditer(text, start, end):
        norm = normalize(m.group(0))
        if norm:
            out.append(_W(norm, m.start(), m.end()))
    return out


def _word_eq(w: str, t: str) -> bool:
    """Does a later word ``w`` of a phrase spell term word ``t``? It may carry و and/or ال
    ("مذكرات التفاهم", "النفط والغاز"); the first word of a term goes through _term_words_for.
    """
    if w == t:
        return True
    bare = t[2:] if t.startswith("ال") else t
    if w.startswith("و") and w[1:] in (t, "ال" + bare):
        return True
    return w == "ال" + bare and len(bare) >= 3


@lru_cache(maxsize=1 << 16)
def _term_words_for(w: str) -> tuple[str, ...]:
    """The term words a text word may spell once its clitics (و ف ب ل ك, ال, لل) are dropped."""
    keys = [w]
    if w[:1] in SINGLE_CLITICS:
        keys.append(w[1:])
        if w[1:3] == "ال":
            keys.append(w[3:])
    if w.startswith("لل"):
        keys += [w[2:], "ال" + w[2:]]
    if w.startswith("ال") and len(w) >= 5:
        keys.append(w[2:])
    return tuple(keys)


def _match_at(words: list[_W], k: int, terms: Terms,
              allow_clitic: bool = True) -> tuple[Term, int] | None:
    """The first (longest) term matching words[k:] → (term, index after it)."""
    if k >= len(words):
        return None
    for term in terms.starting_with(words[k].norm, allow_clitic):
        toks = term[0]
        if k + len(toks) > len(words):
            continue
        if all(_word_eq(words[k + n].norm, t) for n, t in enumerate(toks) if n > 0):
            return term, k + len(toks)
    return None


def _find_terms(words: list[_W], terms: Terms) -> list[tuple[int, int, Term]]:
    """All (word index, end index, term) matches of ``terms`` in ``words`` (clitic-aware)."""
    hits = []
    k = 0
    while k < len(words):
        got = _match_at(words, k, terms)
        if got is not None:
            hits.append((k, got[1], got[0]))
            k = got[1]
        else:
            k += 1
    return hits


# --------------------------------------------------------------------------- units

class _Unit(NamedTuple):
    unit: str
    metric: str | None
    currency: str | None
    end: int  # original offset where the unit words end
    next_word: int  # index in the after-words list following the unit


def _unit_after(words: list[_W], lex: _Lex) -> _Unit | None:
    """The unit written right after a number: %, بالمئة, دولار, روبل, طن, شركة, اتفاقية ..."""
    for terms, kind in ((lex.percent, "percent"), (lex.currencies, "currency"),
                        (lex.volumes, "volume"), (lex.count_nouns, "count")):
        got = _match_at(words, 0, terms, allow_clitic=(kind == "percent"))
        if got is None:
            continue
        (_, payload), k = got
        end = words[k - 1].end
        if kind == "currency":
            unit, currency = payload
            return _Unit(unit, None, currency, end, k)
        if kind == "count":
            return _Unit("count", payload, None, end, k)
        return _Unit("percent" if kind == "percent" else "other", None, None, end, k)
    return None


def _symbol_before(text: str, m: NumberMention) -> tuple[str, int] | None:
    """"$" or "%" written right before the number ("$5", "%5") → (unit, its offset)."""
    i = m.start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i >= 0 and text[i] in "$%٪" and (i == 0 or not text[i - 1].isdigit()):
        return ("USD" if text[i] == "$" else "percent"), i
    return None


def _usd_implied(words: list[_W], lex: _Lex) -> bool:
    limit = min(len(words), lex.usd_window)
    return any(_match_at(words, k, lex.usd_implied) for k in range(limit))


def _count_from_context(before: list[_W], lex: _Lex) -> str | None:
    """"عدد الشركات الروسية في أذربيجان 1200" → companies (عدد + count noun shortly before)."""
    window = before[-8:]
    for k, w in enumerate(window):
        if _strip1(w.norm) == "عدد" or w.norm == "عدد":
            for n in range(k + 1, min(k + 3, len(window))):
                got = _match_at(window, n, lex.count_nouns)
                if got is not None:
                    return got[0][1]  # the noun's metric
    return None


# --------------------------------------------------------------------------- context

class _Context:
    """What a sentence says around its figures (metric terms, growth words, country pairs),
    computed once per sentence and looked up by offset."""

    def __init__(self, words: list[_W], lex: _Lex):
        hits = _find_terms(words, lex.metrics)
        self.metric_starts = [words[k].start for k, _, _ in hits]
        self.metrics = [term[1] for _, _, term in hits]
        self.non_economic = bool(_find_terms(words, lex.non_economic))
        self.economic = bool(_find_terms(words, lex.economic))
        self.growth_starts = [w.start for w in words
                              if any(key in lex.growth for key in _term_words_for(w.norm))]
        self.pairs = _pairs(words, lex)
        self.travel = bool(_find_terms(words, lex.visitor_context) or _find_terms(words, lex.countries))

    def metric(self, pos: int) -> str | None:
        """The metric term closest before ``pos``, else the closest after it."""
        i = bisect.bisect_left(self.metric_starts, pos)
        if i > 0:
            return self.metrics[i - 1]
        return self.metrics[0] if self.metrics else None

    def growth_before(self, pos: int) -> bool:
        return bool(self.growth_starts) and self.growth_starts[0] < pos

    def pair(self, pos: int) -> str | None:
        """The country pair named nearest before ``pos`` (else the first), unless Russia–Azerbaijan."""
        if not self.pairs:
            return None
        before = [p for p in self.pairs if p[0] < pos]
        _, c1, c2 = before[-1] if before else self.pairs[0]
        return None if {c1, c2} == {"Russia", "Azerbaijan"} else f"{c1}–{c2}"


@lru_cache(maxsize=1 << 16)
def _strip1(w: str) -> str:
    return w[1:] if w[:1] in SINGLE_CLITICS and len(w) > 3 else w


def _lead_verb_start(words_before: list[_W], lex: _Lex) -> int | None:
    """Start of a growth verb right before the number ("ارتفع 11", "ارتفع بنسبة 11")."""
    if not words_before:
        return None
    last = words_before[-1]
    if last.norm in lex.lead_verbs or _strip1(last.norm) in lex.lead_verbs:
        if last.norm in ("بنسبه",) and len(words_before) > 1:
            prev = words_before[-2]
            if prev.norm in lex.lead_verbs or _strip1(prev.norm) in lex.lead_verbs:
                return _after_conj(prev)
        return _after_conj(last)
    return None


def _fronted_verb(before: list[_W], kind: str, lex: _Lex) -> tuple[int, str | None] | None:
    """A verb opening the clause with the metric as its subject: "تجاوز حجم التجارة 4 مليارات".

    → (offset where the verb starts, qualifier it implies: more_than/less_than, or None for a
    growth verb before a percentage).
    """
    window = before[-lex.fronted_window:]
    for k in range(len(window) - 1, -1, -1):
        if not window[k].norm[:1].isalpha():
            break  # punctuation or a number: another clause
        subject = window[k + 1:]
        if not subject or not (_find_terms(subject, lex.metrics) or _find_terms(subject, lex.economic)):
            continue
        got = _match_at(window, k, lex.fronted)
        if got is not None and got[1] == k + len(got[0][0]):
            negated = _match_at(window, k - 1, lex.fronted) if k > 0 else None
            if negated is not None and negated[1] == k + 1:  # "لا يتجاوز حجم التجارة ..."
                return _after_conj(window[k - 1]), negated[0][1]
            return _after_conj(window[k]), got[0][1]
        if kind == "percent" and (window[k].norm in lex.lead_verbs
                                  or _strip1(window[k].norm) in lex.lead_verbs):
            return _after_conj(window[k]), None
    return None


def _after_conj(w: _W) -> int:
    return w.start + 1 if w.norm[:1] in ("و", "ف") and len(w.norm) > 3 else w.start


class _Period(NamedTuple):
    value: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _period_patterns() -> tuple[re.Pattern, ...]:
    p = lexicon().periods

    def alt(words) -> str:
        return "|".join(re.escape(normalize(w)) for w in sorted(words, key=len, reverse=True))

    prep = rf"(?:(?:{alt(p['prepositions'])})\s+)?"
    year = (rf"(?:(?:{alt(p['year_words'])})\s+)?(?P<year>(?:1[89]|20)\d\d)(?!\d)"
            rf"|(?P<cur>{alt(p['current_year'])})|(?P<last>{alt(p['last_year'])})")
    number_words = alt("ال" + normalize(w) for w, v in load_yaml("numbers.yaml")["units"].items()
                       if 2 <= v <= 12)
    months = (rf"(?:{alt(p['first_words'])})\s+(?P<n>\d{{1,2}})\s+(?:{alt(p['months_words'])})"
              rf"|(?:{alt(p['months_words_definite'])})\s+(?:(?P<nw>{number_words})|"
              rf"ال(?P<n2>\d{{1,2}}))\s+(?:{alt(p['first_after'])})")
    halves = rf"(?P<half>{alt(p['halves'].keys())})"
    partial = rf"{prep}(?:{months}|{halves})\s+(?:من\s+)?(?:{year})"
    return (re.compile(partial), re.compile(rf"{prep}(?:{year})"))


def _period_at(norm: str, published: str | None) -> tuple[str | None, int] | None:
    """A period expression at the start of normalised ``norm`` → (value, normalised length)."""
    partial, whole = _period_patterns()
    m = partial.match(norm)
    kind = "partial"
    if m is None:
        m = whole.match(norm)
        kind = "whole"
    if m is None:
        return None
    year = _year_of(m, published)
    if year is None:
        # "العام الجاري" without a publication date: keep the words, leave the period unknown.
        return (None, m.end()) if m.group("cur") or m.group("last") else None
    if kind == "whole":
        return year, m.end()
    months = _months_of(m)
    if months is not None:
        if not 1 <= months <= 12:
            return None
        return f"{year}-01..{year}-{months:02d}", m.end()
    span = lexicon().periods["halves"]
    rng = {normalize(k): v for k, v in span.items()}[m.group("half")]
    lo, hi = rng.split("..")
    return f"{year}-{lo}..{year}-{hi}", m.end()


def _months_of(m: re.Match) -> int | None:
    """The N of "first N months", in digits or in words ("الأشهر التسعة الأولى")."""
    if m.group("n") or m.group("n2"):
        return int(m.group("n") or m.group("n2"))
    if m.group("nw"):
        return int(vocab().units[m.group("nw")[2:]])
    return None


def _year_of(m: re.Match, published: str | None) -> str | None:
    if m.group("year"):
        return m.group("year")
    pub_year = published[:4] if published and _YEAR.match(published[:4]) else None
    if pub_year is None:
        return None
    if m.group("cur"):
        return pub_year
    return str(int(pub_year) - 1)


def _period_after(text: str, pos: int, limit: int, published: str | None) -> _Period | None:
    """A period right after ``pos`` (only white space between) in the original text."""
    i = pos
    while i < limit and text[i] in " \t":
        i += 1
    if i >= limit:
        return None
    seg = text[i:min(limit, i + _NEAR)]
    norm, back = _norm_map(seg)
    got = _period_at(norm, published)
    if got is None:
        return None
    value, n_len = got
    return _Period(value, i, i + back[n_len - 1] + 1)


def _period_before(text: str, sent: Sentence, pos: int, published: str | None) -> str | None:
    """The nearest "في عام 2023" / "العام الماضي" in the clause before the number (or in the
    clause before that, when the number opens its clause: "في عام 2021، 2.9 مليار دولار")."""
    clause_start = _clause_start(text, sent.start, pos)
    if not text[clause_start:pos].strip() and clause_start > sent.start:
        clause_start = _clause_start(text, sent.start, clause_start - 1)
    norm, _ = _norm_map(text[max(clause_start, pos - _NEAR):pos])
    best = None
    k = 0
    while k < len(norm):
        got = _period_at(norm[k:], published) if k == 0 or norm[k - 1] in " \t" else None
        if got is not None:
            best = got[0] if got[0] is not None else best
            k += max(got[1], 1)
        else:
            k += 1
    return best


def _clause_start(text: str, floor: int, pos: int) -> int:
    return max(floor, text.rfind("،", floor, pos) + 1, text.rfind(",", floor, pos) + 1)


def _norm_map(seg: str) -> tuple[str, list[int]]:
    """Normalised segment and, per normalised char, its index in ``seg``."""
    out, back = [], []
    for i, ch in enumerate(seg):
        n = normalize(ch)
        out.append(n)
        back.extend([i] * len(n))
    return "".join(out), back


def _pairs(words: list[_W], lex: _Lex) -> list[tuple[int, str, str]]:
    """Country pairs named in a sentence: "بين روسيا وتركيا", "التجارة الروسية التركية"."""
    found: list[tuple[int, str, str]] = []
    k = 0
    while k < len(words):
        a = _match_at(words, k, lex.countries)
        if a is None:
            k += 1
            continue
        j = a[1]
        if j < len(words) and words[j].norm in ("-", "–", "—", "ـ"):
            j += 1
        b = _match_at(words, j, lex.countries) if j < len(words) else None
        between = k > 0 and words[k - 1].norm in ("بين", "ما")
        if b is not None and b[0][1] != a[0][1] and (
                between or words[j].norm[:1] != "و" or words[k].norm.startswith("ال")):
            found.append((words[k].start, a[0][1], b[0][1]))
            k = b[1]
        else:
            k = a[1]
    return found


# --------------------------------------------------------------------------- figures

def find_figures(text: str, published: str | None = None) -> list[Figure]:
    """Economic figures of a cleaned article body, in text order."""
    if not text:
        return []
    lex = lexicon()
    sentences = split_sentences(text)
    figures: list[Figure] = []
    contexts: dict[Sentence, _Context] = {}
    cache: dict[Sentence, list[_W]] = {}

    def words_of(sent: Sentence) -> list[_W]:
        if sent not in cache:
            cache[sent] = _words(text, sent.start, sent.end)
        return cache[sent]

    mentions = find_numbers(text)
    for m in mentions:
        if m.kind != "number" and not (m.kind == "ordinal" and _money_or_percent_after(text, m, lex)) \
                and not (m.kind == "year" and _year_shaped_amount(text, m, lex)):
            continue
        sent = _sentence_of(sentences, m.start)
        if sent is None or m.end > sent.end:
            continue  # a mention never spans two sentences
        if sent not in contexts:
            contexts[sent] = _Context(words_of(sent), lex)
        fig = _figure(text, m, sent, contexts[sent], published, lex)
        if fig is not None:
            figures.append(fig)
    for sent in sentences:
        words = words_of(sent)
        figures.extend(_ranks(text, sent, words, lex))
        figures.extend(_dual_multiples(text, sent, words, contexts, lex))
        figures.extend(_fraction_figures(text, sent, words, lex))
        figures.extend(_definite_changes(text, sent, words, lex))
    cut = _cut_restatement(text, sentences, mentions, figures)
    if cut is not None:
        figures.append(cut)
    figures.sort(key=lambda f: f.start)
    return _drop_headline_repeats(text, figures)


def _cut_restatement(text: str, sentences: list[Sentence], mentions: list[NumberMention],
                     figures: list[Figure]) -> Figure | None:
    """An excerpt cut inside its last word: "... أكثر من 5 ملي" restates an earlier figure of the
    article when the cut word starts a scale word and that number with that scale was given
    before ("5 مليارات دولار"). Then it is that figure again, with its own qualifier."""
    if not mentions or not figures:
        return None
    m = mentions[-1]
    if m.kind != "number" or m.scaled:
        return None
    tail = text[m.end:]
    cut = tail.strip()
    if not cut or not tail[:1].isspace() or not _CUT_WORD.fullmatch(cut):
        return None
    stem = normalize(cut)
    scales = {value for word, (value, _) in vocab().scales.items() if word.startswith(stem) and word != stem}
    earlier = [f for f in figures if f.start < m.start and f.value in {m.value * sc for sc in scales}]
    if not earlier:
        return None
    f = earlier[-1]
    start = m.qualifier_start
    sent = _sentence_of(sentences, start)
    return Figure(text=text[start:].rstrip(), value=f.value, value_max=None, unit=f.unit, metric=f.metric,
                  qualifier=m.qualifier, period=None,
                  sentence=text[sent.start:sent.end] if sent else text[start:].rstrip(),
                  start=start, currency=f.currency, pair=f.pair)


def _money_or_percent_after(text: str, m: NumberMention, lex: _Lex) -> bool:
    """"تجاوزت الـ 10%", "الـ 500 دولار": a number after the article is an amount, not an
    ordinal, when money or a percent follows it."""
    unit = _unit_after(_words(text, m.end, min(len(text), m.end + 40)), lex)
    return unit is not None and (unit.unit in ("USD", "percent") or unit.currency is not None)


def _year_shaped_amount(text: str, m: NumberMention, lex: _Lex) -> bool:
    """"قرابة 1800 شركة", "2000 مشروع": a number that looks like a year is a count or an amount
    when a unit follows it and no year word or period preposition (عام, في, خلال ...) precedes it."""
    after = _words(text, m.end, min(len(text), m.end + 40))
    unit = _unit_after(after, lex)
    if unit is None:
        return False
    if unit.unit == "count" and after[0].norm[-1:] not in ("ه", "ا"):
        return False  # 11 and more count a singular noun (1800 شركة, 2000 مشروعا); "2022 مشاريع" is a year
    before = _words(text, max(0, m.qualifier_start - 30), m.qualifier_start)
    return not before or not (_is_word_in(before[-1], lex.year_words)
                               or _is_word_in(before[-1], lex.period_prepositions))


def _figure_key(f: Figure) -> tuple:
    return f.value, f.value_max, f.unit, f.metric


def _drop_headline_repeats(text: str, figures: list[Figure]) -> list[Figure]:
    """A headline figure that the body repeats (same value, unit and metric) is one figure: keep
    the body's, which carries its period and context."""
    headline_end = text.find("\n")
    if headline_end < 0:
        return figures
    body_keys = {_figure_key(f) for f in figures if f.start > headline_end}
    return [f for f in figures if f.start > headline_end or _figure_key(f) not in body_keys]


def _sentence_of(sentences: list[Sentence], pos: int) -> Sentence | None:
    i = bisect.bisect_right([s.start for s in sentences], pos) - 1
    return sentences[i] if i >= 0 and pos < sentences[i].end else None


def _figure(text: str, m: NumberMention, sent: Sentence, ctx: _Context,
            published: str | None, lex: _Lex) -> Figure | None:
    """The figure a number mention makes, or None when it is not an economic figure."""
    # Only the words near the number matter: bound the work on very long sentences.
    after = _words(text, m.end, min(sent.end, m.end + _NEAR))
    after = after[:_clause_len(after)]
    before = _words(text, max(sent.start, m.qualifier_start - _NEAR), m.qualifier_start)
    if _counter_or_price_unit(before, lex) or _per_volume_of_a_price(text, m, before, lex):
        return None
    unit = _classify(text, m, after, before, ctx, lex)
    if unit is None:
        return None
    if unit.unit in ("percent", "other") and _share_of_land_or_people(after, unit.next_word, lex):
        return None
    if unit.unit in ("percent", "other") and unit.currency is None \
            and ctx.non_economic and ctx.metric(m.start) is None:
        # election results, territory or population shares: no trade/investment term around
        return None
    if unit.unit == "percent" and ctx.metric(m.start) is None and not ctx.economic and not ctx.growth_starts:
        return None  # a share of something that is not economic ("النص جاهز بنسبة 80 بالمئة")
    if unit.unit == "count" and not m.words and m.value != int(m.value):
        return None  # 2.5 companies: not a count
    end, qualifier = _extend_end(m, unit, after, lex)
    period = _period_after(text, end, sent.end, published)
    if period is not None:
        end, period_value = period.end, period.value
    else:
        period_value = _period_before(text, sent, m.qualifier_start, published)
    start, qualifier = _span_start(text, m, unit, before, qualifier, lex)
    metric = unit.metric or _metric_of(unit.unit, ctx, m)
    return Figure(text=text[start:end], value=m.value, value_max=m.value_max, unit=unit.unit,
                  metric=metric, qualifier=qualifier, period=period_value,
                  sentence=text[sent.start:sent.end], start=start, currency=unit.currency,
                  pair=ctx.pair(m.start))


def _classify(text: str, m: NumberMention, after: list[_W], before: list[_W],
              ctx: _Context, lex: _Lex) -> _Unit | None:
    """Unit (and, for counts, metric) of a number from the words around it; None = no figure."""
    unit = _unit_after(after, lex)
    if unit is not None:
        return unit
    multiple = _multiple_after(after, before, ctx, lex)
    if multiple is not None:
        return multiple
    visitors = _match_at(after, 0, lex.visitor_nouns, allow_clitic=False) if ctx.travel else None
    if visitors is not None:
        return _Unit("count", "other", None, after[visitors[1] - 1].end, visitors[1])
    signed = _signed_documents(after, before, lex)
    if signed is not None:
        return signed
    if after and (after[0].norm in lex.not_figures or _strip1(after[0].norm) in lex.not_figures):
        return None
    symbol = _symbol_before(text, m)
    if symbol is not None:
        return _Unit(symbol[0], None, None, m.end, 0)
    if not m.scaled and m.qualifier_start == m.start and before \
            and _is_word_in(before[-1], lex.percent_before):
        return _Unit("percent", None, None, m.end, 0)  # "ارتفع بنسبة 5ر13 خلال ..."
    if m.scaled and _usd_implied(after, lex):
        return _Unit("USD", None, None, m.end, 0)  # "... بما يعادله بالدولار"
    if m.scaled and ctx.metric(m.start):
        return _Unit("other", None, None, m.end, 0)  # an amount in a trade sentence
    counted = _count_from_context(before, lex)
    if counted is not None:
        return _Unit("count", counted, None, m.end, 0)
    return None


def _is_word_in(w: _W, words: frozenset[str]) -> bool:
    """Is ``w``, once its clitics and article are dropped, one of ``words``?"""
    return w.norm in words or _strip1(w.norm) in words or any(k in words for k in _term_words_for(w.norm))


def _counter_or_price_unit(before: list[_W], lex: _Lex) -> bool:
    """"المشاهدات: 1.2 ألف" (a page counter) or "لكل ألف متر مكعب" (what a price is for)."""
    if before and before[-1].norm in lex.per_unit:
        return True
    words = [w for w in before if w.norm not in (":", "-", "|")][-lex.counter_window:]
    return any(w.norm in lex.counter_labels for w in words)


def _per_volume_of_a_price(text: str, m: NumberMention, before: list[_W], lex: _Lex) -> bool:
    """"250 دولارا مقابل ألف متر مكعب": a bare scale word (no digits) right after a money unit
    names what the price is for."""
    if not (m.words and m.scaled and m.value in (1e3, 1e6)) or m.qualifier_start != m.start:
        return False
    if (before and before[-1].norm == "و") or text[m.start - 1:m.start] == "و":
        return False  # "200 مليون دولار ومليون طن": a second figure, coordinated
    recent = before[-3:]
    return any(_match_at(recent, k, lex.currencies, allow_clitic=False) for k in range(len(recent)))


def _share_of_land_or_people(after: list[_W], k: int, lex: _Lex) -> bool:
    """"20% من أراضيها", "ثلث السكان": a share of territory, people or votes."""
    if k < len(after) and after[k].norm == "من":
        k += 1
    elif k > 0:
        return False
    return any(_is_word_in(w, lex.share_of_not_economic) for w in after[k:k + 3])


def _clause_before(before: list[_W], lex: _Lex) -> list[_W]:
    """The words of the clause before a number (after the last comma), at most a window."""
    window = before[-lex.multiplier_window:]
    for k in range(len(window) - 1, -1, -1):
        if window[k].norm in _PUNCT_BREAK:
            return window[k + 1:]
    return window


def _change_in_clause(before: list[_W], lex: _Lex) -> bool:
    """A change or comparison word and an economic term in the clause before a multiple, and no
    people counted there ("تضاعف عدد اللاجئين 3 مرات")."""
    clause = _clause_before(before, lex)
    if not any(_is_word_in(w, lex.multiplier_context) for w in clause):
        return False
    if any(_is_word_in(w, lex.people) for w in clause):
        return False
    return bool(_find_terms(clause, lex.economic) or _find_terms(clause, lex.metrics))


def _verb_first_change(before: list[_W], after: list[_W], lex: _Lex) -> bool:
    """"ارتفع بمقدار 3 مرات حجم التبادل": the change word opens the clause right before the
    multiple and the economic subject follows it."""
    clause = _clause_before(before, lex)
    if not clause or len(clause) > 2 or not any(_is_word_in(w, lex.multiplier_context) for w in clause):
        return False
    rest = after[:_clause_len(after)][:4]
    return bool(_find_terms(rest, lex.metrics) or _find_terms(rest, lex.economic))


def _multiple_after(after: list[_W], before: list[_W], ctx: _Context, lex: _Lex) -> _Unit | None:
    """"ارتفعت الصادرات ثلاثة أضعاف", "أكبر بـ3.5 مرات": a multiple after a change or comparison
    word in an economic sentence (unit other, the value is the multiple)."""
    got = _match_at(after, 0, lex.multiplier_nouns, allow_clitic=False)
    if got is None or not (_change_in_clause(before, lex) or _verb_first_change(before, after[got[1]:], lex)):
        return None
    if _match_at(after, got[1], lex.frequency, allow_clitic=False):
        return None  # "3 مرات أسبوعيا": how often, not how much
    return _Unit("other", "other", None, after[got[1] - 1].end, got[1])


def _dual_multiples(text: str, sent: Sentence, words: list[_W], contexts: dict, lex: _Lex) -> list[Figure]:
    """"ارتفع حجم التبادل مرتين": a dual that is a multiple by itself, same conditions."""
    out = []
    for k, w in enumerate(words):
        norm = w.norm if w.norm in lex.multiplier_duals else _strip1(w.norm)
        if norm not in lex.multiplier_duals or not _change_in_clause(words[:k], lex) \
                or _match_at(words, k + 1, lex.frequency, allow_clitic=False):
            continue
        ctx = contexts.get(sent) or _Context(words, lex)
        out.append(Figure(text=text[w.start:w.end], value=lex.multiplier_duals[norm], value_max=None,
                          unit="other", metric="other", qualifier="exact", period=None,
                          sentence=text[sent.start:sent.end], start=w.start, pair=ctx.pair(w.start)))
    return out


def _signed_documents(after: list[_W], before: list[_W], lex: _Lex) -> _Unit | None:
    """"وقع الجانبان 8 وثائق للتعاون": documents counted as agreements when a signing word
    precedes and a cooperation word follows the noun."""
    got = _match_at(after, 0, lex.signed_docs, allow_clitic=False)
    if got is None or not any(w.norm in lex.signing or _strip1(w.norm) in lex.signing for w in before):
        return None
    following = after[got[1]: got[1] + 2]
    if not any(w.norm in lex.doc_complements for w in following):
        return None
    return _Unit("count", "agreements", None, after[got[1] - 1].end, got[1])


def _extend_end(m: NumberMention, unit: _Unit, after: list[_W], lex: _Lex) -> tuple[int, str]:
    """Where the figure text ends (coordinated nouns, تقريبا, complements) and its qualifier."""
    end, k, qualifier = unit.end, unit.next_word, m.qualifier
    if unit.unit == "count" and k > 0:
        end, k = _extend_count(after, k, end, lex)
    if k < len(after) and after[k].norm in vocab().trailing_approx:
        qualifier = "approx" if qualifier == "exact" else qualifier
        end, k = after[k].end, k + 1
    return _extend_complement(after, k, end, lex), qualifier


def _span_start(text: str, m: NumberMention, unit: _Unit, before: list[_W], qualifier: str,
                lex: _Lex) -> tuple[int, str]:
    """Where the figure text starts: the qualifier, a "$"/"%" sign, or the verb before it."""
    start = m.qualifier_start
    symbol = _symbol_before(text, m)
    if symbol is not None and unit.next_word == 0:
        start = min(start, symbol[1])
    fronted = _fronted_verb(before, unit.unit, lex) if m.qualifier_start == m.start else None
    if fronted is not None and (qualifier == "exact" or fronted[1] is None):
        return fronted[0], fronted[1] or qualifier
    lead = _lead_verb_start(before, lex) if unit.unit == "percent" else None
    return (lead if lead is not None else start), qualifier


def _clause_len(words: list[_W]) -> int:
    for k, w in enumerate(words):
        if w.norm in _PUNCT_BREAK:
            return k
    return len(words)


def _extend_count(after: list[_W], k: int, end: int, lex: _Lex) -> tuple[int, int]:
    """Keep coordinated count nouns and economic adjectives: "170 معاهدة واتفاقية"."""
    while k < len(after):
        w = after[k].norm
        if w in lex.adjectives:
            end, k = after[k].end, k + 1
            continue
        if w[:1] == "و":
            got = _match_at([_W(w[1:], 0, 0), *after[k + 1:]], 0, lex.count_nouns,
                            allow_clitic=False)
            if got is not None:
                last = k + got[1] - 1
                end, k = after[last].end, last + 1
                continue
        break
    return end, k


def _extend_complement(after: list[_W], k: int, end: int, lex: _Lex) -> int:
    """Keep "في المجال الاقتصادي" / "من إجمالي تجارة روسيا الخارجية" in the figure text."""
    got = _match_at(after, k, lex.complements, allow_clitic=False)
    if got is None:
        return end
    j = got[1]
    stop = min(len(after), j + lex.complement_words)
    while j < stop and after[j].norm[:1].isalnum():
        j += 1
    return after[j - 1].end


def _metric_of(kind: str, ctx: _Context, m: NumberMention) -> str:
    """Metric of money, percentages and volumes from the terms of the sentence."""
    metric = ctx.metric(m.start)
    if kind == "percent":
        if metric == "trade_turnover" and ctx.growth_before(m.start):
            return "trade_growth"
        return "other"
    if kind == "count":
        return "other"
    return metric or "other"


_RANK_DIGITS = re.compile(r"^(?:ال)?(\d{1,3})$")
_FRACTION_CLITICS = ("وب", "وك", "فب", "و", "ف", "ب", "ك", "ل")


def _rank_after(words: list[_W], k: int) -> tuple[float, int] | None:
    """(rank, index after it) for the ordinal at k: "الثالثة", "الـ5", "ال12", "15"."""
    if k >= len(words):
        return None
    w = words[k].norm
    ordinals = vocab().ordinals
    if w in ordinals:
        return float(ordinals[w]), k + 1
    m = _RANK_DIGITS.match(w)
    if m:
        return float(m.group(1)), k + 1
    if w == "ال" and k + 1 < len(words) and words[k + 1].norm.isdigit() and len(words[k + 1].norm) <= 3:
        return float(words[k + 1].norm), k + 2
    return None


def _economic_rank(words: list[_W], lex: _Lex) -> bool:
    """Is a rank in this sentence a rank among trade partners, investors or suppliers?"""
    norms = {w.norm for w in words} | {_strip1(w.norm) for w in words}
    return bool(norms & lex.rank_actors) or bool(norms & lex.rank_context and norms & lex.rank_needs)


def _ranked_by_economic_measure(words: list[_W], k: int, lex: _Lex) -> bool:
    """"... من حيث حجم التبادل التجاري": the rank at words[:k] is by an economic measure."""
    got = _match_at(words, k, lex.rank_by, allow_clitic=False) or \
        _match_at(words, k + 1, lex.rank_by, allow_clitic=False)  # "المركز الخامس عالميا في"
    if got is None:
        return False
    return any(_match_at(words, n, terms) for n in range(got[1], min(got[1] + 2, len(words)))
               for terms in (lex.metrics, lex.economic))


def _ranks(text: str, sent: Sentence, words: list[_W], lex: _Lex) -> list[Figure]:
    """"المرتبة الثالثة" / "ثاني أكبر شريك تجاري" among trade partners, investors or suppliers, or
    by an economic measure → a rank figure (unit other, the value is the rank)."""
    construct = vocab().construct_ordinals
    out = []
    economic: list[bool] = []  # computed once, when a rank word is met

    def is_economic() -> bool:
        if not economic:
            economic.append(_economic_rank(words, lex))
        return economic[0]

    for k, noun in enumerate(words):
        if _is_word_in(noun, lex.rank_nouns):
            got = _rank_after(words, k + 1)
            if got is None or not (is_economic() or _ranked_by_economic_measure(words, got[1], lex)):
                continue
            value, end = got
        elif (noun.norm in construct or _strip1(noun.norm) in construct) and is_economic():
            actor_end = _superlative_of_actor(words, k + 1, lex)
            if actor_end is None:
                continue
            end = actor_end
            value = float(construct.get(noun.norm) or construct[_strip1(noun.norm)])
        elif _is_word_in(noun, lex.rank_partner_nouns) and k + 2 < len(words) \
                and words[k + 1].norm in lex.rank_needs and words[k + 2].norm in vocab().ordinals:
            value, end = float(vocab().ordinals[words[k + 2].norm]), k + 3  # "الشريك التجاري الثاني"
        else:
            continue
        start = _after_conj(noun)
        out.append(Figure(text=text[start:words[end - 1].end], value=value, value_max=None,
                          unit="other", metric="other", qualifier="exact", period=None,
                          sentence=text[sent.start:sent.end], start=start))
    return out


def _superlative_of_actor(words: list[_W], k: int, lex: _Lex) -> int | None:
    """"(ثاني) أكبر شريك/مستثمر": a superlative, then a partner or an economic actor within two
    words → the index after the actor."""
    if k >= len(words) or words[k].norm not in lex.rank_superlatives:
        return None
    for n in range(k + 1, min(k + 3, len(words))):
        if _is_word_in(words[n], lex.rank_context) or _is_word_in(words[n], lex.rank_actors):
            return n + 1
    return None


@lru_cache(maxsize=1 << 16)
def _fraction_of(word: str) -> float | None:
    """"ثلث", "بنحو" no; "بثلث", "وربع" → the fraction; never with ال ("النصف الأول" is a period)."""
    fractions = vocab().fractions
    if word in fractions:
        return fractions[word]
    for p in _FRACTION_CLITICS:
        if word.startswith(p) and word[len(p):] in fractions:
            return fractions[word[len(p):]]
    return None


def _qualifier_ending_at(words: list[_W], k: int) -> tuple[str, int] | None:
    """(class, index where it starts) for a qualifier ("نحو", "أكثر من") ending right before k."""
    for phrase, cls in vocab().qualifiers:
        i = k - len(phrase)
        if i < 0:
            continue
        first = words[i].norm
        if not (first == phrase[0] or any(first == p + phrase[0] for p in ("و", "ب", "وب"))):
            continue
        if all(words[i + n].norm == t for n, t in enumerate(phrase) if n > 0):
            return cls, i
    return None


def _fraction_figures(text: str, sent: Sentence, words: list[_W], lex: _Lex) -> list[Figure]:
    """"ثلث واردات البلاد", "نحو نصف التجارة الخارجية": a fraction in words right before an
    economic term is a share (unit other, the value is the fraction). "نصف مليار" is an amount
    (numbers.py), "النصف الأول" a period and "ثلث الأراضي" a share of land: none is taken here."""
    scales = vocab().scales
    out = []
    for k, w in enumerate(words[:-1]):
        value = _fraction_of(w.norm)
        if value is None or words[k + 1].norm in scales:
            continue
        if k > 0 and (words[k - 1].norm in scales or words[k - 1].norm[:1].isdigit()):
            continue  # "مليار ونصف", "3 ونصف": part of an amount
        got = _match_at(words, k + 1, lex.metrics) or _match_at(words, k + 1, lex.economic)
        if got is None or any(_is_word_in(x, lex.share_of_not_economic) for x in words[k + 1:k + 3]):
            continue
        qual = _qualifier_ending_at(words, k)
        start = _after_conj(words[qual[1]]) if qual else _after_conj(w)
        end = words[got[1] - 1].end
        out.append(Figure(text=text[start:end], value=value, value_max=None, unit="other",
                          metric="other", qualifier=qual[0] if qual else "exact", period=None,
                          sentence=text[sent.start:sent.end], start=start))
    return out


def _definite_change_value(word: str, lex: _Lex) -> float | None:
    """"الثلث", "بالربع" → the fraction; "الضعف" → 2 (a glued ب is allowed)."""
    for w in (word, word[1:] if word[:1] == "ب" else None):
        if not w:
            continue
        if w in lex.multiplier_definite:
            return lex.multiplier_definite[w]
        if w.startswith("ال") and w[2:] in vocab().fractions:
            return vocab().fractions[w[2:]]
    return None


def _definite_changes(text: str, sent: Sentence, words: list[_W], lex: _Lex) -> list[Figure]:
    """"ارتفعت الصادرات بنحو الثلث", "زاد التبادل التجاري بمقدار الضعف": a change by a definite
    fraction or by double, after a change word and an economic term in the clause. "النصف
    الأول" (a period: an ordinal follows) is not one."""
    ordinals = vocab().ordinals
    out = []
    for k, w in enumerate(words):
        value = _definite_change_value(w.norm, lex)
        if value is None or (k + 1 < len(words) and words[k + 1].norm in ordinals):
            continue
        if not _change_in_clause(words[:k], lex):
            continue
        qual = _qualifier_ending_at(words, k)
        introduced = w.norm[:1] == "ب" or qual is not None \
            or (k > 0 and _is_word_in(words[k - 1], lex.change_by))
        if not introduced:
            continue  # "خلال الربع الماضي": a period
        start = _after_conj(words[qual[1]]) if qual else w.start
        out.append(Figure(text=text[start:w.end], value=value, value_max=None, unit="other",
                          metric="other", qualifier=qual[0] if qual else "exact", period=None,
                          sentence=text[sent.start:sent.end], start=start))
    return out
