"""Broken models for notebook 09 (see tests/broken_models/__init__.py for the format)."""

BROKEN = []
