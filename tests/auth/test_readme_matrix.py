"""The README's role table is the role matrix: every cell is checked against ALLOWED."""

import re

from lib.auth.permissions import ALLOWED, Action
from lib.config import PROJECT_ROOT
from lib.models.enums import RoleName

START, END = "<!-- role-matrix:start -->", "<!-- role-matrix:end -->"


def readme_matrix() -> tuple[list[str], dict[str, set[str]]]:
    text = (PROJECT_ROOT / "README.md").read_text()
    rows = [line for line in text[text.index(START) + len(START):text.index(END)].strip().splitlines()]
    cells = [[c.strip() for c in line.strip().strip("|").split("|")] for line in rows]
    header, body = cells[0][1:], [c for c in cells[2:]]
    return header, {row[0]: {role for role, mark in zip(header, row[1:]) if mark == "✓"} for row in body}


def label(role: RoleName) -> str:
    return role.value.replace("_", " ").lower()


def expected_table() -> str:
    roles = list(RoleName)
    lines = ["| may … | " + " | ".join(label(r) for r in roles) + " |", "|---|" + "|".join(":-:" for _ in roles) + "|"]
    lines += [f"| {a.value} | " + " | ".join("✓" if r in ALLOWED[a] else "" for r in roles) + " |" for a in Action]
    return "\n".join(lines)


def test_readme_role_table_matches_allowed_cell_by_cell():
    header, table = readme_matrix()
    assert header == [label(r) for r in RoleName]
    expected = {a.value: {label(r) for r in ALLOWED[a]} for a in Action}
    assert table == expected, f"README role table is out of date; replace it with:\n{expected_table()}"
    assert all(re.fullmatch(r"[a-z ,]+", action) for action in table)
