"""The privacy notice the newsletter's consent checkbox links to, in English, French and Dutch.

One source for the data migration that creates the page on a fresh database and for the
demo content. Plain values only (no model imports), so the migration can use them.
"""

SLUG = "privacy"

PRIVACY_PAGE = {
    "placement": "footer",
    "order": 9,
    "title_en": "Privacy notice",
    "title_fr": "Politique de confidentialité",
    "title_nl": "Privacyverklaring",
    "summary_en": "What we store when you subscribe to the newsletter, why, for how long, and your rights.",
    "summary_fr": "Ce que nous enregistrons quand vous vous abonnez à la lettre d'information, pourquoi, combien de temps, et vos droits.",
    "summary_nl": "Wat we bewaren wanneer u zich abonneert op de nieuwsbrief, waarom, hoe lang, en uw rechten.",
    "body_en": (
        "<h2>Who is responsible</h2>"
        "<p>The European Forum for Urban Security (Efus), organiser of the conference, is "
        "responsible for the newsletter's mailing list. Contact: "
        '<a href="mailto:conference@efus.eu">conference@efus.eu</a>.</p>'
        "<h2>What we store and why</h2>"
        "<p>When you subscribe we store your email address, the name and organisation you "
        "chose to give, and the language you want the newsletter in. To be able to prove "
        "your consent we also record when you gave it, on which page and in which "
        "language, the version of the wording you agreed to, when you confirmed it and, if "
        "you unsubscribe, when you did, together with a history of the emails we sent you. "
        "We do not store your IP address. To stop automated abuse of the form we keep, "
        "for at most one day, a counter identified by a scrambled, keyed code derived from "
        "it, which cannot be turned back into the address.</p>"
        "<p>We use these details only to send you news about the conference. The legal "
        "basis is your consent (Article 6(1)(a) of the General Data Protection "
        "Regulation). We do not share them with anyone; our email provider handles your "
        "address only to deliver our messages.</p>"
        "<h2>How long we keep it</h2>"
        "<ul><li>Requests that are never confirmed are deleted after 30 days.</li>"
        "<li>While you are subscribed, we keep your details.</li>"
        "<li>After you unsubscribe, we send you nothing more and keep only the record of "
        "your consent and its withdrawal, for three years, to be able to show that we "
        "respected your choice; then it is deleted.</li></ul>"
        "<h2>Your rights</h2>"
        "<p>You can unsubscribe at any time with the link in every email, with one click "
        "and without logging in. You can also ask us to see, correct or delete your "
        'details by writing to <a href="mailto:conference@efus.eu">conference@efus.eu</a>. '
        "If you think we do not respect your rights, you may complain to a data protection "
        "authority, such as the CNIL in France, where Efus is based.</p>"
    ),
    "body_fr": (
        "<h2>Qui est responsable</h2>"
        "<p>Le Forum européen pour la sécurité urbaine (Efus), organisateur de la "
        "conférence, est responsable de la liste de diffusion de la lettre d'information. "
        'Contact : <a href="mailto:conference@efus.eu">conference@efus.eu</a>.</p>'
        "<h2>Ce que nous enregistrons et pourquoi</h2>"
        "<p>Quand vous vous abonnez, nous enregistrons votre adresse e-mail, le nom et "
        "l'organisation que vous avez choisi d'indiquer, et la langue dans laquelle vous "
        "souhaitez recevoir la lettre. Pour pouvoir prouver votre consentement, nous "
        "enregistrons aussi quand vous l'avez donné, sur quelle page et dans quelle "
        "langue, la version du texte que vous avez accepté, quand vous l'avez confirmé et, "
        "si vous vous désabonnez, quand vous l'avez fait, ainsi que l'historique des "
        "e-mails que nous vous avons envoyés. Nous n'enregistrons pas votre adresse IP. "
        "Pour empêcher les abus automatisés du formulaire, nous conservons au plus un jour "
        "un compteur identifié par un code brouillé et chiffré à partir de celle-ci, qui "
        "ne permet pas de retrouver l'adresse.</p>"
        "<p>Nous utilisons ces données uniquement pour vous envoyer des nouvelles de la "
        "conférence. La base légale est votre consentement (article 6, paragraphe 1, "
        "point a, du règlement général sur la protection des données). Nous ne les "
        "communiquons à personne ; notre prestataire d'envoi d'e-mails ne traite votre "
        "adresse que pour acheminer nos messages.</p>"
        "<h2>Durée de conservation</h2>"
        "<ul><li>Les demandes jamais confirmées sont supprimées après 30 jours.</li>"
        "<li>Tant que vous êtes abonné, nous conservons vos données.</li>"
        "<li>Après votre désabonnement, nous ne vous envoyons plus rien et ne gardons que "
        "la trace de votre consentement et de son retrait, pendant trois ans, pour pouvoir "
        "montrer que nous avons respecté votre choix ; elle est ensuite supprimée.</li></ul>"
        "<h2>Vos droits</h2>"
        "<p>Vous pouvez vous désabonner à tout moment grâce au lien présent dans chaque "
        "e-mail, en un clic et sans vous connecter. Vous pouvez aussi nous demander "
        "d'accéder à vos données, de les corriger ou de les supprimer en écrivant à "
        '<a href="mailto:conference@efus.eu">conference@efus.eu</a>. Si vous estimez que '
        "vos droits ne sont pas respectés, vous pouvez introduire une réclamation auprès "
        "d'une autorité de protection des données, par exemple la CNIL en France, où "
        "l'Efus est établi.</p>"
    ),
    "body_nl": (
        "<h2>Wie is verantwoordelijk</h2>"
        "<p>Het Europees Forum voor Stedelijke Veiligheid (Efus), organisator van de "
        "conferentie, is verantwoordelijk voor de verzendlijst van de nieuwsbrief. "
        'Contact: <a href="mailto:conference@efus.eu">conference@efus.eu</a>.</p>'
        "<h2>Wat we bewaren en waarom</h2>"
        "<p>Wanneer u zich abonneert, bewaren we uw e-mailadres, de naam en organisatie die "
        "u wilde opgeven, en de taal waarin u de nieuwsbrief wilt ontvangen. Om uw "
        "toestemming te kunnen aantonen, bewaren we ook wanneer u ze gaf, op welke pagina "
        "en in welke taal, de versie van de tekst waarmee u instemde, wanneer u ze "
        "bevestigde en, als u zich uitschrijft, wanneer u dat deed, samen met een overzicht "
        "van de e-mails die we u stuurden. We bewaren uw IP-adres niet. Om geautomatiseerd "
        "misbruik van het formulier te stoppen, houden we hoogstens één dag een teller bij, "
        "herkenbaar aan een versleutelde code die ervan is afgeleid en waaruit het adres "
        "niet terug te vinden is.</p>"
        "<p>We gebruiken deze gegevens alleen om u nieuws over de conferentie te sturen. "
        "De rechtsgrond is uw toestemming (artikel 6, lid 1, onder a, van de Algemene "
        "Verordening Gegevensbescherming). We delen ze met niemand; onze e-mailprovider "
        "verwerkt uw adres alleen om onze berichten te bezorgen.</p>"
        "<h2>Hoe lang we ze bewaren</h2>"
        "<ul><li>Aanvragen die nooit bevestigd worden, wissen we na 30 dagen.</li>"
        "<li>Zolang u geabonneerd bent, bewaren we uw gegevens.</li>"
        "<li>Nadat u zich hebt uitgeschreven, sturen we u niets meer en bewaren we alleen "
        "het bewijs van uw toestemming en de intrekking ervan, drie jaar lang, om te kunnen "
        "aantonen dat we uw keuze hebben gerespecteerd; daarna wordt het gewist.</li></ul>"
        "<h2>Uw rechten</h2>"
        "<p>U kunt zich op elk moment uitschrijven met de link in elke e-mail, met één klik "
        "en zonder in te loggen. U kunt ons ook vragen uw gegevens in te zien, te "
        'verbeteren of te wissen door te schrijven naar <a href="mailto:conference@efus.eu">'
        "conference@efus.eu</a>. Als u vindt dat we uw rechten niet respecteren, kunt u "
        "een klacht indienen bij een gegevensbeschermingsautoriteit, bijvoorbeeld de CNIL "
        "in Frankrijk, waar Efus gevestigd is.</p>"
    ),
}
