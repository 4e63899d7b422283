"""Table definitions (SQLAlchemy Core), shared by SQLite and PostgreSQL.

The search index is dialect-specific and created in ``migrations.py``: an FTS5 table
``articles_fts(terms)`` on SQLite, a ``search_index(article_id, terms, tsv)`` table with a GIN
index on PostgreSQL (since schema 9: hash parts by article id, narrow rows).
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)

meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# Column order matters on SQLite: the small columns come first and the bodies last, so scans
# that filter or list articles never read the bodies' overflow pages.
articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(16)),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("removed_at", sa.DateTime),
    sa.Column("human_checked", sa.JSON),  # field → {by, at}
    sa.Column("checked", sa.Boolean, nullable=False, default=False),  # any field human-checked
    # Denormalised from the main meeting (and its event), for fast filtering and sorting.
    sa.Column("meeting_date", sa.Date),
    sa.Column("city", sa.Text),
    sa.Column("kind", sa.String(32)),
    sa.Column("sort_date", sa.Date),  # meeting date if any, else published
    sa.Column("norm_len", sa.Integer, nullable=False),
    sa.Column("fmt", sa.String(16)),
    sa.Column("extractor_version", sa.String(32)),
    sa.Column("hints", sa.JSON),
    sa.Column("provenance", sa.JSON),
    sa.Column("raw_text", sa.Text, nullable=False),
    sa.Column("clean_text", sa.Text, nullable=False),
    sa.Column("norm_text", sa.Text, nullable=False),
    sa.Index("ix_articles_outlet", "outlet"),
)

sources = sa.Table(
    "sources", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text, nullable=False, default=""),  # "" not NULL so UNIQUE holds
    sa.Column("outlet", sa.Text),
    sa.Column("fmt", sa.String(16)),
    sa.Column("encoding", sa.String(32)),
    sa.Column("added_at", sa.DateTime, nullable=False),
    sa.Column("added_by", sa.Text),
    sa.UniqueConstraint("article_id", "source", "url", name="uq_sources_article_source_url"),
)

meetings = sa.Table(
    "meetings", metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("date", sa.Date),
    sa.Column("date_basis", sa.String(32)),
    sa.Column("city", sa.Text),
    sa.Column("kind", sa.String(32)),
    sa.Column("status", sa.String(32)),
    sa.Column("evidence", sa.Text),
    sa.Column("weekday", sa.Integer),
    sa.Column("primary", sa.Boolean, nullable=False, default=True),
    sa.Column("month", sa.Integer),  # a day and month without a year, for linking (schema v5)
    sa.Column("day", sa.Integer),
    sa.Column("participants", sa.Text),  # third leaders, comma-separated (schema v5)
)

figures = sa.Table(
    "figures", metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text),
    sa.Column("start", sa.Integer),
    sa.Column("value", sa.Float),
    sa.Column("value_max", sa.Float),
    sa.Column("unit", sa.String(32)),
    sa.Column("metric", sa.String(64)),
    sa.Column("qualifier", sa.String(32)),
    sa.Column("period", sa.Text),
    sa.Column("sentence", sa.Text),
    sa.Column("currency", sa.String(16)),
    sa.Column("pair", sa.Text),
)

topics = sa.Table(
    "topics", metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("topic", sa.String(64), primary_key=True),
    sa.Index("ix_topics_topic", "topic"),
)

corrections = sa.Table(
    "corrections", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("field", sa.String(32), nullable=False),
    sa.Column("value", sa.JSON),
    sa.Column("author", sa.Text),
    sa.Column("at", sa.DateTime, nullable=False),
)

history = sa.Table(
    "history", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("who", sa.Text),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("article_id", sa.Integer),
    sa.Column("detail", sa.Text),
)

# Added by migration 2: near-duplicate candidates through shared bottom-k shingle hashes.
shingles = sa.Table(
    "shingles", metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("h", sa.BigInteger, primary_key=True),
    sa.Index("ix_shingles_h", "h"),
)

# Added by migration 3: meeting events.
events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("date", sa.Date),
    sa.Column("city", sa.Text),
    sa.Column("kind", sa.String(32)),
    sa.Column("status", sa.String(32)),
    sa.Column("key", sa.Text),  # the clustering's readable id, e.g. 2024-08-19_Baku_talks
)

event_articles = sa.Table(
    "event_articles", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("meeting_idx", sa.Integer, primary_key=True),
    sa.Column("inferred", sa.Boolean, nullable=False, default=False),
    sa.Index("ix_event_articles_article", "article_id"),
)

# Added by migration 6: what Putin and Aliyev said in each article (corpus.extract.statements).
statements = sa.Table(
    "statements", metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("speaker", sa.String(16), nullable=False),  # putin, aliyev
    sa.Column("mode", sa.String(16), nullable=False),  # direct, reported
    sa.Column("text", sa.Text, nullable=False),  # clean_text[start:end]
    sa.Column("sentence", sa.Text),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Column("verb", sa.Text),
    sa.Index("ix_statements_speaker", "speaker"),
)

# PostgreSQL search index (SQLite uses the FTS5 virtual table articles_fts instead).
search_index = sa.Table(
    "search_index", metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("terms", sa.Text, nullable=False),
)

# SQLite: a covering index lets listing, counting and filtering skip the (big) rows. PostgreSQL
# keeps bodies out of line (TOAST) anyway, and its B-tree rows could not hold a long title.
LISTING_COLUMNS = ("removed_at", "sort_date", "id", "outlet", "published", "meeting_date", "city",
                   "kind", "language", "checked", "title")

V1_TABLES = [schema_version, meta, articles, sources, meetings, figures, topics, corrections, history]
V2_TABLES = [shingles]
V3_TABLES = [events, event_articles]
V6_TABLES = [statements]
