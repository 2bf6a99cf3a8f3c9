"""The in-app feed of what happened to a person's reminders."""
