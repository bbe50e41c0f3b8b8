"""The demo programme's words, in English, French and Dutch (each entry: en, fr, nl)."""

# The rooms, in the order the programme lists them.
ROOMS = {
    "auditorium": {
        "name": ("Auditorium", "Auditorium", "Auditorium"),
        "location": ("Ground floor", "Rez-de-chaussée", "Gelijkvloers"),
        "directions": ("Straight ahead from the main entrance, through the foyer.", "Tout droit depuis l'entrée principale, en traversant le foyer.", "Rechtdoor vanaf de hoofdingang, door de foyer."),
        "capacity": 900,
    },
    "europa": {
        "name": ("Room Europa", "Salle Europa", "Zaal Europa"),
        "location": ("First floor", "Premier étage", "Eerste verdieping"),
        "directions": ("First floor, left out of the lifts; the stairs are next to the registration desk.", "Premier étage, à gauche en sortant des ascenseurs ; l'escalier est à côté de l'accueil.", "Eerste verdieping, links uit de liften; de trap is naast het onthaal."),
        "capacity": 200,
    },
    "horta": {
        "name": ("Room Horta", "Salle Horta", "Zaal Horta"),
        "location": ("First floor", "Premier étage", "Eerste verdieping"),
        "directions": ("First floor, right out of the lifts, next to the quiet room.", "Premier étage, à droite en sortant des ascenseurs, à côté de la salle calme.", "Eerste verdieping, rechts uit de liften, naast de stille ruimte."),
        "capacity": 150,
    },
    "magritte": {
        "name": ("Room Magritte", "Salle Magritte", "Zaal Magritte"),
        "location": ("Second floor", "Deuxième étage", "Tweede verdieping"),
        "directions": ("Second floor, opposite the lifts.", "Deuxième étage, face aux ascenseurs.", "Tweede verdieping, tegenover de liften."),
        "capacity": 120,
    },
    "foyer": {
        "name": ("Foyer", "Foyer", "Foyer"),
        "location": ("Ground floor", "Rez-de-chaussée", "Gelijkvloers"),
        "directions": ("Behind the registration desk, on the way to the auditorium.", "Derrière l'accueil, sur le chemin de l'auditorium.", "Achter het onthaal, op weg naar het auditorium."),
        "capacity": 900,
    },
    "visits": {
        "name": ("Field visits meeting point", "Point de rendez-vous des visites", "Verzamelpunt bezoeken"),
        "location": ("Main entrance", "Entrée principale", "Hoofdingang"),
        "directions": ("Outside the main entrance, on the left: look for the Efus flags. Buses leave from there.", "Devant l'entrée principale, à gauche : repérez les drapeaux de l'Efus. Les bus partent de là.", "Buiten aan de hoofdingang, links: zoek de vlaggen van Efus. De bussen vertrekken daar."),
        "capacity": None,
    },
}  # fmt: skip

# Field visit groups meet before they leave: (where, en, fr, nl).
VISIT_MEETING_POINT = (
    "At the Efus flags outside the main entrance; your guide holds a sign with the visit's name.",
    "Aux drapeaux de l'Efus devant l'entrée principale ; votre guide tient un panneau au nom de la visite.",
    "Bij de vlaggen van Efus buiten de hoofdingang; uw gids houdt een bord met de naam van het bezoek.",
)

TRACKS = [
    ("drugs-and-trafficking", "#b42318", ("Drugs and trafficking", "Drogues et trafics", "Drugs en drugshandel")),
    ("crisis-management", "#c2410c", ("Crisis management", "Gestion de crise", "Crisisbeheer")),
    ("democracy-and-polarisation", "#6d28d9", ("Democracy and polarisation", "Démocratie et polarisation", "Democratie en polarisatie")),
    ("mental-health", "#0f766e", ("Mental health in public space", "Santé mentale dans l'espace public", "Geestelijke gezondheid in de openbare ruimte")),
    ("prevention", "#1d4ed8", ("Prevention", "Prévention", "Preventie")),
    ("social-mediation", "#15803d", ("Social mediation", "Médiation sociale", "Sociale bemiddeling")),
]  # fmt: skip

