"""graph/rows.py: the pure mapping Extraction -> rows, the only thing graph/ knows of extraction."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from corpus_helpers import extraction
from policykg.graph.rows import document_rows, plan_properties, registry_rows
from policykg.schema.models import (
    Agency, AgencyMention, Assignment, Citation, Clause, Deadline, EntityEntry, EntityKind, EntityMention,
    Evidence, Extraction, PlanMeta, Role, Section, SectionLevel, Task, TaskKind,
)
from policykg.schema.registry_models import Registry, RegistryAgency, Succession

ROOT = Path(__file__).resolve().parents[1]


def ev(start, end, quote, rule="clause.labeled"):
    return Evidence(doc_id="d", start=start, end=end, quote=quote, rule=rule)


def small() -> Extraction:
    text = "一、任务\n（一）推进数据开放，2022年底前完成。（牵头单位：市未知局，配合单位：市发展改革委）\n"
    sec = Section(id="d:s1", doc_id="d", level=SectionLevel.chapter, number=1, marker="一、", heading="任务",
                  start=0, end=len(text), path=["一、"])
    task = Task(id="d:t1", doc_id="d", kind=TaskKind.task, title="推进数据开放", text=text[5:], section_id="d:s1",
                ordinal=1, start=5, end=len(text), rule="task.numbered",
                deadline=Deadline(text="2022年底前", kind="date", date=dt.date(2022, 12, 31),
                                  evidence=ev(14, 21, "2022年底前", "deadline")))
    lead = Assignment(task_id="d:t1", role=Role.lead, rank=1, evidence=ev(25, 50, "（牵头单位：市未知局…）"),
                      agency=AgencyMention(surface="市未知局", name="市未知局", agency_id="unresolved:市未知局",
                                           start=31, end=35),
                      convention=ev(0, 4, "列第一位者为牵头单位", "convention.first_listed"))
    sup = Assignment(task_id="d:t1", role=Role.support, rank=1, evidence=ev(25, 50, "（牵头单位：市未知局…）"),
                     agency=AgencyMention(surface="市发展改革委", name="市发展改革委", agency_id="sz-fgw", start=41, end=47))
    mention = EntityMention(doc_id="d", label=EntityKind.technology, surface="5G", canonical_id="technology:5G",
                            canonical_name="第五代移动通信", in_gazetteer=True, start=8, end=10,
                            evidence=ev(8, 10, "5G", "entity.gazetteer"), task_id="d:t1")
    return Extraction(
        meta=PlanMeta(doc_id="d", title="测试规划", issued=dt.date(2021, 1, 4), provenance={"title": "manifest"}),
        path="sub/d.txt", sha256="abc", text=text, sections=[sec], tasks=[task],
        clauses=[Clause(doc_id="d", task_id="d:t1", start=25, end=50, text="…", rule="clause.labeled",
                        assignments=[lead, sup])],
        agencies=[Agency(id="unresolved:市未知局", name="市未知局", mentions=["市未知局"]),
                  Agency(id="sz-fgw", name="深圳市发展和改革委员会", resolved=True)],
        citations=[Citation(id="doc:国发〔2015〕40号", title="《某》", doc_number="国发〔2015〕40号", title_key="某",
                            evidence=ev(0, 3, "《某》", "citation.title"))],
        mentions=[mention],
        entities=[EntityEntry(id="technology:5G", label=EntityKind.technology, name="第五代移动通信",
                              definition="移动通信技术", in_gazetteer=True, aliases=["第五代移动通信", "5G"])],
        title_key="测试规划")


def test_rows_of_a_small_extraction():
    r = document_rows(small(), input_key="k1")
    assert r.plan["id"] == "d" and r.plan["path"] == "sub/d.txt" and r.plan["input_key"] == "k1"
    assert r.plan["title_key"] == "测试规划" and r.plan["provenance"] == ["title=manifest"]
    assert "loaded_at" not in r.plan and "doc_number" not in r.plan  # no clock, no nulls
    assert r.top_sections == ["d:s1"] and r.section_tasks == [{"section": "d:s1", "task": "d:t1"}]
    (task,) = r.tasks
    assert task["deadline"] == "2022年底前" and task["deadline_date"] == dt.date(2022, 12, 31)
    assert task["top_level"] is True and "deadline_year_start" not in task
    assert [a["agency"] for a in r.assignments["lead"]] == ["unresolved:市未知局"]
    assert r.assignments["lead"][0]["props"]["convention_quote"] == "列第一位者为牵头单位"
    assert "convention_quote" not in r.assignments["support"][0]["props"]
    assert r.assignments["responsible"] == []
    # Only names the registry lacks become agency rows: registry agencies come from the registry load.
    assert r.agencies == [{"id": "unresolved:市未知局", "name": "市未知局", "collective": False, "mentions": ["市未知局"],
                           "level": None, "jurisdiction": None}]
    assert r.entities == {"Technology": [{"id": "technology:5G", "name": "第五代移动通信", "category": None,
                                          "definition": "移动通信技术", "in_gazetteer": True,
                                          "aliases": ["第五代移动通信", "5G"]}]}
    assert r.task_mentions[0]["entity"] == "technology:5G" and r.plan_mentions == []
    assert r.citations[0]["title_key"] == "某" and r.citations[0]["doc_number"] == "国发〔2015〕40号"


def test_rows_are_a_pure_function_of_the_extraction():
    x = extraction("2021")
    assert document_rows(x, "k") == document_rows(x, "k")
    assert plan_properties(x)["path"] == x.path


def test_size_estimate_grows_with_the_text_it_must_hold():
    x = small()
    base = document_rows(x).size_bytes()
    big = x.model_copy(update={"text": x.text + "字" * 100_000})
    assert document_rows(big).size_bytes() >= base + 300_000  # 3 bytes per CJK character in UTF-8


def test_corpus_rows_keep_the_must_show_counts():
    assert {k: len(v) for k, v in document_rows(extraction("2015")).assignments.items()} == \
        {"lead": 25, "support": 43, "responsible": 0}
    assert len(document_rows(extraction("2021")).assignments["responsible"]) == 99


def test_registry_rows():
    reg = Registry(agencies=[RegistryAgency(id="sz-a", name="深圳市甲局", short="市甲局", level="municipal_department",
                                            source="t"),
                             RegistryAgency(id="sz-b", name="深圳市乙局", short="市乙局", level="municipal_department",
                                            source="t", valid_from=2019)],
                   successions=[Succession.model_validate({"from": "sz-a", "to": "sz-b", "year": 2019,
                                                           "kind": "rename", "source": "t"})])
    agencies, successions = registry_rows(reg)
    assert [a["id"] for a in agencies] == ["sz-a", "sz-b"]
    assert agencies[0]["props"]["resolved"] is True and agencies[0]["props"]["short"] == "市甲局"
    assert "valid_from" not in agencies[0]["props"] and agencies[1]["props"]["valid_from"] == 2019
    assert successions == [{"from": "sz-a", "to": "sz-b", "props": {"year": 2019, "kind": "rename", "source": "t",
                                                                     "unverified": False}}]


def test_graph_never_imports_extract():
    out = subprocess.run(["grep", "-r", "from policykg.extract", str(ROOT / "graph")], capture_output=True, text=True)
    assert out.stdout == ""
    out = subprocess.run(["grep", "-rE", "import policykg.extract|policykg\\.extract", str(ROOT / "graph"),
                          "--include=*.py"], capture_output=True, text=True)
    assert out.stdout == ""
