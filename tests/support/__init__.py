"""Helpers shared by the test tiers: people on the Auth emulator, the API, the capture server."""
