"""Which spans of a document hold a position, in time that does not grow with their number.

Facts (clauses, targets, mentions, deadlines) are attached to the innermost task or section
around them. Scanning every task for every fact is quadratic in the document's size: a 20 MB
document has tens of thousands of both (issue 8). SpanIndex files each span under the fixed-size
buckets of text it covers, so a lookup reads one bucket: the few spans that cover it, in the
order they were added (callers break ties by that order, as a scan of the list would).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Generic, Protocol, TypeVar


class Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=Span)

# Characters per bucket: a nested plan's spans cover a position a handful of times over, so the
# index holds about depth × size / BUCKET entries besides one per span.
BUCKET = 4096


class SpanIndex(Generic[S]):
    def __init__(self, spans: Iterable[S] = (), bucket: int = BUCKET):
        self._bucket = bucket
        self._spans: list[S] = []
        self._buckets: dict[int, list[int]] = defaultdict(list)
        for span in spans:
            self.add(span)

    def add(self, span: S) -> None:
        i = len(self._spans)
        self._spans.append(span)
        # An empty span still holds its start (sections use max(end, start + 1)).
        last = max(span.end, span.start + 1) - 1
        for b in range(span.start // self._bucket, last // self._bucket + 1):
            self._buckets[b].append(i)

    def overlapping(self, start: int, end: int) -> Iterator[S]:
        """Every span sharing a bucket with text[start:end], once each, in the order added: a
        superset of those overlapping it, which the caller checks with its own rule."""
        first, last = start // self._bucket, (max(end, start + 1) - 1) // self._bucket
        if first == last:
            found = self._buckets.get(first, ())
        else:
            found = sorted({i for b in range(first, last + 1) for i in self._buckets.get(b, ())})
        for i in found:
            yield self._spans[i]

    def near(self, pos: int) -> Iterator[S]:
        """Every span whose bucket range covers `pos`, in the order added: a superset of those
        holding `pos`, which the caller checks with its own containment rule."""
        for i in self._buckets.get(pos // self._bucket, ()):
            yield self._spans[i]
