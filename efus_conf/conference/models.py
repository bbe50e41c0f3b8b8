"""The conference's own content: the event, its partners, editable pages and useful links."""

from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from efus_conf.core.html import sanitise_html

# The conference happens in Brussels: times are entered, stored for display and shown there.
CONFERENCE_TZ = ZoneInfo("Europe/Brussels")


class RegistrationState(models.TextChoices):
    UPCOMING = "upcoming", _("Registration not open yet")
    OPEN = "open", _("Registration open")
    CLOSED = "closed", _("Registration closed")


class ConferenceQuerySet(models.QuerySet):
    def current(self):
        """The conference the site is about: the one most recently starting, read with its
        venue, registration and homepage texts (every page's header or footer shows some)."""
        return self.select_related(*Conference.PARTS).order_by("-start_date").first()


class Conference(models.Model):
    """The event itself. The site shows one conference; organisers edit it in the admin."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=80, help_text=_("Used in the header and page titles.")
    )
    tagline = models.CharField(_("tagline"), max_length=200)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100)
    organiser_name = models.CharField(_("organiser"), max_length=200, default="Efus")
    organiser_url = models.URLField(_("organiser website"), blank=True)
    organiser_blurb = models.TextField(
        _("about the organiser"), blank=True, help_text=_("A short paragraph shown in the footer.")
    )
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    copyright_line = models.CharField(_("copyright line"), max_length=200, blank=True)

    # Its parts, one row each (each belongs to one conference, so that a conference of
    # another year can have its own): the related names of Venue, Registration, HomepageCopy.
    PARTS = ("venue", "registration", "homepage")

    objects = ConferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conference")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="conference_ends_after_it_starts",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
        ]
        permissions = [
            ("translate_conference", _("Can hand texts to translators and import translations")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("home")

    def is_over(self, moment):
        """Whether the last day is past at `moment` (an aware datetime), Brussels time."""
        return timezone.localtime(moment, CONFERENCE_TZ).date() > self.end_date

    @property
    def dates_display(self):
        """ "20–22 March 2024" in the active language, collapsing the shared month and year."""
        start, end = self.start_date, self.end_date
        if (start.year, start.month) == (end.year, end.month):
            return f"{date_format(start, 'j')}–{date_format(end, 'j F Y')}"
        if start.year == end.year:
            return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
        return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"

    @property
    def phone_uri(self):
        """The contact phone as a tel: URI, "+33 (0)1 40…" becoming "tel:+33140…"."""
        digits = self.contact_phone.replace("(0)", "")
        return "tel:" + "".join(ch for ch in digits if ch.isdigit() or ch == "+")


class ConferencePart(models.Model):
    """What a conference holds in a row of its own: the venue, registration, homepage texts.
    Each part has its `conference`, a one-to-one field named in Conference.PARTS."""

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.conference)

    def get_absolute_url(self):
        return self.conference.get_absolute_url()


class Venue(ConferencePart):
    """Where the conference takes place: its address, how to get there, its map and its
    access facts. The Getting there page shows it with the rooms."""

    conference = models.OneToOneField(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="venue"
    )
    name = models.CharField(_("venue"), max_length=200)
    address = models.CharField(_("venue address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("venue latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text=_("For the link to OpenStreetMap, e.g. 50.843700."),
    )
    longitude = models.DecimalField(
        _("venue longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
        help_text=_("For the link to OpenStreetMap, e.g. 4.382400."),
    )
    public_transport = models.TextField(
        _("public transport"),
        blank=True,
        help_text=_("How to get there. Plain text; blank lines separate paragraphs."),
    )
    map = models.ImageField(
        _("venue map or floor plan"),
        upload_to="venue/",
        blank=True,
        help_text=_("A JPEG, PNG or WebP image; it is stored without its metadata."),
    )
    map_description = models.TextField(
        _("description of the map"),
        blank=True,
        help_text=_("What the map shows, in words, for people who cannot see it."),
    )
    step_free_access = models.TextField(_("step-free access"), blank=True)
    hearing_loop = models.TextField(_("hearing loop"), blank=True)
    interpretation_headsets = models.TextField(_("interpretation headsets"), blank=True)
    quiet_room = models.TextField(_("quiet room"), blank=True)
    access_contact = models.TextField(
        _("contact for access needs"),
        blank=True,
        help_text=_("Who to write or call about a particular need, and by when."),
    )

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__range=(-90, 90),
                    longitude__range=(-180, 180),
                ),
                name="venue_coordinates_complete",
                violation_error_message=_("Give both the latitude and the longitude, or neither."),
            ),
        ]

    def get_absolute_url(self):
        return reverse("getting_there")

    @property
    def openstreetmap_url(self):
        """A plain link to the venue on openstreetmap.org: no map is embedded in the site."""
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"

    @property
    def accessibility(self):
        """(label, text) of each accessibility fact organisers filled in, in page order."""
        facts = [
            (_("Step-free access"), self.step_free_access),
            (_("Hearing loop"), self.hearing_loop),
            (_("Interpretation headsets"), self.interpretation_headsets),
            (_("Quiet room"), self.quiet_room),
            (_("Contact for access needs"), self.access_contact),
        ]
        return [(label, text) for label, text in facts if text]


class Registration(ConferencePart):
    """Where and when people register, on the organisers' own registration system."""

    conference = models.OneToOneField(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="registration",
    )
    url = models.URLField(
        _("registration address"),
        blank=True,
        help_text=_("The page of the registration system where people sign up."),
    )
    opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    closes = models.DateTimeField(_("registration closes"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens__isnull=True)
                | models.Q(closes__isnull=True)
                | models.Q(closes__gt=models.F("opens")),
                name="registration_closes_after_it_opens",
                violation_error_message=_("Registration must close after it opens."),
            ),
        ]

    def state(self, moment):
        """Whether people can register at `moment`: a RegistrationState, or "" when there is
        no registration address or the conference is over (nothing left to say)."""
        if not self.url or self.conference.is_over(moment):
            return ""
        if self.opens and moment < self.opens:
            return RegistrationState.UPCOMING
        if self.closes and moment >= self.closes:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN


