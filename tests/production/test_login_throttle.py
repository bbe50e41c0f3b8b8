import pytest
from django.test import Client


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organiser(django_user_model, fast_password_hashing):
    return django_user_model.objects.create_superuser("organiser", "o@example.org", "pw-123456!")


def sign_in(client, username, password, **extra):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        **extra,
    )


def test_correct_password_signs_in(client, organiser):
    assert sign_in(client, "organiser", "pw-123456!").status_code == 302


def test_account_is_paused_after_five_failures_even_with_the_right_password(client, organiser):
    for _attempt in range(5):
        assert sign_in(client, "organiser", "wrong").status_code == 200
    response = sign_in(client, "organiser", "pw-123456!")
    assert response.status_code == 200
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_account_pause_applies_from_another_address(organiser):
    for _attempt in range(5):
        sign_in(Client(REMOTE_ADDR="10.0.0.1"), "Organiser", "wrong")
    response = sign_in(Client(REMOTE_ADDR="10.0.0.2"), "organiser", "pw-123456!")
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_client_is_paused_after_twenty_failures_across_accounts(client, organiser):
    for attempt in range(20):
        sign_in(client, f"guess-{attempt}", "wrong")
    response = sign_in(client, "organiser", "pw-123456!")
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert sign_in(Client(REMOTE_ADDR="10.9.9.9"), "organiser", "pw-123456!").status_code == 302


def test_success_forgets_the_account_failures(client, organiser):
    for _attempt in range(4):
        sign_in(client, "organiser", "wrong")
    assert sign_in(client, "organiser", "pw-123456!").status_code == 302
    client.logout()
    for _attempt in range(4):
        sign_in(client, "organiser", "wrong")
    assert sign_in(client, "organiser", "pw-123456!").status_code == 302


def test_pause_message_is_translated(client, organiser):
    for _attempt in range(5):
        sign_in(client, "organiser", "wrong")
    response = sign_in(client, "organiser", "wrong", HTTP_ACCEPT_LANGUAGE="fr")
    assert "Trop de tentatives de connexion échouées" in response.content.decode()


def test_behind_a_proxy_the_address_the_proxy_appended_counts(client, organiser, settings):
    settings.BEHIND_PROXY = True
    for attempt in range(20):
        sign_in(client, f"guess-{attempt}", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.7")
    spoofed = sign_in(
        client, "organiser", "pw-123456!", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7"
    )
    assert "Too many failed sign-in attempts" in spoofed.content.decode()
    other = sign_in(Client(), "organiser", "pw-123456!", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert other.status_code == 302
