"""The class board: its database, keys and records."""
