"""Test pages, one for each flavour of metadata a page may carry (and none, conflicting, hostile)."""

HIGHWIRE = """<!doctype html><html lang="en"><head>
<title>Ignored title | Journal site</title>
<meta name="citation_title" content="Quotation Accuracy in the News">
<meta name="citation_author" content="Hinshaw, Drew">
<meta name="citation_author" content="Margaret Coker">
<meta name="citation_journal_title" content="Journal of Verification">
<meta name="citation_publication_date" content="2013/02/22">
<meta name="citation_volume" content="12"><meta name="citation_issue" content="3">
<meta name="citation_firstpage" content="189"><meta name="citation_lastpage" content="211">
<meta name="citation_doi" content="10.1234/jv.2013.042">
<meta name="citation_publisher" content="Verity Press">
<meta name="citation_language" content="en">
</head><body><article><h1>Quotation Accuracy in the News</h1>
<p>Nearly one quotation in ten was not verbatim.</p></article></body></html>"""

JSON_LD = """<!doctype html><html><head><title>Site title</title>
<link rel="canonical" href="/news/defenders-outgunned">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "The page around it", "url": "https://news.example/page"},
  {"@type": ["NewsArticle"], "headline": "Defenders Outgunned By Islamists In Desert",
   "author": [{"@type": "Person", "name": "Drew Hinshaw"}, {"@type": "Person", "givenName": "Margaret",
   "familyName": "Coker"}], "datePublished": "2013-02-22T19:30:00-05:00",
   "publisher": {"@type": "Organization", "name": "The Wall Street Journal"}, "inLanguage": "en-US"}
]}
</script></head><body><main><p>In Diabaly, the militants came at dawn.</p></main></body></html>"""

BLOG_POSTING = """<html><head><title>x</title><script type="application/ld+json">
[{"@type": "BlogPosting", "headline": "On Commonplace Books", "author": "Ann Writer",
  "datePublished": "2021-05-04", "isPartOf": {"@type": "Blog", "name": "Marginalia"}}]
</script></head><body><p>A post.</p></body></html>"""

DUBLIN_CORE = """<html><head><title>DC page</title>
<meta name="DC.title" content="A Report on Archives">
<meta name="DC.creator" content="Lovelace, Ada">
<meta name="DC.date" content="1843-09">
<meta name="DC.publisher" content="Royal Society">
<meta name="DC.language" content="en-GB">
</head><body><p>Report.</p></body></html>"""

OPEN_GRAPH = """<html><head><title>OG | Site</title>
<meta property="og:title" content="Why Links Die">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:type" content="article">
<meta property="og:url" content="https://daily.example/links-die">
<meta property="article:published_time" content="2024-05-17T08:00:00Z">
<meta property="article:author" content="https://daily.example/authors/jo">
<meta name="author" content="Jo Smith">
<meta property="article:section" content="Technology">
</head><body><article><p>38% of pages from 2013 were gone by 2024.</p></article></body></html>"""

NONE = """<html><head><title>  Just a  Title  </title></head><body>
<nav>Home</nav><p class="byline">By Sam Jones and Kim Lee</p><time datetime="2019-11-02">2 Nov</time>
<p>Words.</p></body></html>"""

BARE = "<p>No head, no title, nothing.</p>"

CONFLICTING = """<html><head><title>Title tag</title>
<meta property="og:title" content="OpenGraph title">
<meta name="DC.title" content="Dublin Core title">
<meta name="citation_title" content="Highwire title">
<meta name="citation_date" content="2001-01-01">
<meta property="article:published_time" content="2005-05-05">
<meta property="og:site_name" content="OG Site">
<script type="application/ld+json">{"@type": "Article", "headline": "JSON-LD title",
"datePublished": "2003-03-03", "author": {"@type": "Person", "name": "Json Author"},
"publisher": {"name": "LD Publisher"}}</script>
<meta name="DC.creator" content="Dc, Author">
</head><body><p class="byline">By Byline Person</p></body></html>"""

HOSTILE = (
    """<html><head><title>Hostile <script>alert(1)</script></title>
<meta name="citation_title" content="<img src=x onerror=alert(1)>Real &amp; title">
<meta name="citation_author" content="{}">
<meta name="citation_publication_date" content="9999-99-99">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": {{"@id": 5}},
"author": [[[[[[[]]]]]]]
</script>
<script type="application/ld+json">"""
    + "[" * 100_000
    + "]" * 100_000
    + """</script>
</head><body>"""
    + "<div class=byline>" * 5_000
    + "<p>"
    + "<meta name=x content=y>" * 5_000
    + "</body>"
).format("A" * 10_000)
