"""The choices behind the dashboards' sidebar filters (small id/name lists)."""

import pandas as pd
from sqlalchemy import Connection, select

from lib.auth.identity import Identity
from lib.auth.permissions import Action, require
from lib.dashboards.filters import Filters
from lib.dashboards.sql import frame
from lib.models import Cohort, Grant, Location


def locations(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    require(who, Action.VIEW_DASHBOARDS)
    return frame(conn, select(Location.id, Location.name).order_by(Location.name))


def cohorts(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    require(who, Action.VIEW_DASHBOARDS)
    return frame(conn, select(Cohort.id, Cohort.name).order_by(Cohort.start_date.desc(), Cohort.name))


def grants(conn: Connection, who: Identity, f: Filters) -> pd.DataFrame:
    require(who, Action.VIEW_DASHBOARDS)
    return frame(conn, select(Grant.id, (Grant.grant_number + " " + Grant.name).label("name"))
                 .order_by(Grant.end_date.desc()))
