"""The privacy notice page the consent checkbox links to, created only where it is missing.

A production database starts with a real notice instead of a broken link; organisers edit it
in the admin afterwards, so unapplying this migration leaves their page alone.
"""

from django.db import migrations

from newsletter.privacy_notice import PRIVACY_PAGE, SLUG


def create_privacy_notice(apps, schema_editor):
    Page = apps.get_model("efus_conf", "Page")
    # The untranslated columns hold the default language; modeltranslation is not active
    # on migration models, so they are filled here.
    Page.objects.using(schema_editor.connection.alias).get_or_create(
        slug=SLUG,
        defaults={
            **PRIVACY_PAGE,
            "title": PRIVACY_PAGE["title_en"],
            "summary": PRIVACY_PAGE["summary_en"],
            "body": PRIVACY_PAGE["body_en"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("efus_conf", "0001_initial"),
        ("newsletter", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_privacy_notice, migrations.RunPython.noop)]
