import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from PIL import Image

from efus_conf.conference.forms import VenueAdminForm
from efus_conf.demo.factories import ConferenceFactory, RoomFactory, SessionFactory, brussels
from programme.models import Session
from tests.support import images

pytestmark = pytest.mark.django_db


@pytest.fixture
def venue(conference):
    venue = conference.venue
    venue.address = "Rue de la Loi 1, 1000 Brussels"
    venue.latitude = Decimal("50.8462")
    venue.longitude = Decimal("4.3655")
    venue.public_transport_en = "Metro 1 and 5: Schuman."
    venue.public_transport_fr = "Métro 1 et 5 : Schuman."
    venue.step_free_access_en = "Ramp at the main entrance."
    venue.quiet_room_fr = "Salle calme au premier étage."
    venue.save()
    return venue


def test_getting_there_shows_venue_access_and_rooms_in_the_visitors_language(
    client, venue, django_assert_max_num_queries
):
    RoomFactory(name_en="Room Europa", name_fr="Salle Europa", location_fr="Premier étage",
                directions_fr="À gauche en sortant des ascenseurs.")  # fmt: skip
    RoomFactory(name_en="Horta")
    # The content version, the conference, the header and footer lists, the rooms: however
    # many rooms there are.
    with django_assert_max_num_queries(6):
        html = client.get("/fr/getting-there/").content.decode()
    for text in [
        "Rue de la Loi 1, 1000 Brussels",
        "Métro 1 et 5 : Schuman.",
        "Accès de plain-pied",
        "Ramp at the main entrance.",  # English is the fallback of an empty French field.
        "Salle calme au premier étage.",
        "Salle Europa",
        "Premier étage",
        "À gauche en sortant des ascenseurs.",
        "Horta",
    ]:
        assert text in html


# The coordinates come back through each engine's own decimal conversion (SQLite has no
# decimal type), and the link writes all their digits.
@pytest.mark.database
def test_the_openstreetmap_link_is_a_plain_link_and_nothing_is_embedded(client, venue):
    html = client.get("/en/getting-there/").content.decode()
    assert 'href="https://www.openstreetmap.org/?mlat=50.846200&amp;mlon=4.365500' in html
    assert "<iframe" not in html


def test_without_coordinates_there_is_no_map_link(client, conference):
    assert "openstreetmap" not in client.get("/en/getting-there/").content.decode()


@pytest.mark.database
def test_a_latitude_without_a_longitude_is_refused_by_the_database(conference):
    conference.venue.latitude = Decimal("50.8")
    with pytest.raises(IntegrityError):
        conference.venue.save()


def test_the_venue_map_is_stored_cleaned_and_shown_with_its_size(client, conference):
    upload = images.jpeg((1200, 800), gps=True, name="plan.jpg")
    form = VenueAdminForm(data={}, files={"map": upload}, instance=conference.venue)
    assert form.is_valid(), form.errors
    form.save()
    conference.venue.refresh_from_db()
    venue_map = conference.venue.map
    assert venue_map.name.startswith("venue/venue-map-")
    with venue_map.open("rb") as file, Image.open(file) as stored:
        assert not stored.getexif()
    html = client.get("/en/getting-there/").content.decode()
    assert f'src="{venue_map.url}"' in html
    assert 'width="1200" height="800"' in html


def test_a_venue_map_that_is_not_an_image_is_refused(conference):
    upload = SimpleUploadedFile("plan.png", b"%PDF-1.4 not an image", "image/png")
    form = VenueAdminForm(data={}, files={"map": upload}, instance=conference.venue)
    assert not form.is_valid()
    assert form.errors["map"]


def test_a_venue_map_too_small_to_read_is_refused(conference):
    form = VenueAdminForm(data={}, files={"map": images.png((200, 120))}, instance=conference.venue)
    assert not form.is_valid()
    assert "at least 300" in form.errors["map"][0]


def test_a_session_page_links_to_its_rooms_directions(client, conference):
    session = SessionFactory(room=RoomFactory(name_en="Horta"))
    html = client.get(session.get_absolute_url()).content.decode()
    assert f'href="/en/getting-there/#room-{session.room.pk}"' in html
    assert "Directions to Horta" in html


def test_a_field_visit_shows_its_meeting_point_and_time_on_card_and_page(client, conference):
    SessionFactory(
        slug="visit", format=Session.Format.FIELD_VISIT, start=brussels(21, 13, 30),
        meeting_point_en="At the flags outside", meeting_time=datetime.time(13, 15),
    )  # fmt: skip
    for path in ["/en/programme/", "/en/programme/visit/"]:
        html = client.get(path).content.decode()
        assert "Meeting point" in html
        assert (
            '<time datetime="2024-03-21T13:15:00+01:00">13:15</time>, At the flags outside' in html
        )


def test_a_meeting_time_after_the_start_is_refused(conference):
    session = SessionFactory(start=brussels(21, 13, 30), meeting_time=datetime.time(14, 0))
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "meeting_time" in error.value.message_dict


def test_the_demo_has_a_venue_map_access_facts_and_room_directions(client, demo):
    for language, text in [("en", "Quiet room"), ("fr", "Salle calme"), ("nl", "Stille ruimte")]:
        html = client.get(f"/{language}/getting-there/").content.decode()
        assert text in html
        assert 'src="/media/venue/' in html


def test_getting_there_lists_the_rooms_of_the_current_conferences_venue_only(client, conference):
    earlier = ConferenceFactory(
        start_date=datetime.date(2021, 3, 1), end_date=datetime.date(2021, 3, 3)
    )
    RoomFactory(name_en="Room Europa")
    RoomFactory(name_en="Hall of 2021", venue=earlier.venue)
    html = client.get("/en/getting-there/").content.decode()
    assert "Room Europa" in html
    assert "Hall of 2021" not in html
