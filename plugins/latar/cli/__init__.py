"""The ``latar`` command."""
