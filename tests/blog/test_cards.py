"""A post's social card: drawn from its title and first quotation, stored once, named in its head."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from blog import cards
from tests.factories import make_post, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "https://blog.example"


def quoting_post(**fields):
    make_source(key="hinshaw", title="Defenders Outgunned")
    body = "An opening.\n\n> The militants were better armed than the army.\n>\n> — [@hinshaw, p. 4]\n"
    return make_post(title="Outgunned in the desert", body=body, **fields)


def test_a_post_page_points_link_previews_at_its_card(client):
    """og:image and twitter:image name the card's absolute address; the card is a large summary."""
    post = quoting_post()
    content = client.get(post.get_absolute_url()).content.decode()
    url = re.search(r'<meta property="og:image" content="([^"]+)">', content).group(1)
    assert url.startswith("https://blog.example" + post.get_absolute_url() + "card.png?v=")
    assert f'<meta name="twitter:image" content="{url}">' in content
    assert '<meta name="twitter:card" content="summary_large_image">' in content
    assert '<meta property="og:image:width" content="1200">' in content


def test_the_card_is_a_1200_by_630_png_with_long_cache_and_an_etag(client):
    """The card answers as a PNG of 1200×630, public for a year, with an ETag; a matching ETag gets 304."""
    post = quoting_post()
    response = client.get(post.get_card_url())
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert "max-age=31536000" in response["Cache-Control"] and "public" in response["Cache-Control"]
    etag = response["ETag"]
    assert etag == f'"{cards.stamp(post)}"'
    assert client.get(post.get_card_url(), headers={"if-none-match": etag}).status_code == 304


def test_the_card_shows_the_title_and_the_quotation(monkeypatch):
    """The drawing is made of the post's title and the opening of its first quotation."""
    drawn = []
    monkeypatch.setattr(cards, "draw_card", lambda *args: drawn.append(args) or b"png")
    post = quoting_post()
    from blog.views import first_quotation

    cards.stored_card(post, lambda: first_quotation(post))
    title, quotation, site_name, host = drawn[0]
    assert title == "Outgunned in the desert"
    assert quotation == "The militants were better armed than the army."
    assert (site_name, host) == ("Commonplace", "blog.example")


def test_a_card_is_drawn_once_and_again_when_the_post_changes(client, monkeypatch):
    """A second request serves the stored card; editing the post draws a new one, under a new ETag."""
    post = quoting_post()
    first = client.get(post.get_card_url())
    calls = []
    draw = cards.draw_card
    monkeypatch.setattr(cards, "draw_card", lambda *args: calls.append(args) or draw(*args))
    assert client.get(post.get_card_url())["ETag"] == first["ETag"]
    assert calls == []
    post.title = "Outgunned, and outnumbered"
    post.save()
    second = client.get(post.get_card_url())
    assert second["ETag"] != first["ETag"]
    assert calls[0][0] == "Outgunned, and outnumbered"
    assert default_storage.listdir(f"cards/{post.pk}")[1] == [f"{cards.stamp(post)}.png"]


def test_a_card_without_quotation_uses_the_opening_and_a_long_title_fits(client):
    """A post that quotes nothing still gets a card, and a very long title is cut, not an error."""
    post = make_post(title="A rather long title " * 14, body="Only the author's own words here.")
    response = client.get(post.get_card_url())
    assert response.status_code == 200
    assert len(b"".join(response.streaming_content)) > 1000


def test_cards_of_drafts_and_unknown_posts_are_not_found(client):
    """A draft's card is a 404, like the draft itself."""
    post = make_post(status="draft")
    assert client.get(post.get_card_url()).status_code == 404


def test_the_page_cache_leaves_the_card_its_own_headers(client, page_cache):
    """With the page cache on, the card still carries its own ETag and year-long caching."""
    post = quoting_post()
    response = client.get(post.get_card_url())
    assert response["ETag"] == f'"{cards.stamp(post)}"'
    assert "max-age=31536000" in response["Cache-Control"]
