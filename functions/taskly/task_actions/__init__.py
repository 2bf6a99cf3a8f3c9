"""Done and Snooze from outside the app: a notification's buttons and a digest email's links."""
