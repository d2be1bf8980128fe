"""Softmax: the lesson's calculator, sigmoid beside it, cross-entropy, and the shapes of L = X·W + b."""

import numpy as np
import pandas as pd
import streamlit as st

from core.figures import style
from core.lesson import examples
from core.lesson import softmax as sm
from core.numbers import format_count, format_number, format_vector
from core.vectors import VectorError, parse_vector
from core.settings.pages import SoftmaxPage, shown
from core import texts
from ui.common import folded, lang, shared_chart, tr, tr_choice
from ui.settings import widget
from ui.slides import slide_box

language = lang()
PAGE = shown("softmax", SoftmaxPage)

st.title(tr("softmax_title"))
st.markdown(tr("softmax_intro"))
slide_box("softmax")


def read_vector(text: str, state_key: str, default: np.ndarray) -> np.ndarray:
    """The parsed vector (said back as read), or the last valid one with a clear message."""
    try:
        vector = parse_vector(text)
    except VectorError as error:
        st.error(tr(error.code, **error.details), icon=":material/error:")
        vector = st.session_state.get(state_key, default)
        st.caption(tr("softmax_kept_last", vector=format_vector(vector, None, language)))
        return vector
    st.session_state[state_key] = vector
    st.caption(tr("softmax_read_as", vector=format_vector(vector, None, language)))
    return vector


# ------------------------------------------------------------ the calculator
def reset_vector() -> None:
    st.session_state[PAGE.key("vector")] = examples.z_text(language)


controls, options = st.columns([3, 2], gap="large")
with controls:
    text = widget(PAGE, "vector")
    st.button(tr("softmax_reset"), on_click=reset_vector, icon=":material/restart_alt:")
    z = read_vector(text, "softmax_last_z", examples.Z)
with options:
    decimals = widget(PAGE, "decimals")
    mode = widget(PAGE, "rounding")
    temperature = widget(PAGE, "temperature")

result = examples.softmax_table(z, temperature)
reduced = {name: sm.reduce_precision(result[name], decimals, mode) for name in ("softmax", "sigmoid")}


def as_text(values) -> list[str]:
    return [format_number(v, decimals, language) for v in values]


places = tr("decimal_place" if texts.singular(decimals, language) else "decimal_places", count=decimals)
st.caption(tr_choice("precision_shown_", mode, places=places))
if examples.is_lesson_example(z, temperature):
    st.success(tr("lesson_check_ok", vector=format_vector(sm.truncate(result["softmax"], 2), 2, language)), icon=":material/check_circle:")

components = [str(i + 1) for i in range(z.size)]
shown_t = format_number(temperature, None, language)  # σ of z / T when the temperature is not the lesson's
col_z, col_softmax, col_sigmoid = st.columns(3)
with col_z:
    shared_chart(style.bars, z, tr("chart_z"), tr("axis_component"), tr("axis_value"), style.COLORS["grey"],
                 text=[format_number(v, 2, language) for v in z], key="chart_z")
with col_softmax:
    softmax_title = tr("chart_softmax") if temperature == 1 else tr("chart_softmax_temperature", t=shown_t)
    shared_chart(style.bars, result["softmax"], softmax_title, tr("axis_component"), tr("axis_probability"),
                 style.COLORS["main"], text=as_text(reduced["softmax"]), y_range=(0, 1.1), key="chart_softmax")
with col_sigmoid:
    shared_chart(style.bars, result["sigmoid"], tr("chart_sigmoid"), tr("axis_component"), tr("axis_value"),
                 style.COLORS["third"], text=as_text(reduced["sigmoid"]), y_range=(0, 1.1), key="chart_sigmoid")

table = pd.DataFrame({
    tr("col_index"): components,
    tr("col_z"): [format_number(v, 4, language) for v in z],
    **({tr("col_exp"): [format_number(v, 4, language) for v in result["exp"]]} if result["exp"] is not None else {}),
    (tr("col_softmax") if temperature == 1 else tr("col_softmax_temperature", t=shown_t)): as_text(reduced["softmax"]),
    tr("col_sigmoid"): as_text(reduced["sigmoid"]),
})
table_col, formula_col = st.columns([3, 2], gap="large")
with table_col:
    st.dataframe(table, hide_index=True, width="stretch")
    st.markdown(tr("softmax_sum_property", total=format_number(result["softmax"].sum(), 4, language)))
    st.markdown(tr("sigmoid_sum_property", total=format_number(result["sigmoid"].sum(), 4, language)))
