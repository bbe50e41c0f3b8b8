"""Bad input the fuzz tests (tests/test_fuzz.py) found, pinned down one by one."""

import pytest

from newsletter.models import Subscriber
from tests.newsletter.submissions import form_data

INVALID = "This does not look like an email address"


# PostgreSQL refuses a value over the column's length; SQLite stores it.
@pytest.mark.database
@pytest.mark.parametrize(
    "address",
    [
        # IDNA cannot encode a label this long: the address used to be stored unencoded.
        "a@" + "ü" * 60 + ".de",
        # 211 characters as typed, 259 once the domain is encoded: over the column's 254.
        "a" * 40 + "@" + ".".join(["ü" * 20] * 8) + ".de",
        # Django's validator matches letters without regard to case: "ſ" passes as "s".
        "ſ@example.org",
    ],
)
def test_address_that_cannot_be_stored_as_ascii_is_refused_with_a_message(client, db, address):
    response = client.post("/en/newsletter/", form_data(address))
    assert response.status_code == 200
    assert INVALID in response.content.decode()
    assert not Subscriber.objects.exists()


def test_international_domain_is_still_accepted_and_stored_encoded(client, db):
    client.post("/en/newsletter/", form_data("ana@bücher.example"))
    assert Subscriber.objects.get().email == "ana@xn--bcher-kva.example"


@pytest.mark.database
@pytest.mark.parametrize("source", ["/" + "x" * 400, "/fr/\x00", "https://evil.example/"])
def test_bad_hidden_page_path_is_dropped_rather_than_an_error_nobody_can_see(client, db, source):
    response = client.post("/fr/newsletter/", form_data("ana@example.org", "fr", source=source))
    assert response.status_code == 302
    assert Subscriber.objects.get().consent_page == "/fr/newsletter/"
