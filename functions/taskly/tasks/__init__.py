"""Task documents users/{uid}/tasks/{id}: storing, listing and changing them."""
