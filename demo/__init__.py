"""Demo content: accounts, sources, posts and comments that show every feature.

Sits above the other apps (it may import any of them; none imports it).
"""
