"""The moderation queue's parts that cost what the page shows: filters, the paginator, the pending count.

Nothing here lists every post or counts every comment: the post filter is a
search, the paginator counts at most ``COUNT_CAP`` rows (and on PostgreSQL
reads the planner's estimate of an unfiltered table), and the pending count
is one indexed count, cached for a few seconds.
"""

import ipaddress

from django.contrib import admin
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import F, Lookup
from django.utils.functional import cached_property

from blog.models import Post
from comments.models import Comment
from comments.rules import RULE, RULES

# Past this many rows the queue says "10,000 or more" rather than counting them.
COUNT_CAP = 10_000
PENDING_COUNT_SECONDS = 30


def network_of(address):
    """The network ``address`` belongs to, as the queue links it: its IPv4 /24 or IPv6 /64."""
    parsed = ipaddress.ip_address(address)
    return str(ipaddress.ip_network(f"{parsed}/{24 if parsed.version == 4 else 64}", strict=False))


class InNetwork(Lookup):
    """``field`` is an address inside the network ``value`` (``"203.0.113.0/24"``).

    PostgreSQL compares ``inet`` values (an index range scan); elsewhere the
    stored text is matched by the network's leading octets or groups, which is
    exact for IPv4 and for IPv6 networks whose leading groups are not zero.
    """

    lookup_name = "in_network"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} LIKE %s", [*params, self.text_prefix(ipaddress.ip_network(self.rhs, strict=False))]

    def as_postgresql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} <<= %s::inet", [*params, str(ipaddress.ip_network(self.rhs, strict=False))]

    @staticmethod
    def text_prefix(network):
        if network.version == 4:
            octets = network.network_address.exploded.split(".")[: network.prefixlen // 8]
            return ".".join(octets) + ".%"
        groups = network.network_address.exploded.split(":")[: network.prefixlen // 16]
        return ":".join(group.lstrip("0") or "0" for group in groups) + ":%"


class SearchBoxFilter(admin.SimpleListFilter):
    """A filter typed into a box (kept with the page's other filters), listing only what is chosen."""

    template = "admin/comments/comment/search_filter.html"
    input_label = ""

    def has_output(self):
        return True

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": "All",
            "kept": [
                (name, value)
                for name, values in changelist.filter_params.items()
                if name != self.parameter_name
                for value in values
            ],
        }
        for value, label in self.lookup_choices:
            yield {
                "selected": value == self.value(),
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }


class PostFilter(SearchBoxFilter):
    """By post: a post's id (from a row's link) or words of its title, typed in the box."""

    title = "post"
    parameter_name = "post"
    input_label = "Title contains"

    def lookups(self, request, model_admin):
        value = self.value()
        if not value:
            return []
        if value.isdigit():
            title = Post.objects.filter(pk=value).values_list("title", flat=True).first()
            return [(value, title or f"Post #{value} (not found)")]
        return [(value, f"Titles with “{value}”")]

    def queryset(self, request, queryset):
        value = (self.value() or "").strip()
        if not value:
            return queryset
        if value.isdigit():
            return queryset.filter(post_id=value)
        return queryset.filter(post__title__icontains=value)


class RuleFilter(admin.SimpleListFilter):
    """By the rule (or the person) that gave the comment its status."""

    title = "rule"
    parameter_name = "rule"

    def lookups(self, request, model_admin):
        return [(code, label) for code, label, _ in RULES]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.alias(rule=RULE).filter(rule=self.value())
        return queryset


class AddressFilter(SearchBoxFilter):
    """By IP address or network (``203.0.113.7``, ``203.0.113.0/24``), from each row's links or the box."""

    title = "address or network"
    parameter_name = "address"
    input_label = "Address or network"

    def lookups(self, request, model_admin):
        value = self.value()
        if not value:
            return []
        try:
            network = ipaddress.ip_network(value, strict=False)
        except ValueError:
            return [(value, f"{value} (not an address: nothing matches)")]
        choices = [(value, str(network.network_address) if "/" not in value else str(network))]
        if "/" not in value:
            choices.append((network_of(value), f"its network, {network_of(value)}"))
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        try:
            network = ipaddress.ip_network(value, strict=False)
        except ValueError:
            return queryset.none()
        if network.num_addresses == 1:
            return queryset.filter(ip_address=str(network.network_address))
        return queryset.filter(InNetwork(F("ip_address"), value))


class QueuePaginator(Paginator):
    """A paginator that counts at most ``COUNT_CAP`` rows.

    An unfiltered queue on PostgreSQL past the cap takes the planner's row
    estimate without counting; anything else past it says the cap. Pages past it are not linked, and
    nobody reads 200 pages of comments: they filter.
    """

    at_least = False

    @cached_property
    def count(self):
        estimate = self.estimate()
        if estimate is not None and estimate > COUNT_CAP:
            self.at_least = True
            return estimate
        counted = self.object_list.order_by()[: COUNT_CAP + 1].count()
        if counted <= COUNT_CAP:
            return counted
        self.at_least = True
        return COUNT_CAP

    def estimate(self):
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor != "postgresql" or queryset.query.where:
            return None
        with connection.cursor() as cursor:
            table = Comment._meta.db_table
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
            row = cursor.fetchone()
        return int(row[0]) if row and row[0] > 0 else None


def moderates_every_comment(user):
    """Whether ``user`` moderates the comments on every post, not only on their own."""
    return user.is_active and user.has_perm("comments.moderate_every_comment")


def pending_count_key(user):
    if moderates_every_comment(user):
        return "comments:pending:all"
    return f"comments:pending:author:{user.pk}"


def forget_pending_count(user):
    """Count afresh on ``user``'s next page, after they decided comments (others' counts catch up soon)."""
    cache.delete_many(["comments:pending:all", pending_count_key(user)])


def pending_count(user):
    """How many comments await ``user``'s decision: every pending one, or those on their posts."""
    every = moderates_every_comment(user)
    key = pending_count_key(user)
    count = cache.get(key)
    if count is None:
        pending = Comment.objects.filter(status=Comment.Status.PENDING)
        count = (pending if every else pending.filter(post__author=user)).count()
        cache.set(key, count, PENDING_COUNT_SECONDS)
    return count
