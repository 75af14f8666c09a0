"""The maintained per-member credit totals (dues_member_credits) and the triggers that keep them.

Every payment and adjustment changes its member's row in the same transaction, whoever writes it
(ledger functions, the data editors, CSV imports, the seed): PostgreSQL uses statement-level
triggers with transition tables (one grouped upsert per statement, so bulk inserts stay fast) and
a TRUNCATE trigger that rebuilds; SQLite uses row triggers. The migration installs them and
backfills; `rebuild_member_credits` and `credit_drift` repair and check the totals.
"""

from sqlalchemy import Connection, text

# Each credit as (member_id, cents, effective day): payments from the day paid, adjustments from
# their period's month. Shared by the standing query's slow path, the rebuild and the drift check.
CREDIT_ROWS = """
    SELECT member_id, CAST(ROUND(amount * 100) AS BIGINT) AS cents, paid_on AS effective_on
    FROM dues_payments
    UNION ALL
    SELECT a.member_id, CAST(ROUND(a.amount * 100) AS BIGINT), p.period_month
    FROM dues_adjustments a JOIN dues_periods p ON p.id = a.period_id"""

REBUILD = [
    "DELETE FROM dues_member_credits",
    f"""INSERT INTO dues_member_credits (member_id, credit_cents, credit_count, latest_credit_on)
        SELECT member_id, SUM(cents), COUNT(*), MAX(effective_on) FROM ({CREDIT_ROWS}) c GROUP BY member_id""",
]

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        WITH d AS (SELECT member_id, SUM(cents) AS cents, COUNT(*) AS n FROM ({old}) o GROUP BY member_id)
        UPDATE dues_member_credits c SET credit_cents = c.credit_cents - d.cents,
            credit_count = c.credit_count - d.n, updated_at = now(), row_version = c.row_version + 1
        FROM d WHERE c.member_id = d.member_id;
        DELETE FROM dues_member_credits c USING (SELECT DISTINCT member_id FROM old_rows) o
        WHERE c.member_id = o.member_id AND c.credit_count <= 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO dues_member_credits (member_id, credit_cents, credit_count, latest_credit_on)
        SELECT member_id, SUM(cents), COUNT(*), MAX(effective_on) FROM ({new}) n GROUP BY member_id
        ON CONFLICT (member_id) DO UPDATE SET
            credit_cents = dues_member_credits.credit_cents + EXCLUDED.credit_cents,
            credit_count = dues_member_credits.credit_count + EXCLUDED.credit_count,
            latest_credit_on = GREATEST(dues_member_credits.latest_credit_on, EXCLUDED.latest_credit_on),
            updated_at = now(), row_version = dues_member_credits.row_version + 1;
    END IF;
    RETURN NULL;
