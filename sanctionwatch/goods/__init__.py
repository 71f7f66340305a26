"""goods."""
