import pytest
from django.conf import settings

from tests.load.server import Gunicorn
from tests.smtp import SmtpServer


@pytest.fixture(scope="module")
def smtp_sink():
    sink = SmtpServer().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def site(smtp_sink, tmp_path_factory):
    """gunicorn (4 workers, 4 threads each) on a fresh SQLite file with the demo conference.

    One server for the module: preparing the database and booting the workers takes most of
    the time on a small machine. Each test checks only the part of the log it produced.
    """
    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if not manifest.exists():
        pytest.fail(f"{manifest} is missing: run `manage.py collectstatic` first (make test does).")
    with Gunicorn(tmp_path_factory.mktemp("load"), smtp_port=smtp_sink.port) as server:
        yield server
