from efus_conf.demo.factories import ConferenceFactory
from tests.support.admin_forms import change_form_data


def test_conference_admin_has_a_tab_per_language(client, conference, signed_in_superuser):
    html = client.get(f"/admin/efus_conf/conference/{conference.pk}/change/").content.decode()
    for language in ["en", "fr", "nl"]:
        assert f'name="tagline_{language}"' in html
    assert "vendor/jquery-ui/jquery-ui" in html
    assert "googleapis" not in html


def test_organiser_changes_the_french_tagline_and_sees_it_on_the_french_homepage(
    client, signed_in_superuser
):
    conference = ConferenceFactory(tagline_en="Cities at the heart of security")
    url = f"/admin/efus_conf/conference/{conference.pk}/change/"
    data = change_form_data(
        client.get(url).content.decode(),
        "conference",
        tagline_fr="Les villes, cœur battant de la sécurité",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "Les villes, cœur battant de la sécurité" in client.get("/fr/").content.decode()
    assert "Cities at the heart of security" in client.get("/en/").content.decode()


def test_admin_refuses_a_second_conference(client, conference, signed_in_superuser):
    assert client.get("/admin/efus_conf/conference/add/").status_code == 403
