"""An author's page with their bio, photo and feed; each author keeps their own profile in the admin."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from blog.models import AuthorProfile
from tests.factories import make_post, make_staff, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def jpeg_with_gps():
    image = Image.new("RGB", (40, 40), "red")
    exif = Image.Exif()
    exif[0x8825] = {2: (51.0, 30.0, 0.0)}  # GPSInfo: a latitude
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return SimpleUploadedFile("me.jpg", out.getvalue(), content_type="image/jpeg")


def test_the_author_page_shows_the_bio_and_photo_in_the_same_queries(client, django_assert_num_queries):
    """The bio and photo come with the author, in the query that finds them.

    The author with their profile, the count (cached after this first view, which also asks when the
    next scheduled post is due), the posts, their tags, their comment counts.
    """
    author = make_user(username="ann", first_name="Ann", last_name="Writer")
    make_post(author=author)
    AuthorProfile.objects.create(user=author, bio="Reads the papers.\n\nQuotes them.", photo_alt="Ann")
    with django_assert_num_queries(6):
        content = client.get("/authors/ann/").content.decode()
    assert "<p>Reads the papers.</p>" in content and "<p>Quotes them.</p>" in content
    assert '<meta name="description" content="Reads the papers. Quotes them.">' in content


def test_an_author_without_profile_still_has_a_page(client):
    """No profile: the page lists the posts, with no bio."""
    make_post(author=make_user(username="bob"))
    content = client.get("/authors/bob/").content.decode()
    assert "author-bio" not in content


def test_an_author_writes_their_own_profile_and_sees_no_one_elses(client):
    """An author adds a profile for themselves, photo included, and the admin lists only theirs."""
    author = make_staff(groups=["Authors"], username="ann")
    other = make_staff(groups=["Authors"])
    AuthorProfile.objects.create(user=other, bio="Someone else.")
    make_post(author=author)
    client.force_login(author)
    response = client.post(
        "/admin/blog/authorprofile/add/",
        {"bio": "My own words.", "photo": jpeg_with_gps(), "photo_alt": "Ann at her desk"},
    )
    assert response.status_code == 302, response.content.decode()
    profile = AuthorProfile.objects.get(user=author)
    assert profile.bio == "My own words."
    stored = Image.open(profile.photo.open())
    assert 0x8825 not in stored.getexif()
    listing = client.get("/admin/blog/authorprofile/").content.decode()
    assert "Someone else" not in listing and str(other) not in re.sub(r"<[^>]+>", " ", listing).split()
    other_profile = AuthorProfile.objects.get(user=other)
    assert client.get(f"/admin/blog/authorprofile/{other_profile.pk}/change/").status_code in (302, 404)
    page = client.get("/authors/ann/").content.decode()
    assert 'alt="Ann at her desk"' in page and "My own words." in page


def test_a_photo_needs_a_description_and_must_be_an_image(client):
    """A photo without its description, or a file that is no image, is a form error; nothing is saved."""
    author = make_staff(groups=["Authors"])
    client.force_login(author)
    response = client.post("/admin/blog/authorprofile/add/", {"bio": "x", "photo": jpeg_with_gps()})
    assert "Describe the photo" in response.content.decode()
    text = SimpleUploadedFile("me.jpg", b"not an image", content_type="image/jpeg")
    response = client.post("/admin/blog/authorprofile/add/", {"bio": "x", "photo": text, "photo_alt": "me"})
    assert response.status_code == 200
    assert not AuthorProfile.objects.exists()


def test_an_author_with_a_profile_adding_another_is_sent_to_theirs(client):
    """Each author keeps one profile: "add" leads to the one they have."""
    author = make_staff(groups=["Authors"])
    profile = AuthorProfile.objects.create(user=author, bio="Mine.")
    client.force_login(author)
    response = client.get("/admin/blog/authorprofile/add/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/blog/authorprofile/{profile.pk}/change/"
