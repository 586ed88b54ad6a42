"""Moved: hard line wraps are decided in extract/structure/wraps.py (one module for structure,
clauses and entities). This name stays only until extract/clauses/finder.py imports from there."""

from policykg.extract.structure.wraps import Joined, joined, page_width, wrap_breaks  # noqa: F401
