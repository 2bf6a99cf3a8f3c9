"""Deploying Taskly to a Firebase project: what `make deploy` runs around `firebase deploy`."""
