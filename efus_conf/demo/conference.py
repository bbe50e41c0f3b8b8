"""Demo content for the conference itself: facts from the seed page, in English, French, Dutch."""

import datetime
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from efus_conf.conference.models import CONFERENCE_TZ, Page, Partner
from efus_conf.demo.factories import (
    ConferenceFactory,
    KeyFigureFactory,
    PageFactory,
    PartnerFactory,
    UsefulLinkFactory,
)

CONFERENCE = {
    "start_date": datetime.date(2024, 3, 20),
    "end_date": datetime.date(2024, 3, 22),
    "contact_phone": "+33 (0)1 40 64 49 00",
    "contact_email": "conference@efus.eu",
    "organiser_url": "https://efus.eu/",
    "organiser_name": "Efus",
    "name_en": "Security, Democracy & Cities Conference",
    "name_fr": "Conférence Sécurité, Démocratie & Villes",
    "name_nl": "Conferentie Veiligheid, Democratie & Steden",
    "short_name_en": "Security, Democracy & Cities",
    "short_name_fr": "Sécurité, Démocratie & Villes",
    "short_name_nl": "Veiligheid, Democratie & Steden",
    "tagline_en": "Cities at the heart of tomorrow's security",
    "tagline_fr": "Les villes au cœur de la sécurité de demain",
    "tagline_nl": "Steden in het hart van de veiligheid van morgen",
    "city_en": "Brussels",
    "city_fr": "Bruxelles",
    "city_nl": "Brussel",
    "country_en": "Belgium",
    "country_fr": "Belgique",
    "country_nl": "België",
    "organiser_blurb_en": (
        "The European Forum for Urban Security (Efus) is a network of about 250 local and "
        "regional authorities from some 16 countries, based in Paris."
    ),
    "organiser_blurb_fr": (
        "Le Forum européen pour la sécurité urbaine (Efus) est un réseau d'environ 250 "
        "collectivités locales et régionales d'une quinzaine de pays, basé à Paris."
    ),
    "organiser_blurb_nl": (
        "Het Europees Forum voor Stedelijke Veiligheid (Efus) is een netwerk van ongeveer 250 "
        "lokale en regionale overheden uit een zestiental landen, gevestigd in Parijs."
    ),
    "copyright_line_en": "Copyright 2024 Colloquium, all rights reserved",
    "copyright_line_fr": "Copyright 2024 Colloquium, tous droits réservés",
    "copyright_line_nl": "Copyright 2024 Colloquium, alle rechten voorbehouden",
}

