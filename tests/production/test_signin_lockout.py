"""Admin sign-in protection (django-axes): failures count per username and client together."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

# The failures are rows that django-axes counts, updates and deletes with queries of its own:
# the PostgreSQL pass checks they count the same there.
pytestmark = pytest.mark.database

PAUSED = "Too many failed sign-in attempts"


@pytest.fixture
def organiser(django_user_model):
    return django_user_model.objects.create_superuser("organiser", "o@example.org", "pw-123456!")


def sign_in(client, username, password, **extra):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        **extra,
    )


def fail(times, username="organiser", address="10.0.0.1"):
    client = Client(REMOTE_ADDR=address)
    for _attempt in range(times):
        sign_in(client, username, "wrong")


def test_correct_password_signs_in(client, organiser):
    assert sign_in(client, "organiser", "pw-123456!").status_code == 302


def test_five_failures_pause_that_username_from_that_client_even_with_the_right_password(
    organiser,
):
    fail(5)
    client = Client(REMOTE_ADDR="10.0.0.1")
    response = sign_in(client, "organiser", "pw-123456!")
    assert response.status_code == 429
    assert PAUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_strangers_failures_elsewhere_do_not_lock_the_organiser_out(organiser):
    fail(14, address="10.0.0.1")
    assert sign_in(Client(REMOTE_ADDR="10.0.0.2"), "organiser", "pw-123456!").status_code == 302


def test_failures_across_usernames_from_one_address_do_not_lock_out_its_organisers(organiser):
    for attempt in range(50):
        fail(1, username=f"guess-{attempt}", address="10.0.0.1")
    assert sign_in(Client(REMOTE_ADDR="10.0.0.1"), "organiser", "pw-123456!").status_code == 302


def test_success_forgets_the_failures(client, organiser):
    fail(4, address="127.0.0.1")
    assert sign_in(client, "organiser", "pw-123456!").status_code == 302
    client.logout()
    fail(4, address="127.0.0.1")
    assert sign_in(client, "organiser", "pw-123456!").status_code == 302


def test_the_pause_is_the_admin_sign_in_page_with_the_time_left(organiser):
    fail(5)
    response = sign_in(Client(REMOTE_ADDR="10.0.0.1"), "organiser", "pw-123456!")
    html = response.content.decode()
    assert 'id="login-form"' in html
    assert "Security, Democracy &amp; Cities: administration" in html
    assert "please try again in 15 minutes." in html
    assert 890 <= int(response["Retry-After"]) <= 900


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Trop de tentatives de connexion échouées."),
        ("nl", "Te veel mislukte aanmeldpogingen."),
    ],
)
def test_the_pause_message_is_translated(organiser, language, message):
    fail(5)
    client = Client(REMOTE_ADDR="10.0.0.1", HTTP_ACCEPT_LANGUAGE=language)
    assert message in sign_in(client, "organiser", "wrong").content.decode()


def test_a_superuser_unlocks_with_a_command(organiser):
    fail(5)
    call_command("axes_reset_username", "organiser")
    assert sign_in(Client(REMOTE_ADDR="10.0.0.1"), "organiser", "pw-123456!").status_code == 302


def test_a_superuser_unlocks_from_the_admin(client, organiser):
    fail(5)
    client.force_login(organiser)
    attempts = client.get("/admin/axes/accessattempt/").content.decode()
    assert "10.0.0.1" in attempts
    attempt = AccessAttempt.objects.get()
    response = client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert sign_in(Client(REMOTE_ADDR="10.0.0.1"), "organiser", "pw-123456!").status_code == 302


def test_behind_a_proxy_the_address_the_proxy_appended_counts(organiser, settings):
    settings.BEHIND_PROXY = True
    client = Client()
    for _attempt in range(5):
        sign_in(client, "organiser", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.7")
    spoofed = sign_in(
        client, "organiser", "pw-123456!", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7"
    )
    assert PAUSED in spoofed.content.decode()
    other = sign_in(Client(), "organiser", "pw-123456!", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert other.status_code == 302
