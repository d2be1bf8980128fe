"""The slides' claims (core.lesson.slides) and the measurements that answer them (core.lesson.measures)."""

from types import SimpleNamespace

import numpy as np
import pytest

from core.lesson import experiments, measures, slides
from core.settings.pages import PAGES
from core.texts import t

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize("claim", slides.CLAIMS, ids=lambda claim: claim.id)
def test_every_claim_quotes_a_slide_and_names_a_measurement_of_its_page(claim):
    assert claim.page in PAGES
    assert claim.quote.strip() and claim.slide.strip()
    assert claim.measure in measures.MEASURES
    assert claim.beside is None or claim.beside in measures.MEASURES
    if claim.value is not None and claim.unit == "percent":
        # the slide's number is in its words: 92 % in "Perfo du modèle 92 % !!!!"
        assert f"{round(100 * claim.value)}" in claim.quote.replace(" ", "")


def test_claim_ids_are_unique_and_every_lesson_page_has_a_box():
    assert len(set(slides.CLAIM_IDS)) == len(slides.CLAIM_IDS)
    assert set(slides.PAGES_WITH_CLAIMS) == set(PAGES) - {"board", "teacher"}


def test_the_computed_measurements_answer_the_softmax_slide_exactly():
    vector, total = slides.claims_for("softmax")
    assert slides.agrees(vector, measures.computed("softmax_z")) is True
    assert slides.agrees(total, measures.computed("softmax_sum")) is True
    assert measures.computed("train_digits") == 60000 and measures.computed("test_digits") == 10000
    assert measures.computed("pixels") == 784


@pytest.mark.parametrize("measured, agrees, points", [(0.9241, True, "+0.4"), (0.9262, False, "+0.6"),
                                                      (0.9149, False, "−0.5"), (0.9195, True, "−0.1")])
def test_a_percentage_agrees_within_half_a_point(measured, agrees, points):
    claim = next(claim for claim in slides.CLAIMS if claim.id == "training_92")
    assert slides.agrees(claim, measured) is agrees
    assert slides.format_points(slides.difference(claim, measured), "en") == points


def test_a_claim_in_words_has_no_number_to_agree_with():
    claim = next(claim for claim in slides.CLAIMS if claim.id == "translation")
    assert claim.value is None and slides.slide_text(claim, "fr") is None
    assert slides.agrees(claim, 0.3) is None and slides.difference(claim, 0.3) is None


def test_numbers_follow_each_languages_typography():
    assert slides.format_percent(0.92413, 1, "fr") == f"92,4{NBSP}%"
    assert slides.format_percent(0.92413, 1, "en") == "92.4%"
    assert slides.format_count(60000, "fr") == f"60{NNBSP}000" and slides.format_count(60000, "en") == "60,000"
    assert slides.format_value("vector", (0.01, 0.6), 2, "fr") == "(0,01; 0,60)"
    assert slides.format_value("pixels", 3, 0, "en") == f"3{NBSP}px"
    claim = next(claim for claim in slides.CLAIMS if claim.id == "five_train")
    assert slides.slide_text(claim, "fr") == f"100{NBSP}%"  # as the slide writes it, not 100,00 %


def test_the_talk_links_open_at_the_decks_moments():
    assert slides.talk_link("training") == "https://www.youtube.com/watch?v=BtAVBeLuigI&t=710s"
    assert slides.talk_link("five_layers") == "https://www.youtube.com/watch?v=BtAVBeLuigI&t=2030s"
    assert slides.moment_text("training") == "11'50\"" and slides.moment_text("five_layers") == "33'50\""
    credit = t("sidebar_credit", "fr", **slides.credits())
    for words in ("Christian Pasco", "Martin Görner", slides.TALK_TITLE, "Modified National Institute of Standards "
                  "and Technology", "Yann LeCun", "Devoxx France 2017"):
        assert words in credit


def checkpoint(train, test):
    return SimpleNamespace(train_accuracy=train, test_accuracy=test)


def test_the_readers_take_the_right_checkpoint_and_curve():
    run = [checkpoint(0.8, 0.7), checkpoint(1.0, 0.86)]
    assert measures.measure("overfit_train").read([run]) == 1.0
    assert measures.measure("overfit_test").read([run]) == 0.86
    assert measures.measure("slow_sigmoid").read([run]) == 0.7  # after one epoch
    assert measures.which_overfits([run, [checkpoint(0.9, 0.85)]]) == "big"
    assert measures.which_overfits([[checkpoint(0.9, 0.85)], run]) == "small"
    curve = np.array([0.97, 0.95, 0.8, 0.55, 0.3, 0.1, 0.05, 0.04, 0.03])
    assert measures.first_below(curve) == 4 and measures.first_below(curve + 1) is None
    assert measures.measure("shift_mlp_4").read([curve]) == pytest.approx(0.3)
    names = tuple(experiments.TRANSLATION_MODELS)
    assert measures.most_robust([curve, curve, curve + 0.5]) == names[2]


def test_every_measurement_has_a_known_source_and_unit():
    for measure in measures.MEASURES.values():
        assert measure.source in measures.SOURCES and measure.unit in measures.UNITS
        if measure.source in ("model", "shifts"):
            assert set(measure.models) <= set(experiments.TRANSLATION_MODELS)
        if measure.source == "experiments":
            assert measure.settings
        if measure.unit == "choice":
            assert measure.name in measures.CHOICES
    with pytest.raises(ValueError):
        measures.computed("softmax_test")  # read from the server, never computed here
