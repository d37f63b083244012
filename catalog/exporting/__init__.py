"""Writing the catalogue out in formats other programs read."""
