"""How the programme's changes are kept: by the database, whatever writes to it.

Triggers on the sessions' table keep two things in the statement that changes a session, so
that no way of writing can skip them: the admin and the shell (save()), a queryset's update()
or bulk_update(), a fixture (loaddata), an import, a version restored from the history, SQL.

- A SessionChange row (programme/models/changes.py) when a session that was and stays
  published changes its time, room or cancellation.
- Session.sequence, the event's iCalendar SEQUENCE, raised by one when any of those, or its
  title, summary or description in any language, changes. The database owns it: whatever value
  an UPDATE writes there (an instance read before an earlier change writes back a stale one)
  is replaced by the one before plus that raise.

A third copies that revision into the session's history: django-simple-history writes its row
after the save, from the instance, which does not know the database raised it.

From migration 0008 on, every migrate takes them off before it runs and puts them back after
(pre_migrate, post_migrate), written from the migration state's models: a migration may
rebuild or retype what they read, which their presence would refuse, or drop them (SQLite
drops a table's triggers with it), and a new language adds columns to watch.
"""

from typing import NamedTuple

from django.apps import apps as global_apps
from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from modeltranslation.utils import build_localized_fieldname

# From this migration on the triggers keep the changes; migrated back before it, none do.
MIGRATION = ("programme", "0008_changes_kept_by_the_database")
# The Session fields whose change attendees must hear about, and the SessionChange fields that
# keep their value before it (their value after has the same name).
WATCHED = {
    "start": "previous_start",
    "end": "previous_end",
    "room": "previous_room",
    "cancelled": "was_cancelled",
}
# Texts whose change, in any language, makes calendars update the event too.
REVISED_TEXTS = ("title", "summary", "description")
NOW = {"sqlite": "strftime('%Y-%m-%d %H:%M:%f', 'now')", "postgresql": "clock_timestamp()"}
DIFFERS = {"sqlite": "IS NOT", "postgresql": "IS DISTINCT FROM"}


class Trigger(NamedTuple):
    """A row trigger on `table` at each `event`: one that runs `statement` after the write
    where `when` holds, or one that gives the written row's `column` the `value` computed
    from OLD and NEW."""

    name: str
    table: str
    event: str
    when: str = "TRUE"
    statement: str = ""
    column: str = ""
    value: str = ""
    pk: str = ""


def triggers(vendor, apps, quote):
    session = apps.get_model("programme", "Session")._meta
    change = apps.get_model("programme", "SessionChange")._meta
    history = apps.get_model("programme", "HistoricalSession")._meta

    def column(meta, name):
        return quote(meta.get_field(name).column)

    def changed(names):
        return " OR ".join(
            f"OLD.{column(session, name)} {DIFFERS[vendor]} NEW.{column(session, name)}"
            for name in names
        )

    texts = [
        build_localized_fieldname(name, code)
        for name in REVISED_TEXTS
        for code, _language in settings.LANGUAGES
    ]
    recorded = {"session": f"NEW.{column(session, 'id')}", "recorded_at": NOW[vendor]}
    for name, before in WATCHED.items():
        recorded[before] = f"OLD.{column(session, name)}"
        recorded[name] = f"NEW.{column(session, name)}"
    sequence = column(session, "sequence")
    return [
        Trigger(
            "programme_session_change",
            quote(session.db_table),
            "UPDATE",
            when=f"OLD.{column(session, 'published')} AND NEW.{column(session, 'published')} "
            f"AND ({changed(WATCHED)})",
            statement=(
                f"INSERT INTO {quote(change.db_table)} "
                f"({', '.join(column(change, name) for name in recorded)}) "
                f"VALUES ({', '.join(recorded.values())})"
            ),
        ),
        Trigger(
            "programme_session_revision",
            quote(session.db_table),
            "UPDATE",
            column=sequence,
            value=f"OLD.{sequence} + CASE WHEN {changed([*WATCHED, *texts])} THEN 1 ELSE 0 END",
            pk=column(session, "id"),
        ),
        Trigger(
            "programme_session_history_revision",
            quote(history.db_table),
            "INSERT",
            column=column(history, "sequence"),
            # The row of a deleted session is gone: its history keeps the last value it read.
            value=(
                f"COALESCE((SELECT {sequence} FROM {quote(session.db_table)} "
                f"WHERE {column(session, 'id')} = NEW.{column(history, 'id')}), "
                f"NEW.{column(history, 'sequence')})"
            ),
            pk=column(history, "history_id"),
        ),
    ]


def sqlite_sql(trigger):
    if trigger.statement:
        when, statement = trigger.when, trigger.statement
    else:
        # SQLite cannot change the row being written (NEW) in a trigger: this one writes the
        # value into the row just written. It does not run again for its own write, since
        # SQLite does not run triggers recursively (Django leaves recursive_triggers off); the
        # content version's trigger does, and raises the version once more, which is harmless.
        when = f"NEW.{trigger.column} IS NOT ({trigger.value})"
        statement = (
            f"UPDATE {trigger.table} SET {trigger.column} = {trigger.value} "
            f"WHERE {trigger.pk} = NEW.{trigger.pk}"
        )
    return [
        f"DROP TRIGGER IF EXISTS {trigger.name}",
        f"CREATE TRIGGER {trigger.name} AFTER {trigger.event} ON {trigger.table} "
        f"FOR EACH ROW WHEN {when} BEGIN {statement}; END",
    ]


def postgresql_sql(trigger):
    if trigger.statement:
        timing, body = "AFTER", f"{trigger.statement}; RETURN NULL;"
    else:
        timing, body = "BEFORE", f"NEW.{trigger.column} := {trigger.value}; RETURN NEW;"
    return [
        f"CREATE OR REPLACE FUNCTION {trigger.name}() RETURNS trigger LANGUAGE plpgsql "
        f"AS $$ BEGIN {body} END $$",
        f"CREATE OR REPLACE TRIGGER {trigger.name} {timing} {trigger.event} ON {trigger.table} "
        f"FOR EACH ROW WHEN ({trigger.when}) EXECUTE FUNCTION {trigger.name}()",
    ]


def install(connection, apps):
    """Put the triggers on the tables of `apps` (a migration state); running it again
    rewrites them."""
    to_sql = {"sqlite": sqlite_sql, "postgresql": postgresql_sql}[connection.vendor]
    with connection.cursor() as cursor:
        for trigger in triggers(connection.vendor, apps, connection.ops.quote_name):
            for statement in to_sql(trigger):
                cursor.execute(statement)


def drop(connection, apps):
    with connection.cursor() as cursor:
        for trigger in triggers(connection.vendor, apps, connection.ops.quote_name):
            if connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {trigger.name}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {trigger.name} ON {trigger.table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {trigger.name}()")


def installed(connection):
    """Whether the database is migrated to where its triggers keep the changes."""
    return MIGRATION in MigrationRecorder(connection).applied_migrations()


def drop_before_migrate(using="default", apps=global_apps, **kwargs):
    """pre_migrate receiver: SQLite refuses to rebuild a table that another table's trigger
    reads, and PostgreSQL to change the type of a column a trigger reads."""
    connection = connections[using]
    if installed(connection):
        drop(connection, apps)


def install_after_migrate(using="default", apps=global_apps, **kwargs):
    """post_migrate receiver (flush sends no migration state: the models are the state)."""
    connection = connections[using]
    if installed(connection):
        install(connection, apps)