# Its venue, with the access facts (Venue).
VENUE = {
    "address": "Rue de la Loi 1, 1000 Brussels",
    "latitude": Decimal("50.846200"),
    "longitude": Decimal("4.365500"),
    "public_transport_en": (
        "Metro lines 1 and 5: Arts-Loi or Schuman station, five minutes on foot.\n\n"
        "Trains: Brussels-Central, fifteen minutes on foot, or one stop by metro from "
        "Brussels-Schuman.\n\nThere is no car park for participants: please come by public "
        "transport, by bike (racks at the entrance) or on foot."
    ),
    "public_transport_fr": (
        "Métro lignes 1 et 5 : station Arts-Loi ou Schuman, à cinq minutes à pied.\n\n"
        "Trains : Bruxelles-Central, à quinze minutes à pied, ou un arrêt de métro depuis "
        "Bruxelles-Schuman.\n\nAucun parking n'est prévu pour les participants : venez en "
        "transports en commun, à vélo (râteliers à l'entrée) ou à pied."
    ),
    "public_transport_nl": (
        "Metrolijnen 1 en 5: station Kunst-Wet of Schuman, vijf minuten te voet.\n\n"
        "Treinen: Brussel-Centraal, een kwartier te voet, of één metrohalte vanaf "
        "Brussel-Schuman.\n\nEr is geen parking voor deelnemers: kom met het openbaar "
        "vervoer, met de fiets (rekken aan de ingang) of te voet."
    ),
    "map_description_en": (
        "Ground floor (0): the main entrance (the arrow), registration desk, foyer and "
        "auditorium; the lifts are to the right of the entrance. First floor (1): rooms Europa and Horta, and the "
        "quiet room (the moon). Second floor (2): room Magritte."
    ),
    "map_description_fr": (
        "Rez-de-chaussée (0) : entrée principale (la flèche), accueil, foyer et auditorium ; "
        "les ascenseurs sont à droite de l'entrée. Premier étage (1) : salles Europa et Horta, et "
        "la salle calme (la lune). Deuxième étage (2) : salle Magritte."
    ),
    "map_description_nl": (
        "Gelijkvloers (0): hoofdingang (de pijl), onthaal, foyer en auditorium; de liften "
        "zijn rechts van de ingang. Eerste verdieping (1): zalen Europa en Horta, en de stille ruimte (de maan). "
        "Tweede verdieping (2): zaal Magritte."
    ),
    "step_free_access_en": (
        "Step-free from the street to every room: a ramp at the main entrance and two lifts. "
        "Accessible toilets on every floor."
    ),
    "step_free_access_fr": (
        "Accès de plain-pied de la rue à chaque salle : une rampe à l'entrée principale et "
        "deux ascenseurs. Toilettes accessibles à chaque étage."
    ),
    "step_free_access_nl": (
        "Drempelvrij van de straat tot in elke zaal: een helling aan de hoofdingang en twee "
        "liften. Toegankelijke toiletten op elke verdieping."
    ),
    "hearing_loop_en": "The auditorium and room Europa have an induction loop (T setting).",
    "hearing_loop_fr": "L'auditorium et la salle Europa sont équipés d'une boucle magnétique (position T).",
    "hearing_loop_nl": "Het auditorium en zaal Europa hebben een ringleiding (T-stand).",
    "interpretation_headsets_en": (
        "Headsets for simultaneous interpretation are handed out at the auditorium doors "
        "against an identity document, and returned there."
    ),
    "interpretation_headsets_fr": (
        "Les casques d'interprétation simultanée sont remis aux portes de l'auditorium contre "
        "une pièce d'identité, et y sont rendus."
    ),
    "interpretation_headsets_nl": (
        "Koptelefoons voor simultaanvertaling worden aan de deuren van het auditorium "
        "uitgedeeld tegen een identiteitsbewijs en daar weer ingeleverd."
    ),
    "quiet_room_en": "A quiet room with dimmed light is open all day on the first floor, next to room Horta.",
    "quiet_room_fr": "Une salle calme à la lumière tamisée est ouverte toute la journée au premier étage, à côté de la salle Horta.",
    "quiet_room_nl": "Een stille ruimte met gedimd licht is de hele dag open op de eerste verdieping, naast zaal Horta.",
    "access_contact_en": (
        "Tell us about any need (sign language, a companion, dietary needs) by 1 March: "
        "conference@efus.eu or +33 (0)1 40 64 49 00."
    ),
    "access_contact_fr": (
        "Signalez-nous tout besoin (langue des signes, accompagnant, régime alimentaire) avant "
        "le 1er mars : conference@efus.eu ou +33 (0)1 40 64 49 00."
    ),
    "access_contact_nl": (
        "Laat ons elke behoefte (gebarentaal, een begeleider, dieetwensen) weten vóór "
        "1 maart: conference@efus.eu of +33 (0)1 40 64 49 00."
    ),
    "name_en": "Brussels Conference Centre (demo venue)",
    "name_fr": "Centre de conférences de Bruxelles (lieu fictif)",
    "name_nl": "Congrescentrum Brussel (fictieve locatie)",
}

# Its registration (Registration).
REGISTRATION = {
    # A fictional registration system: organisers use their own.
    "url": "https://registration.example.org/efus-2024/",
    "opens": datetime.datetime(2023, 11, 6, 9, 0, tzinfo=CONFERENCE_TZ),
    "closes": datetime.datetime(2024, 3, 8, 23, 59, tzinfo=CONFERENCE_TZ),
}

