"""Teacher links: every page's settings survive the round trip through the URL; bad values are refused."""

import math

import pytest

from core.lesson import examples
from core.settings import links
from core.settings.fields import Context, Setting, SettingError
from core.settings.pages import PAGES, entries

ALL = [(page, key, setting) for page in PAGES for key, setting in entries(page)]


def make(url: str, kind: str, default, choices: tuple = (), low=None, high=None) -> Setting:
    """A setting declared for a link test: a select slider over ``choices``, or a slider over [low, high]."""
    if low is not None:
        return Setting(kind, default, url=url, label="k", widget="slider", offered=(low, high))
    return Setting(kind, default, url=url, label="k", widget="segmented" if choices else "text_input", offered=choices)


def some_values(setting: Setting, language: str = "fr") -> list:
    """A few legal values of a setting: its default, its choices, its bounds."""
    default = setting.default_for(Context(language))
    if setting.kind == "bool":
        return [True, False]
    if setting.kind == "text":
        return [default, "1; 2,5; -3", "200 100"]
    if setting.kind == "layers":
        return [default, (16,), (32, 8)]
    if setting.choices:
        return list(setting.choices)
    return [default, *setting.offered]


@pytest.mark.parametrize("page, key, setting", ALL, ids=[f"{p}-{s.url}" for p, _, s in ALL])
def test_every_setting_round_trips_through_the_url(page, key, setting):
    for value in some_values(setting):
        params = links.to_params([(key, setting)], {key: value})
        values, problems = links.read([(key, setting)], params)
        assert not problems
        if value == setting.default_for(Context()):
            assert params == {} and values == {}          # defaults stay out of the link
        else:
            assert values == {key: value} and type(values[key]) is type(value)


def test_names_and_keys_are_unique_on_each_page_and_labels_exist():
    from core import texts
    for page in PAGES:
        settings = entries(page)
        names = [s.url for _, s in settings]
        assert len(names) == len(set(names)), page
        assert len({key for key, _ in settings}) == len(settings), page
        assert not set(names) & links.RESERVED, page
        assert all(s.label in texts.TEXTS for _, s in settings), page


@pytest.mark.parametrize("setting, raw", [
    (make("lr", "float", 0.003, choices=(0.001, 0.003, 0.01)), "0.02"),     # not a step of the slider
    (make("lr", "float", 0.003, choices=(0.001, 0.003, 0.01)), "abc"),
    (make("seed", "int", 0, low=0, high=9999), "10000"),
    (make("seed", "int", 0, low=0, high=9999), "-1"),
    (make("seed", "int", 0, low=0, high=9999), "2.5"),
    (make("seed", "int", 0, low=0, high=9999), "nan"),
    (make("seed", "int", 0, low=0, high=9999), "inf"),
    (make("seed", "int", 0, low=0, high=9999), "1e400"),
    (make("seed", "int", 0, low=0, high=9999), ""),
    (make("slow", "bool", False), "maybe"),
    (make("mode", "choice", "round", choices=("truncate", "round")), "ROUND"),
    (make("z", "text", "1"), "x" * 201),
    (make("z", "text", "1"), "a\nb"),
    (make("z", "text", "1"), "y" * 400),
])
def test_bad_values_are_refused(setting, raw):
    with pytest.raises(SettingError):
        setting.parse(raw)
    values, problems = links.read([("k", setting)], {setting.url: raw})
    assert values == {} and problems == [(setting.url, raw[:40])]


def test_numbers_are_read_leniently_but_exactly():
    lr = make("lr", "float", 0.003, choices=(0.0001, 0.001, 0.003, 0.01))
    assert lr.parse("0.010") == 0.01 and lr.parse("1e-4") == 0.0001 and lr.parse(" 0,001 ") == 0.001
    assert lr.encode(0.0001) == "0.0001" and lr.encode(0.003) == "0.003"
    iterations = make("iter", "int", 10000, choices=(1000, 10000))
    assert iterations.parse("1000") == 1000 and type(iterations.parse("1e3")) is int
    temperature = make("t", "float", 1.0, choices=(0.5, 1.0, 2.0))
    assert temperature.parse("2") == 2.0 and temperature.encode(2.0) == "2"
    assert make("dx", "int", 0, low=-8, high=8).parse("-8") == -8
    assert make("s", "bool", False).parse("TRUE") is True


def test_a_language_dependent_default_stays_out_of_the_link_in_each_language():
    z = [(key, s) for key, s in entries("softmax") if s.url == "z"]
    key = z[0][0]
    assert links.to_params(z, {key: examples.z_text("en")}, Context("en")) == {}
    assert links.to_params(z, {key: examples.z_text("fr")}, Context("fr")) == {}
    assert links.to_params(z, {key: examples.z_text("en")}, Context("fr")) == {"z": examples.z_text("en")}


def test_reading_takes_the_last_of_repeated_values_and_ignores_the_rest():
    settings = entries("training")
    values, problems = links.read(settings, {"lr": ["0.1", "0.01"], "unknown": "3", "lang": "en"})
    assert values == {"training_learning_rate": 0.01} and problems == []
    values, problems = links.read(settings, {"iter": "12", "seed": "42"})
    assert values == {"training_seed": 42} and problems == [("iter", "12")]


def test_hidden_controls_and_presenter_mode():
    settings = entries("training")
    assert links.hidden_names(settings, {"hide": "lr, seed,nope,,"}) == {"lr", "seed"}
    assert links.hidden_names(settings, {}) == set()
    assert links.hidden_names(settings, {"hide": ",".join(["lr"] * 500)}) == {"lr"}
    assert links.presenting({"present": "1"}) and links.presenting({"present": ["0", "yes"]})
    assert not links.presenting({}) and not links.presenting({"present": "0"})


def test_encoded_floats_are_exact():
    for value in (0.0001, 1e-5, 0.3, 1.0 / 3.0, 123456.789):
        setting = make("x", "float", 0.0, low=-1e9, high=1e9)
        assert math.isclose(setting.parse(setting.encode(value)), value, rel_tol=0, abs_tol=0)
