"""The store on SQLite and PostgreSQL: de-duplication, soft delete, corrections, filters,
migrations, events and the read API."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from corpus.filters import Filters
from corpus.models import Extraction, Figure, Meeting, RawDocument
from corpus.store import Store, comparable_text, migrations, period_start, schema, shingle_hashes

BODY_A = ("التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في باكو اليوم، "
          "وبحث الجانبان العلاقات الثنائية والتعاون في مجال الطاقة والنقل. وقال بوتين إن حجم "
          "التبادل التجاري بين البلدين تجاوز أربعة مليارات دولار في العام الماضي، مشيرا إلى أن "
          "أكثر من ألف شركة روسية تعمل في أذربيجان.")
BODY_B = ("أجرى الرئيس بوتين اتصالا هاتفيا مع الرئيس علييف تناول فيه الوضع في المنطقة ومشروعات "
          "الممر الدولي للنقل بين الشمال والجنوب، واتفق الرئيسان على مواصلة الاتصالات.")
BODY_C = ("قالت وزارة الاقتصاد إن الاستثمارات الروسية في أذربيجان بلغت نحو ملياري دولار، وإن "
          "البلدين وقعا عشرين اتفاقية جديدة في مجالات الزراعة والصناعة خلال المنتدى الاقتصادي.")


def meeting(date, city="Baku", kind="talks", status="held", primary=True):
    return Meeting(date=date, city=city, kind=kind, status=status, evidence="جملة الدليل",
                   date_basis="explicit" if date else None, primary=primary)


def add(store, name, body, *, title=None, outlet="RT Arabic", published="2024-08-19",
        meetings=(), figures=(), topics=(), url=None, who="tester"):
    hints = {"url": url} if url else {}
    ex = Extraction(title=title, outlet=outlet, published=published, language="ar",
                    meetings=list(meetings), figures=list(figures), topics=list(topics), clean_text=body,
                    provenance={"published": "stamp"})
    return store.add_article(RawDocument(name, body, "txt", "utf-8", hints=hints), ex, who)


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.close()


@pytest.fixture
def filled(store):
    a = add(store, "a.txt", BODY_A, title="بوتين في باكو", meetings=[meeting("2024-08-19")],
            figures=[Figure("أربعة مليارات دولار", 4e9, None, "USD", "trade_turnover", "more_than",
                            "2023", "تجاوز أربعة مليارات دولار"),
                     Figure("ألف شركة", 1000, None, "count", "companies", "more_than", None, "ألف شركة")],
            topics=["energy", "transport"])
    b = add(store, "b.txt", BODY_B, title="اتصال هاتفي", outlet="Sputnik", published="2023-05-02",
            meetings=[meeting(None, city=None, kind="phone_call")], topics=["transport"])
    c = add(store, "c.txt", BODY_C, title="استثمارات", outlet="Anadolu", published="2022-01-10",
            figures=[Figure("ملياري دولار", 2e9, None, "USD", "investment", "approx", None, "نحو ملياري دولار")])
    return store, a.article_id, b.article_id, c.article_id


# --- de-duplication --------------------------------------------------------------------------

def test_add_then_exact_duplicate_then_new_source(store):
    first = add(store, "a.txt", BODY_A)
    assert (first.status, first.duplicate_of) == ("added", None)
    again = add(store, "a.txt", BODY_A)
    assert (again.status, again.article_id, again.duplicate_of) == ("duplicate", first.article_id, first.article_id)
    # Same text with other white space and harakat from another outlet: one article, two sources.
    other = add(store, "mirror.html", "  " + BODY_A.replace("الرئيس", "الرئيسُ").replace(" ", "  ") + "\n",
                outlet="Mirror", url="https://mirror.example/x")
    assert (other.status, other.article_id) == ("source_added", first.article_id)
    assert store.count() == 1
    art = store.article(first.article_id)
    assert [s["source"] for s in art["sources"]] == ["a.txt", "mirror.html"]
    assert art["sources"][1]["url"] == "https://mirror.example/x"


def test_near_duplicate_becomes_a_source(store):
    first = add(store, "a.txt", BODY_A)
    edited = BODY_A.replace("اليوم", "الاثنين").replace("مشيرا", "لافتا") + " المصدر: وكالات."
    near = add(store, "b.txt", edited, outlet="Other")
    assert (near.status, near.duplicate_of) == ("source_added", first.article_id)
    assert store.count() == 1
    assert store.articles()["n_sources"].tolist() == [2]


def test_different_articles_are_kept_apart(store):
    ids = {add(store, f"{i}.txt", body).article_id for i, body in enumerate((BODY_A, BODY_B, BODY_C))}
    assert len(ids) == 3 and store.count() == 3


def test_shingle_sketch_is_stable_and_small():
    norm = comparable_text(BODY_A)
    assert shingle_hashes(norm) == shingle_hashes(norm)
    assert len(shingle_hashes(norm)) == 8  # one key per LSH band
    assert shingle_hashes("") == []
    assert len(shingle_hashes("كلمة واحدة")) == 8
    # A light edit keeps most band keys; an unrelated text shares none.
    edited = comparable_text(BODY_A.replace("اليوم", "أمس"))
    assert len(set(shingle_hashes(norm)) & set(shingle_hashes(edited))) >= 2
    assert not set(shingle_hashes(norm)) & set(shingle_hashes(comparable_text(BODY_B)))


def test_nul_characters_are_dropped(store):
    result = add(store, "nul.txt", "نص فيه\x00 محرف فارغ وكلمات أخرى كثيرة", title="عنوان\x00")
    art = store.article(result.article_id)
    assert "\x00" not in art["clean_text"] and art["title"] == "عنوان"


# --- versions and history --------------------------------------------------------------------

def test_every_write_bumps_the_version(filled):
    store, a, b, c = filled
    v = store.version()
    assert v >= 3
    store.remove_article(a, "ed")
    assert store.version() == v + 1
    store.correct(b, "title", "عنوان", "ed")
    assert store.version() == v + 2
    add(store, "a.txt", BODY_A)  # a duplicate is a write too (history)
    assert store.version() == v + 3


def test_history_records_actions(filled):
    store, a, *_ = filled
    store.remove_article(a, "ed")
    store.restore_article(a, "ed")
    hist = store.history(10)
    assert hist["action"].tolist()[:3] == ["restored", "removed", "added"]
    assert hist["who"].tolist()[0] == "ed"


# --- soft delete -----------------------------------------------------------------------------

def test_removed_articles_vanish_everywhere_and_come_back(filled):
    store, a, b, c = filled
    store.rebuild_events()
    assert store.remove_article(a, "ed") is True
    assert store.remove_article(a, "ed") is False
    assert store.count() == 2
    assert a not in store.articles()["id"].tolist()
    assert store.search("باكو") == []
    assert a not in store.figures()["article_id"].tolist()
    assert "Baku" not in store.facets()["cities"]
    assert all(store.event(e)["articles"] == [] or a not in [x["article_id"] for x in store.event(e)["articles"]]
               for e in store.events()["id"])
    assert store.article(a)["removed"] is True
    assert store.restore_article(a, "ed") is True
    assert store.count() == 3 and [h.article_id for h in store.search("باكو")] == [a]


# --- corrections -----------------------------------------------------------------------------

def test_corrections_apply_and_mark_checked(filled):
    store, a, b, c = filled
    store.correct(a, "title", "عنوان مصحح", "ed")
    store.correct(a, "published", "2024-08-20", "ed")
    store.correct(a, "topics", ["energy"], "ed")
    store.correct(b, "meetings", [{"date": "2023-05-01", "city": None, "kind": "phone_call",
                                   "status": "held", "evidence": "اتصال"}], "ed")
    store.correct(c, "figures", [], "ed")
    store.correct(c, "outlet", "وكالة الأناضول", "ed")
    art = store.article(a)
    assert art["title"] == "عنوان مصحح" and art["published"] == dt.date(2024, 8, 20)
    assert art["topics"] == ["energy"]
    assert set(art["human_checked"]) == {"title", "published", "topics"}
    assert [c_["field"] for c_ in art["corrections"]] == ["title", "published", "topics"]
    assert store.article(b)["meeting_date"] == dt.date(2023, 5, 1)
    assert store.figures(Filters())["article_id"].tolist() == [a, a]
    assert store.article(c)["outlet"] == "وكالة الأناضول"
    assert store.search("مصحح")[0].article_id == a  # the new title is searchable
    frame = store.articles()
    assert frame.set_index("id").loc[a, "human_checked"]


@pytest.mark.parametrize("field,value,error", [
    ("body", "x", ValueError), ("published", "yesterday", ValueError), ("topics", "energy", ValueError),
    ("meetings", ["x"], ValueError), ("figures", [{"value": "many"}], ValueError), ("title", 5, ValueError),
])
def test_bad_corrections_are_refused(filled, field, value, error):
    store, a, *_ = filled
    v = store.version()
    with pytest.raises(error):
        store.correct(a, field, value, "ed")
    assert store.version() == v


def test_correcting_a_missing_article(store):
    with pytest.raises(KeyError):
        store.correct(999, "title", "x", "ed")


def test_corrections_survive_reprocess(filled):
    store, a, b, c = filled
    store.correct(a, "title", "عنوان بشري", "ed")
    store.correct(a, "topics", ["agriculture"], "ed")

    def fake_extract(text, source, hints):
        return Extraction(title="عنوان آلي", outlet="Robot", published="2020-01-01",
                          meetings=[meeting("2020-01-02", city="Moscow")], topics=["energy"],
                          clean_text=text)
    assert store.reprocess(extractor=fake_extract) == 3
    art = store.article(a)
    assert art["title"] == "عنوان بشري" and art["topics"] == ["agriculture"]
    assert art["outlet"] == "Robot" and art["meetings"][0]["city"] == "Moscow"
    assert store.article(b)["title"] == "عنوان آلي"
    assert store.search("بشري")[0].article_id == a


# --- filters ---------------------------------------------------------------------------------

def ids(frame):
    return sorted(frame["id"].tolist())


def test_filters(filled):
    store, a, b, c = filled
    assert ids(store.articles(Filters(outlets=("Sputnik",)))) == [b]
    assert ids(store.articles(Filters(cities=("Baku",)))) == [a]
    assert ids(store.articles(Filters(kinds=("phone_call",)))) == [b]
    assert ids(store.articles(Filters(topics=("transport",)))) == [a, b]
    # Date range: the meeting date when there is one, else the publication date.
    assert ids(store.articles(Filters(date_from=dt.date(2024, 8, 19), date_to=dt.date(2024, 8, 19)))) == [a]
    assert ids(store.articles(Filters(date_to=dt.date(2022, 12, 31)))) == [c]
    assert ids(store.articles(Filters(q="الطاقة", topics=("energy",)))) == [a]
    assert store.count(Filters(topics=("transport",))) == 2


def test_outlet_filter_includes_source_outlets(filled):
    store, a, *_ = filled
    add(store, "copy.txt", BODY_A, outlet="Copycat")
    assert ids(store.articles(Filters(outlets=("Copycat",)))) == [a]


def test_articles_frame_shape_and_order(filled):
    store, a, b, c = filled
    frame = store.articles()
    assert list(frame.columns) == ["id", "title", "outlet", "published", "language", "n_sources",
                                   "topics", "meeting_date", "city", "kind", "human_checked",
                                   "score", "snippet"]
    assert frame["id"].tolist() == [a, b, c]  # newest first
    assert frame.set_index("id").loc[a, "topics"] == ["energy", "transport"]
    assert "clean_text" not in frame.columns
    ranked = store.articles(Filters(q="الرئيس"), limit=1)
    assert len(ranked) == 1 and any(hit for _, hit in ranked["snippet"][0])


# --- read API --------------------------------------------------------------------------------

def test_facets(filled):
    store, *_ = filled
    f = store.facets()
    assert f["outlets"] == ["Anadolu", "RT Arabic", "Sputnik"]
    assert f["cities"] == ["Baku"] and f["kinds"] == ["phone_call", "talks"]
    assert f["topics"] == ["energy", "transport"]
    assert (f["min_date"], f["max_date"]) == (dt.date(2022, 1, 10), dt.date(2024, 8, 19))


def test_article_detail(filled):
    store, a, *_ = filled
    art = store.article(a)
    assert art["clean_text"] == BODY_A and art["raw_text"] == BODY_A
    assert art["meetings"][0]["date"] == "2024-08-19" and art["meetings"][0]["city"] == "Baku"
    assert [f["value"] for f in art["figures"]] == [4e9, 1000]
    assert art["provenance"] == {"published": "stamp"} and art["removed"] is False
    assert store.article(12345) is None


def test_figures_frame(filled):
    store, a, b, c = filled
    fig = store.figures(Filters())
    assert fig["article_id"].tolist() == [c, a, a]
    row = fig[fig["metric"] == "trade_turnover"].iloc[0]
    assert row["period_start"] == dt.date(2023, 1, 1) and row["value"] == 4e9
    assert fig[fig["metric"] == "investment"].iloc[0]["period_start"] == dt.date(2022, 1, 10)
    assert store.figures(Filters(outlets=("Nobody",))).empty


@pytest.mark.parametrize("period,published,expected", [
    ("2023", dt.date(2024, 1, 5), dt.date(2023, 1, 1)),
    ("2021-2022", None, dt.date(2021, 1, 1)),
    ("الربع الأول", dt.date(2024, 1, 5), dt.date(2024, 1, 5)),
    (None, None, None),
])
def test_period_start(period, published, expected):
    assert period_start(period, published) == expected


def test_coverage_outlets_kwic_terms(filled):
    store, a, b, c = filled
    cov = store.coverage()
    assert cov.to_dict("records") == [{"month": "2022-01", "n_articles": 1},
                                      {"month": "2023-05", "n_articles": 1},
                                      {"month": "2024-08", "n_articles": 1}]
    assert store.outlet_counts().set_index("outlet")["n_articles"].to_dict() == {
        "Anadolu": 1, "RT Arabic": 1, "Sputnik": 1}
    kw = store.kwic("الطاقة")
    assert kw["match"].tolist() == ["الطاقة"] and kw["article_id"].tolist() == [a]
    assert "مجال" in kw["left"][0]
    terms = dict(store.term_frequencies())
    assert "في" not in terms and "من" not in terms  # stop words
    assert terms["بوتين"] == 3 and terms["أذربيجان"] == 2


def test_events(filled):
    store, a, b, c = filled
    add(store, "d.txt", BODY_C.replace("الاقتصاد", "الخارجية") + " وقد زار بوتين باكو في التاسع عشر من أغسطس.",
        meetings=[meeting("2024-08-19")], outlet="Echo")
    assert store.rebuild_events() >= 1
    ev = store.events(Filters())
    baku = ev[ev["city"] == "Baku"].iloc[0]
    assert baku["n_articles"] == 2 and baku["date"] == dt.date(2024, 8, 19)
    detail = store.event(int(baku["id"]))
    assert len(detail["articles"]) == 2 and detail["articles"][0]["source"] in ("a.txt", "d.txt")
    assert store.events(Filters(outlets=("Echo",)))["n_articles"].tolist() == [1]
    assert store.event(99999) is None
    first_id = int(baku["id"])
    store.rebuild_events()  # ids survive rebuilds (shareable links)
    assert int(store.events(Filters(cities=("Baku",)))["id"].iloc[0]) == first_id
    lines = store.event_sources()
    assert any(sorted(e["articles"]) == ["a.txt", "d.txt"] for e in lines)
    # A new event next to kept ones gets a fresh id (no clash with the kept ids' numbers).
    add(store, "e.txt", "وصل الرئيس علييف إلى موسكو يوم 2 فبراير 2025 في زيارة رسمية يلتقي خلالها بوتين.",
        meetings=[meeting("2025-02-02", city="Moscow", kind="visit")], outlet="Echo")
    store.rebuild_events()
    after = store.events(Filters())
    assert len(set(after["id"])) == len(after) and first_id in set(after["id"])
    assert "Moscow" in set(after["city"])


# --- migrations ------------------------------------------------------------------------------

def test_opening_an_old_database_upgrades_it(db_url):
    engine = Store(db_url, migrate=False).engine
    assert migrations.migrate(engine, target=1) == 1
    now = dt.datetime(2024, 1, 1)
    with engine.begin() as conn:  # an article written by version 1 of the schema
        conn.execute(schema.articles.insert().values(
            content_hash="h1", title="قديم", raw_text="نص العلاقات القديمة", clean_text="نص العلاقات القديمة",
            norm_text=comparable_text("نص العلاقات القديمة"), norm_len=10, created_at=now))
    store = Store(db_url)
    with store.engine.connect() as conn:
        assert migrations.current_version(conn) == migrations.LATEST
        assert sa.inspect(conn).has_table("events")
    assert [h.article_id for h in store.search("علاقة")] == [1]
    assert Store(db_url).count() == 1  # opening again changes nothing


def test_schema_v9_splits_postgresql_search_rows_into_narrow_parts_and_finds_what_v8_found(db_url):
    """Migration 9 rebuilds PostgreSQL's search_index as hash parts whose rows keep key strings and
    tsvectors out of line and uncompressed (rows of a few dozen bytes); the index finds the same
    articles; on SQLite it changes nothing."""
    engine = Store(db_url, migrate=False).engine
    migrations.migrate(engine, target=8)
    v8 = Store(db_url, migrate=False)
    long_body = " ".join(["العلاقات الروسية الأذربيجانية والطاقة في بحر قزوين"] * 200)
    add(v8, "long.txt", long_body)
    add(v8, "short.txt", "زيارة إلى باكو")
    queries = ["علاقة", "باكو", '"بحر قزوين"', "-باكو", "الطاقة OR زيارة"]
    before = {q: [h.article_id for h in v8.search(q)] for q in queries}
    store = Store(db_url)
    assert {q: [h.article_id for h in store.search(q)] for q in queries} == before
    assert before["علاقة"] == [1] and before["-باكو"] == [1] and sorted(before["الطاقة OR زيارة"]) == [1, 2]
    add(store, "after.txt", "قمة في سوتشي")  # written to the rewritten table, and removed from it
    assert [h.article_id for h in store.search("سوتشي")] == [3]
    assert store.remove_article(3) and store.search("سوتشي") == []
    with store.engine.connect() as conn:
        assert migrations.current_version(conn) == migrations.LATEST >= 9
        if store.dialect != "postgresql":
            assert conn.exec_driver_sql("SELECT count(*) FROM articles_fts").scalar() == 3  # removed ones too
            return
        parts = conn.exec_driver_sql("SELECT c.relname, c.reloptions FROM pg_inherits i JOIN pg_class c "
                                     "ON c.oid = i.inhrelid WHERE i.inhparent = 'search_index'::regclass").all()
        assert sorted(name for name, _ in parts) == [f"search_index_p{k}" for k in range(migrations.SEARCH_PARTS)]
        assert all(options == [f"toast_tuple_target={migrations.SEARCH_ROW_TARGET}"] for _, options in parts)
        part = conn.exec_driver_sql("SELECT tableoid::regclass::text FROM search_index WHERE article_id = 1").scalar()
        storage = dict(conn.exec_driver_sql("SELECT attname, attstorage FROM pg_attribute WHERE attrelid = "
                                            f"'{part}'::regclass AND attname IN ('terms', 'tsv')").all())
        assert storage == {"terms": "e", "tsv": "e"}
        compressed = conn.exec_driver_sql("SELECT pg_column_compression(terms), pg_column_compression(tsv) "
                                          "FROM search_index WHERE article_id = 1").one()
        heap, toast = conn.exec_driver_sql("SELECT pg_relation_size(oid), pg_relation_size(reltoastrelid) "
                                           f"FROM pg_class WHERE relname = '{part}'").one()
        assert tuple(compressed) == (None, None) and heap < toast  # out of line, not compressed
        constraints = {r[0] for r in conn.exec_driver_sql(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'search_index'::regclass")}
        assert constraints == {"search_index_pkey", "search_index_article_id_fkey"}


def test_a_schema_v4_database_gains_the_meeting_day_and_month(sqlite_url):
    engine = Store(sqlite_url, migrate=False).engine
    migrations.migrate(engine, target=4)
    with engine.begin() as conn:  # the meetings table as schema v4 had it
        conn.exec_driver_sql("ALTER TABLE meetings DROP COLUMN month")
        conn.exec_driver_sql("ALTER TABLE meetings DROP COLUMN day")
        conn.exec_driver_sql("ALTER TABLE meetings DROP COLUMN participants")
    store = Store(sqlite_url)
    with store.engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("meetings")}
        assert {"month", "day", "participants"} <= columns and migrations.current_version(conn) == migrations.LATEST


def test_stored_meeting_with_a_day_and_month_only_is_linked_to_the_event_of_that_day(db_url):
    from corpus.ingest import ingest_texts
    dated = ("موسكو 22 أبريل 2024 (وكالات) - أجرى الرئيس الروسي فلاديمير بوتين محادثات مع نظيره "
             "الأذربيجاني إلهام علييف في الكرملين اليوم حول التعاون في مجال الطاقة والنقل.")
    partial = ("أجرى الرئيس الروسي فلاديمير بوتين في 22 أبريل محادثات مع نظيره الأذربيجاني إلهام علييف "
               "في موسكو تناولت الممر الدولي بين الشمال والجنوب.")
    store = Store(db_url)
    ingest_texts(store, [("dated.txt", dated), ("partial.txt", partial)])
    events = store.events()
    assert len(events) == 1
    assert str(events.iloc[0]["date"])[:10] == "2024-04-22" and events.iloc[0]["n_articles"] == 2


def test_a_shortened_copy_of_a_stored_article_becomes_a_source_of_it(db_url):
    from corpus.extract import extract_document
    title = "بوتين وعلييف يبحثان التعاون في الطاقة والنقل"
    body = " ".join(f"الجملة رقم {i} من نص الخبر عن مباحثات الرئيسين في موسكو حول الممر والطاقة." for i in range(40))
    full = f"{title}\nتاريخ النشر: 22/04/2024\n{body}"
    short = f"{title}\nتاريخ النشر: 22/04/2024\n{body[: len(body) // 2]}"
    store = Store(db_url)
    first = store.add_article(RawDocument("full.txt", full, "txt"), extract_document(full))
    second = store.add_article(RawDocument("short.txt", short, "txt"), extract_document(short))
    assert (first.status, second.status, second.article_id) == ("added", "source_added", first.article_id)
    assert store.count() == 1
    other_day = short.replace("22/04/2024", "23/04/2024")
    third = store.add_article(RawDocument("other.txt", other_day, "txt"), extract_document(other_day))
    assert third.status == "added"  # another day's article under the same headline is its own


def test_a_batch_cut_off_half_way_says_what_got_stored(tmp_path):
    from corpus.extract import extract_document
    from corpus.models import RawDocument
    store = Store(f"sqlite:///{tmp_path / 'b.sqlite'}")
    texts = ["التقى بوتين علييف في موسكو اليوم وبحثا ملفات الطاقة والغاز.",
             "أعلنت وزارة النقل افتتاح خط جديد للسكك الحديدية بين المدينتين الشهر المقبل.",
             "ارتفعت صادرات القمح إلى مستوى قياسي هذا الموسم وفق بيانات الجمارك.",
             "استقبلت المنتجعات الساحلية أعدادا متزايدة من السياح خلال عطلة الصيف.",
             "وقعت الجامعتان مذكرة تفاهم لتبادل الطلاب والأساتذة في كليات الهندسة."]
    batch = store.begin_batch("editor", ["a.zip"], total=5)
    for i, text in enumerate(texts[:2]):  # the tab closes after two of five
        store.add_article(RawDocument(f"a.zip#{i}", text, "txt"), extract_document(text), "editor")
    got = store.unfinished_batch("editor")
    assert got is not None and (got["id"], got["files"], got["total"], got["stored"]) == (batch, ["a.zip"], 5, 2)
    assert store.unfinished_batch("someone else") is None
    # A second run stores the rest (the first two are recognised as already stored) and ends.
    batch2 = store.begin_batch("editor", ["a.zip"], total=5)
    results = [store.add_article(RawDocument(f"a.zip#{i}", t, "txt"), extract_document(t), "editor")
               for i, t in enumerate(texts)]
    store.end_batch(batch2, "editor", stored=3)
    assert [r.status for r in results] == ["duplicate", "duplicate", "added", "added", "added"]
    assert store.unfinished_batch("editor") is None
    store.close()


GROUPING_ARTICLES = [
    ("moscow-1.txt", "موسكو 22 أبريل 2024 - استقبل الرئيس الروسي فلاديمير بوتين اليوم نظيره الأذربيجاني إلهام "
                     "علييف في الكرملين وبحثا التعاون في الطاقة."),
    ("moscow-2.txt", "موسكو 22 أبريل 2024 - أجرى الرئيسان بوتين وعلييف محادثات في الكرملين اليوم تناولت النقل "
                     "والممرات والتجارة بين البلدين."),
    ("sochi.txt", "سوتشي 26 نوفمبر 2021 - عقد بوتين وعلييف وباشينيان اليوم قمة ثلاثية في سوتشي لبحث ترسيم الحدود."),
]


def _grouping_store(tmp_path) -> Store:
    from corpus.ingest import ingest_texts
    store = Store(f"sqlite:///{tmp_path / 'g.sqlite'}")
    ingest_texts(store, GROUPING_ARTICLES)
    return store


def _groups(store: Store) -> set[frozenset[str]]:
    """Each event as the set of its articles' source names."""
    return {frozenset(a["source"] for a in store.event(int(eid))["articles"]) for eid in store.events()["id"]}


