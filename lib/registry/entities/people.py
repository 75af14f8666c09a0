"""People and organizations."""

from lib.models import (
    Location, Member, MemberClassificationChange, MemberEmployment, Organization, OrganizationContact,
)
from lib.models.enums import RoleName as R
from lib.models.enums import AttachmentEntity
from lib.registry.base import Entity

_OFFICE = frozenset({R.STAFF, R.DUES_CLERK, R.GRANT_MANAGER})


class Members(Entity):
    model = Member
    attachments = AttachmentEntity.MEMBER
    domain = "People"
    list_columns = ("card_number", "last_name", "first_name", "email", "phone", "classification",
                    "status", "status_effective_on", "initiation_date", "home_location_id",
                    "address", "city", "state", "postal_code")
    search_columns = ("card_number", "last_name", "first_name", "email", "phone")
    labels = {"card_number": "Card #", "home_location_id": "Home location",
              "status_effective_on": "Status since"}
    label_format = "{last_name}, {first_name} ({card_number})"
    natural_key = ("card_number",)
    default_sort = ("last_name", False)
    view_roles = _OFFICE

    @classmethod
    def normalize(cls, column, value):
        # Card numbers are typed by hand in many forms: one spelling, so uniqueness and matching hold.
        return value.upper() if column == "card_number" and isinstance(value, str) else value


class MemberEmployments(Entity):
    model = MemberEmployment
    domain = "People"
    title = "Member employment"
    search_columns = ("job_classification",)
    date_order = (("start_date", "end_date"),)
    default_sort = ("start_date", True)
    view_roles = _OFFICE


class MemberClassificationChanges(Entity):
    model = MemberClassificationChange
    domain = "People"
    title = "Classification history"
    natural_key = ("member_id", "effective_from")
    default_sort = ("effective_from", True)
    view_roles = _OFFICE


class Organizations(Entity):
    model = Organization
    attachments = AttachmentEntity.ORGANIZATION
    domain = "People"
    search_columns = ("name", "city", "phone")
    label_format = "{name}"
    natural_key = ("name",)
    default_sort = ("name", False)
    labels = {"org_type": "Type"}
    view_roles = _OFFICE


class OrganizationContacts(Entity):
    model = OrganizationContact
    domain = "People"
    search_columns = ("name", "email", "phone")
    label_format = "{name}"
    default_sort = ("name", False)
    view_roles = _OFFICE


class Locations(Entity):
    model = Location
    domain = "People"
    search_columns = ("name", "city")
    label_format = "{name}"
    natural_key = ("name",)
    default_sort = ("name", False)
    view_roles = _OFFICE
