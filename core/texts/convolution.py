"""The convolution page: filters, pooling, the pipeline."""

TEXTS: dict[str, dict[str, str]] = {
    "conv_title": {"fr": "Vers la convolution : des pixels aux formes", "en": "Towards convolution: from pixels to shapes"},
    "conv_intro": {
        "fr": "La leçon rappelait nos règles : un **0** est une boucle, un **8** deux boucles, un **1** un trait "
        "vertical au milieu. Ce sont des **formes**, où qu'elles soient dans l'image. Les réseaux des pages "
        "précédentes, eux, pèsent des **pixels** à des places fixes. *Comment reconnaître et utiliser ces "
        "informations ?* Les réseaux **convolutifs** : un petit filtre glisse sur toute l'image et s'allume là "
        "où il reconnaît un motif (un bord, une diagonale), puis le *pooling* ne garde que la réponse la plus "
        "forte de chaque zone.",
        "en": "The lesson recalled our rules: a **0** is one loop, an **8** two loops, a **1** a vertical line in "
        "the middle. Those are **shapes**, wherever they are in the image. The earlier pages' networks weigh "
        "**pixels** at fixed places. *How can we recognise and use that information?* **Convolutional** "
        "networks: a small filter slides over the whole image and lights up where it recognises a pattern (an "
        "edge, a diagonal), then *pooling* keeps only the strongest answer of each area.",
    },
    "conv_choice": {"fr": "Étape", "en": "Step"},
    "conv_section_filter": {"fr": "Un filtre sur un chiffre", "en": "A filter on a digit"},
    "conv_section_bank": {"fr": "Plusieurs filtres, ReLU, pooling", "en": "Several filters, ReLU, pooling"},
    "conv_section_shift": {"fr": "Et si le chiffre bouge ?", "en": "What if the digit moves?"},
    "conv_section_pipeline": {"fr": "Un modèle qui apprend", "en": "A model that learns"},
    "conv_filter_header": {"fr": "1. Un filtre glisse sur le chiffre", "en": "1. A filter slides over the digit"},
    "conv_filter_text": {
        "fr": "À chaque position, on multiplie les pixels sous le filtre par ses coefficients et on additionne : "
        "une seule valeur, placée au même endroit dans la **carte de caractéristiques**. Le même filtre sert "
        "partout : c'est ce partage qui fait reconnaître un motif où qu'il soit.",
        "en": "At each position, the pixels under the filter are multiplied by its coefficients and added up: one "
        "value, put at the same place in the **feature map**. The same filter is used everywhere: that sharing "
        "is what lets a pattern be recognised wherever it is.",
    },
    "conv_source": {"fr": "Chiffre", "en": "Digit"},
    "conv_source_test": {"fr": "un chiffre de test", "en": "a test digit"},
    "conv_source_drawing": {"fr": "mon dessin", "en": "my drawing"},
    "conv_no_drawing": {
        "fr": "Pas encore de dessin : dessinez un chiffre sur la page « Limites : translation », il apparaîtra ici.",
        "en": "No drawing yet: draw a digit on the “Limits: translation” page and it will show up here.",
    },
    "conv_digit_index": {"fr": "Chiffre de test n°", "en": "Test digit no."},
    "conv_filter_choice": {"fr": "Filtre", "en": "Filter"},
    "filter_vertical_edges": {"fr": "bords verticaux", "en": "vertical edges"},
    "filter_horizontal_edges": {"fr": "bords horizontaux", "en": "horizontal edges"},
    "filter_diagonal": {"fr": "diagonale ╱", "en": "diagonal ╱"},
    "filter_anti_diagonal": {"fr": "diagonale ╲", "en": "diagonal ╲"},
    "filter_blur": {"fr": "flou 3×3", "en": "blur 3×3"},
    "filter_blur_5": {"fr": "flou 5×5", "en": "blur 5×5"},
    "filter_sharpen": {"fr": "netteté", "en": "sharpen"},
    "filter_custom": {"fr": "le mien", "en": "my own"},
    "conv_custom_size": {"fr": "Taille", "en": "Size"},
    "conv_custom_help": {
        "fr": "Modifiez les coefficients dans la grille (nombres entre −100 et 100).",
        "en": "Edit the coefficients in the grid (numbers between −100 and 100).",
    },
    "kernel_not_numbers": {"fr": "Le filtre doit ne contenir que des nombres.", "en": "The filter must hold numbers only."},
    "kernel_bad_shape": {"fr": "Un filtre est carré, 3×3 ou 5×5 (reçu : {shape}).",
                         "en": "A filter is square, 3×3 or 5×5 (got {shape})."},
    "kernel_not_finite": {"fr": "Le filtre contient une case vide ou une valeur infinie : remplissez chaque case.",
                          "en": "The filter has an empty cell or an infinite value: fill in every cell."},
    "kernel_too_large": {"fr": "Coefficients trop grands : entre −{max} et {max}.",
                         "en": "Coefficients too large: between −{max} and {max}."},
    "conv_input_title": {"fr": "Le chiffre (28 × 28)", "en": "The digit (28 × 28)"},
    "conv_kernel_title": {"fr": "Le filtre", "en": "The filter"},
    "conv_map_title": {"fr": "La carte de caractéristiques", "en": "The feature map"},
    "conv_map_caption": {
        "fr": "Rouge : le filtre répond fort (le motif est là) ; bleu : le motif inverse ; blanc : rien.",
        "en": "Red: the filter answers strongly (the pattern is there); blue: the opposite pattern; white: nothing.",
    },
    "conv_step_header": {"fr": "Pas à pas : une multiplication-addition à la fois",
                         "en": "Step by step: one multiply-and-add at a time"},
    "conv_step_row": {"fr": "Ligne du filtre", "en": "Filter row"},
    "conv_step_col": {"fr": "Colonne du filtre", "en": "Filter column"},
    "conv_step_previous": {"fr": "Précédente", "en": "Previous"},
    "conv_step_next": {"fr": "Suivante", "en": "Next"},
    "conv_step_play": {"fr": "Animer", "en": "Animate"},
    "conv_step_speed": {"fr": "Vitesse", "en": "Speed"},
    "speed_pixel": {"fr": "position par position", "en": "one position at a time"},
    "speed_row": {"fr": "ligne par ligne", "en": "one row at a time"},
    "conv_patch_title": {"fr": "Pixels", "en": "Pixels"},
    "conv_products_title": {"fr": "Produits", "en": "Products"},
    "conv_step_sum": {"fr": "Somme en (ligne {row}, colonne {col}) = **{value}**",
                      "en": "Sum at (row {row}, column {col}) = **{value}**"},
    "conv_step_map_title": {"fr": "Carte jusqu'ici", "en": "Map so far"},
    "conv_step_caption": {
        "fr": "Le cadre orange montre où est le filtre ; hors de l'image, les pixels valent 0 (on « rembourre » le "
        "bord pour que la carte garde la taille de l'image).",
        "en": "The orange frame shows where the filter is; outside the image, pixels count as 0 (the border is "
        "“padded” so that the map keeps the image's size).",
    },
    "conv_bank_header": {"fr": "2. Une banque de filtres, ReLU, puis pooling",
                         "en": "2. A bank of filters, ReLU, then pooling"},
    "conv_bank_text": {
        "fr": "Huit filtres de bords (chacun et son inverse) donnent huit cartes. **ReLU** garde les réponses "
        "positives (max(0, x)). Le **max pooling 2×2** ne garde que la plus forte de chaque bloc de 2×2 : les "
        "cartes rétrécissent de moitié à chaque fois, mais les motifs importants survivent, et leur position "
        "exacte compte moins.",
        "en": "Eight edge filters (each and its opposite) give eight maps. **ReLU** keeps the positive answers "
        "(max(0, x)). **2×2 max pooling** keeps only the strongest of each 2×2 block: the maps shrink by half "
        "each time, but the important patterns survive, and their exact position matters less.",
    },
    "conv_bank_maps": {"fr": "8 cartes après ReLU (28 × 28)", "en": "8 maps after ReLU (28 × 28)"},
    "conv_bank_pool_1": {"fr": "Après un max pooling 2×2 (14 × 14)", "en": "After one 2×2 max pooling (14 × 14)"},
    "conv_bank_pool_2": {"fr": "Après un second max pooling 2×2 (7 × 7)", "en": "After a second 2×2 max pooling (7 × 7)"},
    "conv_bank_sizes": {
        "fr": "784 pixels → 8 cartes de 28 × 28 = 6 272 valeurs → 8 × 14 × 14 = 1 568 → **8 × 7 × 7 = 392** "
        "caractéristiques.",
        "en": "784 pixels → 8 maps of 28 × 28 = 6,272 values → 8 × 14 × 14 = 1,568 → **8 × 7 × 7 = 392** features.",
    },
    "conv_negative": {"fr": "{name}, inversé", "en": "{name}, reversed"},
    "conv_shift_header": {"fr": "3. Pourquoi cela aide quand le chiffre bouge",
                          "en": "3. Why it helps when the digit moves"},
    "conv_shift_text": {
        "fr": "Décalez le chiffre. Les pixels changent beaucoup ; les cartes aussi (elles suivent le chiffre), "
        "mais après le pooling, un bloc garde souvent le même maximum : la représentation ressemble bien plus à "
        "celle du chiffre d'origine. On le mesure par la similarité cosinus (1 = identique, 0 = rien en commun).",
        "en": "Move the digit. The pixels change a lot; so do the maps (they follow the digit), but after pooling "
        "a block often keeps the same maximum: the representation stays much closer to the original digit's. "
        "Measured by cosine similarity (1 = identical, 0 = nothing in common).",
    },
    "conv_pooled_original": {"fr": "Carte poolée, original", "en": "Pooled map, original"},
    "conv_pooled_moved": {"fr": "Carte poolée, décalé", "en": "Pooled map, moved"},
    "conv_similarity_title": {"fr": "Ressemblance avec le chiffre d'origine (décalage {direction})",
                              "en": "Likeness to the original digit ({direction} shift)"},
    "conv_similarity_pixels": {"fr": "pixels bruts", "en": "raw pixels"},
    "conv_similarity_maps": {"fr": "cartes (sans pooling)", "en": "maps (no pooling)"},
    "conv_similarity_pool_2": {"fr": "après pooling 2×2", "en": "after 2×2 pooling"},
    "conv_similarity_pool_4": {"fr": "après deux poolings 2×2", "en": "after two 2×2 poolings"},
    "conv_similarity_pixels_metric": {"fr": "Pixels : ressemblance", "en": "Pixels: likeness"},
    "conv_similarity_pooled_metric": {"fr": "Cartes poolées : ressemblance", "en": "Pooled maps: likeness"},
    "conv_pipeline_header": {"fr": "4. Un petit modèle convolutif qui apprend", "en": "4. A small convolutional model that learns"},
    "conv_pipeline_text": {
        "fr": "Les 8 filtres de bords, ReLU et le max pooling donnent des caractéristiques ; une régression "
        "logistique (scikit-learn, 10 sorties softmax comme le modèle à 10 neurones) apprend à lire le chiffre "
        "à partir d'elles, sur {digits} chiffres d'entraînement. Calculé une fois par réglage pour tout le serveur.",
        "en": "The 8 edge filters, ReLU and max pooling make features; a logistic regression (scikit-learn, 10 "
        "softmax outputs like the 10-neuron model) learns to read the digit from them, on {digits} training "
        "digits. Computed once per setting for the whole server.",
    },
    "conv_pool_choice": {"fr": "Pooling", "en": "Pooling"},
    "pool_2": {"fr": "un 2×2 (14 × 14)", "en": "one 2×2 (14 × 14)"},
    "pool_4": {"fr": "deux 2×2 (7 × 7)", "en": "two 2×2 (7 × 7)"},
    "pool_7": {"fr": "un 7×7 (4 × 4)", "en": "one 7×7 (4 × 4)"},
    "conv_pipeline_training": {"fr": "Apprentissage des filtres fixes + pooling, une fois pour le serveur…",
                               "en": "Fitting fixed filters + pooling, once for the server…"},
    "conv_pipeline_model": {"fr": "Filtres fixes + pooling", "en": "Fixed filters + pooling"},
    "conv_pipeline_result": {
        "fr": "**{accuracy} %** sur les 10 000 chiffres de test · {features} caractéristiques · caractéristiques "
        "{feature_seconds} s, apprentissage {fit_seconds} s",
        "en": "**{accuracy}%** on the 10,000 test digits · {features} features · features {feature_seconds} s, "
        "fitting {fit_seconds} s",
    },
    "conv_pipeline_chart": {"fr": "Précision de test selon le décalage ({direction})",
                            "en": "Test accuracy against the shift ({direction})"},
    "conv_pipeline_reading": {
        "fr": "À {shift} pixels ({direction}) : **{conv} %** pour les filtres fixes + pooling, contre {softmax} % "
        "pour le modèle à 10 neurones et {mlp} % pour le réseau à 5 couches.",
        "en": "At {shift} pixels ({direction}): **{conv}%** for fixed filters + pooling, against {softmax}% for "
        "the 10-neuron model and {mlp}% for the 5-layer network.",
    },
    "conv_pipeline_honest": {
        "fr": "**Ce que c'est, honnêtement :** des filtres **fixes**, choisis à la main, et un seul étage de "
        "classement. Le pooling tolère les petits décalages (1 à 3 pixels) ; au-delà, la régression, qui pèse "
        "encore des positions, décroche aussi. Le réseau entraîné avec des décalages (page précédente) tient "
        "mieux à 4 pixels, parce qu'il a **vu** ces positions. Un vrai réseau convolutif **apprend** ses filtres "
        "et empile plusieurs étages convolution + pooling : le réseau convolutif de Martin Görner atteint environ "
        "**99 %** sur les chiffres de test, et **99,3 %** avec le *dropout*.",
        "en": "**What it is, honestly:** **fixed** filters, chosen by hand, and one classifying stage. Pooling "
        "tolerates small shifts (1 to 3 pixels); beyond that the regression, which still weighs positions, "
        "drops too. The network trained on shifted digits (previous page) holds better at 4 pixels, because it "
        "has **seen** those positions. A real convolutional network **learns** its filters and stacks several "
        "convolution + pooling stages: Martin Görner's convolutional network reaches about **99%** on the test "
        "digits, and **99.3%** with *dropout*.",
    },
    "conv_further_header": {"fr": "Pour aller plus loin", "en": "Going further"},
    "conv_further_text": {
        "fr": "- [CNN Explainer](https://poloclub.github.io/cnn-explainer/) : un réseau convolutif complet, "
        "visualisé couche par couche dans le navigateur (en anglais).\n"
        "- [TensorFlow without a PhD](https://github.com/GoogleCloudPlatform/tensorflow-without-a-phd) : le code "
        "et les diapositives de l'exposé de Martin Görner, dont les réseaux convolutifs à 99 % et 99,3 % "
        "(en anglais).\n"
        "- Y. LeCun, L. Bottou, Y. Bengio, P. Haffner, *Gradient-based learning applied to document "
        "recognition*, Proc. IEEE, 1998 : LeNet-5, le réseau convolutif d'origine, sur ces mêmes chiffres MNIST.",
        "en": "- [CNN Explainer](https://poloclub.github.io/cnn-explainer/): a complete convolutional network, "
        "visualised layer by layer in the browser.\n"
        "- [TensorFlow without a PhD](https://github.com/GoogleCloudPlatform/tensorflow-without-a-phd): the code "
        "and slides of Martin Görner's talk, including the convolutional networks at 99% and 99.3%.\n"
        "- Y. LeCun, L. Bottou, Y. Bengio, P. Haffner, *Gradient-based learning applied to document "
        "recognition*, Proc. IEEE, 1998: LeNet-5, the original convolutional network, on these same MNIST digits.",
    },
}
