"""Demo speakers: the real people of the 2024 conference with their public roles only, and
clearly fictional speakers (invented names and towns) so the directory looks like a real one.

Every speaker gets a generated abstract portrait, put through the same pipeline as an upload.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFilter

from efus_conf.demo.factories import SpeakerFactory
from speakers import photos

QUOTE_DEMEYER = (
    (
        "As President of Efus, I am delighted that Brussels will be hosting the Security, "
        "Democracy & Cities conference from March 20 to 22, 2024, in partnership with "
        "safe.brussels."
    ),
    (
        "En tant que Président de l'Efus, je me réjouis que Bruxelles accueille la conférence "
        "Sécurité, Démocratie & Villes du 20 au 22 mars 2024, en partenariat avec "
        "safe.brussels."
    ),
    (
        "Als voorzitter van Efus ben ik verheugd dat Brussel van 20 tot 22 maart 2024 de "
        "conferentie Veiligheid, Democratie & Steden ontvangt, in samenwerking met "
        "safe.brussels."
    ),
)
QUOTE_LAVAUX = (
    (
        "This conference is a key event for safe.brussels, and we are proud to be organising it "
        "in close collaboration with our privileged partner, Efus. Moreover, the conference is "
        "taking place at a highly symbolic time for us: the sad eighth anniversary of the "
        "terrorist attacks in Brussels, as well as Belgium's presidency of the Council of the "
        "European Union. These events reinforce the importance of this conference and remind us "
        "of the need to work together to ensure security and democracy in our cities."
    ),
    (
        "Cette conférence est un événement clé pour safe.brussels, et nous sommes fiers de "
        "l'organiser en étroite collaboration avec notre partenaire privilégié, l'Efus. De plus, "
        "la conférence se tient à un moment hautement symbolique pour nous : le triste huitième "
        "anniversaire des attentats terroristes de Bruxelles, ainsi que la présidence belge du "
        "Conseil de l'Union européenne. Ces événements renforcent l'importance de cette "
        "conférence et nous rappellent la nécessité de travailler ensemble pour garantir la "
        "sécurité et la démocratie dans nos villes."
    ),
    (
        "Deze conferentie is een sleutelmoment voor safe.brussels, en we zijn er trots op haar "
        "te organiseren in nauwe samenwerking met onze bevoorrechte partner, Efus. Bovendien "
        "vindt de conferentie plaats op een zeer symbolisch moment voor ons: de trieste achtste "
        "verjaardag van de terroristische aanslagen in Brussel, en het Belgische "
        "voorzitterschap van de Raad van de Europese Unie. Deze gebeurtenissen onderstrepen het "
        "belang van deze conferentie en herinneren ons eraan dat we moeten samenwerken om "
        "veiligheid en democratie in onze steden te waarborgen."
    ),
)


# Real people, with exactly the public roles of March 2024 and nothing more.
REAL = [
    {
        "name": "Willy Demeyer",
        "slug": "willy-demeyer",
        "role": (
            "Mayor of Liège & President of Efus",
            "Bourgmestre de Liège & Président de l'Efus",
            "Burgemeester van Luik & voorzitter van Efus",
        ),
        "organisation": ("Efus", "Efus", "Efus"),
        "city": ("Liège", "Liège", "Luik"),
        "country": "BE",
        "quote": QUOTE_DEMEYER,
        "featured": True,
        "featured_order": 1,
    },
    {
        "name": "Sophie Lavaux",
        "slug": "sophie-lavaux",
        "role": (
            "Governor of the Brussels Conurbation, and director general of safe.brussels",
            "Gouverneure de l'Agglomération bruxelloise et directrice générale de safe.brussels",
            "Gouverneur van de Brusselse Agglomeratie en directeur-generaal van safe.brussels",
        ),
        "organisation": ("safe.brussels", "safe.brussels", "safe.brussels"),
        "city": ("Brussels", "Bruxelles", "Brussel"),
        "country": "BE",
        "quote": QUOTE_LAVAUX,
        "featured": True,
        "featured_order": 2,
    },
    {
        "name": "Fabrice Cumps",
        "slug": "fabrice-cumps",
        "role": ("Mayor of Anderlecht", "Bourgmestre d'Anderlecht", "Burgemeester van Anderlecht"),
        "city": ("Anderlecht", "Anderlecht", "Anderlecht"),
        "country": "BE",
        "featured": True,
        "featured_order": 3,
    },
    {
        "name": "Jan Olbrycht",
        "slug": "jan-olbrycht",
        "role": (
            "Member of the European Parliament, president of its URBAN intergroup",
            "Député au Parlement européen, président de son intergroupe URBAN",
            "Lid van het Europees Parlement, voorzitter van de URBAN-intergroep",
        ),
        "organisation": ("European Parliament", "Parlement européen", "Europees Parlement"),
        "featured": True,
        "featured_order": 4,
    },
    {
        "name": "Alba Alfageme",
        "slug": "alba-alfageme",
        "role": (
            "Catalan Government, Department of the Interior",
            "Gouvernement de Catalogne, département de l'Intérieur",
            "Catalaanse regering, departement Binnenlandse Zaken",
        ),
        "organisation": ("Catalan Government", "Gouvernement de Catalogne", "Catalaanse regering"),
        "country": "ES",
        "featured": True,
        "featured_order": 5,
    },
    {
        "name": "Elizabeth Johnston",
        "slug": "elizabeth-johnston",
        "role": (
            "Executive Director of Efus",
            "Directrice exécutive de l'Efus",
            "Uitvoerend directeur van Efus",
        ),
        "organisation": ("Efus", "Efus", "Efus"),
        "featured": True,
        "featured_order": 6,
    },
    {
        "name": "Ahmed Aboutaleb",
        "slug": "ahmed-aboutaleb",
        "role": (
            "Mayor of Rotterdam, Vice-President of Efus",
            "Maire de Rotterdam, vice-président de l'Efus",
            "Burgemeester van Rotterdam, vicevoorzitter van Efus",
        ),
        "organisation": ("Efus", "Efus", "Efus"),
        "city": ("Rotterdam", "Rotterdam", "Rotterdam"),
        "country": "NL",
    },
    {
        "name": "Ine Van Wymersch",
        "slug": "ine-van-wymersch",
        "role": (
            "Belgian National Drug Commissioner",
            "Commissaire nationale belge aux drogues",
            "Belgisch nationaal drugscommissaris",
        ),
        "country": "BE",
    },
    {
        "name": "Alexis Goosdeel",
        "slug": "alexis-goosdeel",
        "role": (
            "Director of the EMCDDA (EU drugs agency)",
            "Directeur de l'EMCDDA (agence de l'UE sur les drogues)",
            "Directeur van het EMCDDA (drugsagentschap van de EU)",
        ),
        "organisation": ("EMCDDA", "EMCDDA", "EMCDDA"),
    },
]

# What fictional speakers do: role and organisation patterns, and a short biography.
KINDS = {
    "deputy_mayor": (
        (
            "Deputy Mayor for Public Safety",
            ("Adjoint au maire chargé de la sécurité", "Adjointe au maire chargée de la sécurité"),
            "Schepen van Veiligheid",
        ),
        ("City of {city}", "Ville de {city}", "Stad {city}"),
        (
            "{first} chairs the local prevention council of {city}, a town invented for this demo, and brings schools, landlords and the police around one table.",
            "{first} préside le conseil local de prévention de {city}, une ville inventée pour cette démonstration, et réunit écoles, bailleurs et police autour d'une même table.",
            "{first} zit de lokale preventieraad van {city} voor, een voor deze demo verzonnen stad, en brengt scholen, verhuurders en politie rond één tafel.",
        ),
    ),
    "police_chief": (
        (
            "Chief of the Municipal Police",
            ("Chef de la police municipale", "Cheffe de la police municipale"),
            "Korpschef van de lokale politie",
        ),
        ("{city} Municipal Police", "Police municipale de {city}", "Lokale politie {city}"),
        (
            "{first} leads the police of {city}, a fictional town, and has moved a third of its officers to neighbourhood teams.",
            "{first} dirige la police de {city}, une ville fictive, et y a affecté un tiers des agents à des équipes de quartier.",
            "{first} leidt de politie van {city}, een fictieve stad, en zette een derde van de agenten in wijkteams in.",
        ),
    ),
    "researcher": (
        (
            "Researcher in urban criminology",
            ("Chercheur en criminologie urbaine", "Chercheuse en criminologie urbaine"),
            "Onderzoeker stedelijke criminologie",
        ),
        ("University of {city}", "Université de {city}", "Universiteit van {city}"),
        (
            "{first} studies how residents of {city}, a fictional city, experience safety at night, with walking interviews and open data.",
            "{first} étudie comment les habitants de {city}, une ville fictive, vivent la sécurité la nuit, par des entretiens en marchant et des données ouvertes.",
            "{first} onderzoekt hoe bewoners van {city}, een fictieve stad, 's nachts veiligheid ervaren, met wandelinterviews en open data.",
        ),
    ),
    "social_worker": (
        (
            "Street social worker",
            ("Travailleur social de rue", "Travailleuse sociale de rue"),
            "Straathoekwerker",
        ),
        ("{city} Outreach Service", "Service de travail de rue de {city}", "Straathoekwerk {city}"),
        (
            "{first} works nights in the station district of {city}, an invented town, with people who use drugs and sleep rough.",
            "{first} travaille de nuit dans le quartier de la gare de {city}, une ville inventée, auprès de personnes qui consomment des drogues et dorment dehors.",
            "{first} werkt 's nachts in de stationsbuurt van {city}, een verzonnen stad, met mensen die drugs gebruiken en op straat slapen.",
        ),
    ),
    "magistrate": (
        ("Public prosecutor", ("Procureur", "Procureure"), "Procureur"),
        (
            "{city} Court of First Instance",
            "Tribunal de première instance de {city}",
            "Rechtbank van eerste aanleg {city}",
        ),
        (
            "{first} handles youth cases at the court of {city}, a fictional jurisdiction, and champions restorative justice.",
            "{first} traite les affaires de mineurs au tribunal de {city}, une juridiction fictive, et défend la justice restaurative.",
            "{first} behandelt jeugdzaken bij de rechtbank van {city}, een fictief rechtsgebied, en pleit voor herstelrecht.",
        ),
    ),
    "prevention_officer": (
        (
            "Crime prevention officer",
            ("Chargé de prévention de la délinquance", "Chargée de prévention de la délinquance"),
            "Preventieambtenaar",
        ),
        ("City of {city}", "Ville de {city}", "Stad {city}"),
        (
            "{first} coordinates the prevention plan of {city}, a town invented for this demo, from street lighting to school mediation.",
            "{first} coordonne le plan de prévention de {city}, une ville inventée pour cette démonstration, de l'éclairage public à la médiation scolaire.",
            "{first} coördineert het preventieplan van {city}, een voor deze demo verzonnen stad, van straatverlichting tot schoolbemiddeling.",
        ),
    ),
    "mediator": (
        (
            "Social mediation coordinator",
            ("Coordinateur de la médiation sociale", "Coordinatrice de la médiation sociale"),
            "Coördinator sociale bemiddeling",
        ),
        ("{city} Mediation Service", "Service de médiation de {city}", "Bemiddelingsdienst {city}"),
        (
            "{first} runs a team of night mediators in {city}, a fictional city, who settle conflicts in public space before they escalate.",
            "{first} dirige une équipe de médiateurs de nuit à {city}, une ville fictive, qui apaisent les conflits dans l'espace public avant qu'ils ne dégénèrent.",
            "{first} leidt een team nachtbemiddelaars in {city}, een fictieve stad, dat conflicten in de openbare ruimte sust voor ze escaleren.",
        ),
    ),
    "crisis_manager": (
        (
            "Head of crisis management",
            ("Responsable de la gestion de crise", "Responsable de la gestion de crise"),
            "Hoofd crisisbeheer",
        ),
        ("{city} Region", "Région de {city}", "Regio {city}"),
        (
            "{first} prepares the region of {city}, an invented region, for floods, heatwaves and large events.",
            "{first} prépare la région de {city}, une région inventée, aux inondations, aux canicules et aux grands événements.",
            "{first} bereidt de regio {city}, een verzonnen regio, voor op overstromingen, hittegolven en grote evenementen.",
        ),
    ),
    "mental_health": (
        (
            "Psychiatric nurse, mobile crisis team",
            (
                "Infirmier psychiatrique, équipe mobile de crise",
                "Infirmière psychiatrique, équipe mobile de crise",
            ),
            "Psychiatrisch verpleegkundige, mobiel crisisteam",
        ),
        ("{city} Health Authority", "Autorité de santé de {city}", "Gezondheidsdienst {city}"),
        (
            "{first} joins police patrols in {city}, a fictional city, when someone in distress is reported in public space.",
            "{first} accompagne les patrouilles de police à {city}, une ville fictive, quand une personne en détresse est signalée dans l'espace public.",
            "{first} rijdt mee met politiepatrouilles in {city}, een fictieve stad, wanneer iemand in nood in de openbare ruimte wordt gemeld.",
        ),
    ),
}

# Invented people from invented towns: (name, gender for French roles, country, town, kind).
FICTIONAL = [
    ("Anneke Vermolen", "f", "NL", "Groenmeer", "deputy_mayor"),
    ("Lukas Brennwald", "m", "DE", "Lindenhaven", "police_chief"),
    ("Inès Marcadier", "f", "FR", "Valbrune-sur-Orne", "prevention_officer"),
    ("Giulia Fantorri", "f", "IT", "Montevalle Alta", "researcher"),
    ("Tomás Ibarrondo", "m", "ES", "Villarosa del Campo", "mediator"),
    ("Maren Solvik", "f", "NO", "Fjordbakken", "crisis_manager"),
    ("Piotr Zawadowicz", "m", "PL", "Brzozowo Wielkie", "magistrate"),
    ("Aoife Dunleavy", "f", "IE", "Ballykeeran", "social_worker"),
    ("Jorge Vasconcelhos", "m", "PT", "Vila Serena", "deputy_mayor"),
    ("Katarína Hrubová", "f", "SK", "Lesnov", "researcher"),
    ("Eleni Papadoura", "f", "GR", "Eleonas", "mental_health"),
    ("Matthias Oberleitner", "m", "AT", "Talbruck", "prevention_officer"),
    ("Sanna Koivulampi", "f", "FI", "Koivulahti", "social_worker"),
    ("Bram De Wulfhove", "m", "BE", "Hoogbeek", "police_chief"),
    ("Amélie Roussanne", "f", "BE", "Mont-Sainte-Aline", "magistrate"),
    ("Radu Vălenescu", "m", "RO", "Valea Verde", "deputy_mayor"),
    ("Linnea Åkerstam", "f", "SE", "Ekvik", "researcher"),
    ("Nadia Benhamida", "f", "FR", "Port-Lazaire", "mediator"),
    ("Oskar Lindqvist-Ruda", "m", "SE", "Norrhamn", "crisis_manager"),
    ("Chiara Bellandi", "f", "IT", "Sasso Chiaro", "magistrate"),
    ("Hugo Ferreirinha", "m", "PT", "Ribeira Clara", "police_chief"),
    ("Zofia Marczewska", "f", "PL", "Jeziorno", "mental_health"),
    ("Dries Vanoppen", "m", "BE", "Kortebeek", "prevention_officer"),
    ("Camille Astruc-Beaulieu", "f", "CA", "Saint-Firmin-du-Lac", "researcher"),
]


def fictional_people():
    for name, gender, country, town, kind in FICTIONAL:
        (role_en, roles_fr, role_nl), organisations, bios = KINDS[kind]
        first = name.split()[0]
        yield {
            "name": name,
            "slug": slugify(name),
            "role": (role_en, roles_fr[gender == "f"], role_nl),
            "organisation": tuple(pattern.format(city=town) for pattern in organisations),
            "city": (town, town, town),
            "country": country,
            "bio": tuple(pattern.format(first=first, city=town) for pattern in bios),
        }


# What the demo's people do not say is blank in every language (the tests' factory would give
# each of them an organisation and a country).
BLANK = ("", "", "")
UNSAID = {"organisation": BLANK, "city": BLANK, "bio": BLANK, "quote": BLANK, "country": ""}


def load(*, stdout, scale=0):
    people = [*REAL, *fictional_people()]
    for person in people:
        give_portrait(SpeakerFactory(**{**UNSAID, **person}))
    stdout.write(f"Speakers: {len(people)}.")


# Files already made in this process, by speaker: the test suite loads the demo for many
# tests, each with a fresh MEDIA_ROOT, and copying them back is far faster than encoding.
_made = {}


def give_portrait(speaker):
    made = _made.get(speaker.slug)
    if made is None:
        photos.set_photo(speaker, ContentFile(portrait(speaker.slug), name=f"{speaker.slug}.jpg"))
        names = [speaker.photo.name, *photos.rendition_paths(speaker.photo_renditions)]
        files = {}
        for name in names:
            with default_storage.open(name, "rb") as file:
                files[name] = file.read()
        _made[speaker.slug] = (speaker.photo.name, speaker.photo_renditions, files)
        return
    photo_name, renditions, files = made
    for name, content in files.items():
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(content))
    speaker.photo.name, speaker.photo_renditions = photo_name, renditions
    speaker.save()


# Muted pairs of background colours, and a lighter and a darker silhouette tone.
PALETTES = [
    ((0, 64, 143), (92, 141, 199)),
    ((38, 70, 83), (120, 160, 150)),
    ((90, 50, 90), (190, 140, 170)),
    ((120, 72, 20), (230, 180, 110)),
    ((40, 60, 110), (150, 170, 210)),
    ((45, 90, 60), (150, 190, 140)),
]


def portrait(seed, size=(640, 800)):
    """An abstract portrait-like JPEG: a soft gradient and a blurred head-and-shoulders shape."""
    digest = hashlib.sha256(seed.encode()).digest()
    dark, light = PALETTES[digest[0] % len(PALETTES)]
    # Drawn small and scaled up: the blur comes almost free and the demo stays fast.
    width, height = 80, 100
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.composite(
        Image.new("RGB", (width, height), dark), Image.new("RGB", (width, height), light), gradient
    )
    draw = ImageDraw.Draw(image)
    tone = tuple(min(255, channel + 60) for channel in light)
    shift = digest[1] % 9 - 4
    draw.ellipse((26 + shift, 18, 54 + shift, 52), fill=tone)
    draw.ellipse((8 + shift, 56, 72 + shift, 130), fill=tone)
    image = image.filter(ImageFilter.GaussianBlur(2)).resize(size, Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()
