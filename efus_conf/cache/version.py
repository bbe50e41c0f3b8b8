"""Triggers that raise the content version (models.py), in the writing transaction, on every
write to a table of the content apps (settings.CONTENT_APPS; not their history, written along
with the content). `migrate` installs them (a migration may add a table or, on SQLite,
rebuild one without them) and raises the version once: a release may render content anew."""

import itertools

from django.apps import apps
from django.conf import settings
from django.db import connections
from simple_history.models import HistoricalChanges

TABLE = "efus_conf_contentversion"
NOW = {"sqlite": "strftime('%Y-%m-%d %H:%M:%f', 'now')", "postgresql": "clock_timestamp()"}


def raise_sql(vendor):
    return (
        f"INSERT INTO {TABLE} (id, number, changed_at) VALUES (1, 1, {NOW[vendor]}) ON CONFLICT "
        f"(id) DO UPDATE SET number = {TABLE}.number + 1, changed_at = excluded.changed_at"
    )


def content_tables(connection):
    models = [apps.get_app_config(label).get_models(True) for label in settings.CONTENT_APPS]
    tables = {
        model._meta.db_table
        for model in itertools.chain(*models)
        if model._meta.managed and not issubclass(model, HistoricalChanges)
    }
    return tables & set(connection.introspection.table_names()) - {TABLE}


def install_triggers(using="default", **kwargs):
    """post_migrate receiver."""
    connection = connections[using]
    if TABLE not in connection.introspection.table_names():
        return  # Migrated back to before the version existed (drop_triggers).
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # Once per statement: a bulk update raises it once.
            cursor.execute(
                "CREATE OR REPLACE FUNCTION efus_raise_content_version() RETURNS trigger "
                f"LANGUAGE plpgsql AS $$ BEGIN {raise_sql('postgresql')}; RETURN NULL; END $$"
            )
        for table in content_tables(connection):
            if connection.vendor == "postgresql":
                cursor.execute(
                    f'CREATE OR REPLACE TRIGGER content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
                    "FOR EACH STATEMENT EXECUTE FUNCTION efus_raise_content_version()"
                )
            for event in ("INSERT", "UPDATE", "DELETE") if connection.vendor == "sqlite" else ():
                cursor.execute(
                    f'CREATE TRIGGER IF NOT EXISTS "content_version_{table}_{event}" AFTER {event} '
                    f'ON "{table}" FOR EACH ROW BEGIN {raise_sql("sqlite")}; END'
                )
        cursor.execute(raise_sql(connection.vendor))


def drop_triggers(apps, schema_editor):
    """Reverse of efus_conf 0003: no trigger may outlive the table it writes to."""
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS efus_raise_content_version() CASCADE")
            return
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'content_version_%'")
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP TRIGGER "{name}"')
