"""System tables an admin may look at here. Users get passwords on the user page, not here."""

from lib.models import FileAttachment, Role, SeedRun, User, UserRole
from lib.models.enums import RoleName as R
from lib.registry.base import Entity

_ADMIN = frozenset({R.ADMIN})


class Users(Entity):
    model = User
    domain = "System"
    list_columns = ("email", "full_name", "is_active", "last_login_at", "locked_until")
    editable_columns = ("full_name", "is_active")
    search_columns = ("email", "full_name")
    label_format = "{email}"
    natural_key = ("email",)
    default_sort = ("email", False)
    disabled = ("create", "delete")
    view_roles = edit_roles = _ADMIN


class Roles(Entity):
    model = Role
    domain = "System"
    label_format = "{name}"
    disabled = ("create", "edit", "delete")
    view_roles = _ADMIN


class UserRoles(Entity):
    model = UserRole
    domain = "System"
    title = "User roles"
    natural_key = ("user_id", "role_id")
    disabled = ("edit",)
    view_roles = create_roles = delete_roles = _ADMIN


class FileAttachments(Entity):
    model = FileAttachment
    domain = "System"
    list_columns = ("entity_type", "entity_id", "original_name", "content_type", "size_bytes",
                    "uploaded_by_user_id", "uploaded_at")
    search_columns = ("original_name",)
    label_format = "{original_name}"
    default_sort = ("uploaded_at", True)
    disabled = ("create", "edit", "delete")  # files are added and removed with their bytes
    view_roles = _ADMIN


class SeedRuns(Entity):
    model = SeedRun
    domain = "System"
    list_columns = ("batch", "action", "scale", "started_by", "started_at", "finished_at",
                    "outcome", "duration_seconds", "error")
    default_sort = ("started_at", True)
    disabled = ("create", "edit", "delete")
    view_roles = _ADMIN
