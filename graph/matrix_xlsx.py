"""Writing a responsibility matrix to an Excel workbook (openpyxl).

Sheets: 'matrix' (the layout of Matrix.sheet_rows, codes coloured by role), 'evidence' (one row
per role edge behind a cell: document, section path, quote) and 'tasks' (flags per task).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

if TYPE_CHECKING:
    from policykg.graph.matrix import Matrix

FILLS = {
    "L": PatternFill("solid", fgColor="F4B183"),  # lead: orange
    "R": PatternFill("solid", fgColor="9DC3E6"),  # responsible: blue
    "S": PatternFill("solid", fgColor="C5E0B4"),  # support: green
}
FLAG_FILL = PatternFill("solid", fgColor="FFE699")
BOLD = Font(bold=True)
EVIDENCE_COLUMNS = [
    ("plan", "plan"), ("year", "year"), ("doc_id", "document"), ("section", "section path"),
    ("task_id", "task_id"), ("task", "task"), ("row_agency_id", "agency_id"), ("agency", "agency"),
    ("agency_as_named", "agency as named"), ("code", "code"), ("surface", "surface form"),
    ("quote", "quote"), ("start", "start"), ("end", "end"), ("rule", "rule"),
]


def _plain(value):
    """openpyxl writes str, numbers and None; NaN from pandas becomes an empty cell."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def write_xlsx(matrix: Matrix, path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "matrix"
    n_header = 6
    for r, row in enumerate(matrix.sheet_rows(), start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=_plain(value) if value != "" else None)
            if r <= n_header or c <= 2:
                cell.font = BOLD
            if r > n_header and c > 2 and value:
                cell.fill = FILLS.get(str(value)[0], FILLS["S"])
                cell.alignment = Alignment(horizontal="center")
            elif r == 5 and c > 2 and value:
                cell.fill = FLAG_FILL
            if r in (3, 4) and c > 2:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=n_header + 1, column=3)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 22
    for c in range(3, ws.max_column + 1):
        ws.column_dimensions[get_column_letter(c)].width = 14
    ws.row_dimensions[4].height = 45

    ev = wb.create_sheet("evidence")
    ev.append([title for _, title in EVIDENCE_COLUMNS])
    for cell in ev[1]:
        cell.font = BOLD
    for rec in matrix.evidence.to_dict("records"):
        ev.append([_plain(rec.get(key)) for key, _ in EVIDENCE_COLUMNS])
    ev.freeze_panes = "A2"
    for c, width in enumerate([24, 6, 24, 30, 34, 24, 18, 18, 18, 6, 14, 60, 7, 7, 16], start=1):
        ev.column_dimensions[get_column_letter(c)].width = width

    tk = wb.create_sheet("tasks")
    columns = ["task_id", "plan", "year", "section", "task", "leads", "flag"]
    tk.append(columns)
    for cell in tk[1]:
        cell.font = BOLD
    for rec in matrix.tasks.to_dict("records"):
        tk.append([_plain(rec.get(k)) for k in columns])
    tk.freeze_panes = "A2"

    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
