"""Profile pictures: decoding uploads safely and storing them."""
