"""Tools for authors: lint, explore, graph, the scene scaffold and the generated format reference.

Pure Python: nothing here imports pygame at module level (the font checks of `lint` load it
lazily), and nothing prints; every function returns data and the CLI decides what to show.
"""
