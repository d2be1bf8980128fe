"""The convolution page: filters by hand, the learned networks, shifted digits, a network trained live."""

TEXTS: dict[str, dict[str, str]] = {
    "conv_title": {
        "fr": "Vers la convolution : des pixels aux formes",
        "en": "Towards convolution: from pixels to shapes",
    },
    "conv_choice": {"fr": "Étape", "en": "Step"},
    "conv_section_filter": {"fr": "Un filtre sur un chiffre", "en": "A filter on a digit"},
    "conv_filter_header": {"fr": "1. Un filtre glisse sur le chiffre", "en": "1. A filter slides over the digit"},
    "conv_filter_text": {
        "fr": "À chaque position, on multiplie les pixels sous le filtre par ses coefficients et on additionne : une valeur de la **carte de caractéristiques**. Le même filtre sert partout : il reconnaît un motif où qu'il soit.",
        "en": 'At each position, the pixels under the filter are multiplied by its coefficients and added up: one value of the **feature map**. The same filter is used everywhere: it recognises a pattern wherever it is.',
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
    "kernel_not_numbers": {
        "fr": "Le filtre doit ne contenir que des nombres.",
        "en": "The filter must hold numbers only.",
    },
    "kernel_bad_shape": {
        "fr": "Un filtre est carré, 3×3 ou 5×5 (reçu : {shape}).",
        "en": "A filter is square, 3×3 or 5×5 (got {shape}).",
    },
    "kernel_not_finite": {
        "fr": "Le filtre contient une case vide ou une valeur infinie : remplissez chaque case.",
        "en": "The filter has an empty cell or an infinite value: fill in every cell.",
    },
    "kernel_too_large": {
        "fr": "Coefficients trop grands : entre −{max} et {max}.",
        "en": "Coefficients too large: between −{max} and {max}.",
    },
    "conv_input_title": {"fr": "Le chiffre (28 × 28)", "en": "The digit (28 × 28)"},
    "conv_kernel_title": {"fr": "Le filtre", "en": "The filter"},
    "conv_map_title": {"fr": "La carte de caractéristiques", "en": "The feature map"},
    "conv_map_caption": {
        "fr": "Rouge : le filtre répond fort (le motif est là) ; bleu : le motif inverse ; blanc : rien.",
        "en": "Red: the filter answers strongly (the pattern is there); blue: the opposite pattern; white: nothing.",
    },
    "conv_step_header": {
        "fr": "Pas à pas : une multiplication-addition à la fois",
        "en": "Step by step: one multiply-and-add at a time",
    },
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
    "conv_step_sum": {
        "fr": "Somme en (ligne {row}, colonne {col}) = **{value}**",
        "en": "Sum at (row {row}, column {col}) = **{value}**",
    },
    "conv_step_map_title": {"fr": "Carte jusqu'ici", "en": "Map so far"},
    "conv_step_caption": {
        "fr": "Le cadre orange montre où est le filtre ; hors de l'image, les pixels valent 0 (on « rembourre » le "
        "bord pour que la carte garde la taille de l'image).",
        "en": "The orange frame shows where the filter is; outside the image, pixels count as 0 (the border is "
        "“padded” so that the map keeps the image's size).",
    },
    "conv_similarity_title": {
        "fr": "Ressemblance avec le chiffre d'origine (décalage {direction})",
        "en": "Likeness to the original digit ({direction} shift)",
    },
    "conv_similarity_pixels": {"fr": "pixels bruts", "en": "raw pixels"},
    "conv_similarity_pixels_metric": {"fr": "Pixels : ressemblance", "en": "Pixels: likeness"},
    "conv_further_header": {"fr": "Pour aller plus loin", "en": "Going further"},
    "conv_intro": {
        "fr": "Les réseaux des pages précédentes pèsent des **pixels** à des places fixes : décalez un chiffre de 4 pixels et ils ne le reconnaissent plus. Ceux de cette page regardent des **formes**, où qu'elles soient.",
        "en": 'The networks of the earlier pages weigh **pixels** at fixed places: move a digit by 4 pixels and they no longer recognise it. The networks of this page look at **shapes**, wherever they are.',
    },
    "conv_answer": {
        "fr": "À **{shift} pixels** de décalage ({direction}), le réseau à 5 couches ne lit plus que **{mlp} %** "
        "des chiffres de test. Le réseau convolutif à pooling global, entraîné sur les mêmes chiffres "
        "centrés, en lit encore **{global_cnn} %**.",
        "en": "At **{shift} pixels** of shift ({direction}), the 5-layer network reads only **{mlp}%** of the test "
        "digits. The convolutional network with global pooling, trained on the same centred digits, still "
        "reads **{global_cnn}%**.",
    },
    "conv_answer_waiting": {
        "fr": "Les mesures sur les 10 000 chiffres de test sont en cours…",
        "en": "The measurements on the 10,000 test digits are under way…",
    },
    "conv_answer_chart": {
        "fr": "Taux de réussite selon le décalage ({direction})",
        "en": "Accuracy against the shift ({direction})",
    },
    "conv_answer_caption": {
        "fr": "Chaque courbe : un modèle, mesuré sur les 10 000 chiffres de test décalés de 0 à 8 pixels. Seul le "
        "réseau à « 5 couches + décalages » a vu des chiffres décalés pendant son entraînement.",
        "en": "Each curve: one model, measured on the 10,000 test digits moved by 0 to 8 pixels. Only the “5 layers"
        " + shifts” network saw moved digits while it trained.",
    },
    "conv_answer_why": {
        "fr": "Pourquoi ? Le réseau de la leçon aplatit ses cartes : il apprend **où** est chaque trait. Le pooling global garde la réponse la plus forte de chaque filtre, **où qu'elle soit** : décaler le chiffre ne change presque rien.",
        "en": "Why? The lesson's network flattens its maps before its dense layer: it learns **where** each stroke is. Global pooling keeps only each filter's strongest answer, **wherever it is**: the shift changes almost nothing.",
    },
    "conv_values": {"fr": "Les valeurs du graphique", "en": "The chart's values"},
    "conv_values_shift": {"fr": "décalage (pixels)", "en": "shift (pixels)"},
    "conv_section_network": {"fr": "Les filtres appris", "en": "The learned filters"},
    "conv_section_shift": {"fr": "Et si le chiffre bouge ?", "en": "What if the digit moves?"},
    "conv_section_train": {"fr": "Entraîner le vôtre", "en": "Train your own"},
    "conv_network_choice": {"fr": "Réseau", "en": "Network"},
    "conv_network_lesson": {"fr": "de la leçon (cartes aplaties)", "en": "the lesson's (maps flattened)"},
    "conv_network_global_pooling": {"fr": "à pooling global", "en": "with global pooling"},
    "conv_network_header": {
        "fr": "2. Des filtres appris, couche par couche",
        "en": "2. Learned filters, layer by layer",
    },
    "conv_network_text": {
        "fr": "Ces filtres n'ont pas été écrits à la main : l'entraînement les a trouvés, comme les poids du modèle"
        " à 10 neurones. Suivez le chiffre à travers le réseau, jusqu'aux probabilités.",
        "en": "Nobody wrote these filters: training found them, like the weights of the 10-neuron model. Follow the"
        " digit through the network, down to the probabilities.",
    },
    "conv_network_summary": {
        "fr": "{layers} couches, {parameters} paramètres, {accuracy} % des 10 000 chiffres de test.",
        "en": "{layers} layers, {parameters} parameters, {accuracy}% of the 10,000 test digits.",
    },
    "conv_learned_filters": {
        "fr": "Les {count} filtres {size}×{size} de la 1re couche",
        "en": "The {count} {size}×{size} filters of the first layer",
    },
    "conv_layers_title": {"fr": "Le chiffre à travers le réseau", "en": "The digit through the network"},
    "conv_layer_conv": {
        "fr": "{name} : {count} cartes après ReLU (les 8 premières)",
        "en": "{name}: {count} maps after ReLU (the first 8)",
    },
    "conv_layer_maxpool": {
        "fr": "{name} : max pooling 2×2, {side}×{side}",
        "en": "{name}: 2×2 max pooling, {side}×{side}",
    },
    "conv_layer_global_pool": {
        "fr": "{name} : le maximum de chacune des {count} cartes",
        "en": "{name}: the maximum of each of the {count} maps",
    },
    "conv_layer_dense": {
        "fr": "{name} : couche dense de {count} neurones",
        "en": "{name}: a dense layer of {count} neurons",
    },
    "conv_probabilities": {"fr": "Probabilités (softmax)", "en": "Probabilities (softmax)"},
    "conv_feature_axis": {"fr": "caractéristique", "en": "feature"},
    "conv_shift_header": {
        "fr": "3. Le chiffre bouge : ce que le réseau garde",
        "en": "3. The digit moves: what the network keeps",
    },
    "conv_shift_text": {
        "fr": "Décalez le chiffre et comparez ce que lit la couche dense : les cartes du dernier pooling. Avec le "
        "pooling global, elles ne changent presque pas.",
        "en": "Move the digit and compare what the dense layer reads: the last pooling's maps. With global pooling "
        "they hardly change.",
    },
    "conv_similarity_features": {"fr": "ce que lit la couche dense", "en": "what the dense layer reads"},
    "conv_similarity_features_metric": {"fr": "Caractéristiques : ressemblance", "en": "Features: likeness"},
    "conv_similarity_explain": {
        "fr": "Ressemblance : similarité cosinus, de 0 (rien en commun) à 1 (identique).",
        "en": "Likeness: cosine similarity, from 0 (nothing in common) to 1 (the same).",
    },
    "conv_features_original": {"fr": "Caractéristiques, original", "en": "Features, original"},
    "conv_features_moved": {"fr": "Caractéristiques, décalé", "en": "Features, moved"},
    "conv_train_header": {
        "fr": "4. Entraînez votre propre réseau convolutif",
        "en": "4. Train your own convolutional network",
    },
    "conv_train_text": {
        "fr": "Un petit réseau (2 convolutions, par défaut 8 puis 16 filtres 5×5) apprend sur 10 000 chiffres. "
        "Regardez la vue 5 : ses filtres passent du bruit à des détecteurs de bords et de traits.",
        "en": "A small network (2 convolutions, by default 8 then 16 filters of 5×5) learns from 10,000 digits. "
        "Watch view 5: its filters grow from noise into edge and stroke detectors.",
    },
    "conv_train_settings": {"fr": "Le réseau à entraîner", "en": "The network to train"},
    "conv_epoch_time": {
        "fr": "{seconds} s par époque ({digits} chiffres)",
        "en": "{seconds} s per epoch ({digits} digits)",
    },
    "conv_further_more": {
        "fr": "- [CNN Explainer](https://poloclub.github.io/cnn-explainer/) : un réseau convolutif complet, "
        "visualisé couche par couche dans le navigateur (en anglais).\n- [TensorFlow without a "
        "PhD](https://github.com/GoogleCloudPlatform/tensorflow-without-a-phd) : le code et les diapositives "
        "de l'exposé de Martin Görner, dont ses réseaux convolutifs à 99 % et 99,3 % (en anglais).\n- Y. "
        "LeCun, L. Bottou, Y. Bengio, P. Haffner, *Gradient-based learning applied to document recognition*, "
        "1998 : LeNet-5, le réseau convolutif dont s'inspire celui de cette page.",
        "en": "- [CNN Explainer](https://poloclub.github.io/cnn-explainer/): a whole convolutional network, shown "
        "layer by layer in the browser.\n- [TensorFlow without a "
        "PhD](https://github.com/GoogleCloudPlatform/tensorflow-without-a-phd): the code and slides of Martin"
        " Görner's talk, including his convolutional networks at 99% and 99.3%.\n- Y. LeCun, L. Bottou, Y. "
        "Bengio, P. Haffner, *Gradient-based learning applied to document recognition*, 1998: LeNet-5, the "
        "convolutional network this page's is modelled on.",
    },
    "cnn_filters": {"fr": "Filtres par convolution", "en": "Filters per convolution"},
    "cnn_filters_help": {
        "fr": "De 1 à 3 convolutions (chacune suivie d'un max pooling 2×2), de 1 à 64 filtres chacune, séparées par"
        " des tirets : « 8-16 ». Plus de filtres : plus lent.",
        "en": "1 to 3 convolutions (each followed by a 2×2 max pooling), 1 to 64 filters each, separated by dashes:"
        " “8-16”. More filters: slower.",
    },
    "cnn_kernel_size": {"fr": "Taille des filtres", "en": "Filter size"},
    "kernel_3": {"fr": "3×3", "en": "3×3"},
    "kernel_5": {"fr": "5×5", "en": "5×5"},
    "kernel_7": {"fr": "7×7", "en": "7×7"},
    "cnn_kernel_size_invalid": {
        "fr": "Des filtres de {size}×{size} ne sont pas possibles ici : {allowed}.",
        "en": "Filters of {size}×{size} are not possible here: {allowed}.",
    },
    "filters_empty": {
        "fr": "Indiquez au moins une convolution, par exemple « 8-16 ».",
        "en": "Give at least one convolution, for example “8-16”.",
    },
    "filters_too_many": {
        "fr": "Trop de convolutions : {max} au maximum (vous en avez donné {count}).",
        "en": "Too many convolutions: {max} at most (you gave {count}).",
    },
    "filters_not_a_number": {
        "fr": "« {token} » n'est pas un nombre de filtres : écrivez des entiers séparés par des tirets.",
        "en": "“{token}” is not a number of filters: write whole numbers separated by dashes.",
    },
    "filters_out_of_range": {
        "fr": "« {token} » filtres : chaque convolution doit en avoir entre 1 et {max}.",
        "en": "“{token}” filters: each convolution must have between 1 and {max}.",
    },
    "convnet_file_error": {
        "fr": "Les réseaux convolutifs entraînés ne peuvent pas être lus : {problem}",
        "en": "The trained convolutional networks cannot be read: {problem}",
    },
    "unit_batches": {"fr": "lots", "en": "batches"},
    "view_weights_filters": {"fr": "5. Les filtres de la 1re convolution", "en": "5. The first convolution's filters"},
    "reference_cnn": {"fr": "réseau convolutif de la leçon : 99 %", "en": "the lesson's convolutional network: 99%"},
    "model_cnn": {"fr": "réseau convolutif", "en": "convolutional network"},
    "col_filters": {"fr": "filtres", "en": "filters"},
    "col_kernel_size": {"fr": "taille des filtres", "en": "filter size"},
    "conv_explain_filters": {
        "fr": "Les poids : chaque filtre de la 1re convolution, dessiné en 5×5 (ou 3×3, 7×7) : en rouge ce qu'il cherche, en bleu ce qui l'éteint. Partis du bruit, ils deviennent des détecteurs de bords et de traits.",
        "en": "The weights: each filter of the first convolution, drawn as 5×5 (or 3×3, 7×7): in red what it looks for, in blue what turns it off. Starting from noise, they grow into edge and stroke detectors.",
    },
}
