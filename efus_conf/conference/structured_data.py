"""schema.org descriptions of the conference for search engines, as JSON-LD dictionaries."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from efus_conf.conference.models import CONFERENCE_TZ
from efus_conf.core.request_helpers import absolute_url

SHARE_IMAGE = "img/share.png"


def event(conference, *, performers=()):
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
        "url": absolute_url(reverse("home")),
        "image": [absolute_url(static(SHARE_IMAGE))],
        "location": {
            "@type": "Place",
            "name": conference.venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": conference.venue.address,
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


def person(speaker):
    """A speaker as a schema.org Person, for an Event's performers or a speaker's own page."""
    data = {
        "@type": "Person",
        "name": speaker.name,
        "url": absolute_url(speaker.get_absolute_url()),
    }
    if speaker.role:
        data["jobTitle"] = speaker.role
    if speaker.organisation:
        data["worksFor"] = {"@type": "Organization", "name": speaker.organisation}
    image = speaker.share_photo_url
    if image:
        data["image"] = absolute_url(image)
    if speaker.profile_links:
        data["sameAs"] = speaker.profile_links
    return data


def speaker_page(speaker):
    """The Person of a speaker's own page, as a standalone JSON-LD document."""
    return {"@context": "https://schema.org", **person(speaker)}


def session(session, conference):
    """One session as a schema.org Event, part of the conference (`superEvent`).

    Times carry Brussels' UTC offset; `inLanguage` is the language spoken in the session;
    a cancelled session, or one whose time moved, says so (changes are read from the
    session's prefetched record).
    """
    moved = [change.previous_start for change in session.changes.all() if change.time_changed]
    if session.cancelled:
        status = "EventCancelled"
    else:
        status = "EventRescheduled" if moved else "EventScheduled"
    room = session.room
    place = {"@type": "Place", "name": room.name}
    if conference:
        place["address"] = {
            "@type": "PostalAddress",
            "streetAddress": conference.venue.address,
            "addressLocality": conference.city,
            "addressCountry": conference.country,
        }
        place["containedInPlace"] = {"@type": "Place", "name": conference.venue.name}
    if room.location:
        place["description"] = room.location
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "startDate": session.local_start.isoformat(),
        "endDate": session.local_end.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": f"https://schema.org/{status}",
        "inLanguage": session.language,
        "url": absolute_url(session.get_absolute_url()),
        "image": [absolute_url(static(SHARE_IMAGE))],
        "location": place,
    }
    if session.summary:
        data["description"] = session.summary
    if moved and not session.cancelled:
        data["previousStartDate"] = [timezone.localtime(start, CONFERENCE_TZ).isoformat()
                                     for start in moved]  # fmt: skip
    if conference:
        data["organizer"] = {
            "@type": "Organization",
            "name": conference.organiser_name,
            "url": conference.organiser_url,
        }
        data["superEvent"] = {
            "@type": "Event",
            "name": conference.name,
            "url": absolute_url(reverse("home")),
        }
    performers = [person(entry.speaker) for entry in session.people_in_order]
    if performers:
        data["performer"] = performers
    return data
