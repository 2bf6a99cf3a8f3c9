"""Reminder logic: when reminders fire, what they say, and how people opt out."""
