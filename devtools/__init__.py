"""Tools for tests and benchmarks (not part of the app): a real dashboard server to drive."""
