import hashlib

from django.core.files.storage import default_storage
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modeltranslation.utils import get_translation_fields

from efus_conf.core.html import sanitise_html
from speakers.countries import SpeakerCountries

# Soft, dark enough for white initials to pass WCAG AA contrast.
PLACEHOLDER_COLOURS = ["#00408f", "#1f5f8b", "#2d6a4f", "#7a3e65", "#8a4b08", "#4a4e8f", "#5b6b2f"]


class SpeakerQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def featured(self):
        """Speakers shown on the homepage, in the organisers' order."""
        return self.published().filter(featured=True).order_by("featured_order", "name")

    def search(self, text):
        """Speakers whose name, role or organisation contains `text`, in any language."""
        condition = Q(name__icontains=text)
        for field in get_translation_fields("role", "organisation"):
            condition |= Q(**{f"{field}__icontains": text})
        return self.filter(condition)

    def from_country(self, code):
        return self.filter(country=code)

    def country_codes(self):
        """The distinct countries of these speakers (one query)."""
        return self.exclude(country="").order_by().values_list("country", flat=True).distinct()


class Speaker(models.Model):
    """A person who speaks, chairs or moderates at the conference."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The end of the page's address.")
    )
    role = models.CharField(
        _("role"),
        max_length=300,
        blank=True,
        help_text=_("E.g. “Mayor of Liège & President of Efus”."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), countries=SpeakerCountries, blank=True)
    bio = models.TextField(
        _("biography"),
        blank=True,
        help_text=_(
            "Plain paragraphs separated by a blank line, or simple HTML (paragraphs, emphasis, "
            "lists, links)."
        ),
    )
    quote = models.TextField(
        _("quote"),
        blank=True,
        help_text=_("Shown on the homepage if the speaker is featured; without quotation marks."),
    )
    photo = models.ImageField(
        _("photo"),
        upload_to="speakers/originals/",
        blank=True,
        help_text=_("JPEG, PNG or WebP, at least 640 pixels wide and high for sharp pictures."),
    )
    focal_x = models.PositiveSmallIntegerField(
        _("focal point, horizontal (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("0 keeps the left edge of the photo, 50 the centre, 100 the right edge."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point, vertical (%)"),
        default=30,
        validators=[MaxValueValidator(100)],
        help_text=_("0 keeps the top of the photo, 100 the bottom; faces are usually near 30."),
    )
    photo_renditions = models.JSONField(
        _("photo renditions"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Square crops generated from the photo, by format and width."),
    )
    photo_credit = models.CharField(_("photo credit"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    mastodon = models.URLField(_("Mastodon"), blank=True)
    bluesky = models.URLField(_("Bluesky"), blank=True)
    x = models.URLField(_("X (Twitter)"), blank=True)
    featured = models.BooleanField(_("featured on the homepage"), default=False)
    featured_order = models.PositiveSmallIntegerField(
        _("homepage order"), default=0, help_text=_("Featured speakers appear from low to high.")
    )
    guid = models.UUIDField(
        _("schedule identifier"),
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("The guid of the imported schedule's person, matched on a new import."),
    )
    # Drafts first: a new speaker is seen only by organisers (preview) until published.
    published = models.BooleanField(_("published"), default=False)

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=100, focal_y__gte=0, focal_y__lte=100),
                name="speaker_focal_point_in_percent",
            ),
        ]
        permissions = [
            ("import_speaker", _("Can import speakers")),
            ("export_speaker", _("Can export speakers")),
            ("preview_speaker", _("Can preview an unpublished speaker")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("speakers:detail", kwargs={"slug": self.slug})

    @property
    def place(self):
        """“Liège, Belgium”, or whichever part is known."""
        return ", ".join(part for part in (self.city, self.country.name) if part)

    @property
    def bio_html(self):
        """The biography as safe HTML: organiser HTML sanitised, plain text as paragraphs."""
        if "<" in self.bio:
            return sanitise_html(self.bio)
        return linebreaks_filter(self.bio, autoescape=True)

    @property
    def initials(self):
        words = [word for word in self.name.replace("-", " ").split() if word[:1].isalpha()]
        if not words:
            return "?"
        if len(words) == 1:
            return words[0][0].upper()
        return (words[0][0] + words[-1][0]).upper()

    @property
    def placeholder_colour(self):
        digest = hashlib.sha256(self.slug.encode()).digest()
        return PLACEHOLDER_COLOURS[digest[0] % len(PLACEHOLDER_COLOURS)]

    @property
    def picture(self):
        """What a <picture> needs for the square photo, or None when there is no photo yet."""
        renditions = self.photo_renditions or {}
        webp, jpeg = renditions.get("webp") or {}, renditions.get("jpeg") or {}
        if not (webp and jpeg):
            return None
        # Each address asked of the storage once: lists of speakers show dozens of photos.
        jpeg_urls = _urls_by_width(jpeg)
        fallback = next((width for width in jpeg_urls if width >= 320), max(jpeg_urls))
        return {
            "webp_srcset": _srcset(_urls_by_width(webp)),
            "jpeg_srcset": _srcset(jpeg_urls),
            "src": jpeg_urls[fallback],
            "size": fallback,
        }

    @property
    def share_photo_url(self):
        """The largest square JPEG (640 px): what link previews and search engines show."""
        jpeg = (self.photo_renditions or {}).get("jpeg") or {}
        if not jpeg:
            return ""
        return default_storage.url(jpeg[str(max(int(width) for width in jpeg))])

    @property
    def profile_links(self):
        """The speaker's own pages elsewhere: website and social profiles."""
        return [
            url for url in (self.website, self.linkedin, self.mastodon, self.bluesky, self.x) if url
        ]


def _urls_by_width(paths_by_width):
    """{width: address} of a photo's renditions, narrowest first."""
    widths = sorted(int(width) for width in paths_by_width)
    return {width: default_storage.url(paths_by_width[str(width)]) for width in widths}


def _srcset(urls_by_width):
    return ", ".join(f"{url} {width}w" for width, url in urls_by_width.items())
