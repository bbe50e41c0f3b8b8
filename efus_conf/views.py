from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from efus_conf.models import Page
from speakers.models import Speaker


def home(request):
    """The conference homepage, section by section as in the seed page."""
    return render(request, "efus_conf/home.html", {"featured_speakers": Speaker.objects.featured()})


def page(request, slug):
    """A content page written by organisers (About Efus, practical information, …)."""
    return render(
        request,
        "efus_conf/page.html",
        {"page": get_object_or_404(Page.objects.published(), slug=slug)},
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
