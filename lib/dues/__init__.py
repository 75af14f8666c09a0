"""The dues ledger: the local's rules computed once, used by every page and report.

- lib.dues.standing: one member's ledger explained (explain_member, member_standing)
- lib.dues.standing_sql: every member at once (standing_select, all_standings, standing_summary)
- lib.dues.payments: writes (record_payment, record_adjustment, close_period, set_rate, ...)
- lib.dues.rates / lib.dues.months: the rate and month rules both of the above share
"""
