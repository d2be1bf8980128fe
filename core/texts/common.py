"""The app's frame: page names, the sidebar, the language, messages every page may show."""

TEXTS: dict[str, dict[str, str]] = {
    "page_home": {"fr": "Accueil", "en": "Home"},
    "page_softmax": {"fr": "Softmax", "en": "Softmax"},
    "page_training": {"fr": "Entraînement (10 neurones)", "en": "Training (10 neurons)"},
    "page_five_layers": {"fr": "Réseau à 5 couches", "en": "5-layer network"},
    "page_overfitting": {"fr": "Limites : surapprentissage", "en": "Limits: overfitting"},
    "page_translation": {"fr": "Limites : translation", "en": "Limits: translation"},
    "page_convolution": {"fr": "Vers la convolution", "en": "Towards convolution"},
    "sidebar_credit": {
        "fr": "D'après « TensorFlow and deep learning, without a PhD » de Martin Görner. "
        "Données : MNIST (Y. LeCun, C. Cortes, C. J. C. Burges).",
        "en": "After Martin Görner's talk “TensorFlow and deep learning, without a PhD”. "
        "Data: MNIST (Y. LeCun, C. Cortes, C. J. C. Burges).",
    },
    "more_title": {"fr": "En détail", "en": "In detail"},  # the expander of a page's folded text
    "data_error": {
        "fr": "Les données MNIST ne peuvent pas être chargées : {problem}. Fichier : {path}. "
        "Pour le restaurer : `git checkout -- data/mnist.npz` dans le dossier du projet "
        "(voir data/README.md).",
        "en": "The MNIST data cannot be loaded: {problem}. File: {path}. "
        "To restore it: `git checkout -- data/mnist.npz` in the project folder "
        "(see data/README.md).",
    },
}
