import json

from django.core.validators import slug_re
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from efus_conf.cache.http import live_page, public_export, public_page
from efus_conf.conference.models import current_conference
from efus_conf.core.preview import draft_preview
from programme import exports
from programme.filters import ProgrammeFilter
from programme.models import CONFERENCE_TZ, Session, SessionChange, Track
from programme.schedule import conference_days, group_by_day_and_slot, now_and_next

# Enough for any real agenda; keeps a crafted address from asking for thousands of rows.
AGENDA_EXPORT_LIMIT = 300


def programme_context(**context):
    return {"programme_tz": CONFERENCE_TZ, **context}


@require_safe
@public_page
def programme(request):
    """The whole programme by day and time slot, with optional filters in the query string."""
    conference = current_conference(request)
    filters = ProgrammeFilter.from_query(
        request.GET, queryset=Session.objects.published(), days=conference_days(conference)
    )
    days = group_by_day_and_slot(filters.sessions())
    registration = conference.registration.state(timezone.now()) if conference else ""
    return render(
        request,
        "programme/programme.html",
        programme_context(filters=filters, days=days, registration=registration),
    )


@require_safe
@public_page
def session_detail(request, slug):
    """One session: when, where, in which language, who speaks, and its calendar file."""
    session = get_object_or_404(Session.objects.published().for_page(), slug=slug)
    return render(request, "programme/session_detail.html", programme_context(session=session))


@require_safe
@public_page
def changes(request):
    """Every change to the published programme, newest first."""
    return render(
        request,
        "programme/changes.html",
        programme_context(changes=SessionChange.objects.public()),
    )


@require_safe
@draft_preview("programme.preview_session")
def session_preview(request, pk):
    """A session, published or not, as its page will look: for organisers only."""
    session = get_object_or_404(Session.objects.for_page(), pk=pk)
    return render(request, "programme/session_detail.html", programme_context(session=session))


@require_safe
@live_page
def now(request):
    """What is on now and next in each room, in Brussels time."""
    return render(
        request,
        "programme/now.html",
        programme_context(status=now_and_next(timezone.now())),
    )


@require_safe
@public_page
def agenda(request):
    """The visitor's starred sessions. The stars live in the browser; every session is in
    the page (hidden) and agenda.js shows the starred ones, so nothing is sent anywhere."""
    sessions = Session.objects.published().select_related("room", "track")
    return render(request, "programme/agenda.html", programme_context(sessions=sessions))


def calendar_response(request, sessions, *, name, filename, attachment):
    body = exports.calendar_for(sessions, conference=current_conference(request), name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
@public_export
def schedule_ics(request):
    """The whole programme as a calendar to subscribe to."""
    conference = current_conference(request)
    return calendar_response(
        request,
        Session.objects.published().with_people(),
        name=conference.short_name if conference else _("Programme"),
        filename="schedule.ics",
        attachment=False,
    )


@require_safe
@public_export
def session_ics(request, slug):
    """One session as a calendar file ("Add to calendar")."""
    session = get_object_or_404(Session.objects.published().with_people(), slug=slug)
    return calendar_response(
        request, [session], name=session.title, filename=f"{session.slug}.ics", attachment=True
    )


@require_safe
@public_export
def agenda_ics(request):
    """The sessions named in ?s=slug&s=slug as one calendar; nothing is stored."""
    # Anything that is not a slug names no session; PostgreSQL would refuse some (NUL bytes).
    slugs = [slug for slug in request.GET.getlist("s")[:AGENDA_EXPORT_LIMIT] if slug_re.match(slug)]
    sessions = Session.objects.published().with_people().filter(slug__in=slugs)
    return calendar_response(
        request, sessions, name=_("My agenda"), filename="my-agenda.ics", attachment=True
    )


def schedule_export(request):
    conference = current_conference(request)
    if conference is None:
        raise Http404(_("The programme has not been published yet."))
    sessions = list(Session.objects.published().with_people().with_documents())
    # Apps compare versions to know whether to download the schedule again.
    latest = max((session.updated_at for session in sessions), default=None)
    version = timezone.localtime(latest, CONFERENCE_TZ).isoformat() if latest else "0"
    return {
        "sessions": sessions,
        "conference": conference,
        "tracks": Track.objects.all(),
        "version": version,
    }


@require_safe
@public_export
def schedule_xml(request):
    """The frab/c3voc schedule.xml that conference apps read."""
    body = exports.schedule_xml(**schedule_export(request))
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@require_safe
@public_export
def schedule_json(request):
    """The c3voc schedule.json that conference apps read."""
    body = json.dumps(
        exports.schedule_json(**schedule_export(request)), ensure_ascii=False, indent=1
    )
    return HttpResponse(body, content_type="application/json; charset=utf-8")
