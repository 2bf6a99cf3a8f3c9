"""The profile document users/{uid}."""
