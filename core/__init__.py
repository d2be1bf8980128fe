"""Pure Python core of the lesson: data, maths, models, figures and texts.

Nothing in this package imports Streamlit, so every piece can be unit-tested
and reused by the pages, the benchmarks and the tests alike.
"""
