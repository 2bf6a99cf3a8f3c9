"""A person's account as a whole: deleting it and everything it owns."""