# The homepage's texts (HomepageCopy).
HOMEPAGE = {
    "recap_en": (
        "For three days in Brussels, mayors, police officers, social workers, researchers "
        "and European institutions compared what works in urban security, from drug markets "
        "to crisis management and polarisation.\n\nThe closing plenary adopted the cities' "
        "agenda for urban security. Recordings, slides and written summaries of the "
        "sessions are below."
    ),
    "recap_fr": (
        "Pendant trois jours à Bruxelles, maires, policiers, travailleurs sociaux, "
        "chercheurs et institutions européennes ont comparé ce qui fonctionne en matière de "
        "sécurité urbaine, des marchés de la drogue à la gestion de crise et à la "
        "polarisation.\n\nLa plénière de clôture a adopté l'agenda des villes pour la "
        "sécurité urbaine. Les enregistrements, présentations et synthèses écrites des "
        "séances sont ci-dessous."
    ),
    "recap_nl": (
        "Drie dagen lang vergeleken burgemeesters, politiemensen, maatschappelijk werkers, "
        "onderzoekers en Europese instellingen in Brussel wat werkt voor stedelijke "
        "veiligheid, van drugsmarkten tot crisisbeheer en polarisatie.\n\nDe slotplenaire "
        "nam de agenda van de steden voor stedelijke veiligheid aan. Opnames, presentaties "
        "en schriftelijke samenvattingen van de sessies staan hieronder."
    ),
    "patronage_en": "Under the auspices of the Belgian Presidency of the Council of the European Union",
    "patronage_fr": "Sous les auspices de la Présidence belge du Conseil de l'Union européenne",
    "patronage_nl": "Onder de auspiciën van het Belgische voorzitterschap van de Raad van de Europese Unie",
    "intro_en": (
        "Every three years, the international and interdisciplinary Efus Security, Democracy "
        "& Cities conference brings together more than 800 participants from 150 cities and "
        "regions to discuss urban security and crime prevention priorities."
    ),
    "intro_fr": (
        "Tous les trois ans, la conférence internationale et interdisciplinaire Sécurité, "
        "Démocratie & Villes de l'Efus réunit plus de 800 participants venus de 150 villes et "
        "régions pour débattre des priorités en matière de sécurité urbaine et de prévention "
        "de la délinquance."
    ),
    "intro_nl": (
        "Om de drie jaar brengt de internationale en interdisciplinaire Efus-conferentie "
        "Veiligheid, Democratie & Steden meer dan 800 deelnemers uit 150 steden en regio's "
        "samen om de prioriteiten op het gebied van stedelijke veiligheid en "
        "criminaliteitspreventie te bespreken."
    ),
    "audience_en": (
        "Aimed at all urban security stakeholders (local, regional, national and European "
        "elected officials, civil servants, magistrates, security professionals, social "
        "workers, researchers, representatives of the private sector and civil society, "
        "experts and representatives of European institutions and international "
        "organisations), Efus' international conference is a unique opportunity to discuss "
        "local responses to security challenges facing local authorities."
    ),
    "audience_fr": (
        "Destinée à tous les acteurs de la sécurité urbaine (élus locaux, régionaux, nationaux "
        "et européens, fonctionnaires, magistrats, professionnels de la sécurité, travailleurs "
        "sociaux, chercheurs, représentants du secteur privé et de la société civile, experts "
        "et représentants des institutions européennes et des organisations internationales), "
        "la conférence internationale de l'Efus est une occasion unique de débattre des "
        "réponses locales aux défis de sécurité auxquels font face les collectivités."
    ),
    "audience_nl": (
        "De internationale conferentie van Efus richt zich tot alle betrokkenen bij stedelijke "
        "veiligheid (lokale, regionale, nationale en Europese verkozenen, ambtenaren, "
        "magistraten, veiligheidsprofessionals, maatschappelijk werkers, onderzoekers, "
        "vertegenwoordigers van de privésector en het maatschappelijk middenveld, experts en "
        "vertegenwoordigers van Europese instellingen en internationale organisaties) en is "
        "een unieke gelegenheid om lokale antwoorden op de veiligheidsuitdagingen van lokale "
        "besturen te bespreken."
    ),
    "speakers_heading_en": "Meet the speakers!",
    "speakers_heading_fr": "Découvrez les intervenants !",
    "speakers_heading_nl": "Maak kennis met de sprekers!",
    "newsletter_pitch_en": "News about the programme, speakers and registration, a few times a year.",
    "newsletter_pitch_fr": "Des nouvelles du programme, des intervenants et des inscriptions, quelques fois par an.",
    "newsletter_pitch_nl": "Nieuws over het programma, de sprekers en de inschrijving, enkele keren per jaar.",
}

# (figure, what it counts in en, fr, nl)
KEY_FIGURES = [
    ("800+", ("participants", "participants", "deelnemers")),
    ("150", ("cities and regions", "villes et régions", "steden en regio's")),
    ("3", ("days in Brussels", "jours à Bruxelles", "dagen in Brussel")),
    ("12", ("field visits", "visites de terrain", "bezoeken ter plaatse")),
]

