"""The post editor's endpoints: ``@`` completion of source keys, and autosaves, for staff who write."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.models import Autosave, Post
from tests.blog.test_admin import post_form
from tests.factories import make_post, make_source, make_staff, make_team

COMPLETE = reverse("admin:blog_post_complete_sources")
AUTOSAVE_NEW = reverse("admin:blog_post_autosave_new")


def client_for(user, **options):
    client = Client(**options)
    client.force_login(user)
    return client


def autosave_url(post):
    return reverse("admin:blog_post_autosave", args=[post.pk])


def text(body="Draft words.", title="A draft", summary=""):
    return {"title": title, "summary": summary, "body": body}


@pytest.fixture
def team(db):
    team = make_team()
    team.own = make_post(author=team.author, title="Mine", body="My stored text.")
    team.theirs = make_post(author=team.editor, title="Theirs", body="Their stored text.")
    return team


@pytest.mark.django_db
class TestSourceCompletion:
    def test_keys_titles_and_names_match_with_key_prefixes_first(self, team):
        """“mill” finds a key starting so first, then a title and a name containing it; names as written."""
        make_source(key="mill1859", title="On Liberty", authors=[{"given": "John Stuart", "family": "Mill"}])
        make_source(key="berlin1958", title="Two Concepts, after Mill", authors=[])
        make_source(key="smith2001", title="Elsewhere", authors=[{"given": "Ann", "family": "Millward"}])
        make_source(key="hinshaw2013", title="Defenders Outgunned")
        answer = client_for(team.author).get(COMPLETE, {"q": "@mill"}).json()
        assert answer["sources"] == [
            {
                "key": "mill1859",
                "cite": "@mill1859",
                "title": "On Liberty",
                "names": "John Stuart Mill",
                "year": None,
            },
            {
                "key": "berlin1958",
                "cite": "@berlin1958",
                "title": "Two Concepts, after Mill",
                "names": "",
                "year": None,
            },
            {
                "key": "smith2001",
                "cite": "@smith2001",
                "title": "Elsewhere",
                "names": "Ann Millward",
                "year": None,
            },
        ]

    def test_a_key_pandoc_reads_only_in_braces_is_offered_in_braces(self, team):
        """“@{O'Ha” finds O'Hara_1999, to be inserted as ``@{O'Hara_1999}`` (Pandoc: "Unless a citation key
        starts with a letter, digit, or _, and contains only alphanumerics and single internal punctuation
        characters […], it must be surrounded by curly braces")."""
        make_source(key="O'Hara_1999", title="Auger decay")
        answer = client_for(team.author).get(COMPLETE, {"q": "@{O'Ha"}).json()
        assert [(source["key"], source["cite"]) for source in answer["sources"]] == [
            ("O'Hara_1999", "@{O'Hara_1999}")
        ]

    def test_at_most_ten_in_one_query_however_many_match(self, team):
        """Twelve matching sources give ten, with as many queries as one does: one reads the sources."""
        client = client_for(team.author)
        make_source(key="match0")
        with CaptureQueriesContext(connection) as one:
            assert len(client.get(COMPLETE, {"q": "match"}).json()["sources"]) == 1
        for number in range(1, 12):
            make_source(key=f"match{number}")
        with CaptureQueriesContext(connection) as twelve:
            assert len(client.get(COMPLETE, {"q": "match"}).json()["sources"]) == 10
        assert len(twelve) == len(one) <= 5
        assert sum("citations_source" in query["sql"] for query in twelve.captured_queries) == 1

    def test_only_staff_who_write_and_see_sources_may_ask(self, team):
        """A moderator is refused (403); an anonymous visitor is sent to log in; nobody may POST."""
        assert client_for(team.moderator).get(COMPLETE, {"q": "a"}).status_code == 403
        assert Client().get(COMPLETE, {"q": "a"}).status_code == 302
        assert client_for(team.author).post(COMPLETE, {"q": "a"}).status_code == 405

    def test_a_long_query_is_a_readable_bad_request(self, team):
        """A query past 100 characters answers 400 saying so."""
        response = client_for(team.author).get(COMPLETE, {"q": "x" * 101})
        assert response.status_code == 400
        assert response.json() == {"q": ["Search with at most 100 characters."]}


@pytest.mark.django_db
class TestAutosave:
    def test_an_author_autosaves_their_post_without_changing_it(self, team):
        """The form's text is kept as an autosave by its writer; the post keeps its stored text."""
        response = client_for(team.author).post(autosave_url(team.own), text("New words."))
        assert response.status_code == 200 and response.json()["saved"] is True
        autosave = Autosave.objects.get(post=team.own)
        assert (autosave.author, autosave.title, autosave.body) == (team.author, "A draft", "New words.")
        assert Post.objects.get(pk=team.own.pk).body == "My stored text."

    def test_the_same_text_twice_or_the_stored_text_is_not_kept_again(self, team):
        """An unchanged draft, or one equal to the post as stored, makes no autosave."""
        client = client_for(team.author)
        client.post(autosave_url(team.own), text("New words."))
        assert client.post(autosave_url(team.own), text("New words.")).json() == {"saved": False}
        stored = text(title="Mine", body="My stored text.")
        assert client.post(autosave_url(team.own), stored).json() == {"saved": False}
        assert Autosave.objects.count() == 1

    def test_only_the_newest_autosaves_are_kept(self, team, settings):
        """With BLOG_AUTOSAVES_KEPT = 3, five autosaves leave the newest three."""
        settings.BLOG_AUTOSAVES_KEPT = 3
        client = client_for(team.author)
        for number in range(5):
            client.post(autosave_url(team.own), text(f"Version {number}."))
        kept = Autosave.objects.filter(post=team.own).values_list("body", flat=True)
        assert list(kept) == ["Version 4.", "Version 3.", "Version 2."]

    def test_an_author_may_not_autosave_anyone_elses_post_and_an_editor_may(self, team):
        """Another writer's post is not found by an author or a moderator (404); an editor autosaves any."""
        assert client_for(team.author).post(autosave_url(team.theirs), text()).status_code == 404
        assert client_for(team.moderator).post(autosave_url(team.own), text()).status_code == 404
        assert client_for(team.editor).post(autosave_url(team.own), text()).status_code == 200
        assert list(Autosave.objects.values_list("post", "author")) == [(team.own.pk, team.editor.pk)]

    def test_a_request_without_the_csrf_token_is_refused(self, team):
        """An autosave is a POST of a logged-in user: without the form's token it is a 403."""
        client = client_for(team.author, enforce_csrf_checks=True)
        assert client.post(autosave_url(team.own), text()).status_code == 403
        assert not Autosave.objects.exists()

    def test_a_body_over_the_limit_is_a_readable_bad_request(self, team, settings):
        """A body longer than BLOG_MAX_BODY_LENGTH answers 400 naming the limit, and nothing is kept."""
        settings.BLOG_MAX_BODY_LENGTH = 10
        response = client_for(team.author).post(autosave_url(team.own), text("x" * 11))
        assert response.status_code == 400
        assert response.json() == {"body": ["The body is longer than 10 characters."]}

    def test_a_new_post_is_autosaved_for_its_writer_only(self, team):
        """An autosave of an unsaved post is listed on its writer's add form, loadable by them alone."""
        assert client_for(team.author).post(AUTOSAVE_NEW, text("Started.")).json()["saved"] is True
        autosave = Autosave.objects.get(post=None)
        detail = reverse("admin:blog_post_autosave_detail", args=[autosave.pk])
        form = client_for(team.author).get(reverse("admin:blog_post_add"))
        assert [shown for shown, url in form.context["autosaves"]] == [autosave]
        assert f'data-load-autosave="{detail}"' in form.content.decode()
        assert client_for(team.editor).get(reverse("admin:blog_post_add")).context["autosaves"] == []
        assert client_for(team.author).get(detail).json()["body"] == "Started."
        assert client_for(team.editor).get(detail).status_code == 403
        assert client_for(team.moderator).post(AUTOSAVE_NEW, text()).status_code == 403


@pytest.mark.django_db
class TestAutosavesOnTheChangeForm:
    def test_the_change_form_lists_the_posts_autosaves_to_load(self, team):
        """The post's autosaves, newest first, each with a button that loads it into the form."""
        client = client_for(team.author)
        client.post(autosave_url(team.own), text("First."))
        client.post(autosave_url(team.own), text("Second."))
        response = client.get(reverse("admin:blog_post_change", args=[team.own.pk]))
        assert [autosave.body for autosave, url in response.context["autosaves"]] == ["Second.", "First."]
        assert response.content.decode().count("Load into the form") == 2

    def test_an_autosave_is_read_by_whoever_may_change_its_post(self, team):
        """Its post's author and an editor read an autosave; another author gets 403."""
        client_for(team.author).post(autosave_url(team.own), text("Mine, unsaved."))
        detail = reverse("admin:blog_post_autosave_detail", args=[Autosave.objects.get().pk])
        assert client_for(team.author).get(detail).json()["body"] == "Mine, unsaved."
        assert client_for(team.editor).get(detail).status_code == 200
        other = make_staff(username="other", groups=["Authors"])
        assert client_for(other).get(detail).status_code == 403


@pytest.mark.django_db
def test_saving_a_new_post_takes_the_autosaves_its_form_made(team):
    """The ids the add form sends become the new post's autosaves; someone else's id is left alone."""
    client = client_for(team.author)
    mine = client.post(AUTOSAVE_NEW, text("Started.")).json()["id"]
    theirs = client_for(team.editor).post(AUTOSAVE_NEW, text("Elsewhere.")).json()["id"]
    response = client.post(reverse("admin:blog_post_add"), {**post_form(), "autosave": [mine, theirs, "x"]})
    assert response.status_code == 302
    post = Post.objects.get(slug="a-new-post")
    assert list(Autosave.objects.filter(post=post).values_list("pk", flat=True)) == [mine]
    assert Autosave.objects.get(pk=theirs).post is None
