"""Benchmarks: ``python benchmarks/run.py`` measures search, page reruns, start-up, ingest, memory."""
