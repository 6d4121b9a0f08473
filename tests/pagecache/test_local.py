"""``pagecache.local.LocalStore``: a worker's pages by ETag, bounded by their total length."""

from pagecache.local import LocalStore


def page(length):
    return b"x" * length


def test_a_stored_page_is_found_by_its_etag():
    """A page put under an ETag comes back by that ETag; an unknown ETag finds nothing."""
    store = LocalStore(1000)
    store.put('"a"', page(10))
    assert store.get('"a"') == page(10)
    assert store.get('"b"') is None


def test_the_least_recently_served_page_goes_first():
    """Past its limit the store drops the page served longest ago, and keeps to the limit."""
    store = LocalStore(250)
    store.put("a", page(100))
    store.put("b", page(100))
    store.get("a")
    store.put("c", page(100))
    assert (store.get("a"), store.get("b"), store.get("c")) == (page(100), None, page(100))
    assert store.size == 200


def test_a_page_larger_than_the_limit_is_not_kept():
    """A page bigger than the whole store is not kept, and a limit of 0 keeps nothing."""
    store = LocalStore(50)
    store.put("a", page(100))
    assert len(store) == 0
    empty = LocalStore(0)
    empty.put("a", page(1))
    assert empty.get("a") is None


def test_putting_the_same_etag_twice_counts_it_once():
    """An ETag names the same bytes, so storing it again changes nothing."""
    store = LocalStore(1000)
    store.put("a", page(100))
    store.put("a", page(100))
    assert (len(store), store.size) == (1, 100)
