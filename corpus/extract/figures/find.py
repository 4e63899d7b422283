"""``find_figures``: every economic figure of an article body, one number mention at a time, then
the sentence-level figures (ranks, multiples, fractions), an excerpt's cut restatement, and
headline repeats dropped."""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from ...models import Figure
from ...normalize import normalize
from ..numbers import NumberMention, find_numbers, vocab
from .classify import classify, may_be_figure
from .lexicon import Lex, lexicon
from .metrics import Context, metric_of
from .multiples import definite_changes, dual_multiples, may_open_multiple
from .periods import period_after, period_before
from .prices import UNIT_PRICE_MAX, a_price, is_money, not_a_figure_by_what_precedes, priced_per_unit
from .qualifiers import span_start
from .ranks import may_open_rank, ranks
from .sentences import NEAR, Sentence, clause_before, clause_len, sentence_of, split_sentences
from .shares import fraction_figures, may_open_share, share_of_land_or_people
from .units import Unit, extend_end
from .words import Word, find_terms, is_word_in, match_at, words_in

_NORM = itemgetter(0)  # Word.norm
_CUT_WORD = re.compile(r"[\u0621-\u064A]{2,}")  # the letters left of a word cut by the excerpt


def find_figures(text: str, published: str | None = None) -> list[Figure]:
    """Economic figures of a cleaned article body, in text order."""
    if not text:
        return []
    lex = lexicon()
    sentences = split_sentences(text)
    figures: list[Figure] = []
    contexts: dict[Sentence, Context] = {}
    cache: dict[Sentence, list[Word]] = {}

    def words_of(sent: Sentence) -> list[Word]:
        if sent not in cache:
            cache[sent] = words_in(text, sent.start, sent.end)
        return cache[sent]

    mentions = find_numbers(text)
    for m in mentions:
        if not may_be_figure(text, m, lex):
            continue
        sent = sentence_of(sentences, m.start)
        if sent is None or m.end > sent.end:
            continue  # a mention never spans two sentences
        if sent not in contexts:
            contexts[sent] = Context(words_of(sent), lex)
        fig = _figure_of(text, m, sent, contexts[sent], published, lex)
        if fig is not None:
            figures.append(fig)
    for sent in sentences:
        words = words_of(sent)
        if not any(map(_opens_sentence_figure, map(_NORM, words))):
            continue  # none of the passes below starts without such a word
        figures.extend(ranks(text, sent, words, lex))
        figures.extend(dual_multiples(text, sent, words, contexts, lex))
        figures.extend(fraction_figures(text, sent, words, lex))
        figures.extend(definite_changes(text, sent, words, lex))
    cut = _cut_restatement(text, sentences, mentions, figures)
    if cut is not None:
        figures.append(cut)
    figures.sort(key=lambda f: f.start)
    return _drop_headline_repeats(text, figures)


@lru_cache(maxsize=1 << 16)
def _opens_sentence_figure(norm: str) -> bool:
    """Can a word spelled ``norm`` open a rank, a dual multiple, a definite change or a fraction
    share? A sentence without one has none of them."""
    lex = lexicon()
    return may_open_rank(norm, lex) or may_open_multiple(norm, lex) or may_open_share(norm)


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
    sent = sentence_of(sentences, start)
    return Figure(text=text[start:].rstrip(), value=f.value, value_max=None, unit=f.unit, metric=f.metric,
                  qualifier=m.qualifier, period=None,
                  sentence=text[sent.start:sent.end] if sent else text[start:].rstrip(),
                  start=start, currency=f.currency, pair=f.pair)


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


