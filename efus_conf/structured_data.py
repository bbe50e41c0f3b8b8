"""schema.org descriptions of the conference for search engines, as JSON-LD dictionaries."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language

SHARE_IMAGE = "img/share.png"


def event(conference, *, request, performers=()):
    """The conference as a schema.org Event; `performers` are Person dicts (see `person`)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": conference.name,
        "description": conference.tagline,
        "startDate": conference.start_date.isoformat(),
        "endDate": conference.end_date.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "inLanguage": get_language(),
        "url": request.build_absolute_uri(reverse("home")),
        "image": [request.build_absolute_uri(static(SHARE_IMAGE))],
        "location": {
            "@type": "Place",
            "name": conference.venue_name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": conference.venue_address,
                "addressLocality": conference.city,
                "addressCountry": conference.country,
            },
        },
        "organizer": {
            "@type": "Organization",
            "name": conference.organiser_name,
            "url": conference.organiser_url,
        },
    }
    if performers:
        data["performer"] = list(performers)
    return data


def person(speaker, *, request):
    """A speaker as a schema.org Person, for an Event's performers or a speaker's own page."""
    data = {
        "@type": "Person",
        "name": speaker.name,
        "url": request.build_absolute_uri(speaker.get_absolute_url()),
    }
    if speaker.role:
        data["jobTitle"] = speaker.role
    if speaker.photo:
        data["image"] = request.build_absolute_uri(speaker.photo.url)
    return data
