"""The clause-rule registry: `RULES`, the `@clause_rule(id, priority, family)` decorator that
fills it, and the types a rule reads and returns (`Context`, `Found`). `finder.registry()` gives the
rules in the order they run; `finder.find_clauses` runs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from policykg.extract.clauses.agency_list import ListItem
from policykg.schema.models import Role


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    rule: str
    roles: list[tuple[Role, list[ListItem]]]
    scope: str | None = None


@dataclass(frozen=True)
class Context:
    text: str
    lo: int
    hi: int
    default_prefix: str | None


@dataclass(frozen=True)
class ClauseRule:
    id: str
    priority: int
    family: str
    find: Callable[[Context], list[Found]] = field(repr=False)

    @property
    def example(self) -> str:
        """The `Example:` sentence of the rule's docstring (what the rule must read)."""
        doc = self.find.__doc__ or ""
        m = re.search(r"Example:\s*(.+)", doc)
        # A layout across lines is written with a literal \n (a field heading and its list below it).
        return m.group(1).strip().replace("\\n", "\n") if m else ""


RULES: list[ClauseRule] = []


def clause_rule(id: str, priority: int, family: str):
    def register(fn: Callable[[Context], list[Found]]):
        if any(r.id == id for r in RULES):
            raise ValueError(f"clause rule {id!r} registered twice")
        RULES.append(ClauseRule(id, priority, family, fn))
        return fn
    return register
