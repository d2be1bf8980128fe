"""Réseau à 5 couches: the deep fully connected network (scikit-learn's MLPClassifier), live."""

import numpy as np
import streamlit as st

from core.figures import dashboard
from core.models import mlp
from core.numbers import format_number
from ui.common import chart, lang, option_labels, tr
from ui.dashboard import ModelView, final_report, live_dashboard, run_controls
from ui.share import control

language = lang()
st.title(tr("mlp_title"))
st.markdown(tr("mlp_intro"))

VIEW = ModelView(
    name="mlp",
    step_label="unit_epochs",
    reference=(0.98, "reference_98"),
    weight_titles=lambda count: [str(index + 1) for index in range(count)],
    describe=lambda s: {"layers": "-".join(map(str, s.hidden_layers)), "activation": s.activation,
                        "solver": s.solver, "learning_rate": s.learning_rate, "batch_size": s.batch_size,
                        "epochs": s.epochs, "alpha": s.alpha, "train_digits": s.train_size, "seed": s.seed},
    short_name=lambda s: f"{'-'.join(map(str, s.hidden_layers))} {s.activation} {s.solver} η={s.learning_rate:g}",
    batch_title="view_train_sample",
    weights_title="view_weights_first_layer",
    train_curve="curve_train_sample",
)


def use_preset(name: str) -> None:
    st.session_state["mlp_layers"] = "-".join(map(str, mlp.PRESETS[name]))


with st.container(border=True):
    st.markdown(f"**{tr('mlp_settings_title')}**")
    architecture, diagram = st.columns([2, 3], gap="large")
    with architecture:
        with st.container(horizontal=True):
            for name in mlp.PRESETS:
                st.button(tr(f"preset_{name}"), on_click=use_preset, args=(name,), key=f"mlp_preset_{name}",
                          icon=":material/tune:")
        layers_text = control("layers", lambda: st.text_input(
            tr("set_layers"), value="200-100-60-30", key="mlp_layers", help=tr("set_layers_help"),
            persist_state="session"))
        activation = control("act", lambda: st.segmented_control(
            tr("set_activation"), mlp.ACTIVATIONS, default="logistic", required=True,
            format_func=option_labels("activation_"), key="mlp_activation", persist_state="session"))
        solver = control("solver", lambda: st.segmented_control(
            tr("set_solver"), mlp.SOLVERS, default="adam", required=True, format_func=option_labels("solver_"),
            key="mlp_solver", persist_state="session"))
    try:
        layers = mlp.parse_layers(layers_text)
        layer_problem = None
    except mlp.LayerSpecError as error:
        layers, layer_problem = st.session_state.get("mlp_last_layers", mlp.LESSON_LAYERS), error
    else:
        st.session_state["mlp_last_layers"] = layers
    with diagram:
        chart(dashboard.network_figure(layers, {"input": tr("net_input"), "hidden": tr("net_hidden", act=tr(
            f"activation_{activation}")), "output": tr("net_output")}), key="mlp_network")
        st.caption(tr("mlp_parameters", count=f"{mlp.parameter_count(layers):,}".replace(",", " "),
                      layers=len(layers) + 1))
    row = st.columns(3)
    learning_rate = control("lr", lambda: row[0].select_slider(
        tr("set_learning_rate"), mlp.LEARNING_RATES, value=0.001, key="mlp_lr",
        format_func=lambda v: format_number(v, None, language), help=tr("set_mlp_learning_rate_help"),
        persist_state="session"))
    batch_size = control("batch", lambda: row[1].select_slider(
        tr("set_batch_size"), mlp.BATCH_SIZES, value=100, key="mlp_batch", persist_state="session"))
    epochs = control("epochs", lambda: row[2].select_slider(
        tr("set_epochs"), mlp.EPOCHS, value=20, key="mlp_epochs", help=tr("set_epochs_help"),
        persist_state="session"))
    row = st.columns(3)
    alpha = control("alpha", lambda: row[0].select_slider(
        tr("set_alpha"), mlp.ALPHAS, value=0.0001, key="mlp_alpha",
        format_func=lambda v: format_number(v, None, language), help=tr("set_alpha_help"), persist_state="session"))
    train_size = control("train", lambda: row[1].select_slider(
        tr("set_train_size"), mlp.TRAIN_SIZES, value=60000, key="mlp_train_size", help=tr("set_train_size_help"),
        persist_state="session"))
    seed = control("seed", lambda: row[2].number_input(
        tr("set_seed"), min_value=0, max_value=9999, value=0, step=1, key="mlp_seed", help=tr("set_seed_help"),
        persist_state="session"))
    settings = mlp.MLPSettings(hidden_layers=layers, activation=activation, solver=solver,
                               learning_rate=float(learning_rate), batch_size=int(batch_size), epochs=int(epochs),
                               alpha=float(alpha), train_size=int(train_size), seed=int(seed))
    problems = settings.problems()
    if layer_problem is not None:
        problems = [(layer_problem.code, layer_problem.details)] + problems
    run_controls(VIEW, settings, problems)

live_dashboard(VIEW)


def epochs_to_target(settings, checkpoints) -> None:
    """How many epochs and seconds it took to pass 97.5 % on test, and the cost of one epoch."""
    accuracies = np.array([c.test_accuracy for c in checkpoints])
    per_epoch = checkpoints[-1].seconds / max(1, checkpoints[-1].step)
    st.metric(tr("mlp_train_accuracy"), format_number(100 * checkpoints[-1].train_accuracy, 2, language) + " %")
    st.caption(tr("mlp_epoch_time", seconds=format_number(per_epoch, 1, language)))
    reached = np.flatnonzero(accuracies >= mlp.TARGET_ACCURACY)
    if reached.size:
        first = checkpoints[reached[0]]
        st.success(tr("mlp_reached", epochs=first.step, seconds=format_number(first.seconds, 1, language)),
                   icon=":material/flag:")
    else:
        st.info(tr("mlp_not_reached", best=format_number(100 * accuracies.max(), 2, language)), icon=":material/trending_up:")


final_report(VIEW, extra=epochs_to_target)

with st.expander(tr("mlp_explain_title"), expanded=False):
    for key in ("mlp_explain_layers", "mlp_explain_sigmoid", "explain_test"):
        st.markdown(tr(key))
