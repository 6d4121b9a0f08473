"""Public pages of the blog."""

from django.urls import path, register_converter

from blog import views


class TwoDigitConverter:
    """A month or day as it appears in a permalink: always two digits."""

    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(TwoDigitConverter, "dd")

app_name = "blog"

urlpatterns = [
    path("", views.post_list, name="post_list"),
    path("preview/<int:pk>/", views.post_preview, name="post_preview"),
    path("<int:year>/<dd:month>/<dd:day>/<slug:slug>/", views.post_detail, name="post_detail"),
]
