"""Benchmarks: scripts that measure the importer on a large generated export."""
