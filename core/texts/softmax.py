"""The softmax page: the calculator, sigmoid, cross-entropy, the shapes of L = X·W + b."""

TEXTS: dict[str, dict[str, str]] = {
    "softmax_title": {"fr": "La fonction softmax", "en": "The softmax function"},
    "softmax_intro": {
        "fr": "Le réseau calcule pour chaque image 10 nombres, un par chiffre. La fonction "
        "**softmax** les transforme en probabilités : toutes positives, de somme 1, et la plus "
        "grande valeur garde la plus grande part.",
        "en": "For each image the network computes 10 numbers, one per digit. The **softmax** "
        "function turns them into probabilities: all positive, adding up to 1, and the largest "
        "value keeps the largest share.",
    },
    "softmax_vector_label": {
        "fr": "Vecteur z (séparez par « ; » ou des espaces, virgule décimale acceptée)",
        "en": "Vector z (separate with “,” “;” or spaces; decimal point or comma)",
    },
    "softmax_vector_help": {
        "fr": "Exemples : « 1; 3; 2,5; 5; 4; 2 » ou « 1 3 2,5 5 4 2 » ou « 1, 3, 2.5, 5, 4, 2 ». "
        "De 2 à 50 valeurs, chacune entre -1 000 000 et 1 000 000.",
        "en": "Examples: “1, 3, 2.5, 5, 4, 2” or “1 3 2.5 5 4 2” or “1; 3; 2,5; 5; 4; 2”. "
        "From 2 to 50 values, each between -1,000,000 and 1,000,000.",
    },
    "softmax_reset": {"fr": "Revenir à l'exemple de la leçon", "en": "Back to the lesson's example"},
    "softmax_read_as": {"fr": "Lu comme z = {vector}", "en": "Read as z = {vector}"},
    "softmax_kept_last": {
        "fr": "Le dernier vecteur valide reste affiché : z = {vector}",
        "en": "The last valid vector stays on screen: z = {vector}",
    },
    "vector_empty": {
        "fr": "Le champ est vide : tapez au moins 2 nombres, par exemple « 1; 3; 2,5 ».",
        "en": "The field is empty: type at least 2 numbers, for example “1, 3, 2.5”.",
    },
    "vector_not_a_number": {
        "fr": "« {token} » n'est pas un nombre. Utilisez des chiffres, « ; » ou des espaces entre les "
        "valeurs, et « , » ou « . » pour les décimales.",
        "en": "“{token}” is not a number. Use digits, “,” “;” or spaces between values, and “.” "
        "(or “,”) for decimals.",
    },
    "vector_not_finite": {
        "fr": "« {token} » n'est pas une valeur finie : NaN et l'infini ne sont pas acceptés.",
        "en": "“{token}” is not a finite value: NaN and infinity are not accepted.",
    },
    "vector_too_large": {
        "fr": "« {token} » est trop grand : chaque valeur doit rester entre -1 000 000 et 1 000 000.",
        "en": "“{token}” is too large: each value must stay between -1,000,000 and 1,000,000.",
    },
    "vector_too_long": {
        "fr": "Trop de valeurs : {max} au maximum.",
        "en": "Too many values: {max} at most.",
    },
    "vector_too_short": {
        "fr": "Il faut au moins {min} valeurs pour comparer (vous en avez tapé {count}).",
        "en": "At least {min} values are needed to compare (you typed {count}).",
    },
    "softmax_formula_title": {"fr": "Les formules", "en": "The formulas"},
    "softmax_sum_property": {
        "fr": "Somme des σ(z)ᵢ : **{total}** — c'est toujours 1, c'est une distribution de probabilités.",
        "en": "Sum of the σ(z)ᵢ: **{total}** — always 1, it is a probability distribution.",
    },
    "sigmoid_sum_property": {
        "fr": "Somme des S(zᵢ) : **{total}** — chaque valeur est entre 0 et 1, mais la somme "
        "n'est pas 1 : ce n'est pas une distribution de probabilités sur les classes.",
        "en": "Sum of the S(zᵢ): **{total}** — each value lies between 0 and 1, but the "
        "sum is not 1: it is not a probability distribution over the classes.",
    },
    "precision_decimals": {"fr": "Décimales affichées", "en": "Decimals shown"},
    "precision_mode": {"fr": "Arrondi", "en": "Rounding"},
    "mode_truncate": {"fr": "tronqué (comme la leçon)", "en": "truncated (as in the lesson)"},
    "mode_round": {"fr": "arrondi au plus proche", "en": "rounded to nearest"},
    "precision_shown_truncate": {
        "fr": "Valeurs **tronquées** à {places} : on coupe sans arrondir (à 2 décimales, 0,0497 s'affiche 0,04 ; "
        "arrondi, ce serait 0,05).",
        "en": "Values **truncated** to {places}: cut, not rounded (at 2 decimals, 0.0497 shows as 0.04; "
        "rounded it would be 0.05).",
    },
    "precision_shown_round": {
        "fr": "Valeurs **arrondies** au plus proche à {places}.",
        "en": "Values **rounded** to nearest at {places}.",
    },
    "decimal_place": {"fr": "{count} décimale", "en": "{count} decimal"},
    "decimal_places": {"fr": "{count} décimales", "en": "{count} decimals"},
    "temperature": {"fr": "Température T (σ de z / T)", "en": "Temperature T (σ of z / T)"},
    "softmax_formula_lesson": {
        "fr": "La leçon écrit σ la softmax, qui opère sur un vecteur, et S la sigmoïde, qui opère sur un nombre.",
        "en": "The lesson writes the softmax σ, which works on a vector, and the sigmoid S, which works on a number.",
    },
    "temperature_formula": {
        "fr": "Avec une température T (hors leçon ; T = 1 redonne σ) :",
        "en": "With a temperature T (beyond the lesson; T = 1 gives σ back):",
    },
    "temperature_help": {
        "fr": "T < 1 accentue le plus grand, T > 1 égalise les probabilités. La leçon utilise T = 1.",
        "en": "T < 1 sharpens the largest value, T > 1 evens out the probabilities. The lesson uses T = 1.",
    },
    "lesson_check_ok": {
        "fr": "On retrouve le résultat de la leçon : σ(z) = {vector} (tronqué à 10⁻²).",
        "en": "This is the lesson's result: σ(z) = {vector} (truncated to 10⁻²).",
    },
    "col_index": {"fr": "i", "en": "i"},
    "col_z": {"fr": "z", "en": "z"},
    "col_exp": {"fr": "exp(z)", "en": "exp(z)"},
    "col_softmax": {"fr": "σ(z) softmax", "en": "σ(z) softmax"},
    "col_softmax_temperature": {"fr": "σ(z / {t}) softmax", "en": "σ(z / {t}) softmax"},
    "col_sigmoid": {"fr": "S(zᵢ) sigmoïde", "en": "S(zᵢ) sigmoid"},
    "chart_z": {"fr": "Le vecteur z", "en": "The vector z"},
    "chart_softmax": {"fr": "σ(z), la softmax : des probabilités", "en": "σ(z), the softmax: probabilities"},
    "chart_softmax_temperature": {"fr": "σ(z / {t}), la softmax à la température {t}",
                                  "en": "σ(z / {t}), the softmax at temperature {t}"},
    "chart_sigmoid": {"fr": "S(zᵢ), la sigmoïde de chaque composante", "en": "S(zᵢ), the sigmoid of each component"},
    "axis_component": {"fr": "composante i", "en": "component i"},
    "axis_value": {"fr": "valeur", "en": "value"},
    "axis_probability": {"fr": "probabilité", "en": "probability"},
    "ce_title": {"fr": "L'entropie croisée : « c'est un 6 »", "en": "Cross-entropy: “this is a 6”"},
    "ce_intro": {
        "fr": "La **fonction de coût** de la leçon compare la prédiction y du réseau à la bonne réponse y' "
        "(un 1 pour le bon chiffre, des 0 ailleurs) : l'entropie croisée vaut −ln(probabilité donnée au bon chiffre).",
        "en": "The lesson's **cost function** compares the network's prediction y with the right answer y' "
        "(a 1 for the right digit, 0 elsewhere): the cross-entropy equals −ln(probability given to the right digit).",
    },
    "ce_more": {
        "fr": "La bonne réponse est codée en « one-hot ». L'entropie croisée −Σ y'ᵢ ln(yᵢ) ne garde que le terme "
        "du bon chiffre, puisque les autres y'ᵢ valent 0. Elle est petite quand le réseau est sûr et a raison, "
        "grande quand il se trompe : c'est elle que l'entraînement fait baisser.",
        "en": "The right answer is encoded “one-hot”. The cross-entropy −Σ y'ᵢ ln(yᵢ) keeps only the right digit's "
        "term, since every other y'ᵢ is 0. It is small when the network is confident and right, large when it "
        "is wrong: it is what training lowers.",
    },
    "ce_label": {"fr": "Le bon chiffre (étiquette y')", "en": "The right digit (label y')"},
    "ce_scores_label": {
        "fr": "Sortie du réseau pour les chiffres 0 à 9 (10 valeurs)",
        "en": "Network output for digits 0 to 9 (10 values)",
    },
    "ce_normalisation": {"fr": "Transformer en probabilités", "en": "Turn into probabilities"},
    "norm_sum": {"fr": "diviser par la somme", "en": "divide by the sum"},
    "norm_softmax": {"fr": "appliquer softmax", "en": "apply softmax"},
    "ce_norm_said_sum": {
        "fr": "Les 10 valeurs sont divisées par leur somme ({total}) pour faire une distribution y.",
        "en": "The 10 values are divided by their sum ({total}) to make a distribution y.",
    },
    "ce_norm_said_softmax": {
        "fr": "Les 10 valeurs passent par softmax pour faire une distribution y.",
        "en": "The 10 values go through softmax to make a distribution y.",
    },
    "ce_need_ten": {
        "fr": "Il faut exactement 10 valeurs, une par chiffre de 0 à 9 (vous en avez tapé {count}).",
        "en": "Exactly 10 values are needed, one per digit 0 to 9 (you typed {count}).",
    },
    "ce_negative": {
        "fr": "Pour diviser par la somme, les valeurs doivent être positives ou nulles et pas toutes "
        "nulles. Choisissez « appliquer softmax » pour des valeurs négatives.",
        "en": "To divide by the sum, the values must be non-negative and not all zero. "
        "Choose “apply softmax” for negative values.",
    },
    "ce_result": {
        "fr": "Entropie croisée = −ln(y[{label}]) = −ln({probability}) = **{loss}**",
        "en": "Cross-entropy = −ln(y[{label}]) = −ln({probability}) = **{loss}**",
    },
    "ce_chart_title": {
        "fr": "y (prédiction) et y' (one-hot du {label})",
        "en": "y (prediction) and y' (one-hot of {label})",
    },
    "ce_prediction": {"fr": "y : prédiction", "en": "y: prediction"},
    "ce_one_hot": {"fr": "y' : bonne réponse (one-hot)", "en": "y': right answer (one-hot)"},
    "axis_digit": {"fr": "chiffre", "en": "digit"},
    "ce_curve_title": {
        "fr": "−ln(p) selon la probabilité p donnée au bon chiffre",
        "en": "−ln(p) against the probability p given to the right digit",
    },
    "shapes_title": {"fr": "Les dimensions de L = X·W + b", "en": "The shapes of L = X·W + b"},
    "shapes_intro": {
        "fr": "On traite 100 images à la fois : chaque ligne de X est une image aplatie (784 pixels), "
        "chaque colonne de W les 784 poids d'un neurone.",
        "en": "We process 100 images at once: each row of X is a flattened image (784 pixels), "
        "each column of W a neuron's 784 weights.",
    },
    "shapes_more": {
        "fr": "b contient un biais par neurone ; il est **ajouté à chaque ligne** (diffusion ou « broadcast »). "
        "Puis softmax, ligne par ligne, donne Y[100, 10] : 10 probabilités par image.",
        "en": "b holds one bias per neuron; it is **added to every row** (broadcasting). "
        "Then softmax, row by row, gives Y[100, 10]: 10 probabilities per image.",
    },
    "shapes_batch": {"fr": "Images par lot", "en": "Images per batch"},
    "shape_col_name": {"fr": "Tableau", "en": "Array"},
    "shape_col_shape": {"fr": "Dimensions", "en": "Shape"},
    "shape_col_count": {"fr": "Nombre de valeurs", "en": "Number of values"},
    "shape_col_meaning": {"fr": "Ce que c'est", "en": "What it is"},
    "shape_X": {"fr": "les images, une par ligne", "en": "the images, one per row"},
    "shape_W": {"fr": "les poids, une colonne par neurone", "en": "the weights, one column per neuron"},
    "shape_b": {"fr": "les biais, un par neurone", "en": "the biases, one per neuron"},
    "shape_L": {"fr": "les 10 scores de chaque image", "en": "the 10 scores of each image"},
    "shape_Y": {"fr": "σ(L) : 10 probabilités par image", "en": "σ(L): 10 probabilities per image"},
    "shape_broadcast": {"fr": "b copié sur chaque ligne", "en": "b copied onto every row"},
}
