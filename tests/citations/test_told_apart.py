"""Works alike are told apart over the whole library: /sources/, a source's page and a post agree.

APA 7 (8.19) tells works by one author in one year apart with "2019a" and "2019b", lettered in
reference-list order (by title); CSL's disambiguation does it in every in-text style that asks.
"""

import json
import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from citations import styles
from citations.models import Source
from citations.services import deleted_together, import_file, tell_apart
from citations.styles.processor import CslStyle
from tests.factories import make_post, make_source
from tests.queue import run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def smith(key, title, year=2019, given="John"):
    return make_source(
        key=key,
        type="book",
        title=title,
        authors=[{"given": given, "family": "Smith"}],
        publisher="Press",
        issued_year=year,
    )


def read(client, url):
    return re.sub(r"\s+", " ", client.get(url).content.decode())


def letters_on_sources_page(client):
    """Each Smith's entry on /sources/, with its year as listed, in the page's order."""
    return re.findall(r"Smith, J\. \((\d{4}\w*)\)\. <i>([^<]*)</i>", read(client, "/sources/"))


@pytest.fixture
def two_works(db):
    with override_settings(CITATION_STYLE="apa"):
        yield smith("beta", "Beta studies"), smith("alpha", "Alpha studies")


@override_settings(CITATION_STYLE="apa")
def test_two_works_of_one_author_in_one_year_are_2019a_and_2019b_everywhere(client, two_works):
    """The bibliography page, each source's page and a post citing one of them letter them alike."""
    assert letters_on_sources_page(client) == [("2019a", "Alpha studies"), ("2019b", "Beta studies")]
    assert ">References</h2>" in read(client, "/sources/")
    alpha, beta = read(client, "/sources/alpha/"), read(client, "/sources/beta/")
    assert "Smith, J. (2019a). <i>Alpha studies</i>. Press." in alpha
    assert '<dd class="source-note">(Smith, 2019a)</dd>' in alpha
    assert '<dd class="source-note">(Smith, 2019b)</dd>' in beta
    post = make_post(body="As argued [@beta, p. 3].")
    page = read(client, post.get_absolute_url())
    assert "(Smith, 2019b, p. 3)" in page
    assert "Smith, J. (2019b). <i>Beta studies</i>. Press." in page


@override_settings(CITATION_STYLE="apa")
def test_a_third_work_letters_them_again_and_the_posts_citing_them_follow(client, two_works):
    """A work filed between the two takes "b"; the one that was "b" becomes "c", in its posts too."""
    post = make_post(body="As argued [@beta].")
    smith("apex", "Apex studies")
    run_jobs()
    assert [year for year, _title in letters_on_sources_page(client)] == ["2019a", "2019b", "2019c"]
    assert Source.objects.get(key="beta").note_html == "(Smith, 2019c)"
    assert "(Smith, 2019c)" in read(client, post.get_absolute_url())


@override_settings(CITATION_STYLE="apa")
def test_deleting_one_letters_them_again(client, two_works):
    """With "Alpha studies" gone, "Beta studies" stands alone: 2019, no letter, in its posts too."""
    post = make_post(body="As argued [@beta].")
    Source.objects.get(key="alpha").delete()
    run_jobs()
    assert letters_on_sources_page(client) == [("2019", "Beta studies")]
    assert '<dd class="source-note">(Smith, 2019)</dd>' in read(client, "/sources/beta/")
    assert "(Smith, 2019)" in read(client, post.get_absolute_url())


@override_settings(CITATION_STYLE="apa")
def test_an_edit_that_moves_a_work_out_of_its_year_letters_both_groups(client, two_works):
    """A corrected year takes the work from among the 2019s: both lose their letters."""
    beta = Source.objects.get(key="beta")
    beta.issued_year = 2020
    beta.save()
    assert letters_on_sources_page(client) == [("2019", "Alpha studies"), ("2020", "Beta studies")]


