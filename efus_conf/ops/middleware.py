"""Small middleware: the health probes and the Permissions-Policy header."""

from django.conf import settings

from efus_conf.ops.probes import healthz, readyz

PROBES = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    """Answer /healthz and /readyz before host validation and the HTTPS redirect.

    Docker's HEALTHCHECK and load balancers probe the container by its address over plain
    HTTP; neither carries a host name from ALLOWED_HOSTS, and neither should be redirected.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe and request.method in {"GET", "HEAD"}:
            return probe(request)
        return self.get_response(request)


def permissions_policy(features):
    """Render {"camera": [], "fullscreen": ["self"]} as 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class PermissionsPolicyMiddleware:
    """Turn off browser features the site never uses (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
