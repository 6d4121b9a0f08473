"""Dependencies point one way (``citations`` ← ``blog`` ← ``comments``), and the page cache depends on no app.

The desk (``capture``) builds on citations and blog; only the site's URLs and
its own admin wiring name it.

Each app plugs into the ones below it through their seams (``blog.hooks``, the
admins' ``add_*`` functions, ``httpcache.receivers.watch``…), so the ones
below never name it. These read the source: every ``import`` statement,
including those inside functions, and every template.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["citations", "blog", "comments", "wordpress", "demo", "pagecache", "jobs", "imports", "capture"]


def imports_of(paths, forbidden):
    """(file, module) for each module of the top-level packages ``forbidden`` imported in ``paths``."""
    found = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module]
            else:
                continue
            found += [
                (str(path.relative_to(ROOT)), name) for name in modules if name.split(".")[0] in forbidden
            ]
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("citations", {"blog", "comments", "wordpress", "demo", "pagecache", "importing", "capture"}),
        ("blog", {"comments", "wordpress", "demo", "pagecache", "importing", "capture"}),
        ("pagecache", {"citations", "blog", "comments", "wordpress", "demo", "capture"}),
        ("httpcache", {"citations", "blog", "comments", "wordpress", "demo", "pagecache", "capture"}),
        ("jobs", {"citations", "blog", "comments", "wordpress", "demo", "pagecache", "imports", "capture"}),
        (
            "imports",
            {"citations", "blog", "comments", "wordpress", "demo", "pagecache", "importing", "capture"},
        ),
        ("importing", {"comments", "wordpress", "demo", "pagecache", "capture"}),
        ("capture", {"comments", "wordpress", "demo", "pagecache", "imports"}),
        ("comments", {"capture"}),
        ("wordpress", {"capture"}),
        ("config", {"comments", "wordpress", "demo"}),
    ],
)
def test_a_package_imports_nothing_from_the_apps_that_build_on_it(package, forbidden):
    """citations knows no posts, blog no comments, the page cache and jobs no app, config no optional app;
    the importing core builds on blog and citations and knows no platform's importer."""
    assert imports_of(sorted((ROOT / package).rglob("*.py")), forbidden) == []


def test_no_apps_settings_import_the_project_package():
    """Each ``<app>/conf.py`` reads Django's settings only; ``config/settings.py`` maps the environment in."""
    confs = [ROOT / app / "conf.py" for app in APPS if (ROOT / app / "conf.py").exists()]
    assert len(confs) >= 4
    assert imports_of(confs, {"config"}) == []


@pytest.mark.parametrize("folder", ["templates/blog", "templates/citations", "citations/templates"])
def test_the_blog_and_library_templates_name_nothing_of_comments(folder):
    """The post page and lists show comments through ``blog.hooks``, so no blog template names them."""
    naming = [
        str(path.relative_to(ROOT))
        for path in (ROOT / folder).rglob("*.html")
        if "comment" in path.read_text()
    ]
    assert naming == []


def test_the_sites_own_templates_name_nothing_of_comments():
    """The base and error pages (403_csrf.html included) leave comments to the comments app's templates."""
    naming = [path.name for path in (ROOT / "templates").glob("*.html") if "comment" in path.read_text()]
    assert naming == []


def test_no_admin_is_unregistered_to_be_extended():
    """Apps extend each other's admin through its extension points, never by unregistering it."""
    calls = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "unregister(" in path.read_text()
    ]
    assert calls == []
