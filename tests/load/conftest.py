import pytest
from django.conf import settings

from tests.support.gunicorn_site import GunicornSite
from tests.support.smtp import SmtpServer, smtp_env


@pytest.fixture(scope="module")
def smtp_sink():
    sink = SmtpServer().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def site(smtp_sink, tmp_path_factory):
    """The demo site on gunicorn (4 workers, 4 threads each) and the mail worker, mailing
    `smtp_sink`, without the newsletter's per-client limit (every request comes from
    127.0.0.1).

    One server for the module: booting the workers takes most of the time on a small machine.
    Each test checks only the part of the log it produced.
    """
    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if not manifest.exists():
        pytest.fail(f"{manifest} is missing: run `manage.py collectstatic` first (make test does).")
    with GunicornSite(
        tmp_path_factory.mktemp("load"),
        workers=4,
        threads=4,
        mail_worker=True,
        NEWSLETTER_RATE_LIMIT="off",
        **smtp_env(smtp_sink.port),
    ) as server:
        yield server
