"""Read the sitemap as a crawler does: the index, then every file it names."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def index_locations(client):
    """The files ``/sitemap.xml`` (an index) names, as absolute URLs."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).findall("s:sitemap/s:loc", SITEMAP_NS)]


def file_entries(client, url):
    """``(loc, lastmod or None)`` of every address in one sitemap file (an absolute URL)."""
    parts = urlsplit(url)
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert response.status_code == 200, url
    return [
        (entry.findtext("s:loc", namespaces=SITEMAP_NS), entry.findtext("s:lastmod", namespaces=SITEMAP_NS))
        for entry in ET.fromstring(response.content).findall("s:url", SITEMAP_NS)
    ]


def sitemap_locations(client):
    """Every address the whole sitemap lists, through its index."""
    return {loc for url in index_locations(client) for loc, _ in file_entries(client, url)}
