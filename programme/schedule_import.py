"""Bring a frab/c3voc schedule (read by programme/frab.py) into the programme: rooms,
tracks, sessions and their people.

Sessions and people are matched by the schedule's guid, rooms and tracks by name (tracks by
slug when the file gives one), so importing a newer version of the same schedule updates what
it imported before instead of duplicating it. Texts go into the language the organiser names.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.template.defaultfilters import linebreaks_filter
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from modeltranslation.utils import build_localized_fieldname

from efus_conf.conference.models import Conference
from programme.exports import plain_text, session_guid, speaker_guid
from programme.models import RESERVED_SLUGS, Language, Room, Session, SessionSpeaker, Track
from speakers.models import Speaker

# A frab slug is "<acronym>-<event id>-<words>"; the words are the session's own slug.
FRAB_SLUG = re.compile(r"^[^-]+-\d+-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")


@dataclass
class Change:
    """One line of the preview: what happens to one object, and why."""

    kind: str
    name: str
    action: str  # "create", "update", "unchanged" or "refused"
    details: str = ""


def import_schedule(schedule, *, language, publish, commit, host):
    """Apply `schedule`; returns the list of Changes. Without `commit`, nothing is kept: the
    same work runs in a transaction that is rolled back, so the preview is what will happen.

    `host` is this site's host name: a guid this site exported (derived from the primary key
    and the host, see exports.py) finds its session or speaker before any guid is stored."""
    importer = Importer(language=language, publish=publish, host=host)
    with transaction.atomic():
        importer.run(schedule)
        if not commit:
            transaction.set_rollback(True)
    return importer.changes


def free_slug(model, text, *, max_length, reserved=frozenset()):
    base = slugify(text).replace("_", "-").strip("-")[: max_length - 4].strip("-") or "item"
    slug, number = base, 2
    while slug in reserved or model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def assign(obj, values):
    """Set `values` on `obj`; the names of the fields whose value changed."""
    changed = [name for name, value in values.items() if getattr(obj, name, None) != value]
    for name in changed:
        setattr(obj, name, values[name])
    return changed


class Importer:
    def __init__(self, *, language, publish, host):
        self.host = host
        self.language = language
        self.publish = publish
        self.changes = []
        # The rooms are the current conference's venue's: a name is looked up there only.
        conference = Conference.objects.current()
        self.venue = conference.venue if conference is not None else None
        self.rooms = {}
        self.tracks = {}
        self.speakers = {}
        self.kept_ids = False

    def local(self, name):
        return build_localized_fieldname(name, self.language)

    def find(self, model, guid, file_id, derived_guid):
        """The object imported with this guid, or the one this site exported with it."""
        found = model.objects.filter(guid=guid).first()
        if found is None and file_id:
            found = model.objects.filter(pk=file_id, guid=None).first()
            if found and derived_guid(found, self.host) != str(guid):
                found = None
        return found

    def named(self, objects, name):
        """The room or track of this name in the import's language, or else in any other."""
        columns = [self.local("name")] + [
            build_localized_fieldname("name", code) for code, _language in settings.LANGUAGES
        ]
        for column in columns:
            if found := objects.filter(**{column: name}).first():
                return found
        return None

    def texts(self, name, value, *, new):
        """`value` in the import's language; a new object gets it in the default language too,
        so that it is never shown without a name."""
        names = {self.local(name)}
        if new:
            names.add(build_localized_fieldname(name, settings.LANGUAGE_CODE))
        return dict.fromkeys(names, value)

    def run(self, schedule):
        for order, (name, slug, colour) in enumerate(schedule.tracks):
            self.track(name, slug=slug, colour=colour, order=order)
        for event in schedule.events:
            self.session(event)
        if self.kept_ids:
            # Rows created with the schedule's ids: PostgreSQL's sequences must move past them.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [Session, Speaker]):
                    cursor.execute(sql)

    def record(self, obj, *, created, changed=(), refused=None):
        if refused is not None:
            action, details = "refused", refused
        elif created:
            action, details = "create", ""
        else:
            action = "update" if changed else "unchanged"
            details = ", ".join(str(obj._meta.get_field(name).verbose_name) for name in changed)
        self.changes.append(Change(obj._meta.verbose_name, str(obj), action, details))

    def save(self, obj, *, created, changed, file_id=None):
        """Validate as the admin form would, then save; False if refused."""
        if created and file_id and not type(obj).objects.filter(pk=file_id).exists():
            obj.pk, self.kept_ids = file_id, True
        try:
            obj.full_clean()
        except ValidationError as error:
            self.record(obj, created=created, refused=" ".join(error.messages))
            return False
        if created or changed:
            obj.save()
        self.record(obj, created=created, changed=changed)
        return True

    def room(self, name):
        """The venue's room of this name, created if the venue has none; None if refused."""
        if name not in self.rooms:
            if self.venue is None:
                room = Room(**self.texts("name", name, new=True))
                self.record(room, created=True, refused=_("The site has no conference yet."))
                self.rooms[name] = None
                return None
            room = self.named(self.venue.rooms, name)
            created = room is None
            if created:
                room = Room(
                    venue=self.venue,
                    order=self.venue.rooms.count(),
                    **self.texts("name", name, new=True),
                )
            self.rooms[name] = room if self.save(room, created=created, changed=[]) else None
        return self.rooms[name]

    def track(self, name, *, slug="", colour="", order=None):
        if not name:
            return None
        if name not in self.tracks:
            track = Track.objects.filter(slug=slug).first() if slug else None
            track = track or self.named(Track.objects, name)
            created = track is None
            if created:
                # In the file's order; one named only by an event goes after them.
                track = Track(
                    slug=slug or free_slug(Track, name, max_length=80),
                    order=Track.objects.count() if order is None else order,
                )
            values = self.texts("name", name, new=created)
            if re.fullmatch(r"#[0-9a-fA-F]{6}", colour or ""):
                values["colour"] = colour.lower()
            changed = assign(track, values)
            self.save(track, created=created, changed=changed)
            self.tracks[name] = track
        return self.tracks[name]

    def speaker(self, person):
        if person.guid not in self.speakers:
            speaker = self.find(Speaker, person.guid, person.id, speaker_guid)
            created = speaker is None
            if created:
                slug = free_slug(Speaker, person.slug or person.name, max_length=200)
                speaker = Speaker(slug=slug)
            values = {"guid": person.guid, "name": person.name}
            if self.publish:
                values["published"] = True
            changed = assign(speaker, values)
            saved = self.save(speaker, created=created, changed=changed, file_id=person.id)
            self.speakers[person.guid] = speaker if saved else None
        return self.speakers[person.guid]

    def format_of(self, label):
        with override(self.language):
            formats = {str(name).lower(): value for value, name in Session.Format.choices}
        formats.update({value: value for value in Session.Format.values})
        return formats.get(label.strip().lower())

    def session(self, event):
        session = self.find(Session, event.guid, event.id, session_guid)
        created = session is None
        if created:
            match = FRAB_SLUG.match(event.slug)
            slug = free_slug(
                Session,
                match["slug"] if match else event.title,
                max_length=100,
                reserved=RESERVED_SLUGS,
            )
            session = Session(slug=slug)
        changed = assign(session, self.session_values(session, event, created=created))
        people = [self.speaker(person) for person in event.persons]
        if not self.save(session, created=created, changed=changed, file_id=event.id):
            return
        people_changed = self.set_people(session, [speaker for speaker in people if speaker])
        if people_changed and not created and not changed:
            self.changes[-1] = Change(
                session._meta.verbose_name, str(session), "update", _("people")
            )

    def session_values(self, session, event, *, created):
        values = {
            "guid": event.guid,
            **self.texts("title", event.title, new=created),
            **self.texts("summary", event.abstract, new=created),
            "start": event.start,
            "end": event.end,
            "room": self.room(event.room),
            "track": self.track(event.track),
        }
        # The file has the description as plain text: kept as it is when it says the same.
        if plain_text(getattr(session, self.local("description")) or "") != event.description:
            html = linebreaks_filter(event.description, autoescape=True)
            values.update(self.texts("description", html, new=created))
        if session_format := self.format_of(event.type):
            values["format"] = session_format
        if event.language in Language.values:
            values["language"] = event.language
        if self.publish:
            values["published"] = True
        return values

    def set_people(self, session, speakers):
        """The session's people are the file's, in its order; roles already set are kept.
        True if anything changed."""
        links = {link.speaker_id: link for link in session.people.all()}
        wanted = list(dict.fromkeys(speaker.pk for speaker in speakers))
        stale = [link.pk for speaker_id, link in links.items() if speaker_id not in wanted]
        SessionSpeaker.objects.filter(pk__in=stale).delete()
        changed = bool(stale)
        for order, speaker_id in enumerate(wanted):
            link = links.get(speaker_id)
            if link is None:
                SessionSpeaker.objects.create(session=session, speaker_id=speaker_id, order=order)
                changed = True
            elif link.order != order:
                link.order = order
                link.save(update_fields=["order"])
                changed = True
        return changed