END $fn$"""

_PAYMENT_ROWS = "SELECT member_id, CAST(ROUND(amount * 100) AS BIGINT) AS cents, paid_on AS effective_on FROM {rows}"
_ADJUSTMENT_ROWS = ("SELECT r.member_id, CAST(ROUND(r.amount * 100) AS BIGINT) AS cents, p.period_month AS effective_on"
                    " FROM {rows} r JOIN dues_periods p ON p.id = r.period_id")
_SOURCES = {"dues_payments": _PAYMENT_ROWS, "dues_adjustments": _ADJUSTMENT_ROWS}


def _pg_statements() -> list[str]:
    statements = []
    for table, rows in _SOURCES.items():
        fn = f"{table}_credit_fn"
        statements.append(_PG_FUNCTION.format(name=fn, old=rows.format(rows="old_rows"),
                                              new=rows.format(rows="new_rows")))
        for event, refs in (("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
                            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows")):
            statements.append(f"CREATE TRIGGER {table}_credit_{event.lower()} AFTER {event} ON {table} "
                              f"REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION {fn}()")
    rebuild_body = ";\n".join(REBUILD)
    statements.append(f"""CREATE OR REPLACE FUNCTION dues_member_credits_rebuild_fn() RETURNS trigger
        LANGUAGE plpgsql AS $fn$ BEGIN {rebuild_body}; RETURN NULL; END $fn$""")
    statements += [f"CREATE TRIGGER {table}_credit_truncate AFTER TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION dues_member_credits_rebuild_fn()" for table in _SOURCES]
    return statements


def _sqlite_row(table: str, ref: str) -> tuple[str, str]:
    """(member_id, cents, effective_on) expressions for one row (NEW or OLD) of the table."""
    day = f"{ref}.paid_on" if table == "dues_payments" else \
        f"(SELECT period_month FROM dues_periods WHERE id = {ref}.period_id)"
    return f"CAST(ROUND({ref}.amount * 100) AS INTEGER)", day


def _sqlite_statements() -> list[str]:
    statements = []
    for table in _SOURCES:
        new_cents, new_day = _sqlite_row(table, "NEW")
        old_cents, _ = _sqlite_row(table, "OLD")
        add = f"""INSERT INTO dues_member_credits (member_id, credit_cents, credit_count, latest_credit_on)
            VALUES (NEW.member_id, {new_cents}, 1, {new_day})
            ON CONFLICT(member_id) DO UPDATE SET credit_cents = credit_cents + excluded.credit_cents,
                credit_count = credit_count + 1,
                latest_credit_on = MAX(latest_credit_on, excluded.latest_credit_on),
                updated_at = CURRENT_TIMESTAMP, row_version = row_version + 1;"""
        remove = f"""UPDATE dues_member_credits SET credit_cents = credit_cents - {old_cents},
                credit_count = credit_count - 1, updated_at = CURRENT_TIMESTAMP, row_version = row_version + 1
            WHERE member_id = OLD.member_id;
            DELETE FROM dues_member_credits WHERE member_id = OLD.member_id AND credit_count <= 0;"""
        for event, body in (("INSERT", add), ("DELETE", remove), ("UPDATE", remove + add)):
            statements.append(f"CREATE TRIGGER {table}_credit_{event.lower()} AFTER {event} ON {table} "
                              f"BEGIN {body} END")
    return statements


def install_triggers(conn: Connection) -> None:
    """Create the triggers and backfill the totals (the migration calls this)."""
    statements = _pg_statements() if conn.dialect.name == "postgresql" else _sqlite_statements()
    for statement in statements + REBUILD:
        conn.execute(text(statement))


def drop_triggers(conn: Connection) -> None:
    for table in _SOURCES:
        for event in ("insert", "delete", "update", "truncate"):
            if conn.dialect.name == "postgresql" or event != "truncate":
                on = f" ON {table}" if conn.dialect.name == "postgresql" else ""
                conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_credit_{event}{on}"))
    if conn.dialect.name == "postgresql":
        for fn in [f"{t}_credit_fn" for t in _SOURCES] + ["dues_member_credits_rebuild_fn"]:
            conn.execute(text(f"DROP FUNCTION IF EXISTS {fn}()"))


def rebuild_member_credits(conn: Connection) -> None:
    """Recompute every member's totals from the payments and adjustments (a repair; rarely needed)."""
    for statement in REBUILD:
        conn.execute(text(statement))


def credit_drift(conn: Connection) -> list[tuple]:
    """Members whose maintained totals differ from their payments and adjustments (empty when right)."""
    return conn.execute(text(f"""
        SELECT COALESCE(t.member_id, c.member_id), t.cents, t.n, c.credit_cents, c.credit_count
        FROM (SELECT member_id, SUM(cents) AS cents, COUNT(*) AS n FROM ({CREDIT_ROWS}) x GROUP BY member_id) t
        FULL OUTER JOIN dues_member_credits c ON c.member_id = t.member_id
        WHERE t.cents IS NULL OR c.credit_cents IS NULL OR t.cents <> c.credit_cents OR t.n <> c.credit_count
    """)).all()
