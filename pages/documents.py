"""Documents: find, download, upload and delete files attached to records."""

from lib.auth.permissions import Action
from lib.ui.documents_page import render_documents_page
from lib.ui.session import require_page

who = require_page(Action.VIEW_DOCUMENTS)
render_documents_page(who)