with formula_col:
    st.subheader(tr("softmax_formula_title"))
    # the lesson's formulas, as its slide writes them: σ the softmax (on a vector), S the sigmoid (on a number)
    st.latex(r"\sigma(\vec{z})_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}")
    st.latex(r"\sum_{i=1}^{K} \sigma(\vec{z})_i = 1")
    st.latex(r"S(x) = \frac{1}{1 + e^{-x}}")
    st.caption(tr("softmax_formula_lesson"))
    # the temperature is the page's own setting, not the lesson's: its formula apart
    st.caption(tr("temperature_formula"))
    st.latex(r"\sigma_T(\vec{z})_i = \frac{e^{z_i / T}}{\sum_{j=1}^{K} e^{z_j / T}}")

# ---------------------------------------------------------- cross-entropy
st.header(tr("ce_title"), divider="red")
st.markdown(tr("ce_intro"))
st.latex(r"H(y', y) = -\sum_{i=0}^{9} y'_i \,\ln(y_i)")
folded("ce_more")
picker, scores_col = st.columns([2, 3], gap="large")
with picker:
    label = widget(PAGE, "true_digit")
    normalisation = widget(PAGE, "normalisation")
with scores_col:
    scores_text = widget(PAGE, "scores")
    scores = read_vector(scores_text, "ce_last_scores", examples.CE_SCORES)
    probabilities = None
    if scores.size != 10:
        st.error(tr("ce_need_ten", count=scores.size), icon=":material/error:")
    else:
        try:
            probabilities = examples.to_probabilities(scores, normalisation)
            st.session_state["ce_last_valid"] = (scores, normalisation)
        except ValueError:
            st.error(tr("ce_negative"), icon=":material/error:")
    if probabilities is None:
        scores, normalisation = st.session_state.get("ce_last_valid", (examples.CE_SCORES, "sum"))
        probabilities = examples.to_probabilities(scores, normalisation)
    said = tr("ce_norm_said_sum", total=format_number(scores.sum(), 2, language)) if normalisation == "sum" \
        else tr("ce_norm_said_softmax")
    st.caption(said)

label = int(label)
loss = sm.cross_entropy(sm.one_hot(label), probabilities)
st.markdown("### " + tr("ce_result", label=label, probability=format_number(probabilities[label], 3, language),
                        loss=format_number(loss, 3, language)))
ce_left, ce_right = st.columns(2)
with ce_left:
    shared_chart(style.prediction_vs_label, probabilities, label, tr("ce_chart_title", label=label),
                 tr("ce_prediction"), tr("ce_one_hot"), tr("axis_digit"), tr("axis_probability"), key="chart_ce")
with ce_right:
    shared_chart(style.neg_log_curve, float(probabilities[label]), tr("ce_curve_title"), tr("axis_probability"),
                 key="chart_neglog")

# ------------------------------------------------------------- the shapes
st.header(tr("shapes_title"), divider="red")
st.markdown(tr("shapes_intro"))
folded("shapes_more")
st.latex(r"L = X \cdot W + b \qquad Y = \sigma(L)")
batch = widget(PAGE, "batch")
shared_chart(style.matrix_shapes, batch, {
             "X": tr("shape_X"), "W": tr("shape_W"), "b": tr("shape_b"), "L": tr("shape_L"),
             "broadcast": tr("shape_broadcast"),
         }, key="chart_shapes")
st.dataframe(pd.DataFrame([
    {tr("shape_col_name"): name, tr("shape_col_shape"): shape, tr("shape_col_count"): format_count(count, language),
     tr("shape_col_meaning"): tr_choice("shape_", name)}
    for name, shape, count in examples.shapes(batch)
]), hide_index=True, width="stretch")
