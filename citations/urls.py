"""Public pages of the source library."""

from django.urls import path

from citations import views

app_name = "citations"

urlpatterns = [
    path("", views.source_list, name="source_list"),
    path("<path:key>/", views.source_detail, name="source_detail"),
]
