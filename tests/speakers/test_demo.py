import io

import pytest
from django.core.management import call_command
from PIL import Image

from efus_conf.demo import speakers as speakers_demo
from speakers.models import Speaker

pytestmark = pytest.mark.django_db

REAL_ROLES = {
    "willy-demeyer": "Mayor of Liège & President of Efus",
    "sophie-lavaux": "Governor of the Brussels Conurbation, and director general of safe.brussels",
    "fabrice-cumps": "Mayor of Anderlecht",
    "jan-olbrycht": "Member of the European Parliament, president of its URBAN intergroup",
    "alba-alfageme": "Catalan Government, Department of the Interior",
    "elizabeth-johnston": "Executive Director of Efus",
    "ahmed-aboutaleb": "Mayor of Rotterdam, Vice-President of Efus",
    "ine-van-wymersch": "Belgian National Drug Commissioner",
    "alexis-goosdeel": "Director of the EMCDDA (EU drugs agency)",
}


def test_the_real_people_have_exactly_their_public_roles_and_no_biography(demo):
    for slug, role in REAL_ROLES.items():
        speaker = Speaker.objects.get(slug=slug)
        assert speaker.role_en == role
        assert speaker.role_fr and speaker.role_nl
        assert not (speaker.bio_en or speaker.bio_fr or speaker.bio_nl)


def test_the_seed_speakers_come_first_on_the_homepage_with_their_quotes(demo):
    featured = list(Speaker.objects.featured())
    assert [speaker.slug for speaker in featured[:2]] == ["willy-demeyer", "sophie-lavaux"]
    for speaker in featured[:2]:
        assert speaker.quote_en and speaker.quote_fr and speaker.quote_nl
    # Nobody else is given words they did not say.
    assert all(
        not speaker.quote_en
        for speaker in Speaker.objects.exclude(pk__in=[s.pk for s in featured[:2]])
    )


def test_there_are_at_least_twenty_two_fictional_speakers_from_several_countries(demo):
    fictional = Speaker.objects.exclude(slug__in=REAL_ROLES)
    assert fictional.count() >= 22
    assert fictional.values("country").distinct().count() >= 10
    assert all(speaker.bio_en and speaker.bio_fr and speaker.bio_nl for speaker in fictional)


def test_every_demo_speaker_has_a_processed_photo(demo):
    for speaker in Speaker.objects.all():
        assert speaker.photo
        assert speaker.picture is not None, speaker.slug


def test_loading_the_demo_again_keeps_the_photos(demo):
    before = dict(Speaker.objects.values_list("slug", "photo"))
    call_command("loaddemo", stdout=io.StringIO())
    assert dict(Speaker.objects.values_list("slug", "photo")) == before


def test_the_generated_portrait_is_a_real_image():
    image = Image.open(io.BytesIO(speakers_demo.portrait("someone")))
    assert image.format == "JPEG"
    assert image.size == (640, 800)
