"""Runtime layer: the story state machine. Plain Python, deterministic, no pygame."""
