"""The limits page: overfitting, remedies, plateau, slow learning."""

TEXTS: dict[str, dict[str, str]] = {
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
        "fr": "Sur 500 chiffres, le réseau finit par les connaître **par cœur** : 100 % sur ses chiffres "
        "d'entraînement (tirets), nettement moins sur ceux de test (trait plein).",
        "en": "On 500 digits the network ends up knowing them **by heart**: 100% on its training digits (dashed), "
        "clearly less on the test digits (solid).",
    },
    "overfit_more": {
        "fr": "Le même réseau (200 puis 100 neurones ReLU, 30 époques) apprend sur 500, 2 000 ou 5 000 chiffres. "
        "L'entropie croisée de test **remonte** pendant que celle d'entraînement tombe à zéro : il apprend les "
        "exemples, plus les chiffres.",
        "en": "The same network (200 then 100 ReLU neurons, 30 epochs) learns from 500, 2,000 or 5,000 digits. "
        "The test cross-entropy **goes back up** while the training one falls to zero: it learns the examples, "
        "no longer the digits.",
    },
    "digits_count": {"fr": "{n} chiffres", "en": "{n} digits"},
    "curve_train_short": {"fr": "entraînement", "en": "training"},
    "overfit_accuracy_chart": {"fr": "Taux de réussite selon les époques", "en": "Accuracy over the epochs"},
    "overfit_loss_chart": {"fr": "Entropie croisée selon les époques", "en": "Cross-entropy over the epochs"},
    "axis_loss": {"fr": "entropie croisée", "en": "cross-entropy"},
    "overfit_size_chart": {
        "fr": "Taux de réussite final selon le nombre de chiffres d'entraînement",
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
        "fr": "Le réseau qui surapprend sur 500 chiffres, avec des remèdes : comparez l'écart entre la réussite "
        "à l'entraînement et au test. **Plus de données** le réduit le plus.",
        "en": "The network that overfits 500 digits, with remedies: compare the gap between training and test "
        "accuracy. **More data** shrinks it most.",
    },
    "remedies_more": {
        "fr": "L'écart se lit en points de pourcentage. La **pénalité L2** freine les poids : l'entropie croisée de "
        "test ne remonte plus, et avec une forte pénalité l'écart se resserre (au prix d'un peu de réussite). "
        "L'**arrêt précoce** garde les poids de l'époque où l'erreur sur 10 % de chiffres mis de côté était la "
        "plus basse. **Moins de neurones** limitent ce que le réseau peut retenir… et ce qu'il peut apprendre.",
        "en": "The gap is read in percentage points. The **L2 penalty** holds the weights back: the test "
        "cross-entropy no longer goes up, and with a strong penalty the gap narrows (at the cost of some "
        "accuracy). **Early stopping** keeps the weights of the epoch where the error on 10% of digits set aside "
        "was lowest. **Fewer neurons** limit what the network can memorise… and what it can learn.",
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
    "axis_gap_points": {"fr": "écart (points de pourcentage)", "en": "gap (percentage points)"},
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
    "plateau_section": {"fr": "3. Le taux de réussite plafonne", "en": "3. Accuracy stalls"},
    "plateau_text": {
        "fr": "Entraîner plus longtemps ne suffit pas : le modèle à 10 neurones plafonne vers 92 %, le réseau à "
        "5 couches vers 98 %. Pour aller plus loin, il faut changer de modèle, pas d'effort.",
        "en": "Training longer is not enough: the 10-neuron model stalls around 92%, the 5-layer network around "
        "98%. To go further, the model must change, not the effort.",
    },
    "plateau_softmax": {"fr": "10 neurones (softmax)", "en": "10 neurons (softmax)"},
    "plateau_mlp": {"fr": "5 couches (ReLU)", "en": "5 layers (ReLU)"},
    "plateau_chart": {"fr": "Réussite au test, 60 000 chiffres d'entraînement", "en": "Test accuracy, 60,000 training digits"},
    "slow_section": {"fr": "4. L'apprentissage lent", "en": "4. Slow learning"},
    "slow_text": {
        "fr": "Même réseau à 5 couches : avec la **sigmoïde** de la leçon, il démarre lentement ; avec **ReLU**, il "
        "apprend tout de suite. Un **taux d'apprentissage trop petit** freine tout autant.",
        "en": "The same 5-layer network: with the lesson's **sigmoid** it starts slowly; with **ReLU** it learns at "
        "once. A **learning rate that is too small** slows it down just as much.",
    },
    "slow_more": {
        "fr": "Les trois courbes ont les mêmes 5 000 chiffres et le même nombre d'époques. Avec la sigmoïde, les "
        "gradients s'écrasent en traversant les couches : les premières couches apprennent à peine.",
        "en": "The three curves have the same 5,000 digits and the same number of epochs. With the sigmoid, the "
        "gradients get squashed through the layers: the first layers hardly learn.",
    },
    "slow_sigmoid": {"fr": "sigmoïde, η = 0,001", "en": "sigmoid, η = 0.001"},
    "slow_relu": {"fr": "ReLU, η = 0,001", "en": "ReLU, η = 0.001"},
    "slow_rate_small": {"fr": "ReLU, η = 0,0001 (trop petit)", "en": "ReLU, η = 0.0001 (too small)"},
    "slow_chart": {"fr": "Réussite au test, même nombre d'époques", "en": "Test accuracy, same number of epochs"},
}
