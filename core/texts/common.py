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
        "fr": "D'après la leçon de {deck_author} et l'exposé de {speaker} « [{talk}]({url}) » ({event}). "
        "Données : MNIST ({mnist}), {mnist_authors}.",
        "en": "After the lesson by {deck_author} and {speaker}'s talk “[{talk}]({url})” ({event}). "
        "Data: MNIST ({mnist}), {mnist_authors}.",
    },
    "data_error": {
        "fr": "Les données MNIST ne peuvent pas être chargées : {problem}. Fichier : {path}. "
        "Pour le restaurer : `git checkout -- data/mnist.npz` dans le dossier du projet "
        "(voir data/README.md).",
        "en": "The MNIST data cannot be loaded: {problem}. File: {path}. "
        "To restore it: `git checkout -- data/mnist.npz` in the project folder "
        "(see data/README.md).",
    },
}
