"""Plotly renderers: data in, a figure out."""
