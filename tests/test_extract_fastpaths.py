"""The extraction's fast paths equal their brute-force references: word gates never skip a
pattern that matches, a text's words sliced equal the words scanned, the date scan's gates skip
only texts without matches, the letter counts equal counting letter by letter."""
from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import clean_article
from corpus.extract import arabic, date_patterns
from corpus.extract.arabic import sentence_spans
from corpus.extract.figures.find import _opens_sentence_figure
from corpus.extract.figures.lexicon import lexicon as figure_lexicon
from corpus.extract.figures.multiples import definite_changes, dual_multiples
from corpus.extract.figures.ranks import ranks
from corpus.extract.figures.sentences import split_sentences
from corpus.extract.figures.shares import fraction_figures
from corpus.extract.figures.metrics import Context, _pairs
from corpus.extract.figures.words import find_terms, scan_words, term_words_for, words_in, words_keys
from corpus.extract.gates import (article_tokens, find_all, find_first, first_words, firsts_of_all, may_match,
                                  none_can_match, text_tokens, text_words, tokens_between, with_first_char)
from corpus.extract.header_lines import HEAD_LINES, at_most_words, head_lines
from corpus.extract.header_lines import WORD as HEADER_WORD
from corpus.extract.meetings.find import _tokens_within
from corpus.extract.outlets import _outlet_aliases, outlet_named
from corpus.extract.numbers.tokens import _TOKEN as _NUMBER_TOKEN
from corpus.extract.numbers.tokens import Tok, tokenize
from corpus.extract.meetings.lexicon import lexicon as meeting_lexicon
from corpus.extract.meetings.sentences import blanked_clause, without_document_clauses
from corpus.extract.statements.find import _quotes as _statement_quotes
from corpus.extract.statements.find import _sentences as _statement_sentences
from corpus.extract.statements.lexicon import lex as statement_lexicon
from corpus.normalize import (arabic_ratio, ascii_letter_count, is_arabic_letter, normalize,
                              normalize_with_offsets)
from corpus.synth import generate

HELD_OUT = sorted(Path(__file__).parent.glob("heldout*/*.txt"))


def _bodies() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in HELD_OUT]
    texts += [text for _, text, _ in generate(80, 3)]
    return [clean_article(t).text for t in texts]


@pytest.fixture(scope="module")
def bodies() -> list[str]:
    return _bodies()


def _patterns() -> list[tuple[str, re.Pattern]]:
    lex = meeting_lexicon()
    out: list[tuple[str, re.Pattern]] = []
    for f in dataclasses.fields(lex):
        value = getattr(lex, f.name)
        if isinstance(value, re.Pattern):
            out.append((f.name, value))
        elif isinstance(value, dict):
            out += [(f"{f.name}.{k}", p) for k, p in value.items() if isinstance(p, re.Pattern)]
        elif isinstance(value, list):
            out += [(f"{f.name}.{item[0]}", item[1]) for item in value if isinstance(item[1], re.Pattern)]
    out += [(f"statements.{who}", rx) for who, _, rx in statement_lexicon().people]
    out.append(("statements.verbs", statement_lexicon().verb_re))
    return out


def test_gates_never_skip_a_matching_text(bodies):
    """may_match never says no to a text a pattern matches; find_first and find_all, which try
    the pattern only at the words its matches start with, equal search and finditer."""
    patterns = _patterns()
    texts = []
    for body in bodies:
        norm = normalize_with_offsets(body).text
        texts.append(norm)
        texts += [norm[a:b] for a, b in sentence_spans(norm)]
    matched = skipped = 0
    for text in texts:
        words, tokens = text_words(text), text_tokens(text)
        for name, pat in patterns:
            found = pat.search(text)
            if found:
                matched += 1
                assert may_match(pat, words), (name, text[:80])
            elif not may_match(pat, words):
                skipped += 1
            first = find_first(pat, text, tokens)
            assert (first and first.span()) == (found and found.span()), (name, text[:80])
            assert [m.span() for m in find_all(pat, text, tokens)] == [m.span() for m in pat.finditer(text)]
    assert matched > 1000 and skipped > 10000  # the gates do skip, and the test saw matches


