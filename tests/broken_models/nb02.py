"""Broken models for notebook 02 (see tests/broken_models/__init__.py for the format)."""

BROKEN = []
