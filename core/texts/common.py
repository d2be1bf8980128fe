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
    "more_title": {"fr": "En détail", "en": "In detail"},  # the expander of a page's folded text
    "data_error": {
        "fr": "Les données MNIST ne peuvent pas être chargées : {problem}. Fichier : {path}. "
        "Pour le restaurer : `git checkout -- data/mnist.npz` dans le dossier du projet "
        "(voir data/README.md).",
        "en": "The MNIST data cannot be loaded: {problem}. File: {path}. "
        "To restore it: `git checkout -- data/mnist.npz` in the project folder "
        "(see data/README.md).",
    },
    "data_problem_missing_file": {"fr": "le fichier est absent", "en": "the file is missing"},
    "data_problem_missing_array": {"fr": "le tableau « {name} » manque", "en": "the array “{name}” is missing"},
    "data_problem_unreadable": {"fr": "le fichier ne peut pas être lu", "en": "the file cannot be read"},
    "data_problem_wrong_type": {"fr": "« {name} » n'est pas fait d'octets (uint8)",
                                "en": "“{name}” is not made of bytes (uint8)"},
    "data_problem_wrong_shape": {"fr": "« {name} » n'a pas les dimensions attendues ({expected})",
                                 "en": "“{name}” does not have the expected shape ({expected})"},
    "data_problem_wrong_checksum": {
        "fr": "l'empreinte de « {name} » ne correspond pas : le fichier est abîmé ou n'est pas le MNIST officiel",
        "en": "the checksum of “{name}” does not match: the file is damaged or not the official MNIST",
    },
    "data_error_technical": {"fr": "Détail technique (pour qui répare le serveur)",
                             "en": "Technical detail (for whoever fixes the server)"},
    # every chart's text alternative (ui.common.chart): its values in a folded table
    "chart_values_title": {"fr": "Les valeurs du graphique", "en": "The chart's values"},
    "chart_values_empty": {"fr": "Ce graphique ne porte aucune valeur à lire.", "en": "This chart carries no values to read."},
    "chart_values_cut": {"fr": "Les {shown} premières lignes sur {rows}.",
                         "en": "The first {shown} rows of {rows}."},
    "chart_values_series": {"fr": "série", "en": "series"},
    "chart_values_x": {"fr": "x", "en": "x"},
    "chart_values_y": {"fr": "y", "en": "y"},
    "chart_values_value": {"fr": "valeur", "en": "value"},
    "chart_values_label": {"fr": "texte", "en": "text"},
    "chart_values_image": {"fr": "image", "en": "image"},
    "chart_values_minimum": {"fr": "minimum", "en": "minimum"},
    "chart_values_maximum": {"fr": "maximum", "en": "maximum"},
    "chart_values_mean": {"fr": "moyenne", "en": "mean"},
    "chart_values_size": {"fr": "taille", "en": "size"},
}
