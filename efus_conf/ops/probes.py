"""The health probes, answered by HealthCheckMiddleware and at their own URLs."""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Liveness: the process answers. Restarting it would not mend a database outage."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    """Readiness: 200 when the site can serve pages, 503 when the database cannot be reached.
    A cache that cannot be reached is reported but not fatal: pages are rendered uncached."""
    checks = {"database": check(database_answers), "cache": check(cache_answers)}
    ready = checks["database"] == "ok"
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
    )


def check(probe):
    try:
        probe()
    except Exception as error:  # noqa: BLE001 - any failure is reported, by its kind
        return f"error: {type(error).__name__}"
    return "ok"


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_answers():
    cache.set("readyz", "ok", 10)
    if cache.get("readyz") != "ok":
        raise LookupError("the cache did not keep a value")