PARTNERS = [
    ("Efus", Partner.Role.ORGANISER, "https://efus.eu/", "#00408f", 0),
    ("safe.brussels", Partner.Role.PARTNER, "https://safe.brussels/", "#d6004b", 1),
    (
        "Belgian Presidency of the Council of the EU",
        Partner.Role.PATRON,
        "https://belgian-presidency.consilium.europa.eu/",
        "#1d3b6e",
        2,
    ),
]

PAGES = [
    {
        "slug": "about-efus",
        "placement": Page.Placement.NAVIGATION,
        "order": 0,
        "title_en": "About Efus",
        "title_fr": "À propos de l'Efus",
        "title_nl": "Over Efus",
        "summary_en": "The European Forum for Urban Security and its conference.",
        "summary_fr": "Le Forum européen pour la sécurité urbaine et sa conférence.",
        "summary_nl": "Het Europees Forum voor Stedelijke Veiligheid en zijn conferentie.",
        "body_en": (
            "<p>The European Forum for Urban Security (Efus) brings together about 250 local "
            "and regional authorities from some 16 countries. Founded to help cities share "
            "what works in crime prevention, it is based in Paris and publishes in English "
            "and French.</p>"
            "<h2>The conference</h2>"
            "<p>Every three years, Efus gathers its members and partners for the Security, "
            "Democracy &amp; Cities conference. Brussels 2024 is the eighth edition, after "
            "Montreal (1989), Paris (1991), Naples (2000), Saragossa (2006), "
            "Aubervilliers–Saint-Denis (2012), Barcelona (2017) and Nice (2021).</p>"
        ),
        "body_fr": (
            "<p>Le Forum européen pour la sécurité urbaine (Efus) réunit environ 250 "
            "collectivités locales et régionales d'une quinzaine de pays. Créé pour aider les "
            "villes à partager ce qui fonctionne en matière de prévention, il est basé à Paris "
            "et publie en anglais et en français.</p>"
            "<h2>La conférence</h2>"
            "<p>Tous les trois ans, l'Efus réunit ses membres et partenaires pour la "
            "conférence Sécurité, Démocratie &amp; Villes. Bruxelles 2024 en est la huitième "
            "édition, après Montréal (1989), Paris (1991), Naples (2000), Saragosse (2006), "
            "Aubervilliers–Saint-Denis (2012), Barcelone (2017) et Nice (2021).</p>"
        ),
        "body_nl": (
            "<p>Het Europees Forum voor Stedelijke Veiligheid (Efus) verenigt ongeveer 250 "
            "lokale en regionale overheden uit een zestiental landen. Het werd opgericht om "
            "steden te helpen delen wat werkt in preventie, is gevestigd in Parijs en "
            "publiceert in het Engels en het Frans.</p>"
            "<h2>De conferentie</h2>"
            "<p>Om de drie jaar brengt Efus zijn leden en partners samen voor de conferentie "
            "Veiligheid, Democratie &amp; Steden. Brussel 2024 is de achtste editie, na "
            "Montreal (1989), Parijs (1991), Napels (2000), Zaragoza (2006), "
            "Aubervilliers–Saint-Denis (2012), Barcelona (2017) en Nice (2021).</p>"
        ),
    },
    {
        "slug": "practical-information",
        "placement": Page.Placement.FOOTER,
        "order": 1,
        "title_en": "Practical information",
        "title_fr": "Informations pratiques",
        "title_nl": "Praktische informatie",
        "summary_en": "Getting to the venue, languages and accessibility.",
        "summary_fr": "Accès au lieu, langues et accessibilité.",
        "summary_nl": "Bereikbaarheid, talen en toegankelijkheid.",
        "body_en": (
            "<h2>Venue</h2><p>The conference takes place in central Brussels, a short walk "
            "from the Schuman metro station. The venue is step-free throughout.</p>"
            "<h2>Languages</h2><p>Plenary sessions are interpreted between English, French, "
            "Dutch and Spanish. Thematic sessions state their language in the programme.</p>"
        ),
        "body_fr": (
            "<h2>Lieu</h2><p>La conférence se tient dans le centre de Bruxelles, à quelques "
            "minutes à pied de la station de métro Schuman. Le lieu est entièrement "
            "accessible de plain-pied.</p>"
            "<h2>Langues</h2><p>Les séances plénières sont interprétées entre l'anglais, le "
            "français, le néerlandais et l'espagnol. Le programme indique la langue de chaque "
            "séance thématique.</p>"
        ),
        "body_nl": (
            "<h2>Locatie</h2><p>De conferentie vindt plaats in het centrum van Brussel, op "
            "enkele minuten wandelen van metrostation Schuman. De locatie is overal "
            "drempelvrij.</p>"
            "<h2>Talen</h2><p>De plenaire sessies worden getolkt tussen het Engels, Frans, "
            "Nederlands en Spaans. Het programma vermeldt de taal van elke thematische "
            "sessie.</p>"
        ),
    },
]

