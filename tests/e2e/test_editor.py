"""The post editor in a browser: the preview beside the text as readers see it, @ completion, autosave."""

import pytest

from blog.models import Autosave, Post
from tests.browser import EXAMPLE_POST_SLUG, log_in

pytestmark = pytest.mark.e2e

# What makes an excerpt and its aside look like the page, none of which depends on the window's width.
STYLE = """element => {
  const style = getComputedStyle(element);
  return ["font-family", "font-style", "color", "background-color", "border-left-color",
          "border-left-style", "border-left-width"].map(name => name + ": " + style.getPropertyValue(name));
}"""
SHOWN = ["figure.excerpt", "figure.excerpt blockquote", "figure.excerpt figcaption", ".footnotes li"]


@pytest.fixture
def author(browser, live_server, demo_content, settings):
    """The demo's author, signed in at 1400 px wide, autosaving every second; no script or request fails."""
    settings.BLOG_AUTOSAVE_SECONDS = 1
    context, page = log_in(browser, live_server, "author")
    failures = []
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and failures.append(f"{response.status} {response.request.method} {response.url}")
        ),
    )
    page.on("pageerror", lambda error: failures.append(str(error)))
    yield page
    context.close()
    assert failures == []


def preview_body(page):
    return page.frame_locator(".post-editor-frame").locator(".post-body")


def wait_for_autosave(page, **fields):
    """The autosave with ``fields``, once the live server has kept it (within five seconds)."""
    for _ in range(50):
        if autosave := Autosave.objects.filter(**fields).first():
            return autosave
        page.wait_for_timeout(100)
    raise AssertionError(f"No autosave with {fields}.")


def test_the_preview_sits_beside_the_text_and_looks_like_the_public_page(live_server, author, screenshot):
    """At 1400 px the preview is to the right of the text, and its excerpt is styled as on the page."""
    page = author
    post = Post.objects.get(slug=EXAMPLE_POST_SLUG)
    page.goto(live_server.url + f"/admin/blog/post/{post.pk}/change/")
    preview_body(page).locator("figure.excerpt").first.wait_for()
    text = page.get_by_label("Body").bounding_box()
    frame = page.locator(".post-editor-preview").bounding_box()
    assert frame["x"] >= text["x"] + text["width"]
    assert abs(frame["y"] - text["y"]) < 5
    assert frame["width"] > 450 and text["width"] > 450
    screenshot(page, "admin-editor-side-by-side", full_page=False)
    in_preview = [preview_body(page).locator(selector).first.evaluate(STYLE) for selector in SHOWN]

    page.goto(live_server.url + post.get_absolute_url())
    on_page = [page.locator(".post-body").locator(selector).first.evaluate(STYLE) for selector in SHOWN]
    assert in_preview == on_page
    assert "font-style: normal" in on_page[1]


def test_the_preview_is_under_the_text_on_a_narrow_screen(live_server, author):
    """Below 1100 px the preview comes after the text, full width."""
    page = author
    page.set_viewport_size({"width": 900, "height": 900})
    page.goto(live_server.url + "/admin/blog/post/add/")
    text = page.get_by_label("Body").bounding_box()
    frame = page.locator(".post-editor-frame").bounding_box()
    assert frame["y"] >= text["y"] + text["height"]


def test_at_offers_source_keys_and_enter_inserts_one(live_server, author):
    """Typing “[@hinsh” lists the source with its title and author; Enter puts its key in the text."""
    page = author
    page.goto(live_server.url + "/admin/blog/post/add/")
    editor = page.get_by_label("Body")
    editor.click()
    editor.press_sequentially("As reported [@hinsh")
    listbox = page.get_by_role("listbox", name="Sources")
    option = listbox.get_by_role("option").first
    option.wait_for()
    assert option.inner_text() == (
        "@hinshaw2013\nDrew Hinshaw, Margaret Coker · Defenders Outgunned By Islamists In Desert · 2013"
    )
    assert editor.get_attribute("aria-controls") == listbox.get_attribute("id")
    assert editor.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    editor.press("Enter")
    editor.press_sequentially("].")
    assert editor.input_value() == "As reported [@hinshaw2013]."
    assert listbox.is_hidden()
    preview_body(page).locator(".footnotes li").get_by_text("Hinshaw").wait_for()

    editor.press_sequentially(" Also @zzzz")
    page.wait_for_timeout(400)
    assert listbox.is_hidden()
    for _ in "zzzz":
        editor.press("Backspace")
    editor.press_sequentially("mill")
    listbox.get_by_role("option").first.wait_for()
    editor.press("Escape")
    assert listbox.is_hidden() and editor.get_attribute("aria-activedescendant") is None


