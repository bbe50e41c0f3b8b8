"""The subscriber export opens as it should in the organisers' own spreadsheets."""

import csv
import io

import pytest
from openpyxl import load_workbook

from efus_conf.demo.factories import SubscriberFactory

CHANGELIST = "/admin/newsletter/subscriber/"


def export(client, action, *subscribers):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [subscriber.pk for subscriber in subscribers]},
    )


def test_csv_quotes_a_name_holding_semicolons(client, signed_in_superuser):
    subscriber = SubscriberFactory(email="ana@example.org", name="Ana;=1+1;")
    text = export(client, "export_confirmed_csv", subscriber).content.decode("utf-8-sig")
    assert text.splitlines()[1].startswith('"ana@example.org","Ana;')


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_no_cell_starts_a_formula_whatever_separator_the_spreadsheet_splits_on(
    client, signed_in_superuser, separator
):
    subscriber = SubscriberFactory(name="Ana;=1+1;\t@SUM(A1),-2")
    text = export(client, "export_confirmed_csv", subscriber).content.decode("utf-8-sig")
    # Excel set to ';' (French, Dutch and Belgian locales) splits on every ';', quotes or not.
    cells = [cell for line in text.splitlines() for cell in line.split(separator)]
    assert not any(cell.lstrip('"').startswith(("=", "+", "-", "@")) for cell in cells)


@pytest.mark.parametrize("name", ["Ana\tBo", "Ana, Bo", "Ana\nBo"])
def test_csv_quotes_names_holding_tabs_commas_and_newlines(client, signed_in_superuser, name):
    subscriber = SubscriberFactory(name=name)
    text = export(client, "export_confirmed_csv", subscriber).content.decode("utf-8-sig")
    assert f'"{name}"' in text
    assert next(csv.reader(io.StringIO(text.split("\r\n", 1)[1])))[1] == name


def test_csv_starts_with_a_byte_order_mark_so_accents_survive(client, signed_in_superuser):
    subscriber = SubscriberFactory(name="Amélie")
    content = export(client, "export_confirmed_csv", subscriber).content
    assert content.startswith(b"\xef\xbb\xbf")
    assert "Amélie".encode() in content


def test_csv_still_defuses_formulas(client, signed_in_superuser):
    subscriber = SubscriberFactory(name="=HYPERLINK(1)")
    text = export(client, "export_confirmed_csv", subscriber).content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[1][1] == "'=HYPERLINK(1)"


def test_xlsx_lists_the_confirmed_subscribers_with_formulas_defused(client, signed_in_superuser):
    confirmed = SubscriberFactory(email="b@example.org", name="=HYPERLINK(1)", language="fr")
    pending = SubscriberFactory(email="p@example.org", status="pending")
    response = export(client, "export_confirmed_xlsx", confirmed, pending)
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row[:3]] for row in sheet.iter_rows()]
    assert rows == [["email", "name", "language"], ["b@example.org", "'=HYPERLINK(1)", "fr"]]
    assert {cell.data_type for row in sheet.iter_rows() for cell in row} == {"s"}
