"""Every sentence a person reads, in French (the lesson's language) and English.

``t(key, lang, **values)`` returns the text of ``key`` in ``lang`` with the
``{placeholders}`` filled in. French is the default; an unknown language falls
back to French. A missing key raises ``KeyError``: a test checks that every key
has both languages and the same placeholders in each.
"""

from __future__ import annotations

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}

TEXTS: dict[str, dict[str, str]] = {
    # ----------------------------------------------------------------- app
    "app_title": {
        "fr": "IA et Nous — Réseaux de neurones",
        "en": "AI and Us — Neural networks",
    },
    "language": {"fr": "Langue", "en": "Language"},
    "nav_lesson": {"fr": "La leçon", "en": "The lesson"},
    "nav_limits": {"fr": "Limites et suite", "en": "Limits and beyond"},
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
    "coming_soon_title": {"fr": "À venir", "en": "Coming soon"},
    "coming_soon": {
        "fr": "Cette page de la leçon sera construite dans une prochaine étape du projet. "
        "En attendant, les pages précédentes sont prêtes.",
        "en": "This page of the lesson will be built in a coming step of the project. "
        "Meanwhile, the earlier pages are ready.",
    },
    "coming_soon_training": {
        "fr": "Ici, la classe entraînera en direct le modèle à 10 neurones (softmax) sur les 60 000 "
        "chiffres d'entraînement et verra sa précision monter vers 92 %.",
        "en": "Here the class will train the 10-neuron (softmax) model live on the 60,000 training "
        "digits and watch its accuracy climb to about 92%.",
    },
    "coming_soon_five_layers": {
        "fr": "Ici, le réseau à 5 couches (sigmoïde 200-100-60-30, softmax 10) atteindra environ "
        "98 % sur les chiffres de test.",
        "en": "Here the 5-layer network (sigmoid 200-100-60-30, softmax 10) will reach about 98% "
        "on the test digits.",
    },
    "coming_soon_overfitting": {
        "fr": "Ici, des expériences réelles montreront le surapprentissage, le plafond de précision "
        "et la lenteur d'apprentissage.",
        "en": "Here real experiments will show overfitting, the accuracy plateau and slow learning.",
    },
    "coming_soon_translation": {
        "fr": "Ici, on décalera un chiffre de quelques pixels pour voir le réseau se tromper, "
        "et chacun pourra dessiner son propre chiffre.",
        "en": "Here we will shift a digit by a few pixels and watch the network fail, and everyone "
        "will be able to draw their own digit.",
    },
    "coming_soon_convolution": {
        "fr": "Ici, des filtres et du pooling montreront pourquoi regarder des formes plutôt que "
        "des pixels répond à ces limites.",
        "en": "Here filters and pooling will show why looking at shapes instead of pixels answers "
        "those limits.",
    },
    "data_error": {
        "fr": "Les données MNIST ne peuvent pas être chargées : {problem}. Fichier : {path}. "
        "Pour le restaurer : `git checkout -- data/mnist.npz` dans le dossier du projet "
        "(voir data/README.md).",
        "en": "The MNIST data cannot be loaded: {problem}. File: {path}. "
        "To restore it: `git checkout -- data/mnist.npz` in the project folder "
        "(see data/README.md).",
    },
    # ---------------------------------------------------------------- home
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
        "fr": "**3. Les limites** — surapprentissage, précision qui plafonne, apprentissage lent, "
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
        "fr": "MNIST rassemble des chiffres écrits à la main par des employés du recensement "
        "américain et des lycéens : **60 000 chiffres d'entraînement** pour apprendre et "
        "**10 000 chiffres de test**, jamais vus pendant l'apprentissage, pour juger. "
        "Chaque chiffre est une image de **28 × 28 pixels gris** (784 nombres de 0 à 255) "
        "avec son étiquette, le chiffre qu'il représente.",
        "en": "MNIST gathers digits handwritten by US Census Bureau employees and high-school "
        "students: **60,000 training digits** to learn from and **10,000 test digits**, never "
        "seen during training, to judge. Each digit is an image of **28 × 28 grey pixels** "
        "(784 numbers from 0 to 255) with its label, the digit it shows.",
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
        "fr": "On pourrait écrire des règles : « un 0 est une boucle, un 8 deux boucles, un 1 un "
        "trait vertical ». Mais les écritures varient trop : boucles ouvertes, traits penchés, "
        "chiffres collés au bord… Chaque règle a des milliers d'exceptions. "
        "Au lieu d'écrire les règles, on montre **des exemples** à un réseau de neurones et on "
        "ajuste ses poids pour qu'il se trompe de moins en moins : il **apprend** à partir des données.",
        "en": "We could write rules: “a 0 is one loop, an 8 is two loops, a 1 is a vertical "
        "line”. But handwriting varies too much: open loops, slanted strokes, digits touching "
        "the border… Every rule has thousands of exceptions. "
        "Instead of writing the rules, we show a neural network **examples** and adjust its "
        "weights so that it is wrong less and less often: it **learns** from the data.",
    },
    "label": {"fr": "étiquette", "en": "label"},
    # ------------------------------------------------------------- softmax
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
        "fr": "Somme des softmax : **{total}** — c'est toujours 1, c'est une distribution de probabilités.",
        "en": "Sum of the softmax values: **{total}** — always 1, it is a probability distribution.",
    },
    "sigmoid_sum_property": {
        "fr": "Somme des sigmoïdes : **{total}** — chaque valeur est entre 0 et 1, mais la somme "
        "n'est pas 1 : ce n'est pas une distribution de probabilités sur les classes.",
        "en": "Sum of the sigmoid values: **{total}** — each value lies between 0 and 1, but the "
        "sum is not 1: it is not a probability distribution over the classes.",
    },
    "precision_decimals": {"fr": "Décimales affichées", "en": "Decimals shown"},
    "precision_mode": {"fr": "Arrondi", "en": "Rounding"},
    "mode_truncate": {"fr": "tronqué (comme la leçon)", "en": "truncated (as in the lesson)"},
    "mode_round": {"fr": "arrondi au plus proche", "en": "rounded to nearest"},
    "precision_shown_truncate": {
        "fr": "Valeurs **tronquées** à {decimals} décimales (0,0497 s'affiche 0,04 ; arrondi, ce serait 0,05).",
        "en": "Values **truncated** to {decimals} decimals (0.0497 shows as 0.04; rounded it would be 0.05).",
    },
    "precision_shown_round": {
        "fr": "Valeurs **arrondies** au plus proche à {decimals} décimales.",
        "en": "Values **rounded** to nearest at {decimals} decimals.",
    },
    "temperature": {"fr": "Température T (softmax de z / T)", "en": "Temperature T (softmax of z / T)"},
    "temperature_help": {
        "fr": "T < 1 accentue le plus grand, T > 1 égalise les probabilités. La leçon utilise T = 1.",
        "en": "T < 1 sharpens the largest value, T > 1 evens out the probabilities. The lesson uses T = 1.",
    },
    "lesson_check_ok": {
        "fr": "On retrouve le résultat de la leçon : softmax(z) = {vector} (tronqué à 10⁻²).",
        "en": "This is the lesson's result: softmax(z) = {vector} (truncated to 10⁻²).",
    },
    "col_index": {"fr": "i", "en": "i"},
    "col_z": {"fr": "z", "en": "z"},
    "col_exp": {"fr": "exp(z)", "en": "exp(z)"},
    "col_softmax": {"fr": "softmax(z)", "en": "softmax(z)"},
    "col_sigmoid": {"fr": "sigmoïde(z)", "en": "sigmoid(z)"},
    "chart_z": {"fr": "Le vecteur z", "en": "The vector z"},
    "chart_softmax": {"fr": "softmax(z) : des probabilités", "en": "softmax(z): probabilities"},
    "chart_sigmoid": {"fr": "sigmoïde(z), par composante", "en": "sigmoid(z), per component"},
    "axis_component": {"fr": "composante i", "en": "component i"},
    "axis_value": {"fr": "valeur", "en": "value"},
    "axis_probability": {"fr": "probabilité", "en": "probability"},
    "ce_title": {"fr": "L'entropie croisée : « c'est un 6 »", "en": "Cross-entropy: “this is a 6”"},
    "ce_intro": {
        "fr": "Pour apprendre, on compare la prédiction y du réseau à la bonne réponse y', codée en "
        "« one-hot » : un 1 pour le bon chiffre, des 0 ailleurs. L'entropie croisée "
        "−Σ y'ᵢ log(yᵢ) ne garde que le terme du bon chiffre : elle vaut −log(probabilité donnée "
        "au bon chiffre). Elle est petite quand le réseau est sûr et a raison, grande quand il se trompe.",
        "en": "To learn, we compare the network's prediction y with the right answer y', encoded "
        "“one-hot”: a 1 for the right digit, 0 elsewhere. The cross-entropy −Σ y'ᵢ log(yᵢ) keeps "
        "only the right digit's term: it equals −log(probability given to the right digit). "
        "It is small when the network is confident and right, large when it is wrong.",
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
        "fr": "Entropie croisée = −log(y[{label}]) = −log({probability}) = **{loss}**",
        "en": "Cross-entropy = −log(y[{label}]) = −log({probability}) = **{loss}**",
    },
    "ce_chart_title": {
        "fr": "y (prédiction) et y' (one-hot du {label})",
        "en": "y (prediction) and y' (one-hot of {label})",
    },
    "ce_prediction": {"fr": "y : prédiction", "en": "y: prediction"},
    "ce_one_hot": {"fr": "y' : bonne réponse (one-hot)", "en": "y': right answer (one-hot)"},
    "axis_digit": {"fr": "chiffre", "en": "digit"},
    "ce_curve_title": {
        "fr": "−log(p) selon la probabilité p donnée au bon chiffre",
        "en": "−log(p) against the probability p given to the right digit",
    },
    "shapes_title": {"fr": "Les dimensions de L = X·W + b", "en": "The shapes of L = X·W + b"},
    "shapes_intro": {
        "fr": "On traite 100 images à la fois. Chaque ligne de X est une image aplatie (784 pixels). "
        "W contient une colonne de 784 poids par neurone, b un biais par neurone. "
        "Le biais b est **ajouté à chaque ligne** (diffusion ou « broadcast »). "
        "Puis softmax, ligne par ligne, donne Y[100, 10] : 10 probabilités par image.",
        "en": "We process 100 images at once. Each row of X is a flattened image (784 pixels). "
        "W holds one column of 784 weights per neuron, b one bias per neuron. "
        "The bias b is **added to every row** (broadcasting). "
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
    "shape_Y": {"fr": "softmax(L) : 10 probabilités par image", "en": "softmax(L): 10 probabilities per image"},
    "shape_broadcast": {"fr": "b copié sur chaque ligne", "en": "b copied onto every row"},
    # ------------------------------------------------------------ training
    "training_title": {"fr": "Entraîner le modèle à 10 neurones", "en": "Training the 10-neuron model"},
    "training_intro": {
        "fr": "Le modèle de la leçon : 10 neurones, un par chiffre, chacun relié aux 784 pixels. "
        "On lui montre des lots de 100 chiffres d'entraînement ; après chaque lot, la descente de "
        "gradient corrige un peu les poids W et les biais b pour diminuer l'entropie croisée. "
        "Appuyez sur **Démarrer** et regardez la précision monter vers 92 %.",
        "en": "The lesson's model: 10 neurons, one per digit, each connected to the 784 pixels. "
        "We show it batches of 100 training digits; after each batch, gradient descent nudges the "
        "weights W and biases b to lower the cross-entropy. "
        "Press **Start** and watch the accuracy climb to about 92%.",
    },
    "settings_title": {"fr": "Réglages (ceux de la leçon par défaut)", "en": "Settings (the lesson's by default)"},
    "set_learning_rate": {"fr": "Taux d'apprentissage η", "en": "Learning rate η"},
    "set_learning_rate_help": {
        "fr": "La taille du pas de la descente de gradient. La leçon utilise 0,003 (la perte est une "
        "somme sur les 100 images du lot). Trop grand : l'apprentissage diverge ; trop petit : il traîne.",
        "en": "The size of each gradient descent step. The lesson uses 0.003 (the loss is summed over "
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
        "fr": "Tous les combien d'itérations on mesure la précision sur les chiffres de test. "
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
    "view_name_accuracy": {"fr": "Précision", "en": "Accuracy"},
    "view_name_loss": {"fr": "Entropie croisée", "en": "Cross-entropy"},
    "view_name_batch": {"fr": "Lot d'entraînement", "en": "Training batch"},
    "view_name_test": {"fr": "Chiffres de test", "en": "Test digits"},
    "view_name_weights": {"fr": "Poids", "en": "Weights"},
    "view_name_biases": {"fr": "Biais", "en": "Biases"},
    "view_accuracy": {"fr": "1. Précision", "en": "1. Accuracy"},
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
        "fr": "La précision est la part des chiffres reconnus. Celle du lot d'entraînement saute d'un lot à "
        "l'autre ; celle de test, mesurée sur des chiffres jamais vus, est celle qui compte.",
        "en": "Accuracy is the share of digits recognised. On the training batch it jumps from batch to batch; "
        "on the test digits, never seen in training, it is the one that counts.",
    },
    "explain_loss": {
        "fr": "**L'entropie croisée** mesure à quel point le réseau est loin de la bonne réponse : "
        "−log de la probabilité qu'il donne au bon chiffre. C'est elle que la descente de gradient fait "
        "baisser ; la précision suit.",
        "en": "**Cross-entropy** measures how far the network is from the right answer: −log of the "
        "probability it gives to the right digit. It is what gradient descent lowers; accuracy follows.",
    },
    "explain_batch": {
        "fr": "Les chiffres du lot que le modèle vient de voir. En rouge, ceux où il s'est trompé, "
        "écrits « vrai→prédit ».",
        "en": "The digits of the batch the model has just seen. In red, the ones it got wrong, "
        "written “true→predicted”.",
    },
    "explain_test": {
        "fr": "**Pourquoi la précision de test compte :** le modèle n'a jamais vu ces 10 000 chiffres. "
        "Réussir sur eux, c'est avoir appris à lire, pas par cœur.",
        "en": "**Why test accuracy is the one that counts:** the model has never seen these 10,000 digits. "
        "Doing well on them means it learned to read, not by heart.",
    },
    "explain_weights": {
        "fr": "**Les poids :** chaque neurone a 784 poids, un par pixel. Dessinés en 28 × 28, ils montrent "
        "ce que le neurone « cherche » : en rouge les pixels qui votent pour son chiffre, en bleu ceux qui votent contre.",
        "en": "**The weights:** each neuron has 784 weights, one per pixel. Drawn as 28 × 28, they show what "
        "the neuron “looks for”: in red the pixels that vote for its digit, in blue those that vote against.",
    },
    "explain_biases": {
        "fr": "Un biais par neurone : une préférence pour son chiffre, quelle que soit l'image.",
        "en": "One bias per neuron: a preference for its digit, whatever the image.",
    },
    "explain_one_hot": {
        "fr": "**Codage one-hot :** l'étiquette « 3 » devient le vecteur (0, 0, 0, 1, 0, 0, 0, 0, 0, 0), "
        "à comparer aux 10 probabilités que donne le modèle.",
        "en": "**One-hot encoding:** the label “3” becomes the vector (0, 0, 0, 1, 0, 0, 0, 0, 0, 0), "
        "to compare with the 10 probabilities the model gives.",
    },
    "training_explain_title": {"fr": "Ce que la classe regarde", "en": "What the class is looking at"},
    "final_title": {"fr": "Résultat", "en": "Result"},
    "final_test_accuracy": {"fr": "Précision sur les 10 000 chiffres de test", "en": "Accuracy on the 10,000 test digits"},
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
    "col_test_accuracy": {"fr": "précision test (%)", "en": "test accuracy (%)"},
    "col_test_loss": {"fr": "entropie croisée test", "en": "test cross-entropy"},
    "col_last_batch_accuracy": {"fr": "précision dernier lot (%)", "en": "last batch accuracy (%)"},
    "col_compute_s": {"fr": "calcul (s)", "en": "compute (s)"},
    "model_softmax": {"fr": "10 neurones (softmax)", "en": "10 neurons (softmax)"},
    "runs_download": {"fr": "Télécharger (CSV)", "en": "Download (CSV)"},
# ----------------------------------------------------------------- mlp
    "mlp_title": {"fr": "Le réseau à 5 couches", "en": "The 5-layer network"},
    "mlp_intro": {
        "fr": "Le deuxième modèle de la leçon : cinq couches de neurones entièrement connectées. Les quatre "
        "premières (200, 100, 60 et 30 neurones) utilisent la sigmoïde, la dernière (10 neurones) la softmax. "
        "Il atteint environ **98 %** sur les chiffres de test et **100 %** sur ceux d'entraînement.",
        "en": "The lesson's second model: five fully connected layers of neurons. The first four "
        "(200, 100, 60 and 30 neurons) use the sigmoid, the last one (10 neurons) the softmax. "
        "It reaches about **98%** on the test digits and **100%** on the training digits.",
    },
    "mlp_settings_title": {"fr": "Le réseau et ses réglages", "en": "The network and its settings"},
    "preset_lesson": {"fr": "Leçon : 5 couches", "en": "Lesson: 5 layers"},
    "preset_one_big": {"fr": "Une grosse couche", "en": "One big layer"},
    "preset_tiny": {"fr": "Minuscule", "en": "Tiny"},
    "set_layers": {"fr": "Neurones des couches cachées", "en": "Neurons of the hidden layers"},
    "set_layers_help": {
        "fr": "De 1 à 6 couches cachées, séparées par des tirets : « 200-100-60-30 ». La couche de sortie "
        "(10 neurones, softmax) est ajoutée automatiquement.",
        "en": "From 1 to 6 hidden layers, separated by dashes: “200-100-60-30”. The output layer "
        "(10 neurons, softmax) is added automatically.",
    },
    "layers_empty": {
        "fr": "Indiquez au moins une couche cachée, par exemple « 200-100-60-30 ».",
        "en": "Give at least one hidden layer, for example “200-100-60-30”.",
    },
    "layers_too_many": {
        "fr": "Trop de couches : {max} couches cachées au maximum (vous en avez donné {count}).",
        "en": "Too many layers: {max} hidden layers at most (you gave {count}).",
    },
    "layers_not_a_number": {
        "fr": "« {token} » n'est pas un nombre de neurones : écrivez des entiers séparés par des tirets.",
        "en": "“{token}” is not a number of neurons: write whole numbers separated by dashes.",
    },
    "layers_out_of_range": {
        "fr": "« {token} » neurones : chaque couche doit en avoir entre 1 et {max}.",
        "en": "“{token}” neurons: each layer must have between 1 and {max}.",
    },
    "layers_invalid": {
        "fr": "Architecture impossible : de 1 à {max_layers} couches cachées de 1 à {max} neurones.",
        "en": "Impossible architecture: 1 to {max_layers} hidden layers of 1 to {max} neurons.",
    },
    "set_activation": {"fr": "Activation des couches cachées", "en": "Activation of the hidden layers"},
    "activation_logistic": {"fr": "sigmoïde (leçon)", "en": "sigmoid (lesson)"},
    "activation_relu": {"fr": "ReLU", "en": "ReLU"},
    "activation_tanh": {"fr": "tanh", "en": "tanh"},
    "set_solver": {"fr": "Optimiseur", "en": "Optimiser"},
    "solver_adam": {"fr": "Adam", "en": "Adam"},
    "solver_sgd": {"fr": "descente de gradient + inertie", "en": "gradient descent + momentum"},
    "set_mlp_learning_rate_help": {
        "fr": "Le pas de l'optimiseur (0,001 par défaut pour Adam). La perte est ici une moyenne sur le lot.",
        "en": "The optimiser's step (0.001 by default for Adam). The loss is averaged over the batch here.",
    },
    "set_epochs": {"fr": "Époques", "en": "Epochs"},
    "set_epochs_help": {
        "fr": "Une époque = un passage sur tous les chiffres d'entraînement choisis.",
        "en": "One epoch = one pass over all the chosen training digits.",
    },
    "set_alpha": {"fr": "Pénalité L2 (alpha)", "en": "L2 penalty (alpha)"},
    "set_alpha_help": {
        "fr": "Pousse les poids vers zéro : freine le surapprentissage.",
        "en": "Pushes the weights towards zero: curbs overfitting.",
    },
    "net_input": {"fr": "784 pixels", "en": "784 pixels"},
    "net_hidden": {"fr": "couches cachées : {act}", "en": "hidden layers: {act}"},
    "net_output": {"fr": "softmax", "en": "softmax"},
    "mlp_parameters": {
        "fr": "{layers} couches de neurones, **{count} paramètres** (poids et biais) à apprendre.",
        "en": "{layers} layers of neurons, **{count} parameters** (weights and biases) to learn.",
    },
    "view_train_sample": {
        "fr": "3. Chiffres d'entraînement, erreurs en rouge",
        "en": "3. Training digits, mistakes in red",
    },
    "view_weights_first_layer": {
        "fr": "5. Poids de la 1re couche (20 premiers neurones)",
        "en": "5. First-layer weights (first 20 neurons)",
    },
    "mlp_train_accuracy": {
        "fr": "Précision sur les chiffres d'entraînement",
        "en": "Accuracy on the training digits",
    },
    "mlp_epoch_time": {"fr": "Environ {seconds} s par époque.", "en": "About {seconds} s per epoch."},
    "mlp_reached": {
        "fr": "97,5 % sur le test atteints après {epochs} époques ({seconds} s de calcul).",
        "en": "97.5% on test reached after {epochs} epochs ({seconds} s of computing).",
    },
    "mlp_not_reached": {
        "fr": "97,5 % sur le test pas encore atteints (meilleur : {best} %). Plus d'époques, ou ReLU ?",
        "en": "97.5% on test not reached yet (best: {best}%). More epochs, or ReLU?",
    },
    "mlp_explain_title": {"fr": "Ce que la classe regarde", "en": "What the class is looking at"},
    "mlp_explain_layers": {
        "fr": "**Des couches :** chaque neurone d'une couche reçoit toutes les sorties de la couche "
        "précédente. Les premières couches repèrent des traits simples, les suivantes les combinent.",
        "en": "**Layers:** each neuron of a layer receives all the outputs of the previous layer. "
        "The first layers spot simple strokes, the next ones combine them.",
    },
    "mlp_explain_sigmoid": {
        "fr": "**Lenteur d'apprentissage :** avec la sigmoïde, le réseau démarre lentement (ses gradients "
        "s'écrasent). Entraînez-le, puis la même chose avec ReLU : les deux courbes de test s'affichent "
        "sur le même graphique.",
        "en": "**Slow learning:** with the sigmoid the network starts slowly (its gradients get squashed). "
        "Train it, then the same with ReLU: both test curves show on the same chart.",
    },
    "col_layers": {"fr": "couches", "en": "layers"},
    "col_activation": {"fr": "activation", "en": "activation"},
    "col_solver": {"fr": "optimiseur", "en": "optimiser"},
    "col_epochs": {"fr": "époques", "en": "epochs"},
    "col_alpha": {"fr": "alpha", "en": "alpha"},
    "model_mlp": {"fr": "réseau multicouche", "en": "multilayer network"},
# ------------------------------------------------------------- limits
    "overfit_title": {"fr": "Les limites : surapprentissage, plafond, lenteur", "en": "The limits: overfitting, plateau, slow learning"},
    "overfit_intro": {
        "fr": "La diapositive « Limites » de la leçon, en vraies expériences : de petits entraînements lancés "
        "sur le serveur, dont les courbes se dessinent en direct.",
        "en": "The lesson's “Limits” slide as real experiments: small trainings run on the server, whose "
        "curves are drawn live.",
    },
    "overfit_shared": {
        "fr": "Chaque expérience n'est calculée qu'une fois pour toute la classe : si quelqu'un l'a déjà "
        "lancée, ses courbes s'affichent tout de suite.",
        "en": "Each experiment is computed only once for the whole class: if someone already ran it, its "
        "curves show at once.",
    },
    "limits_choice": {"fr": "Expérience", "en": "Experiment"},
    "limits_section_overfitting": {"fr": "1. Surapprentissage", "en": "1. Overfitting"},
    "limits_section_remedies": {"fr": "2. Remèdes", "en": "2. Remedies"},
    "limits_section_plateau": {"fr": "3. Plafond", "en": "3. Plateau"},
    "limits_section_slow": {"fr": "4. Lenteur", "en": "4. Slow learning"},
    "grid_progress": {"fr": "Expériences terminées : {done} / {total}", "en": "Experiments finished: {done} / {total}"},
    "grid_waiting": {"fr": "en attente d'un processeur libre", "en": "waiting for a free processor"},
    "overfit_section": {"fr": "1. Le surapprentissage : trop de neurones, trop peu de données", "en": "1. Overfitting: too many neurons, too little data"},
    "overfit_text": {
        "fr": "Le même réseau (200 puis 100 neurones ReLU, 30 époques) apprend sur 500, 2 000 ou 5 000 chiffres. "
        "Sur 500 chiffres, il finit par les connaître **par cœur** : 100 % sur ses chiffres d'entraînement "
        "(tirets), mais nettement moins sur les chiffres de test (trait plein). Et l'entropie croisée de test "
        "**remonte** pendant que celle d'entraînement tombe à zéro : il apprend les exemples, plus les chiffres.",
        "en": "The same network (200 then 100 ReLU neurons, 30 epochs) learns from 500, 2,000 or 5,000 digits. "
        "On 500 digits it ends up knowing them **by heart**: 100% on its training digits (dashed), but clearly "
        "less on the test digits (solid). And the test cross-entropy **goes back up** while the training one "
        "falls to zero: it learns the examples, no longer the digits.",
    },
    "digits_count": {"fr": "{n} chiffres", "en": "{n} digits"},
    "curve_train_short": {"fr": "entraînement", "en": "training"},
    "overfit_accuracy_chart": {"fr": "Précision selon les époques", "en": "Accuracy over the epochs"},
    "overfit_loss_chart": {"fr": "Entropie croisée selon les époques", "en": "Cross-entropy over the epochs"},
    "axis_loss": {"fr": "entropie croisée", "en": "cross-entropy"},
    "overfit_size_chart": {
        "fr": "Précision finale selon le nombre de chiffres d'entraînement",
        "en": "Final accuracy against the number of training digits",
    },
    "axis_train_digits": {"fr": "chiffres d'entraînement", "en": "training digits"},
    "overfit_reading": {
        "fr": "Sur {n} chiffres : {train} % à l'entraînement, {test} % au test. L'entropie croisée de test est "
        "descendue à {low} puis remontée à {end} : c'est le surapprentissage.",
        "en": "On {n} digits: {train}% in training, {test}% on test. The test cross-entropy went down to {low} "
        "then back up to {end}: that is overfitting.",
    },
    "remedies_section": {"fr": "2. Les remèdes", "en": "2. The remedies"},
    "remedies_text": {
        "fr": "Le point de départ : le réseau qui surapprend sur 500 chiffres. Activez des remèdes et comparez "
        "l'écart entre précision d'entraînement et de test (en points). **Plus de données** le réduit le plus. "
        "La **pénalité L2** freine les poids : l'entropie croisée de test ne remonte plus, et avec une forte "
        "pénalité l'écart se resserre (au prix d'un peu de précision). L'**arrêt précoce** garde les poids de "
        "l'époque où l'erreur sur 10 % de chiffres mis de côté était la plus basse. **Moins de neurones** "
        "limite ce que le réseau peut retenir… et ce qu'il peut apprendre.",
        "en": "The starting point: the network that overfits 500 digits. Switch remedies on and compare the gap "
        "between training and test accuracy (in points). **More data** shrinks it most. The **L2 penalty** "
        "holds the weights back: the test cross-entropy no longer goes up, and with a strong penalty the gap "
        "narrows (at the cost of some accuracy). **Early stopping** keeps the weights of the epoch where the "
        "error on 10% of digits set aside was lowest. **Fewer neurons** limit what the network can memorise… "
        "and what it can learn.",
    },
    "remedies_choice": {"fr": "Remèdes à comparer", "en": "Remedies to compare"},
    "remedy_none": {"fr": "sans remède", "en": "no remedy"},
    "remedy_l2": {"fr": "pénalité L2", "en": "L2 penalty"},
    "remedy_early_stopping": {"fr": "arrêt précoce", "en": "early stopping"},
    "remedy_more_data": {"fr": "plus de données (5 000)", "en": "more data (5,000)"},
    "remedy_fewer_neurons": {"fr": "moins de neurones (16)", "en": "fewer neurons (16)"},
    "remedy_l2_strength": {"fr": "Force de la pénalité L2 (alpha)", "en": "Strength of the L2 penalty (alpha)"},
    "remedy_stop_here": {"fr": "arrêt : époque {epoch}", "en": "stop: epoch {epoch}"},
    "remedies_gap_chart": {
        "fr": "Écart entraînement − test selon les époques",
        "en": "Training − test gap over the epochs",
    },
    "remedies_bars_chart": {"fr": "Écart à la fin (points)", "en": "Gap at the end (points)"},
    "axis_gap_points": {"fr": "écart (points de %)", "en": "gap (points of %)"},
    "remedies_col_option": {"fr": "option", "en": "option"},
    "remedies_col_epoch": {"fr": "époque", "en": "epoch"},
    "remedies_col_train": {"fr": "entraînement (%)", "en": "training (%)"},
    "remedies_col_test": {"fr": "test (%)", "en": "test (%)"},
    "remedies_col_gap": {"fr": "écart (points)", "en": "gap (points)"},
    "remedies_col_test_loss": {"fr": "entropie croisée test", "en": "test cross-entropy"},
    "remedies_reading": {
        "fr": "Pour l'arrêt précoce, la ligne montre l'époque gardée : celle où l'entropie croisée sur les "
        "chiffres mis de côté était la plus basse (arrêt après 5 époques sans progrès).",
        "en": "For early stopping, the row shows the epoch kept: the one where the cross-entropy on the digits "
        "set aside was lowest (stopping after 5 epochs without progress).",
    },
    "plateau_section": {"fr": "3. La précision plafonne", "en": "3. Accuracy stalls"},
    "plateau_text": {
        "fr": "Entraîner plus longtemps ne suffit pas : le modèle à 10 neurones plafonne vers 92 %, le réseau à "
        "5 couches vers 98 %. Pour aller plus loin, il faut changer de modèle, pas d'effort.",
        "en": "Training longer is not enough: the 10-neuron model stalls around 92%, the 5-layer network around "
        "98%. To go further, the model must change, not the effort.",
    },
    "plateau_softmax": {"fr": "10 neurones (softmax)", "en": "10 neurons (softmax)"},
    "plateau_mlp": {"fr": "5 couches (ReLU)", "en": "5 layers (ReLU)"},
    "plateau_chart": {"fr": "Précision de test sur 60 000 chiffres d'entraînement", "en": "Test accuracy, 60,000 training digits"},
    "slow_section": {"fr": "4. L'apprentissage lent", "en": "4. Slow learning"},
    "slow_text": {
        "fr": "Même réseau à 5 couches, mêmes 5 000 chiffres, même nombre d'époques. Avec la **sigmoïde** de la "
        "leçon, il démarre lentement : ses gradients s'écrasent en traversant les couches. Avec **ReLU**, il "
        "apprend tout de suite. Et un **taux d'apprentissage trop petit** freine tout autant.",
        "en": "Same 5-layer network, same 5,000 digits, same number of epochs. With the lesson's **sigmoid** it "
        "starts slowly: its gradients get squashed through the layers. With **ReLU** it learns at once. And a "
        "**learning rate that is too small** slows it down just as much.",
    },
    "slow_sigmoid": {"fr": "sigmoïde, taux 0,001", "en": "sigmoid, rate 0.001"},
    "slow_relu": {"fr": "ReLU, taux 0,001", "en": "ReLU, rate 0.001"},
    "slow_rate_small": {"fr": "ReLU, taux 0,0001 (trop petit)", "en": "ReLU, rate 0.0001 (too small)"},
    "slow_chart": {"fr": "Précision de test, même budget d'époques", "en": "Test accuracy, same budget of epochs"},
    # ---------------------------------------------------------- translation
    "trans_title": {"fr": "Limites : la translation", "en": "Limits: translation"},
    "trans_intro": {
        "fr": "Un réseau entièrement connecté regarde des **pixels**, pas des **formes** : chaque neurone de sa "
        "première couche pèse des positions fixes de l'image. Déplacez un chiffre de quelques pixels et, pour "
        "lui, ce n'est plus le même dessin. Vérifiez-le sur un chiffre de test, sur les 10 000 d'un coup, puis "
        "sur votre propre écriture.",
        "en": "A fully connected network looks at **pixels**, not at **shapes**: each neuron of its first layer "
        "weighs fixed positions of the image. Move a digit by a few pixels and, to the network, it is no longer "
        "the same drawing. Check it on one test digit, on all 10,000 at once, then on your own handwriting.",
    },
    "trans_models_title": {"fr": "Les modèles testés", "en": "The models under test"},
    "trans_model_softmax": {"fr": "10 neurones", "en": "10 neurons"},
    "trans_model_mlp": {"fr": "5 couches", "en": "5 layers"},
    "trans_model_augmented": {"fr": "5 couches + décalages", "en": "5 layers + shifts"},
    "trans_model_own": {"fr": "le vôtre, entraîné sur la page précédente ({settings})",
                        "en": "yours, trained on an earlier page ({settings})"},
    "trans_model_default_softmax": {
        "fr": "réglages de la leçon (10 000 itérations), entraîné une fois pour tout le serveur",
        "en": "the lesson's settings (10,000 iterations), trained once for the whole server"},
    "trans_model_default_mlp": {
        "fr": "sigmoïde 200-100-60-30 de la leçon, 20 époques, entraîné une fois pour tout le serveur",
        "en": "the lesson's sigmoid 200-100-60-30, 20 epochs, trained once for the whole server"},
    "trans_model_default_augmented": {
        "fr": "le même réseau, entraîné sur des chiffres décalés au hasard d'au plus {shift} pixels",
        "en": "the same network, trained on digits moved at random by up to {shift} pixels"},
    "trans_model_ready": {"fr": "prêt — {accuracy} % sur les chiffres de test", "en": "ready — {accuracy}% on the test digits"},
    "trans_model_progress": {"fr": "{label} : entraînement {done}/{total} {unit}",
                             "en": "{label}: training {done}/{total} {unit}"},
    "trans_model_queued": {"fr": "{label} : en file d'attente", "en": "{label}: queued"},
    "trans_model_elsewhere": {"fr": "{label} : calculé par un autre serveur", "en": "{label}: computed by another server"},
    "trans_models_wait": {
        "fr": "Les modèles s'entraînent une seule fois pour toute la classe (environ une minute pour les "
        "réseaux à 5 couches). Chaque partie de la page utilise ceux qui sont prêts.",
        "en": "The models are trained once for the whole class (about a minute for the 5-layer networks). "
        "Each part of the page uses the ones that are ready.",
    },
    "trans_use_own": {"fr": "Tester mes propres modèles", "en": "Test my own models"},
    "trans_use_own_help": {
        "fr": "Vous avez entraîné un modèle sur une page précédente : c'est lui qui est testé ici. "
        "Désactivez pour tester les modèles de la leçon.",
        "en": "You trained a model on an earlier page: that is the one tested here. "
        "Switch off to test the lesson's models.",
    },
    "trans_none_ready": {"fr": "Aucun modèle n'est encore prêt : il s'entraîne (voir ci-dessus).",
                         "en": "No model is ready yet: training is under way (see above)."},
    "trans_choice": {"fr": "Expérience", "en": "Experiment"},
    "trans_section_shift": {"fr": "Décaler un chiffre", "en": "Shift a digit"},
    "trans_section_test_set": {"fr": "Tous les chiffres de test", "en": "All the test digits"},
    "trans_section_draw": {"fr": "Dessiner un chiffre", "en": "Draw a digit"},
    "trans_shift_header": {"fr": "1. Décaler un chiffre", "en": "1. Shift a digit"},
    "trans_shift_text": {
        "fr": "Choisissez un chiffre que les modèles reconnaissent, puis poussez-le de quelques pixels avec les "
        "curseurs. Le bord n'est pas recollé de l'autre côté : ce qui sort de l'image est perdu, le fond est noir.",
        "en": "Pick a digit the models recognise, then push it a few pixels with the sliders. The image does not "
        "wrap around: what leaves the frame is lost, and the background fills in.",
    },
    "trans_digit_index": {"fr": "Chiffre de test n°", "en": "Test digit no."},
    "trans_random": {"fr": "Au hasard", "en": "At random"},
    "trans_recognised": {"fr": "Un chiffre bien reconnu", "en": "A well-recognised digit"},
    "trans_recentre": {"fr": "Recentrer", "en": "Re-centre"},
    "trans_dx": {"fr": "Décalage horizontal dx (pixels, + vers la droite)", "en": "Horizontal shift dx (pixels, + to the right)"},
    "trans_dy": {"fr": "Décalage vertical dy (pixels, + vers le bas)", "en": "Vertical shift dy (pixels, + downwards)"},
    "trans_original": {"fr": "Original : un {digit}", "en": "Original: a {digit}"},
    "trans_moved": {"fr": "Décalé de ({dx} ; {dy})", "en": "Shifted by ({dx}, {dy})"},
    "trans_probabilities_title": {"fr": "Ce que lisent les modèles (probabilités)",
                                  "en": "What the models read (probabilities)"},
    "trans_digit_axis": {"fr": "chiffre", "en": "digit"},
    "trans_true": {"fr": "bonne réponse", "en": "right answer"},
    "trans_reads_right": {"fr": "**{model}** lit **{digit}** ({p} %) — :green[juste]",
                          "en": "**{model}** reads **{digit}** ({p}%) — :green[right]"},
    "trans_reads_wrong": {"fr": "**{model}** lit **{digit}** ({p} %) — :red[faux, c'est un {truth}]",
                          "en": "**{model}** reads **{digit}** ({p}%) — :red[wrong, it is a {truth}]"},
    "trans_reads": {"fr": "**{model}** lit **{digit}** ({p} %)", "en": "**{model}** reads **{digit}** ({p}%)"},
    "trans_direction": {"fr": "Direction", "en": "Direction"},
    "direction_horizontal": {"fr": "horizontale", "en": "horizontal"},
    "direction_vertical": {"fr": "verticale", "en": "vertical"},
    "direction_diagonal": {"fr": "diagonale", "en": "diagonal"},
    "trans_sweep_title": {"fr": "Probabilité donnée au bon chiffre ({digit}), décalage {direction}",
                          "en": "Probability given to the right digit ({digit}), {direction} shift"},
    "trans_shift_axis": {"fr": "décalage (pixels)", "en": "shift (pixels)"},
    "trans_sweep_caption": {
        "fr": "Chaque courbe suit un modèle pendant qu'on fait glisser ce chiffre de −8 à +8 pixels ; le trait "
        "vertical marque le décalage choisi.",
        "en": "Each curve follows one model while this digit slides from −8 to +8 pixels; the vertical line marks "
        "the chosen shift.",
    },
    "trans_recognised_none": {"fr": "Aucun chiffre reconnu par tous les modèles prêts : en voici un au hasard.",
                              "en": "No digit is recognised by every ready model: here is one at random."},
    "trans_test_header": {"fr": "2. Sur les 10 000 chiffres de test", "en": "2. On the 10,000 test digits"},
    "trans_test_text": {
        "fr": "La même expérience sur tous les chiffres de test à la fois : chaque chiffre est décalé de 0 à 8 "
        "pixels, et l'on mesure la précision de chaque modèle. Calculé une fois par modèle pour tout le serveur.",
        "en": "The same experiment on every test digit at once: each digit is moved by 0 to 8 pixels, and each "
        "model's accuracy is measured. Computed once per model for the whole server.",
    },
    "trans_curves_title": {"fr": "Précision de test selon le décalage ({direction})",
                           "en": "Test accuracy against the shift ({direction})"},
    "trans_computing": {"fr": "Calcul en cours, une seule fois pour tout le serveur…",
                        "en": "Computing, once for the whole server…"},
    "trans_computing_waiting": {"fr": "En file d'attente (position {position})…", "en": "Queued (position {position})…"},
    "trans_curves_reading": {
        "fr": "**{model}** : {at0} % sans décalage, **{at_shift} %** à {shift} pixels ({direction}).",
        "en": "**{model}**: {at0}% unshifted, **{at_shift}%** at {shift} pixels ({direction}).",
    },
    "trans_heatmap_model": {"fr": "Carte de précision du modèle", "en": "Accuracy map of the model"},
    "trans_heatmap_title": {"fr": "{model}<br>précision (%) pour chaque décalage (dx, dy)",
                            "en": "{model}<br>accuracy (%) for each shift (dx, dy)"},
    "trans_heatmap_caption": {
        "fr": "Mesurée sur {n} chiffres de test (les mêmes pour chaque case) : 289 décalages de −8 à +8 pixels. "
        "Le centre est l'image non décalée.",
        "en": "Measured on {n} test digits (the same for every cell): 289 shifts from −8 to +8 pixels. The centre "
        "is the unshifted image.",
    },
    "trans_remedy_header": {"fr": "Un remède : montrer des chiffres décalés", "en": "A remedy: show it shifted digits"},
    "trans_remedy_text": {
        "fr": "Le réseau **5 couches + décalages** est le même réseau, entraîné sur des chiffres déplacés au "
        "hasard d'au plus {shift} pixels à chaque époque (de l'*augmentation de données*). Il tient bon jusqu'à "
        "{shift} pixels… et s'effondre au-delà : il n'a pas compris les formes, il a seulement vu plus de "
        "positions, et payé ce travail de quelques points de précision sur les chiffres centrés. Les réseaux "
        "**convolutifs** intègrent cette invariance dans leur structure : c'est la page suivante.",
        "en": "The **5 layers + shifts** network is the same network, trained on digits moved at random by up to "
        "{shift} pixels at every epoch (*data augmentation*). It holds up to {shift} pixels… and collapses beyond: "
        "it has not understood shapes, it has only seen more positions, and paid for that work with a few "
        "points of accuracy on centred digits. **Convolutional** networks build this invariance into their "
        "structure: that is the next page.",
    },
    "trans_go_convolution": {"fr": "Vers la convolution", "en": "Towards convolution"},
    "trans_draw_header": {"fr": "3. Dessinez votre chiffre", "en": "3. Draw your own digit"},
    "trans_draw_text": {
        "fr": "Dessinez un chiffre avec la souris ou le doigt. Il est préparé comme l'ont été ceux de MNIST : "
        "rogné, réduit pour tenir dans 20 × 20 pixels, puis centré par son centre de masse dans 28 × 28. "
        "Cochez « Ne pas centrer » pour donner aux modèles votre dessin tel quel, décentré.",
        "en": "Draw a digit with the mouse or a finger. It is prepared the way MNIST's were: cropped, scaled to fit "
        "20 × 20 pixels, then centred by its centre of mass in 28 × 28. Tick “Do not centre” to give the models "
        "your drawing as it is, off-centre.",
    },
    "trans_canvas_caption": {"fr": "Souris ou doigt : trait blanc sur fond noir, comme dans MNIST.",
                             "en": "Mouse or finger: a white stroke on black, as in MNIST."},
    "trans_clear": {"fr": "Effacer", "en": "Clear"},
    "trans_skip_centering": {"fr": "Ne pas centrer", "en": "Do not centre"},
    "trans_skip_centering_help": {
        "fr": "Sans centrage, toute la toile est réduite à 28 × 28 : un chiffre dessiné dans un coin reste dans "
        "le coin. Dessinez petit et sur le côté pour voir les modèles se tromper.",
        "en": "Without centring, the whole canvas is scaled down to 28 × 28: a digit drawn in a corner stays in "
        "the corner. Draw small and to one side to see the models go wrong.",
    },
    "trans_draw_prompt": {"fr": "Dessinez un chiffre dans le cadre noir.", "en": "Draw a digit in the black frame."},
    "trans_seen_centred": {"fr": "Ce que voient les modèles (centré)", "en": "What the models see (centred)"},
    "trans_seen_uncentred": {"fr": "Ce que voient les modèles (non centré)", "en": "What the models see (not centred)"},
    "trans_draw_reads_title": {"fr": "Ce que lisent les modèles", "en": "What the models read"},
    "trans_draw_unavailable": {
        "fr": "La zone de dessin n'a pas pu être chargée ({error}). Le reste de la page fonctionne.",
        "en": "The drawing area could not be loaded ({error}). The rest of the page works.",
    },
    "trans_uncentred_note": {
        "fr": "Non centré, votre chiffre n'est pas là où les chiffres de MNIST étaient : comparez avec la version "
        "centrée.",
        "en": "Uncentred, your digit is not where MNIST's digits were: compare with the centred version.",
    },
    "drawing_empty": {"fr": "La toile est vide : dessinez un chiffre.", "en": "The canvas is empty: draw a digit."},
    "drawing_too_small": {
        "fr": "Ce n'est qu'un point ({width} × {height} pixels) : dessinez un chiffre plus grand.",
        "en": "That is only a dot ({width} × {height} pixels): draw a bigger digit.",
    },
    "drawing_too_big": {
        "fr": "L'encre couvre {percent} % de la toile : c'est un gribouillis, pas un chiffre. Effacez et recommencez.",
        "en": "Ink covers {percent}% of the canvas: that is a scribble, not a digit. Clear it and try again.",
    },
    # ---------------------------------------------------------- convolution
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
    "conv_similarity_metrics": {"fr": "Décalage ({dx} ; {dy}) : ressemblance des pixels {pixels}, des cartes poolées {pooled}",
                                "en": "Shift ({dx}, {dy}): likeness of the pixels {pixels}, of the pooled maps {pooled}"},
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
    # ------------------------------------------------------------ teacher links
    "link_bad_value": {
        "fr": "Le lien demandait « {name} = {value} », une valeur impossible : la valeur par défaut est utilisée.",
        "en": "The link asked for “{name} = {value}”, which is not possible: the default value is used.",
    },
    "share_title": {"fr": "Lien à partager", "en": "Share link"},
    "share_hide": {"fr": "Cacher aux élèves", "en": "Hide from students"},
    "share_hide_help": {
        "fr": "Ces réglages restent ceux du lien, mais leurs curseurs n'apparaissent pas chez les élèves.",
        "en": "These settings keep the link's values, but their widgets do not appear for the students.",
    },
    "share_present": {"fr": "Lien en mode présentateur", "en": "Link in presenter mode"},
    "share_present_help": {
        "fr": "Pour le vidéoprojecteur : barre latérale repliée, textes et graphiques plus grands, un graphique à la fois.",
        "en": "For the projector: sidebar folded, larger text and charts, one chart at a time.",
    },
    "share_copy": {
        "fr": "Le lien ouvre cette page avec ses réglages actuels (bouton de copie à droite du lien).",
        "en": "The link opens this page with its current settings (copy button on the right of the link).",
    },
    "share_qr": {"fr": "À projeter : les élèves le scannent avec leur téléphone.",
                 "en": "To project: students scan it with their phones."},
    "share_show_qr": {"fr": "QR code du lien", "en": "QR code of the link"},
    "share_present_now": {"fr": "Passer en mode présentateur", "en": "Switch to presenter mode"},
    "share_present_stop": {"fr": "Quitter le mode présentateur", "en": "Leave presenter mode"},
    # ------------------------------------------------------------ class board
    "page_board": {"fr": "Tableau de classe", "en": "Class board"},
    "board_title": {"fr": "Tableau de classe", "en": "Class board"},
    "board_intro": {
        "fr": "Toutes les expériences de la classe sur un seul tableau, en direct : qui a surappris, quel "
              "taux d'apprentissage a gagné, qui avait prédit l'effondrement sous un décalage de 3 pixels ?",
        "en": "The whole class's experiments on one live board: who overfitted, which learning rate won, "
              "who predicted the collapse under a 3-pixel shift?",
    },
    "board_box_title": {"fr": "Classe", "en": "Class"},
    "board_code": {"fr": "Code de la classe", "en": "Class code"},
    "board_nickname": {"fr": "Pseudo (facultatif)", "en": "Nickname (optional)"},
    "board_nickname_help": {
        "fr": "24 caractères au plus. Sans pseudo, vous êtes « Élève n ». Pas de nom de famille : le tableau est projeté.",
        "en": "At most 24 characters. Without one you are “Student n”. No surnames: the board is projected.",
    },
    "board_join": {"fr": "Rejoindre", "en": "Join"},
    "board_rename": {"fr": "Changer de pseudo", "en": "Change nickname"},
    "board_leave": {"fr": "Quitter la classe", "en": "Leave the class"},
    "board_in_class": {"fr": "Classe **{code}** · vous êtes **{name}**", "en": "Class **{code}** · you are **{name}**"},
    "board_student_number": {"fr": "Élève {number}", "en": "Student {number}"},
    "board_question": {"fr": "Question du professeur", "en": "The teacher's question"},
    "board_your_answer": {"fr": "Votre réponse", "en": "Your answer"},
    "board_send_answer": {"fr": "Répondre", "en": "Answer"},
    "board_answered": {"fr": "Réponse envoyée : {answer}", "en": "Answer sent: {answer}"},
    "board_question_revealed": {"fr": "Réponses révélées. Valeur mesurée : {measured}",
                                "en": "Answers revealed. Measured value: {measured}"},
    "board_share": {"fr": "Partager avec la classe", "en": "Share with the class"},
    "board_share_model": {"fr": "Partager « {model} » avec la classe", "en": "Share “{model}” with the class"},
    "board_share_experiment": {"fr": "Partager ces expériences avec la classe",
                               "en": "Share these experiments with the class"},
    "board_shared": {"fr": "Partagé avec la classe.", "en": "Shared with the class."},
    "board_err_throttled": {"fr": "Trop d'essais : réessayez dans {seconds} s.",
                            "en": "Too many tries: try again in {seconds} s."},
    "board_err_code": {"fr": "Aucune classe n'a ce code (ou elle est terminée). Vérifiez les 6 caractères.",
                       "en": "No class has this code (or it has ended). Check the 6 characters."},
    "board_err_key": {"fr": "Clé du professeur incorrecte.", "en": "Wrong teacher key."},
    "board_err_closed": {"fr": "Le professeur a fermé les partages.", "en": "The teacher has closed sharing."},
    "board_err_full": {"fr": "Le tableau est plein : le professeur peut le vider.",
                       "en": "The board is full: the teacher can clear it."},
    "board_err_unavailable": {
        "fr": "Le tableau de classe est indisponible ({reason}). Les pages de la leçon marchent sans lui.",
        "en": "The class board is unavailable ({reason}). The lesson's pages work without it.",
    },
    "board_err_unavailable_short": {
        "fr": "Le tableau de classe est indisponible pour l'instant. Les pages de la leçon marchent sans lui.",
        "en": "The class board is unavailable for now. The lesson's pages work without it.",
    },
    "board_err_invalid": {"fr": "Valeur refusée : {reason}", "en": "Value refused: {reason}"},
    "board_err_invalid_nickname": {
        "fr": "Pseudo refusé : 24 caractères au plus, sans caractères de contrôle.",
        "en": "Nickname refused: at most 24 characters, no control characters.",
    },
    "board_err_invalid_answer": {"fr": "Réponse refusée : {reason}", "en": "Answer refused: {reason}"},
    "board_err_invalid_question": {"fr": "Question refusée : {reason}", "en": "Question refused: {reason}"},
    "board_err_invalid_choices": {
        "fr": "Choix refusés : de 2 à 6 choix différents, 40 caractères au plus chacun.",
        "en": "Choices refused: 2 to 6 different choices, at most 40 characters each.",
    },
    "board_err_invalid_range": {"fr": "Bornes refusées : il faut min < max.", "en": "Bounds refused: min < max is needed."},
    "board_create": {"fr": "Créer une classe", "en": "Create a class"},
    "board_create_help": {
        "fr": "Un code à lire à voix haute, un lien et un QR code pour les élèves, et une clé que seule "
              "cette session garde.",
        "en": "A code to read aloud, a link and a QR code for the students, and a key only this session keeps.",
    },
    "board_installation_key": {"fr": "Clé du professeur de l'installation", "en": "The installation's teacher key"},
    "board_resume": {"fr": "Reprendre une classe", "en": "Resume a class"},
    "board_resume_help": {
        "fr": "Après avoir fermé l'onglet : le code de la classe et la clé notée à sa création.",
        "en": "After closing the tab: the class code and the key written down when it was created.",
    },
    "board_teacher_key": {"fr": "Clé du professeur", "en": "Teacher key"},
    "board_open": {"fr": "Ouvrir le tableau", "en": "Open the board"},
    "board_code_big": {"fr": "Code de la classe : **{code}**", "en": "Class code: **{code}**"},
    "board_join_link": {"fr": "Lien pour rejoindre", "en": "Join link"},
    "board_key_note": {
        "fr": "Notez cette clé pour reprendre le tableau depuis un autre onglet : **{secret}** (ne la projetez pas).",
        "en": "Write this key down to resume the board from another tab: **{secret}** (do not project it).",
    },
    "board_show_key": {"fr": "Clé du professeur (ne pas projeter)", "en": "Teacher key (do not project)"},
    "board_expires": {"fr": "La classe et ses données sont effacées après {hours} h.",
                      "en": "The class and its data are deleted after {hours} h."},
    "board_students": {"fr": "Élèves", "en": "Students"},
    "board_runs": {"fr": "Expériences partagées", "en": "Shared runs"},
    "board_posting_open": {"fr": "Partages ouverts", "en": "Sharing open"},
    "board_auto_share": {"fr": "Partage automatique", "en": "Automatic sharing"},
    "board_auto_share_help": {
        "fr": "Chaque résultat terminé est partagé sans que l'élève ait à cliquer.",
        "en": "Every finished result is shared without the student clicking.",
    },
    "board_hide_names": {"fr": "Cacher les pseudos", "en": "Hide nicknames"},
    "board_clear": {"fr": "Vider le tableau", "en": "Clear the board"},
    "board_clear_confirm": {"fr": "Oui, effacer toutes les expériences et les questions",
                            "en": "Yes, delete every run and question"},
    "board_cleared": {"fr": "{count} expériences effacées.", "en": "{count} runs deleted."},
    "board_export": {"fr": "Exporter en CSV", "en": "Export as CSV"},
    "board_leave_board": {"fr": "Fermer ce tableau", "en": "Close this board"},
    "board_no_runs": {
        "fr": "Aucune expérience partagée pour l'instant. Les élèves cliquent « Partager avec la classe » "
              "sous un résultat.",
        "en": "No shared run yet. Students click “Share with the class” under a result.",
    },
    "board_tab_table": {"fr": "Tableau", "en": "Table"},
    "board_tab_overfitting": {"fr": "Surapprentissage", "en": "Overfitting"},
    "board_tab_rate": {"fr": "Taux d'apprentissage", "en": "Learning rate"},
    "board_tab_shift": {"fr": "Translation", "en": "Translation"},
    "board_fig_overfitting": {"fr": "Entraînement contre test : loin sous la diagonale = surapprentissage",
                              "en": "Training against test: far below the diagonal = overfitting"},
    "board_fig_rate": {"fr": "Précision sur le test selon le taux d'apprentissage",
                       "en": "Test accuracy by learning rate"},
    "board_fig_shift": {"fr": "Précision selon le décalage (tests partagés)",
                        "en": "Accuracy against the shift (shared tests)"},
    "board_axis_train": {"fr": "précision sur l'entraînement (%)", "en": "training accuracy (%)"},
    "board_axis_test": {"fr": "précision sur le test (%)", "en": "test accuracy (%)"},
    "board_axis_rate": {"fr": "taux d'apprentissage", "en": "learning rate"},
    "board_axis_shift": {"fr": "décalage (pixels)", "en": "shift (pixels)"},
    "board_axis_size": {"fr": "paramètres", "en": "parameters"},
    "board_median": {"fr": "médiane", "en": "median"},
    "board_model_pipeline": {"fr": "filtres + pooling", "en": "filters + pooling"},
    "board_replay": {"fr": "Rejouer une expérience", "en": "Replay a run"},
    "board_replay_help": {
        "fr": "Ouvre la page avec exactement ces réglages (même graine, même résultat).",
        "en": "Opens the page with exactly these settings (same seed, same result).",
    },
    "board_replay_link": {"fr": "Ouvrir l'expérience n° {id} sur sa page", "en": "Open run #{id} on its page"},
    "board_replay_none": {"fr": "Aucune expérience des pages d'entraînement à rejouer pour l'instant.",
                          "en": "No run of the training pages to replay yet."},
    "board_ask_title": {"fr": "Prédire, puis révéler", "en": "Predict, then reveal"},
    "board_ask_text": {"fr": "Question", "en": "Question"},
    "board_ask_placeholder": {"fr": "Précision sur des chiffres décalés de 3 pixels ?",
                              "en": "Accuracy on digits shifted by 3 pixels?"},
    "board_ask_kind": {"fr": "Réponse", "en": "Answer"},
    "board_kind_number": {"fr": "un nombre", "en": "a number"},
    "board_kind_choice": {"fr": "un choix", "en": "a choice"},
    "board_ask_low": {"fr": "min", "en": "min"},
    "board_ask_high": {"fr": "max", "en": "max"},
    "board_ask_choices": {"fr": "Choix (un par ligne, de 2 à 6)", "en": "Choices (one per line, 2 to 6)"},
    "board_ask": {"fr": "Poser la question", "en": "Ask"},
    "board_current_question": {"fr": "Question posée", "en": "Current question"},
    "board_answer_count": {"fr": "{count} réponse(s) — cachées jusqu'à la révélation.",
                           "en": "{count} answer(s) — hidden until the reveal."},
    "board_measured": {"fr": "Valeur mesurée (facultatif)", "en": "Measured value (optional)"},
    "board_reveal": {"fr": "Révéler les réponses", "en": "Reveal the answers"},
    "board_fig_answers": {"fr": "Les réponses de la classe", "en": "The class's answers"},
    "board_axis_count": {"fr": "élèves", "en": "students"},
    "board_measured_label": {"fr": "mesuré", "en": "measured"},
    "board_answers_summary": {"fr": "{count} réponses · médiane {median}", "en": "{count} answers · median {median}"},
    "col_board_id": {"fr": "n°", "en": "#"},
    "col_board_student": {"fr": "élève", "en": "student"},
    "col_board_page": {"fr": "page", "en": "page"},
    "col_board_model": {"fr": "modèle", "en": "model"},
    "col_board_size": {"fr": "couches", "en": "layers"},
    "col_board_learning_rate": {"fr": "taux", "en": "rate"},
    "col_board_train_size": {"fr": "chiffres", "en": "digits"},
    "col_board_epochs_or_iterations": {"fr": "itér./époques", "en": "iter./epochs"},
    "col_board_seed": {"fr": "graine", "en": "seed"},
    "col_board_train_accuracy": {"fr": "entraînement %", "en": "training %"},
    "col_board_test_accuracy": {"fr": "test %", "en": "test %"},
    "col_board_test_loss": {"fr": "entropie test", "en": "test loss"},
    "col_board_seconds": {"fr": "s", "en": "s"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text of ``key`` in ``lang`` (French if ``lang`` is unknown), formatted."""
    entry = TEXTS[key]
    text = entry.get(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    return text.format(**values) if values else text


def parse_language(value) -> str:
    """A language code from a URL or widget value; anything unknown gives French."""
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    value = str(value or "").strip().lower()[:2]
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
