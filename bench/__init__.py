"""Benchmarks for Warta: a deterministic corpus of generated news pages (`bench.corpus`) and the
harness behind `make bench` (`bench.run`). Nothing here is imported by the package or the tests'
timing: tests only check that the generator is deterministic and well shaped."""
