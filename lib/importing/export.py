"""CSV and Excel export of a filtered view, with spreadsheet formulas neutralised."""

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from openpyxl import Workbook

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.registry import Entity

# A cell starting with one of these runs as a formula in Excel/LibreOffice (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading quote; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    value = getattr(value, "value", value)
    if isinstance(value, Decimal):
        return str(value)
    return value


def export_header(entity: type[Entity]) -> list[str]:
    return ["id", *entity.list_columns]


def export_rows(entity: type[Entity], batches: Iterable[list[dict]]) -> Iterable[list[Any]]:
    for batch in batches:
        for row in batch:
            yield [neutralise(_plain(row.get(c))) for c in export_header(entity)]


def to_csv(who: Identity, entity: type[Entity], batches: Iterable[list[dict]]) -> bytes:
    """UTF-8 with a BOM, so Excel opens accents right; the header uses the column names (re-importable)."""
    require(who, Action.EXPORT_RECORDS)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(export_header(entity))
    writer.writerows(export_rows(entity, batches))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_excel(who: Identity, entity: type[Entity], batches: Iterable[list[dict]]) -> bytes:
    require(who, Action.EXPORT_RECORDS)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(entity.title[:31])
    sheet.append(export_header(entity))
    for row in export_rows(entity, batches):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
