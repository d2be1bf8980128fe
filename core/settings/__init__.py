"""Every setting declared once, and its round trip through a teacher's link."""
