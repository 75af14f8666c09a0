from datetime import date
from decimal import Decimal

import pytest

from lib.reports import fmt
from lib.reports.layout import ReportMeta, build_pdf, frame_width
from lib.reports.tables import Column, data_table, fit, money_col
from tests.reports.pdftext import pdf_pages


def test_numbers_are_formatted_for_people():
    assert fmt.money(Decimal("1234567.5")) == "$1,234,567.50"
    assert fmt.money(Decimal("-12")) == "-$12.00"
    assert fmt.pct(0.1234) == "12.3%" and fmt.pct(None) == fmt.DASH
    assert fmt.day(date(2026, 3, 3)) == "Mar 3, 2026"
    assert fmt.label("TOOLS_EQUIPMENT") == "Tools & equipment" and fmt.label("APPRENTICE_1") == "Apprentice 1"


def test_a_dict_method_in_a_cell_is_refused_not_printed():
    """SPEC lesson 8: a template read `category.items` and printed the dict method."""
    category = {"items": 3}
    with pytest.raises(TypeError, match="callable"):
        data_table([Column("Items")], [[category.items]], 300)


def test_long_text_is_cut_to_fit_its_cell():
    text = fit("Platt Electric Supply Company of the Pacific Northwest", 60, "Helvetica")
    assert text.endswith("\u2026") and len(text) < 30


def test_a_long_table_repeats_its_header_and_numbers_every_page():
    meta = ReportMeta(title="Test listing", generated_by="Tess Tester", parameters=[("Year", "2026")])
    rows = [[f"Row {i}", Decimal(i)] for i in range(200)]
    table = data_table([Column("Name", 2), money_col("Amount")], rows, frame_width(meta), total=["Total", Decimal(19900)])
    pages = pdf_pages(build_pdf(meta, [table]))
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Name" in page and "Amount" in page
        assert "Tess Tester" in page
    assert "$19,900.00" in pages[-1]


def test_a_listing_of_thousands_has_headers_on_every_page_and_no_overflow():
    from lib.reports.layout import frame_height, para
    from lib.reports.tables import long_listing

    meta = ReportMeta(title="Long listing", generated_by="Tess Tester")
    rows = [[f"Vendor {i} with a rather long name that must be cut", Decimal("1000.25")] for i in range(2000)]
    story = long_listing(para("Listing", "h2"), [Column("Vendor", 2), money_col("Amount")], rows,
                         frame_width(meta), frame_height(meta), total=["Total", Decimal("2000500")])
    pages = pdf_pages(build_pdf(meta, story))
    listing = pages[1:]
    assert all("Vendor" in p and "Amount" in p for p in listing)
    assert sum(p.count("$1,000.25") for p in listing) == 2000
    assert "$2,000,500.00" in pages[-1]
    assert all(p.count("$1,000.25") >= 35 for p in listing[:-1])  # full pages, not one table per few rows