class HomepageCopy(ConferencePart):
    """The homepage's texts, before and after the event; the patronage line and the
    newsletter's call to action also show in every page's footer."""

    conference = models.OneToOneField(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="homepage"
    )
    patronage = models.CharField(
        _("patronage line"),
        max_length=300,
        blank=True,
        help_text=_("For example “Under the auspices of the Belgian Presidency…”."),
    )
    intro = models.TextField(
        _("introduction"), help_text=_("Plain text; blank lines separate paragraphs.")
    )
    audience = models.TextField(
        _("audience"), help_text=_("Plain text; blank lines separate paragraphs.")
    )
    speakers_heading = models.CharField(
        _("speakers heading"), max_length=100, default="Meet the speakers!"
    )
    recap = models.TextField(
        _("what happened"),
        blank=True,
        help_text=_(
            "Shown first on the homepage once the last day is past. "
            "Plain text; blank lines separate paragraphs."
        ),
    )
    newsletter_pitch = models.CharField(_("newsletter call to action"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("homepage texts")
        verbose_name_plural = _("homepage texts")


class KeyFigure(models.Model):
    """A number that sums the conference up afterwards ("800 participants")."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="key_figures",
    )
    value = models.CharField(_("figure"), max_length=20, help_text=_("E.g. 800+ or 150."))
    label = models.CharField(_("what it counts"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.value} {self.label}"


class Partner(models.Model):
    """An organisation named in the footer: organiser, partner or patron, with its logo."""

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organised by")
        PARTNER = "partner", _("In partnership with")
        PATRON = "patron", _("Under the auspices of")
        SUPPORTER = "supporter", _("With the support of")

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.PARTNER)
    logo = models.ImageField(_("logo"), upload_to="partners/", blank=True)
    url = models.URLField(_("website"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "role"], name="partner_unique_name_role"),
        ]

    def __str__(self):
        return self.name


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def linked(self):
        """Published pages that the header or the footer links to: one query for both."""
        return self.published().exclude(placement=Page.Placement.NONE)


class Page(models.Model):
    """A content page organisers write themselves: About Efus, practical information, …"""

    class Placement(models.TextChoices):
        NAVIGATION = "nav", _("Main navigation")
        FOOTER = "footer", _("Footer")
        NONE = "none", _("Not linked (reachable by its address)")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("The page's address, e.g. about-efus.")
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(
        _("body"),
        help_text=_(
            "HTML is allowed: paragraphs, headings, lists, links, emphasis. "
            "Anything else is removed when the page is shown."
        ),
    )
    placement = models.CharField(
        _("placement"), max_length=10, choices=Placement, default=Placement.FOOTER
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})

    @property
    def in_navigation(self):
        return self.placement == self.Placement.NAVIGATION

    @property
    def in_footer(self):
        return self.placement == self.Placement.FOOTER

    @property
    def safe_body(self):
        return sanitise_html(self.body)


class UsefulLink(models.Model):
    """A link in the footer's "Useful links" column."""

    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("useful link")
        verbose_name_plural = _("useful links")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.url


def current_conference(request):
    """The conference the site is about, read once per request: the view and every page's
    header and footer both need it."""
    if not hasattr(request, "_conference"):
        request._conference = Conference.objects.current()
    return request._conference
