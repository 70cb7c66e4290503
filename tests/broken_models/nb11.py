"""Broken models for notebook 11 (see tests/broken_models/__init__.py for the format)."""

BROKEN = []
