"""Integrity of the store's lexicon: data/lexicons/stopwords.txt."""
from __future__ import annotations

from collections import Counter

from corpus.lexicons import lexicon_path
from corpus.normalize import normalize
from corpus.search import load_stopwords, text_keys


def _entries() -> list[str]:
    lines = lexicon_path("stopwords.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_entries_are_single_arabic_words():
    entries = _entries()
    assert len(entries) > 50
    for word in entries:
        assert " " not in word and len(text_keys(word)) == 1, word
        assert all("\u0600" <= ch <= "\u06ff" for ch in word), word


def test_no_duplicates_after_normalisation():
    counts = Counter(normalize(w) for w in _entries())
    assert [w for w, n in counts.items() if n > 1] == []


def test_entries_normalise_to_non_empty_strings():
    assert all(normalize(w).strip() for w in _entries())
    assert load_stopwords() == frozenset(normalize(w) for w in _entries())


def test_content_words_are_not_stop_words():
    stop = load_stopwords()
    for word in ("بوتين", "علييف", "باكو", "موسكو", "الطاقة", "التجارة", "قمة", "دولار"):
        assert normalize(word) not in stop


def test_compound_terms_are_pairs_of_arabic_words():
    from corpus.search import load_compounds
    lines = lexicon_path("compound_terms.txt").read_text(encoding="utf-8").splitlines()
    entries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert entries and len(load_compounds()) == len(entries)
    for entry in entries:
        assert len(entry.split()) == 2 and all("\u0600" <= ch <= "\u06ff" or ch == " " for ch in entry), entry


def test_word_counts_keep_names_whole_and_merge_joined_conjunctions():
    from corpus.search import top_words, written_words
    text = "بحث الرئيسان الوضع في قره باغ وأذربيجان وأن أذربيجان و قرة باغ مهمة"
    words = written_words(text)
    assert "قره باغ" in words and "قرة باغ" in words
    top = dict(top_words(Counter(words)))
    assert top["أذربيجان"] == 2 and "وأذربيجان" not in top
    assert top["قره باغ"] == 2 and "باغ" not in top
    assert "وأن" not in top


def test_ledger_lexicon_holds_forecast_words_and_known_metrics():
    from corpus.lexicons import load_yaml
    data = load_yaml("ledger.yaml")
    words = data["forecast_markers"]
    assert words and all(isinstance(w, str) and w.strip() for w in words)
    assert len(words) == len(set(words))
    assert set(data["metrics"]) <= {"trade_turnover", "trade_growth", "investment", "companies", "agreements"}
