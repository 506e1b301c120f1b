"""Benchmarks: how checking, building and searching scale with the size of the directory."""
