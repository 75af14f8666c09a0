"""Export of the filtered view: formulas neutralised, round-trips through import."""

import csv
import io

from openpyxl import load_workbook

from lib.auth.identity import Identity
from lib.editing.listing import PageRequest, iter_all_rows
from lib.importing.export import neutralise, to_csv, to_excel
from lib.importing.mapping import auto_mapping
from lib.importing.plan import plan_import
from lib.importing.read import read_table
from lib.models.enums import RoleName as R
from lib.registry import entity_for
from tests.editing.test_save import _insert, _member

STAFF = Identity(id=None, email="staff@local46.example", roles=frozenset({R.STAFF}))
MEMBERS = entity_for("members")
INJECTION = "=cmd|' /C calc'!A0"


def test_formula_cells_are_neutralised_but_numbers_are_not():
    assert neutralise(INJECTION) == "'" + INJECTION
    assert neutralise("+1 206 555") == "'+1 206 555" and neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise(-5) == -5 and neutralise("Ruiz") == "Ruiz"


def test_csv_and_excel_export_the_filtered_view_safely(engine):
    _insert(engine, _member(card_number="A1", last_name=INJECTION[:80]), _member(card_number="B2", last_name="Okafor"))
    request = PageRequest(search="a1")
    data = to_csv(STAFF, MEMBERS, iter_all_rows(engine, STAFF, MEMBERS, request))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["id", "card_number", "last_name"] and len(rows) == 2
    assert rows[1][2] == "'" + INJECTION
    sheet = load_workbook(io.BytesIO(to_excel(STAFF, MEMBERS, iter_all_rows(engine, STAFF, MEMBERS, PageRequest())))).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[1][2] == "'" + INJECTION and sheet.cell(2, 3).data_type == "s"
    assert len(values) == 3


def test_an_exported_file_imports_back_as_unchanged(engine):
    _insert(engine, _member(card_number="A1"), _member(card_number="B2", last_name="Okafor"))
    data = to_csv(STAFF, MEMBERS, iter_all_rows(engine, STAFF, MEMBERS, PageRequest()))
    frame = read_table(data, "members.csv", 10**6)
    plan = plan_import(engine, STAFF, MEMBERS, frame, auto_mapping(MEMBERS, list(frame.columns)))
    assert plan.counts() == {"new": 0, "updated": 0, "unchanged": 2, "rejected": 0}, plan.rejected
