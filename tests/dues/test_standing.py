"""Hand-computed dues cases; each also checks that the set-based query agrees with the explanation.

Rates: journeyman $50/month until Jun 30, 2025, then $55; apprentice 1st year $30. Grace: 15 days,
so a month's dues are due by the 16th of the next month.
"""

from datetime import date
from decimal import Decimal

import pytest

from lib.config import get_settings
from lib.dues.payments import change_classification
from lib.dues.standing import explain_member
from lib.dues.standing_sql import all_standings, standing_summary
from lib.models.enums import MemberStatus
from tests.dues.ledgerdata import (
    AP1, CLERK, JW, add_member, adjust, assert_sql_matches_python, base_ledger, pay,
)

D = Decimal


@pytest.fixture
def conn(engine, monkeypatch):
    monkeypatch.setattr(get_settings(), "dues_grace_days", 15)
    with engine.begin() as connection:
        base_ledger(connection)
        yield connection


def standing(conn, member_id, as_of):
    return explain_member(conn, CLERK, member_id, as_of).standing


def monthly(conn, member_id, first: date, amounts: list[str]):
    """Pay one amount per month from `first`, each on the 10th of its month."""
    for offset, amount in enumerate(amounts):
        month = first.month - 1 + offset
        period = date(first.year + month // 12, month % 12 + 1, 1)
        pay(conn, member_id, period, amount, period.replace(day=10))


def test_rate_change_mid_year_paid_at_each_rate(conn):
    m = add_member(conn, date(2025, 1, 10))
    monthly(conn, m, date(2025, 1, 1), ["50"] * 6 + ["55"] * 5)  # Jan-Nov
    s = standing(conn, m, date(2025, 12, 20))
    # Owed 6 x 50 + 6 x 55 = 630; paid 575: December (not yet due) is the only unpaid month.
    assert (s.charged, s.credited, s.balance) == (D("630.00"), D("575.00"), D("55.00"))
    assert s.oldest_unpaid == date(2025, 12, 1) and s.months_in_arrears == 0
    assert s.in_good_standing and s.ageing_bucket == "CURRENT"
    assert_sql_matches_python(conn, date(2025, 12, 20))


def test_rate_change_paid_at_the_old_rate_falls_behind(conn):
    m = add_member(conn, date(2025, 1, 10))
    monthly(conn, m, date(2025, 1, 1), ["50"] * 11)
    s = standing(conn, m, date(2025, 12, 20))
    # Paid 550; Jan-Oct cost 520, so November (due Dec 16) is only part paid: not in good standing.
    assert s.balance == D("80.00") and s.oldest_unpaid == date(2025, 11, 1)
    assert s.months_in_arrears == 1 and s.ageing_bucket == "1 MONTH" and not s.in_good_standing
    assert_sql_matches_python(conn, date(2025, 12, 20))


def test_classification_change_mid_year_changes_the_rate_from_that_month(conn):
    m = add_member(conn, date(2025, 1, 5), classification=AP1)
    change_classification(conn, CLERK, m, JW, date(2025, 9, 15))
    pay(conn, m, date(2025, 8, 1), "240", date(2025, 8, 31))
    pay(conn, m, date(2025, 9, 1), "55", date(2025, 10, 10))
    ledger = explain_member(conn, CLERK, m, date(2025, 10, 31))
    # Jan-Aug apprentice 8 x 30 = 240, Sep-Oct journeyman (at $55) 2 x 55 = 110.
    assert ledger.standing.charged == D("350.00") and ledger.standing.balance == D("55.00")
    assert [line.charge for line in ledger.lines][7:] == [D("30.00"), D("55.00"), D("55.00")]
    assert ledger.lines[8].classification == JW and ledger.lines[7].classification == AP1
    assert ledger.standing.oldest_unpaid == date(2025, 10, 1) and ledger.standing.in_good_standing
    assert_sql_matches_python(conn, date(2025, 10, 31))


def test_partial_payment(conn):
    m = add_member(conn, date(2024, 12, 20))  # before the first period: owes from Jan 2025
    pay(conn, m, date(2025, 1, 1), "50", date(2025, 1, 20))
    pay(conn, m, date(2025, 2, 1), "50", date(2025, 2, 10))
    pay(conn, m, date(2025, 3, 1), "20", date(2025, 3, 25))
    ledger = explain_member(conn, CLERK, m, date(2025, 4, 20))
    s = ledger.standing
    assert (s.charged, s.credited, s.balance) == (D("200.00"), D("120.00"), D("80.00"))
    assert s.oldest_unpaid == date(2025, 3, 1) and s.months_in_arrears == 1 and not s.in_good_standing
    assert [line.covered for line in ledger.lines] == ["paid", "paid", "part paid", "unpaid"]
    assert [line.balance for line in ledger.lines] == [D("0.00"), D("0.00"), D("30.00"), D("80.00")]
    assert_sql_matches_python(conn, date(2025, 4, 20))


@pytest.mark.parametrize("as_of, good, credited", [
    (date(2025, 4, 16), True, "100.00"),   # last day of March's grace: still in good standing
    (date(2025, 4, 17), False, "100.00"),  # the day after: March is overdue
    (date(2025, 4, 20), True, "150.00"),   # March paid late, on Apr 20: good again
])
def test_grace_period_boundary_and_a_payment_after_it(conn, as_of, good, credited):
    m = add_member(conn, date(2025, 1, 1))
    monthly(conn, m, date(2025, 1, 1), ["50", "50"])
    pay(conn, m, date(2025, 3, 1), "50", date(2025, 4, 20))
    s = standing(conn, m, as_of)
    assert s.in_good_standing is good and s.credited == D(credited)
    assert s.charged == D("200.00")  # Jan-Apr
    assert_sql_matches_python(conn, as_of)


def test_overpayment_is_carried_forward_as_credit(conn):
    m = add_member(conn, date(2025, 1, 1))
    pay(conn, m, date(2025, 1, 1), "300", date(2025, 1, 5))
    ledger = explain_member(conn, CLERK, m, date(2025, 3, 10))
    s = ledger.standing
    assert s.balance == D("-150.00") and s.credit == D("150.00")
    assert s.oldest_unpaid is None and s.in_good_standing and s.ageing_bucket == "CURRENT"
    assert any("Credit of $150.00 carried forward" in note for note in ledger.notes)
    assert_sql_matches_python(conn, date(2025, 3, 10))


def test_adjustments_credit_and_charge(conn):
    m = add_member(conn, date(2025, 1, 1))
    pay(conn, m, date(2025, 1, 1), "50", date(2025, 1, 10))
    adjust(conn, m, date(2025, 2, 1), "50", "Hardship waiver approved by the board")
    adjust(conn, m, date(2025, 2, 1), "-25", "Returned check fee")
    s = standing(conn, m, date(2025, 3, 20))
    # Owed 150, credits 50 + 50 - 25 = 75: February is part paid and past its Mar 16 deadline.
    assert (s.credited, s.balance) == (D("75.00"), D("75.00"))
    assert s.oldest_unpaid == date(2025, 2, 1) and s.months_in_arrears == 1 and not s.in_good_standing
    assert_sql_matches_python(conn, date(2025, 3, 20))


def test_retired_member_owes_nothing_after_retiring(conn):
    m = add_member(conn, date(2025, 1, 1), status=MemberStatus.RETIRED, status_on=date(2025, 3, 15))
    pay(conn, m, date(2025, 1, 1), "50", date(2025, 1, 10))
    ledger = explain_member(conn, CLERK, m, date(2025, 8, 1))
    s = ledger.standing
    assert s.charged == D("150.00") and s.balance == D("100.00")  # Jan-Mar only
    assert s.oldest_unpaid == date(2025, 2, 1) and s.months_in_arrears == 2 and s.ageing_bucket == "2 MONTHS"
    assert any("owes no dues after Mar 2025" in note for note in ledger.notes)
    assert_sql_matches_python(conn, date(2025, 8, 1))


def test_deceased_member_and_long_arrears(conn):
    dead = add_member(conn, date(2025, 1, 1), status=MemberStatus.DECEASED, status_on=date(2025, 1, 31))
    never_paid = add_member(conn, date(2025, 1, 1))
    standings = all_standings(conn, CLERK, date(2025, 12, 20))
    assert standings[dead].charged == D("50.00") and standings[dead].months_in_arrears == 1
    # Never paid: Jan-Nov past (11 months), 630 owed with December.
    assert standings[never_paid].months_in_arrears == 11 and standings[never_paid].ageing_bucket == "6+ MONTHS"
    assert standings[never_paid].balance == D("630.00")
    assert_sql_matches_python(conn, date(2025, 12, 20))


def test_summary_counts_every_member_once(conn):
    good = add_member(conn, date(2025, 1, 1))
    pay(conn, good, date(2025, 1, 1), "500", date(2025, 1, 2))
    add_member(conn, date(2025, 1, 1))  # owes Jan-Mar
    summary = standing_summary(conn, CLERK, date(2025, 3, 20))
    assert summary.members == 2 and summary.in_good_standing == 1
    assert summary.by_bucket["CURRENT"] == 1 and summary.by_bucket["2 MONTHS"] == 1
    assert summary.arrears_total == D("150.00") and summary.credit_total == D("350.00")
    assert summary.good_standing_share == 0.5


def test_classification_histories_on_the_edges_agree(conn):
    """Several changes (two in one month, one after as_of, one before the first period) with
    payments that run out in different segments: the query and the explanation agree."""
    a = add_member(conn, date(2024, 6, 1), classification=AP1)
    for cls, day in [(JW, date(2024, 11, 3)), (AP1, date(2025, 3, 2)), (JW, date(2025, 3, 20)),
                     (AP1, date(2025, 8, 1)), (JW, date(2026, 2, 1))]:
        change_classification(conn, CLERK, a, cls, day)
    b = add_member(conn, date(2025, 2, 1), classification=JW, status=MemberStatus.RETIRED,
                   status_on=date(2025, 9, 10))
    change_classification(conn, CLERK, b, AP1, date(2025, 5, 1))
    c = add_member(conn, date(2026, 1, 5), classification=AP1)  # initiated after as_of
    change_classification(conn, CLERK, c, JW, date(2026, 3, 1))
    for member, paid in [(a, "260"), (b, "100")]:
        pay(conn, member, date(2025, 1, 1), paid, date(2025, 1, 10))
    # a: journeyman Jan-Jul (the later of the two March changes wins), apprentice from August:
    # $260 covers Jan-May (5 x 50), so June is the oldest unpaid month.
    assert explain_member(conn, CLERK, a, date(2025, 10, 20)).standing.oldest_unpaid == date(2025, 6, 1)
    for as_of in (date(2025, 1, 20), date(2025, 3, 25), date(2025, 10, 20)):
        assert assert_sql_matches_python(conn, as_of) == 3
