from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SpeakerQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def featured(self):
        """Speakers shown with their quote on the homepage, in the organisers' order."""
        return self.published().filter(featured=True).order_by("featured_order", "name")


class Speaker(models.Model):
    """A person who speaks, chairs or moderates at the conference."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    role = models.CharField(
        _("role"),
        max_length=300,
        blank=True,
        help_text=_("E.g. “Mayor of Liège & President of Efus”."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    quote = models.TextField(
        _("quote"), blank=True, help_text=_("Shown on the homepage if featured.")
    )
    photo = models.ImageField(_("photo"), upload_to="speakers/originals/", blank=True)
    photo_credit = models.CharField(_("photo credit"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    mastodon = models.URLField(_("Mastodon"), blank=True)
    bluesky = models.URLField(_("Bluesky"), blank=True)
    x = models.URLField(_("X (Twitter)"), blank=True)
    featured = models.BooleanField(_("featured on the homepage"), default=False)
    featured_order = models.PositiveSmallIntegerField(_("homepage order"), default=0)
    published = models.BooleanField(_("published"), default=True)

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("speakers:detail", kwargs={"slug": self.slug})
