"""The words every layer shares: channels, statuses, ids, local time, limits and errors."""