@override_settings(CITATION_STYLE="apa")
def test_namesakes_are_cited_with_initials_on_their_pages(client, db):
    """APA 7 8.20: two first authors of one surname are cited with their initials, library-wide."""
    smith("john", "Alpha studies", year=2018)
    smith("ann", "Other studies", year=2020, given="Ann")
    assert '<dd class="source-note">(J. Smith, 2018)</dd>' in read(client, "/sources/john/")
    assert '<dd class="source-note">(A. Smith, 2020)</dd>' in read(client, "/sources/ann/")


@override_settings(CITATION_STYLE="mla")
def test_mla_tells_works_alike_apart_by_their_titles(db):
    smith("alpha", "Alpha studies")
    smith("beta", "Beta studies")
    assert Source.objects.get(key="alpha").note_html == "(Smith, <i>Alpha Studies</i>)"


def test_chicago_notes_tell_nothing_apart(client, db):
    """Under Chicago notes a short note names the title: nothing is added or stored."""
    smith("alpha", "Alpha studies")
    smith("beta", "Beta studies")
    assert list(Source.objects.values_list("distinction", flat=True)) == [{}, {}]
    assert ">Bibliography</h2>" in read(client, "/sources/")


@override_settings(CITATION_STYLE="apa")
def test_a_bulk_import_tells_each_group_apart_once(db, monkeypatch):
    """Importing many works formats each group of works alike once, not once a record."""
    smith("old", "Older studies")
    calls = counted_distinctions(monkeypatch)
    records = (
        [
            {
                "id": f"smith{n}",
                "type": "book",
                "title": f"Study {n}",
                "author": [{"family": "Smith", "given": "John"}],
                "issued": {"date-parts": [[2019]]},
            }
            for n in range(3)
        ]
        + [
            {
                "id": f"jones{n}",
                "type": "book",
                "title": f"Essay {n}",
                "author": [{"family": "Jones", "given": "Al"}],
                "issued": {"date-parts": [[2001]]},
            }
            for n in range(2)
        ]
        + [{"id": "alone", "type": "book", "title": "Alone", "author": [{"family": "Brown"}]}]
    )
    import_file(json.dumps(records), "csl-json")
    assert sorted(calls) == [["jones0", "jones1"], ["old", "smith0", "smith1", "smith2"]]
    assert Source.objects.get(key="smith2").note_html == "(Smith, 2019d)"
    calls.clear()
    assert str(import_file(json.dumps(records), "csl-json")).startswith("0 created, 0 updated")
    assert calls == []


@override_settings(CITATION_STYLE="apa")
def test_what_tells_a_work_apart_is_stored_with_the_style_it_was_made_for(two_works):
    alpha = Source.objects.get(key="alpha")
    assert alpha.distinction == {
        "made_for": styles.stamp(),
        "cited": {"year-suffix": "a"},
        "listed": {"year-suffix": "a"},
    }
    assert tell_apart([alpha.alike_key]) == []


def test_a_switch_to_an_author_date_style_letters_the_library_on_rerender_stale(client, db):
    """Sources saved under Chicago notes are told apart once ``rerender --stale`` makes them for APA."""
    smith("beta", "Beta studies")
    smith("alpha", "Alpha studies")
    with override_settings(CITATION_STYLE="apa"):
        call_command("rerender", "--stale", verbosity=0)
        assert letters_on_sources_page(client) == [("2019a", "Alpha studies"), ("2019b", "Beta studies")]


def counted_distinctions(monkeypatch):
    """The groups ``CslStyle.distinctions`` is asked to tell apart, as sorted lists of keys."""
    calls = []
    distinctions = CslStyle.distinctions

    def counted(self, items):
        calls.append(sorted(items))
        return distinctions(self, items)

    monkeypatch.setattr(CslStyle, "distinctions", counted)
    return calls


@pytest.fixture
def two_groups(db):
    """Four works of Smith's in 2019 (a–d) and three of Jones's in 2001 (a–c)."""
    with override_settings(CITATION_STYLE="apa"):
        for title in ("Alpha studies", "Beta studies", "Gamma studies", "Delta studies"):
            smith(title.split()[0].lower(), title)
        for title in ("Essay one", "Essay two", "Essay three"):
            make_source(
                key="jones-" + title.split()[1],
                type="book",
                title=title,
                authors=[{"given": "Al", "family": "Jones"}],
                issued_year=2001,
            )
        yield


