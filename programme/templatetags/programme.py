from django import template

from programme.models import Session

register = template.Library()


@register.inclusion_tag("programme/includes/speaker_sessions.html")
def speaker_sessions(speaker):
    """The published sessions a speaker takes part in, for their page in the speakers app."""
    sessions = Session.objects.published().with_speaker(speaker).with_people().order_by("start")
    for session in sessions:
        session.speaker_roles = [
            person.get_role_display()
            for person in session.public_people
            if person.speaker_id == speaker.pk
        ]
    return {"sessions": sessions, "speaker": speaker}


@register.simple_tag
def sessions_to_watch_again():
    """Published sessions with a recording, documents or a written summary, for the homepage
    once the conference is over."""
    return Session.objects.published().with_materials()
