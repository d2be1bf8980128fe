"""Entraînement (10 neurones): the lesson's first model trained live, with the full dashboard."""

import streamlit as st

from core.models.softmax_regression import SoftmaxSettings
from core.settings.pages import shown
from core.numbers import format_count, format_number
from ui.common import folded, lang, tr
from ui.dashboard import ModelView, final_report, live_dashboard, logistic_reference, run_controls, settings_panel
from ui.settings import SettingsForm
from ui.slides import code_slides, slide_box

st.title(tr("training_title"))
st.markdown(tr("training_intro"))
slide_box("training")
cost, batch = tr("formula_cost"), tr("formula_batch")  # the words in the formulas, in the page's language
# Three formulas side by side that wrap onto the next line on a narrow screen: as one formula they
# ran off a 390-pixel phone (KaTeX never breaks a display formula).
with st.container(horizontal=True, wrap=True, gap="medium"):
    for formula in (r"Y = \mathrm{softmax}(X \cdot W + b)",
                    rf"\text{{{cost}}} = -\sum_{{\text{{{batch}}}}} Y' \ln Y",
                    rf"W \leftarrow W - \eta\,\frac{{\partial\,\text{{{cost}}}}}{{\partial W}}"):
        st.latex(formula, width="content")
folded("training_more")

VIEW = ModelView(
    name="softmax",
    page="training",
    step_label="unit_iterations",
    reference=(0.92, "reference_92"),
    weight_titles=lambda count: [str(digit) for digit in range(count)],
    describe=lambda s: {"learning_rate": s.learning_rate, "batch_size": s.batch_size, "iterations": s.iterations,
                        "train_digits": s.train_size, "eval_every": s.eval_every, "seed": s.seed},
    short_name=lambda s: tr("run_label_softmax", rate=format_number(s.learning_rate, None, lang()),
                            batch=format_count(s.batch_size, lang()), digits=format_count(s.train_size, lang()),
                            seed=s.seed),
)



def settings_form():
    form = SettingsForm(shown("training", SoftmaxSettings))
    form.grid(columns=3)
    return form.result()


with st.container(border=True):
    st.markdown(f"**{tr('settings_title')}**")
    settings_panel(VIEW, settings_form)
    run_controls(VIEW)

live_dashboard(VIEW)
final_report(VIEW, extra=logistic_reference)

with st.expander(tr("training_explain_title"), expanded=False):
    for key in ("explain_one_hot", "explain_loss", "explain_test", "explain_weights"):
        st.markdown(tr(key))

code_slides("training")
