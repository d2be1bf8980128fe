"""The 5-layer network's page."""

TEXTS: dict[str, dict[str, str]] = {
    "mlp_title": {"fr": "Le réseau à 5 couches", "en": "The 5-layer network"},
    "mlp_intro": {
        "fr": "Le deuxième modèle : cinq couches entièrement connectées, 200, 100, 60 et 30 neurones à sigmoïde puis "
        "10 à softmax. La diapo annonce 98 % en test et 100 % en entraînement ; l'encadré compare avec ce serveur.",
        "en": "The second model: five fully connected layers, 200, 100, 60 and 30 sigmoid neurons then 10 softmax "
        "ones. The slide announces 98% on test and 100% on training; the box compares with this server.",
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
    "activation_logistic": {"fr": "sigmoïde S (leçon)", "en": "sigmoid S (lesson)"},
    "activation_relu": {"fr": "ReLU", "en": "ReLU"},
    "activation_tanh": {"fr": "tanh", "en": "tanh"},
    "set_solver": {"fr": "Optimiseur", "en": "Optimiser"},
    "solver_adam": {"fr": "Adam", "en": "Adam"},
    "solver_sgd": {"fr": "descente de gradient + inertie", "en": "gradient descent + momentum"},
    "set_mlp_learning_rate_help": {
        "fr": "Le pas de l'optimiseur (0,001 par défaut pour Adam). La fonction de coût est ici une moyenne sur le lot.",
        "en": "The optimiser's step (0.001 by default for Adam). The cost function is averaged over the batch here.",
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
    "net_output": {"fr": "softmax σ", "en": "softmax σ"},
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
        "fr": "Taux de réussite sur les chiffres d'entraînement",
        "en": "Accuracy on the training digits",
    },
    "mlp_epoch_time": {"fr": "Environ {seconds} s par époque.", "en": "About {seconds} s per epoch."},
    "mlp_best": {
        "fr": "Meilleur taux de réussite de test : {best}, à l'époque {epoch} ({seconds} s de calcul). "
        "La diapo annonce {slide_test} en test et {slide_train} à l'entraînement.",
        "en": "Best test accuracy: {best}, at epoch {epoch} ({seconds} s of computing). "
        "The slide announces {slide_test} on test and {slide_train} in training.",
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
    "run_label_mlp": {"fr": "{layers} {activation}, {solver}, η = {rate}", "en": "{layers} {activation}, {solver}, η = {rate}"},
}
