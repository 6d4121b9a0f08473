"""Writing a post in a real browser: the admin's markdownx editor, its live preview, and the public page."""

import re

import pytest

from blog.models import Post
from tests.browser import log_in

pytestmark = pytest.mark.e2e

TITLE = "Harm, and Nothing Else"
SLUG = "harm-and-nothing-else"
BODY = """\
Compare the harm principle with today’s arms embargoes[@hinshaw2013]:

> The only purpose for which power can be rightfully exercised over any member of a civilised \
community, against his will, is to prevent harm to others. [Comment: One sentence, the whole essay.] \
His own good, either physical or moral, is not a sufficient warrant. [Aside: Paternalism, ruled out.]
>
> — [@mill1859, 22]

Still the best test I know.
"""


@pytest.fixture
def author(browser, live_server, demo_content):
    """The demo's author, signed in at /admin/ in a browser of their own; no request of theirs fails."""
    context, page = log_in(browser, live_server, "author")
    failures = []
    page.on("response", lambda response: response.status >= 400 and failures.append(response.url))
    page.on("console", lambda message: message.type == "error" and failures.append(message.text))
    page.on("pageerror", lambda error: failures.append(str(error)))
    yield page
    context.close()
    assert failures == []


def open_new_post_form(page):
    page.locator("tr.model-post").get_by_role("link", name="Add").click()
    page.get_by_role("heading", name="Add post").wait_for()


def type_into_editor(page, text):
    """Type the body key by key, as a person would, into the markdownx textarea."""
    editor = page.get_by_label("Body")
    editor.click()
    editor.press_sequentially(text)
    return editor


def normalised(html):
    return re.sub(r"\s+", " ", html).strip()


def as_browser_serialises(page, html):
    """``html`` parsed and written back by the browser, so markup compares with markup."""
    return page.evaluate(
        "html => { const t = document.createElement('template'); t.innerHTML = html; return t.innerHTML; }",
        html,
    )


def test_an_author_writes_a_post_with_live_preview_and_publishes_it(live_server, author, screenshot):
    """The preview shows the excerpt, asides and notes as the public page will; published, the post is up."""
    page = author
    open_new_post_form(page)
    page.get_by_label("Title").press_sequentially(TITLE)
    assert page.get_by_label("Slug").input_value() == SLUG
    type_into_editor(page, BODY)

    preview = page.frame_locator(".post-editor-frame").locator(".post-body")
    preview.locator("figure.excerpt").wait_for()
    preview.locator(".footnotes li").nth(1).wait_for()
    assert preview.locator(".aside").count() == 2
    assert preview.locator(".footnotes li").count() == 2
    assert "Hinshaw" in preview.locator(".footnotes li").first.inner_text()
    assert "Mill" in preview.locator(".footnotes li").nth(1).inner_text()
    preview.scroll_into_view_if_needed()
    screenshot(page, "admin-live-preview")
    previewed = preview.inner_html()

    page.get_by_label("Status").select_option(label="Published")
    page.get_by_role("button", name="Save", exact=True).click()
    assert "was added successfully" in page.locator(".messagelist").inner_text()
    stored = Post.objects.get(slug=SLUG).body_html
    assert normalised(previewed) == normalised(as_browser_serialises(page, stored))

    page.goto(live_server.url + "/")
    page.get_by_role("link", name=TITLE, exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    body = page.locator(".post-body")
    assert body.locator("figure.excerpt blockquote").get_by_text("prevent harm to others").is_visible()
    assert body.locator(".aside").all_text_contents() == [
        "[Comment: One sentence, the whole essay.]",
        "[Aside: Paternalism, ruled out.]",
    ]
    assert body.locator(".footnotes li").count() == 2
    assert normalised(body.inner_html()) == normalised(previewed)


def test_an_unknown_citation_key_is_named_on_the_body_field_and_the_text_is_kept(author):
    """Saving a body citing a key the library lacks shows the key next to the body, and keeps the text."""
    page = author
    open_new_post_form(page)
    page.get_by_label("Title").fill("A post citing nothing known")
    text = "As the report says[@nosuchkey2099, 4], the weapons moved south."
    type_into_editor(page, text)
    page.get_by_role("button", name="Save", exact=True).click()

    errors = page.locator("#id_body_error")
    assert "nosuchkey2099" in errors.inner_text()
    assert page.get_by_label("Body").input_value() == text
    assert not Post.objects.filter(title="A post citing nothing known").exists()
