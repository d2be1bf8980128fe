"""The models the lesson trains, each with its settings and its trainer."""
