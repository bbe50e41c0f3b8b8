import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_smtp(settings, port):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }


class Inbox:
    """What the loopback SMTP server received, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts and ends with an empty cache (pages cached by another test)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def start_smtp(settings):
    """Start a real SMTP server on loopback (optionally on a given port) and route mail to it."""
    controllers = []

    def start(port=None):
        inbox = Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=port or free_port())
        controller.start()
        controllers.append(controller)
        use_smtp(settings, controller.port)
        return inbox

    yield start
    for controller in controllers:
        controller.stop()


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


def form_data(email_address, language="en", **extra):
    return {
        "email": email_address,
        "name": "",
        "organisation": "",
        "language": language,
        "consent": "on",
        "source": f"/{language}/",
        "website": "",
        **extra,
    }
