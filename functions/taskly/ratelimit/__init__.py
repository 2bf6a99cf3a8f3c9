"""Per-person write rate limits, shared by every instance."""
