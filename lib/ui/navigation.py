"""Every page of the app, in one list: Home.py builds st.navigation from it for the logged-in role.

Contract: a new page adds one `PageSpec` here (script under pages/, section, the Action it needs).
The page script itself still starts with `require_page(action)`, so a URL never bypasses the check.
"""

from dataclasses import dataclass

from lib.auth.identity import Identity
from lib.auth.permissions import Action, can

SECTIONS = ("Overview", "Dashboards", "Records", "Documents", "Reports", "Admin", "Account")


@dataclass(frozen=True)
class PageSpec:
    script: str  # path under pages/
    title: str
    section: str
    action: Action
    icon: str = ":material/article:"
    url_path: str | None = None  # defaults to the script's stem

    def __post_init__(self):
        if self.section not in SECTIONS:
            raise ValueError(f"{self.script}: unknown section {self.section!r}; use one of {SECTIONS}")


PAGES: list[PageSpec] = [
    PageSpec("overview.py", "Overview", "Overview", Action.VIEW_DASHBOARDS, ":material/dashboard:"),
    PageSpec("dashboard_members.py", "Members", "Dashboards", Action.VIEW_DASHBOARDS, ":material/groups:"),
    PageSpec("dashboard_dues.py", "Dues", "Dashboards", Action.VIEW_DASHBOARDS, ":material/payments:"),
    PageSpec("dashboard_training.py", "Training", "Dashboards", Action.VIEW_DASHBOARDS, ":material/school:"),
    PageSpec("dashboard_grants.py", "Grants", "Dashboards", Action.VIEW_DASHBOARDS, ":material/account_balance:"),
    PageSpec("dashboard_union_ops.py", "Union operations", "Dashboards", Action.VIEW_DASHBOARDS,
             ":material/handshake:"),
    PageSpec("records.py", "Records", "Records", Action.VIEW_RECORDS, ":material/table:"),
    PageSpec("forms.py", "Quick forms", "Records", Action.VIEW_RECORDS, ":material/edit_note:"),
    PageSpec("import.py", "Import", "Records", Action.IMPORT_RECORDS, ":material/upload_file:"),
    PageSpec("documents.py", "Documents", "Documents", Action.VIEW_DOCUMENTS, ":material/folder:"),
    PageSpec("reports.py", "Reports", "Reports", Action.VIEW_REPORTS, ":material/picture_as_pdf:"),
    PageSpec("audit.py", "Audit log", "Admin", Action.VIEW_AUDIT, ":material/history:"),
    PageSpec("admin_demo_data.py", "Demo data", "Admin", Action.RUN_SEED, ":material/database:"),
    PageSpec("admin_system.py", "System", "Admin", Action.VIEW_SYSTEM, ":material/monitor_heart:"),
    PageSpec("admin_users.py", "Users", "Admin", Action.MANAGE_USERS, ":material/group:"),
    PageSpec("my_password.py", "My password", "Account", Action.CHANGE_OWN_PASSWORD, ":material/password:"),
]


def pages_for(who: Identity | None) -> dict[str, list[PageSpec]]:
    """The pages this person may open, grouped by section in menu order (empty sections left out)."""
    grouped: dict[str, list[PageSpec]] = {}
    for section in SECTIONS:
        allowed = [p for p in PAGES if p.section == section and can(who, p.action)]
        if allowed:
            grouped[section] = allowed
    return grouped
