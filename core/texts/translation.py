"""The translation page: shifted digits, accuracy against the shift, a drawn digit."""

TEXTS: dict[str, dict[str, str]] = {
    "trans_title": {"fr": "Limites : la translation", "en": "Limits: translation"},
    "trans_intro": {
        "fr": "Un réseau entièrement connecté regarde des **pixels**, pas des **formes** : déplacez un chiffre de "
        "quelques pixels et, pour lui, ce n'est plus le même dessin.",
        "en": "A fully connected network looks at **pixels**, not at **shapes**: move a digit by a few pixels and, "
        "to the network, it is no longer the same drawing.",
    },
    "trans_more": {
        "fr": "Chaque neurone de sa première couche pèse des positions fixes de l'image. Vérifiez-le sur un chiffre "
        "de test, sur les 10 000 d'un coup, puis sur votre propre écriture.",
        "en": "Each neuron of its first layer weighs fixed positions of the image. Check it on one test digit, on "
        "all 10,000 at once, then on your own handwriting.",
    },
    "trans_models_title": {"fr": "Les modèles testés", "en": "The models under test"},
    "trans_model_softmax": {"fr": "10 neurones", "en": "10 neurons"},
    "trans_model_mlp": {"fr": "5 couches", "en": "5 layers"},
    "trans_model_augmented": {"fr": "5 couches + décalages", "en": "5 layers + shifts"},
    "trans_model_own": {"fr": "le vôtre, entraîné sur une page précédente ({settings})",
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
    "trans_own_softmax": {"fr": "η = {rate}, {iterations} itérations", "en": "η = {rate}, {iterations} iterations"},
    "trans_own_mlp": {"fr": "{layers} {activation}, {epochs} époques", "en": "{layers} {activation}, {epochs} epochs"},
    # "décalage horizontal": the labels agree with the control's name and every title that uses them
    "trans_direction": {"fr": "Décalage", "en": "Shift"},
    "direction_horizontal": {"fr": "horizontal", "en": "horizontal"},
    "direction_vertical": {"fr": "vertical", "en": "vertical"},
    "direction_diagonal": {"fr": "diagonal", "en": "diagonal"},
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
        "pixels, et l'on mesure le taux de réussite de chaque modèle, une fois pour tout le serveur.",
        "en": "The same experiment on every test digit at once: each digit is moved by 0 to 8 pixels, and each "
        "model's accuracy is measured. Computed once per model for the whole server.",
    },
    "trans_curves_title": {"fr": "Réussite au test selon le décalage ({direction})",
                           "en": "Test accuracy against the shift ({direction})"},
    "trans_computing": {"fr": "Calcul en cours, une seule fois pour tout le serveur…",
                        "en": "Computing, once for the whole server…"},
    "trans_computing_waiting": {"fr": "En file d'attente (position {position})…", "en": "Queued (position {position})…"},
    "trans_curves_reading": {
        "fr": "**{model}** : {at0} % sans décalage, **{at_shift} %** à {shift} pixels ({direction}).",
        "en": "**{model}**: {at0}% unshifted, **{at_shift}%** at {shift} pixels ({direction}).",
    },
    "trans_heatmap_model": {"fr": "Carte de réussite du modèle", "en": "Accuracy map of the model"},
    "trans_heatmap_title": {"fr": "{model}<br>taux de réussite (%) pour chaque décalage (dx, dy)",
                            "en": "{model}<br>accuracy (%) for each shift (dx, dy)"},
    "trans_heatmap_caption": {
        "fr": "Mesurée sur {n} chiffres de test (les mêmes pour chaque case) : 289 décalages de −8 à +8 pixels. "
        "Le centre est l'image non décalée.",
        "en": "Measured on {n} test digits (the same for every cell): 289 shifts from −8 to +8 pixels. The centre "
        "is the unshifted image.",
    },
    "trans_remedy_header": {"fr": "Un remède : montrer des chiffres décalés", "en": "A remedy: show it shifted digits"},
    "trans_remedy_text": {
        "fr": "Le réseau **5 couches + décalages** a appris sur des chiffres déplacés au hasard d'au plus {shift} "
        "pixels. Il tient bon jusqu'à {shift} pixels… et s'effondre au-delà.",
        "en": "The **5 layers + shifts** network learnt from digits moved at random by up to {shift} pixels. "
        "It holds up to {shift} pixels… and collapses beyond.",
    },
    "trans_remedy_more": {
        "fr": "C'est le même réseau, ses chiffres décalés à chaque époque (de l'*augmentation de données*). Il n'a "
        "pas compris les formes, il a seulement vu plus de positions, et payé ce travail de quelques points de "
        "réussite sur les chiffres centrés. Les réseaux **convolutifs** intègrent cette invariance dans leur "
        "structure : c'est la page suivante.",
        "en": "It is the same network, its digits moved at every epoch (*data augmentation*). It has not understood "
        "shapes, it has only seen more positions, and paid for that work with a few points of accuracy on "
        "centred digits. **Convolutional** networks build this invariance into their structure: that is the "
        "next page.",
    },
    "trans_go_convolution": {"fr": "Vers la convolution", "en": "Towards convolution"},
    "trans_draw_header": {"fr": "3. Dessinez votre chiffre", "en": "3. Draw your own digit"},
    "trans_draw_text": {
        "fr": "Dessinez un chiffre avec la souris ou le doigt : il est préparé comme ceux de MNIST, puis lu par "
        "les modèles.",
        "en": "Draw a digit with the mouse or a finger: it is prepared as MNIST's were, then read by the models.",
    },
    "trans_draw_more": {
        "fr": "Préparé comme l'ont été les chiffres de MNIST : rogné, réduit pour tenir dans 20 × 20 pixels, puis "
        "centré par son centre de masse dans 28 × 28. Cochez « Ne pas centrer » pour donner aux modèles votre "
        "dessin tel quel, décentré.",
        "en": "Prepared the way MNIST's digits were: cropped, scaled to fit 20 × 20 pixels, then centred by its "
        "centre of mass in 28 × 28. Tick “Do not centre” to give the models your drawing as it is, off-centre.",
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
    "trans_model_cnn_lesson": {"fr": "convolutif", "en": "convolutional"},
    "trans_model_cnn_global": {"fr": "convolutif, pooling global", "en": "convolutional, global pooling"},
    "trans_model_default_cnn_lesson": {"fr": "le réseau convolutif de la leçon, entraîné une fois sur les chiffres centrés", "en": "the lesson's convolutional network, trained once on the centred digits"},
    "trans_model_default_cnn_global": {"fr": "un réseau convolutif qui finit par un pooling global, entraîné une fois sur les chiffres centrés", "en": "a convolutional network ending in global pooling, trained once on the centred digits"},
}
