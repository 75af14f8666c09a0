"""Staged import: map, validate every line, preview the diff, then commit all of it in one transaction."""

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Engine, and_, or_, select

from lib.audit import changed_fields
from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.editing.changes import ChangeSet, RowChange
from lib.editing.save import SaveResult, save_changes
from lib.editing.validate import clean_values
from lib.editing.values import CellError, coerce, is_blank
from lib.importing.mapping import ForeignKeyResolver, missing_required
from lib.importing.read import ImportFileError
from lib.registry import Entity, require_entity

Progress = Callable[[int, int], None]
FIRST_DATA_LINE = 2  # line 1 is the header, as a spreadsheet numbers it


@dataclass
class ImportPlan:
    inserts: list[RowChange] = field(default_factory=list)
    updates: list[RowChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: dict[str, list[tuple[str | None, str]]] = field(default_factory=dict)
    before: dict[int, dict] = field(default_factory=dict)  # stored rows the updates change
    ignored_headers: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        good = self.good_rows()
        return {"new": len(good.inserts), "updated": len(good.updates), "unchanged": len(self.unchanged),
                "rejected": len(self.rejected)}

    def good_rows(self) -> ChangeSet:
        return ChangeSet(inserts=[c for c in self.inserts if c.position not in self.rejected],
                         updates=[c for c in self.updates if c.position not in self.rejected])


def _line(index: int) -> str:
    return f"Line {index + FIRST_DATA_LINE}"


def _lines(frame: pd.DataFrame, mapping: dict[str, str | None]) -> list[dict]:
    used = {h: c for h, c in mapping.items() if c}
    return [{column: row[header] for header, column in used.items()}
            for row in frame.to_dict("records")]


def _match_key(entity: type[Entity], mapping: dict) -> tuple[str, ...]:
    if "id" in mapping.values():
        return ("id",)
    return entity.natural_key if set(entity.natural_key) <= set(mapping.values()) else ()


def _key_of(entity: type[Entity], key: tuple[str, ...], values: dict) -> tuple | None:
    parts = []
    for column in key:
        info = entity.columns[column]
        value = entity.normalize(column, coerce(info, values.get(column), signed=True))
        if value is None:
            return None
        parts.append(getattr(value, "value", value))
    return tuple(parts)


def _stored_by_key(conn, entity: type[Entity], key: tuple[str, ...], keys: list[tuple]) -> dict[tuple, dict]:
    table = entity.model.__table__
    found = {}
    for start in range(0, len(keys), 300):
        chunk = keys[start:start + 300]
        match = or_(*[and_(*[table.c[c] == v for c, v in zip(key, values)]) for values in chunk])
        for row in conn.execute(select(table).where(match)).mappings():
            found[tuple(getattr(row[c], "value", row[c]) for c in key)] = dict(row)
    return found


def plan_import(engine: Engine, who: Identity, entity: type[Entity], frame: pd.DataFrame,
                mapping: dict[str, str | None], progress: Progress | None = None) -> ImportPlan:
    """Classify every line (new, update, unchanged, rejected with reasons); writes nothing."""
    require(who, Action.IMPORT_RECORDS)
    require_entity(who, entity, "view")
    if missing := missing_required(entity, mapping):
        names = ", ".join(f"{entity.label(c)} ({c})" for c in missing)
        raise ImportFileError(f"No column of the file is mapped to the required field(s): {names}.")
    plan = ImportPlan(ignored_headers=[h for h, c in mapping.items() if not c])
    lines = _lines(frame, mapping)
    with engine.connect() as conn:
        _resolve_foreign_keys(conn, entity, lines, plan)
        key = _match_key(entity, mapping)
        keys = _line_keys(entity, key, lines, plan)
        stored = _stored_by_key(conn, entity, key, sorted(set(keys.values()))) if key else {}
    for index, values in enumerate(lines):
        _classify(entity, plan, _line(index), values, stored.get(keys.get(_line(index))))
        if progress and (index % 200 == 0 or index == len(lines) - 1):
            progress(index + 1, len(lines))
    _dry_run(engine, who, entity, plan)
    return plan


def _resolve_foreign_keys(conn, entity, lines, plan) -> None:
    for column in {c for line in lines for c in line if entity.columns[c].fk_table}:
        resolver = ForeignKeyResolver(conn, entity, column, [line.get(column) for line in lines])
        for index, values in enumerate(lines):
            try:
                values[column] = resolver.resolve(values.get(column))
            except LookupError as exc:
                values[column] = None  # the other fields of the line are still checked
                plan.rejected.setdefault(_line(index), []).append((column, str(exc)))


def _line_keys(entity, key, lines, plan) -> dict[str, tuple]:
    keys = {}
    for index, values in enumerate(lines):
        try:
            found = _key_of(entity, key, values) if key else None
        except CellError as exc:
            plan.rejected.setdefault(_line(index), []).append((key[0], str(exc)))
            continue
        if found is not None:
            keys[_line(index)] = found
    return keys


def _classify(entity, plan: ImportPlan, line: str, values: dict, stored: dict | None) -> None:
    values = {c: v for c, v in values.items() if c != "id"}
    if stored is None:
        plan.inserts.append(RowChange(line, {c: v for c, v in values.items() if not is_blank(v)}))
        return
    clean, problems = clean_values(entity, values)
    if problems:  # reported by the dry run with the other checks
        plan.updates.append(RowChange(line, values, stored["id"], stored["row_version"]))
        return
    _, after = changed_fields(stored, clean)
    if not after:
        plan.unchanged.append(line)
        return
    plan.before[stored["id"]] = stored
    plan.updates.append(RowChange(line, after, stored["id"], stored["row_version"]))


def _dry_run(engine, who, entity, plan: ImportPlan) -> None:
    """Run the real save and roll it back: the same checks as the commit, per line."""
    changes = ChangeSet(inserts=plan.inserts, updates=plan.updates)
    result = save_changes(engine, who, entity, changes, dry_run=True)
    for problem in result.problems:
        known = plan.rejected.setdefault(problem.position or "File", [])
        if problem.column is None or problem.column not in {c for c, _ in known}:
            known.append((problem.column, problem.reason))
    for conflict in result.conflicts:
        plan.rejected.setdefault(conflict.position, []).append((None, "changed by someone else meanwhile"))


def commit_import(engine: Engine, who: Identity, entity: type[Entity], plan: ImportPlan, *,
                  skip_rejected: bool = False, source: str = "") -> SaveResult:
    """Write the plan in one transaction. With rejected lines nothing is written unless told to skip them."""
    require(who, Action.IMPORT_RECORDS)
    if plan.rejected and not skip_rejected:
        raise ImportFileError(f"{len(plan.rejected):,} line(s) were rejected: nothing was imported. "
                              "Fix the file, or choose to import only the good lines.")
    return save_changes(engine, who, entity, plan.good_rows(), detail=f"import {source}".strip())