USEFUL_LINKS = [
    ("https://efus.eu/", "Efus website", "Site de l'Efus", "Website van Efus", 0),
    ("https://safe.brussels/", "safe.brussels", "safe.brussels", "safe.brussels", 1),
    (
        "https://belgian-presidency.consilium.europa.eu/",
        "Belgian Presidency of the Council of the EU",
        "Présidence belge du Conseil de l'UE",
        "Belgisch voorzitterschap van de Raad van de EU",
        2,
    ),
]


def wordmark_png(text, colour):
    """A simple text logo, so the demo needs no downloaded artwork."""
    font = ImageFont.load_default(size=44)
    left, top, right, bottom = font.getbbox(text)
    image = Image.new("RGB", (right - left + 40, 96), "white")
    ImageDraw.Draw(image).text((20 - left, (96 - bottom - top) // 2), text, font=font, fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# Floor plan of the demo venue: (room name, box on a 960×640 canvas), floors numbered 0–2.
# Only proper names are written on it, so it reads the same in every language; the entrance
# is an arrow, the quiet room a moon, and the map's description says it all in words.
FLOOR_PLAN = [
    ("Auditorium", (40, 90, 420, 330)),
    ("Foyer", (40, 350, 420, 470)),
    ("", (40, 490, 420, 600)),
    ("Europa", (500, 90, 920, 250)),
    ("Horta", (500, 270, 760, 390)),
    ("", (780, 270, 920, 390)),
    ("Magritte", (500, 470, 920, 600)),
]
FLOORS = [("0", (40, 30)), ("1", (500, 30)), ("2", (500, 420))]


def floor_plan_png():
    """A simple floor plan of the demo venue, so the demo needs no downloaded artwork."""
    image = Image.new("RGB", (960, 640), "white")
    draw = ImageDraw.Draw(image)
    title = ImageFont.load_default(size=28)
    label = ImageFont.load_default(size=22)
    for floor, position in FLOORS:
        draw.text(position, floor, font=title, fill="#002a5e")
    for name, box in FLOOR_PLAN:
        draw.rectangle(box, fill="#e8eff8", outline="#00408f", width=3)
        draw.text((box[0] + 14, box[1] + 12), name, font=label, fill="#1b1f24")
    # The entrance: an arrow pointing in, from the street below.
    draw.polygon([(230, 515), (200, 555), (218, 555), (218, 590), (242, 590), (242, 555),
                  (260, 555)], fill="#00408f")  # fmt: skip
    # The quiet room: a crescent moon.
    draw.ellipse((825, 305, 875, 355), fill="#00408f")
    draw.ellipse((840, 297, 890, 347), fill="#e8eff8")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def part_fields(part, fields):
    """The factory's arguments for the fields of one of the conference's parts."""
    return {f"{part}__{name}": value for name, value in fields.items()}


def load(*, stdout, scale=0):
    venue = {**VENUE, "map": ContentFile(floor_plan_png(), name="venue-map.png")}
    conference = ConferenceFactory(
        **CONFERENCE,
        **part_fields("venue", venue),
        **part_fields("registration", REGISTRATION),
        **part_fields("homepage", HOMEPAGE),
    )
    for order, (value, label) in enumerate(KEY_FIGURES):
        KeyFigureFactory(conference=conference, order=order, value=value, label=label)
    for name, role, url, colour, order in PARTNERS:
        logo = ContentFile(wordmark_png(name, colour), name=f"{slugify(name)}-logo.png")
        PartnerFactory(name=name, role=role, url=url, order=order, logo=logo)
    for page in PAGES:
        PageFactory(**page)
    for url, title_en, title_fr, title_nl, order in USEFUL_LINKS:
        UsefulLinkFactory(url=url, title=(title_en, title_fr, title_nl), order=order)
    stdout.write("Conference, partners, pages and useful links loaded.")
