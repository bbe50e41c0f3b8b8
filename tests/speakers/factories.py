import factory

from speakers.models import Speaker


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Test Speaker {n}")
    slug = factory.Sequence(lambda n: f"test-speaker-{n}")
    role_en = "Deputy Mayor for Public Safety"
    role_fr = "Adjointe au maire chargée de la sécurité"
    role_nl = "Schepen van Veiligheid"
    organisation_en = "City of Lindenhaven"
    country = "DE"
    published = True
