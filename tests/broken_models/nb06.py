"""Broken models for notebook 06 (see tests/broken_models/__init__.py for the format)."""

BROKEN = []
