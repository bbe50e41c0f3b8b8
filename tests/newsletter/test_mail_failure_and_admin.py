"""A mail server that is down loses nothing; the admin retries, exports and guards the list."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from efus_conf.demo.factories import SubscriberFactory
from newsletter import services
from newsletter.models import Mail, Subscriber, SubscriptionEvent
from newsletter.tasks import RETRY_DELAYS
from tests.newsletter.submissions import form_data
from tests.support.gunicorn_site import free_port
from tests.support.smtp import use_smtp

CHANGELIST = "/admin/newsletter/subscriber/"


def staff_with(django_user_model, *codenames):
    user = django_user_model.objects.create_user("staff", "s@example.org", None, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


# The worker claims its tasks with row locks (select_for_update, skip_locked) on PostgreSQL.
@pytest.mark.database
def test_mail_server_down_loses_no_subscription_and_admin_retry_sends_it(
    client, settings, start_smtp, mail_worker, superuser
):
    port = free_port()
    use_smtp(settings, port)  # Nothing listens there yet.
    response = client.post("/fr/newsletter/", form_data("patient@example.org", "fr"))
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    mail_worker()
    queued = subscriber.mails.get()
    assert queued.status == Mail.Status.RETRYING
    assert "ConnectionRefusedError" in queued.last_error
    assert subscriber.events.filter(kind=SubscriptionEvent.Kind.SEND_FAILED).exists()
    while queued.status == Mail.Status.RETRYING:
        # The next attempt is due later: make it due now.
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
        mail_worker()
        queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Mail.Status.FAILED, len(RETRY_DELAYS) + 1)

    inbox = start_smtp(port)
    client.force_login(superuser)
    response = client.post(
        CHANGELIST, {"action": "retry_failed_mail", "_selected_action": [subscriber.pk]}
    )
    assert response.status_code == 302
    assert subscriber.mails.get().status == Mail.Status.QUEUED
    mail_worker()
    [message] = inbox.messages
    assert "Veuillez confirmer" in message["Subject"]
    queued.refresh_from_db()
    assert (queued.status, queued.last_error) == (Mail.Status.SENT, "")
    assert subscriber.events.last().kind == SubscriptionEvent.Kind.CONFIRMATION_SENT


@pytest.mark.database
def test_admin_resends_the_confirmation_to_pending_subscribers_only(
    client, smtp, mail_worker, superuser
):
    pending = SubscriberFactory(email="p@example.org", status=Subscriber.Status.PENDING)
    confirmed = SubscriberFactory(email="c@example.org")
    client.force_login(superuser)
    client.post(
        CHANGELIST,
        {"action": "resend_confirmation", "_selected_action": [pending.pk, confirmed.pk]},
    )
    mail_worker()
    assert [message["To"] for message in smtp.messages] == ["p@example.org"]


def test_csv_export_lists_confirmed_subscribers_with_formulas_defused(client, db, superuser):
    SubscriberFactory(email="b@example.org", name="=HYPERLINK(1)", language="fr")
    SubscriberFactory(email="a@example.org", name="Ana")
    SubscriberFactory(email="p@example.org", status=Subscriber.Status.PENDING)
    client.force_login(superuser)
    response = client.post(
        CHANGELIST,
        {
            "action": "export_confirmed_csv",
            "_selected_action": list(Subscriber.objects.values_list("pk", flat=True)),
        },
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["email", "name", "language", "confirmed_at"]
    assert sorted(row[:3] for row in rows[1:]) == [
        ["a@example.org", "Ana", "en"],
        ["b@example.org", "'=HYPERLINK(1)", "fr"],
    ]


def test_staff_without_newsletter_permission_cannot_see_subscribers(client, django_user_model, db):
    client.force_login(staff_with(django_user_model))
    assert client.get(CHANGELIST).status_code == 403


def test_view_permission_is_enough_to_export_but_not_to_send(client, django_user_model, db):
    SubscriberFactory(email="v@example.org")
    client.force_login(staff_with(django_user_model, "view_subscriber"))
    html = client.get(CHANGELIST).content.decode()
    assert "export_confirmed_csv" in html
    assert "resend_confirmation" not in html
    response = client.post(
        CHANGELIST,
        {"action": "export_confirmed_csv", "_selected_action": [Subscriber.objects.get().pk]},
    )
    assert "v@example.org" in response.content.decode()


def test_nobody_can_add_or_confirm_a_subscriber_by_hand(client, db, superuser):
    subscriber = SubscriberFactory(email="hand@example.org", status=Subscriber.Status.PENDING)
    client.force_login(superuser)
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    html = client.get(f"{CHANGELIST}{subscriber.pk}/change/").content.decode()
    assert 'name="status"' not in html
    assert 'name="confirmed_at' not in html
    assert "Subscription requested" in html or "consent" in html


def test_purge_deletes_what_the_privacy_notice_says_is_not_kept(db):
    from datetime import timedelta

    from django.utils import timezone

    old = timezone.now() - timedelta(days=40)
    stale = SubscriberFactory(email="stale@example.org", status=Subscriber.Status.PENDING)
    Subscriber.objects.filter(pk=stale.pk).update(consented_at=old)
    SubscriberFactory(email="fresh@example.org", status=Subscriber.Status.PENDING)
    call_command("purge_newsletter", stdout=io.StringIO())
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["fresh@example.org"]


def test_demo_has_every_status_and_loads_twice_without_change(demo):
    statuses = set(Subscriber.objects.values_list("status", flat=True))
    assert statuses == set(Subscriber.Status.values)
    assert all(s.email.endswith("@example.org") for s in Subscriber.objects.all())
    counts = (Subscriber.objects.count(), SubscriptionEvent.objects.count())
    call_command("loaddemo", stdout=io.StringIO())
    assert (Subscriber.objects.count(), SubscriptionEvent.objects.count()) == counts


def test_demo_privacy_notice_is_in_the_footer_in_every_language(client, demo):
    for language, title in [
        ("en", "Privacy notice"),
        ("fr", "Politique de confidentialité"),
        ("nl", "Privacyverklaring"),
    ]:
        html = client.get(f"/{language}/privacy/").content.decode()
        assert title in html
        assert "conference@efus.eu" in html
        assert f'href="/{language}/privacy/"' in client.get(f"/{language}/").content.decode()


def test_subscriber_page_shows_each_mail_with_its_state_and_error(client, db, superuser):
    subscriber = SubscriberFactory(email="state@example.org", status=Subscriber.Status.PENDING)
    subscriber.mails.create(
        kind=Mail.Kind.CONFIRMATION,
        status=Mail.Status.RETRYING,
        attempts=2,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    client.force_login(superuser)
    html = client.get(
        f"/admin/newsletter/subscriber/{subscriber.pk}/change/", HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()
    inline = html.split('id="mails-group"', 1)[1].split("</fieldset>", 1)[0]
    assert "Mislukt, wordt opnieuw geprobeerd" in inline
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in inline
    changelist = client.get(
        "/admin/newsletter/subscriber/?mails__status=retrying", HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert "state@example.org" in changelist.content.decode()
    assert "Mislukt, wordt opnieuw geprobeerd" in changelist.content.decode()
    assert "Op e-mailstatus" in changelist.content.decode()


def test_the_queue_s_task_rows_are_not_in_the_admin(client, db, superuser):
    client.force_login(superuser)
    assert "dbtaskresult" not in client.get("/admin/").content.decode()


@pytest.mark.database
def test_admin_retry_sends_a_mail_whose_worker_died_while_sending_it(
    client, smtp, mail_worker, superuser
):
    subscriber = SubscriberFactory(email="stuck@example.org", status=Subscriber.Status.PENDING)
    queued = services.queue_mail(subscriber=subscriber, kind=Mail.Kind.CONFIRMATION)
    # A worker claimed the task and was killed: the task stays running, the mail queued.
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)
    client.force_login(superuser)
    retry = {"action": "retry_failed_mail", "_selected_action": [subscriber.pk]}
    client.post(CHANGELIST, retry)
    mail_worker()
    assert smtp.messages == []  # Only just queued: not stuck yet, so not queued twice.

    Mail.objects.filter(pk=queued.pk).update(queued_at=timezone.now() - timedelta(hours=2))
    client.post(CHANGELIST, retry)
    mail_worker()
    [message] = smtp.messages
    assert message["To"] == "stuck@example.org"
    queued.refresh_from_db()
    assert queued.status == Mail.Status.SENT
