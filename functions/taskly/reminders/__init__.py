"""Reminders: when they fire, what they say, how they go out, and how people opt out."""
