import pytest

from tests.support.fresh_interpreter import run_django, run_python


@pytest.mark.parametrize("entry_point", ["efus_conf.wsgi", "efus_conf.asgi"])
def test_production_refuses_to_start_without_a_secret_key(entry_point):
    result = run_python({"DJANGO_DEBUG": "0"}, "-c", f"import {entry_point}")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_commands_that_sign_nothing_run_without_a_secret_key():
    result = run_django({"DJANGO_DEBUG": "0"}, "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr


def test_debug_mode_starts_without_a_secret_key():
    result = run_django({"DJANGO_DEBUG": "1"}, "check")
    assert result.returncode == 0, result.stderr


def site_url(**environment):
    """SITE_URL as the settings read it from `environment`, with no SITE_URL set."""
    code = (
        "import os; os.environ.pop('SITE_URL', None)\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'efus_conf.settings'\n"
        "from django.conf import settings; print(settings.SITE_URL)"
    )
    result = run_python(environment, "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_in_debug_site_url_follows_the_port_make_run_serves():
    assert site_url(DJANGO_DEBUG="1") == "http://127.0.0.1:8000"
    assert site_url(DJANGO_DEBUG="1", PORT="8200") == "http://127.0.0.1:8200"


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-secret-key-for-this-test-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "conference.example.org",
    "SITE_URL": "https://conference.example.org",
}


def deploy_check(**overrides):
    return run_django(PRODUCTION | overrides, "check", "--deploy", "--fail-level", "WARNING")


def test_production_settings_pass_the_deployment_checks():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deployment_checks_refuse_an_empty_site_url():
    result = deploy_check(SITE_URL="")
    assert result.returncode != 0
    assert "efus_conf.E001" in result.stderr
    assert "SITE_URL is empty" in result.stderr


@pytest.mark.parametrize("url", ["conference.example.org", "https://x.org/path", "ftp://x.org"])
def test_deployment_checks_refuse_a_site_url_that_is_not_an_address(url):
    result = deploy_check(SITE_URL=url)
    assert result.returncode != 0
    assert "efus_conf.E002" in result.stderr


def test_an_empty_site_url_is_not_an_error_in_debug():
    result = run_django({"DJANGO_DEBUG": "1", "SITE_URL": ""}, "check", "--deploy")
    assert "efus_conf.E001" not in result.stdout + result.stderr


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite-specific")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20000
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
