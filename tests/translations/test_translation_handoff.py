"""Translation status per language, and the hand-off to a translator as a PO file."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from efus_conf.core import uploads
from efus_conf.demo.factories import RoomFactory, SessionFactory, SpeakerFactory
from efus_conf.translations import handoff
from programme.models import Session

pytestmark = pytest.mark.django_db

PAGE = "/admin/translations/"


@pytest.fixture
def session():
    return SessionFactory(
        title_en="Drugs and cities",
        title_fr="Drogues et villes",
        summary_en="Cities act.",
        room=RoomFactory(name_en="Hall", name_fr="Salle", name_nl="Zaal"),
    )


def title_entry(catalogue, session):
    # The room's conference has texts of its own to translate: entries are found by key.
    return catalogue.find(f"programme.session.{session.pk}.title", by="msgctxt")


def columns(session):
    fresh = Session.objects.get(pk=session.pk)
    return {field.attname: getattr(fresh, field.attname) for field in Session._meta.fields}


def po(client, language, kind="missing"):
    response = client.get(PAGE, {"language": language, "download": kind})
    assert response["Content-Disposition"].endswith(f'content-{language}-{kind}.po"')
    return polib.pofile(response.content.decode())


def upload(client, catalogue, language):
    data = str(catalogue).encode()
    file = SimpleUploadedFile("nl.po", data, content_type="text/x-gettext-translation")
    return client.post(f"{PAGE}?language={language}", {"translation": file})


def confirm(client, page, language):
    form = page.context["confirm_form"]
    return client.post(f"{PAGE}?language={language}", {"stored": form["stored"].value()})


def test_status_counts_and_links_what_lacks_its_dutch_text(client, editor, session):
    client.force_login(editor)
    page = client.get(PAGE, {"language": "nl"})
    status = dict(page.context["status"])
    assert [(t.obj, t.field) for t in status["sessions"]] == [
        (session, "title"),
        (session, "summary"),
    ]
    assert status["rooms"] == []
    assert f"/admin/programme/session/{session.pk}/change/" in page.content.decode()


def test_the_venues_texts_are_listed_and_link_to_the_conference_page(client, editor, conference):
    conference.venue.quiet_room_en = "A quiet room on the first floor."
    conference.venue.save()
    client.force_login(editor)
    page = client.get(PAGE, {"language": "nl"})
    texts = dict(page.context["status"])["venues"]
    assert [t.field for t in texts] == ["name", "quiet_room"]
    assert (
        client.get(texts[0].admin_url).url == f"/admin/efus_conf/conference/{conference.pk}/change/"
    )


def test_a_translated_homepage_text_comes_back_into_its_part(client, editor, conference):
    client.force_login(editor)
    catalogue = po(client, "nl")
    entry = catalogue.find(f"efus_conf.homepagecopy.{conference.homepage.pk}.intro", by="msgctxt")
    entry.msgstr = "Inleiding."
    page = upload(client, catalogue, "nl")
    confirm(client, page, "nl")
    conference.homepage.refresh_from_db()
    assert conference.homepage.intro_nl == "Inleiding."


def test_status_derives_languages_from_the_settings(client, editor, settings, session):
    client.force_login(editor)
    assert [code for code, _name, _count in client.get(PAGE).context["languages"]] == ["fr", "nl"]
    settings.LANGUAGES = [("en", "English"), ("nl", "Dutch")]
    assert [code for code, _name, _count in client.get(PAGE).context["languages"]] == ["nl"]


def test_po_export_has_one_entry_per_missing_field_with_source_and_note(client, editor, session):
    client.force_login(editor)
    catalogue = po(client, "nl")
    entry = title_entry(catalogue, session)
    assert entry.msgid == "Drugs and cities" and entry.msgstr == ""
    assert entry.comment == f"session “Drugs and cities”, title: /en/programme/{session.slug}/"
    assert catalogue.metadata["Language"] == "nl"
    assert len([entry for entry in catalogue if entry.msgctxt.startswith("programme.")]) == 2


def test_export_of_all_texts_includes_those_already_translated(client, editor, session):
    client.force_login(editor)
    catalogue = po(client, "fr", "all")
    entry = catalogue.find(f"programme.session.{session.pk}.title", by="msgctxt")
    assert entry.msgstr == "Drogues et villes"
    assert catalogue.find("Hall").msgstr == "Salle"


def test_translated_file_is_previewed_then_saved_and_nothing_else_changes(client, editor, session):
    client.force_login(editor)
    catalogue = po(client, "nl")
    title_entry(catalogue, session).msgstr = "Drugs en steden"
    before = columns(session)
    page = upload(client, catalogue, "nl")
    assert "Drugs en steden" in page.content.decode()
    assert Session.objects.get().title_nl is None
    assert confirm(client, page, "nl").status_code == 302
    after = columns(session)
    changed = {key for key in after if after[key] != before[key]}
    # The calendar revision goes up with any change of title, as with an edit in the admin.
    assert changed == {"title_nl", "sequence"}
    assert after["title_nl"] == "Drugs en steden"
    assert Session.history.latest().history_user == editor


@pytest.mark.parametrize(
    ("data", "message"), [(b"<html/>", "not an XLIFF 2"), (b"x" * (6 * 1024 * 1024), "up to 5.0")]
)
def test_the_page_shows_why_a_file_is_refused(client, editor, session, data, message):
    client.force_login(editor)
    file = SimpleUploadedFile("nl.po", data)
    page = client.post(f"{PAGE}?language=nl", {"translation": file})
    assert message in page.content.decode()
    assert "confirm_form" not in page.context


def test_a_confirmation_whose_file_is_gone_asks_for_it_again(client, editor, session):
    client.force_login(editor)
    catalogue = po(client, "nl")
    title_entry(catalogue, session).msgstr = "Drugs en steden"
    page = upload(client, catalogue, "nl")
    uploads.forget(page.context["confirm_form"]["stored"].value())
    response = confirm(client, page, "nl")
    assert response["Location"] == f"{PAGE}?language=nl"
    message = "The file to import is gone; please upload it again."
    assert [str(m) for m in client.get(response["Location"]).context["messages"]] == [message]
    assert Session.objects.get().title_nl is None


def test_a_confirmation_naming_anything_but_a_kept_file_is_refused(client, editor, session):
    client.force_login(editor)
    response = client.post(f"{PAGE}?language=nl", {"stored": "../settings.py"})
    assert response.status_code == 403


def test_an_entry_whose_source_changed_since_the_export_is_refused(client, editor, session):
    client.force_login(editor)
    catalogue = po(client, "nl")
    title_entry(catalogue, session).msgstr = "Drugs en steden"
    Session.objects.filter(pk=session.pk).update(title_en="Drugs, cities and people")
    translations = handoff.read_po(str(catalogue).encode(), "nl")
    [title] = [t for t in translations if t.key == f"programme.session.{session.pk}.title"]
    assert title.refused == "The source text has changed since the file was made."
    assert handoff.apply(translations, "nl") == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('msgid "a"\nmsgstr "é"\n'.encode("latin-1"), "not UTF-8"),
        (b'msgid "a"\nmsgstr ', "This is not a PO file"),
        (b'msgid ""\nmsgstr "Language: fr\\n"\n', "not “nl”"),
    ],
)
def test_a_bad_file_is_refused_with_a_message(data, message):
    with pytest.raises(handoff.TranslationFileError, match=message):
        handoff.read_po(data, "nl")


def test_entries_naming_nothing_on_the_site_are_refused(session):
    catalogue = polib.POFile()
    for key in ["programme.session.999.title", "speakers.speaker.1.name", "x", "auth.user.1.x"]:
        catalogue.append(polib.POEntry(msgctxt=key, msgid="a", msgstr="b"))
    translations = handoff.read_po(str(catalogue).encode(), "nl")
    assert [t.refused for t in translations] == ["No such text on the site."] * 4


def test_a_text_without_its_source_is_not_listed(client, editor):
    SpeakerFactory(role_nl="", organisation_en="")
    client.force_login(editor)
    assert [
        t.field for t in dict(client.get(PAGE, {"language": "nl"}).context["status"])["speakers"]
    ] == ["role"]


def test_communications_cannot_see_or_use_the_translation_page(client, communications):
    client.force_login(communications)
    assert client.get(PAGE).status_code == 403
    assert client.get(PAGE, {"language": "nl", "download": "all"}).status_code == 403
    assert "/admin/translations/" not in client.get("/admin/").content.decode()


def test_editor_finds_the_translation_page_on_the_admin_index(client, editor):
    client.force_login(editor)
    assert "/admin/translations/" in client.get("/admin/").content.decode()


def test_status_page_queries_do_not_grow_with_the_content(
    client, editor, session, django_assert_max_num_queries
):
    SessionFactory.create_batch(20, title_en="More")
    SpeakerFactory.create_batch(20)
    client.force_login(editor)
    # Per translated model: one query for the page's language and one per language count.
    with django_assert_max_num_queries(32):
        assert client.get(PAGE, {"language": "nl"}).status_code == 200


XLIFF_NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}


def xliff(client, language, kind="missing"):
    from defusedxml.ElementTree import fromstring

    response = client.get(PAGE, {"language": language, "download": kind, "format": "xliff"})
    assert response["Content-Disposition"].endswith(f'content-{language}-{kind}.xlf"')
    return fromstring(response.content)


def test_xliff_export_has_a_unit_per_missing_field_with_source_and_note(client, editor, session):
    client.force_login(editor)
    root = xliff(client, "nl")
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en", "nl")
    unit = root.find(f".//x:unit[@id='programme.session.{session.pk}.title']", XLIFF_NS)
    assert unit.findtext("x:segment/x:source", namespaces=XLIFF_NS) == "Drugs and cities"
    assert unit.findtext("x:notes/x:note", namespaces=XLIFF_NS).startswith("session “Drugs")
    units = root.findall(".//x:unit", XLIFF_NS)
    assert len([unit for unit in units if unit.get("id").startswith("programme.")]) == 2


def test_translated_xliff_comes_back_through_the_preview(client, editor, session):
    import xml.etree.ElementTree as ET

    client.force_login(editor)
    root = xliff(client, "nl")
    unit = root.find(f".//x:unit[@id='programme.session.{session.pk}.title']", XLIFF_NS)
    target = ET.SubElement(unit.find("x:segment", XLIFF_NS), f"{{{XLIFF_NS['x']}}}target")
    target.text = "Drugs en steden"
    file = SimpleUploadedFile("nl.xlf", ET.tostring(root, encoding="utf-8"))
    page = client.post(f"{PAGE}?language=nl", {"translation": file})
    assert "Drugs en steden" in page.content.decode()
    confirm(client, page, "nl")
    assert Session.objects.get().title_nl == "Drugs en steden"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<!DOCTYPE x [<!ENTITY a "b">]><xliff/>', "entities or a DTD"),
        (b"<xliff", "not valid XML"),
        (b"<html/>", "not an XLIFF 2 document"),
        (
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
            b'srcLang="en" trgLang="fr"/>',
            "not “nl”",
        ),
    ],
)
def test_a_bad_xliff_file_is_refused_with_a_message(data, message):
    with pytest.raises(handoff.TranslationFileError, match=message):
        handoff.read_translations(data, "nl")