def test_a_table_ruled_out_at_once_has_no_match(bodies):
    """none_can_match over a table's first words (the meeting words of every kind, the people
    of statements) says yes only of a stretch where no pattern of the table matches."""
    tables = {"terms": list(meeting_lexicon().terms.values()),
              "people": [rx for _, _, rx in statement_lexicon().people]}
    ruled_out = dict.fromkeys(tables, 0)
    for body in bodies:
        norm = normalize_with_offsets(body).text
        for a, b in sentence_spans(norm):
            text = norm[a:b]
            tokens = text_tokens(text)
            for name, table in tables.items():
                firsts = firsts_of_all(table)
                assert firsts is not None  # every pattern's first words are read: the gate works
                if none_can_match(firsts, tokens):
                    ruled_out[name] += 1
                    assert not any(p.search(text) for p in table), (name, text[:80])
    assert min(ruled_out.values()) > 100, ruled_out


def test_first_words_of_a_word_pattern():
    pat = re.compile(r"(?<![^\W_])(?:[وب])?(?:قمه|لقاء\s+ثنائي)(?:ات|ه)?(?![^\W_])")
    assert first_words(pat) == {c + w for c in ("", "و", "ب") for w in ("قمه", "قمهات", "قمهه", "لقاء")}
    assert may_match(pat, text_words("عقدت القمه وبلقاء")) is False  # القمه is not a spelling of it
    assert may_match(pat, text_words("عقدت قمه")) and pat.search("عقدت قمه")


def test_first_words_after_letters_are_every_spelling():
    """The endings walked after some letters are read once and given to every such start: the
    first words are still each clitic with each word with each suffix."""
    pat = re.compile(r"(?<![^\W_])(?:وال|ب|)(?:قمه|لقاء|زياره)(?:ات|ه|)(?![^\W_])")
    assert first_words(pat) == {c + w + e for c in ("وال", "ب", "") for w in ("قمه", "لقاء", "زياره")
                                for e in ("ات", "ه", "")}
    assert first_words(re.compile(r"(?<![^\W_])a(?:b|c){0,2}d(?![^\W_])")) == \
        {"ad", "abd", "acd", "abbd", "abcd", "acbd", "accd"}
    assert first_words(re.compile(r"(?<![^\W_])(?:x|y)(?:b(?:c|d)|e)\s+z")) == {"xbc", "xbd", "xe", "ybc", "ybd", "ye"}


def test_first_words_read_past_a_leading_lookahead():
    """A lookahead before the word ("(?!وزاره)…", the meeting kinds' patterns) only narrows the
    matches: the first words are those of the rest; a look-behind other than the word boundary
    still leaves them unknown."""
    pat = re.compile(r"(?!وزاره(?![^\W_]))(?<![^\W_])(?:و)?(?:قمه|وزاره)(?![^\W_])")
    assert first_words(pat) == {"قمه", "وقمه", "وزاره", "ووزاره"}
    text = "زار الوزاره ثم وزاره القمه ووزاره قمه"
    assert [m.group() for m in find_all(pat, text, text_tokens(text))] == ["ووزاره", "قمه"]
    assert first_words(re.compile(r"(?=\w)(?<![^\W_])قمه(?![^\W_])")) == {"قمه"}
    assert first_words(re.compile(r"(?<=ا)قمه(?![^\W_])")) is None


@pytest.mark.parametrize("source", [
    r"قمه",  # may start inside a word
    r"(?<![^\W_])قم\w+",  # letters repeated: the first word is open
    r"(?<![^\W_])قمه",  # no end of word: "قمهات" also matches
    r"(?i)(?<![^\W_])putin(?![^\W_])",  # flags
])
def test_first_words_unknown(source):
    pat = re.compile(source)
    assert first_words(pat) is None
    assert may_match(pat, frozenset())


