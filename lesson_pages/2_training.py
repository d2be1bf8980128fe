"""Entraînement (10 neurones): the lesson's first model trained live, with the full dashboard."""

import streamlit as st

from core.models import softmax_regression
from core.numbers import format_number
from ui.common import lang, tr
from ui.dashboard import ModelView, final_report, live_dashboard, logistic_reference, run_controls
from ui.share import control

language = lang()
st.title(tr("training_title"))
st.markdown(tr("training_intro"))
st.latex(r"Y = \mathrm{softmax}(X \cdot W + b) \qquad "
         r"\text{loss} = -\sum_{\text{batch}} Y' \log Y \qquad W \leftarrow W - \eta\,\frac{\partial\,\text{loss}}{\partial W}")

VIEW = ModelView(
    name="softmax",
    step_label="unit_iterations",
    reference=(0.92, "reference_92"),
    weight_titles=lambda count: [str(digit) for digit in range(count)],
    describe=lambda s: {"learning_rate": s.learning_rate, "batch_size": s.batch_size, "iterations": s.iterations,
                        "train_digits": s.train_size, "eval_every": s.eval_every, "seed": s.seed},
    short_name=lambda s: f"η={s.learning_rate:g}, {s.batch_size}/lot, {s.train_size} ({s.seed})",
)

with st.container(border=True):
    st.markdown(f"**{tr('settings_title')}**")
    row1 = st.columns(3)
    learning_rate = control("lr", lambda: row1[0].select_slider(
        tr("set_learning_rate"), softmax_regression.LEARNING_RATES, value=0.003, key="softmax_lr",
        help=tr("set_learning_rate_help"), format_func=lambda v: format_number(v, None, language),
        persist_state="session"))
    batch_size = control("batch", lambda: row1[1].select_slider(
        tr("set_batch_size"), softmax_regression.BATCH_SIZES, value=100, key="softmax_batch", help=tr("set_batch_size_help"),
        persist_state="session"))
    iterations = control("iter", lambda: row1[2].select_slider(
        tr("set_iterations"), softmax_regression.ITERATIONS, value=10000, key="softmax_iterations", persist_state="session"))
    row2 = st.columns(3)
    train_size = control("train", lambda: row2[0].select_slider(
        tr("set_train_size"), softmax_regression.TRAIN_SIZES, value=60000, key="softmax_train_size",
        help=tr("set_train_size_help"), persist_state="session"))
    eval_every = control("every", lambda: row2[1].select_slider(
        tr("set_eval_every"), softmax_regression.EVAL_INTERVALS, value=100, key="softmax_eval_every",
        help=tr("set_eval_every_help"), persist_state="session"))
    seed = control("seed", lambda: row2[2].number_input(
        tr("set_seed"), min_value=0, max_value=9999, value=0, step=1, key="softmax_seed", help=tr("set_seed_help"),
        persist_state="session"))
    settings = softmax_regression.SoftmaxSettings(learning_rate=float(learning_rate), batch_size=int(batch_size),
                                        iterations=int(iterations), train_size=int(train_size),
                                        eval_every=int(eval_every), seed=int(seed))
    run_controls(VIEW, settings, settings.problems())

live_dashboard(VIEW)
final_report(VIEW, extra=logistic_reference)

with st.expander(tr("training_explain_title"), expanded=False):
    for key in ("explain_one_hot", "explain_loss", "explain_test", "explain_weights"):
        st.markdown(tr(key))
