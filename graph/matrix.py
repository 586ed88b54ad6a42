"""The responsibility matrix: agencies × tasks, one code per cell, with the evidence for each.

Codes: L (牵头单位, LEADS), S (配合单位, SUPPORTS), R1, R2 … (责任单位 in listed order,
RESPONSIBLE_FOR {rank}). When several edges land in one cell (possible only after merging
agencies along their lineage), the codes are joined with '/'.

Columns are the tasks that have at least one owner in the chosen scope. Flags per task:
'several leads (n)', 'no lead' (owners but no 牵头单位), and 'no lead (responsible units only)'
where the plan names 责任单位 without saying which one leads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import neo4j
import pandas as pd

from policykg.graph import cypher
from policykg.graph.views import ROLE_OF_REL, cell_code, path_text, read

ALL_RELS = list(ROLE_OF_REL)
_CODE_ORDER = {"L": 0, "R": 1, "S": 2}


def code_key(code: str) -> tuple[int, int]:
    rank = int(code[1:]) if code[1:].isdigit() else 0
    return _CODE_ORDER.get(code[0], 3), rank


@dataclass
class Lineage:
    """Which agency stands for which after merging along SUCCEEDED_BY."""

    target: dict[str, str] = field(default_factory=dict)  # agency id → its latest successor
    label: dict[str, str] = field(default_factory=dict)  # successor id → display name
    unmerged: dict[str, list[str]] = field(default_factory=dict)  # split agencies → their parts


def latest_successors(driver: neo4j.Driver, database: str | None = None) -> Lineage:
    """Map each agency with successors to its latest one.

    Renames and merges are followed to the end of the chain. A split has several successors
    and no single latest one: the agency keeps its own row, and `unmerged` names the parts
    (attributing its tasks to one part would be a guess).
    """
    steps = read(driver, cypher.VIEW_SUCCESSIONS, database)
    out = Lineage()
    nexts: dict[str, set[str]] = {}
    for row in steps.itertuples():
        nexts.setdefault(row.source, set()).add(row.target)
        out.label[row.target] = row.target_label

    def walk(node: str, seen: frozenset[str]) -> str:
        targets = nexts.get(node, set()) - seen
        if len(targets) != 1:
            if len(targets) > 1:
                out.unmerged[node] = sorted(targets)
            return node
        (nxt,) = targets
        return walk(nxt, seen | {nxt})

    for source in nexts:
        end = walk(source, frozenset({source}))
        if end != source:
            out.target[source] = end
    return out


@dataclass
class Matrix:
    cells: pd.DataFrame  # index agency_id, columns task_id, values code or ''
    agencies: pd.DataFrame  # agency_id, agency, merged_from
    tasks: pd.DataFrame  # task_id, plan, year, section, task, leads, flag
    evidence: pd.DataFrame  # one row per role edge behind a non-empty cell

    @property
    def empty(self) -> bool:
        return self.cells.empty

    def code_counts(self) -> dict[str, int]:
        """How many cells hold each single code (a merged 'L/S' cell counts once for each)."""
        counts: dict[str, int] = {}
        for value in self.cells.to_numpy().ravel():
            for code in filter(None, str(value).split("/")):
                counts[code] = counts.get(code, 0) + 1
        return counts

    def to_frame(self) -> pd.DataFrame:
        """For display: agency names down, task titles across (made unique), codes in cells."""
        names = self.agencies.set_index("agency_id")["agency"]
        titles, seen = [], set()
        for row in self.tasks.itertuples():
            label = deadline_label(row.task, getattr(row, "deadline", ""))
            title = label if label not in seen else f"{label} [{row.task_id}]"
            seen.add(label)
            titles.append(title)
        frame = self.cells.copy()
        frame.index = [names.get(i, i) for i in frame.index]
        frame.columns = titles
        return frame

    def sheet_rows(self) -> list[list]:
        """The matrix as written to CSV and to the XLSX sheet.

        Header rows (column A names them): task_id, plan, section, task, flag; then a row
        'agency_id', 'agency'; then one row per agency. Tasks start in column C.
        """
        t = self.tasks
        rows: list[list] = [
            ["task_id", ""] + t["task_id"].tolist(),
            ["plan", ""] + t["plan"].tolist(),
            ["section", ""] + t["section"].tolist(),
            # A task's 完成时限 travels with its title, so the sheet layout keeps its rows.
            ["task", ""] + [deadline_label(a, d) for a, d in zip(t["task"], t.get("deadline", [""] * len(t)))],
            ["flag", ""] + t["flag"].tolist(),
            ["agency_id", "agency"] + [""] * len(t),
        ]
        names = self.agencies.set_index("agency_id")["agency"]
        for agency_id, codes in self.cells.iterrows():
            rows.append([agency_id, names.get(agency_id, agency_id)] + codes.tolist())
        return rows

    def to_csv(self, path: str | Path) -> Path:
        import csv

        path = Path(path)
        # utf-8-sig: Excel opens a BOM-less UTF-8 CSV as the local code page and garbles Chinese.
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(self.sheet_rows())
        return path

    def to_xlsx(self, path: str | Path) -> Path:
        from policykg.graph.matrix_xlsx import write_xlsx

        return write_xlsx(self, Path(path))


def responsibility_matrix(driver: neo4j.Driver, plan: str | list[str] | None = None,
                          section: list[str] | str | None = None, merge_lineage: bool = False,
                          rels: list[str] | None = None, database: str | None = None) -> Matrix:
    """Build the matrix for one plan, several, or all (plan=None).

    section: a Section path prefix (['二、工作任务'] is the whole chapter, a string is one level).
    merge_lineage: rows for predecessors fold into their latest successor (see latest_successors).
    """
    plans = [plan] if isinstance(plan, str) else plan
    section = [section] if isinstance(section, str) else section
    edges = read(driver, cypher.VIEW_ROLE_EDGES, database, plans=plans, rels=rels or ALL_RELS,
                 levels=None, section=section or None)
    edges["code"] = [cell_code(r, k) for r, k in zip(edges["rel"], edges["rank"])]
    edges["section"] = edges["section_path"].map(path_text)
    edges["row_id"] = edges["agency_id"]
    edges["row_label"] = edges["agency"]
    if merge_lineage and not edges.empty:
        lineage = latest_successors(driver, database)
        edges["row_id"] = edges["agency_id"].map(lambda a: lineage.target.get(a, a))
        edges["row_label"] = [lineage.label.get(r, lab) if r != a else lab
                              for r, a, lab in zip(edges["row_id"], edges["agency_id"], edges["agency"])]
    return _assemble(edges)


def deadline_label(task: str, deadline) -> str:
    """The task's title as the matrix heads its column, its 完成时限 appended when it has one."""
    return f"{task}（完成时限：{deadline}）" if isinstance(deadline, str) and deadline else task


