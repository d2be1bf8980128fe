"""Pour le professeur / For the teacher: before class, the 55-minute plan and its questions, the handout, the glossary."""

import streamlit as st

from core.lesson import slides
from core.teacher import plan
from core.texts import LANGUAGE_NAMES
from ui import measurements, teacher
from ui.common import tr
from ui.glossary import glossary_table

st.title(tr("teacher_title"))
st.markdown(tr("teacher_intro"))

st.header(tr("teacher_before_title"), divider="red")
st.caption(tr("teacher_before_text"))
readiness, link = st.columns([3, 2], gap="large")
with readiness:
    teacher.server_readiness()
with link:
    teacher.class_panel()

readings = measurements.read_all(teacher.NEEDED)
st.header(tr("teacher_plan_title", minutes=plan.total_minutes()), divider="red")
teacher.plan_section(readings)

st.header(tr("teacher_handout_title"), divider="red")
teacher.handout_section(readings)

st.header(tr("teacher_glossary_title"), divider="red", anchor="glossary")
st.caption(tr("teacher_glossary_text"))
table = glossary_table(teacher.page_names())
table.columns = [LANGUAGE_NAMES["fr"], LANGUAGE_NAMES["en"], tr("teacher_col_definition"), tr("teacher_col_page")]
st.dataframe(table, hide_index=True, width="stretch")

st.header(tr("teacher_sources_title"), divider="red")
st.markdown(tr("teacher_sources", **slides.credits(), deck=slides.DECK_TITLE, mnist_url=slides.MNIST_URL,
               training_at=slides.moment_text("training"), training_url=slides.talk_link("training"),
               five_at=slides.moment_text("five_layers"), five_url=slides.talk_link("five_layers")))
