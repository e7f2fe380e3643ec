"""Screens layer: pygame drawing and input. Screens draw runtime state and turn input into runtime calls."""
