"""Migrations that convert stored rows, run on rows written as the code before them wrote them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("blog", "0016_autosave")
AFTER = ("blog", "0017_in_text_citation")


@pytest.fixture
def migrate(transactional_db):
    """Migrate the test database to a migration of an app, every other app staying at its last, and
    return the models as they stood there; every migration is applied again afterwards."""

    def to(target=None):
        executor = MigrationExecutor(connection)
        targets = [
            node for node in executor.loader.graph.leaf_nodes() if target is None or node[0] != target[0]
        ]
        targets += [target] if target else []
        executor.migrate(targets)
        executor.loader.build_graph()
        return executor.loader.project_state(targets).apps

    yield to
    to()


def test_footnotes_numbered_0_become_in_text_citations(migrate):
    """The rows an in-text style used to store as notes numbered 0 become in-text citations in the
    same order, one position per citation (a citation of several sources shares one), and go; real
    notes stay notes."""
    apps = migrate(BEFORE)
    User, Post = apps.get_model("auth", "User"), apps.get_model("blog", "Post")
    Source, Footnote = apps.get_model("citations", "Source"), apps.get_model("blog", "Footnote")
    author = User.objects.create(username="writer")
    zola, adams = (Source.objects.create(key=key, title=key) for key in ("zola", "adams"))
    post, other = (Post.objects.create(title=slug, slug=slug, author=author, body="…") for slug in "ab")
    rows = [
        (post, 0, zola, "p. 33", "(Zola, 1885, p. 33)"),
        (post, 0, adams, "", "(see Adams, 2002; Zola, 1885)"),
        (post, 0, zola, "", "(see Adams, 2002; Zola, 1885)"),
        (post, 0, zola, "", "(Zola, 1885)"),
        (post, 0, zola, "", "(Zola, 1885)"),
        (post, 1, None, "", "<p>A plain note.</p>"),
        (other, 0, adams, "p. 4", "(Adams, 2002, p. 4)"),
    ]
    for row_post, number, source, locator, html in rows:
        Footnote.objects.create(post=row_post, number=number, source=source, locator=locator, note_html=html)

    apps = migrate(AFTER)
    InTextCitation, Footnote = apps.get_model("blog", "InTextCitation"), apps.get_model("blog", "Footnote")
    cited = InTextCitation.objects.order_by("post_id", "position", "pk")
    assert list(cited.values_list("post__slug", "position", "source__key", "locator", "html")) == [
        ("a", 1, "zola", "p. 33", "(Zola, 1885, p. 33)"),
        ("a", 2, "adams", "", "(see Adams, 2002; Zola, 1885)"),
        ("a", 2, "zola", "", "(see Adams, 2002; Zola, 1885)"),
        ("a", 3, "zola", "", "(Zola, 1885)"),
        ("a", 4, "zola", "", "(Zola, 1885)"),
        ("b", 1, "adams", "p. 4", "(Adams, 2002, p. 4)"),
    ]
    assert list(Footnote.objects.values_list("post__slug", "number", "source", "note_html")) == [
        ("a", 1, None, "<p>A plain note.</p>")
    ]

    apps = migrate(BEFORE)
    Footnote = apps.get_model("blog", "Footnote")
    assert Footnote.objects.filter(number=0).count() == 6
