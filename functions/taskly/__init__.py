"""Taskly: a task board with reminders, as Cloud Functions."""
