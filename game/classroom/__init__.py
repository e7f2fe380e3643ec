"""Classroom mode, the pure part: session log, class votes, content-note plan, quiz, reality cards, exports.

Nothing here imports pygame; the screens live in game/screens/classroom_*.py.
"""
