"""Following an import started in the admin to its page, the way its uploader does."""

import re

from tests.queue import run_jobs

RUN_PAGE = re.compile(r"^/admin/imports/importrun/(\d+)/change/$")


def run_page(response) -> str:
    """The import page an upload answered with (a redirect), checked to be one."""
    assert response.status_code == 302, response.status_code
    assert RUN_PAGE.match(response["Location"]), response["Location"]
    return response["Location"]


def finished_page(client, response) -> str:
    """Run the import an upload queued, then return the text of its page."""
    url = run_page(response)
    run_jobs()
    page = client.get(url)
    assert page.status_code == 200
    return page.content.decode()
