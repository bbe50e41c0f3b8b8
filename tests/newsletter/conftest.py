import pytest

from tests.smtp import SmtpServer, use_smtp


@pytest.fixture
def start_smtp(settings):
    """Start a real SMTP server on loopback (optionally on a given port) and route mail to it."""
    servers = []

    def start(port=None):
        server = SmtpServer(port).start()
        servers.append(server)
        use_smtp(settings, server.port)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def smtp(start_smtp):
    return start_smtp()


@pytest.fixture
def privacy_page(db):
    from efus_conf.models import Page

    # A migration creates the notice on every database; tests pin a short, known body.
    page, _created = Page.objects.update_or_create(
        slug="privacy",
        defaults={
            "title": "Privacy notice",
            "body": "<p>What we store.</p>",
            "placement": "footer",
        },
    )
    return page
