"""The leadership monthly summary's layout, from a hand-built summary (the database tests are elsewhere)."""

from dataclasses import replace

import pandas as pd

from lib.reports.layout import ALERT, GOOD, MUTED
from lib.reports.leadership_summary import render
from lib.reports.summary_blocks import kpi_change
from lib.reports.summary_model import Kpi
from tests.reports.pdftext import pdf_pages
from tests.reports.summary_sample import empty_summary, sample_summary


def test_summary_shows_the_kpis_their_change_and_the_attention_list():
    pages = pdf_pages(render(sample_summary(), generated_by="Lee Leader"))
    text = "\n".join(pages)
    assert len(pages) == 2 and "Page 2 of 2" in pages[-1]
    assert "November 2026" in pages[0] and "Compared with October 2026" in pages[0].replace("\n", " ")
    assert "912" in text and "\u25b2 12 (+1.3%) vs Oct 2026" in text
    assert "$61,250" in text and "\u25bc $2,750 (-4.3%) vs Oct 2026" in text
    assert "82.0%" in text and "2.0 pts vs Oct 2026" in text
    assert "Needs attention (5 items)" in text
    assert "Siân O'Brien-Núñez" in text and "Łukasz Wiśniewski" in text and "Zoë D'Angelo" in text
    assert "Ève & O'Hara Foundation" in text and "$500,000.00" in text and "Dec 31, 2026" in text
    assert "No credential expires in the next 30 days." in text
    assert "Dues collected vs expected" in text and "Students by status" in text  # the charts' titles


def test_an_empty_month_is_one_clear_page():
    pages = pdf_pages(render(empty_summary(), generated_by="Lee Leader"))
    assert len(pages) == 1
    assert "No activity in January 2019" in pages[0] and "Page 1 of 1" in pages[0]


def test_a_change_is_green_when_good_and_red_when_bad():
    assert kpi_change(Kpi("Open grievances", 12, 9, higher_is_better=False), "Oct 2026") == (
        "\u25b2 3 (+33.3%) vs Oct 2026", ALERT)
    assert kpi_change(Kpi("Completion", 0.80, 0.82, unit="pct"), "Oct 2026") == ("\u25bc 2.0 pts vs Oct 2026", ALERT)
    assert kpi_change(Kpi("Members", 5, 0), "Oct 2026") == ("\u25b2 5 vs Oct 2026", GOOD)
    assert kpi_change(Kpi("Members", 5, 5), "Oct 2026") == ("No change vs Oct 2026", MUTED)
    assert kpi_change(Kpi("Members", 5, None), "Oct 2026") == ("No figure for Oct 2026", MUTED)


def test_a_long_attention_list_splits_across_pages_with_its_header():
    summary = sample_summary()
    many = pd.DataFrame({"Member": [f"Member {i:03d}" for i in range(120)], "Card": ["46-0"] * 120,
                         "Months behind": [3] * 120, "Owed": [165.0] * 120})
    summary.attention[2] = replace(summary.attention[2], frame=many)
    pages = pdf_pages(render(summary, generated_by="Lee Leader"))
    listing = [p for p in pages if "Member 0" in p or "Member 1" in p]
    assert len(listing) >= 2 and all("Months behind" in p for p in listing)
    text = "\n".join(pages)
    assert "Member 119" in text and "Needs attention (122 items)" in text


def test_a_list_cut_to_the_most_urgent_says_how_many_there_are_in_all():
    summary = sample_summary()
    summary.attention[2] = replace(summary.attention[2], total=40)
    text = " ".join(" ".join(pdf_pages(render(summary, generated_by="Lee Leader"))).split())
    assert "Members 3+ months in arrears (40)" in text and "The 3 most urgent of 40 are listed" in text
    assert "Needs attention (42 items)" in text


def test_a_chart_with_nothing_but_zeros_says_so_instead():
    summary = sample_summary()
    zeros = summary.charts[0].frame.assign(Collected=0, Expected=0)
    summary.charts[0] = replace(summary.charts[0], frame=zeros, none_text="No dues in these twelve months.")
    text = " ".join(" ".join(pdf_pages(render(summary, generated_by="Lee Leader"))).split())
    assert "No dues in these twelve months." in text and "$60k" not in text
