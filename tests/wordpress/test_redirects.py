"""Old WordPress addresses redirect permanently to the imported posts."""

import pytest

from blog.models import Post


@pytest.fixture
def post(run_import):
    run_import("outgunned")
    run_import("site")
    return Post.objects.get(slug="gaddafis-arsenal-malis-war")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "old",
    [
        "/?p=412",
        "/2013/02/24/gaddafis-arsenal-malis-war/",
        "/2013/02/gaddafis-arsenal-malis-war/",
        "/2013/02/23/gaddafis-arsenal-malis-war",
    ],
)
def test_old_addresses_redirect_with_301(client, post, old):
    """?p=ID, /YYYY/MM/DD/slug/, /YYYY/MM/slug/ and the export's link path answer 301 to the post."""
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


@pytest.mark.django_db
def test_new_address_is_served_not_redirected(client, post):
    """The post's own address is served as it is."""
    assert client.get(post.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_renamed_slug_redirects_from_the_wordpress_link(client, run_import):
    """A post whose slug was made unique is reached from its old WordPress link."""
    run_import("site")
    post = Post.objects.get(title="Same slug")
    response = client.get("/2014/01/05/café-society/")
    assert response.status_code == 301 and response["Location"] == post.get_absolute_url()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "old", ["/?p=15", "/?p=14", "/?p=99999", "/2014/01/01/pending/", "/2020/01/nothing-here/"]
)
def test_drafts_scheduled_and_unknown_posts_are_not_redirected(client, post, old):
    """Only public posts are redirected to; drafts, scheduled and unknown IDs keep their normal answer."""
    assert client.get(old).status_code in (200, 404)


@pytest.mark.django_db
def test_home_page_without_p_is_untouched(client, post):
    """The home page itself is not redirected."""
    assert client.get("/").status_code == 200
