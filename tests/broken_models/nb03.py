"""Broken models for notebook 03 (see tests/broken_models/__init__.py for the format)."""

BROKEN = []
