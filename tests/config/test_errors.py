"""Readable error pages: 400 for what no page can mean, 413 naming the limit, 403, and 500 kept for faults."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DataError
from django.test import Client, RequestFactory

from config.errors import server_error
from tests.factories import comment_form_data, make_post


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


def assert_site_page(response, status, text):
    assert response.status_code == status
    page = response.content.decode()
    assert text in page, page
    assert '<nav class="site-nav"' in page and 'name="robots" content="noindex"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "extra", "reason"),
    [
        ("/foo%00bar/", {}, "The address contains a NUL character."),
        ("/tags/%00/", {}, "The address contains a NUL character."),
        ("/search/?q=a%00b", {}, "The address’s query contains a NUL character."),
        ("/search/?q=caf%E9", {}, "The address’s query is not UTF-8 text."),
        ("/", {"HTTP_USER_AGENT": "agent\x00"}, "A header of the request contains a NUL character."),
        ("/", {"HTTP_COOKIE": 'sessionid="abcdefgh\\000ijkl"'}, "A cookie contains a NUL character."),
    ],
)
def test_nul_bytes_and_queries_that_are_not_utf8_get_a_400_page_saying_why(browser, path, extra, reason):
    """The request is refused before any lookup, with the reason in the site's page."""
    assert_site_page(browser.get(path, **extra), 400, reason)


@pytest.mark.django_db
def test_an_address_that_is_not_utf8_is_not_found(browser):
    """Bytes that are not UTF-8 in the path stay percent-encoded and find nothing: a 404 page."""
    assert_site_page(browser.get("/tags/%FF%FE/"), 404, "Page not found")


@pytest.mark.django_db
def test_a_comment_with_a_nul_byte_is_a_form_error_and_keeps_the_text(browser):
    """NUL in a field is refused beside the field by the form, so the reader keeps their words."""
    post = make_post()
    data = comment_form_data(post, body="Almost right\x00 text.")
    response = browser.post(f"/comments/post/{post.pk}/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Null characters are not allowed." in page
    assert "Almost right" in page


@pytest.mark.django_db
def test_form_data_over_the_memory_limit_gets_a_413_page_naming_it(browser, settings):
    """A form body over DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 page saying how much is accepted."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
    post = make_post()
    response = browser.post(f"/comments/post/{post.pk}/", {"body": "x" * 2_700_000})
    assert_site_page(response, 413, "the limit is 2.5\xa0MB of form data")


@pytest.mark.django_db
def test_too_many_fields_gets_a_413_page_naming_the_limit(browser):
    """More fields than DATA_UPLOAD_MAX_NUMBER_FIELDS is a 413 page with the number."""
    body = "&".join(f"f{n}=1" for n in range(1001))
    post = make_post()
    response = browser.post(
        f"/comments/post/{post.pk}/", body, content_type="application/x-www-form-urlencoded"
    )
    assert_site_page(response, 413, "the limit is 1,000 form fields")


@pytest.mark.django_db
def test_too_many_files_gets_a_413_page_naming_the_limit(browser):
    """More files than DATA_UPLOAD_MAX_NUMBER_FILES is a 413 page with the number."""
    files = {f"f{n}": SimpleUploadedFile(f"{n}.txt", b"x") for n in range(101)}
    response = browser.post(f"/comments/post/{make_post().pk}/", files)
    assert_site_page(response, 413, "the limit is 100 files")


@pytest.mark.django_db
def test_a_body_over_request_max_bytes_gets_a_413_before_it_is_read(browser, settings):
    """A Content-Length over REQUEST_MAX_BYTES is refused with the limit, whatever the body holds."""
    settings.REQUEST_MAX_BYTES = 1024
    upload = SimpleUploadedFile("export.xml", b"x" * 2048)
    response = browser.post("/admin/wordpress/importeditem/import/", {"export": upload})
    assert_site_page(response, 413, "the limit is 1.0\xa0KB for one request")


@pytest.mark.django_db
def test_a_forbidden_action_gets_the_403_page(browser):
    """The editor's preview refused to a visitor is the site's 403 page."""
    assert_site_page(browser.post("/markdownx/markdownify/", {"content": "x"}), 403, "Not allowed")


@pytest.mark.parametrize("error", [ValueError("a bug"), DataError("a bad query")])
def test_a_fault_that_is_not_the_database_being_away_stays_a_500(error):
    """Only an unreachable database is a 503; a bug, or a query the database refuses, is a 500."""
    request = RequestFactory().get("/")
    try:
        raise error
    except Exception:
        response = server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


@pytest.mark.django_db
def test_public_search_boxes_state_their_length_limit(client):
    """The search page's and the 404 page's search boxes carry the limit the search form enforces."""
    for path in ["/search/?q=arms", "/no/such/page/"]:
        page = client.get(path).content.decode()
        assert re.search(r'<input type="search" name="q"[^>]*maxlength="200"', page), path
