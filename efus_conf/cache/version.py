"""Database triggers that keep the content version (efus_conf.conference.models.ContentVersion) current.

Every table of the content apps (settings.CONTENT_APPS: their models, their many-to-many
tables, and any model added later; not their history) gets a trigger that raises the
version inside the writing transaction. `migrate` (re)installs them, since a migration may
add a table or, on SQLite, rebuild one without its triggers; it also raises the version
once, because a new release may render the same content differently.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from simple_history.models import HistoricalChanges

VERSION_TABLE = "efus_conf_contentversion"
EVENTS = ("INSERT", "UPDATE", "DELETE")
NOW = {"sqlite": "strftime('%Y-%m-%d %H:%M:%f', 'now')", "postgresql": "clock_timestamp()"}


def raise_version_sql(vendor):
    if vendor not in NOW:
        raise ImproperlyConfigured("The site runs on SQLite or PostgreSQL only.")
    return (
        f"INSERT INTO {VERSION_TABLE} (id, number, changed_at) VALUES (1, 1, {NOW[vendor]}) "
        f"ON CONFLICT (id) DO UPDATE SET number = {VERSION_TABLE}.number + 1, "
        "changed_at = excluded.changed_at"
    )


def content_tables():
    return sorted(table for table, is_history in app_tables() if not is_history)


def history_tables():
    """The content's history (django-simple-history): a save writes the content table too,
    whose trigger raises the version, so a trigger here would raise it twice. Releases before
    this one put triggers on them."""
    return sorted(table for table, is_history in app_tables() if is_history)


def app_tables():
    """(table, is it history?) for every managed table of the content apps."""
    return {
        (model._meta.db_table, issubclass(model, HistoricalChanges))
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and model._meta.db_table != VERSION_TABLE
    }


def trigger_sql(vendor, table):
    """The statements that put the trigger on `table`; running them again changes nothing."""
    if vendor == "sqlite":
        return [
            f'CREATE TRIGGER IF NOT EXISTS "content_version_{table}_{event}" AFTER {event} '
            f'ON "{table}" FOR EACH ROW BEGIN {raise_version_sql(vendor)}; END'
            for event in EVENTS
        ]
    # Once per statement: a bulk update of a thousand rows raises the version once.
    return [
        f"CREATE OR REPLACE TRIGGER content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
        f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION efus_raise_content_version()'
    ]


def postgresql_function_sql():
    return (
        "CREATE OR REPLACE FUNCTION efus_raise_content_version() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN {raise_version_sql('postgresql')}; RETURN NULL; END $$"
    )


def drop_trigger_sql(vendor, table):
    if vendor == "sqlite":
        return [f'DROP TRIGGER IF EXISTS "content_version_{table}_{event}"' for event in EVENTS]
    return [f'DROP TRIGGER IF EXISTS content_version ON "{table}"']


def install_triggers(using="default", **kwargs):
    """post_migrate receiver: a trigger on every content table and none on its history, then
    one raise."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    if VERSION_TABLE not in existing:
        return  # Migrated back to before the version existed: see drop_triggers.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(postgresql_function_sql())
        # Migrated back past a table's creation: it is not there to carry a trigger.
        for table in set(content_tables()) & existing:
            for statement in trigger_sql(connection.vendor, table):
                cursor.execute(statement)
        for table in set(history_tables()) & existing:
            for statement in drop_trigger_sql(connection.vendor, table):
                cursor.execute(statement)
        cursor.execute(raise_version_sql(connection.vendor))


def drop_triggers(apps, schema_editor):
    """Reverse of the migration that adds the version: content tables would otherwise keep
    triggers that write to a table that is gone."""
    connection = schema_editor.connection
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in set(content_tables()) & existing:
            for statement in drop_trigger_sql(connection.vendor, table):
                cursor.execute(statement)
