"""The words of ``statements.yaml`` and ``people.yaml`` as patterns, and the people a paragraph names.

A mention is a stretch of normalised text naming a speaker: ``putin``, ``aliyev`` or ``other``
(a third person: Peskov, a spokesman, the Kremlin, Heydar Aliyev, Medvedev under Putin's title,
both leaders at once). ``oblique`` mentions are not a subject: after a preposition or a noun they
complement ("مع علييف", "مساعد الرئيس الروسي"), or with ب/ل/ك attached ("لبوتين").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import load_yaml
from ..arabic import CLITIC, alternation, forms
from ..gates import Token, find_all, firsts_of_all, none_can_match, text_tokens

W = r"[^\W_]"  # a letter or digit


@dataclass(frozen=True)
class Verb:
    form: str  # normalised, as matched
    kind: str  # past, participle, masdar
    preps: tuple[str, ...]  # normalised prepositions that open what was said
    obj: bool  # may take what was said as a direct object


@dataclass(frozen=True)
class Mention:
    start: int  # offsets in the normalised text
    end: int
    who: str  # putin, aliyev, other
    oblique: bool


@dataclass(frozen=True)
class Lex:
    verbs: dict[str, Verb]
    verb_re: re.Pattern  # groups: c (و/ف), v (the verb)
    comp_bare: re.Pattern
    comp_pronoun: re.Pattern
    not_comp_after: frozenset[str]
    masdar_from: frozenset[str]
    oblique_before: frozenset[str]
    honorific_re: re.Pattern
    filler_re: re.Pattern
    adverbial_re: re.Pattern
    connector_re: re.Pattern  # connectors and punctuation at the end of a statement
    people: tuple[tuple[str, bool, re.Pattern], ...]  # (who, is a title, pattern), masks first


def word_re(words, prefix: str = "") -> re.Pattern:
    return re.compile(rf"(?<!{W})(?P<c>{prefix})(?:{alternation(words)})(?!{W})")


@lru_cache(maxsize=1)
def lex() -> Lex:
    st = load_yaml("statements.yaml")
    people = load_yaml("people.yaml")
    verbs: dict[str, Verb] = {}
    for entry in st["verbs"]:
        preps = tuple(forms(entry.get("prepositions") or []))
        obj = bool(entry.get("object"))
        for f in forms([entry["past"]]):
            verbs[f] = Verb(f, "past", preps, obj)
        for f in forms(entry.get("participles") or []):
            verbs[f] = Verb(f, "participle", preps, obj)
    for f in forms(st["masdar"]):
        verbs[f] = Verb(f, "masdar", (), False)
    putin_titles = alternation(people["putin"]["titles"])
    aliyev_titles = alternation(people["aliyev"]["titles"])
    not_aliyev = alternation(people["not_aliyev"])
    masks = [
        # "الرئيس الروسي (دميتري) مدفيديف": Putin's title held by someone else.
        re.compile(rf"(?<!{W})(?P<c>{CLITIC})(?:{putin_titles})(?:[\s،,]+{W}+)?[\s،,]+"
                   rf"(?:{alternation(people['not_putin'])})(?!{W})"),
        # "الرئيس الأذربيجاني الراحل حيدر علييف": Ilham's title leading to his father.
        re.compile(rf"(?<!{W})(?P<c>{CLITIC})(?:{aliyev_titles})(?:[\s،,]+{W}+){{0,2}}[\s،,]+"
                   rf"(?:{not_aliyev})(?!{W})"),
        word_re(people["not_aliyev"], CLITIC),
    ]
    others = (people["others"] + people["other_counterpart"] + people["pair"] + st["third_parties"]
              + [a for aliases in people["third_leaders"].values() for a in aliases])
    table: list[tuple[str, bool, re.Pattern]] = [("other", False, m) for m in masks]
    table += [("putin", False, word_re(people["putin"]["names"], CLITIC)),
              ("putin", True, word_re(people["putin"]["titles"], CLITIC)),
              ("aliyev", False, word_re(people["aliyev"]["names"], CLITIC)),
              ("aliyev", True, word_re(people["aliyev"]["titles"], CLITIC)),
              ("other", False, word_re(others, CLITIC))]
    return Lex(
        verbs=verbs,
        verb_re=re.compile(rf"(?<!{W})(?P<c>[وف]?)(?P<v>{alternation(verbs)})(?!{W})"),
        comp_bare=word_re(st["complementizers"]),
        comp_pronoun=word_re(st["complementizers_with_pronoun"]),
        not_comp_after=frozenset(forms(st["not_complement_after"])),
        masdar_from=frozenset(forms(st["masdar_from"])),
        oblique_before=frozenset(forms(st["oblique_before"])),
        honorific_re=re.compile(rf"(?:{alternation(st['honorifics'])})(?!{W})"),
        filler_re=re.compile(rf"[وف]?(?:{alternation(st['fillers'])})(?!{W})"),
        adverbial_re=re.compile(rf"(?:[وف]?(?:{alternation(st['adverbial'])})|[وف]?(?:لل|بال){W}*)(?!{W})"),
        connector_re=re.compile(rf"(?:[\s،,.:;؛\-–]|(?<!{W})(?:{alternation(st['connectors'])})(?!{W}))+$"),
        people=tuple(table),
    )


@lru_cache(maxsize=1)
def _people_firsts() -> frozenset[str] | None:
    """The words a mention of anyone in ``lex().people`` can start with."""
    return firsts_of_all(rx for _, _, rx in lex().people)


_PREV_WORD = re.compile(rf"({W}+)[\s،,]*$")


def find_mentions(norm: str, start: int, end: int, putin_titles: bool,
                  inside_quote, tokens: tuple[Token, ...] | None = None) -> list[Mention]:
    """Non-overlapping mentions in ``norm[start:end]`` (longest first at a position), adjacent
    mentions of one person merged ("الرئيس الروسي، فلاديمير بوتين"); none inside quotes."""
    lx = lex()
    found: list[tuple[int, int, int, str, str]] = []  # start, -length, rank, who, clitic
    tokens = text_tokens(norm, start, end) if tokens is None else tokens
    if none_can_match(_people_firsts(), tokens):
        return []  # most sentences name nobody: each pattern below would find nothing
    for rank, (who, title, rx) in enumerate(lx.people):
        if title and who == "putin" and not putin_titles:
            who = "other"  # Medvedev's presidency: "الرئيس الروسي" is not Putin
        for m in find_all(rx, norm, tokens, start, end):  # rx.finditer(norm, start, end)
            if not inside_quote(m.start()):
                found.append((m.start(), m.start() - m.end(), rank, who, m.group("c") or ""))
    found.sort()
    chosen: list[tuple[int, int, str, str]] = []
    for s, neg, _rank, who, clitic in found:
        if chosen and s < chosen[-1][1]:
            # "الرئيس فلاديمير" + "فلاديمير بوتين": one person, one mention
            if who == chosen[-1][2] and s - neg > chosen[-1][1]:
                chosen[-1] = (chosen[-1][0], s - neg, who, chosen[-1][3])
            continue
        chosen.append((s, s - neg, who, clitic))
    out: list[Mention] = []
    for s, e, who, clitic in chosen:
        if out and out[-1].who == who and who != "other" and \
                re.fullmatch(rf"[\s،,]*(?:{W}+[\s،,]+)?", norm[out[-1].end:s]) and s - out[-1].end < 16:
            out[-1] = Mention(out[-1].start, e, who, out[-1].oblique)
            continue
        prev = _PREV_WORD.search(norm, max(0, s - 30), s)
        prev_word = re.sub(r"^[وف](?=..)", "", prev.group(1)) if prev else ""
        oblique = any(c in clitic for c in "بلك") or (prev is not None and (
            prev.group(1) in lx.oblique_before or prev_word in lx.oblique_before))
        out.append(Mention(s, e, who, oblique))
    return out
