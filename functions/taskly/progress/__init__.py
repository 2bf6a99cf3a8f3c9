"""A person's progress: per-day counts kept by the task trigger, and what the page shows."""
