"""Programme search: the `q` box of the programme page, combined with its filters.

Every word must appear in a session's title, summary, description, format, room, track or
its published people's names and organisations, read in the active language (English where
a translation is missing), with case and accents folded by `efus_conf.core.text.fold`
("securite" finds "sécurité", "Muller" finds "Müller").

Matched in Python rather than by the database: SQLite and PostgreSQL fold accents
differently (PostgreSQL needs an extension, SQLite has nothing), and every text a visitor
sees, translated or not, is at hand once with_people() has read the sessions. The programme
has a few hundred sessions at most, all of which the unfiltered page shows anyway; the query
count stays that of with_people().
"""

import html

from django.utils.html import strip_tags

from efus_conf.core.text import fold


def search_text(session):
    """Everything a visitor may search `session` by, folded."""
    people = [
        text
        for person in session.people_in_order
        for text in (person.speaker.name, person.speaker.organisation)
    ]
    parts = [
        session.title,
        session.summary,
        html.unescape(strip_tags(session.description)),
        session.get_format_display(),
        session.room.name,
        session.track.name if session.track else "",
        *people,
    ]
    return fold(" ".join(parts))


def matching(sessions, text):
    """The sessions of the queryset `sessions`, with their people, that contain every word of
    `text`: a list, in the queryset's order."""
    words = fold(text).split()
    found = []
    for session in sessions.with_people():
        searchable = search_text(session)
        if all(word in searchable for word in words):
            found.append(session)
    return found
