"""Benchmarks, not tests: the load test (`make bench`), rendering, source and WordPress imports."""
