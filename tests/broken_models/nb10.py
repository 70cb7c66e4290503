"""Broken models for notebook 10 (see tests/broken_models/__init__.py for the format)."""

BROKEN = []
