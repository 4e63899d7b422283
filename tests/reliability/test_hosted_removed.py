"""Removed articles are never lost (issue 13, item 10): the CLI lists them and restores any of them
(not only the last removal), a re-upload of a removed article's file says so and how to restore
it, and the Upload page lists them with a restore button. CLI through subprocesses; the page
through AppTest."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from streamlit.testing.v1 import AppTest

from hostile_corpus import VALID

from devtools.dashboard import ROOT


def _cli(args: list[str], db: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpus", *args, "--db", db], cwd=ROOT, text=True,
                          capture_output=True, timeout=180, env={**os.environ, "PYTHONPATH": str(ROOT)})


def _lines(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def test_every_removed_article_can_be_listed_and_restored_from_the_cli(tmp_path):
    from corpus.store import Store
    db = f"sqlite:///{tmp_path / 'removed.sqlite'}"
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(VALID[i], encoding="utf-8")
    added = _lines(_cli(["ingest", *(str(tmp_path / f"a{i}.txt") for i in range(3))], db))
    ids = [line["article_id"] for line in added]
    store = Store(db)
    for article_id in ids[:2]:  # two removals: an undo button would only cover the second
        assert store.remove_article(article_id, "editor")
    store.close()

    listed = _lines(_cli(["removed"], db))
    assert [line["id"] for line in listed] == [ids[1], ids[0]]

    again = _lines(_cli(["ingest", str(tmp_path / "a0.txt")], db))
    assert again[0]["status"] in ("duplicate", "source_added")
    assert f"python -m corpus restore {ids[0]}" in again[0]["reason"]

    restored = _cli(["restore", str(ids[0])], db)
    assert restored.returncode == 0 and _lines(restored) == [{"id": ids[0], "restored": True}]
    assert [line["id"] for line in _lines(_cli(["removed"], db))] == [ids[1]]
    assert _cli(["restore", str(ids[2])], db).returncode == 1  # not removed: said, not done
    store = Store(db)
    assert store.count() == 2
    assert store.history()["action"].tolist()[0] == "restored"
    store.close()


def test_upload_page_lists_removed_articles_and_restores_any(tmp_path):
    from components import data
    from corpus.ingest import ingest_bytes
    from corpus.store import Store
    store = Store(f"sqlite:///{tmp_path / 'page.sqlite'}")
    ids = [ingest_bytes(store, f"p{i}.txt", VALID[i].encode())[0].article_id for i in range(2)]
    for article_id in ids:
        store.remove_article(article_id, "editor")
    data.use_store(store)
    try:
        at = AppTest.from_file(str(ROOT / "views" / "upload.py"), default_timeout=30)
        at.secrets["test_marker"] = "1"
        at.run()
        assert "المقالات المحذوفة" in [h.value for h in at.header] + [h.value for h in at.subheader]
        choice = at.selectbox(key="upload_restore_choice")
        assert choice.options and len(choice.options) == 2
        choice.select_index(1).run()  # the earlier removal, which undo no longer covers
        [button] = [b for b in at.button if b.key == "upload_restore"]
        button.click().run()
        assert not at.exception
        assert store.removed_ids(ids) == {ids[1]}
        assert any("أُعيدت" in s.value for s in at.success)
    finally:
        data.use_store(None)
        store.close()
