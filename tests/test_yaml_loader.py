"""The YAML files we ship parse to the same values with the fast loader (libyaml's, when present)
as with PyYAML's pure-Python safe loader, the reference."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from corpus.config import DATA_DIR
from corpus.lexicons import SAFE_LOADER, parse_yaml

FILES = sorted(p for p in DATA_DIR.rglob("*") if p.suffix in (".yaml", ".yml"))


def test_the_data_folder_has_yaml_files_and_the_fast_loader_is_used():
    assert len(FILES) >= 10
    if hasattr(yaml, "CSafeLoader"):
        assert SAFE_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA_DIR)))
def test_a_shipped_file_parses_as_with_the_pure_python_loader(path: Path):
    text = path.read_text(encoding="utf-8")
    assert parse_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)


def test_the_loaders_agree_on_the_edges():
    text = "a: 1\nb: 1.5\nc: yes\nd: null\ne: 2024-01-02\nf: '007'\ng: [x, 'y']\nh: \"باكو\"\ni: ~\n"
    assert parse_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)
    with pytest.raises(yaml.constructor.ConstructorError):  # still a safe loader
        parse_yaml("!!python/object/apply:os.system ['true']")
