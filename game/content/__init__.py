"""Content layer: the YAML format, its schema, the loader and its located errors. No pygame."""
