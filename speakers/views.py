from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from efus_conf.cache.http import public_page
from efus_conf.core.preview import draft_preview
from speakers.filters import SpeakerFilter
from speakers.models import Speaker


@public_page
def speaker_list(request):
    """Published speakers, narrowed by the text and country filters of the query string."""
    published = Speaker.objects.published()
    filters = SpeakerFilter(request.GET, queryset=published)
    return render(
        request,
        "speakers/speaker_list.html",
        {"filters": filters, "speakers": filters.qs, "total": published.count()},
    )


@public_page
def speaker_detail(request, slug):
    """One published speaker's page."""
    speaker = get_object_or_404(Speaker.objects.published(), slug=slug)
    return render(request, "speakers/speaker_detail.html", {"speaker": speaker})


@require_safe
@draft_preview("speakers.preview_speaker")
def speaker_preview(request, pk):
    """A speaker, published or not, as their page will look: for organisers only."""
    speaker = get_object_or_404(Speaker, pk=pk)
    return render(request, "speakers/speaker_detail.html", {"speaker": speaker})
