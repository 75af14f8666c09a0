"""Union operations: organizing, benevolence and grievances."""

from lib.models import (
    BenevolenceApplication, BenevolenceReview, Grievance, GrievanceStep, SaltingActivity,
)
from lib.models.enums import AttachmentEntity
from lib.registry.base import Entity


class SaltingActivities(Entity):
    model = SaltingActivity
    domain = "Union operations"
    title = "SALTing activities"
    search_columns = ("notes",)
    default_sort = ("activity_date", True)
    labels = {"organizer_member_id": "Organizer", "target_organization_id": "Target"}


class BenevolenceApplications(Entity):
    model = BenevolenceApplication
    attachments = AttachmentEntity.BENEVOLENCE_APPLICATION
    domain = "Union operations"
    search_columns = ("description",)
    default_sort = ("submitted_on", True)
    label_format = "#{id} {reason} ({submitted_on})"


class BenevolenceReviews(Entity):
    model = BenevolenceReview
    domain = "Union operations"
    default_sort = ("reviewed_on", True)
    labels = {"application_id": "Application", "reviewer_member_id": "Reviewer"}


class Grievances(Entity):
    model = Grievance
    attachments = AttachmentEntity.GRIEVANCE
    domain = "Union operations"
    search_columns = ("grievance_number", "contract_article", "description")
    label_format = "{grievance_number}"
    natural_key = ("grievance_number",)
    default_sort = ("filed_on", True)
    labels = {"employer_organization_id": "Employer", "grievance_number": "Grievance #"}


class GrievanceSteps(Entity):
    model = GrievanceStep
    domain = "Union operations"
    natural_key = ("grievance_id", "step")
    date_order = (("started_on", "deadline_on"), ("started_on", "closed_on"))
    default_sort = ("deadline_on", False)
