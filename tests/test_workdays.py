from datetime import date

from lib.workdays import add_business_days


def test_skips_weekend():
    assert add_business_days(date(2026, 11, 20), 1) == date(2026, 11, 23)  # Friday -> Monday


def test_skips_holiday_and_crosses_year_end():
    holidays = [date(2025, 12, 25), date(2026, 1, 1)]
    # Wed Dec 24 + 3 business days: Fri 26, Mon 29, Tue 30.
    assert add_business_days(date(2025, 12, 24), 3, holidays) == date(2025, 12, 30)
    assert add_business_days(date(2025, 12, 31), 1, holidays) == date(2026, 1, 2)


def test_ten_business_days_is_two_weeks():
    assert add_business_days(date(2026, 11, 2), 10) == date(2026, 11, 16)
