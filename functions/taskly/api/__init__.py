"""The HTTP API served at /api/**."""
