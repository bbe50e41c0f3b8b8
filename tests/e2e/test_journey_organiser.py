"""An organiser adds a speaker in the admin, schedules them, and sees both on the public site."""

import io

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PASSWORD = "correct-horse-battery-9"
NAME = "Mira Kovač"
SLUG = "mira-kovac"
SESSION = "closing-plenary"
TEXTS = {
    "en": {"role": "Head of night-time policy", "bio": "Mira runs the night office."},
    "fr": {"role": "Cheffe de la politique de nuit", "bio": "Mira dirige le bureau de nuit."},
    "nl": {"role": "Hoofd nachtbeleid", "bio": "Mira leidt het nachtbureau."},
}
SESSION_ROLE = {"en": "Moderator", "fr": "Modérateur·rice", "nl": "Moderator"}


def portrait_jpeg():
    """A generated 800 px portrait photo: a face-like disc on a coloured background."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 800), (40, 90, 160))
    draw = ImageDraw.Draw(image)
    draw.ellipse((250, 150, 550, 450), fill=(240, 200, 170))
    draw.ellipse((150, 480, 650, 980), fill=(230, 230, 230))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@pytest.fixture
def organiser(site):
    # Not pytest-django's `django_user_model`: see the `site` fixture.
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("organiser", "o@example.org", PASSWORD)


def fill_translated(page, field, values):
    """Fill a modeltranslation field in each language tab."""
    for language, value in values.items():
        page.locator(f"a[href='#tab_id_{field}_{language}']").click()
        page.locator(f"#id_{field}_{language}").fill(value)


def test_organiser_adds_a_speaker_with_photo_and_translations_then_schedules_them(
    site, page, organiser
):
    from programme.models import Session
    from speakers.models import Speaker

    page.goto(f"{site}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("organiser")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{site}/admin/")

    page.goto(f"{site}/admin/speakers/speaker/add/")
    page.locator("#id_name").fill(NAME)
    page.keyboard.press("Tab")
    # The admin's script fills in the address from the name.
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    fill_translated(page, "role", {lang: texts["role"] for lang, texts in TEXTS.items()})
    fill_translated(page, "bio", {lang: texts["bio"] for lang, texts in TEXTS.items()})
    page.locator("#id_photo").set_input_files(
        files=[{"name": "mira.jpg", "mimeType": "image/jpeg", "buffer": portrait_jpeg()}]
    )
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_contain_text(NAME)

    speaker = Speaker.objects.get(slug=SLUG)
    assert speaker.role_fr == TEXTS["fr"]["role"] and speaker.bio_nl == TEXTS["nl"]["bio"]
    assert speaker.share_photo_url.endswith("-640.jpg")

    session = Session.objects.get(slug=SESSION)
    page.goto(f"{site}/admin/programme/session/{session.pk}/change/")
    # The speaker is found by typing part of the name into the admin's autocomplete.
    page.locator("#id_people-0-speaker + .select2").click()
    page.locator(".select2-search__field").fill(NAME.split()[-1])
    page.locator(".select2-results__option", has_text=NAME).click()
    page.locator("select[name='people-0-role']").select_option("moderator")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert [person.speaker.slug for person in session.people.all()] == [SLUG]

    for language, texts in TEXTS.items():
        page.goto(f"{site}/{language}/speakers/{SLUG}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
        expect(page.locator(".speaker-profile__role")).to_have_text(texts["role"])
        expect(page.locator(".speaker-profile__bio")).to_contain_text(texts["bio"])
        photo = page.get_by_role("img", name=NAME).first
        expect(photo).to_be_visible()
        assert photo.evaluate("(image) => image.complete && image.naturalWidth > 0")
        session_title = getattr(session, f"title_{language}")
        expect(page.get_by_role("link", name=session_title)).to_be_visible()

        page.goto(f"{site}/{language}/programme/{SESSION}/")
        person = page.locator(".session__people .person")
        expect(person.get_by_role("link", name=NAME)).to_be_visible()
        expect(person.locator(".person__role")).to_have_text(SESSION_ROLE[language])
        expect(person.locator(".person__job")).to_have_text(texts["role"])
