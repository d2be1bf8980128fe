"""The lesson's slides beside the app: the "what the slide says" boxes, the deck's code, the sources."""

TEXTS: dict[str, dict[str, str]] = {
    "slide_box_title": {"fr": "Ce que dit la diapo", "en": "What the slide says"},
    "slide_label": {"fr": "La diapo « {slide} »", "en": "The slide “{slide}”"},
    "slide_measured_label": {"fr": "Mesuré ici", "en": "Measured here"},
    "slide_in_words": {"fr": "en mots", "en": "in words"},
    "slide_points": {"fr": "{points} pt", "en": "{points} pt"},
    "slide_state_computing": {
        "fr": "Le serveur le calcule : {progress} %.",
        "en": "The server is computing it: {progress}%.",
    },
    "slide_state_queued": {
        "fr": "En attente d'un processeur libre (position {position}).",
        "en": "Waiting for a free processor (position {position}).",
    },
    "slide_state_failed": {
        "fr": "Le calcul a échoué : la page dit pourquoi.",
        "en": "The computation failed: the page says why.",
    },
    "slide_talk": {
        "fr": "Dans l'exposé de {speaker}, ce modèle s'entraîne à l'écran : [à {moment} ▶]({url})",
        "en": "In {speaker}'s talk, this model trains on screen: [at {moment} ▶]({url})",
    },
    "slide_state_absent": {"fr": "Pas encore mesuré sur ce serveur.", "en": "Not measured on this server yet."},
    "code_box_title": {
        "fr": "Le code de la diapo et celui de l'application",
        "en": "The slide's code and the app's",
    },
    "code_intro": {
        "fr": "À gauche, le code TensorFlow de la diapo ; à droite, les lignes que l'application exécute, lues dans son propre code au démarrage du serveur (fichier : ligne).",
        "en": "On the left, the slide's TensorFlow code; on the right, the lines the app runs, read from its own code when the server starts (file: line).",
    },
    "code_tf_header": {
        "fr": "Diapo (TensorFlow)",
        "en": "Slide (TensorFlow)",
    },
    "code_app_header": {
        "fr": "Application (numpy, scikit-learn)",
        "en": "App (numpy, scikit-learn)",
    },
    "code_full_source": {
        "fr": "Sources complètes",
        "en": "Full sources",
    },
    "code_whole_slide": {
        "fr": "La diapo entière",
        "en": "The whole slide",
    },
    "code_note_numpy": {
        "fr": "numpy au lieu de TensorFlow : les mêmes calculs, écrits à la main.",
        "en": "numpy instead of TensorFlow: the same computations, written by hand.",
    },
    "code_note_placeholder": {
        "fr": "Pas de placeholder : chaque lot de 100 images arrive en lignes de 784 nombres entre 0 et 1.",
        "en": "No placeholder: each batch of 100 images comes as rows of 784 numbers between 0 and 1.",
    },
    "code_note_labels": {
        "fr": "Les bonnes réponses arrivent en chiffres (0 à 9), pas en one-hot.",
        "en": "The right answers come as digits (0 to 9), not one-hot.",
    },
    "code_note_one_hot": {
        "fr": "Y' est one-hot : la somme ne garde que −ln de la probabilité du bon chiffre.",
        "en": "Y' is one-hot: the sum keeps only −ln of the right digit's probability.",
    },
    "code_note_gradient": {
        "fr": "Le gradient à la main : ∂coût/∂L = Y − Y', puis W et b reculent de η fois leur gradient.",
        "en": "The gradient by hand: ∂loss/∂L = Y − Y', then W and b step back by η times their gradient.",
    },
    "code_note_session": {
        "fr": "Pas de session : numpy calcule tout de suite, dans un processus du serveur.",
        "en": "No session: numpy computes at once, in one of the server's processes.",
    },
    "code_note_loop": {
        "fr": "Les 10 000 itérations de la leçon, par morceaux : la page affiche chaque mesure.",
        "en": "The lesson's 10,000 iterations, chunk by chunk: the page shows each measurement.",
    },
    "code_note_every": {
        "fr": "Comme le conseille la diapo : toutes les 100 itérations (réglage « Mesurer toutes les … »).",
        "en": "As the slide advises: every 100 iterations (the “Measure every …” setting).",
    },
    "code_note_layers": {
        "fr": "scikit-learn fait la même boucle : produit matriciel, biais, sigmoïde, couche après couche.",
        "en": "scikit-learn runs the same loop: matrix product, bias, sigmoid, layer after layer.",
    },
    "code_note_adam": {
        "fr": "La diapo ne montre pas l'optimiseur : ici Adam, taux 0,001 (réglage « Optimiseur »).",
        "en": "The slide does not show the optimiser: here Adam, rate 0.001 (the “Optimiser” setting).",
    },
    # what each claim's measurement is (the measured value's tooltip)
    "slide_claim_home_ten": {
        "fr": "Modèle à 10 neurones, réglages de la leçon, entraîné par ce serveur : taux de réussite sur les "
        "10 000 chiffres de test.",
        "en": "10-neuron model, the lesson's settings, trained by this server: accuracy on the 10,000 test digits.",
    },
    "slide_claim_home_five": {
        "fr": "Réseau à 5 couches, réglages par défaut, entraîné par ce serveur : taux de réussite sur les "
        "10 000 chiffres de test.",
        "en": "5-layer network, default settings, trained by this server: accuracy on the 10,000 test digits.",
    },
    "slide_claim_softmax_vector": {
        "fr": "σ(z) calculé par l'application, tronqué à deux décimales comme sur la diapo.",
        "en": "σ(z) computed by the app, truncated to two decimals as on the slide.",
    },
    "slide_claim_softmax_sum": {
        "fr": "La somme des six sorties de σ(z), calculée par l'application.",
        "en": "The sum of the six outputs of σ(z), computed by the app.",
    },
    "slide_claim_training_92": {
        "fr": "Le modèle de cette page avec ses réglages par défaut, entraîné par ce serveur : taux de réussite "
        "sur les 10 000 chiffres de test.",
        "en": "This page's model with its default settings, trained by this server: accuracy on the 10,000 "
        "test digits.",
    },
    "slide_claim_training_digits": {
        "fr": "Les chiffres d'entraînement de la copie de MNIST fournie avec l'application.",
        "en": "The training digits of the MNIST copy that ships with the app.",
    },
    "slide_claim_five_test": {
        "fr": "Le réseau de cette page avec ses réglages par défaut, entraîné par ce serveur : taux de réussite "
        "sur les 10 000 chiffres de test.",
        "en": "This page's network with its default settings, trained by this server: accuracy on the 10,000 "
        "test digits.",
    },
    "slide_claim_five_train": {
        "fr": "Le même réseau : taux de réussite sur 10 000 de ses chiffres d'entraînement.",
        "en": "The same network: accuracy on 10,000 of its training digits.",
    },
    "slide_claim_overfit": {
        "fr": "Réseau 200-100 ReLU, 30 époques sur 500 chiffres (expérience 1) : taux de réussite sur ses "
        "chiffres d'entraînement.",
        "en": "200-100 ReLU network, 30 epochs on 500 digits (experiment 1): accuracy on its training digits.",
    },
    "slide_claim_plateau": {
        "fr": "Réseau à 5 couches ReLU, 8 époques sur les 60 000 chiffres (expérience 3) : taux de réussite "
        "de test.",
        "en": "5-layer ReLU network, 8 epochs on the 60,000 digits (experiment 3): test accuracy.",
    },
    "slide_claim_slow": {
        "fr": "Réseau à 5 couches sigmoïde sur 5 000 chiffres (expérience 4) : taux de réussite de test après "
        "une époque.",
        "en": "5-layer sigmoid network on 5,000 digits (experiment 4): test accuracy after one epoch.",
    },
    "slide_claim_translation": {
        "fr": "Réseau à 5 couches, réglages par défaut : taux de réussite sur les 10 000 chiffres de test "
        "décalés de 4 pixels vers la droite.",
        "en": "5-layer network, default settings: accuracy on the 10,000 test digits moved 4 pixels to the right.",
    },
    "slide_claim_convolution": {
        "fr": 'Réseau convolutif à pooling global, livré entraîné (sur des chiffres centrés) : taux de réussite sur les 10 000 chiffres de test décalés de 4 pixels vers la droite.',
        "en": 'Convolutional network with global pooling, shipped trained (on centred digits): accuracy on the 10,000 test digits moved 4 pixels to the right.',
    },
    # why the two numbers differ, or agree
    "slide_why_home_ten": {
        "fr": "La diapo arrondit une exécution de TensorFlow ; ici, mêmes réglages, autre ordre des lots : "
        "{measured}.",
        "en": "The slide rounds one TensorFlow run; here, the same settings, another order of batches: {measured}.",
    },
    "slide_why_home_five": {
        "fr": "La sigmoïde à taux d'apprentissage fixe plafonne ici à {measured} ; avec ReLU, voir les limites.",
        "en": "With the sigmoid and a fixed learning rate it levels off at {measured} here; with ReLU, see the limits.",
    },
    "slide_why_softmax_vector": {
        "fr": "Les mêmes six nombres : numpy calcule σ(z), tronqué comme sur la diapo.",
        "en": "The same six numbers: numpy computes σ(z), truncated as on the slide.",
    },
    "slide_why_softmax_sum": {
        "fr": "Six nombres positifs de somme 1 : des probabilités.",
        "en": "Six positive numbers adding up to 1: probabilities.",
    },
    "slide_why_training_92": {
        "fr": "La diapo arrondit une exécution de TensorFlow ; ici, mêmes réglages (η = 0,003, lots de 100), "
        "autre ordre des lots : {measured}.",
        "en": "The slide rounds one TensorFlow run; here, the same settings (η = 0.003, batches of 100), "
        "another order of batches: {measured}.",
    },
    "slide_why_training_digits": {
        "fr": "La même base : 60 000 chiffres pour apprendre, 10 000 pour juger.",
        "en": "The same database: 60,000 digits to learn from, 10,000 to judge.",
    },
    "slide_why_five_test": {
        "fr": "Sigmoïde et taux fixe (Adam, 0,001) : le réseau oscille autour de {measured} d'une époque à "
        "l'autre. Avec ReLU, voir Limites, « 3. Plafond ».",
        "en": "Sigmoid and a fixed rate (Adam, 0.001): the network wavers around {measured} from one epoch to "
        "the next. With ReLU, see Limits, “3. Plateau”.",
    },
    "slide_why_five_train": {
        "fr": "La courbe de la diapo est mesurée sur chaque lot de 100 chiffres, souvent tous justes ; ici sur "
        "10 000 chiffres : quelques dizaines restent faux.",
        "en": "The slide's curve is measured on each batch of 100 digits, often all right; here on 10,000 digits: "
        "a few dozen stay wrong.",
    },
    "slide_why_overfit": {
        "fr": "Sur 500 chiffres, le réseau les apprend par cœur ({measured}) mais ne reconnaît que {beside} des "
        "chiffres de test.",
        "en": "On 500 digits the network learns them by heart ({measured}) but reads only {beside} of the test "
        "digits.",
    },
    "slide_why_plateau": {
        "fr": "Plus d'époques n'y changent rien : le réseau s'arrête vers {measured}. Il faut un autre modèle.",
        "en": "More epochs change nothing: the network stops near {measured}. It takes another model.",
    },
    "slide_why_slow": {
        "fr": "Après une époque : sigmoïde {measured}, ReLU déjà {beside}. Les gradients de la sigmoïde "
        "s'écrasent de couche en couche.",
        "en": "After one epoch: sigmoid {measured}, ReLU already {beside}. The sigmoid's gradients get squashed "
        "layer after layer.",
    },
    "slide_why_translation": {
        "fr": "Décalés de 4 pixels : {measured} reconnus, contre {beside} à leur place. Le réseau a appris des "
        "pixels, pas des formes.",
        "en": "Moved by 4 pixels: {measured} read right, against {beside} in place. The network learnt pixels, "
        "not shapes.",
    },
    "slide_why_convolution": {
        "fr": "Des filtres qui cherchent des formes où qu'elles soient : {measured} à 4 pixels, quand le réseau à 5 couches, qui pèse des pixels, tombe à {beside}.",
        "en": 'Filters that look for shapes wherever they are: {measured} at 4 pixels, where the 5-layer network, which weighs pixels, falls to {beside}.',
    },
    # where to go to measure a claim that no student has measured yet
    "slide_absent_overfit": {
        "fr": "Pas encore mesuré : ouvrez l'expérience « 1. Surapprentissage ».",
        "en": "Not measured yet: open experiment “1. Overfitting”.",
    },
    "slide_absent_plateau": {
        "fr": "Pas encore mesuré : ouvrez l'expérience « 3. Plafond ».",
        "en": "Not measured yet: open experiment “3. Plateau”.",
    },
    "slide_absent_slow": {
        "fr": "Pas encore mesuré : ouvrez l'expérience « 4. Lenteur ».",
        "en": "Not measured yet: open experiment “4. Slow learning”.",
    },
    "slide_absent_translation": {
        "fr": "Pas encore mesuré : ouvrez « Tous les chiffres de test ».",
        "en": "Not measured yet: open “All the test digits”.",
    },
}
