"""The conference's own pages, in every language. Included last: organisers' page slugs must
not shadow the other apps' addresses."""

from django.urls import path

from efus_conf.conference import views

urlpatterns = [
    path("", views.home, name="home"),
    path("offline/", views.offline, name="offline"),
    path("manifest.webmanifest", views.web_manifest, name="manifest"),
    path("getting-there/", views.getting_there, name="getting_there"),
    path("<slug:slug>/", views.page, name="page"),
]
