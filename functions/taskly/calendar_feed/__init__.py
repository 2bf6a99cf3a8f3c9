"""A person's private calendar feed: its revocable link, the tasks it lists, the iCalendar."""
