"""Generated bad files for every import: schedules (JSON and XML), translation files (PO)
and spreadsheets. Nothing may raise anything but the import's own clear refusal, XML
entities are always refused, and nothing is stored by a preview or a refused file.

Examples are derandomised; HYPOTHESIS_PROFILE=fuzz-long searches longer (see test_fuzz.py).
"""

import json
import os

import polib
import pytest
import tablib
from django.core.files.base import ContentFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from efus_conf.demo.factories import SessionFactory
from efus_conf.translations import handoff
from programme.frab import ScheduleError, read_schedule
from programme.models import Room, Session
from programme.resources import SessionResource
from programme.schedule_import import import_schedule
from speakers.models import Speaker

settings.register_profile(
    "imports",
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "imports-long", parent=settings.get_profile("imports"), max_examples=500, derandomize=False
)
PROFILE = settings.get_profile(
    "imports-long" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz-long" else "imports"
)

pytestmark = pytest.mark.django_db

ENCODINGS = ["utf-8", "utf-16", "utf-32", "latin-1", "cp1252"]
values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["2024-03-20T10:00:00+01:00", "01:30", "2024-02-30T25:00", "99:99", "-1"]),
)
json_values = st.recursive(
    values,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


def event(**fields):
    return {
        "guid": "6b0d8f3e-3b5e-4a8f-9b0a-2f9d6c1e0a11",
        "id": 7,
        "date": "2024-03-20T10:00:00+01:00",
        "duration": "01:00",
        "room": "Hall",
        "title": "Talk",
        "persons": [{"guid": "0d4c3b7a-1f2e-4d5c-8b9a-0e1f2a3b4c5d", "name": "Ana"}],
    } | fields


def schedule_document(events):
    return json.dumps(
        {"schedule": {"conference": {"tracks": [], "days": [{"rooms": {"Hall": events}}]}}}
    ).encode()


def nothing_stored():
    return not (Session.objects.exists() or Speaker.objects.exists() or Room.objects.exists())


def read_or_refuse(data):
    """The Schedule in `data`, or None when the file is refused with a message."""
    try:
        return read_schedule(ContentFile(data))
    except ScheduleError as error:
        assert str(error)
        return None


@PROFILE
@given(data=st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_with_a_message(conference, data):
    read_or_refuse(data)


@PROFILE
@given(document=json_values)
def test_any_json_is_read_or_refused_with_a_message(conference, document):
    read_or_refuse(json.dumps(document).encode())


@PROFILE
@given(
    field=st.sampled_from(["guid", "id", "date", "duration", "room", "title", "persons", "type",
                           "language", "slug", "track", "abstract", "description"]),
    value=json_values,
)  # fmt: skip
def test_a_broken_event_is_refused_or_previewed_and_nothing_is_stored(conference, field, value):
    schedule = read_or_refuse(schedule_document([event(**{field: value})]))
    if schedule is not None:
        import_schedule(schedule, language="en", publish=True, commit=False, host="testserver")
    assert nothing_stored()


@PROFILE
@given(text=st.text(max_size=40), encoding=st.sampled_from(ENCODINGS))
def test_a_schedule_in_another_encoding_is_refused_or_read_as_it_says(conference, text, encoding):
    data = schedule_document([event(title=text or "x")]).decode()
    try:
        encoded = data.encode(encoding)
    except UnicodeEncodeError:
        return
    read_or_refuse(encoded)


ENTITY_DECLARATIONS = [
    '<!DOCTYPE s [<!ENTITY a "{payload}">]>',
    '<!DOCTYPE s [<!ENTITY a SYSTEM "file:///etc/{payload}">]>',
    '<!DOCTYPE s [<!ENTITY % a SYSTEM "http://127.0.0.1/{payload}"> %a;]>',
    '<!DOCTYPE s SYSTEM "http://127.0.0.1/{payload}.dtd">',
]


@PROFILE
@given(declaration=st.sampled_from(ENTITY_DECLARATIONS), payload=st.text("abc&;%", max_size=20))
def test_xml_entities_and_dtds_are_always_refused(conference, declaration, payload):
    document = (
        '<?xml version="1.0"?>' + declaration.format(payload=payload)
        + "<schedule><version>&a;</version></schedule>"
    )  # fmt: skip
    with pytest.raises(ScheduleError, match="entities or a DTD|not valid XML"):
        read_schedule(ContentFile(document.encode()))


@PROFILE
@given(title=st.text(max_size=30), room=st.text(max_size=30), tag=st.sampled_from(["day", "x"]))
def test_generated_xml_is_read_or_refused(conference, title, room, tag):
    from xml.sax.saxutils import escape, quoteattr

    document = (
        f"<schedule><{tag} index='1'><room name={quoteattr(room)}>"
        f"<event guid='6b0d8f3e-3b5e-4a8f-9b0a-2f9d6c1e0a11' id='1'><date>2024-03-20T10:00:00+01:00"
        f"</date><duration>01:00</duration><room>{escape(room)}</room><title>{escape(title)}"
        f"</title></event></room></{tag}></schedule>"
    )
    schedule = read_or_refuse(document.encode("utf-8", "surrogatepass"))
    if schedule is not None:
        import_schedule(schedule, language="fr", publish=False, commit=False, host="testserver")
    assert nothing_stored()


@pytest.fixture
def session(db):
    return SessionFactory(title_en="Drugs and cities", summary_en="Cities act.")


@PROFILE
@given(data=st.binary(max_size=300) | st.binary(max_size=300).map(lambda b: b"<" + b))
def test_any_bytes_as_a_translation_file_are_read_or_refused(session, data):
    try:
        handoff.read_translations(data, "nl")
    except handoff.TranslationFileError as error:
        assert str(error)


@PROFILE
@given(
    context=st.one_of(st.text(max_size=40), st.just("programme.session.{pk}.title"),
                      st.just("programme.session.{pk}.slug"), st.just("auth.user.1.password")),
    source=st.sampled_from(["Drugs and cities", "Other"]),
    translation=st.text(max_size=40),
    encoding=st.sampled_from(ENCODINGS),
)  # fmt: skip
def test_a_translated_file_changes_only_the_target_language(
    session, context, source, translation, encoding
):
    catalogue = polib.POFile()
    catalogue.metadata = {"Language": "nl"}
    catalogue.append(
        polib.POEntry(msgctxt=context.replace("{pk}", str(session.pk)), msgid=source,
                      msgstr=translation)
    )  # fmt: skip
    try:
        data = str(catalogue).encode(encoding)
        translations = handoff.read_po(data, "nl")
    except (UnicodeEncodeError, handoff.TranslationFileError):
        return
    handoff.apply(translations, "nl")
    fresh = Session.objects.get(pk=session.pk)
    assert (fresh.title_en, fresh.title_fr, fresh.slug) == ("Drugs and cities", None, session.slug)


@PROFILE
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {"slug": st.text(max_size=12), "title_en": st.text(max_size=12),
             "start": st.text(max_size=20), "end": st.text(max_size=20),
             "room": st.text(max_size=8), "speakers": st.text(max_size=12),
             "interpretation": st.text(max_size=8), "published": st.text(max_size=3)}
        ), max_size=4,
    )
)  # fmt: skip
def test_a_broken_spreadsheet_previews_without_storing_anything(conference, rows):
    dataset = tablib.Dataset(headers=list(rows[0]) if rows else ["slug"])
    for row in rows:
        dataset.append(list(row.values()))
    SessionResource().import_data(dataset, dry_run=True)
    assert not Session.objects.exists()