def test_a_key_that_needs_braces_is_inserted_in_braces(live_server, author):
    """Typing “@{O'Ha” offers O'Hara_1999; Enter writes ``@{O'Hara_1999}``, which the preview cites."""
    from tests.factories import make_source

    make_source(
        key="O'Hara_1999", title="Auger Decay of Excitons", authors=[{"family": "O'Hara", "given": "K."}]
    )
    page = author
    page.goto(live_server.url + "/admin/blog/post/add/")
    editor = page.get_by_label("Body")
    editor.click()
    editor.press_sequentially("As shown [@{O'Ha")
    option = page.get_by_role("listbox", name="Sources").get_by_role("option").first
    option.wait_for()
    assert option.inner_text().startswith("@{O'Hara_1999}\n")
    editor.press("Enter")
    editor.press_sequentially("].")
    assert editor.input_value() == "As shown [@{O'Hara_1999}]."
    preview_body(page).locator(".footnotes li").get_by_text("Auger Decay of Excitons").wait_for()


def test_a_changed_draft_is_autosaved_and_loads_back_into_the_form(live_server, author):
    """Typing in a post autosaves it apart from the post; after leaving, the autosave loads into the form."""
    page = author
    post = Post.objects.get(slug=EXAMPLE_POST_SLUG)
    change = live_server.url + f"/admin/blog/post/{post.pk}/change/"
    page.goto(change)
    editor = page.get_by_label("Body")
    stored = editor.input_value()
    editor.fill("A new opening.\n\n" + stored)
    page.get_by_role("status").get_by_text("Autosaved at").wait_for()
    autosave = Autosave.objects.get(post=post)
    assert autosave.body.replace("\r\n", "\n") == ("A new opening.\n\n" + stored).strip()
    assert autosave.author.username == "author"
    assert Post.objects.get(pk=post.pk).body == post.body

    page.goto(change)
    assert editor.input_value() == stored
    page.get_by_role("button", name="Load into the form").click()
    page.get_by_role("status").get_by_text("Loaded the text autosaved at").wait_for()
    assert editor.input_value().startswith("A new opening.\n\nHere is yet another report")
    preview_body(page).get_by_text("A new opening.").wait_for()


def test_leaving_a_new_post_autosaves_it_for_the_next_add_form(live_server, author, settings):
    """Leaving the add form sends the changed text at once; the next add form offers it back."""
    settings.BLOG_AUTOSAVE_SECONDS = 600
    page = author
    page.goto(live_server.url + "/admin/blog/post/add/")
    page.get_by_label("Title").fill("Half a thought")
    page.get_by_label("Body").fill("Written, then the tab was closed.")
    page.goto(live_server.url + "/admin/")
    autosave = wait_for_autosave(page, body="Written, then the tab was closed.")
    assert (autosave.title, autosave.body) == ("Half a thought", "Written, then the tab was closed.")

    page.goto(live_server.url + "/admin/blog/post/add/")
    page.get_by_role("button", name="Load into the form").click()
    page.get_by_role("status").get_by_text("Loaded the text autosaved at").wait_for()
    assert page.get_by_label("Title").input_value() == "Half a thought"


def test_saving_a_new_post_keeps_its_autosaves_as_the_posts(live_server, author):
    """A new post autosaved while written, then saved, lists that autosave on its own change form."""
    page = author
    page.goto(live_server.url + "/admin/blog/post/add/")
    page.get_by_label("Title").fill("First thoughts")
    page.get_by_label("Body").fill("An opening line.")
    wait_for_autosave(page, body="An opening line.")
    page.get_by_label("Body").fill("An opening line, revised.")
    page.get_by_role("button", name="Save and continue editing").click()
    page.locator(".messagelist").get_by_text("was added successfully").wait_for()
    post = Post.objects.get(title="First thoughts")
    autosaves = list(Autosave.objects.values_list("post", "body"))
    assert (post.pk, "An opening line.") in autosaves and {pk for pk, body in autosaves} == {post.pk}
    assert page.get_by_role("button", name="Load into the form").count() == len(autosaves)
