from django.shortcuts import get_object_or_404, render

from speakers.models import Speaker


def speaker_list(request):
    """All published speakers."""
    return render(request, "speakers/speaker_list.html", {"speakers": Speaker.objects.published()})


def speaker_detail(request, slug):
    """One speaker's page."""
    speaker = get_object_or_404(Speaker.objects.published(), slug=slug)
    return render(request, "speakers/speaker_detail.html", {"speaker": speaker})