def _figure_of(text: str, m: NumberMention, sent: Sentence, ctx: Context,
               published: str | None, lex: Lex) -> Figure | None:
    """The figure a number mention makes, or None when it is not an economic figure."""
    # Only the words near the number matter: bound the work on very long sentences.
    after = words_in(text, m.end, min(sent.end, m.end + NEAR))
    after = after[:clause_len(after)]
    before = words_in(text, max(sent.start, m.qualifier_start - NEAR), m.qualifier_start)
    if not_a_figure_by_what_precedes(text, m, before, after, lex):
        return None
    unit = classify(text, m, after, before, ctx, lex)
    if unit is None or _not_economic(m, unit, after, before, ctx, lex):
        return None
    end, qualifier = extend_end(m, unit, after, lex)
    period = period_after(text, end, sent.end, published)
    if period is not None:
        end, period_value = period.end, period.value
    else:
        period_value = period_before(text, sent, m.qualifier_start, published)
    start, qualifier = span_start(text, m, unit, before, qualifier, lex)
    per_unit = priced_per_unit(unit, after, lex)
    if (per_unit or is_money(unit) and m.value < UNIT_PRICE_MAX) and a_price(before, lex):
        return None  # "سعر الغاز 250 دولارا لكل ألف متر مكعب", "متوسط سعر الليلة 90 دولارا"
    metric = "other" if per_unit else unit.metric or metric_of(unit.unit, ctx, m)
    value, start = _signed(text, m, unit.unit, start)
    return Figure(text=text[start:end], value=value, value_max=m.value_max, unit=unit.unit,
                  metric=metric, qualifier=qualifier, period=period_value,
                  sentence=text[sent.start:sent.end], start=start, currency=unit.currency,
                  pair=ctx.pair(m.start))


# A minus sign glued to a percentage at a word's start ("نمو التجارة: -2,4%", "| -9,4%"); a hyphen
# between two numbers ("10-15%") is a range, one after a letter a compound ("إس-400").
_MINUS_BEFORE = re.compile(r"(?:^|(?<=[\s(:|]))[-\u2212\u2013]$")


def _signed(text: str, m: NumberMention, unit: str, start: int) -> tuple[float, int]:
    """The value with the minus sign written before a percentage, and the span's start with it."""
    if unit != "percent" or m.value_max is not None or m.start != start \
            or not _MINUS_BEFORE.search(text, max(0, m.start - 2), m.start):
        return m.value, start
    return -m.value, m.start - 1


def _economic_growth_before(before: list[Word], lex: Lex) -> bool:
    """Does the number's clause tell an economic thing growing ("الشحنات على الجزء الأذربيجاني زادت"),
    with no word of votes, land or people in it ("ارتفعت نسبة المشاركة إلى")?"""
    clause = clause_before(before, lex)
    # the land goods cross or go to is their way, not what is counted ("حركة الشحن عبر الأراضي ارتفعت",
    # "ارتفعت الصادرات إلى الأراضي الأذربيجانية بنسبة 20%")
    land = [k for k, _, _ in find_terms(clause, lex.non_economic) if not (k and clause[k - 1].norm in _WAY)]
    return bool(find_terms(clause, lex.economic)) and not land and any(is_word_in(w, lex.growth) for w in clause)


_WAY = frozenset(normalize(w) for w in ("عبر", "إلى"))


def _not_economic(m: NumberMention, unit: Unit, after: list[Word], before: list[Word], ctx: Context,
                  lex: Lex) -> bool:
    """A share of land, people or votes, a percentage in a sentence about nothing economic, or a
    fractional count: the unit is there, but the figure is not an economic one."""
    measured = match_at(after, 0, lex.volumes, allow_clitic=False) is not None  # "2 مليار متر مكعب"
    # a measure of goods is no share ("5 ملايين طن من البضائع عبرت الأراضي الأذربيجانية")
    if unit.unit in ("percent", "other") and not measured and share_of_land_or_people(after, unit.next_word, lex):
        return True
    if unit.unit in ("percent", "other") and unit.currency is None and not measured \
            and ctx.non_economic and ctx.metric(m.start) is None and not _economic_growth_before(before, lex):
        # election results, territory or population shares: no trade/investment term around (a
        # volume of goods "عبر الأراضي الأذربيجانية" is still one, and so is the growth of an
        # economic thing in the number's own clause: "… لافتا إلى أن الشحنات زادت 30 في المئة")
        return True
    if unit.unit == "percent" and ctx.metric(m.start) is None and not ctx.economic and not ctx.growth_starts:
        return True  # a share of something that is not economic ("النص جاهز بنسبة 80 بالمئة")
    return unit.unit == "count" and not m.words and m.value != int(m.value)  # 2.5 companies
