"""The home page: the lesson's map, MNIST, why rules fail."""

TEXTS: dict[str, dict[str, str]] = {
    "home_title": {
        "fr": "IA et Nous — Réseaux de neurones, application à la reconnaissance de chiffres manuscrits",
        "en": "AI and Us — Neural networks, applied to recognising handwritten digits",
    },
    "home_intro": {
        "fr": "Comment une machine apprend-elle à lire un chiffre écrit à la main ? "
        "Chaque page suit une diapositive de la leçon : bougez les curseurs, lancez les "
        "entraînements, et regardez le réseau apprendre.",
        "en": "How does a machine learn to read a handwritten digit? "
        "Each page follows a slide of the lesson: move the sliders, start the trainings "
        "and watch the network learn.",
    },
    "home_map_title": {"fr": "Le plan de la leçon", "en": "The lesson map"},
    "home_part1": {
        "fr": "**1. Le modèle à 10 neurones** — softmax, entropie croisée, descente de gradient : "
        "environ 92 % de chiffres reconnus.",
        "en": "**1. The 10-neuron model** — softmax, cross-entropy, gradient descent: "
        "about 92% of digits recognised.",
    },
    "home_part2": {
        "fr": "**2. Le réseau à 5 couches** — 200, 100, 60 et 30 neurones sigmoïdes puis softmax : "
        "environ 98 % sur les chiffres de test.",
        "en": "**2. The 5-layer network** — 200, 100, 60 and 30 sigmoid neurons then softmax: "
        "about 98% on the test digits.",
    },
    "home_part3": {
        "fr": "**3. Les limites** — surapprentissage, taux de réussite qui plafonne, apprentissage lent, "
        "et un chiffre décalé de quelques pixels qui n'est plus reconnu.",
        "en": "**3. The limits** — overfitting, accuracy that stalls, slow learning, "
        "and a digit shifted by a few pixels that is no longer recognised.",
    },
    "home_part4": {
        "fr": "**4. Vers la convolution** — regarder des formes (filtres, pooling) plutôt que des pixels.",
        "en": "**4. Towards convolution** — looking at shapes (filters, pooling) instead of pixels.",
    },
    "home_mnist_title": {"fr": "Les données : MNIST", "en": "The data: MNIST"},
    "home_mnist": {
        "fr": "**60 000 chiffres d'entraînement** pour apprendre, **10 000 chiffres de test**, jamais vus, pour "
        "juger : chacun une image de **28 × 28 pixels gris** et son étiquette.",
        "en": "**60,000 training digits** to learn from, **10,000 test digits**, never seen, to judge: each an "
        "image of **28 × 28 grey pixels** and its label.",
    },
    "home_mnist_more": {
        "fr": "MNIST rassemble des chiffres écrits à la main par des employés du recensement américain et des "
        "lycéens. Une image, ce sont 784 nombres de 0 à 255 ; son étiquette est le chiffre qu'elle représente.",
        "en": "MNIST gathers digits handwritten by US Census Bureau employees and high-school students. An image "
        "is 784 numbers from 0 to 255; its label is the digit it shows.",
    },
    "home_mnist_credit": {
        "fr": "Crédit : Y. LeCun, C. Cortes, C. J. C. Burges — "
        "[yann.lecun.com/exdb/mnist](http://yann.lecun.com/exdb/mnist/) — licence CC BY-SA 3.0. "
        "Une copie complète est fournie avec l'application : elle marche hors ligne.",
        "en": "Credit: Y. LeCun, C. Cortes, C. J. C. Burges — "
        "[yann.lecun.com/exdb/mnist](http://yann.lecun.com/exdb/mnist/) — CC BY-SA 3.0 licence. "
        "A full copy ships with the app: it works offline.",
    },
    "home_grid_title": {"fr": "100 vrais chiffres d'entraînement", "en": "100 real training digits"},
    "home_grid_caption": {
        "fr": "Au-dessus de chaque image : son étiquette. Certains sont difficiles même pour nous !",
        "en": "Above each image: its label. Some are hard even for us!",
    },
    "home_other_digits": {"fr": "D'autres chiffres", "en": "Other digits"},
    "home_rules_title": {"fr": "Pourquoi pas des règles ?", "en": "Why not rules?"},
    "home_rules": {
        "fr": "Les **systèmes experts des années 80** écrivaient des règles : « une boucle, c'est un 0 ». "
        "Le **connexionnisme** fait autrement : un réseau de neurones **apprend** à partir d'exemples.",
        "en": "The **expert systems of the 1980s** wrote rules: “one loop is a 0”. **Connectionism** works "
        "the other way: a neural network **learns** from examples.",
    },
    "home_rules_more": {
        "fr": "Les règles : « une seule boucle, c'est un 0 ; deux boucles entrelacées, un 8 ; une ligne verticale "
        "au milieu, un 1 ». Mais les écritures varient trop : boucles ouvertes, traits penchés, chiffres collés "
        "au bord… Chaque règle a des milliers d'exceptions. Le réseau, lui, voit des chiffres **avec leur "
        "étiquette** (c'est l'**apprentissage supervisé**) et ajuste ses poids pour se tromper de moins en moins.",
        "en": "The rules: “one loop is a 0; two interlaced loops, an 8; a vertical line in the middle, a 1”. "
        "But handwriting varies too much: open loops, slanted strokes, digits touching the border… Every rule "
        "has thousands of exceptions. The network is shown digits **with their labels** (this is **supervised "
        "learning**) and adjusts its weights to be wrong less and less often.",
    },
    "label": {"fr": "étiquette", "en": "label"},
}