def test_words_in_equals_scanning(bodies):
    rnd = random.Random(7)
    texts = bodies[:30] + ["", "ـ", "x ـ y", "مَرْحَبًا، 5% $ € ـــ", "ًٌ ـ ً"]
    for text in texts:
        for _ in range(200):
            a, b = rnd.randint(-3, len(text) + 3), rnd.randint(-3, len(text) + 3)
            if rnd.random() < 0.5:
                b = a + rnd.randint(0, 40)
            assert words_in(text, a, b) == scan_words(text, a, b), (a, b)


def test_date_scan_gates_skip_only_texts_without_matches(bodies):
    pats = date_patterns.plain_patterns()
    lines = [line for body in bodies for line in body.split("\n")] + bodies
    for line in lines:
        found = date_patterns.scan(line).found
        norm = normalize_with_offsets(line).text
        for f in dataclasses.fields(pats):
            everything = [(m.span(), m.groupdict()) for m in getattr(pats, f.name).finditer(norm)]
            assert [(m.span(), m.groupdict()) for m in found[f.name]] == everything, (f.name, line[:60])


def test_letter_counts_equal_counting_each_letter(bodies):
    rnd = random.Random(3)
    samples = bodies[:20] + ["", "abc", "١٢٣", "Ω ß ٱ ۓ ۔", "Hello مرحبا 123"]
    samples += ["".join(chr(rnd.randint(0x20, 0x700)) for _ in range(300)) for _ in range(20)]
    for text in samples:
        letters = [c for c in text if c.isalpha()]
        expected = sum(1 for c in letters if is_arabic_letter(c)) / len(letters) if letters else 0.0
        assert arabic_ratio(text) == expected
        assert ascii_letter_count(text) == sum(1 for c in letters if c.isascii())


def test_normalized_month_words_are_what_the_gate_looks_for():
    months = date_patterns.scan("عقد في 5 سبتمبر 2024").found["day_month"]
    assert [m.group() for m in months] == [normalize("5 سبتمبر 2024")]


@pytest.mark.parametrize("source", [
    r"(?:(?<![\w])[وفبل]|(?<!\d))(?:يوم\s+)?(?P<d>\d{1,2})\s*(?P<m>مايو|يونيو)",
    r"(?<![^\W_])(?:[وف])?(?:قمه|لقاء)(?:ات)?(?![^\W_])",
    r"\s+(?:الماضي|المقبل)",
    r"(?P<a>x)?y|z\d",
])
def test_first_char_lookahead_keeps_every_match(source):
    plain = re.compile(source)
    fast = with_first_char(plain)
    assert fast is not plain and fast.pattern.startswith("(?=[")
    rnd = random.Random(5)
    alphabet = "xyz 0123456789وفبلقمهاتءيوممايونيو\n"
    texts = ["يوم 5 مايو وقمه ولقاءات", " الماضي", "xy z9"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(60)) for _ in range(300)]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@pytest.mark.parametrize("source", [r"x*", r"[^a]b", r".b", r"(?i)ab"])
def test_first_char_lookahead_left_out_when_unknown(source):
    plain = re.compile(source)
    assert with_first_char(plain) is plain


def test_sentence_figure_gate_never_skips_a_sentence_with_one(bodies):
    lex = figure_lexicon()
    seen = 0
    for text in bodies:
        for sent in split_sentences(text):
            words = scan_words(text, sent.start, sent.end)
            found = (ranks(text, sent, words, lex) + dual_multiples(text, sent, words, {}, lex)
                     + fraction_figures(text, sent, words, lex) + definite_changes(text, sent, words, lex))
            if found:
                seen += 1
                assert any(_opens_sentence_figure(w.norm) for w in words), text[sent.start:sent.end]
    assert seen >= 3  # the test saw sentence-level figures


def test_words_of_a_sentence_serve_its_text_with_document_clauses_blanked(bodies):
    """analyse searches the sentence with document clauses blanked, trying patterns at the words
    of the sentence before blanking: blanking only removes whole words, so the results agree."""
    terms = meeting_lexicon().terms
    blanked_seen = 0
    for body in bodies:
        norm = normalize_with_offsets(body).text
        for a, b in sentence_spans(norm):
            text = norm[a:b]
            blanked = without_document_clauses(text)
            blanked_seen += blanked != text
            tokens = text_tokens(text)
            for pat in terms.values():
                assert [m.span() for m in find_all(pat, blanked, tokens)] == \
                    [m.span() for m in pat.finditer(blanked)]
    assert blanked_seen > 0


