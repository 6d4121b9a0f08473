"""A snapshot's readable text: the article's words, without menus, scripts or footers."""

from capture.readable import readable_text


def test_the_article_is_kept_and_the_page_around_it_dropped():
    """With an <article>, only its text is kept; nav, aside, script, style and footer inside go too."""
    html = """<html><head><title>T</title><style>p{}</style></head><body>
    <nav>Home | About</nav><header>Site</header>
    <article><h1>Headline</h1><p>First   paragraph,
    on two lines.</p><aside>Related: other</aside><script>track()</script>
    <p>Second &amp; last.</p><footer>Share this</footer></article>
    <footer>© Site</footer></body></html>"""
    assert readable_text(html) == "Headline\n\nFirst paragraph, on two lines.\n\nSecond & last."


def test_without_article_or_main_the_body_text_is_kept():
    """A page without <article> or <main> gives all its text outside the dropped elements."""
    assert readable_text("<div>One<br>two</div><nav>menu</nav><p>three</p>") == "One\n\ntwo\n\nthree"


def test_unclosed_and_stray_tags_do_not_swallow_the_text():
    """A stray </nav> or an unclosed <b> changes nothing; an unclosed <aside> drops only what follows it."""
    assert readable_text("</nav><p><b>bold</p><p>after</p>") == "bold\n\nafter"
    assert readable_text("<p>kept</p><aside>lost<p>lost too") == "kept"
