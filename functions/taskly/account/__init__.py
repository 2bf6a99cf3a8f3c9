"""A person's account as a whole: exporting it, and deleting it and everything it owns."""
