"""SMTP servers on loopback for the tests: a real one keeping what it received, raw and parsed,
and one that never answers."""

import email
import socket
import threading
from email import policy

from aiosmtpd.controller import Controller

from tests.support.gunicorn_site import HOST, free_port


class SmtpServer:
    """aiosmtpd on 127.0.0.1 (a free port unless given one), keeping every mail it accepts.

    Set `refusal` (e.g. "451 Try again later") to refuse every mail until it is cleared.
    """

    def __init__(self, port=None):
        self.messages = []
        self.raw = []
        self.envelopes = []
        self.connections = 0
        self.refusal = None
        self.arrived = threading.Condition()
        self._controller = Controller(
            self, hostname=HOST, port=port or free_port(), server_hostname="localhost"
        )

    @property
    def port(self):
        return self._controller.port

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):
        if self.refusal:
            return self.refusal
        with self.arrived:
            self.raw.append(envelope.content)
            self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
            self.envelopes.append(tuple(envelope.rcpt_tos))
            self.arrived.notify_all()
        return "250 Message accepted"

    def wait(self, count, timeout=15):
        """The `count`th mail, once it has arrived."""
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.messages) >= count, timeout), (
                f"{len(self.messages)} mail(s) received, expected {count}"
            )
            return self.messages[count - 1]

    def recipients(self):
        with self.arrived:
            return [rcpt.lower() for rcpt_tos in self.envelopes for rcpt in rcpt_tos]


def use_smtp(settings, port):
    """Send this process's mail to the server on `port`."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": HOST, "port": port, "timeout": 5},
        }
    }


def smtp_env(port):
    """The environment variables that send another process's mail to the server on `port`."""
    return {"EMAIL_HOST": HOST, "EMAIL_PORT": str(port)}


class HungSmtpServer:
    """A mail server that accepts connections on `port` and never says a word."""

    def __init__(self, port):
        self.listener = socket.create_server((HOST, port))
        self.connections = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.listener.accept()
            except OSError:  # closed by stop()
                return
            self.connections.append(connection)

    def stop(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would not.
        self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for connection in self.connections:
            connection.close()
        self._thread.join(timeout=5)
