"""Accueil / Home: the first slide a teacher projects."""

import streamlit as st

from core import data
from core.figures import style
from ui.common import folded, shared_chart, tr
from ui.server import mnist
from ui.slides import slide_box

st.title(tr("home_title"))
st.markdown(f"#### {tr('home_intro')}")
slide_box("home")

left, right = st.columns([1, 1], gap="large")
with left:
    st.header(tr("home_map_title"), divider="red")
    for part in ("home_part1", "home_part2", "home_part3", "home_part4"):
        st.markdown(tr(part))
    st.header(tr("home_mnist_title"), divider="red")
    st.markdown(tr("home_mnist"))
    folded("home_mnist_more")
    st.caption(tr("home_mnist_credit"))
    st.header(tr("home_rules_title"), divider="red")
    st.markdown(tr("home_rules"))
    folded("home_rules_more")

with right:
    st.header(tr("home_grid_title"), divider="red")
    if st.button(tr("home_other_digits"), key="home_other_digits", icon=":material/refresh:"):
        st.session_state["home_seed"] = st.session_state.get("home_seed", 0) + 1
    dataset = mnist()
    indices = data.random_indices(dataset.x_train.shape[0], 100, st.session_state.get("home_seed", 0))
    labels = dataset.y_train[indices]
    shared_chart(style.digit_grid, dataset.x_train[indices], [str(label) for label in labels], height=720,
                 key="home_grid")
    st.caption(tr("home_grid_caption"))
