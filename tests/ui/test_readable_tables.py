"""Tables a person reads on the records, import and audit pages: long problems wrap, the audit log leads
with what a row is called instead of its bookkeeping."""

from lib.models.enums import AuditAction
from lib.ui.audit_page import _changes
from lib.ui.grid import wrapped_row_height

ENUM_PROBLEM = ("'PLUMBER' is not one of: Journeyman Wireman, Apprentice 1, Apprentice 2, Apprentice 3, "
                "Apprentice 4, Apprentice 5, Residential Wireman, Sound Comm Tech, Material Handler, Retired")


def test_short_problems_keep_the_normal_row_height():
    assert wrapped_row_height(["is required", "must be 0 or more"]) is None
    assert wrapped_row_height([]) is None


def test_a_long_problem_gets_rows_tall_enough_for_its_lines_up_to_four():
    assert len(ENUM_PROBLEM) > 160
    assert wrapped_row_height(["is required", ENUM_PROBLEM]) == 3 * 19 + 16
    assert wrapped_row_height(["x" * 10_000]) == 4 * 19 + 16  # a 10 MB cell does not make a screen-high row


def _entry(before, after, table=None):
    return {"before": before, "after": after, "action": AuditAction.CREATE, "table_name": table}


def test_an_upload_in_the_audit_log_starts_with_the_file_name_not_its_hash():
    after = {"id": 7, "entity_type": "MEMBER", "entity_id": 2, "storage_key": "attachments/member/2/ab12.pdf",
             "original_name": "dues-receipt.pdf", "content_type": "application/pdf", "size_bytes": 45,
             "sha256": "9f" * 32}
    text = _changes(_entry(None, after, "file_attachments"))
    assert text.startswith("Original name: dues-receipt.pdf; Entity type: MEMBER; Entity: 2")
    assert "sha256" not in text.lower() and "storage" not in text.lower()
    assert _changes(_entry(None, {"name": "x"}, "no_such_table")) == "name: x"  # outside the registry


def test_an_update_shows_each_field_before_and_after_by_its_label():
    assert _changes(_entry({"phone": "206-555-0100", "card_number": "A1"},
                           {"phone": "206-555-0177", "card_number": "A2"}, "members")) == \
        "Phone: 206-555-0100 → 206-555-0177; Card #: A1 → A2"
