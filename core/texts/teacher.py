"""The teacher's page: before class, the 55-minute plan and its questions, the glossary, the handout."""

TEXTS: dict[str, dict[str, str]] = {
    "page_teacher": {"fr": "Pour le professeur", "en": "For the teacher"},
    "teacher_title": {"fr": "Pour le professeur : la leçon en 55 minutes", "en": "For the teacher: the lesson in 55 minutes"},
    "teacher_intro": {
        "fr": "Quoi projeter, dire et demander sur chaque page, des questions prêtes pour le tableau de classe, "
        "le glossaire et un polycopié à imprimer.",
        "en": "What to project, say and ask on each page, questions ready for the class board, the glossary "
        "and a handout to print.",
    },
    # ------------------------------------------------------------------ before class
    "teacher_before_title": {"fr": "Avant la classe", "en": "Before class"},
    "teacher_before_text": {
        "fr": "Ouvrez cette page avant l'arrivée des élèves : le serveur entraîne les modèles de la leçon "
        "à son démarrage (une minute et demie environ).",
        "en": "Open this page before the students arrive: the server trains the lesson's models when it "
        "starts (about a minute and a half).",
    },
    "teacher_work_softmax": {"fr": "Modèle à 10 neurones", "en": "10-neuron model"},
    "teacher_work_mlp": {"fr": "Réseau à 5 couches", "en": "5-layer network"},
    "teacher_work_augmented": {"fr": "Réseau à 5 couches, chiffres décalés", "en": "5-layer network, shifted digits"},
    "teacher_work_reference": {"fr": "Régression logistique (référence)", "en": "Logistic regression (reference)"},
    "teacher_work_cnn_lesson": {"fr": "Réseau convolutif (livré entraîné)", "en": "Convolutional network (shipped trained)"},
    "teacher_work_cnn_global": {"fr": "Réseau convolutif à pooling global (livré entraîné)",
                                "en": "Convolutional network with global pooling (shipped trained)"},
    "teacher_state_ready": {"fr": "prêt : {value}", "en": "ready: {value}"},
    "teacher_state_computing": {"fr": "en calcul : {progress} %", "en": "computing: {progress}%"},
    "teacher_state_queued": {"fr": "en attente (position {position})", "en": "queued (position {position})"},
    "teacher_state_elsewhere": {"fr": "calculé par un autre serveur", "en": "computed by another server"},
    "teacher_state_failed": {"fr": "échec : {error}", "en": "failed: {error}"},
    "teacher_all_ready": {
        "fr": "Le serveur est prêt : tous les modèles de la leçon sont calculés.",
        "en": "The server is ready: every model of the lesson is computed.",
    },
    "teacher_not_ready": {
        "fr": "Le serveur calcule encore : cette liste se met à jour toute seule.",
        "en": "The server is still computing: this list updates by itself.",
    },
    "teacher_class_link": {"fr": "Lien de la classe {code}", "en": "Link of class {code}"},
    "teacher_app_link": {"fr": "Lien de l'application", "en": "Link of the app"},
    "teacher_no_class": {
        "fr": "Pas encore de classe : créez-en une pour poser les questions au tableau.",
        "en": "No class yet: create one to ask the questions on the board.",
    },
    "teacher_create_class": {"fr": "Créer une classe", "en": "Create a class"},
    "teacher_class_needs_key": {
        "fr": "Cette installation demande une clé : créez la classe sur la page Tableau de classe.",
        "en": "This installation asks for a key: create the class on the Class board page.",
    },
    # ------------------------------------------------------------------ the plan
    "teacher_plan_title": {"fr": "Le plan : {minutes} minutes", "en": "The plan: {minutes} minutes"},
    "teacher_part_header": {"fr": "{start}–{end} · {page} ({minutes} min)", "en": "{start}–{end} · {page} ({minutes} min)"},
    "teacher_label_project": {"fr": "Projeter", "en": "Project"},
    "teacher_label_say": {"fr": "Dire", "en": "Say"},
    "teacher_label_ask": {"fr": "Demander", "en": "Ask"},
    "teacher_label_expected": {"fr": "Réponse attendue", "en": "Expected answer"},
    "teacher_open_page": {"fr": "Ouvrir la page", "en": "Open the page"},
    "plan_project_home": {
        "fr": "L'accueil : le plan, puis 100 vrais chiffres (« D'autres chiffres »).",
        "en": "The home page: the map, then 100 real digits (“Other digits”).",
    },
    "plan_say_home": {
        "fr": "Des règles échouent ; on montre des exemples et la machine apprend.",
        "en": "Rules fail; we show examples and the machine learns.",
    },
    "plan_ask_home": {"fr": "Combien de nombres décrivent une image ?", "en": "How many numbers describe an image?"},
    "plan_expected_home": {
        "fr": "{pixels} pixels (28 × 28) ; {train_digits} chiffres pour apprendre, {test_digits} pour juger.",
        "en": "{pixels} pixels (28 × 28); {train_digits} digits to learn from, {test_digits} to judge.",
    },
    "plan_project_softmax": {
        "fr": "La calculatrice avec le vecteur de la diapo, puis l'entropie croisée « c'est un 6 ».",
        "en": "The calculator with the slide's vector, then the cross-entropy “this is a 6”.",
    },
    "plan_say_softmax": {
        "fr": "La softmax change des scores en probabilités : positives, de somme 1.",
        "en": "Softmax turns scores into probabilities: positive, adding up to 1.",
    },
    "plan_ask_softmax": {
        "fr": "Quelle probabilité pour le plus grand score, 5 ?",
        "en": "What probability for the largest score, 5?",
    },
    "plan_expected_softmax": {"fr": "{softmax_z_largest}.", "en": "{softmax_z_largest}."},
    "plan_project_training": {
        "fr": "L'entraînement en mode présentation, vue « taux de réussite », Démarrer.",
        "en": "The training in presenter mode, “accuracy” view, Start.",
    },
    "plan_say_training": {
        "fr": "Après chaque lot de 100, la descente de gradient corrige W et b.",
        "en": "After each batch of 100, gradient descent corrects W and b.",
    },
    "plan_ask_training": {
        "fr": "Quel taux de réussite sur 10 000 chiffres jamais vus ?",
        "en": "What accuracy on 10,000 digits never seen?",
    },
    "plan_expected_training": {"fr": "{softmax_test} (la diapo : 92 %).", "en": "{softmax_test} (the slide: 92%)."},
    "plan_project_five_layers": {
        "fr": "Le schéma du réseau, puis un entraînement (sigmoïde, puis ReLU).",
        "en": "The network's diagram, then a training (sigmoid, then ReLU).",
    },
    "plan_say_five_layers": {
        "fr": "Plus de couches, plus de poids : le réseau combine des traits.",
        "en": "More layers, more weights: the network combines strokes.",
    },
    "plan_ask_five_layers": {
        "fr": "Combien sur les chiffres de test ? Et d'entraînement ?",
        "en": "How many test digits right? And training digits?",
    },
    "plan_expected_five_layers": {
        "fr": "Test {mlp_test}, entraînement {mlp_train} (la diapo : 98 % et 100 %).",
        "en": "Test {mlp_test}, training {mlp_train} (the slide: 98% and 100%).",
    },
    "plan_project_overfitting": {
        "fr": "Limites, « 1. Surapprentissage », puis « 2. Remèdes ».",
        "en": "Limits, “1. Overfitting”, then “2. Remedies”.",
    },
    "plan_say_overfitting": {
        "fr": "Trop de neurones pour trop peu d'exemples : il apprend par cœur.",
        "en": "Too many neurons for too few examples: it learns by heart.",
    },
    "plan_ask_overfitting": {
        "fr": "Sur 500 chiffres, quel réseau surapprend ?",
        "en": "On 500 digits, which network overfits?",
    },
    "plan_expected_overfitting": {
        "fr": "Le grand : {overfit_train} à l'entraînement, {overfit_test} au test.",
        "en": "The big one: {overfit_train} in training, {overfit_test} on test.",
    },
    "plan_project_translation": {
        "fr": "Décaler un chiffre avec les curseurs, puis « Tous les chiffres de test ».",
        "en": "Shift a digit with the sliders, then “All the test digits”.",
    },
    "plan_say_translation": {
        "fr": "Le réseau a appris des pixels à leur place, pas des formes.",
        "en": "The network learnt pixels in place, not shapes.",
    },
    "plan_ask_translation": {
        "fr": "À combien de pixels le réseau à 5 couches tombe-t-il sous 50 % ?",
        "en": "At how many pixels does the 5-layer network fall under 50%?",
    },
    "plan_expected_translation": {
        "fr": "{shift_mlp_half} ; à 4 pixels : {shift_mlp_4}, {shift_augmented_4} s'il a appris des chiffres décalés.",
        "en": "{shift_mlp_half}; at 4 pixels: {shift_mlp_4}, {shift_augmented_4} if it learnt shifted digits.",
    },
    "plan_project_convolution": {
        "fr": "La réponse d'abord : les courbes des réseaux convolutifs, puis un filtre qui glisse sur un chiffre.",
        "en": "The answer first: the convolutional networks' curves, then a filter sliding over a digit.",
    },
    "plan_say_convolution": {
        "fr": "Des filtres appris cherchent des traits partout dans l'image ; le pooling garde ce qui est trouvé.",
        "en": "Learned filters look for strokes anywhere in the image; pooling keeps what is found.",
    },
    "plan_ask_convolution": {
        "fr": "Un réseau qui regarde des formes reconnaît-il un chiffre décalé de 4 pixels ?",
        "en": "Does a network that looks at shapes read a digit moved by 4 pixels?",
    },
    "plan_expected_convolution": {
        "fr": "Réseau convolutif : {cnn_test} sur les chiffres de test ; avec un pooling global, {cnn_global_4} à "
        "4 pixels.",
        "en": "Convolutional network: {cnn_test} on the test digits; with global pooling, {cnn_global_4} at 4 pixels.",
    },
    "plan_project_board": {
        "fr": "Le tableau de classe : le tableau des essais, le nuage du surapprentissage.",
        "en": "The class board: the table of runs, the overfitting cloud.",
    },
    "plan_say_board": {"fr": "Vos essais, tous ensemble.", "en": "All your runs together."},
    "plan_ask_board": {"fr": "Quel réglage a le mieux marché ?", "en": "Which setting worked best?"},
    "plan_expected_board": {
        "fr": "Celui du tableau, avec son lien pour le rejouer.",
        "en": "The one on the board, with its link to replay it.",
    },
    "teacher_pending": {"fr": "…", "en": "…"},
    # ------------------------------------------------------------------ prepared questions
    "teacher_ask": {"fr": "Poser au tableau", "en": "Ask on the board"},
    "teacher_asked": {"fr": "Au tableau : {count} réponse(s).", "en": "On the board: {count} answer(s)."},
    "teacher_reveal": {"fr": "Révéler (mesuré : {value})", "en": "Reveal (measured: {value})"},
    "teacher_reveal_unmeasured": {"fr": "Révéler (pas encore mesuré)", "en": "Reveal (not measured yet)"},
    "teacher_revealed": {"fr": "Révélée, mesuré : {value}.", "en": "Revealed, measured: {value}."},
    "teacher_need_class": {"fr": "Créez d'abord une classe (Avant la classe).", "en": "Create a class first (Before class)."},
    "question_pixels": {
        "fr": "Combien de pixels dans une image de chiffre MNIST ?",
        "en": "How many pixels in one MNIST digit image?",
    },
    "question_softmax": {
        "fr": "softmax(1 ; 3 ; 2,5 ; 5 ; 4 ; 2) : quelle probabilité (en %) pour le 5 ?",
        "en": "softmax(1, 3, 2.5, 5, 4, 2): what probability (in percent) for the 5?",
    },
    "question_ten": {
        "fr": "Quel taux de réussite (en %) atteindront 10 neurones sur les chiffres de test ?",
        "en": "What accuracy (in percent) will 10 neurons reach on the test digits?",
    },
    "question_five": {
        "fr": "Et le réseau à 5 couches, sur les chiffres de test (en %) ?",
        "en": "And the 5-layer network, on the test digits (in percent)?",
    },
    "question_five_train": {
        "fr": "Et sur ses propres chiffres d'entraînement (en %) ?",
        "en": "And on its own training digits (in percent)?",
    },
    "question_overfit": {
        "fr": "Sur 500 chiffres, quel réseau surapprend le plus ?",
        "en": "On 500 digits, which network overfits most?",
    },
    "question_shift": {
        "fr": "De combien de pixels décaler un chiffre pour que le réseau à 5 couches tombe sous 50 % ?",
        "en": "How many pixels of shift before the 5-layer network falls under 50%?",
    },
    "question_robust": {
        "fr": "Décalés de 4 pixels : quel modèle reconnaît le plus de chiffres ?",
        "en": "Moved by 4 pixels: which model reads the most digits?",
    },
    "question_convolution": {
        "fr": "Réseau convolutif à pooling global, chiffres décalés de 4 pixels : quel taux de réussite (en %) ?",
        "en": "Convolutional network with global pooling, digits moved by 4 pixels: what accuracy (in percent)?",
    },
    "question_choice_big": {"fr": "200 + 100 neurones", "en": "200 + 100 neurons"},
    "question_choice_small": {"fr": "16 neurones", "en": "16 neurons"},
    "question_choice_softmax": {"fr": "10 neurones", "en": "10 neurons"},
    "question_choice_mlp": {"fr": "5 couches", "en": "5 layers"},
    "question_choice_augmented": {"fr": "5 couches, entraîné décalé", "en": "5 layers, trained shifted"},
    # ------------------------------------------------------------------ glossary
    "teacher_glossary_title": {"fr": "Glossaire", "en": "Glossary"},
    "teacher_glossary_text": {
        "fr": "Chaque page montre, sous « Ce que dit la diapo », les mots qu'elle introduit.",
        "en": "Each page shows, under “What the slide says”, the words it introduces.",
    },
    "glossary_line": {"fr": "Mots de la page :", "en": "Words on this page:"},
    "glossary_other_language": {"fr": "En anglais : {term}", "en": "In French: {term}"},
    "teacher_col_definition": {"fr": "Définition", "en": "Definition"},
    "teacher_col_page": {"fr": "Première page", "en": "First page"},
    "glossary_term_supervised_learning": {"fr": "apprentissage supervisé", "en": "supervised learning"},
    "glossary_def_supervised_learning": {
        "fr": "Apprendre à partir d'exemples dont on connaît la bonne réponse (l'étiquette).",
        "en": "Learning from examples whose right answer (the label) is known.",
    },
    "glossary_term_neuron": {"fr": "neurone", "en": "neuron"},
    "glossary_def_neuron": {
        "fr": "Calcule une somme pondérée de ses entrées, plus un biais, puis une activation.",
        "en": "Computes a weighted sum of its inputs, plus a bias, then an activation.",
    },
    "glossary_term_softmax": {"fr": "softmax", "en": "softmax"},
    "glossary_def_softmax": {
        "fr": "Change un vecteur de scores en probabilités : e^z divisé par la somme des e^z.",
        "en": "Turns a vector of scores into probabilities: e^z divided by the sum of the e^z.",
    },
    "glossary_term_logit": {"fr": "logit", "en": "logit"},
    "glossary_def_logit": {
        "fr": "Un score avant la softmax : une ligne de L = X·W + b.",
        "en": "A score before the softmax: one row of L = X·W + b.",
    },
    "glossary_term_sigmoid": {"fr": "sigmoïde", "en": "sigmoid"},
    "glossary_def_sigmoid": {
        "fr": "1 / (1 + e^−x) : écrase un nombre entre 0 et 1.",
        "en": "1 / (1 + e^−x): squashes a number between 0 and 1.",
    },
    "glossary_term_one_hot": {"fr": "one-hot (codage 1 parmi n)", "en": "one-hot"},
    "glossary_def_one_hot": {
        "fr": "La bonne réponse en vecteur : 1 à la place du chiffre, 0 ailleurs.",
        "en": "The right answer as a vector: 1 at the digit's place, 0 elsewhere.",
    },
    "glossary_term_cross_entropy": {"fr": "entropie croisée", "en": "cross-entropy"},
    "glossary_def_cross_entropy": {
        "fr": "−Σ y' × ln(y) : petite si le réseau donne une forte probabilité au bon chiffre.",
        "en": "−Σ y' × ln(y): small when the network gives the right digit a high probability.",
    },
    "glossary_term_weight": {"fr": "poids", "en": "weight"},
    "glossary_def_weight": {
        "fr": "Le coefficient d'une entrée dans la somme d'un neurone ; appris.",
        "en": "The coefficient of one input in a neuron's sum; learnt.",
    },
    "glossary_term_bias": {"fr": "biais", "en": "bias"},
    "glossary_def_bias": {
        "fr": "Le nombre ajouté à la somme d'un neurone ; appris aussi.",
        "en": "The number added to a neuron's sum; learnt too.",
    },
    "glossary_term_batch": {"fr": "lot", "en": "batch"},
    "glossary_def_batch": {
        "fr": "Les exemples (100 dans la leçon) vus avant chaque correction des poids.",
        "en": "The examples (100 in the lesson) seen before each correction of the weights.",
    },
    "glossary_term_learning_rate": {"fr": "taux d'apprentissage", "en": "learning rate"},
    "glossary_def_learning_rate": {
        "fr": "La taille du pas de chaque correction (0,003 dans la leçon).",
        "en": "The size of each correction's step (0.003 in the lesson).",
    },
    "glossary_term_gradient_descent": {"fr": "descente de gradient", "en": "gradient descent"},
    "glossary_def_gradient_descent": {
        "fr": "Corriger les poids dans le sens qui fait le plus baisser l'erreur.",
        "en": "Correcting the weights in the direction that lowers the error most.",
    },
    "glossary_term_loss": {"fr": "fonction de coût", "en": "loss"},
    "glossary_def_loss": {
        "fr": "Mesure l'erreur du réseau (ici l'entropie croisée) ; on la fait baisser.",
        "en": "Measures the network's error (here the cross-entropy); training lowers it.",
    },
    "glossary_term_accuracy": {"fr": "taux de réussite", "en": "accuracy"},
    "glossary_def_accuracy": {
        "fr": "La part des chiffres bien reconnus, en %.",
        "en": "The share of digits read right, as a percentage.",
    },
    "glossary_term_epoch": {"fr": "époque", "en": "epoch"},
    "glossary_def_epoch": {
        "fr": "Un passage sur tous les chiffres d'entraînement.",
        "en": "One pass over all the training digits.",
    },
    "glossary_term_relu": {"fr": "ReLU", "en": "ReLU"},
    "glossary_def_relu": {
        "fr": "max(0, x) : une activation qui apprend plus vite que la sigmoïde.",
        "en": "max(0, x): an activation that learns faster than the sigmoid.",
    },
    "glossary_term_overfitting": {"fr": "surapprentissage", "en": "overfitting"},
    "glossary_def_overfitting": {
        "fr": "Apprendre les exemples par cœur au lieu de la règle : bon à l'entraînement, moins au test.",
        "en": "Learning the examples by heart instead of the rule: good in training, worse on test.",
    },
    "glossary_term_convolution": {"fr": "convolution", "en": "convolution"},
    "glossary_def_convolution": {
        "fr": "Faire glisser un petit filtre sur l'image et noter sa réponse à chaque place.",
        "en": "Sliding a small filter over the image and noting its response at each place.",
    },
    "glossary_term_filter": {"fr": "filtre", "en": "filter"},
    "glossary_def_filter": {
        "fr": "Une petite grille de poids (3 × 3) qui réagit à un motif : un bord, un trait.",
        "en": "A small grid of weights (3 × 3) that responds to a pattern: an edge, a stroke.",
    },
    "glossary_term_pooling": {"fr": "pooling (regroupement)", "en": "pooling"},
    "glossary_def_pooling": {
        "fr": "Garder le maximum de chaque bloc : une carte plus petite, moins sensible au décalage.",
        "en": "Keeping the maximum of each block: a smaller map, less sensitive to shifts.",
    },
    # ------------------------------------------------------------------ handout
    "teacher_handout_title": {"fr": "Polycopié pour les élèves", "en": "Handout for the students"},
    "teacher_handout_text": {
        "fr": "Deux pages A4 : les chiffres clés de la leçon, ceux mesurés par ce serveur et, si une classe "
        "est ouverte, ceux de la classe.",
        "en": "Two A4 pages: the lesson's key figures, those this server measured and, when a class is open, "
        "the class's own.",
    },
    "teacher_handout_language": {"fr": "Langue du polycopié", "en": "Language of the handout"},
    "teacher_handout_download": {"fr": "Télécharger le polycopié (PDF)", "en": "Download the handout (PDF)"},
    "teacher_sources_title": {"fr": "Sources", "en": "Sources"},
    "teacher_sources": {
        "fr": "- La leçon : {deck_author}, « {deck} ».\n"
        "- L'exposé : {speaker}, « {talk} », {event} — [la vidéo]({url}) ; le premier modèle "
        "s'entraîne à [{training_at}]({training_url}), le réseau à 5 couches à [{five_at}]({five_url}).\n"
        "- Les données : MNIST ({mnist}), {mnist_authors} — [le site de Yann LeCun]({mnist_url}).",
        "en": "- The lesson: {deck_author}, “{deck}”.\n"
        "- The talk: {speaker}, “{talk}”, {event} — [the video]({url}); the first model trains at "
        "[{training_at}]({training_url}), the 5-layer network at [{five_at}]({five_url}).\n"
        "- The data: MNIST ({mnist}), {mnist_authors} — [Yann LeCun's site]({mnist_url}).",
    },
}
