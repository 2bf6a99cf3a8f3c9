"""A person's sign-in sessions: ending all of them at once."""
