"""Broken models for notebook 01 (see tests/broken_models/__init__.py for the format)."""

BROKEN = []