def notes():
    return dict(Source.objects.values_list("key", "note_html"))


@override_settings(CITATION_STYLE="apa")
def test_deleting_many_at_once_tells_each_group_left_apart_once(two_groups, monkeypatch):
    """A queryset's delete formats each group of works alike it leaves once, not once a work deleted,
    and every work left is lettered as if the deleted ones had never been (APA 7 8.19)."""
    calls = counted_distinctions(monkeypatch)
    Source.objects.filter(key__in=["alpha", "gamma", "jones-one", "jones-two"]).delete()
    assert calls == [["beta", "delta"]]  # Jones's "Essay three" is left alone: nothing to tell it from
    assert notes() == {"beta": "(Smith, 2019a)", "delta": "(Smith, 2019b)", "jones-three": "(Jones, 2001)"}


@override_settings(CITATION_STYLE="apa")
def test_sources_deleted_one_by_one_together_are_told_apart_once(two_groups, monkeypatch):
    """``deleted_together``: deletions made one at a time within it letter each group they leave once,
    at its end."""
    calls = counted_distinctions(monkeypatch)
    with deleted_together():
        for key in ("delta", "alpha", "jones-three"):
            Source.objects.get(key=key).delete()
        assert calls == []
    assert sorted(calls) == [["beta", "gamma"], ["jones-one", "jones-two"]]
    assert notes()["gamma"] == "(Smith, 2019b)" and notes()["jones-two"] == "(Jones, 2001b)"


@override_settings(CITATION_STYLE="apa")
def test_the_admins_delete_selected_letters_each_group_left_once(admin_client, two_groups, monkeypatch):
    """The changelist's "Delete selected sources" leaves each group lettered afresh, and the posts
    citing them are queued for one re-render."""
    post = make_post(body="As argued [@gamma] and [@jones-three].")
    calls = counted_distinctions(monkeypatch)
    selected = Source.objects.filter(key__in=["alpha", "beta", "jones-two"]).values_list("pk", flat=True)
    response = admin_client.post(
        "/admin/citations/source/",
        {"action": "delete_selected", "_selected_action": list(selected), "post": "yes"},
    )
    assert response.status_code == 302
    assert sorted(calls) == [["delta", "gamma"], ["jones-one", "jones-three"]]
    assert notes() == {
        "delta": "(Smith, 2019a)",
        "gamma": "(Smith, 2019b)",
        "jones-one": "(Jones, 2001a)",
        "jones-three": "(Jones, 2001b)",
    }
    run_jobs()
    page = read(admin_client, post.get_absolute_url())
    assert "(Smith, 2019b)" in page and "(Jones, 2001b)" in page


def smith_and(key, title, *others):
    return make_source(
        key=key,
        type="book",
        title=title,
        authors=[{"given": "John", "family": "Smith"}, *({"given": "A.", "family": name} for name in others)],
        publisher="Press",
        issued_year=2019,
    )


@override_settings(CITATION_STYLE="apa")
def test_names_behind_et_al_tell_works_apart_before_letters_do(client, db):
    """APA 7 8.18: "Smith et al. (2019)" for two works of different second authors would read alike, so
    each names as many more as tell it apart; only works of the same names take 2019a and 2019b, and the
    reference list names every author as before."""
    smith_and("jones", "Alpha studies", "Jones", "Brown")
    smith_and("lee", "Beta studies", "Lee", "Park")
    assert notes() == {"jones": "(Smith, Jones, et al., 2019)", "lee": "(Smith, Lee, et al., 2019)"}
    smith_and("lee-again", "Gamma studies", "Lee", "Park")
    assert notes() == {
        "jones": "(Smith, Jones, et al., 2019)",
        "lee": "(Smith, Lee, et al., 2019a)",
        "lee-again": "(Smith, Lee, et al., 2019b)",
    }
    post = make_post(body="As argued [@lee, p. 3] and by @jones.")
    page = read(client, post.get_absolute_url())
    assert "(Smith, Lee, et al., 2019a, p. 3)" in page and "Smith, Jones, et al. (2019)" in page
    assert "Smith, J., Lee, A., &amp; Park, A. (2019a). <i>Beta studies</i>. Press." in page
