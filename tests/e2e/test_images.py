"""Images in a real browser: upload in the editor, alt text asked for, seen in the preview and on the page."""

import io

import pytest
from PIL import Image

from blog.models import Post
from tests.browser import log_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def author(browser, live_server, demo_content, settings, tmp_path):
    """The demo's author in the add-post form, media served from a fresh folder; page errors collected."""
    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA = True
    context, page = log_in(browser, live_server, "author")
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.locator("tr.model-post").get_by_role("link", name="Add").click()
    page.get_by_role("heading", name="Add post").wait_for()
    yield page
    context.close()


def jpeg(size=(120, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "JPEG")
    return buffer.getvalue()


def test_an_uploaded_image_is_described_then_shown_in_the_preview_and_on_the_page(
    live_server, author, screenshot
):
    """Add an image asks for alt text, inserts ![alt](url) at the cursor; preview and page show it, sized."""
    page = author
    page.get_by_label("Title").fill("A picture")
    editor = page.get_by_label("Body")
    editor.fill("Before.\n\n")
    editor.press("End")
    page.get_by_label("Add an image").set_input_files(
        {"name": "harbour.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}
    )
    alt = page.get_by_label("Alt text for harbour.jpg")
    alt.fill("A teal harbour wall")
    page.get_by_role("button", name="Insert image").click()

    assert editor.input_value().startswith("Before.\n\n![A teal harbour wall](/media/uploads/")
    image = page.frame_locator(".post-editor-frame").locator('img[alt="A teal harbour wall"]')
    image.wait_for()
    assert (image.get_attribute("width"), image.get_attribute("height")) == ("120", "80")
    page.wait_for_function(
        "() => { const img = document.querySelector('.post-editor-frame').contentDocument"
        ".querySelector('img[alt=\"A teal harbour wall\"]');"
        " return img.complete && img.naturalWidth === 120; }"
    )
    screenshot(page, "admin-image-upload", full_page=False)

    page.get_by_label("Status").select_option(label="Published")
    page.get_by_role("button", name="Save", exact=True).click()
    assert "was added successfully" in page.locator(".messagelist").inner_text()
    page.goto(live_server.url + Post.objects.get(title="A picture").get_absolute_url())
    shown = page.locator('.post-body img[alt="A teal harbour wall"]')
    assert shown.get_attribute("loading") == "lazy"
    page.wait_for_function("img => img.complete && img.naturalWidth === 120", arg=shown.element_handle())
    assert page.errors == []


def test_a_refused_file_dropped_on_the_editor_is_explained_and_the_text_is_untouched(author):
    """A dropped non-image shows the server's reason beside the editor; the body is unchanged."""
    page = author
    editor = page.get_by_label("Body")
    editor.fill("Words I wrote.")
    editor.dispatch_event(
        "drop",
        {
            "dataTransfer": page.evaluate_handle(
                "() => { const d = new DataTransfer();"
                " d.items.add(new File(['not an image'], 'notes.jpg', {type: 'image/jpeg'})); return d; }"
            )
        },
    )
    message = page.locator(".image-upload-message")
    message.get_by_text("notes.jpg was not uploaded").wait_for()
    assert "The file is not an image (JPEG, PNG, GIF or WebP) that can be read." in message.inner_text()
    assert editor.input_value() == "Words I wrote."
    assert page.errors == []
