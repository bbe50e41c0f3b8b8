from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from efus_conf.cache.http import public_page
from efus_conf.conference.models import CONFERENCE_TZ, Conference, Page, current_conference
from efus_conf.core.request_helpers import absolute_url

THEME_COLOUR = "#00408f"


@public_page
def home(request):
    """The conference homepage, section by section as in the seed page; the speakers' section
    comes from the speakers app's template tags. Before and during the event it invites
    people to register; once it is over it leads with what happened and, from the programme
    app's template tags, what can be watched and read again."""
    conference = current_conference(request)
    now = timezone.now()
    context = {"programme_tz": CONFERENCE_TZ}
    if conference is not None and conference.is_over(now):
        context["after_event"] = True
        context["key_figures"] = conference.key_figures.all()
    elif conference is not None:
        context["registration"] = conference.registration.state(now)
    return render(request, "efus_conf/home.html", context)


@public_page
def getting_there(request):
    """Practical information: the venue, how to reach it, its map, access, and each of its
    rooms, whose directions every session page links to."""
    conference = current_conference(request)
    rooms = conference.venue.rooms.all() if conference is not None else []
    return render(request, "efus_conf/getting_there.html", {"rooms": rooms})


@public_page
def page(request, slug):
    """A content page written by organisers (About Efus, practical information, …)."""
    return render(
        request,
        "efus_conf/page.html",
        {"page": get_object_or_404(Page.objects.published(), slug=slug)},
    )


@require_safe
@public_page
def robots_txt(request):
    """Crawlers may read every public page; the sitemap lists them."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": absolute_url(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


@require_safe
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


@require_safe
@public_page
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


@public_page
def offline(request):
    """What the service worker shows for a page that was never visited, without a network."""
    return render(request, "efus_conf/offline.html")


def csrf_failure(request, reason=""):
    """settings.CSRF_FAILURE_VIEW: a form refused because it came from another site, or,
    signed in, without a valid security token (a page open too long, a refused cookie).
    Said on the site's own page, in the visitor's language."""
    return render(request, "efus_conf/csrf_failure.html", status=403)
