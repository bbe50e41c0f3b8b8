"""What the subscription form posts, for the tests that fill it in."""


def form_data(email_address, language="en", **extra):
    return {
        "email": email_address,
        "name": "",
        "organisation": "",
        "language": language,
        "consent": "on",
        "source": f"/{language}/",
        "website": "",
        **extra,
    }
