# Commonplace behind Varnish (7.1+, with varnish-modules' xkey): the site's own rules.
#
# The site says what may be shared: an anonymous page is `Cache-Control:
# public, s-maxage, stale-while-revalidate, stale-if-error` with the objects
# it shows in `Surrogate-Key` (httpcache/). This file keeps exactly those
# pages, purges them by key, and serves the last good copy while the site is
# down. It is included by a main file that names the backend(s), the health
# probe and the addresses allowed to purge (deploy/serve.py writes one, and
# README's "Front cache" shows it):
#
#     vcl 4.1;
#     probe healthz { .request = "GET /healthz HTTP/1.1" "Host: blog.example.com" "Connection: close"; }
#     backend default { .host = "127.0.0.1"; .port = "8001"; .probe = healthz; }
#     acl purgers { "127.0.0.1"; "::1"; }
#     include "/path/to/deploy/varnish/commonplace.vcl";

vcl 4.1;

import cookie;
import std;
import var;
import xkey;

sub vcl_recv {
    if (req.restarts == 0) {
        unset req.http.X-Refresh;
    }
    # The worker's purge (httpcache/purge.py): `PURGE /` with `xkey-purge: post-12 thread-12`.
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from " + client.ip));
        }
        if (req.http.xkey-purge !~ "[^\s,]") {
            return (synth(400, "Name the keys to purge in an xkey-purge header"));
        }
        call note_purge;
        set req.http.X-Purged = xkey.softpurge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.X-Purged + " objects"));
    }
    # Forms, the admin's writes: straight to the site, every cookie kept.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A signed-in visitor (Django's session cookie) gets their own pages.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Keep only the cookies the site reads (CSRF for the login form, messages, the
    # commenter's own ones for /comments/own/): tracking cookies reach nothing.
    # The page is the same whatever these say (the site varies only on the
    # session), so they do not split the cache: see Vary in vcl_backend_response.
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep_re("^(csrftoken|messages|cp_[a-z]+)$");
        set req.http.Cookie = cookie.get_string();
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # A restart from vcl_hit: the page is past its stale-while-revalidate and the site is up.
    if (req.http.X-Refresh) {
        set req.grace = 0s;
    }
    # Unlike the built-in rule, a request with cookies is looked up too: only the
    # site's `public` answers are kept, and concurrent misses wait for one fetch.
    return (hash);
}

# A purge or ban reaches only the pages already stored: a fetch under way when it came is stored
# after it, and may hold what it retired (the site read the page before the change committed).
# Each records its time, and vcl_backend_response stores a fetch begun before then already stale
# (any purge, whatever its keys: VCL cannot match a fetch's keys against the purge's).
sub note_purge {
    var.global_set("purged_at", "" + std.time2real(now, 0.0));
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.host);
    return (lookup);
}

sub vcl_hit {
    # Past its time to live, a page is served stale (and fetched anew behind it) for
    # its stale-while-revalidate seconds; later, only while the site is sick (the
    # probe failed), up to its stale-if-error seconds. Otherwise look again with no
    # grace: a miss, which concurrent requests wait on together.
    if (obj.ttl < 0s && req.restarts == 0 && std.healthy(req.backend_hint)
        && obj.ttl + std.duration(obj.http.X-Stale-While-Revalidate, 0s) < 0s) {
        set req.http.X-Refresh = "1";
        return (restart);
    }
    return (deliver);
}

sub vcl_backend_fetch {
    var.set_real("fetch_started", std.time2real(now, 0.0));
}

sub vcl_backend_response {
    # A form that worked sends the writer to the page it changed (a comment to its
    # post): retire that page now, so they see their change at once rather than when
    # the worker's purge lands a moment later.
    if (bereq.method == "POST" && beresp.status >= 301 && beresp.status <= 303 && beresp.http.Location) {
        std.ban("obj.http.X-Url == " + regsub(beresp.http.Location, "^(https?://[^/]+)?([^#]*).*$", "\2"));
        var.global_set("purged_at", "" + std.time2real(now, 0.0));
    }
    # Keep only what the site marked public; anything else (private, no-store, no
    # Cache-Control at all: redirects, 404s, forms with errors) goes to the site each
    # time. Hit-for-miss, not hit-for-pass, so a URL that turns public is kept at once.
    if (beresp.http.Cache-Control !~ "(^|,)\s*public\b" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # beresp.ttl comes from s-maxage. Grace is how long a stale copy may stand in when
    # the site fails (stale-if-error); vcl_hit limits it to stale-while-revalidate
    # while the site is up.
    set beresp.grace = std.duration(
        regsub(beresp.http.Cache-Control, "^.*stale-if-error=(\d+).*$", "\1s"), 0s);
    set beresp.http.X-Stale-While-Revalidate =
        regsub(beresp.http.Cache-Control, "^.*stale-while-revalidate=(\d+).*$", "\1s");
    # Begun before the latest purge (note_purge): the next reader gets it once, marked stale, while
    # a fetch that sees the change replaces it, as if the purge had found it stored. (A time to live
    # of 0 would hide it from lookups altogether, and make every reader wait on that fetch.)
    if (var.get_real("fetch_started") <= std.real(var.global_get("purged_at"), 0.0)) {
        set beresp.ttl = 0.001s;
    }
    # For the ban above (lurker-friendly: it names the object, not the request).
    set beresp.http.X-Url = bereq.url;
    # The objects the page shows, for xkey.purge.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # The site's public pages are the same for every cookie but the session's, and a
    # session never reaches the cache: one copy for all.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*cookie\s*(?=,|$)", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
        if (obj.ttl < 0s) {
            set resp.http.X-Cache = "hit, stale";
        }
    } else {
        set resp.http.X-Cache = "miss";
    }
    unset resp.http.xkey;
    unset resp.http.X-Url;
    unset resp.http.X-Stale-While-Revalidate;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    return (deliver);
}
