"""Every public page type passes tools nobody here wrote: the Nu HTML Checker and axe-core.

The pages are written out once and checked in one batch (one JVM start for
the checker, one browser for axe), in both colour schemes.
"""

import json
import subprocess

import pytest
from django.template.loader import get_template

from tests.browser import (
    load_demo_content,
    public_pages,
    require_axe,
    require_validator,
    run_axe,
    validator_command,
)

pytestmark = pytest.mark.checkers


@pytest.mark.django_db
def test_every_public_page_is_valid_html5(client, tmp_path):
    """The Nu HTML Checker finds no error in any public page type, the 500 page included."""
    require_validator()
    load_demo_content(tmp_path)
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, path in public_pages():
        response = client.get(path)
        assert response.status_code == (404 if name == "not-found" else 200), path
        (pages / f"{name}.html").write_bytes(response.content)
    (pages / "server-error.html").write_text(get_template("500.html").render({}), encoding="utf-8")
    result = subprocess.run(
        [validator_command(), "--root", str(pages), "--format", "json", "--no-langdetect"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout.strip() or result.stderr.strip()
    messages = json.loads(output)["messages"] if output.startswith("{") else []
    errors = [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, output


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_public_page_meets_wcag_21_aa(live_server, demo_content, browser, scheme):
    """axe-core finds no WCAG 2.1 A or AA violation on any public page type, in either scheme."""
    require_axe()
    # axe is injected as a script of the test's own; the site's CSP rightly refuses
    # inline scripts, so this context (and only this one) bypasses it.
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    found = {}
    for name, path in public_pages():
        page.goto(live_server.url + path)
        if violations := run_axe(page):
            found[name] = violations
    page.goto(live_server.url + "/")
    page.set_content(get_template("500.html").render({}))
    if violations := run_axe(page):
        found["server-error"] = violations
    context.close()
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)