def _assemble(edges: pd.DataFrame) -> Matrix:
    if "deadline" not in edges:
        edges = edges.assign(deadline=None)
    tasks = (edges.drop_duplicates("task_id")[["task_id", "plan", "year", "section", "task", "ordinal", "task_start",
                                               "deadline"]]
             if not edges.empty else pd.DataFrame(columns=["task_id", "plan", "year", "section", "task", "deadline"]))
    tasks["deadline"] = [d if isinstance(d, str) else "" for d in tasks["deadline"]]
    leads = edges[edges["rel"] == "LEADS"].groupby("task_id")["agency_id"].nunique()
    responsible = set(edges.loc[edges["rel"] == "RESPONSIBLE_FOR", "task_id"])
    tasks = tasks.assign(leads=tasks["task_id"].map(leads).fillna(0).astype(int))
    tasks["flag"] = [_flag(n, tid in responsible) for n, tid in zip(tasks["leads"], tasks["task_id"])]
    tasks = tasks[["task_id", "plan", "year", "section", "task", "leads", "flag", "deadline"]].reset_index(drop=True)

    agencies = (edges.groupby("row_id", sort=False)
                .agg(agency=("row_label", "first"),
                     merged_from=("agency", lambda s: " / ".join(sorted(set(s)))))
                .reset_index().rename(columns={"row_id": "agency_id"}))
    # Rows in the order a reader scans a plan: who leads most first, then by name.
    weight = edges.assign(w=edges["code"].map(lambda c: {"L": 3, "S": 1}.get(c, 2))).groupby("row_id")["w"].sum()
    agencies["weight"] = agencies["agency_id"].map(weight)
    agencies = agencies.sort_values(["weight", "agency"], ascending=[False, True]).drop(columns="weight")
    agencies["merged_from"] = [m if m != a else "" for m, a in zip(agencies["merged_from"], agencies["agency"])]
    agencies = agencies.reset_index(drop=True)

    codes = (edges.groupby(["row_id", "task_id"])["code"]
             .agg(lambda s: "/".join(sorted(set(s), key=code_key))) if not edges.empty else pd.Series(dtype=str))
    cells = pd.DataFrame("", index=pd.Index(agencies["agency_id"], name="agency_id"),
                         columns=pd.Index(tasks["task_id"], name="task_id"), dtype=object)
    for (row_id, task_id), code in codes.items():
        cells.at[row_id, task_id] = code

    evidence = edges.rename(columns={"agency": "agency_as_named", "row_label": "agency", "row_id": "row_agency_id"})
    evidence = evidence[["plan", "year", "doc_id", "section", "task_id", "task", "row_agency_id", "agency",
                         "agency_id", "agency_as_named", "code", "surface", "quote", "start", "end", "rule"]]
    return Matrix(cells=cells, agencies=agencies, tasks=tasks, evidence=evidence.reset_index(drop=True))


def _flag(leads: int, has_responsible: bool) -> str:
    if leads > 1:
        return f"several leads ({leads})"
    if leads == 0:
        return "no lead (responsible units only)" if has_responsible else "no lead"
    return ""


def plan_sections(driver: neo4j.Driver, plan: str, database: str | None = None) -> pd.DataFrame:
    """Sections of a plan that hold owned tasks (for the chapter filter)."""
    df = read(driver, cypher.VIEW_PLAN_SECTIONS, database, plan=plan)
    df["section"] = df["path"].map(path_text)
    return df
