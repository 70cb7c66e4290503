"""Broken models for notebook 08 (see tests/broken_models/__init__.py for the format)."""

BROKEN = []
