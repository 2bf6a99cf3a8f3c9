"""Deploying Taskly to a Firebase project: what `make deploy` runs before `firebase deploy`."""
