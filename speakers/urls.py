from django.urls import path

from speakers import views

app_name = "speakers"

urlpatterns = [
    path("", views.speaker_list, name="list"),
    path("preview/<int:pk>/", views.speaker_preview, name="preview"),
    path("<slug:slug>/", views.speaker_detail, name="detail"),
]
