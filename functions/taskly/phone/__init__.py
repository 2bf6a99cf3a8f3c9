"""Phone numbers: verifying that a person owns the number they give."""
