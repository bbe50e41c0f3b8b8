from django.contrib import admin
from django.urls import path

from efus_conf.translations import views

urlpatterns = [
    path("", admin.site.admin_view(views.TranslationsView.as_view()), name="admin-translations"),
]
