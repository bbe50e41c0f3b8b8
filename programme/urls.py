from django.urls import path

from efus_conf.cache.http import public_page
from programme import views
from programme.feeds import ProgrammeChangesFeed

app_name = "programme"

urlpatterns = [
    path("programme/", views.programme, name="list"),
    path("programme/now/", views.now, name="now"),
    path("programme/agenda/", views.agenda, name="agenda"),
    path("programme/changes/", views.changes, name="changes"),
    path("programme/changes/feed/", public_page(ProgrammeChangesFeed()), name="changes_feed"),
    path("programme/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("programme/schedule.ics", views.schedule_ics, name="schedule_ics"),
    path("programme/schedule.xml", views.schedule_xml, name="schedule_xml"),
    path("programme/schedule.json", views.schedule_json, name="schedule_json"),
    path("programme/preview/<int:pk>/", views.session_preview, name="session_preview"),
    path("programme/<slug:slug>/", views.session_detail, name="session"),
    path("programme/<slug:slug>/calendar.ics", views.session_ics, name="session_ics"),
]
