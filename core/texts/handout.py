"""The printable handout (core.teacher.handout): two A4 pages for the students, in French or English."""

TEXTS: dict[str, dict[str, str]] = {
    "handout_title": {"fr": "IA et Nous — Réseaux de neurones", "en": "AI and Us — Neural networks"},
    "handout_subtitle": {
        "fr": "Comment une machine apprend à lire des chiffres écrits à la main",
        "en": "How a machine learns to read handwritten digits",
    },
    "handout_digits": {
        "fr": "Dix chiffres de MNIST : {train} pour apprendre, {test} pour juger, 28 × 28 = {pixels} pixels chacun.",
        "en": "Ten MNIST digits: {train} to learn from, {test} to judge, 28 × 28 = {pixels} pixels each.",
    },
    "handout_steps": {"fr": "La leçon en cinq étapes", "en": "The lesson in five steps"},
    "handout_step_data": {
        "fr": "Les données. On ne donne pas de règles à la machine : on lui montre des chiffres avec leur "
        "étiquette (apprentissage supervisé).",
        "en": "The data. The machine is given no rules: it is shown digits with their label (supervised "
        "learning).",
    },
    "handout_step_ten": {
        "fr": "10 neurones. L = X·W + b, puis Y = softmax(L) : dix probabilités. L'erreur est l'entropie "
        "croisée −Σ Y' × ln(Y) ; la descente de gradient corrige W et b après chaque lot de 100 images "
        "(taux d'apprentissage 0,003).",
        "en": "10 neurons. L = X·W + b, then Y = softmax(L): ten probabilities. The error is the cross-entropy "
        "−Σ Y' × ln(Y); gradient descent corrects W and b after each batch of 100 images (learning rate 0.003).",
    },
    "handout_step_five": {
        "fr": "5 couches. 200, 100, 60 et 30 neurones sigmoïdes, puis 10 en softmax : 185 300 poids et biais.",
        "en": "5 layers. 200, 100, 60 and 30 sigmoid neurons, then 10 with softmax: 185,300 weights and biases.",
    },
    "handout_step_limits": {
        "fr": "Les limites. Surapprentissage (par cœur sur peu d'exemples), plafond, apprentissage lent, et un "
        "chiffre décalé de quelques pixels n'est plus reconnu.",
        "en": "The limits. Overfitting (by heart on few examples), a plateau, slow learning, and a digit moved "
        "by a few pixels is no longer recognised.",
    },
    "handout_step_convolution": {
        "fr": "Vers la convolution. Des filtres cherchent des traits partout dans l'image, le pooling résume : "
        "des formes plutôt que des pixels.",
        "en": "Towards convolution. Filters look for strokes anywhere in the image, pooling sums up: shapes "
        "rather than pixels.",
    },
    "handout_claims": {
        "fr": "Ce que dit la diapo, ce que notre serveur a mesuré",
        "en": "What the slide says, what our server measured",
    },
    "handout_col_what": {"fr": "Mesure", "en": "Measurement"},
    "handout_col_slide": {"fr": "La diapo", "en": "The slide"},
    "handout_col_measured": {"fr": "Mesuré", "en": "Measured"},
    "handout_row_training_92": {"fr": "10 neurones, chiffres de test", "en": "10 neurons, test digits"},
    "handout_row_five_test": {"fr": "5 couches, chiffres de test", "en": "5 layers, test digits"},
    "handout_row_five_train": {"fr": "5 couches, chiffres d'entraînement", "en": "5 layers, training digits"},
    "handout_row_overfit": {"fr": "500 chiffres appris par cœur", "en": "500 digits learnt by heart"},
    "handout_row_plateau": {"fr": "5 couches ReLU, plafond", "en": "5 layers ReLU, plateau"},
    "handout_row_translation": {"fr": "5 couches, décalés de 4 pixels", "en": "5 layers, moved by 4 pixels"},
    "handout_row_convolution": {"fr": "Réseau convolutif, décalés de 4 pixels", "en": "Convolutional network, moved by 4 pixels"},
    "handout_in_words": {"fr": "en mots", "en": "in words"},
    "handout_not_measured": {"fr": "pas encore mesuré", "en": "not measured yet"},
    "handout_bars": {
        "fr": "Taux de réussite sur les 10 000 chiffres de test (mesuré par notre serveur)",
        "en": "Accuracy on the 10,000 test digits (measured by our server)",
    },
    "handout_bar_softmax_test": {"fr": "10 neurones", "en": "10 neurons"},
    "handout_bar_mlp_test": {"fr": "5 couches", "en": "5 layers"},
    "handout_bar_shift_mlp_4": {"fr": "5 couches, décalés de 4 px", "en": "5 layers, moved 4 px"},
    "handout_bar_shift_augmented_4": {"fr": "entraîné décalé, décalés de 4 px", "en": "trained shifted, moved 4 px"},
    "handout_bar_cnn_test": {"fr": "réseau convolutif", "en": "convolutional network"},
    "handout_bar_cnn_global_4": {"fr": "convolutif + pooling global, décalés de 4 px",
                                 "en": "convolutional + global pooling, moved 4 px"},
    "handout_class": {"fr": "Notre classe", "en": "Our class"},
    "handout_class_summary": {
        "fr": "Classe {code} : {students} élève(s), {runs} essai(s) partagé(s) sur le tableau.",
        "en": "Class {code}: {students} student(s), {runs} run(s) shared on the board.",
    },
    "handout_class_best": {
        "fr": "{model} : meilleur taux de test {best}, médiane {median} ({count} essai(s)).",
        "en": "{model}: best test accuracy {best}, median {median} ({count} run(s)).",
    },
    "handout_class_none": {
        "fr": "Aucun essai partagé pour l'instant.",
        "en": "No run shared yet.",
    },
    "handout_glossary": {"fr": "Les mots de la leçon", "en": "The lesson's words"},
    "handout_sources": {
        "fr": "Sources : {deck_author}, « {deck} » ; {speaker}, « {talk} », {event}, {url} (premier modèle à "
        "{training_at}, réseau à 5 couches à {five_at}) ; MNIST ({mnist}), {mnist_authors}, {mnist_url}.",
        "en": "Sources: {deck_author}, “{deck}”; {speaker}, “{talk}”, {event}, {url} (first model at "
        "{training_at}, 5-layer network at {five_at}); MNIST ({mnist}), {mnist_authors}, {mnist_url}.",
    },
    "handout_footer": {
        "fr": "Polycopié produit par l'application « IA et Nous » le {date}.",
        "en": "Handout made by the “AI and Us” app on {date}.",
    },
}
