"""The registry: every table has an entry, and a typo in an entry fails at import."""

import pytest

from lib.auth.identity import Identity
from lib.models import Member, metadata
from lib.models.enums import RoleName as R
from lib.registry import (
    DOMAINS, REGISTRY, Entity, EntityPermissionDenied, RegistryError, entity_for, require_entity,
    visible_entities,
)
from lib.registry.base import REGISTRY as RAW

OWN_PAGES = {"audit_logs"}  # the audit log has its own page with filters and revert


def test_every_table_but_the_audit_log_is_registered():
    assert set(metadata.tables) - set(REGISTRY) == OWN_PAGES


def test_an_unknown_column_name_fails_when_the_class_is_created():
    with pytest.raises(RegistryError, match=r"editable_columns: 'phon'.*Columns of members: .*phone"):
        class Broken(Entity):
            model = Member
            editable_columns = ("phon",)
    assert REGISTRY["members"].__name__ == "Members"


def test_a_system_column_cannot_be_made_editable():
    with pytest.raises(RegistryError, match="row_version' is a system column"):
        class Sneaky(Entity):
            model = Member
            editable_columns = ("first_name", "row_version")


def test_an_unknown_domain_or_sort_column_fails():
    with pytest.raises(RegistryError, match=r"default_sort: 'nme'.*domain: 'Peple'"):
        class Typos(Entity):
            model = Member
            default_sort = ("nme", False)
            domain = "Peple"


def test_registering_a_table_twice_is_refused():
    with pytest.raises(RegistryError, match="already registered by Members"):
        class MembersAgain(Entity):
            model = Member
    RAW["members"] = entity_for("members")


def test_entries_read_well():
    members = entity_for("members")
    assert members.label("card_number") == "Card #"
    assert members.label("home_location_id") == "Home location"
    assert members.row_label({"last_name": "Ruiz", "first_name": "Ana", "card_number": "A1"}) == "Ruiz, Ana (A1)"
    assert {e.domain for e in REGISTRY.values()} == set(DOMAINS)
    assert all(e.domain in DOMAINS and e.title for e in REGISTRY.values())


def _who(*roles):
    return Identity(id=1, email="x@local46.example", roles=frozenset(roles))


def test_roles_decide_which_tables_a_person_sees():
    dues_clerk = visible_entities(_who(R.DUES_CLERK))
    assert "dues_payments" in [e.table_name for e in dues_clerk["Dues"]]
    assert "Grants" not in dues_clerk and "System" not in dues_clerk
    instructor = [e.table_name for es in visible_entities(_who(R.INSTRUCTOR)).values() for e in es]
    assert set(instructor) == {"attendances", "grades", "class_sessions", "cohorts"}
    assert visible_entities(_who(R.LEADERSHIP)) == {}
    assert "users" in [e.table_name for e in visible_entities(_who(R.ADMIN))["System"]]


def test_require_entity_checks_the_operation():
    require_entity(_who(R.DUES_CLERK), entity_for("dues_payments"), "create")
    with pytest.raises(EntityPermissionDenied, match="may not edit grants"):
        require_entity(_who(R.DUES_CLERK), entity_for("grants"), "edit")
    with pytest.raises(EntityPermissionDenied, match="may not create users"):
        require_entity(_who(R.ADMIN), entity_for("users"), "create")
    with pytest.raises(EntityPermissionDenied):
        require_entity(_who(R.LEADERSHIP), entity_for("members"), "view")