def _article_id(store: Store, source: str) -> int:
    return next(a["article_id"] for eid in store.events()["id"] for a in store.event(int(eid))["articles"]
                if a["source"] == source)


def test_an_editors_merge_of_two_events_survives_reprocess(tmp_path):
    store = _grouping_store(tmp_path)
    assert _groups(store) == {frozenset({"moscow-1.txt", "moscow-2.txt"}), frozenset({"sochi.txt"})}
    event_of = {a["source"]: int(e) for e in store.events()["id"] for a in store.event(int(e))["articles"]}
    keep, merged = event_of["moscow-1.txt"], event_of["sochi.txt"]
    assert store.merge_events(keep, merged, who="editor") == 1
    assert _groups(store) == {frozenset({"moscow-1.txt", "moscow-2.txt", "sochi.txt"})}
    store.reprocess(extractor=None)
    assert _groups(store) == {frozenset({"moscow-1.txt", "moscow-2.txt", "sochi.txt"})}
    store.close()


def test_an_editors_split_of_an_event_survives_reprocess_and_can_be_undone(tmp_path):
    store = _grouping_store(tmp_path)
    aid = _article_id(store, "moscow-2.txt")
    store.split_event([aid], who="editor")
    assert _groups(store) == {frozenset({"moscow-1.txt"}), frozenset({"moscow-2.txt"}), frozenset({"sochi.txt"})}
    store.reprocess(extractor=None)
    assert _groups(store) == {frozenset({"moscow-1.txt"}), frozenset({"moscow-2.txt"}), frozenset({"sochi.txt"})}
    store.correct(aid, "event", None, who="editor")  # back to the automatic grouping
    assert _groups(store) == {frozenset({"moscow-1.txt", "moscow-2.txt"}), frozenset({"sochi.txt"})}
    store.close()


@pytest.mark.parametrize("value", [{"with": "3"}, {"with": True}, {"alone": False}, {"with": 1, "alone": True}, [1]])
def test_a_malformed_grouping_correction_is_refused(tmp_path, value):
    store = _grouping_store(tmp_path)
    aid = _article_id(store, "sochi.txt")
    with pytest.raises(ValueError):
        store.correct(aid, "event", value, who="editor")
    store.close()
