"""Load tests for Commonplace (``make bench``): corpus, servers, wrk, and the comparison with peers."""