def _blanked_by_sub(text: str) -> str:
    """The reference: each document pattern's sub over the whole sentence (as before the word gate)."""
    lex = meeting_lexicon()
    for pattern in (lex.document_clause, lex.document_signers):
        text = pattern.sub(lambda m, t=text: blanked_clause(m, t), text)
    return text


def test_document_clauses_blanked_at_their_first_words_equal_sub(bodies):
    blanked_seen = 0
    for body in bodies:
        norm = normalize_with_offsets(body).text
        for a, b in sentence_spans(norm):
            text = norm[a:b]
            expected = _blanked_by_sub(text)
            blanked_seen += expected != text
            assert without_document_clauses(text) == expected
            assert without_document_clauses(text, text_tokens(text)) == expected
    assert blanked_seen > 0


def test_sentence_context_gated_by_its_words_equals_scanning_every_table(bodies):
    """Context skips the term tables none of whose terms can start at the sentence's words: the
    same metrics, growth words, pairs and flags as scanning each table word by word."""
    lex = figure_lexicon()
    gated = 0
    for text in bodies:
        for sent in split_sentences(text):
            words = scan_words(text, sent.start, sent.end)
            ctx = Context(words, lex)
            hits = find_terms(words, lex.metrics)
            assert ctx.metric_starts == [words[k].start for k, _, _ in hits]
            assert ctx.metrics == [term[1] for _, _, term in hits]
            assert ctx.non_economic == bool(find_terms(words, lex.non_economic))
            assert ctx.economic == bool(find_terms(words, lex.economic))
            assert ctx.growth_starts == [w.start for w in words
                                         if any(k in lex.growth for k in term_words_for(w.norm))]
            assert ctx.pairs == _pairs(words, lex)
            assert ctx.travel == bool(find_terms(words, lex.visitor_context) or find_terms(words, lex.countries))
            gated += lex.metrics.cannot_start(words_keys(words))
    assert gated > 100  # the gate does skip tables


def test_sentence_ends_behind_their_lookahead_equal_the_plain_patterns(bodies):
    plain_end = re.compile(arabic._SENTENCE_END)
    plain_split = re.compile(rf"(?:{arabic._SENTENCE_END}|:\s*(?=[\"«“]))+")
    for body in bodies + ["عام 2023. وقال: «نعم» 3.5 !؟\n\n"]:
        norm = normalize_with_offsets(body).text
        assert [m.span() for m in arabic.SENTENCE_END.finditer(norm)] == [m.span() for m in plain_end.finditer(norm)]
        assert [m.span() for m in arabic._SENTENCE_SPLIT.finditer(norm)] == \
            [m.span() for m in plain_split.finditer(norm)]


def test_find_all_within_a_stretch_equals_finditer_there(bodies):
    people = [rx for _, _, rx in statement_lexicon().people]
    rnd = random.Random(11)
    for body in bodies:
        norm = normalize_with_offsets(body).text
        stretches, pos = [], 0
        for line in norm.split("\n"):
            stretches.append((pos, pos + len(line)))
            pos += len(line) + 1
        stretches += [tuple(sorted((rnd.randint(0, len(norm)), rnd.randint(0, len(norm))))) for _ in range(5)]
        for a, b in stretches:
            tokens = text_tokens(norm, a, b)
            for rx in people:
                assert [m.span() for m in find_all(rx, norm, tokens, a, b)] == \
                    [m.span() for m in rx.finditer(norm, a, b)]


