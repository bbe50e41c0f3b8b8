from django.contrib.staticfiles import finders
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from efus_conf.models import CONFERENCE_TZ, Conference, Page
from newsletter.views import subscribe_again
from programme.models import Room, Session
from speakers.models import Speaker

THEME_COLOUR = "#00408f"


def home(request):
    """The conference homepage, section by section as in the seed page. Before and during
    the event it invites people to register; once it is over it leads with what happened
    and what can be watched and read again."""
    conference = Conference.objects.current()
    now = timezone.now()
    context = {
        "conference": conference,
        "featured_speakers": Speaker.objects.featured(),
        "programme_tz": CONFERENCE_TZ,
    }
    if conference is not None and conference.is_over(now):
        context["after_event"] = True
        context["key_figures"] = conference.key_figures.all()
        context["again"] = Session.objects.published().with_materials()
    elif conference is not None:
        context["registration"] = conference.registration_state(now)
    return render(request, "efus_conf/home.html", context)


def page(request, slug):
    """A content page written by organisers (About Efus, practical information, …)."""
    return render(
        request,
        "efus_conf/page.html",
        {"page": get_object_or_404(Page.objects.published(), slug=slug)},
    )


def getting_there(request):
    """Practical information: the venue, how to reach it, its map, access, and each room."""
    return render(
        request,
        "efus_conf/getting_there.html",
        {"venue": Conference.objects.current(), "rooms": Room.objects.all()},
    )


@never_cache
def healthz(request):
    """Liveness and readiness: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
@cache_control(max_age=86400)
def robots_txt(request):
    """Crawlers may read every public page; the sitemap lists them."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


@require_GET
@never_cache
def service_worker(request):
    """static/js/sw.js, served from the site root so that it may control every page.

    Never cached by the browser's HTTP cache, so a new version reaches visitors at once.
    """
    path = finders.find("js/sw.js")
    if path is None:
        raise Http404("The service worker script is missing.")
    with open(path, encoding="utf-8") as script:
        response = HttpResponse(script.read(), content_type="application/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def web_manifest(request):
    """The web app manifest, in the page's language: the site can be added to a home screen."""
    conference = Conference.objects.current()
    manifest = {
        "name": conference.name if conference else "Efus",
        "short_name": conference.short_name if conference else "Efus",
        "description": conference.tagline if conference else "",
        "lang": get_language(),
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static(f"img/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in (192, 512)
        ]
        + [
            {
                "src": static("img/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            }
        ],
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


def offline(request):
    """What the service worker shows for a page that was never visited, without a network."""
    return render(request, "efus_conf/offline.html")


def csrf_failure(request, reason=""):
    """settings.CSRF_FAILURE_VIEW: a form sent without a valid security token, because its
    page was open too long or the browser refused the cookie. Said on the site's own page,
    in the visitor's language; the newsletter form comes back filled in. (Django logs the
    reason to the django.security.csrf logger.)"""
    match = request.resolver_match
    if match is not None and match.view_name == "newsletter:subscribe":
        return subscribe_again(request)
    return render(request, "efus_conf/csrf_failure.html", status=403)
