"""Data generators and measurements (results go to BENCHMARKS.md)."""
