"""The sessions of the programme, and the questions the programme asks of them."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from efus_conf.conference.models import CONFERENCE_TZ, Conference
from efus_conf.core.html import sanitise_html
from programme.models.changes import SessionChange
from programme.models.documents import SessionMaterial
from programme.models.fields import Language, LanguageListField, choice_label
from programme.models.people import SessionSpeaker
from programme.models.rooms import Room
from programme.models.tracks import Track

# Addresses under /programme/ that a session slug must not take.
RESERVED_SLUGS = {"now", "agenda", "schedule", "changes"}
# Names of the platforms recordings are usually published on, by host.
RECORDING_PLATFORMS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "dailymotion.com": "Dailymotion",
}


def local_day_bounds(day):
    """The aware start and end of a calendar day in Brussels (23 or 25 hours long in DST)."""
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=CONFERENCE_TZ)
    end = datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=CONFERENCE_TZ
    )
    return start, end


class SessionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def for_day(self, day):
        """Sessions starting on this calendar day, Brussels time."""
        start, end = local_day_bounds(day)
        return self.filter(start__gte=start, start__lt=end)

    def overlapping(self, start, end):
        return self.filter(start__lt=end, end__gt=start)

    def in_track(self, track):
        return self.filter(track=track)

    def of_format(self, session_format):
        return self.filter(format=session_format)

    def in_language(self, language):
        return self.filter(language=language)

    def before(self, session):
        """Sessions earlier in the programme than `session`, nearest first; sessions that
        start together are in the order of their ids."""
        return self.filter(
            Q(start__lt=session.start) | Q(start=session.start, pk__lt=session.pk)
        ).order_by("-start", "-pk")

    def after(self, session):
        """Sessions later in the programme than `session`, nearest first."""
        return self.filter(
            Q(start__gt=session.start) | Q(start=session.start, pk__gt=session.pk)
        ).order_by("start", "pk")

    def with_speaker(self, speaker):
        """Sessions this speaker takes part in, each once."""
        return self.filter(people__speaker=speaker).distinct()

    def with_people(self):
        """Room, track and the published people, in their order, in three queries in all."""
        people = SessionSpeaker.objects.filter(speaker__published=True).select_related("speaker")
        return self.select_related("room", "track").prefetch_related(
            Prefetch("people", queryset=people, to_attr="public_people")
        )

    def with_documents(self):
        """Each session's documents, as a list in `documents`: the schedule exports read them
        for every session, and a list costs nothing to read again, where each
        `materials.all()` builds a queryset."""
        return self.prefetch_related(Prefetch("materials", to_attr="documents"))

    def for_page(self):
        """What a session's page shows beside the session: room, track, documents, and its
        changes with their rooms."""
        changes = SessionChange.objects.select_related("room", "previous_room")
        return self.select_related("room", "track").prefetch_related(
            "materials", Prefetch("changes", queryset=changes)
        )

    def with_card_flags(self):
        """Whether each session has files and changes, which the programme's cards say; in
        the same query."""
        return self.annotate(
            has_files=Exists(SessionMaterial.objects.filter(session=OuterRef("pk"))),
            has_changes=Exists(SessionChange.objects.filter(session=OuterRef("pk"))),
        )

    def with_materials(self):
        """Sessions with a recording, a written summary in any language, or files, with their
        documents (with_documents())."""
        summaries = Q()
        for code, _name in settings.LANGUAGES:
            summaries |= Q(**{f"{build_localized_fieldname('report', code)}__gt": ""})
        # An IN over the documents' sessions: cheaper to build than the equivalent Exists.
        return self.filter(
            Q(recording_url__gt="")
            | summaries
            | Q(pk__in=SessionMaterial.objects.values("session"))
        ).with_documents()

    def days(self):
        """The distinct Brussels calendar days that have sessions, in order."""
        return sorted(
            {
                start.astimezone(CONFERENCE_TZ).date()
                for start in self.values_list("start", flat=True)
            }
        )


class Availability(models.TextChoices):
    """Whether places are left in a session with limited places, as organisers say."""

    PLACES_LEFT = "places_left", _("Places left")
    WAITING_LIST = "waiting_list", _("Waiting list")
    FULL = "full", _("Full")


class Session(models.Model):
    """One slot of the programme: a plenary, a thematic session, a field visit, a break, …"""

    class Format(models.TextChoices):
        PLENARY = "plenary", _("Plenary")
        THEMATIC = "thematic", _("Thematic session")
        PANEL = "panel", _("Panel")
        FIELD_VISIT = "visit", _("Field visit")
        PITCH = "pitch", _("Pitch session")
        NETWORKING = "networking", _("Networking")
        BREAK = "break", _("Break")

    # Several groups can leave from one meeting point, so these never clash on a room
    # (programme/clashes.py).
    FORMATS_SHARING_A_ROOM = {Format.FIELD_VISIT}

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z0-9]+(-[a-z0-9]+)*$",
                _("Use lowercase letters, digits and single hyphens, e.g. opening-plenary."),
            )
        ],
        help_text=_("The session's address, e.g. opening-plenary."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in the programme.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "HTML is allowed: paragraphs, lists, links, emphasis. "
            "Anything else is removed when the page is shown."
        ),
    )
    # In Brussels time, which the admin form says once for both.
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="sessions"
    )
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    format = models.CharField(_("format"), max_length=20, choices=Format, default=Format.THEMATIC)
    language = models.CharField(
        _("spoken language"), max_length=2, choices=Language, default=Language.EN
    )
    interpretation = LanguageListField(
        _("interpretation into"),
        default=list,
        blank=True,
        help_text=_("Languages offered through simultaneous interpretation."),
    )
    meeting_point = models.CharField(
        _("meeting point"),
        max_length=200,
        blank=True,
        help_text=_("Where the group meets, for field visits, e.g. “At the main entrance”."),
    )
    meeting_time = models.TimeField(
        _("meeting time"),
        null=True,
        blank=True,
        help_text=_("On the session's day, at the latest when it starts."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("For sessions with limited places, such as field visits."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many people can take part, for sessions with limited places."),
    )
    availability = models.CharField(
        _("availability"),
        max_length=20,
        choices=Availability,
        blank=True,
        help_text=_("Set by organisers from the registration system; shown on the programme."),
    )
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Stays in the programme, marked as cancelled, and in the list of changes."),
    )
    recording_url = models.URLField(
        _("recording"),
        blank=True,
        help_text=_("The address of the recording, e.g. on YouTube or Vimeo. It is only linked."),
    )
    report = models.TextField(
        _("written summary"),
        blank=True,
        help_text=_("What was said, after the event. Plain text; blank lines separate paragraphs."),
    )
    # Drafts first: a new session is seen only by organisers (preview) until it is published.
    published = models.BooleanField(_("published"), default=False)
    speakers = models.ManyToManyField(
        "speakers.Speaker",
        through="SessionSpeaker",
        verbose_name=_("people"),
        related_name="sessions",
    )
    guid = models.UUIDField(
        _("schedule identifier"),
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("The guid of the imported schedule's event, matched on a new import."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    # The event's iCalendar SEQUENCE, which the database raises (programme/changes.py).
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Raised when the time, room or content changes, so calendars update."),
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start", "room__order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")),
                name="session_ends_after_it_starts",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(availability__in=["", *Availability.values]),
                name="session_availability_valid",
            ),
        ]
        indexes = [models.Index(fields=["start", "end"], name="session_start_end")]
        permissions = [
            ("import_session", _("Can import the programme")),
            ("export_session", _("Can export the programme")),
            ("preview_session", _("Can preview an unpublished session")),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:session", kwargs={"slug": self.slug})

    # Django's own get_FOO_display() translates every label of the field's choices on each
    # call; the programme grid calls these for every session.
    def get_format_display(self):
        return choice_label(self.Format, self.format)

    def get_language_display(self):
        return choice_label(Language, self.language)

    def get_availability_display(self):
        return choice_label(Availability, self.availability)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another slug.")})
        if self.language in (self.interpretation or []):
            spoken = ValidationError(
                _(
                    "%(language)s is the spoken language, so it cannot also be an "
                    "interpretation language: untick it here or change the spoken language."
                ),
                code="spoken_language_interpreted",
                params={"language": self.get_language_display()},
            )
            raise ValidationError({"interpretation": spoken})
        if not (self.start and self.end):
            return
        if self.end <= self.start:
            raise ValidationError({"end": _("A session must end after it starts.")})
        if self.meeting_time and self.meeting_time > self.local_start.time():
            raise ValidationError(
                {"meeting_time": _("The group must meet at the latest when the session starts.")}
            )
        conference = Conference.objects.current()
        if conference is None:
            return
        first, _last_start = local_day_bounds(conference.start_date)
        _first_end, last = local_day_bounds(conference.end_date)
        if self.start < first or self.end > last:
            raise ValidationError(
                _("The session must take place during the conference, %(dates)s."),
                params={"dates": conference.dates_display},
            )

    @property
    def local_start(self):
        return timezone.localtime(self.start, CONFERENCE_TZ)

    @property
    def local_end(self):
        return timezone.localtime(self.end, CONFERENCE_TZ)

    @property
    def day(self):
        return self.local_start.date()

    @property
    def local_meeting(self):
        """When the group meets, as an aware Brussels time on the session's day."""
        if self.meeting_time is None:
            return None
        return datetime.datetime.combine(self.day, self.meeting_time, tzinfo=CONFERENCE_TZ)

    @property
    def duration(self):
        return self.end - self.start

    @property
    def is_break(self):
        return self.format in (self.Format.BREAK, self.Format.NETWORKING)

    @property
    def safe_description(self):
        return sanitise_html(self.description)

    @property
    def known_interpretation(self):
        """The interpretation languages that are Language choices, in the organisers' order."""
        known = Language.values
        return [code for code in self.interpretation if code in known]

    @property
    def interpretation_labels(self):
        return [Language(code).label for code in self.known_interpretation]

    @property
    def recording_platform(self):
        """The recording's platform by name ("YouTube"), or its host for any other site."""
        host = (urlsplit(self.recording_url).hostname or "").removeprefix("www.")
        host = host.removeprefix("m.")
        return RECORDING_PLATFORMS.get(host, host)

    @property
    def has_materials(self):
        """A recording, a written summary or files: something to watch or read again."""
        if self.recording_url or self.report:
            return True
        if hasattr(self, "has_files"):
            return self.has_files
        return self.materials.exists()

    def interpretation_codes(self):
        """The interpretation languages as the cards abbreviate them: "EN, NL"."""
        return ", ".join(code.upper() for code in self.known_interpretation)

    @cached_property
    def people_in_order(self):
        """Published people, prefetched by with_people() when the queryset asked for them;
        otherwise read once (the head's structured data and the page both show them)."""
        if hasattr(self, "public_people"):
            return self.public_people
        return list(self.people.filter(speaker__published=True).select_related("speaker"))

    @cached_property
    def previous_in_programme(self):
        """The published session before this one, for the session page's pager."""
        return Session.objects.published().before(self).only("slug", "title").first()

    @cached_property
    def next_in_programme(self):
        """The published session after this one, for the session page's pager."""
        return Session.objects.published().after(self).only("slug", "title").first()

    def duplicate(self):
        """An unpublished copy with a new unique slug and the same people."""
        taken = set(
            Session.objects.filter(slug__startswith=f"{self.slug}-copy").values_list(
                "slug", flat=True
            )
        )
        slug = f"{self.slug}-copy"
        number = 2
        while slug in taken:
            slug = f"{self.slug}-copy-{number}"
            number += 1
        people = list(self.people.all())
        copy = Session.objects.get(pk=self.pk)
        copy.pk = None
        copy._state.adding = True
        copy.slug = slug
        copy.published = False
        copy.sequence = 0
        copy.save()
        SessionSpeaker.objects.bulk_create(
            SessionSpeaker(session=copy, speaker_id=p.speaker_id, role=p.role, order=p.order)
            for p in people
        )
        return copy