# The plenaries; after the event, three have a recording (fictional addresses) and a written
# summary.
PLENARIES = {
    "opening-plenary": {
        "title": ("Opening plenary: cities at the heart of tomorrow's security", "Plénière d'ouverture : les villes au cœur de la sécurité de demain", "Openingsplenaire: steden in het hart van de veiligheid van morgen"),
        "summary": ("Welcome words and a first look at the challenges European cities face together.", "Mots d'accueil et premier regard sur les défis que les villes européennes affrontent ensemble.", "Welkomstwoorden en een eerste blik op de uitdagingen waar Europese steden samen voor staan."),
        "recording_url": "https://www.youtube.com/watch?v=efus-demo-opening",
        "report": ("Speakers agreed that cities are the first to feel insecurity and the first to act on it, and asked for a stronger voice in European security policy.", "Les intervenants ont souligné que les villes sont les premières à ressentir l'insécurité et à agir, et ont demandé une voix plus forte dans la politique européenne de sécurité.", "De sprekers waren het erover eens dat steden onveiligheid als eerste voelen en als eerste optreden, en vroegen een sterkere stem in het Europese veiligheidsbeleid."),
    },
    "plenary-drugs": {
        "title": ("Plenary: cities facing drugs and trafficking", "Plénière : les villes face aux drogues et aux trafics", "Plenaire: steden tegenover drugs en drugshandel"),
        "summary": ("Mayors, national and European agencies on how local action fits into a shared response to drug markets.", "Maires, agences nationales et européennes : comment l'action locale s'inscrit dans une réponse commune aux marchés de la drogue.", "Burgemeesters, nationale en Europese agentschappen over hoe lokale actie past in een gezamenlijk antwoord op drugsmarkten."),
        "recording_url": "https://www.youtube.com/watch?v=efus-demo-drugs",
        "report": ("Mayors and agencies described drug markets that cross borders and ports, and the need to combine enforcement, prevention and care at local level.", "Maires et agences ont décrit des marchés de la drogue qui traversent frontières et ports, et la nécessité d'allier répression, prévention et soins au niveau local.", "Burgemeesters en agentschappen beschreven drugsmarkten die grenzen en havens overschrijden, en de noodzaak om handhaving, preventie en zorg lokaal te combineren."),
    },
    "plenary-democracy": {
        "title": ("Plenary: security and democracy in polarised times", "Plénière : sécurité et démocratie en temps de polarisation", "Plenaire: veiligheid en democratie in gepolariseerde tijden"),
        "summary": ("How local authorities keep public trust when societies are divided.", "Comment les collectivités préservent la confiance du public quand la société se divise.", "Hoe lokale besturen het vertrouwen van burgers bewaren wanneer de samenleving verdeeld is."),
    },
    "closing-plenary": {
        "title": ("Closing plenary: the cities' agenda for urban security", "Plénière de clôture : l'agenda des villes pour la sécurité urbaine", "Slotplenaire: de agenda van de steden voor stedelijke veiligheid"),
        "summary": ("What the three days taught us, and the commitments cities take home.", "Ce que ces trois jours nous ont appris et les engagements que les villes emportent.", "Wat deze drie dagen ons leerden en de engagementen die steden mee naar huis nemen."),
        "recording_url": "https://vimeo.com/000000001",
        "report": ("The cities' agenda for urban security was adopted: prevention first, evidence on what works, and local authorities at the table where security is decided.", "L'agenda des villes pour la sécurité urbaine a été adopté : la prévention d'abord, des preuves de ce qui fonctionne, et les collectivités à la table des décisions.", "De agenda van de steden voor stedelijke veiligheid werd aangenomen: preventie eerst, bewijs van wat werkt, en lokale besturen aan tafel waar over veiligheid beslist wordt."),
    },
}  # fmt: skip

PLENARY_DESCRIPTION = (
    "<p>Simultaneous interpretation is offered in English, French, Dutch and Spanish.</p>",
    "<p>Interprétation simultanée en anglais, français, néerlandais et espagnol.</p>",
    "<p>Simultaanvertaling in het Engels, Frans, Nederlands en Spaans.</p>",
)

