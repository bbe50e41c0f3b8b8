# The content version moved here from the conference app: its table already exists (created by
# efus_conf 0003, and kept under its name), so only Django's state learns of it.
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [('efus_conf', '0007_key_figures_history')]
    operations = [migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
        name='ContentVersion',
        fields=[
            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
            ('number', models.PositiveBigIntegerField(default=1)),
            ('changed_at', models.DateTimeField()),
        ],
        options={
            'verbose_name': 'content version',
            'db_table': 'efus_conf_contentversion',
            'constraints': [models.CheckConstraint(condition=models.Q(('pk', 1)), name='content_version_one_row')],
        },
    )])]