def test_words_of_sentences_and_lines_sliced_from_the_articles_equal_their_own(bodies):
    for body in bodies:
        norm = normalize_with_offsets(body).text
        article = article_tokens(norm)
        for a, b in sentence_spans(norm):
            assert _tokens_within(article, a, b) == text_tokens(norm[a:b])
        pos = 0
        for line in norm.split("\n"):
            assert tokens_between(article, pos, pos + len(line)) == text_tokens(norm, pos, pos + len(line))
            pos += len(line) + 1


def _tokens_the_plain_way(norm: str) -> list[Tok]:
    out = []
    for m in _NUMBER_TOKEN.finditer(norm):
        kind, (start, end) = m.lastgroup or "other", m.span()
        if kind == "num":
            out.append(Tok("num", m.group("digits"), start, end, m.group("pre") or ""))
        else:
            out.append(Tok(kind, norm[start:end], start, end))
    return out


def test_number_tokens_equal_the_plain_way(bodies):
    texts = [normalize(b) for b in bodies] + ["و350 ل24 ب5 ال25 1 200 000 3ر5 12.5% – x_y 7", ""]
    for text in texts:
        assert tokenize(text) == _tokens_the_plain_way(text)
    assert tokenize("ب5 مليارات")[0] == Tok("num", "5", 0, 2, "ب")


def _head_lines_the_plain_way(text: str, head: str) -> list[str]:
    return [ln for ln in (head + "\n" + text).split("\n") if ln.strip()][:HEAD_LINES]


def test_header_lines_and_their_word_counts_equal_the_plain_way(bodies):
    for body in bodies:
        for head in ("", "الرئيسية | روسيا\n\n  \nمصدر: تاس"):
            lines = head_lines(body, head)
            assert lines == _head_lines_the_plain_way(body, head)
            lines.append("x")  # the caller's copy: the kept lines do not change
            assert head_lines(body, head) == _head_lines_the_plain_way(body, head)
        for line in body.split("\n")[:20]:
            for n in (0, 2, 8):
                assert at_most_words(line, n) == (len(HEADER_WORD.findall(line)) <= n), (n, line[:60])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="اب _1،.\n\u064e", max_size=60), st.integers(0, 10))
def test_at_most_words_on_any_text(text, n):
    assert at_most_words(text, n) == (len(HEADER_WORD.findall(text)) <= n)


def _outlet_named_the_plain_way(phrase: str) -> tuple[str | None, bool]:
    norm = normalize(phrase)
    best = None
    for name, agency, alias, word in _outlet_aliases():
        if alias in norm and word.search(norm) and (best is None or len(alias) > best[0]):
            best = (len(alias), name, agency)
    return (best[1], best[2]) if best else (None, False)


def test_outlet_named_equals_trying_every_alias(bodies):
    lines = [ln for body in bodies for ln in body.split("\n")[:15]]
    lines += [alias for _, _, alias, _ in _outlet_aliases()] + ["المصدر: وكالة تاس", "روسيا اليوم - RT"]
    named = 0
    for line in lines:
        assert outlet_named(line) == _outlet_named_the_plain_way(line), line[:60]
        named += outlet_named(line)[0] is not None
    assert named > len(_outlet_aliases())  # every alias and some lines name an outlet


def test_words_keys_equal_each_words_term_words(bodies):
    for body in bodies[:60]:
        for a, b in sentence_spans(body):
            words = words_in(body, a, b)
            assert words_keys(words) == frozenset(k for w in words for k in term_words_for(w.norm))


def test_statement_sentences_words_taken_from_the_articles_equal_scanning_them(bodies):
    """find_statements gives each sentence the article's words between its ends (no word
    crosses them): the same as scanning the sentence."""
    checked = 0
    for body in bodies:
        norm = normalize_with_offsets(body).text
        article = article_tokens(norm)
        pos = 0
        for line in norm.split("\n"):
            ps, pe, pos = pos, pos + len(line), pos + len(line) + 1
            if not line.strip():
                continue
            quotes = _statement_quotes(norm, ps, pe)
            for s, e in _statement_sentences(norm, ps, pe, quotes):
                assert tokens_between(article, s, e) == text_tokens(norm, s, e), norm[s:e][:60]
                checked += 1
    assert checked > 1000
