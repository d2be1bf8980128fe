"""Placeholder until this slide of the lesson is built."""

from ui.common import coming_soon

coming_soon("page_convolution", "coming_soon_convolution")
