import json
from html import unescape
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from efus_conf.demo.factories import SessionFactory
from programme.models import SessionMaterial, documents

pytestmark = pytest.mark.django_db

SCHEMAS = Path(settings.BASE_DIR).parent / "shared" / "schemas"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def recorded(conference):
    """A session with a recording, slides in French and a written summary."""
    session = SessionFactory(
        slug="recorded", recording_url="https://www.youtube.com/watch?v=abc",
        report_en="We agreed on three things.", report_fr="Trois points d'accord.",
    )  # fmt: skip
    material = SessionMaterial(session=session, title_en="The slides", language="fr")
    material.file.save("slides.pdf", ContentFile(PDF))
    return session


def material(name, content):
    item = SessionMaterial(session=SessionFactory(), title_en="Doc")
    item.file = SimpleUploadedFile(name, content, "application/pdf")
    return item


def test_a_pdf_document_is_accepted(conference):
    material("report.pdf", PDF).full_clean()


def test_a_file_named_pdf_that_is_not_one_is_refused(conference):
    with pytest.raises(ValidationError) as error:
        material("report.pdf", b"<html><script>alert(1)</script>").full_clean()
    assert error.value.error_dict["file"][0].code == "not_pdf"


def test_a_document_over_the_size_limit_is_refused(conference, monkeypatch):
    monkeypatch.setattr(documents, "MAX_MATERIAL_BYTES", 10)
    with pytest.raises(ValidationError) as error:
        material("report.pdf", PDF).full_clean()
    assert error.value.error_dict["file"][0].code == "file_too_large"


def test_documents_are_served_as_downloads_that_browsers_never_sniff(client, recorded):
    url = recorded.materials.get().file.url
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_session_page_links_recording_documents_and_summary_in_its_language(
    client, recorded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        html = unescape(client.get("/fr/programme/recorded/").content.decode())
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "Voir l'enregistrement sur YouTube" in html
    assert "<iframe" not in html
    assert f'href="{recorded.materials.get().file.url}" download>The slides</a>' in html
    assert "Présentation · Français · PDF" in html
    assert "Trois points d'accord." in html


def test_the_platform_is_named_or_its_host_given(conference):
    assert SessionFactory.build(recording_url="https://vimeo.com/1").recording_platform == "Vimeo"
    other = SessionFactory.build(recording_url="https://video.example.org/w/1")
    assert other.recording_platform == "video.example.org"


def test_cards_show_that_a_session_has_materials_in_constant_queries(
    client, recorded, django_assert_max_num_queries
):
    SessionFactory(title_en="Nothing yet")
    for _ in range(5):
        SessionFactory(recording_url="https://vimeo.com/2")
    with django_assert_max_num_queries(12):
        html = client.get("/en/programme/").content.decode()
    assert html.count("Recording and documents available") == 6


@pytest.mark.parametrize("export", ["schedule.json", "schedule.xml"])
def test_schedule_exports_read_sessions_and_documents_in_constant_queries(
    client, recorded, export, django_assert_max_num_queries
):
    """The content version, the conference, the sessions, their people, their documents and
    the tracks, however many sessions have documents."""
    for _ in range(3):
        material("report.pdf", PDF).save()
    with django_assert_max_num_queries(6):
        assert client.get(f"/en/programme/{export}").status_code == 200


def test_schedule_exports_carry_the_recording_and_documents_and_validate(client, recorded):
    data = client.get("/en/programme/schedule.json").json()
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text())
    jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    (event,) = data["schedule"]["conference"]["days"][0]["rooms"].popitem()[1]
    assert event["links"] == [
        {"type": "media", "url": "https://www.youtube.com/watch?v=abc", "title": "YouTube"}
    ]
    file_url = "http://testserver" + recorded.materials.get().file.url
    assert event["attachments"] == [{"type": "slides", "url": file_url, "title": "The slides"}]
    xml = client.get("/en/programme/schedule.xml").content.decode()
    xmlschema.XMLSchema(str(SCHEMAS / "schedule.xml.xsd")).validate(xml)
    assert '<link href="https://www.youtube.com/watch?v=abc" type="media">YouTube</link>' in xml
    assert f'<attachment href="{file_url}" type="slides">The slides</attachment>' in xml
