"""Taskly's ties to the platform: settings, Firestore, Auth, logs and templates."""
