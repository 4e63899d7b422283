"""Several editors uploading at once (threads, two Store objects = two replicas) lose nothing and
create no duplicates, on SQLite and PostgreSQL (``db_url``)."""
from __future__ import annotations

import random
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest

# Four different short articles written for this test.
ARTICLES = {
    "moscow.txt": """بوتين وعلييف يبحثان التعاون في مجال الطاقة
موسكو - 15 مارس 2024
استقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في الكرملين اليوم الجمعة، وبحث الجانبان مشروعات النقل والطاقة.
وقال بوتين إن حجم التبادل التجاري بين البلدين بلغ نحو 4 مليارات دولار في العام الماضي.
""",
    "call.txt": """علييف يتلقى اتصالا هاتفيا من بوتين
باكو - 3 يونيو 2023
أجرى الرئيس الأذربيجاني إلهام علييف اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين، تناول الوضع في جنوب القوقاز وممر النقل بين الشمال والجنوب.
واتفق الرئيسان على مواصلة الاتصالات في الأسابيع المقبلة.
""",
    "fair.txt": """افتتاح معرض للصناعات الأذربيجانية في سانت بطرسبورغ
شارك أكثر من 60 شركة أذربيجانية في معرض تجاري افتتح أمس في مدينة سانت بطرسبورغ الروسية بحضور مسؤولين من البلدين.
وأوضح المنظمون أن المعرض يستمر ثلاثة أيام ويركز على الصناعات الغذائية والنسيج والسجاد اليدوي.
""",
    "summit.txt": """قمة لرابطة الدول المستقلة في دوشنبه
دوشنبه - 8 أكتوبر 2021
التقى بوتين وعلييف على هامش قمة رابطة الدول المستقلة في العاصمة الطاجيكية، وناقشا تنفيذ البيان الثلاثي وإعادة فتح الطرق في المنطقة.
وقال مسؤول في الوفد إن اللقاء دام ساعة وتناول أيضا إمدادات الحبوب.
""",
}
THREADS = 6
ROUNDS = 1


def _jobs() -> list[tuple[int, str, bytes]]:
    """Every thread sends all four files under the common names (same bytes at the same time) and
    one article under a name of its own (the same text from another outlet)."""
    names = list(ARTICLES)
    jobs = []
    for worker in range(THREADS):
        order = names[:]
        random.Random(worker).shuffle(order)
        own = names[worker % len(names)]
        for _ in range(ROUNDS):
            jobs += [(worker, name, ARTICLES[name].encode("utf-8")) for name in order]
        jobs.append((worker, f"worker{worker}-{own}", ARTICLES[own].encode("utf-8")))
    return jobs


def _base_name(source: str) -> str:
    return source.split("-", 1)[1] if source.startswith("worker") else source


def _through_ingest():
    ingest = pytest.importorskip("corpus.ingest")
    return ingest.ingest_bytes


def _through_upload_page():
    """The Upload page's path: preview (read + extract), then store the confirmed previews."""
    from corpus import preview as pv
    try:
        from corpus.readers import read_bytes as reader
    except ImportError:  # until the readers module lands
        from corpus.models import RawDocument

        def reader(data, name):
            return [RawDocument(name, data.decode("utf-8"), "txt")]

    def upload(store, name, data, who):
        previews, rejected = pv.preview_bytes(name, data, reader=reader)
        return rejected + pv.store_previews(store, [(p, {}) for p in previews], who)
    return upload


@pytest.mark.parametrize("path", ["ingest", "upload_page"])
def test_parallel_uploads_lose_nothing_and_duplicate_nothing(db_url, path):
    upload = _through_ingest() if path == "ingest" else _through_upload_page()
    from corpus.store import Store

    replicas = [Store(db_url), Store(db_url)]
    jobs = _jobs()
    by_worker: dict[int, list[tuple[str, bytes]]] = defaultdict(list)
    for worker, name, data in jobs:
        by_worker[worker].append((name, data))

    def run(worker: int) -> list:
        store = replicas[worker % len(replicas)]
        out = []
        for name, data in by_worker[worker]:
            out += [(name, r) for r in upload(store, name, data, f"w{worker}")]
        return out

    try:
        with ThreadPoolExecutor(THREADS) as pool:
            results = [r for chunk in pool.map(run, range(THREADS)) for r in chunk]
        store = replicas[0]

        assert len(results) == len(jobs)  # one result per single-article file
        statuses = Counter(r.status for _, r in results)
        assert statuses["rejected"] == 0, [r.reason for _, r in results if r.status == "rejected"]
        assert statuses["added"] == len(ARTICLES)
        # Each text added exactly once; every other copy points at that article.
        ids = {}
        for name, r in results:
            base = _base_name(name)
            ids.setdefault(base, set()).add(r.duplicate_of or r.article_id)
        assert all(len(v) == 1 for v in ids.values()), ids
        assert len({next(iter(v)) for v in ids.values()}) == len(ARTICLES)

        assert store.count() == len(ARTICLES)
        assert store.total_count() == len(ARTICLES)
        for base, (article_id,) in ((b, tuple(v)) for b, v in ids.items()):
            sources = {s["source"] for s in store.article(article_id)["sources"]}
            expected = {base} | {f"worker{w}-{base}" for w in range(THREADS)
                                 if list(ARTICLES)[w % len(ARTICLES)] == base}
            assert sources == expected
        # Own-name copies are new sources; repeated common names are plain duplicates.
        own = [r for name, r in results if name.startswith("worker")]
        assert all(r.status == "source_added" for r in own)
        history = store.history(limit=1000)
        assert Counter(history["action"])["added"] == len(ARTICLES)
    finally:
        for s in replicas:
            s.close()


def test_parallel_remove_and_restore_keep_one_state(db_url):
    """Removing and restoring the same article from many threads never errors or loses it."""
    from corpus.extract import extract_document
    from corpus.models import RawDocument
    from corpus.store import Store

    store = Store(db_url)
    try:
        text = ARTICLES["moscow.txt"]
        added = store.add_article(RawDocument("moscow.txt", text, "txt"),
                                  extract_document(text, "moscow.txt", {}), "setup")

        def toggle(i: int) -> bool:
            if i % 2:
                return store.remove_article(added.article_id, f"w{i}")
            return store.restore_article(added.article_id, f"w{i}")

        with ThreadPoolExecutor(THREADS) as pool:
            done = list(pool.map(toggle, range(2 * THREADS)))
        removed = Counter(store.history(limit=1000)["action"])
        # Every successful call is logged once; the final state matches the last logged action.
        assert removed["removed"] + removed["restored"] == sum(done)
        last = store.history(limit=1)["action"].iloc[0]
        assert store.count() == (0 if last == "removed" else 1)
        assert store.total_count() == 1
    finally:
        store.close()
