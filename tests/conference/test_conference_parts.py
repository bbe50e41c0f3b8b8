"""The conference's venue, registration and homepage texts: rows of their own, edited on
the conference's admin page, recorded in its history and raising the content version."""

import re

import pytest

from efus_conf.cache.models import ContentVersion
from efus_conf.conference.models import Conference, Venue
from tests.support.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def test_the_conference_page_edits_its_parts_in_every_language(
    client, conference, signed_in_superuser
):
    url = f"/admin/efus_conf/conference/{conference.pk}/change/"
    data = change_form_data(
        client.get(url).content.decode(),
        "conference",
        **{
            "venue-0-quiet_room_nl": "Een stille ruimte op de eerste verdieping.",
            "registration-0-url": "https://registration.example.org/",
            "homepage-0-patronage_fr": "Sous les auspices de la Présidence belge",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert (
        "Een stille ruimte op de eerste verdieping."
        in client.get("/nl/getting-there/").content.decode()
    )
    assert "Sous les auspices de la Présidence belge" in client.get("/fr/").content.decode()
    conference.registration.refresh_from_db()
    assert conference.registration.url == "https://registration.example.org/"


@pytest.mark.parametrize("role", ["editor", "communications"])
def test_both_roles_edit_the_parts_on_the_conference_page(client, conference, role, request):
    client.force_login(request.getfixturevalue(role))
    url = f"/admin/efus_conf/conference/{conference.pk}/change/"
    data = change_form_data(
        client.get(url).content.decode(), "conference", **{"venue-0-hearing_loop_fr": "Boucle."}
    )
    assert client.post(url, data).status_code == 302
    conference.venue.refresh_from_db()
    assert conference.venue.hearing_loop_fr == "Boucle."


def test_a_conference_added_in_the_admin_has_all_its_parts(client, signed_in_superuser):
    url = "/admin/efus_conf/conference/add/"
    data = change_form_data(
        client.get(url).content.decode(),
        "conference",
        **{
            "name_en": "Conference", "short_name_en": "SDC", "tagline_en": "Cities",
            "start_date": "2024-03-20", "end_date": "2024-03-22",
            "city_en": "Brussels", "country_en": "Belgium", "venue-0-name_en": "Venue",
            "homepage-0-intro_en": "Intro.", "homepage-0-audience_en": "Everyone.",
        },
    )  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    conference = Conference.objects.current()
    assert (conference.venue.name, conference.homepage.intro) == ("Venue", "Intro.")
    assert conference.registration.url == ""  # Left blank, and still there for pages to read.


@pytest.mark.parametrize("part", Conference.PARTS)
def test_saving_a_part_raises_the_content_version(conference, part):
    before = ContentVersion.objects.get().number
    getattr(conference, part).save()
    assert ContentVersion.objects.get().number == before + 1


def test_a_parts_history_records_each_language(conference):
    venue = conference.venue
    venue.name_fr = "Centre de conférences"
    venue.save()
    assert venue.history.count() == 2
    assert (venue.history.first().name_fr, venue.history.last().name_fr) == (
        "Centre de conférences",
        None,
    )


def test_the_conference_history_lists_what_changed_in_its_parts(client, editor, conference):
    client.force_login(editor)
    url = f"/admin/efus_conf/conference/{conference.pk}/change/"
    data = change_form_data(
        client.get(url).content.decode(), "conference", **{"venue-0-quiet_room_fr": "Salle calme."}
    )
    assert client.post(url, data).status_code == 302
    html = client.get(f"{url.removesuffix('change/')}history/").content.decode()
    assert "Venue: Conference" in html
    assert "Salle calme." in html
    # Revert pages open the conference's own versions only.
    links = re.findall(rf'href="{url.removesuffix("change/")}history/(\d+)/"', html)
    assert sorted(map(int, links)) == sorted(
        conference.history.values_list("history_id", flat=True)
    )


def test_a_parts_version_is_restored_from_the_conference_history(client, editor, conference):
    client.force_login(editor)
    venue = conference.venue
    venue.quiet_room_fr = "Salle calme."
    venue.save()
    venue.quiet_room_fr = "Plus de salle calme."
    venue.save()
    history = f"/admin/efus_conf/conference/{conference.pk}/history/"
    earlier = venue.history.order_by("history_id")[1]
    revert = f"/admin/efus_conf/venue/{venue.pk}/history/{earlier.history_id}/"
    assert f'href="{revert}"' in client.get(history).content.decode()
    data = change_form_data(client.get(revert).content.decode(), "historicalvenue")
    assert client.post(revert, data).url == history
    venue.refresh_from_db()
    assert venue.quiet_room_fr == "Salle calme."


def test_a_parts_own_pages_lead_to_the_conference(client, editor, conference):
    client.force_login(editor)
    venue = f"/admin/efus_conf/venue/{conference.venue.pk}/"
    assert (
        client.get(f"{venue}change/").url == f"/admin/efus_conf/conference/{conference.pk}/change/"
    )
    assert (
        client.get(f"{venue}history/").url
        == f"/admin/efus_conf/conference/{conference.pk}/history/"
    )
    assert "/admin/efus_conf/venue/" not in client.get("/admin/").content.decode()


def test_a_parts_delete_page_is_the_conferences(client, superuser, conference):
    client.force_login(superuser)
    response = client.post(f"/admin/efus_conf/venue/{conference.venue.pk}/delete/", {"post": "yes"})
    assert response.url == f"/admin/efus_conf/conference/{conference.pk}/delete/"
    assert Venue.objects.filter(conference=conference).exists()
