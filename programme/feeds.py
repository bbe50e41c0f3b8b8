from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from programme.models import CONFERENCE_TZ, SessionChange

# Enough for anyone catching up; older changes stay on the page.
FEED_LENGTH = 50


class ProgrammeChangesFeed(Feed):
    """Programme changes as an Atom feed, in the language of its address, newest first."""

    feed_type = Atom1Feed

    def title(self):
        return _("Programme changes")

    def subtitle(self):
        return _("Sessions moved to another time or room, or cancelled.")

    def link(self):
        return reverse("programme:changes")

    def feed_url(self):
        return reverse("programme:changes_feed")

    def get_object(self, request):
        # The request, so each entry's id can be an absolute address (Atom wants an IRI).
        return request

    def items(self, request):
        changes = list(SessionChange.objects.public()[:FEED_LENGTH])
        for change in changes:
            change.entry_id = request.build_absolute_uri(change.get_absolute_url())
        return changes

    def item_title(self, change):
        if change.status_changed and change.cancelled:
            return _("Cancelled: %(session)s") % {"session": change.session.title}
        return _("Changed: %(session)s") % {"session": change.session.title}

    def item_description(self, change):
        with timezone.override(CONFERENCE_TZ):
            return render_to_string("programme/includes/change.html", {"change": change})

    def item_link(self, change):
        return change.session.get_absolute_url()

    def item_guid(self, change):
        return change.entry_id

    def item_pubdate(self, change):
        return change.recorded_at

    def item_updateddate(self, change):
        return change.recorded_at
