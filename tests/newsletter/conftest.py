import pytest


@pytest.fixture
def privacy_page(db):
    from efus_conf.conference.models import Page

    # A migration creates the notice on every database; tests pin a short, known body.
    page, _created = Page.objects.update_or_create(
        slug="privacy",
        defaults={
            "title": "Privacy notice",
            "body": "<p>What we store.</p>",
            "placement": "footer",
        },
    )
    return page
