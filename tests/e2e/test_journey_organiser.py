"""An organiser adds a speaker in the admin, schedules them, and sees both on the public site."""

import io
import json

import polib
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


@pytest.fixture(scope="module")
def organiser(site):
    # Not pytest-django's `django_user_model`: see the `site` fixture.
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("organiser", "o@example.org", PASSWORD)


def fill_translated(page, field, values):
    """Fill a modeltranslation field in each language tab."""
    for language, value in values.items():
        page.locator(f"a[href='#tab_id_{field}_{language}']").click()
        page.locator(f"#id_{field}_{language}").fill(value)


def sign_in(page, site):
    page.goto(f"{site}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("organiser")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{site}/admin/")


def test_organiser_adds_a_speaker_with_photo_and_translations_then_schedules_them(
    site, page, organiser
):
    from programme.models import Session
    from speakers.models import Speaker

    sign_in(page, site)

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
    # New speakers are drafts until an organiser publishes them.
    page.locator("#id_published").check()
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


IMPORTED_GUID = "5f0c2f0e-8d4b-4c1e-9a57-3f1d2b6e7a90"
IMPORTED_TITLE = "Night-time economy lab"
DUTCH_TITLE = "Lab nachteconomie"


def schedule_json():
    """A schedule.json as pretalx would write it, with one session new to the site."""
    event = {
        "guid": IMPORTED_GUID, "id": 9001, "date": "2024-03-21T16:00:00+01:00",
        "start": "16:00", "duration": "01:00", "room": "Night lab", "slug": "x-9001-night-lab",
        "title": IMPORTED_TITLE, "subtitle": "", "track": "", "type": "Panel",
        "language": "en", "abstract": "Cities after dark.", "description": "",
        "persons": [{"guid": "a7d1f0a4-0f1e-4f7a-8f55-0d2c3b4a5e6f", "name": "Noor Jansen"}],
        "links": [],
    }  # fmt: skip
    conference = {"tracks": [], "days": [{"index": 2, "date": "2024-03-21",
                                          "rooms": {"Night lab": [event]}}]}  # fmt: skip
    return json.dumps({"schedule": {"version": "1", "conference": conference}}).encode()


def test_organiser_imports_previews_translates_and_restores(site, page, organiser, screenshots):
    from programme.models import Session

    sign_in(page, site)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Import with a preview: nothing is saved until confirmed.
    page.goto(f"{site}/admin/programme/session/")
    page.get_by_role("link", name="Import a schedule file").click()
    page.get_by_label("Schedule file").set_input_files(
        files=[{"name": "schedule.json", "mimeType": "application/json",
                "buffer": schedule_json()}]
    )  # fmt: skip
    page.get_by_role("button", name="Preview the import").click()
    preview = page.locator("#import-preview")
    expect(preview.locator("tr", has_text=IMPORTED_TITLE)).to_contain_text("will be created")
    expect(preview.locator("tr", has_text="Noor Jansen")).to_contain_text("will be created")
    page.screenshot(path=screenshots / "admin-import-preview-1280.png", full_page=True)
    assert not Session.objects.filter(guid=IMPORTED_GUID).exists()
    page.get_by_role("button", name="Confirm the import").click()
    expect(page.locator(".messagelist .success")).to_contain_text("3 created")
    session = Session.objects.get(guid=IMPORTED_GUID)
    assert not session.published
    page.screenshot(path=screenshots / "admin-session-list-1280.png", full_page=True)

    # The draft, previewed in Dutch as visitors will see it once published.
    assert page.goto(f"{site}/nl/programme/{session.slug}/").status == 404
    page.goto(f"{site}/admin/programme/session/{session.pk}/change/")
    with page.context.expect_page() as new_tab:
        page.get_by_role("link", name="Nederlands").click()
    draft = new_tab.value
    expect(draft.get_by_role("heading", level=1)).to_have_text(IMPORTED_TITLE)
    expect(draft.locator("html")).to_have_attribute("lang", "nl")
    draft.close()

    # The Dutch texts go to a translator as a PO file and come back.
    page.goto(f"{site}/admin/translations/?language=nl")
    expect(page.locator("a", has_text=IMPORTED_TITLE).first).to_be_visible()
    page.screenshot(path=screenshots / "admin-translations-1280.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the missing texts (PO)").click()
    catalogue = polib.pofile(download.value.path().read_text(encoding="utf-8"))
    entry = catalogue.find(f"programme.session.{session.pk}.title", by="msgctxt")
    assert entry.msgid == IMPORTED_TITLE
    entry.msgstr = DUTCH_TITLE
    page.get_by_label("Translated file").set_input_files(
        files=[{"name": "nl.po", "mimeType": "text/plain", "buffer": str(catalogue).encode()}]
    )
    page.get_by_role("button", name="Preview the import").click()
    expect(page.locator("#import-preview")).to_contain_text(DUTCH_TITLE)
    page.get_by_role("button", name="Confirm the import").click()
    expect(page.locator(".messagelist .success")).to_contain_text("1 text translated")
    session.refresh_from_db()
    assert session.title_nl == DUTCH_TITLE

    # A wrong change, undone from the history.
    page.goto(f"{site}/admin/programme/session/{session.pk}/change/")
    page.locator("#id_title_en").fill("Wrong title")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.goto(f"{site}/admin/programme/session/{session.pk}/history/")
    expect(page.locator("#change-history")).to_contain_text("Wrong title")
    page.screenshot(path=screenshots / "admin-history-1280.png", full_page=True)
    page.locator("#change-history tbody tr").nth(1).get_by_role("link", name=IMPORTED_TITLE).click()
    page.get_by_role("button", name="Revert").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    session.refresh_from_db()
    assert (session.title_en, session.title_nl) == (IMPORTED_TITLE, DUTCH_TITLE)
