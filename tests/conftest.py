import io
from importlib import import_module

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files written by a test go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page cached by another test's data."""
    cache.clear()


@pytest.fixture
def demo(db):
    """The whole demo conference, as `manage.py loaddemo` loads it."""
    call_command("loaddemo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """The demo site served by gunicorn in production mode on loopback; yields its URL."""
    from tests.gunicorn_site import running_site

    with running_site(tmp_path_factory.mktemp("production-site")) as url:
        yield url


@pytest.fixture
def data_from_migrations(db):
    """The rows the data migrations create: the organiser roles and the privacy notice.

    A transactional test (the browser tests' live server) empties every table when it ends,
    as Django's TransactionTestCase does, so tests that need these rows re-apply the
    migrations' own functions, which leave existing rows alone.
    """
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    schema_editor = SimpleNamespace(connection=connection)
    for module_name, function_name in [
        ("efus_conf.migrations.0002_organiser_roles", "create_roles"),
        ("newsletter.migrations.0002_privacy_notice", "create_privacy_notice"),
    ]:
        getattr(import_module(module_name), function_name)(apps, schema_editor)
