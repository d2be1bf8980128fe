"""The "what the slide says" boxes through AppTest: before and after the server's measurements are ready."""

import pytest

from core.lesson import code, slides
from core.texts import t
from tests.app.conftest import SMALL_TRANSLATION_MODELS, open_page
from tests.app.test_training_page import run_until
from ui import measurements

BOX_PAGES = {"home": "home", "softmax": "softmax", "training": "training", "five_layers": "five-layers",
             "overfitting": "overfitting", "translation": "translation",
             "convolution": "convolution"}


def measured_metrics(at, lang):
    return [m.value for m in at.metric if m.label == t("slide_measured_label", lang)]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", list(BOX_PAGES))
def test_every_box_shows_its_slides_numbers_while_the_server_computes(page, lang, monkeypatch):
    computing = lambda name, ask=True: measurements.Reading(name, measurements.COMPUTING, progress=0.25)  # noqa: E731
    original = measurements.read
    monkeypatch.setattr(measurements, "read", lambda name, ask=True: original(name, ask) if
                        measurements.measures.measure(name).source == "computed" else computing(name, ask))
    at = open_page(page, lang)
    assert not at.exception, at.exception
    claims = slides.claims_for(BOX_PAGES[page])
    numbers = [claim for claim in claims if claim.unit != "vector"]
    labels = [t("slide_label", lang, slide=claim.slide) for claim in numbers]
    shown = [(m.label, m.value) for m in at.metric if m.label in labels]
    assert shown == [(label, slides.slide_text(claim, lang) or t("slide_in_words", lang))
                     for label, claim in zip(labels, numbers)]
    for claim in claims:
        if claim.unit == "vector":  # written out, not in a metric's large type
            slide_line = f"{t('slide_label', lang, slide=claim.slide)}  \n**{slides.slide_text(claim, lang)}**"
            assert slide_line in [m.value for m in at.markdown]
    waiting = [claim for claim in claims if slides.measures.measure(claim.measure).source != "computed"]
    assert measured_metrics(at, lang).count("…") == len([claim for claim in waiting if claim.unit != "vector"])
    captions = [c.value for c in at.caption]
    assert captions.count(t("slide_state_computing", lang, progress="25")) == len(waiting)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_training_box_reads_the_servers_run_once_it_is_done(lang):
    at = open_page("training", lang)
    run = measurements.lesson_run("softmax")
    assert run.key == SMALL_TRANSLATION_MODELS["softmax"]
    run_until(at, lambda at: "…" not in measured_metrics(at, lang), timeout=120)
    final = run.checkpoints[-1]
    expected = slides.format_percent(final.test_accuracy, 2, lang)
    assert measured_metrics(at, lang)[0] == expected                      # never typed in: the run's own value
    assert slides.format_count(60000, lang) in measured_metrics(at, lang)
    why = t("slide_why_training_92", lang, slide=slides.format_percent(0.92, 0, lang), measured=expected, beside="—")
    assert why in [c.value for c in at.caption]
    assert any(slides.talk_link("training") in m.value for m in at.markdown)


def test_the_overfitting_box_says_which_experiment_to_open_and_then_reads_it():
    at = open_page("overfitting", "en")
    assert not at.exception
    captions = [c.value for c in at.caption]
    # the plateau and slow-learning grids are not opened by this page's first section: the box says where to go
    assert t("slide_absent_plateau", "en") in captions and t("slide_absent_slow", "en") in captions


@pytest.mark.parametrize("page, slide_ids", [("training", ("init", "model", "run")), ("five_layers", ("five_layers",))])
def test_the_code_slides_show_each_deck_line_beside_the_apps_live_lines(page, slide_ids):
    at = open_page(page, "en")
    assert not at.exception
    assert t("code_box_title", "en") in [e.label for e in at.expander]
    assert not [c for c in at.code if c.language == "python"]  # sent when opened
    at.session_state[f"code_slides_{page.replace('_', '-')}"] = True
    at.run()
    assert not at.exception
    shown = [c.value for c in at.code]
    for slide_id in slide_ids:
        for link in code.slide(slide_id).links:
            assert link.tf in shown
            for lines in link.app_lines():
                assert any(value.startswith(f"# {lines.where}") and lines.text[0].strip() in value for value in shown)
