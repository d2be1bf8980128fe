"""What the lesson's slides say, quoted from the deck, and which measurement of the app answers each claim.

The deck is "IA et Nous — Réseaux de neurones, application à la reconnaissance de chiffres
manuscrits" (Christian Pasco), after Martin Görner's Devoxx France 2017 talk. Each
:class:`Claim` quotes the slide word for word (in French, as the deck is), holds the slide's
number and names the measurement that answers it (:mod:`core.lesson.measures`): a page's
"Ce que dit la diapo / What the slide says" box shows the two side by side, with one line
saying why they differ. Nothing here is a measured value: those are read from the server.

Also the lesson's sources, as the deck gives them (:data:`TALK`, :data:`DECK_AUTHOR`, MNIST).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.lesson import measures
from core.numbers import format_number

# ------------------------------------------------------------------ the sources
TALK_TITLE = "TensorFlow et l'apprentissage profond, sans les équations différentielles"
TALK_SPEAKER = "Martin Görner"
TALK_EVENT = "Devoxx France 2017"
TALK_URL = "https://www.youtube.com/watch?v=BtAVBeLuigI"
# where the talk trains each model, as the deck points to them: (minutes, seconds)
TALK_MOMENTS = {"training": (11, 50), "five_layers": (33, 50)}
DECK_TITLE = "IA et Nous — Réseaux de neurones, application à la reconnaissance de chiffres manuscrits"
DECK_AUTHOR = "Christian Pasco"
MNIST_NAME = "Modified National Institute of Standards and Technology"
MNIST_AUTHORS = "Yann LeCun, Corinna Cortes, Christopher J. C. Burges"
MNIST_URL = "http://yann.lecun.com/exdb/mnist/"


def credits() -> dict[str, str]:
    """The placeholders of a credit line: the deck's author, the talk, its address, MNIST spelled out."""
    return {"deck_author": DECK_AUTHOR, "speaker": TALK_SPEAKER, "talk": TALK_TITLE, "url": TALK_URL,
            "event": TALK_EVENT, "mnist": MNIST_NAME, "mnist_authors": MNIST_AUTHORS}


# the pages whose model the talk trains on screen, and where (TALK_MOMENTS)
PAGE_MOMENTS = {"training": "training", "five-layers": "five_layers"}


def talk_link(moment: str | None = None) -> str:
    """The talk's address, at one of :data:`TALK_MOMENTS` (``&t=710s``) or from its start."""
    if moment is None:
        return TALK_URL
    minutes, seconds = TALK_MOMENTS[moment]
    return f"{TALK_URL}&t={60 * minutes + seconds}s"


def moment_text(moment: str) -> str:
    """11'50" as the deck writes it (minutes, then seconds)."""
    minutes, seconds = TALK_MOMENTS[moment]
    return f"{minutes}'{seconds:02d}\""


# ------------------------------------------------------------------ the claims
@dataclass(frozen=True)
class Claim:
    """One slide's claim: its words, its number, and the measurement that answers it.

    ``value`` is in the measurement's unit (a fraction for a percentage), or None when the slide
    says it in words only. ``tolerance``: how far the measured value may be and still agree
    (a fraction: 0.005 is half a point). ``beside``: a second measurement its explanation quotes.
    """

    id: str
    page: str                     # the page's url path (core.settings.pages)
    slide: str                    # the slide's title in the deck
    quote: str                    # the deck's words, verbatim
    measure: str                  # core.lesson.measures name
    value: float | tuple | None = None
    digits: int = 1               # decimals of the measured value shown
    tolerance: float = 0.005
    beside: str | None = None

    def __post_init__(self):
        measures.measure(self.measure)
        if self.beside is not None:
            measures.measure(self.beside)

    @property
    def unit(self) -> str:
        return measures.measure(self.measure).unit


