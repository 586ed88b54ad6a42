"""SpanIndex answers innermost-span lookups as a scan of every span would (issue 8: the scan
per fact made extraction quadratic in a document's size)."""

from __future__ import annotations

import random

from policykg.extract.structure.spans import SpanIndex
from policykg.extract.structure.tasks import innermost_task
from policykg.schema.models import Task, TaskKind


def task(i: int, start: int, end: int) -> Task:
    return Task(id=f"d:task:{i}", doc_id="d", kind=TaskKind.task, title=str(i), text="", section_id=None,
                ordinal=i, start=start, end=end, rule="test")


def test_index_lookup_equals_a_scan_of_every_task():
    rng = random.Random(8)
    for _ in range(30):
        tasks = []
        for i in range(rng.randint(1, 60)):
            start = rng.randint(0, 500)
            tasks.append(task(i, start, start + rng.choice([0, 1, 3, 17, 64, 300])))
        for bucket in (1, 7, 64, 4096):  # spans across many buckets, and all in one
            index = SpanIndex(tasks, bucket=bucket)
            for pos in range(0, 600, 3):
                assert innermost_task(index, pos, pos + 1) == innermost_task(tasks, pos, pos + 1), (bucket, pos)


def test_ties_go_to_the_first_added_and_added_spans_are_found():
    a, b = task(1, 10, 20), task(2, 10, 20)
    index = SpanIndex([a, b], bucket=4)
    assert innermost_task(index, 15, 16) is a
    c = task(3, 14, 18)
    index.add(c)
    assert innermost_task(index, 15, 16) is c
    assert innermost_task(index, 25, 26) is None


def test_overlapping_finds_every_span_a_range_overlaps_once_in_order():
    rng = random.Random(11)
    spans = []
    for i in range(200):
        start = rng.randint(0, 900)
        spans.append(task(i, start, start + rng.choice([0, 1, 5, 40, 250])))
    for bucket in (1, 16, 4096):
        index = SpanIndex(spans, bucket=bucket)
        for _ in range(300):
            a = rng.randint(0, 1000)
            b = a + rng.choice([0, 1, 9, 120, 700])
            got = [t for t in index.overlapping(a, b) if t.start < b and a < t.end]
            want = [t for t in spans if t.start < b and a < t.end]
            assert got == want, (bucket, a, b)
