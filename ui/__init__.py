"""Streamlit glue shared by the pages: language, shared data, chart display.

The maths and the texts live in :mod:`core`; this package only connects them
to Streamlit, so that every page stays a thin list of widgets and results.
"""
