"""The teacher's material: the 55-minute plan and its prepared questions, the glossary, the printable handout."""