# Three thematic sessions per track, in TRACKS order.
THEMATIC = [
    ("Local strategies against drug-related violence", "Stratégies locales contre la violence liée aux drogues", "Lokale strategieën tegen drugsgerelateerd geweld"),
    ("Ports, logistics hubs and organised crime", "Ports, plateformes logistiques et criminalité organisée", "Havens, logistieke knooppunten en georganiseerde misdaad"),
    ("Harm reduction in the city centre", "Réduction des risques en centre-ville", "Schadebeperking in het stadscentrum"),
    ("Preparing neighbourhoods for the next crisis", "Préparer les quartiers à la prochaine crise", "Wijken voorbereiden op de volgende crisis"),
    ("Crisis communication that people trust", "Une communication de crise digne de confiance", "Crisiscommunicatie die mensen vertrouwen"),
    ("Lessons from floods, heatwaves and pandemics", "Leçons des inondations, canicules et pandémies", "Lessen uit overstromingen, hittegolven en pandemieën"),
    ("Protecting local elected officials", "Protéger les élus locaux", "Lokale verkozenen beschermen"),
    ("Countering online hate at local level", "Lutter contre la haine en ligne au niveau local", "Online haat lokaal aanpakken"),
    ("Public spaces for dialogue", "Des espaces publics pour le dialogue", "Openbare ruimten voor dialoog"),
    ("Mental health crises on the street: who responds?", "Crises de santé mentale dans la rue : qui intervient ?", "Psychische crisis op straat: wie grijpt in?"),
    ("Police and health services working together", "Police et services de santé, ensemble", "Politie en zorg samen aan het werk"),
    ("Loneliness, public space and safety", "Solitude, espace public et sécurité", "Eenzaamheid, openbare ruimte en veiligheid"),
    ("Youth prevention that works", "Une prévention auprès des jeunes qui fonctionne", "Jongerenpreventie die werkt"),
    ("Designing safer streets with residents", "Concevoir des rues plus sûres avec les habitants", "Veiligere straten ontwerpen met bewoners"),
    ("Evaluating prevention policies", "Évaluer les politiques de prévention", "Preventiebeleid evalueren"),
    ("Night-time mediation in nightlife districts", "La médiation de nuit dans les quartiers festifs", "Nachtelijke bemiddeling in uitgaansbuurten"),
    ("Mediators in public transport", "Des médiateurs dans les transports publics", "Bemiddelaars in het openbaar vervoer"),
    ("Training and recognising social mediators", "Former et reconnaître les médiateurs sociaux", "Sociale bemiddelaars opleiden en erkennen"),
]  # fmt: skip

THEMATIC_SUMMARY = (
    "Practitioners from several European cities compare their approaches and discuss what can be transferred.",
    "Des praticiens de plusieurs villes européennes comparent leurs approches et discutent de ce qui peut être transposé.",
    "Praktijkmensen uit verschillende Europese steden vergelijken hun aanpak en bespreken wat overdraagbaar is.",
)

# Two field visits per track, in TRACKS order.
FIELD_VISITS = [
    ("Visit: a supervised drug consumption room", "Visite : une salle de consommation à moindre risque", "Bezoek: een gebruiksruimte onder toezicht"),
    ("Visit: a local drug prevention service", "Visite : un service local de prévention des assuétudes", "Bezoek: een lokale dienst voor drugspreventie"),
    ("Visit: the Regional Crisis Management Centre", "Visite : le Centre régional de gestion de crise", "Bezoek: het Gewestelijk Crisiscentrum"),
    ("Visit: an emergency dispatch centre", "Visite : un centre de dispatching des secours", "Bezoek: een noodcentrale"),
    ("Visit: a neighbourhood participation project", "Visite : un projet de participation de quartier", "Bezoek: een buurtparticipatieproject"),
    ("Visit: a youth centre working on citizenship", "Visite : une maison de jeunes engagée pour la citoyenneté", "Bezoek: een jeugdhuis rond burgerschap"),
    ("Visit: a mobile mental health team", "Visite : une équipe mobile de santé mentale", "Bezoek: een mobiel team geestelijke gezondheid"),
    ("Visit: a day centre for people in distress", "Visite : un centre de jour pour personnes en détresse", "Bezoek: een dagcentrum voor mensen in nood"),
    ("Visit: a crime prevention partnership", "Visite : un partenariat local de prévention", "Bezoek: een lokaal preventiepartnerschap"),
    ("Visit: a safer public space redesign", "Visite : un espace public réaménagé pour plus de sécurité", "Bezoek: een heraangelegde, veiligere openbare ruimte"),
    ("Visit: a social mediation scheme", "Visite : un dispositif de médiation sociale", "Bezoek: een project voor sociale bemiddeling"),
    ("Visit: street mediators at work", "Visite : des médiateurs de rue au travail", "Bezoek: straatbemiddelaars aan het werk"),
]  # fmt: skip

