"""The training dashboard and run controls, and the 10-neuron model's page."""

TEXTS: dict[str, dict[str, str]] = {
    "training_title": {"fr": "Entraîner le modèle à 10 neurones", "en": "Training the 10-neuron model"},
    "training_intro": {
        "fr": "Le modèle de la leçon : 10 neurones, un par chiffre, chacun relié aux 784 pixels. "
        "Appuyez sur **Démarrer** et regardez le taux de réussite monter vers 92 %.",
        "en": "The lesson's model: 10 neurons, one per digit, each connected to the 784 pixels. "
        "Press **Start** and watch the accuracy climb to about 92%.",
    },
    "training_more": {
        "fr": "C'est de l'**apprentissage supervisé** : on montre au modèle des lots de 100 chiffres d'entraînement "
        "avec leur étiquette. Après chaque lot, la descente de gradient corrige un peu les poids W et les "
        "biais b pour faire baisser la **fonction de coût**, l'entropie croisée.",
        "en": "This is **supervised learning**: the model is shown batches of 100 training digits with their "
        "labels. After each batch, gradient descent nudges the weights W and biases b to lower the **cost "
        "function**, the cross-entropy.",
    },
    "formula_cost": {"fr": "coût", "en": "cost"},
    "formula_batch": {"fr": "lot", "en": "batch"},
    "settings_title": {"fr": "Réglages (ceux de la leçon par défaut)", "en": "Settings (the lesson's by default)"},
    "set_learning_rate": {"fr": "Taux d'apprentissage η", "en": "Learning rate η"},
    "set_learning_rate_help": {
        "fr": "La taille du pas de la descente de gradient. La leçon utilise 0,003 (la fonction de coût est "
        "une somme sur les 100 images du lot). Trop grand : l'apprentissage diverge ; trop petit : il traîne.",
        "en": "The size of each gradient descent step. The lesson uses 0.003 (the cost function is summed over "
        "the 100 images of a batch). Too large: learning diverges; too small: it crawls.",
    },
    "set_batch_size": {"fr": "Images par lot", "en": "Images per batch"},
    "set_batch_size_help": {
        "fr": "Combien de chiffres on montre avant chaque correction des poids (100 dans la leçon).",
        "en": "How many digits are shown before each correction of the weights (100 in the lesson).",
    },
    "set_iterations": {"fr": "Nombre d'itérations (lots)", "en": "Number of iterations (batches)"},
    "set_train_size": {"fr": "Chiffres d'entraînement utilisés", "en": "Training digits used"},
    "set_train_size_help": {
        "fr": "Un sous-ensemble tiré au hasard, avec autant de chaque chiffre que dans MNIST.",
        "en": "A random subset, with each digit in the same proportion as in MNIST.",
    },
    "set_eval_every": {"fr": "Mesurer toutes les … itérations", "en": "Measure every … iterations"},
    "set_eval_every_help": {
        "fr": "Tous les combien d'itérations on mesure le taux de réussite sur les chiffres de test. "
        "En dessous de 50, la courbe de test utilise un échantillon fixe de 2 000 chiffres de test.",
        "en": "How often the accuracy on the test digits is measured. Below 50, the test curve uses "
        "a fixed sample of 2,000 test digits.",
    },
    "set_seed": {"fr": "Graine aléatoire", "en": "Random seed"},
    "set_seed_help": {
        "fr": "Même graine et mêmes réglages : exactement le même résultat, pour tout le monde.",
        "en": "Same seed and same settings: exactly the same result, for everyone.",
    },
    "setting_out_of_range": {
        "fr": "Réglage impossible : « {name} » doit être entre {low} et {high}.",
        "en": "Impossible setting: “{name}” must lie between {low} and {high}.",
    },
    "setting_batch_too_large": {
        "fr": "Réglage impossible : des lots de {batch} images avec seulement {size} chiffres d'entraînement.",
        "en": "Impossible setting: batches of {batch} images with only {size} training digits.",
    },
    "setting_interval_too_long": {
        "fr": "Réglage impossible : mesurer toutes les {every} itérations sur un entraînement de {total} itérations.",
        "en": "Impossible setting: measuring every {every} iterations in a training of {total} iterations.",
    },
    "run_start": {"fr": "Démarrer", "en": "Start"},
    "run_pause": {"fr": "Pause", "en": "Pause"},
    "run_resume": {"fr": "Reprendre", "en": "Resume"},
    "run_step": {"fr": "Un pas", "en": "Step"},
    "run_reset": {"fr": "Réinitialiser", "en": "Reset"},
    "run_press_start": {
        "fr": "Appuyez sur « Démarrer » pour entraîner le modèle, ou sur « Un pas » pour avancer d'une mesure à la fois.",
        "en": "Press “Start” to train the model, or “Step” to move one measurement at a time.",
    },
    "run_progress": {"fr": "{step} / {total} {unit}", "en": "{step} / {total} {unit}"},
    "run_elsewhere": {
        "fr": "Un autre serveur de l'école calcule déjà ce modèle : il sera là dès qu'il aura fini.",
        "en": "Another of the school's servers is already computing this model: it will be here as soon as it is done.",
    },
    "run_worker_died": {
        "fr": "Le processus qui calculait cet entraînement s'est arrêté ({error}). Un autre a pris sa place : "
              "appuyez sur Démarrer pour recommencer.",
        "en": "The process computing this training stopped ({error}). Another one took its place: press Start "
              "to try again.",
    },
    "run_waiting": {
        "fr": "En attente d'un processeur libre : d'autres entraînements passent avant (position {position} dans la file).",
        "en": "Waiting for a free processor: other trainings go first (position {position} in the queue).",
    },
    "run_paused": {"fr": "En pause.", "en": "Paused."},
    "run_shared": {
        "fr": "{count} personnes regardent cet entraînement : il n'est calculé qu'une fois pour tous.",
        "en": "{count} people are watching this training: it is computed only once for all of them.",
    },
    "run_diverged": {
        "fr": "L'apprentissage a divergé : les poids sont devenus infinis. Le taux d'apprentissage est "
        "trop grand pour ces lots ; baissez-le et recommencez.",
        "en": "Learning diverged: the weights became infinite. The learning rate is too large for "
        "these batches; lower it and start again.",
    },
    "run_failed": {
        "fr": "L'entraînement s'est arrêté sur une erreur : {error}",
        "en": "The training stopped on an error: {error}",
    },
    "run_server_full": {
        "fr": "Le serveur est très occupé : trop d'entraînements différents en cours. Réessayez dans un instant, "
        "ou choisissez les mêmes réglages que le professeur.",
        "en": "The server is very busy: too many different trainings at once. Try again in a moment, "
        "or choose the same settings as the teacher.",
    },
    "run_settings_changed": {
        "fr": "Les réglages ont changé : appuyez sur « Démarrer » pour entraîner avec les nouveaux.",
        "en": "The settings changed: press “Start” to train with the new ones.",
    },
    "run_slow_motion": {"fr": "Ralenti (projection)", "en": "Slow motion (projector)"},
    "run_slow_motion_help": {
        "fr": "Affiche les mesures une par une, pour que la classe voie les courbes se dessiner.",
        "en": "Shows the measurements one by one, so that the class sees the curves being drawn.",
    },
    "run_no_data": {"fr": "Première mesure en cours…", "en": "First measurement on its way…"},
    "unit_iterations": {"fr": "itérations", "en": "iterations"},
    "unit_epochs": {"fr": "époques", "en": "epochs"},
    "view_choice": {"fr": "Vue", "en": "View"},
    "view_name_all": {"fr": "Les 6 vues", "en": "All 6 views"},
    "view_name_accuracy": {"fr": "Taux de réussite", "en": "Accuracy"},
    "view_name_loss": {"fr": "Entropie croisée", "en": "Cross-entropy"},
    "view_name_batch": {"fr": "Lot d'entraînement", "en": "Training batch"},
    "view_name_test": {"fr": "Chiffres de test", "en": "Test digits"},
    "view_name_weights": {"fr": "Poids", "en": "Weights"},
    "view_name_biases": {"fr": "Biais", "en": "Biases"},
    "view_accuracy": {"fr": "1. Taux de réussite", "en": "1. Accuracy"},
    "view_loss": {"fr": "2. Entropie croisée (moyenne par image)", "en": "2. Cross-entropy (mean per image)"},
    "view_batch": {
        "fr": "3. Le lot d'entraînement, erreurs en rouge",
        "en": "3. The training batch, mistakes in red",
    },
    "view_test": {
        "fr": "4. Chiffres de test ({n}), erreurs d'abord",
        "en": "4. Test digits ({n}), mistakes first",
    },
    "view_weights": {
        "fr": "5. Les poids de chaque neurone",
        "en": "5. Each neuron's weights",
    },
    "view_weight_spread": {"fr": "5. Répartition des poids", "en": "5. Spread of the weights"},
    "view_biases": {"fr": "6. Les biais au fil du temps", "en": "6. The biases over time"},
    "curve_train": {"fr": "entraînement (lot)", "en": "training (batch)"},
    "curve_train_sample": {
        "fr": "entraînement (jusqu'à 10 000 chiffres fixes)",
        "en": "training (up to 10,000 fixed digits)",
    },
    "curve_test": {"fr": "test", "en": "test"},
    "curve_test_sample": {"fr": " (échantillon de {n})", "en": " (sample of {n})"},
    "reference_92": {"fr": "leçon : 92 %", "en": "lesson: 92%"},
    "reference_98": {"fr": "leçon : 98 %", "en": "lesson: 98%"},
    "explain_accuracy": {
        "fr": "Le taux de réussite est la part des chiffres reconnus. Celui du lot d'entraînement saute d'un lot à "
        "l'autre ; celui du test, mesuré sur des chiffres jamais vus, est celui qui compte.",
        "en": "Accuracy is the share of digits recognised. On the training batch it jumps from batch to batch; "
        "on the test digits, never seen in training, it is the one that counts.",
    },
    "explain_loss": {
        "fr": "**L'entropie croisée**, la fonction de coût de la leçon : −ln de la probabilité donnée au bon "
        "chiffre. La descente de gradient la fait baisser ; le taux de réussite suit.",
        "en": "**Cross-entropy**, the lesson's cost function: −ln of the probability given to the right digit. "
        "Gradient descent lowers it; accuracy follows.",
    },
    "explain_batch": {
        "fr": "Les chiffres du lot que le modèle vient de voir. En rouge, ceux où il s'est trompé, "
        "écrits « vrai→prédit ».",
        "en": "The digits of the batch the model has just seen. In red, the ones it got wrong, "
        "written “true→predicted”.",
    },
    "explain_test": {
        "fr": "**Pourquoi la réussite au test compte :** le modèle n'a jamais vu ces 10 000 chiffres. "
        "Réussir sur eux, c'est avoir appris à lire, pas par cœur.",
        "en": "**Why test accuracy is the one that counts:** the model has never seen these 10,000 digits. "
        "Doing well on them means it learned to read, not by heart.",
    },
    "explain_weights": {
        "fr": "**Les poids :** un par pixel, dessinés en 28 × 28, ils montrent ce que le neurone « cherche » : "
        "en rouge les pixels qui votent pour son chiffre, en bleu ceux qui votent contre.",
        "en": "**The weights:** one per pixel, drawn as 28 × 28, they show what the neuron “looks for”: "
        "in red the pixels that vote for its digit, in blue those that vote against.",
    },
    "explain_biases": {
        "fr": "Un biais par neurone : une préférence pour son chiffre, quelle que soit l'image.",
        "en": "One bias per neuron: a preference for its digit, whatever the image.",
    },
    "explain_one_hot": {
        "fr": "**Codage one-hot :** l'étiquette « 3 » devient le vecteur (0; 0; 0; 1; 0; 0; 0; 0; 0; 0), "
        "à comparer aux 10 probabilités que donne le modèle.",
        "en": "**One-hot encoding:** the label “3” becomes the vector (0, 0, 0, 1, 0, 0, 0, 0, 0, 0), "
        "to compare with the 10 probabilities the model gives.",
    },
    "training_explain_title": {"fr": "Ce que la classe regarde", "en": "What the class is looking at"},
    "final_title": {"fr": "Résultat", "en": "Result"},
    "final_test_accuracy": {"fr": "Taux de réussite sur les 10 000 chiffres de test",
                            "en": "Accuracy on the 10,000 test digits"},
    "final_test_loss": {"fr": "Entropie croisée de test (par image)", "en": "Test cross-entropy (per image)"},
    "final_time": {"fr": "Temps de calcul", "en": "Compute time"},
    "confusion_title": {"fr": "Matrice de confusion (chiffres de test)", "en": "Confusion matrix (test digits)"},
    "confusion_true": {"fr": "vrai chiffre", "en": "true digit"},
    "confusion_predicted": {"fr": "prédit", "en": "predicted"},
    "confusion_explain": {
        "fr": "Ligne : le vrai chiffre ; colonne : la réponse du modèle. La diagonale compte les réussites ; "
        "ailleurs, les confusions (souvent 4 et 9, 3 et 5, 7 et 2).",
        "en": "Row: the true digit; column: the model's answer. The diagonal counts successes; elsewhere, "
        "the confusions (often 4 and 9, 3 and 5, 7 and 2).",
    },
    "reference_title": {"fr": "Ce qu'obtient une bibliothèque", "en": "What a library gets"},
    "reference_waiting": {
        "fr": "scikit-learn LogisticRegression : en attente d'un processeur (position {position}).",
        "en": "scikit-learn LogisticRegression: waiting for a processor (position {position}).",
    },
    "reference_running": {
        "fr": "scikit-learn LogisticRegression : calcul en cours (une fois pour toute la classe)…",
        "en": "scikit-learn LogisticRegression: computing (once for the whole class)…",
    },
    "reference_result": {
        "fr": "scikit-learn `LogisticRegression` (même modèle, optimiseur L-BFGS) sur les mêmes {digits} chiffres : "
        "**{accuracy} %** sur le test, en {seconds} s.",
        "en": "scikit-learn `LogisticRegression` (same model, L-BFGS optimiser) on the same {digits} digits: "
        "**{accuracy}%** on test, in {seconds} s.",
    },
    "runs_title": {"fr": "Mes entraînements", "en": "My trainings"},
    "layer_word": {"fr": "couche", "en": "layer"},
    "curve_median": {"fr": "médiane", "en": "median"},
    "col_run": {"fr": "n°", "en": "#"},
    "col_model": {"fr": "modèle", "en": "model"},
    "col_learning_rate": {"fr": "taux d'apprentissage", "en": "learning rate"},
    "col_batch_size": {"fr": "images par lot", "en": "batch size"},
    "col_iterations": {"fr": "itérations", "en": "iterations"},
    "col_train_digits": {"fr": "chiffres d'entraînement", "en": "training digits"},
    "col_eval_every": {"fr": "mesure tous les", "en": "measured every"},
    "col_seed": {"fr": "graine", "en": "seed"},
    "col_test_accuracy": {"fr": "réussite au test (%)", "en": "test accuracy (%)"},
    "col_test_loss": {"fr": "entropie croisée test", "en": "test cross-entropy"},
    "col_last_batch_accuracy": {"fr": "réussite sur le dernier lot (%)", "en": "last batch accuracy (%)"},
    "col_compute_s": {"fr": "calcul (s)", "en": "compute (s)"},
    "model_softmax": {"fr": "10 neurones (softmax)", "en": "10 neurons (softmax)"},
    "run_label_softmax": {"fr": "η = {rate}, lots de {batch}, {digits} chiffres, graine {seed}",
                          "en": "η = {rate}, batches of {batch}, {digits} digits, seed {seed}"},
    "runs_download": {"fr": "Télécharger (CSV)", "en": "Download (CSV)"},
}
