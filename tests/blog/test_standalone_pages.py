"""Standalone pages (About, Colophon…): rendered like posts, public when published, edited by editors only."""

import pytest
from django.test import Client
from django.urls import reverse

from blog.models import Page
from tests.blog.sitemap_reader import sitemap_locations
from tests.factories import make_team

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:blog_page_add")


def make_page(**fields):
    values = {"title": "About", "slug": "about", "body": "I write *here*.", "status": Page.Status.PUBLISHED}
    return Page.objects.create(**(values | fields))


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def page_form(**fields):
    return {
        "title": "Colophon",
        "slug": "colophon",
        "status": "published",
        "body": "Set in *Charter*.",
    } | fields


def test_saving_renders_the_body_in_the_dialect():
    """A page's body is stored rendered, as a post's is."""
    assert "<em>here</em>" in make_page().body_html


def test_published_page_is_served_at_its_address(client):
    """A published page answers at /pages/<slug>/ with its title and rendered body."""
    page = make_page()
    response = client.get("/pages/about/")
    assert page.get_absolute_url() == "/pages/about/"
    assert response.status_code == 200
    assert "<h1>About</h1>" in response.content.decode()
    assert "<em>here</em>" in response.content.decode()


def test_draft_page_is_a_404(client):
    """A draft page does not exist for the public."""
    make_page(status=Page.Status.DRAFT)
    assert client.get("/pages/about/").status_code == 404


def test_published_pages_are_in_the_sitemap_and_drafts_are_not(client):
    """sitemap.xml lists published pages only."""
    make_page()
    make_page(title="Secret", slug="secret", status=Page.Status.DRAFT)
    locations = sitemap_locations(client)
    assert any(location.endswith("/pages/about/") for location in locations)
    assert not any("/pages/secret/" in location for location in locations)


def test_editor_adds_a_page_in_the_admin():
    """An editor may add a page; it is saved rendered."""
    response = client_for(make_team().editor).post(ADD_URL, page_form())
    assert response.status_code == 302
    assert "<em>Charter</em>" in Page.objects.get(slug="colophon").body_html


def test_author_may_not_add_or_change_pages():
    """An author (WordPress's Author) is refused the page admin and cannot forge a change."""
    team = make_team()
    page = make_page()
    author = client_for(team.author)
    assert author.get(reverse("admin:blog_page_changelist")).status_code == 403
    assert author.post(ADD_URL, page_form()).status_code == 403
    change = reverse("admin:blog_page_change", args=[page.pk])
    assert author.post(change, page_form(title="Defaced", slug="about")).status_code == 403
    assert not Page.objects.filter(slug="colophon").exists()
    assert Page.objects.get(pk=page.pk).title == "About"


def test_body_the_dialect_refuses_is_shown_again_with_its_error():
    """A body with a problem is not saved; the form shows the text again with the error."""
    body = "Quoted from [@nowhere]."
    response = client_for(make_team().editor).post(ADD_URL, page_form(body=body))
    assert response.status_code == 200
    assert not Page.objects.exists()
    assert response.context["adminform"].form.errors["body"]
    assert "Quoted from [@nowhere]." in response.content.decode()
