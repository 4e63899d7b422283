from corpus.config import DEFAULT_DB_PATH, database_url


def test_url_precedence(monkeypatch):
    secrets = {"database": {"url": "postgresql+psycopg://u@db/corpus"}}
    monkeypatch.delenv("CORPUS_DB_URL", raising=False)
    assert database_url() == f"sqlite:///{DEFAULT_DB_PATH}"
    assert database_url(secrets=secrets) == "postgresql+psycopg://u@db/corpus"
    monkeypatch.setenv("CORPUS_DB_URL", "sqlite:////tmp/env.sqlite")
    assert database_url(secrets=secrets) == "sqlite:////tmp/env.sqlite"
    assert database_url("sqlite:////tmp/cli.sqlite", secrets=secrets) == "sqlite:////tmp/cli.sqlite"


def test_malformed_secrets_fall_back(monkeypatch):
    monkeypatch.delenv("CORPUS_DB_URL", raising=False)
    assert database_url(secrets={"database": "not a table"}) == f"sqlite:///{DEFAULT_DB_PATH}"
    assert database_url(secrets={"database": {"url": "  "}}) == f"sqlite:///{DEFAULT_DB_PATH}"
