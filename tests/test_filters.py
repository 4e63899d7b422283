import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from corpus.filters import Filters, decode, encode


def test_round_trip_full():
    f = Filters(q='"زيارة دولة" -أرمينيا', date_from=dt.date(2021, 1, 1), date_to=dt.date(2024, 12, 31),
                outlets=("RT Arabic", "Pakistan Point (Arabic), Sputnik copy"), cities=("Baku",),
                kinds=("talks", "visit"), topics=("energy",), lang="en")
    params = encode(f)
    assert params["from"] == "2021-01-01"
    assert params["outlet"] == ["RT Arabic", "Pakistan Point (Arabic), Sputnik copy"]
    assert decode(params) == (f, [])


def test_defaults_encode_to_nothing():
    assert encode(Filters()) == {}
    assert decode({}) == (Filters(), [])


@pytest.mark.parametrize(
    "params, ignored",
    [
        ({"from": "yesterday"}, ["from"]),
        ({"to": "2024-13-40"}, ["to"]),
        ({"from": "2024-05-01", "to": "2024-01-01"}, ["from", "to"]),
        ({"kind": ["talks", "party"]}, ["kind"]),
        ({"lang": "fr"}, ["lang"]),
        ({"utm_source": "x"}, ["utm_source"]),
        ({"q": "x" * 1000}, ["q"]),
    ],
)
def test_bad_parameters_are_ignored_and_reported(params, ignored):
    filters, got = decode(params)
    assert sorted(got) == sorted(ignored)
    assert isinstance(filters, Filters)


def test_valid_parts_survive_bad_ones():
    f, ignored = decode({"kind": ["talks", "party"], "city": ["Baku", "Baku"], "from": "nope"})
    assert f.kinds == ("talks",)
    assert f.cities == ("Baku",)
    assert f.date_from is None
    assert sorted(ignored) == ["from", "kind"]


@settings(deadline=None)  # a loaded machine once took over the default 200 ms on a first example
@given(st.dictionaries(st.sampled_from(["q", "from", "to", "outlet", "city", "kind", "topic", "lang", "x"]),
                       st.one_of(st.text(), st.lists(st.text(), max_size=5))))
def test_decode_never_raises(params):
    filters, ignored = decode(params)
    assert isinstance(filters, Filters)
    assert isinstance(ignored, list)
