"""Public pages of the source library."""

from django.urls import path

from citations import views

app_name = "citations"

urlpatterns = [
    path("", views.SourceListView.as_view(), name="source_list"),
    path("<path:key>/", views.SourceDetailView.as_view(), name="source_detail"),
]