CLAIMS: tuple[Claim, ...] = (
    Claim("home_ten", "home", "Test", "Perfo du modèle 92 % !!!!", "softmax_test", 0.92),
    Claim("home_five", "home", "Difficultés", "98% Perfo stagne", "mlp_test", 0.98),
    Claim("softmax_vector", "softmax", "Fonction softmax",
          "La fonction softmax donne en sortie (tronquée à 10⁻²) : σ(z) = (0,01; 0,08; 0,04; 0,60; 0,22; 0,03).",
          "softmax_z", (0.01, 0.08, 0.04, 0.60, 0.22, 0.03), digits=2),
    Claim("softmax_sum", "softmax", "Fonction softmax",
          "Sorties : vecteur de k nombres réels >0, et dont la somme est = 1 => Probabilités",
          "softmax_sum", 1.0, digits=4, tolerance=1e-9),
    Claim("training_92", "training", "Test", "10 000 images non connues. Perfo du modèle 92 % !!!!",
          "softmax_test", 0.92, digits=2),
    Claim("training_digits", "training", "Entraînement", "Lots de 100 images (60 000 chiffres d'entraînement)",
          "train_digits", 60000, digits=0, tolerance=0),
    Claim("five_test", "five-layers", "Difficultés", "98% Perfo stagne", "mlp_test", 0.98, digits=2),
    Claim("five_train", "five-layers", "Modèle à 5 couches", "Perfo du modèle 100 % sur entrainement",
          "mlp_train", 1.0, digits=2),
    Claim("overfit", "overfitting", "Overfitting", "Perfo du modèle 100 % sur entrainement. Overfitting : trop de neurones",
          "overfit_train", 1.0, beside="overfit_test"),
    Claim("plateau", "overfitting", "Difficultés", "98% Perfo stagne", "plateau_mlp", 0.98, digits=2),
    Claim("slow", "overfitting", "Difficultés", "Lenteur apprentissage", "slow_sigmoid", beside="slow_relu"),
    Claim("translation", "translation", "Difficultés", "Sensibilité à la translation", "shift_mlp_4",
          beside="shift_mlp_0"),
    Claim("convolution", "convolution", "Comment améliorer ?",
          "Or, dans nos modèles nous prenons en entrée les valeurs des pixels sans tenir compte des "
          "caractéristiques, des formes etc.", "cnn_global_4", beside="shift_mlp_4"),
)

CLAIM_IDS = tuple(claim.id for claim in CLAIMS)
# the claims whose measurement is made when a student opens a part of a page (a grid, a test set):
# until then their box says which part to open
OPENED_ON_A_PAGE = tuple(claim.id for claim in CLAIMS
                         if measures.measure(claim.measure).source in ("experiments", "shifts"))
PAGES_WITH_CLAIMS = tuple(dict.fromkeys(claim.page for claim in CLAIMS))


def claims_for(page: str) -> tuple[Claim, ...]:
    return tuple(claim for claim in CLAIMS if claim.page == page)


def slide_text(claim: Claim, lang: str) -> str | None:
    """The slide's number as the slide writes it (92 %, not 92,0 %); None when it has none."""
    if claim.value is None:
        return None
    if claim.unit in ("percent", "number"):
        scale = 100 if claim.unit == "percent" else 1
        digits = next(d for d in range(4) if abs(round(scale * claim.value, d) - scale * claim.value) < 1e-9)
        return format_value(claim.unit, claim.value, digits, lang)
    return format_value(claim.unit, claim.value, claim.digits, lang)


def agrees(claim: Claim, measured) -> bool | None:
    """Whether the measured value says what the slide says (None: the slide has no number)."""
    if claim.value is None or measured is None:
        return None
    if isinstance(claim.value, tuple):
        return len(measured) == len(claim.value) and all(
            abs(float(m) - v) <= claim.tolerance + 1e-12 for m, v in zip(measured, claim.value))
    return abs(float(measured) - float(claim.value)) <= claim.tolerance + 1e-12


def difference(claim: Claim, measured) -> float | None:
    """Measured minus the slide's number, in the measure's unit (None without two numbers)."""
    if claim.value is None or measured is None or isinstance(claim.value, tuple):
        return None
    return float(measured) - float(claim.value)


# ------------------------------------------------------------------ numbers as a page shows them
NARROW_NBSP = "\u202f"  # French: before ; ! ? and between thousands
NBSP = "\u00a0"         # French: before : and %, inside « »


def format_count(count: int, lang: str) -> str:
    """60 000 (narrow no-break space) in French, 60,000 in English."""
    return f"{int(count):,}".replace(",", NARROW_NBSP if lang == "fr" else ",")


def format_percent(fraction: float, digits: int, lang: str) -> str:
    """92,4 % (no-break space) in French, 92.4% in English."""
    return format_number(100 * float(fraction), digits, lang) + (NBSP + "%" if lang == "fr" else "%")


def format_value(unit: str, value, digits: int, lang: str) -> str:
    """A measured or claimed value in ``unit`` (core.lesson.measures.UNITS) as a page shows it."""
    if value is None:
        return "—"
    if unit == "percent":
        return format_percent(value, digits, lang)
    if unit == "count":
        return format_count(value, lang)
    if unit == "pixels":
        return f"{int(value)}{NBSP}px"
    if unit == "vector":
        separator = "; " if lang == "fr" else ", "
        return "(" + separator.join(format_number(float(v), digits, lang) for v in value) + ")"
    if unit == "number":
        return format_number(float(value), digits, lang)
    return str(value)


def format_points(difference_value: float, lang: str) -> str:
    """A difference of two percentages in points: +0,4 or −2,4 (a minus sign, not a hyphen)."""
    text = format_number(abs(100 * difference_value), 1, lang)
    return ("+" if difference_value >= 0 else "−") + text