FIELD_VISIT_SUMMARY = (
    "A guided visit in Brussels with the team on site. Places are limited; groups leave together from the meeting point.",
    "Une visite guidée à Bruxelles avec l'équipe sur place. Places limitées ; les groupes partent ensemble du point de rendez-vous.",
    "Een rondleiding in Brussel met het team ter plaatse. Beperkt aantal plaatsen; de groepen vertrekken samen vanaf het verzamelpunt.",
)

PITCHES = [
    ("Pitch session: innovations in prevention", "Session de pitchs : innovations en prévention", "Pitchsessie: vernieuwing in preventie"),
    ("Pitch session: cities and technology", "Session de pitchs : villes et technologies", "Pitchsessie: steden en technologie"),
    ("Pitch session: European projects", "Session de pitchs : projets européens", "Pitchsessie: Europese projecten"),
]  # fmt: skip

PITCH_SUMMARY = (
    "Five minutes per project: cities and partners present their initiatives and meet the people who might adopt them.",
    "Cinq minutes par projet : villes et partenaires présentent leurs initiatives et rencontrent ceux qui pourraient s'en inspirer.",
    "Vijf minuten per project: steden en partners stellen hun initiatieven voor en ontmoeten wie ze zou kunnen overnemen.",
)

BREAKS = {
    "registration": ("Registration and welcome coffee", "Accueil et café de bienvenue", "Registratie en welkomstkoffie"),
    "coffee": ("Coffee break", "Pause café", "Koffiepauze"),
    "lunch": ("Lunch", "Déjeuner", "Lunch"),
    "reception": ("Welcome reception", "Réception de bienvenue", "Welkomstreceptie"),
}  # fmt: skip

# Field visits: (places, availability) by visit, in VISIT_SLUGS order.
VISIT_PLACES = [
    (20, "full"), (25, "waiting_list"), (30, "places_left"), (20, "full"),
    (25, "places_left"), (25, "places_left"), (15, "waiting_list"), (20, "places_left"),
    (25, "places_left"), (30, "places_left"), (25, "waiting_list"), (20, "places_left"),
]  # fmt: skip

# Documents shared after the event: (session slug, kind, language, title en, fr, nl).
MATERIALS = [
    ("opening-plenary", "slides", "en", ("Opening plenary: slides", "Plénière d'ouverture : présentation", "Openingsplenaire: presentatie")),
    ("plenary-drugs", "slides", "en", ("Cities facing drugs: slides", "Les villes face aux drogues : présentation", "Steden tegenover drugs: presentatie")),
    ("plenary-drugs", "paper", "fr", ("Drug markets in European cities: report", "Marchés de la drogue dans les villes européennes : rapport", "Drugsmarkten in Europese steden: rapport")),
    ("closing-plenary", "paper", "en", ("The cities' agenda for urban security", "L'agenda des villes pour la sécurité urbaine", "De agenda van de steden voor stedelijke veiligheid")),
    ("harm-reduction-city-centre", "slides", "fr", ("Harm reduction in the city centre: slides", "Réduction des risques en centre-ville : présentation", "Schadebeperking in het stadscentrum: presentatie")),
]  # fmt: skip
