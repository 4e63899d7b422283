"""Putin–Aliyev encounters reported or announced by an article.

A sentence reports an encounter when it names both leaders (by name, title or "نظيره
الأذربيجاني") together with a meeting word (التقى, مباحثات, اتصال هاتفي, قمة, زيارة …), or the
pair ("الرئيسان", "رئيسا البلدين") with a meeting word, or a Russia–Azerbaijan–Armenia
trilateral summit, or a visit of Putin to Azerbaijan. Not an encounter: Putin or Aliyev with
someone else only, a denial ("لا توجد خطط"), an interview praising the other, Heydar Aliyev.

The first such sentence that is not a reference to an earlier encounter ("آخر لقاء", "وكان قد")
opens the article's main meeting; later compatible sentences fill in what it lacks (city, date,
kind). Earlier encounters mentioned in passing become meetings with ``primary=False``.
Date: the date expression nearest to the meeting word that is not owned by something else
(an agreement, a crash), resolved against the publication date; else the article's lead date;
else the publication date for a reported (held) meeting. City: a place named after a locative
preposition in a meeting sentence (في سوتشي, بموسكو, إلى باكو, في الكرملين), else the capital
of the country visited.

Modules, each importing only those above it:
``lexicon`` (the patterns of people.yaml, meeting_terms.yaml, cities.yaml, meeting_countries.yaml)
→ ``places`` (the places a text names: locatives, routes, visit destinations, venue countries)
→ ``sentences`` (one sentence: who is named, kind, status, the days counted from another
encounter) → ``reports`` (whether it reports an encounter or denies one) → ``history`` (whether
its encounter is an earlier one) → ``dating`` (the date a meeting's own sentence gives it) →
``page_dates`` (the days the page gives it: day headings, chronology items, the lead's news day) → ``layout`` (the
spans that are not the page's own news: chronology items, claims, pointers to other stories,
another pair) → ``find`` (``find_meetings``: the main meeting, its city and date, earlier
encounters).
"""
from __future__ import annotations

from .dating import year_by_weekday
from .find import FoundMeeting, find_meetings
from .sentences import titles_mean_putin

__all__ = ["FoundMeeting", "find_meetings", "titles_mean_putin", "year_by_weekday"]
