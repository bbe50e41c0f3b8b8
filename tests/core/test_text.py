from efus_conf.core.text import fold


def test_fold_drops_case_and_accents():
    assert fold("Sécurité") == fold("SECURITE") == "securite"
    assert fold("Müller") == "muller"


def test_fold_spells_out_letters_unicode_does_not_decompose():
    assert fold("Œuvre, Ærø, Łódź, Straße") == "oeuvre, aero, lodz, strasse"
