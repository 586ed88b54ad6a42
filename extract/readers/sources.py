"""Putting the reader's source map on every fact: Evidence.source for page/cell/element.

A post-pass over a finished Extraction, so no stage needs to know which format the text came
from: each Evidence gets the SourceRef of the span holding its start (and, where the reader
mended characters inside the quote, `original` with what the file holds).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from policykg.extract.readers.base import ReadResult
from policykg.schema.models import Evidence, Extraction, PlanMeta


def _walk(obj, read: ReadResult):
    if isinstance(obj, Evidence):
        if obj.source is not None:
            return obj
        src = read.source_at(obj.start, obj.end)
        return obj.model_copy(update={"source": src}) if src is not None else obj
    if isinstance(obj, BaseModel):
        update = {}
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, (BaseModel, list)):
                new = _walk(value, read)
                if new is not value:
                    update[name] = new
        return obj.model_copy(update=update) if update else obj
    if isinstance(obj, list):
        new = [_walk(v, read) for v in obj]
        return new if any(a is not b for a, b in zip(new, obj)) else obj
    return obj


def with_sources(x: Extraction, read: ReadResult) -> Extraction:
    if read.format == "text" and not read.spans:
        return x
    return _walk(x, read)


def apply_reader_header(meta: PlanMeta, header: dict, fmt: str) -> PlanMeta:
    """Metadata the file states outside its text (the page's 索引号 table, meta tags) wins over
    what the text header suggests; the manifest, merged after this, still wins over both."""
    from policykg.extract.structure.metadata import _derived, normalize_doc_number, parse_date

    if not header:
        return meta
    data = meta.model_dump()
    prov = dict(meta.provenance)
    for key, value in header.items():
        if key not in PlanMeta.model_fields or value in (None, ""):
            continue
        if key == "title" and meta.title:
            continue  # a page's 标题 is the notice's; the plan inside it, found in the text, is the title
        if key in ("issued", "published") and not isinstance(value, dt.date):
            value = parse_date(str(value))
            if value is None:
                continue
        if key == "doc_number":
            value = normalize_doc_number(str(value))
        data[key] = value
        prov[key] = f"header:{fmt}"
    data["provenance"] = prov
    return _derived(PlanMeta.model_validate(data))
