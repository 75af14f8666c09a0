"""initial schema

Revision ID: 0001
Revises: (none: the first migration)
Create Date: 2026-11-22 04:09:08.576493
"""
from collections.abc import Sequence

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('certifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('issuing_body', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('validity_months', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certifications')),
    sa.UniqueConstraint('name', name=op.f('uq_certifications_name'))
    )
    with op.batch_alter_table('certifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certifications_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('courses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses')),
    sa.UniqueConstraint('code', name=op.f('uq_courses_code'))
    )
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('dues_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('classification', sa.Enum('JOURNEYMAN_WIREMAN', 'APPRENTICE_1', 'APPRENTICE_2', 'APPRENTICE_3', 'APPRENTICE_4', 'APPRENTICE_5', 'RESIDENTIAL_WIREMAN', 'SOUND_COMM_TECHNICIAN', 'MATERIAL_HANDLER', 'RETIRED', name='member_classification', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('monthly_amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('effective_to', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dues_rates')),
    sa.UniqueConstraint('classification', 'effective_from', name=op.f('uq_dues_rates_classification_effective_from'))
    )
    with op.batch_alter_table('dues_rates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dues_rates_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('locations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('kind', sa.Enum('UNION_HALL', 'TRAINING_CENTER', 'DISPATCH_OFFICE', 'SATELLITE_OFFICE', name='location_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('city', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('postal_code', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_locations')),
    sa.UniqueConstraint('name', name=op.f('uq_locations_name'))
    )
    with op.batch_alter_table('locations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_locations_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('organizations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('org_type', sa.Enum('SIGNATORY_CONTRACTOR', 'NON_UNION_TARGET', 'TRAINING_PARTNER', 'FUNDER', name='organization_type', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('city', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('postal_code', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('website', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organizations')),
    sa.UniqueConstraint('name', name=op.f('uq_organizations_name'))
    )
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organizations_org_type'), ['org_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('name', sa.Enum('ADMIN', 'STAFF', 'LEADERSHIP', 'INSTRUCTOR', 'DUES_CLERK', 'GRANT_MANAGER', name='role_name', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roles')),
    sa.UniqueConstraint('name', name=op.f('uq_roles_name'))
    )
    op.create_table('seed_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('scale', sa.Integer(), nullable=False),
    sa.Column('started_by', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('current_step', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('counts', sa.JSON(), nullable=True),
    sa.Column('duration_seconds', sa.Float(), nullable=True),
    sa.Column('outcome', sa.Enum('RUNNING', 'SUCCEEDED', 'FAILED', name='seed_outcome', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_seed_runs'))
    )
    with op.batch_alter_table('seed_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_seed_runs_batch'), ['batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_seed_runs_outcome'), ['outcome'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('full_name', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('failed_login_count', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('audit_logs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('user_email', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=True),
    sa.Column('action', sa.Enum('CREATE', 'UPDATE', 'DELETE', 'REVERT', 'LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'LOCKOUT', 'SEED', 'RESET', 'TRUNCATE', 'UPLOAD', 'DOWNLOAD', name='audit_action', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('row_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_logs_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_logs'))
    )
    with op.batch_alter_table('audit_logs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_logs_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_logs_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_logs_row_id'), ['row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_logs_table_name'), ['table_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_logs_user_id'), ['user_id'], unique=False)

    op.create_table('dues_periods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('period_month', sa.Date(), nullable=False),
    sa.Column('is_closed', sa.Boolean(), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['closed_by_user_id'], ['users.id'], name=op.f('fk_dues_periods_closed_by_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dues_periods')),
    sa.UniqueConstraint('period_month', name=op.f('uq_dues_periods_period_month'))
    )
    with op.batch_alter_table('dues_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dues_periods_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('file_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('entity_type', sa.Enum('MEMBER', 'STUDENT', 'ORGANIZATION', 'GRANT', 'GRIEVANCE', 'BENEVOLENCE_APPLICATION', name='attachment_entity', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('storage_key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('original_name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('content_type', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('uploaded_by_user_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['uploaded_by_user_id'], ['users.id'], name=op.f('fk_file_attachments_uploaded_by_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_file_attachments')),
    sa.UniqueConstraint('storage_key', name=op.f('uq_file_attachments_storage_key'))
    )
    with op.batch_alter_table('file_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_file_attachments_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_file_attachments_entity_type'), ['entity_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_file_attachments_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_file_attachments_uploaded_by_user_id'), ['uploaded_by_user_id'], unique=False)

    op.create_table('grants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('grant_number', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('funder', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('funder_organization_id', sa.Integer(), nullable=True),
    sa.Column('award_amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('target_enrollments', sa.Integer(), nullable=False),
    sa.Column('target_completions', sa.Integer(), nullable=False),
    sa.Column('target_placements', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['funder_organization_id'], ['organizations.id'], name=op.f('fk_grants_funder_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grants')),
    sa.UniqueConstraint('grant_number', name=op.f('uq_grants_grant_number'))
    )
    with op.batch_alter_table('grants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grants_end_date'), ['end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_grants_funder_organization_id'), ['funder_organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grants_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('instructors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('first_name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('last_name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('specialty', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('hourly_rate', sa.Numeric(precision=8, scale=2), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_instructors_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instructors')),
    sa.UniqueConstraint('email', name=op.f('uq_instructors_email'))
    )
    with op.batch_alter_table('instructors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_instructors_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_instructors_user_id'), ['user_id'], unique=False)

    op.create_table('members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('card_number', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('first_name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('last_name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('city', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('postal_code', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('classification', sa.Enum('JOURNEYMAN_WIREMAN', 'APPRENTICE_1', 'APPRENTICE_2', 'APPRENTICE_3', 'APPRENTICE_4', 'APPRENTICE_5', 'RESIDENTIAL_WIREMAN', 'SOUND_COMM_TECHNICIAN', 'MATERIAL_HANDLER', 'RETIRED', name='member_classification', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('ACTIVE', 'INACTIVE', 'SUSPENDED', 'RETIRED', 'DECEASED', name='member_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status_effective_on', sa.Date(), nullable=True),
    sa.Column('initiation_date', sa.Date(), nullable=False),
    sa.Column('home_location_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['home_location_id'], ['locations.id'], name=op.f('fk_members_home_location_id_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_members')),
    sa.UniqueConstraint('card_number', name=op.f('uq_members_card_number'))
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_members_classification'), ['classification'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_home_location_id'), ['home_location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_initiation_date'), ['initiation_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_last_name'), ['last_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_status'), ['status'], unique=False)

    op.create_table('organization_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_organization_contacts_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_contacts'))
    )
    with op.batch_alter_table('organization_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_contacts_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organization_contacts_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('user_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['role_id'], ['roles.id'], name=op.f('fk_user_roles_role_id_roles')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_roles_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_roles')),
    sa.UniqueConstraint('user_id', 'role_id', name=op.f('uq_user_roles_user_id_role_id'))
    )
    with op.batch_alter_table('user_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_roles_role_id'), ['role_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_user_roles_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_user_roles_user_id'), ['user_id'], unique=False)

    op.create_table('benevolence_applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Enum('MEDICAL', 'BEREAVEMENT', 'DISASTER', 'HARDSHIP', name='benevolence_reason', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('amount_requested', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('status', sa.Enum('SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'DENIED', 'PAID', name='benevolence_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_benevolence_applications_member_id_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_benevolence_applications'))
    )
    with op.batch_alter_table('benevolence_applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_benevolence_applications_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_benevolence_applications_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_benevolence_applications_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_benevolence_applications_submitted_on'), ['submitted_on'], unique=False)

    op.create_table('cohorts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('grant_id', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['grant_id'], ['grants.id'], name=op.f('fk_cohorts_grant_id_grants')),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_cohorts_location_id_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohorts')),
    sa.UniqueConstraint('name', name=op.f('uq_cohorts_name'))
    )
    with op.batch_alter_table('cohorts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohorts_grant_id'), ['grant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cohorts_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cohorts_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_cohorts_start_date'), ['start_date'], unique=False)

    op.create_table('dues_adjustments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('approved_by_user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['approved_by_user_id'], ['users.id'], name=op.f('fk_dues_adjustments_approved_by_user_id_users')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_dues_adjustments_member_id_members')),
    sa.ForeignKeyConstraint(['period_id'], ['dues_periods.id'], name=op.f('fk_dues_adjustments_period_id_dues_periods')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dues_adjustments'))
    )
    with op.batch_alter_table('dues_adjustments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dues_adjustments_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dues_adjustments_period_id'), ['period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dues_adjustments_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('dues_payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('method', sa.Enum('CASH', 'CHECK', 'CARD', 'ACH', 'PAYROLL_DEDUCTION', name='payment_method', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_dues_payments_member_id_members')),
    sa.ForeignKeyConstraint(['period_id'], ['dues_periods.id'], name=op.f('fk_dues_payments_period_id_dues_periods')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dues_payments'))
    )
    with op.batch_alter_table('dues_payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dues_payments_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dues_payments_method'), ['method'], unique=False)
        batch_op.create_index(batch_op.f('ix_dues_payments_paid_on'), ['paid_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_dues_payments_period_id'), ['period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dues_payments_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('expenses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('grant_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.Enum('INSTRUCTION', 'TOOLS_EQUIPMENT', 'SUPPLIES', 'PARTICIPANT_SUPPORT', 'TRAVEL', 'ADMINISTRATION', name='expense_category', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('spent_on', sa.Date(), nullable=False),
    sa.Column('vendor', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.ForeignKeyConstraint(['grant_id'], ['grants.id'], name=op.f('fk_expenses_grant_id_grants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expenses'))
    )
    with op.batch_alter_table('expenses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expenses_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_expenses_grant_id'), ['grant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_expenses_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_expenses_spent_on'), ['spent_on'], unique=False)

    op.create_table('grant_budget_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('grant_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.Enum('INSTRUCTION', 'TOOLS_EQUIPMENT', 'SUPPLIES', 'PARTICIPANT_SUPPORT', 'TRAVEL', 'ADMINISTRATION', name='expense_category', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['grant_id'], ['grants.id'], name=op.f('fk_grant_budget_lines_grant_id_grants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_budget_lines')),
    sa.UniqueConstraint('grant_id', 'category', name=op.f('uq_grant_budget_lines_grant_id_category'))
    )
    with op.batch_alter_table('grant_budget_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grant_budget_lines_grant_id'), ['grant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grant_budget_lines_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('grievances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('grievance_number', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('employer_organization_id', sa.Integer(), nullable=False),
    sa.Column('contract', sa.Enum('INSIDE', 'RESIDENTIAL', 'SOUND_COMM', name='contract_type', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=False),
    sa.Column('contract_article', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('status', sa.Enum('OPEN', 'SETTLED', 'WITHDRAWN', 'DENIED', name='grievance_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.ForeignKeyConstraint(['employer_organization_id'], ['organizations.id'], name=op.f('fk_grievances_employer_organization_id_organizations')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_grievances_member_id_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grievances')),
    sa.UniqueConstraint('grievance_number', name=op.f('uq_grievances_grievance_number'))
    )
    with op.batch_alter_table('grievances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grievances_employer_organization_id'), ['employer_organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grievances_filed_on'), ['filed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_grievances_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grievances_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_grievances_status'), ['status'], unique=False)

    op.create_table('member_classification_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('classification', sa.Enum('JOURNEYMAN_WIREMAN', 'APPRENTICE_1', 'APPRENTICE_2', 'APPRENTICE_3', 'APPRENTICE_4', 'APPRENTICE_5', 'RESIDENTIAL_WIREMAN', 'SOUND_COMM_TECHNICIAN', 'MATERIAL_HANDLER', 'RETIRED', name='member_classification', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_member_classification_changes_member_id_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_classification_changes')),
    sa.UniqueConstraint('member_id', 'effective_from', name=op.f('uq_member_classification_changes_member_id_effective_from'))
    )
    with op.batch_alter_table('member_classification_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_classification_changes_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_classification_changes_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('member_employments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('job_classification', sa.Enum('APPRENTICE', 'JOURNEYMAN', 'FOREMAN', 'GENERAL_FOREMAN', 'SUPERINTENDENT', name='job_classification', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('hourly_rate', sa.Numeric(precision=8, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_member_employments_member_id_members')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_member_employments_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_employments'))
    )
    with op.batch_alter_table('member_employments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_employments_end_date'), ['end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_employments_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_employments_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_employments_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_employments_start_date'), ['start_date'], unique=False)

    op.create_table('salting_activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('organizer_member_id', sa.Integer(), nullable=False),
    sa.Column('target_organization_id', sa.Integer(), nullable=False),
    sa.Column('activity_date', sa.Date(), nullable=False),
    sa.Column('activity_type', sa.Enum('SALT_APPLICATION', 'HOUSE_CALL', 'JOB_SITE_VISIT', 'LEAFLETING', 'WORKER_MEETING', name='salting_activity_type', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('outcome', sa.Enum('NO_CONTACT', 'CONTACT_MADE', 'INTEREST_SHOWN', 'CARD_SIGNED', 'HIRED_ON', 'REFUSED', name='salting_outcome', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.ForeignKeyConstraint(['organizer_member_id'], ['members.id'], name=op.f('fk_salting_activities_organizer_member_id_members')),
    sa.ForeignKeyConstraint(['target_organization_id'], ['organizations.id'], name=op.f('fk_salting_activities_target_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_salting_activities'))
    )
    with op.batch_alter_table('salting_activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_salting_activities_activity_date'), ['activity_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_salting_activities_organizer_member_id'), ['organizer_member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_salting_activities_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_salting_activities_target_organization_id'), ['target_organization_id'], unique=False)

    op.create_table('benevolence_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_member_id', sa.Integer(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('decision', sa.Enum('APPROVE', 'DENY', 'DEFER', name='review_decision', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('approved_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['benevolence_applications.id'], name=op.f('fk_benevolence_reviews_application_id_benevolence_applications')),
    sa.ForeignKeyConstraint(['reviewer_member_id'], ['members.id'], name=op.f('fk_benevolence_reviews_reviewer_member_id_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_benevolence_reviews'))
    )
    with op.batch_alter_table('benevolence_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_benevolence_reviews_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_benevolence_reviews_reviewer_member_id'), ['reviewer_member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_benevolence_reviews_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('class_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('instructor_id', sa.Integer(), nullable=True),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('session_date', sa.Date(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=True),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_class_sessions_cohort_id_cohorts')),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_class_sessions_course_id_courses')),
    sa.ForeignKeyConstraint(['instructor_id'], ['instructors.id'], name=op.f('fk_class_sessions_instructor_id_instructors')),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_class_sessions_location_id_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_class_sessions'))
    )
    with op.batch_alter_table('class_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_class_sessions_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_class_sessions_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_class_sessions_instructor_id'), ['instructor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_class_sessions_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_class_sessions_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_class_sessions_session_date'), ['session_date'], unique=False)

    op.create_table('grievance_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('grievance_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.Enum('STEP_1', 'STEP_2', 'STEP_3', 'ARBITRATION', name='grievance_step_name', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('deadline_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Enum('PENDING', 'RESOLVED', 'DENIED', 'ESCALATED', 'WITHDRAWN', name='step_outcome', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['grievance_id'], ['grievances.id'], name=op.f('fk_grievance_steps_grievance_id_grievances')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grievance_steps')),
    sa.UniqueConstraint('grievance_id', 'step', name=op.f('uq_grievance_steps_grievance_id_step'))
    )
    with op.batch_alter_table('grievance_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grievance_steps_deadline_on'), ['deadline_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_grievance_steps_grievance_id'), ['grievance_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grievance_steps_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('instructor_cohorts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('instructor_id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('LEAD', 'ASSISTANT', name='instructor_role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_instructor_cohorts_cohort_id_cohorts')),
    sa.ForeignKeyConstraint(['instructor_id'], ['instructors.id'], name=op.f('fk_instructor_cohorts_instructor_id_instructors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instructor_cohorts')),
    sa.UniqueConstraint('instructor_id', 'cohort_id', name=op.f('uq_instructor_cohorts_instructor_id_cohort_id'))
    )
    with op.batch_alter_table('instructor_cohorts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_instructor_cohorts_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_instructor_cohorts_instructor_id'), ['instructor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_instructor_cohorts_seed_batch'), ['seed_batch'], unique=False)

    op.create_table('instructor_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('instructor_id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=True),
    sa.Column('grant_id', sa.Integer(), nullable=True),
    sa.Column('worked_on', sa.Date(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('rate', sa.Numeric(precision=8, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_instructor_hours_cohort_id_cohorts')),
    sa.ForeignKeyConstraint(['grant_id'], ['grants.id'], name=op.f('fk_instructor_hours_grant_id_grants')),
    sa.ForeignKeyConstraint(['instructor_id'], ['instructors.id'], name=op.f('fk_instructor_hours_instructor_id_instructors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instructor_hours'))
    )
    with op.batch_alter_table('instructor_hours', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_instructor_hours_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_instructor_hours_grant_id'), ['grant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_instructor_hours_instructor_id'), ['instructor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_instructor_hours_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_instructor_hours_worked_on'), ['worked_on'], unique=False)

    op.create_table('students',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('first_name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('last_name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('cohort_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('ENROLLED', 'ACTIVE', 'COMPLETED', 'DROPPED', name='student_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('enrolled_on', sa.Date(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('dropped_on', sa.Date(), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_students_cohort_id_cohorts')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_students_member_id_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_students')),
    sa.UniqueConstraint('member_id', name=op.f('uq_students_member_id'))
    )
    with op.batch_alter_table('students', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_students_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_students_last_name'), ['last_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_students_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_students_status'), ['status'], unique=False)

    op.create_table('attendances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('PRESENT', 'LATE', 'ABSENT', 'EXCUSED', name='attendance_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['class_sessions.id'], name=op.f('fk_attendances_session_id_class_sessions')),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_attendances_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendances')),
    sa.UniqueConstraint('session_id', 'student_id', name=op.f('uq_attendances_session_id_student_id'))
    )
    with op.batch_alter_table('attendances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendances_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendances_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendances_student_id'), ['student_id'], unique=False)

    op.create_table('credentials',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('earned_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('credential_number', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.ForeignKeyConstraint(['certification_id'], ['certifications.id'], name=op.f('fk_credentials_certification_id_certifications')),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_credentials_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credentials'))
    )
    with op.batch_alter_table('credentials', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_credentials_certification_id'), ['certification_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_credentials_expires_on'), ['expires_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_credentials_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_credentials_student_id'), ['student_id'], unique=False)

    op.create_table('enrollments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('enrolled_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('IN_PROGRESS', 'PASSED', 'FAILED', 'DROPPED', name='enrollment_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_enrollments_course_id_courses')),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_enrollments_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrollments')),
    sa.UniqueConstraint('student_id', 'course_id', name=op.f('uq_enrollments_student_id_course_id'))
    )
    with op.batch_alter_table('enrollments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrollments_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrollments_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrollments_student_id'), ['student_id'], unique=False)

    op.create_table('jatc_applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('aptitude_score', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('interview_score', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('status', sa.Enum('APPLIED', 'TESTED', 'INTERVIEWED', 'ACCEPTED', 'REJECTED', 'WAITLISTED', name='application_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_jatc_applications_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jatc_applications'))
    )
    with op.batch_alter_table('jatc_applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jatc_applications_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_jatc_applications_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_jatc_applications_student_id'), ['student_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_jatc_applications_submitted_on'), ['submitted_on'], unique=False)

    op.create_table('tools_issued',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('item', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('value', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_tools_issued_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tools_issued'))
    )
    with op.batch_alter_table('tools_issued', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tools_issued_seed_batch'), ['seed_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_tools_issued_student_id'), ['student_id'], unique=False)

    op.create_table('grades',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('seed_batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('enrollment_id', sa.Integer(), nullable=False),
    sa.Column('assessment', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('score', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('max_score', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('graded_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['enrollment_id'], ['enrollments.id'], name=op.f('fk_grades_enrollment_id_enrollments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grades'))
    )
    with op.batch_alter_table('grades', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grades_enrollment_id'), ['enrollment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grades_seed_batch'), ['seed_batch'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('grades', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grades_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_grades_enrollment_id'))

    op.drop_table('grades')
    with op.batch_alter_table('tools_issued', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tools_issued_student_id'))
        batch_op.drop_index(batch_op.f('ix_tools_issued_seed_batch'))

    op.drop_table('tools_issued')
    with op.batch_alter_table('jatc_applications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jatc_applications_submitted_on'))
        batch_op.drop_index(batch_op.f('ix_jatc_applications_student_id'))
        batch_op.drop_index(batch_op.f('ix_jatc_applications_status'))
        batch_op.drop_index(batch_op.f('ix_jatc_applications_seed_batch'))

    op.drop_table('jatc_applications')
    with op.batch_alter_table('enrollments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrollments_student_id'))
        batch_op.drop_index(batch_op.f('ix_enrollments_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_enrollments_course_id'))

    op.drop_table('enrollments')
    with op.batch_alter_table('credentials', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_credentials_student_id'))
        batch_op.drop_index(batch_op.f('ix_credentials_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_credentials_expires_on'))
        batch_op.drop_index(batch_op.f('ix_credentials_certification_id'))

    op.drop_table('credentials')
    with op.batch_alter_table('attendances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendances_student_id'))
        batch_op.drop_index(batch_op.f('ix_attendances_session_id'))
        batch_op.drop_index(batch_op.f('ix_attendances_seed_batch'))

    op.drop_table('attendances')
    with op.batch_alter_table('students', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_students_status'))
        batch_op.drop_index(batch_op.f('ix_students_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_students_last_name'))
        batch_op.drop_index(batch_op.f('ix_students_cohort_id'))

    op.drop_table('students')
    with op.batch_alter_table('instructor_hours', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_instructor_hours_worked_on'))
        batch_op.drop_index(batch_op.f('ix_instructor_hours_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_instructor_hours_instructor_id'))
        batch_op.drop_index(batch_op.f('ix_instructor_hours_grant_id'))
        batch_op.drop_index(batch_op.f('ix_instructor_hours_cohort_id'))

    op.drop_table('instructor_hours')
    with op.batch_alter_table('instructor_cohorts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_instructor_cohorts_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_instructor_cohorts_instructor_id'))
        batch_op.drop_index(batch_op.f('ix_instructor_cohorts_cohort_id'))

    op.drop_table('instructor_cohorts')
    with op.batch_alter_table('grievance_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grievance_steps_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_grievance_steps_grievance_id'))
        batch_op.drop_index(batch_op.f('ix_grievance_steps_deadline_on'))

    op.drop_table('grievance_steps')
    with op.batch_alter_table('class_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_class_sessions_session_date'))
        batch_op.drop_index(batch_op.f('ix_class_sessions_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_class_sessions_location_id'))
        batch_op.drop_index(batch_op.f('ix_class_sessions_instructor_id'))
        batch_op.drop_index(batch_op.f('ix_class_sessions_course_id'))
        batch_op.drop_index(batch_op.f('ix_class_sessions_cohort_id'))

    op.drop_table('class_sessions')
    with op.batch_alter_table('benevolence_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_benevolence_reviews_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_benevolence_reviews_reviewer_member_id'))
        batch_op.drop_index(batch_op.f('ix_benevolence_reviews_application_id'))

    op.drop_table('benevolence_reviews')
    with op.batch_alter_table('salting_activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_salting_activities_target_organization_id'))
        batch_op.drop_index(batch_op.f('ix_salting_activities_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_salting_activities_organizer_member_id'))
        batch_op.drop_index(batch_op.f('ix_salting_activities_activity_date'))

    op.drop_table('salting_activities')
    with op.batch_alter_table('member_employments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_employments_start_date'))
        batch_op.drop_index(batch_op.f('ix_member_employments_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_member_employments_organization_id'))
        batch_op.drop_index(batch_op.f('ix_member_employments_member_id'))
        batch_op.drop_index(batch_op.f('ix_member_employments_end_date'))

    op.drop_table('member_employments')
    with op.batch_alter_table('member_classification_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_classification_changes_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_member_classification_changes_member_id'))

    op.drop_table('member_classification_changes')
    with op.batch_alter_table('grievances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grievances_status'))
        batch_op.drop_index(batch_op.f('ix_grievances_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_grievances_member_id'))
        batch_op.drop_index(batch_op.f('ix_grievances_filed_on'))
        batch_op.drop_index(batch_op.f('ix_grievances_employer_organization_id'))

    op.drop_table('grievances')
    with op.batch_alter_table('grant_budget_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grant_budget_lines_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_grant_budget_lines_grant_id'))

    op.drop_table('grant_budget_lines')
    with op.batch_alter_table('expenses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expenses_spent_on'))
        batch_op.drop_index(batch_op.f('ix_expenses_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_expenses_grant_id'))
        batch_op.drop_index(batch_op.f('ix_expenses_category'))

    op.drop_table('expenses')
    with op.batch_alter_table('dues_payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dues_payments_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_dues_payments_period_id'))
        batch_op.drop_index(batch_op.f('ix_dues_payments_paid_on'))
        batch_op.drop_index(batch_op.f('ix_dues_payments_method'))
        batch_op.drop_index(batch_op.f('ix_dues_payments_member_id'))

    op.drop_table('dues_payments')
    with op.batch_alter_table('dues_adjustments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dues_adjustments_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_dues_adjustments_period_id'))
        batch_op.drop_index(batch_op.f('ix_dues_adjustments_member_id'))

    op.drop_table('dues_adjustments')
    with op.batch_alter_table('cohorts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohorts_start_date'))
        batch_op.drop_index(batch_op.f('ix_cohorts_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_cohorts_location_id'))
        batch_op.drop_index(batch_op.f('ix_cohorts_grant_id'))

    op.drop_table('cohorts')
    with op.batch_alter_table('benevolence_applications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_benevolence_applications_submitted_on'))
        batch_op.drop_index(batch_op.f('ix_benevolence_applications_status'))
        batch_op.drop_index(batch_op.f('ix_benevolence_applications_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_benevolence_applications_member_id'))

    op.drop_table('benevolence_applications')
    with op.batch_alter_table('user_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_roles_user_id'))
        batch_op.drop_index(batch_op.f('ix_user_roles_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_user_roles_role_id'))

    op.drop_table('user_roles')
    with op.batch_alter_table('organization_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_contacts_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_organization_contacts_organization_id'))

    op.drop_table('organization_contacts')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_members_status'))
        batch_op.drop_index(batch_op.f('ix_members_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_members_last_name'))
        batch_op.drop_index(batch_op.f('ix_members_initiation_date'))
        batch_op.drop_index(batch_op.f('ix_members_home_location_id'))
        batch_op.drop_index(batch_op.f('ix_members_classification'))

    op.drop_table('members')
    with op.batch_alter_table('instructors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_instructors_user_id'))
        batch_op.drop_index(batch_op.f('ix_instructors_seed_batch'))

    op.drop_table('instructors')
    with op.batch_alter_table('grants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grants_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_grants_funder_organization_id'))
        batch_op.drop_index(batch_op.f('ix_grants_end_date'))

    op.drop_table('grants')
    with op.batch_alter_table('file_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_file_attachments_uploaded_by_user_id'))
        batch_op.drop_index(batch_op.f('ix_file_attachments_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_file_attachments_entity_type'))
        batch_op.drop_index(batch_op.f('ix_file_attachments_entity_id'))

    op.drop_table('file_attachments')
    with op.batch_alter_table('dues_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dues_periods_seed_batch'))

    op.drop_table('dues_periods')
    with op.batch_alter_table('audit_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_logs_user_id'))
        batch_op.drop_index(batch_op.f('ix_audit_logs_table_name'))
        batch_op.drop_index(batch_op.f('ix_audit_logs_row_id'))
        batch_op.drop_index(batch_op.f('ix_audit_logs_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_audit_logs_action'))

    op.drop_table('audit_logs')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_seed_batch'))

    op.drop_table('users')
    with op.batch_alter_table('seed_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_seed_runs_outcome'))
        batch_op.drop_index(batch_op.f('ix_seed_runs_batch'))

    op.drop_table('seed_runs')
    op.drop_table('roles')
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organizations_seed_batch'))
        batch_op.drop_index(batch_op.f('ix_organizations_org_type'))

    op.drop_table('organizations')
    with op.batch_alter_table('locations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_locations_seed_batch'))

    op.drop_table('locations')
    with op.batch_alter_table('dues_rates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dues_rates_seed_batch'))

    op.drop_table('dues_rates')
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_seed_batch'))

    op.drop_table('courses')
    with op.batch_alter_table('certifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certifications_seed_batch'))

    op.drop_table('certifications')
