"""Read an uploaded CSV or Excel file into text cells, or say clearly why it cannot be read."""

import csv
import io
import re

import pandas as pd

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
MAX_COLUMNS = 200


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; the message says why and what to do."""


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"The file is not UTF-8 text (byte 0x{data[exc.start]:02X} at position {exc.start:,} is not "
            "valid). In Excel use Save As › 'CSV UTF-8', or upload the .xlsx workbook itself.") from None


def _delimiter(text: str) -> str:
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _read_csv(data: bytes) -> pd.DataFrame:
    text = _decode(data)
    if not text.strip():
        raise ImportFileError("The file is empty: it has no header row and no data. Export a table "
                              "from the Records page to see the expected layout.")
    try:
        return pd.read_csv(io.StringIO(text), sep=_delimiter(text), dtype=str, keep_default_na=False,
                           skip_blank_lines=True, engine="c")
    except (pd.errors.ParserError, csv.Error) as exc:
        detail = re.sub(r"\s+", " ", str(exc)).strip()
        raise ImportFileError(f"The file is not a well-formed CSV: {detail}.") from None


def _read_excel(data: bytes) -> pd.DataFrame:
    try:
        return pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise ImportFileError(f"The file could not be read as an Excel workbook ({type(exc).__name__}). "
                              "Save it as .xlsx or as 'CSV UTF-8' and upload again.") from None


def read_table(data: bytes, filename: str, max_bytes: int) -> pd.DataFrame:
    """Every cell as text (nothing guessed), headers trimmed; refuses empty, header-only or odd files."""
    name = filename.lower()
    if len(data) > max_bytes:
        raise ImportFileError(f"The file is {len(data) / 1e6:,.1f} MB; the limit is {max_bytes / 1e6:,.0f} MB. "
                              "Split it into smaller files.")
    if not data.strip():
        raise ImportFileError("The file is empty: it has no header row and no data. Export a table "
                              "from the Records page to see the expected layout.")
    if name.endswith(".xls"):
        raise ImportFileError("Old .xls workbooks are not read: save it as .xlsx or as 'CSV UTF-8'.")
    frame = _read_excel(data) if name.endswith(EXCEL_SUFFIXES) else _read_csv(data)
    return _check_shape(frame)


def _check_shape(frame: pd.DataFrame) -> pd.DataFrame:
    frame.columns = [str(c).strip() for c in frame.columns]
    if len(frame.columns) > MAX_COLUMNS:
        raise ImportFileError(f"The file has {len(frame.columns):,} columns; at most {MAX_COLUMNS} are read.")
    duplicates = sorted({c for c in frame.columns if list(frame.columns).count(c) > 1})
    pandas_dupes = [c for c in frame.columns if re.search(r"\.\d+$", c) and c.rsplit(".", 1)[0] in frame.columns]
    if duplicates or pandas_dupes:
        raise ImportFileError(f"The header names a column twice: {', '.join(duplicates or pandas_dupes)}.")
    if frame.empty:
        raise ImportFileError("The file has a header row but no data rows: nothing to import.")
    return frame
