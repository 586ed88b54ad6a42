"""What find_clauses reads in a sentence, in the shapes the clause tests compare against: per clause
its rule and, per role, the items' surfaces, names or (surface, name) pairs. No default prefix: the
tests' sentences carry their own places."""

from __future__ import annotations

from policykg.extract.clauses.finder import find_clauses


def _roles(text: str, item):
    return [(f.rule, [(r.value, [item(i) for i in items]) for r, items in f.roles])
            for f in find_clauses(text, default_prefix=None)]


def surfaces(text: str):
    """[(rule, [(role, [surface, …]), …]), …]"""
    return _roles(text, lambda i: i.surface)


def names(text: str):
    """[(rule, [(role, [name, …]), …]), …]: the names as restored."""
    return _roles(text, lambda i: i.name)


def pairs(text: str):
    """[(rule, [(role, [(surface, name), …]), …]), …]"""
    return _roles(text, lambda i: (i.surface, i.name))
