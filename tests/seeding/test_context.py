"""The seed's own reading of the ledger's rules, on dates the seeded data only hits on some days of the year."""

from datetime import date

import pytest

from lib.models.enums import MemberClassification as MC, MemberStatus
from seed.context import MemberInfo


@pytest.mark.parametrize("changed_on", [date(2026, 9, 1), date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30),
                                        date(2026, 2, 28), date(2026, 1, 31)])
def test_a_change_applies_from_the_month_it_is_dated_in_whatever_the_day(changed_on):
    member = MemberInfo(id=1, classification=MC.RETIRED, status=MemberStatus.RETIRED, status_effective_on=changed_on,
                        initiation_date=date(1991, 11, 15),
                        history=((date(1991, 11, 15), MC.JOURNEYMAN_WIREMAN), (changed_on, MC.RETIRED)))
    month = changed_on.replace(day=1)
    assert member.classification_in_month(month) is MC.RETIRED
    before = date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
    assert member.classification_in_month(before) is MC.JOURNEYMAN_WIREMAN
