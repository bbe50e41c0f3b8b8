from django.urls import path

from efus_conf.http_cache import public_page
from programme import views
from programme.feeds import ProgrammeChangesFeed

app_name = "programme"

urlpatterns = [
    path("", views.programme, name="list"),
    path("now/", views.now, name="now"),
    path("agenda/", views.agenda, name="agenda"),
    path("changes/", views.changes, name="changes"),
    path("changes/feed/", public_page(ProgrammeChangesFeed()), name="changes_feed"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("schedule.ics", views.schedule_ics, name="schedule_ics"),
    path("schedule.xml", views.schedule_xml, name="schedule_xml"),
    path("schedule.json", views.schedule_json, name="schedule_json"),
    path("preview/<int:pk>/", views.session_preview, name="session_preview"),
    path("<slug:slug>/", views.session_detail, name="session"),
    path("<slug:slug>/calendar.ics", views.session_ics, name="session_ics"),
]
