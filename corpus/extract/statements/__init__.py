"""Who said what: statements of Putin and Aliyev (direct quotes and reported speech).

``lexicon`` turns statements.yaml and people.yaml into patterns and finds the people a paragraph
names; ``find`` attributes speech verbs and cuts out what was said.
"""
from .find import find_statements

__all__ = ["find_statements"]
