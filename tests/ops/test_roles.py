"""Organisers' roles: content editors never see a subscriber; communications can."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from openpyxl import load_workbook

from efus_conf.conference.models import Page
from efus_conf.demo.factories import (
    PageFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    SubscriberFactory,
)
from efus_conf.ops import roles
from newsletter.models import Mail, Subscriber, SubscriptionEvent
from tests.support.admin_forms import change_form_data

SUBSCRIBERS = "/admin/newsletter/subscriber/"
CONTENT = {
    "efus_conf": [
        "conference",
        "venue",
        "registration",
        "homepagecopy",
        "partner",
        "page",
        "usefullink",
    ],
    "speakers": ["speaker"],
    "programme": ["room", "track", "session", "sessionspeaker"],
}
CONTENT_PERMISSIONS = (
    {
        (app_label, f"{action}_{model}")
        for app_label, models in CONTENT.items()
        for model in models
        for action in ["add", "change", "delete", "view"]
    }
    | {
        # Key figures and session documents are edited with the rest; changes only read.
        (app_label, f"{action}_{model}")
        for app_label, model in [("efus_conf", "keyfigure"), ("programme", "sessionmaterial")]
        for action in ["add", "change", "delete", "view"]
    }
    | {("programme", "view_sessionchange")}
)
ORGANISER_TOOLS = {
    ("programme", "import_session"),
    ("programme", "export_session"),
    ("programme", "preview_session"),
    ("speakers", "import_speaker"),
    ("speakers", "export_speaker"),
    ("speakers", "preview_speaker"),
    ("efus_conf", "translate_conference"),
} | {
    (app_label, f"{action}_historical{model}")
    for app_label, models in CONTENT.items()
    for model in models
    for action in ["view", "change"]
}
NEWSLETTER_PERMISSIONS = {
    ("newsletter", "view_subscriber"),
    ("newsletter", "change_subscriber"),
    ("newsletter", "view_subscriptionevent"),
    ("newsletter", "view_mail"),
}


@pytest.fixture
def confirmed(db):
    subscriber = SubscriberFactory(email="ana@example.org", name="Ana")
    subscriber.record(SubscriptionEvent.Kind.CONFIRMED, "confirmation link followed")
    return subscriber


@pytest.fixture
def pending(db):
    subscriber = SubscriberFactory(email="jo@example.org", status=Subscriber.Status.PENDING)
    subscriber.mails.create(
        kind=Mail.Kind.CONFIRMATION, status=Mail.Status.FAILED, last_error="SMTPConnectError"
    )
    subscriber.record(SubscriptionEvent.Kind.SEND_FAILED, "confirmation: down")
    return subscriber


def permissions_of(group_name):
    return set(
        Group.objects.get(name=group_name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def export(client, subscriber, action="export_confirmed_csv"):
    return client.post(SUBSCRIBERS, {"action": action, "_selected_action": [subscriber.pk]})


def everything_granted():
    return {name: permissions_of(name) for name in roles.ROLES}


def test_content_editors_have_the_content_permissions_and_the_organiser_tools(db):
    assert permissions_of("Content editors") == CONTENT_PERMISSIONS | ORGANISER_TOOLS


def test_communications_have_the_content_and_the_subscriber_permissions(db):
    assert permissions_of("Communications") == CONTENT_PERMISSIONS | NEWSLETTER_PERMISSIONS


def test_after_migrate_each_role_has_exactly_the_permissions_of_the_table(db):
    assert everything_granted() == {
        name: {tuple(permission.split(".")) for permission in permissions}
        for name, permissions in roles.ROLES.items()
    }


def test_syncing_again_changes_nothing(db, django_assert_max_num_queries):
    before = everything_granted()
    roles.sync_roles()
    with django_assert_max_num_queries(30):
        roles.sync_roles()
    assert everything_granted() == before
    assert Group.objects.count() == len(roles.ROLES)


def test_a_permission_added_to_the_table_is_granted_by_the_next_migrate(db, monkeypatch):
    table = roles.ROLES | {"Communications": [*roles.ROLES["Communications"], "auth.view_group"]}
    monkeypatch.setattr(roles, "ROLES", table)
    call_command("migrate", verbosity=0)
    assert ("auth", "view_group") in permissions_of("Communications")


def test_a_permission_given_to_a_role_by_hand_stays(db):
    group = Group.objects.get(name="Content editors")
    group.permissions.add(Permission.objects.get(codename="view_subscriber"))
    roles.sync_roles()
    assert ("newsletter", "view_subscriber") in permissions_of("Content editors")


def test_a_missing_role_is_created_again(db):
    Group.objects.filter(name="Communications").delete()
    roles.sync_roles()
    assert permissions_of("Communications") == CONTENT_PERMISSIONS | NEWSLETTER_PERMISSIONS


def test_nobody_in_a_role_can_add_or_delete_subscribers_or_their_history(db):
    for group_name in ["Content editors", "Communications"]:
        codenames = {codename for _app, codename in permissions_of(group_name)}
        assert not codenames & {
            "add_subscriber",
            "delete_subscriber",
            "add_subscriptionevent",
            "change_subscriptionevent",
            "delete_subscriptionevent",
        }


def test_privacy_notice_exists_after_migrate_in_three_languages(migrated_data):
    page = Page.objects.get(slug="privacy")
    assert page.published
    assert (page.title_en, page.title_fr, page.title_nl) == (
        "Privacy notice",
        "Politique de confidentialité",
        "Privacyverklaring",
    )
    assert "CNIL" in page.body_en and "CNIL" in page.body_fr and "CNIL" in page.body_nl


@pytest.mark.parametrize(
    "url",
    [
        SUBSCRIBERS,
        SUBSCRIBERS + "?q=example",
        SUBSCRIBERS + "?status__exact=confirmed",
        SUBSCRIBERS + "add/",
        SUBSCRIBERS + "{pk}/change/",
        SUBSCRIBERS + "{pk}/history/",
        SUBSCRIBERS + "{pk}/delete/",
    ],
)
def test_editor_gets_403_on_every_subscriber_admin_page(client, editor, confirmed, url):
    client.force_login(editor)
    response = client.get(url.format(pk=confirmed.pk))
    assert response.status_code == 403
    assert confirmed.email not in response.content.decode()


@pytest.mark.parametrize(
    "action",
    ["export_confirmed_csv", "export_confirmed_xlsx", "resend_confirmation", "retry_failed_mail"],
)
def test_editor_gets_403_on_every_subscriber_action(
    client, editor, confirmed, pending, action, mail_worker, mailoutbox
):
    client.force_login(editor)
    everyone = [confirmed.pk, pending.pk]
    response = client.post(SUBSCRIBERS, {"action": action, "_selected_action": everyone})
    assert response.status_code == 403
    assert "@" not in response.content.decode()
    mail_worker()
    assert mailoutbox == []


def test_editor_cannot_change_or_delete_a_subscriber_by_posting(client, editor, confirmed):
    client.force_login(editor)
    change = client.post(f"{SUBSCRIBERS}{confirmed.pk}/change/", {"name": "Changed"})
    delete = client.post(f"{SUBSCRIBERS}{confirmed.pk}/delete/", {"post": "yes"})
    assert (change.status_code, delete.status_code) == (403, 403)
    confirmed.refresh_from_db()
    assert confirmed.name != "Changed"


def test_newsletter_admin_has_no_other_door_for_an_editor(client, editor, confirmed):
    client.force_login(editor)
    # The app index is a 404 for anyone without a permission in the app (Django's choice).
    for url in [
        "/admin/newsletter/",
        "/admin/newsletter/subscriptionevent/",
        "/admin/autocomplete/?app_label=newsletter&model_name=subscriber&field_name=email",
    ]:
        response = client.get(url)
        assert response.status_code in {403, 404}, url
        assert confirmed.email not in response.content.decode()


def test_admin_index_for_an_editor_does_not_list_the_newsletter(client, editor, confirmed):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "/admin/speakers/speaker/" in html
    assert "/admin/newsletter/" not in html


def test_editor_edits_a_page(client, editor, conference):
    page = PageFactory()
    client.force_login(editor)
    url = f"/admin/efus_conf/page/{page.pk}/change/"
    data = change_form_data(client.get(url).content.decode(), "page", title_en="About us")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.title_en == "About us"


def test_editor_edits_a_speaker(client, editor, conference):
    speaker = SpeakerFactory()
    client.force_login(editor)
    url = f"/admin/speakers/speaker/{speaker.pk}/change/"
    html = client.get(url).content.decode()
    response = client.post(url, change_form_data(html, "speaker", city_en="Ghent"))
    assert response.status_code == 302, response.content.decode()[:2000]
    speaker.refresh_from_db()
    assert speaker.city_en == "Ghent"


def test_editor_edits_a_session_and_its_people(client, editor, conference):
    session = SessionSpeakerFactory().session
    client.force_login(editor)
    url = f"/admin/programme/session/{session.pk}/change/"
    html = client.get(url).content.decode()
    response = client.post(url, change_form_data(html, "session", title_en="Renamed session"))
    assert response.status_code == 302, response.content.decode()[:2000]
    session.refresh_from_db()
    assert session.title_en == "Renamed session"


def test_editor_finds_a_speaker_by_name_for_a_session(client, editor, conference):
    speaker = SpeakerFactory(name="Ada Lindqvist")
    client.force_login(editor)
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "programme",
            "model_name": "sessionspeaker",
            "field_name": "speaker",
            "term": speaker.name.split()[-1],
        },
    )
    assert {"id": str(speaker.pk), "text": speaker.name} in response.json()["results"]


def test_communications_sees_subscribers_and_their_history(client, communications, confirmed):
    client.force_login(communications)
    assert confirmed.email in client.get(SUBSCRIBERS).content.decode()
    html = client.get(f"{SUBSCRIBERS}{confirmed.pk}/change/").content.decode()
    assert "Subscription confirmed" in html
    assert client.get(f"{SUBSCRIBERS}{confirmed.pk}/history/").status_code == 200
    assert "/admin/newsletter/subscriber/" in client.get("/admin/").content.decode()


def test_communications_cannot_add_or_delete_subscribers(client, communications, confirmed):
    client.force_login(communications)
    assert client.get(f"{SUBSCRIBERS}add/").status_code == 403
    assert client.post(f"{SUBSCRIBERS}{confirmed.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Subscriber.objects.filter(pk=confirmed.pk).exists()


@pytest.mark.parametrize("who", ["communications", "superuser"])
def test_communications_and_superusers_export_the_csv(client, confirmed, who, request):
    client.force_login(request.getfixturevalue(who))
    response = export(client, confirmed)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == confirmed.email


@pytest.mark.parametrize("who", ["communications", "superuser"])
def test_communications_and_superusers_export_the_xlsx(client, confirmed, who, request):
    client.force_login(request.getfixturevalue(who))
    response = export(client, confirmed, "export_confirmed_xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == confirmed.email


def test_communications_can_resend_a_confirmation(
    client, communications, pending, mail_worker, mailoutbox
):
    client.force_login(communications)
    response = client.post(
        SUBSCRIBERS, {"action": "resend_confirmation", "_selected_action": [pending.pk]}
    )
    assert response.status_code == 302
    mail_worker()
    assert [message.to for message in mailoutbox] == [[pending.email]]
