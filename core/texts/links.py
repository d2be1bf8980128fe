"""Teacher links, hidden controls and presenter mode."""

TEXTS: dict[str, dict[str, str]] = {
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
}
