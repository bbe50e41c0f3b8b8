# The content version now belongs to the cache app (cache 0001), which keeps its table.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('efus_conf', '0007_key_figures_history'),
        ('cache', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='ContentVersion')],
        ),
    ]
