"""Mail goes through a queue: each mail owed to a subscriber is a row with its state."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def failures_become_failed_mails(apps, schema_editor):
    """A mail that had failed before the queue existed stays findable by "Retry failed mails"."""
    Subscriber = apps.get_model("newsletter", "Subscriber")
    Mail = apps.get_model("newsletter", "Mail")
    failed = Subscriber.objects.using(schema_editor.connection.alias).exclude(last_mail_error="")
    Mail.objects.using(schema_editor.connection.alias).bulk_create(
        Mail(
            subscriber=subscriber,
            kind="confirmation" if subscriber.status == "pending" else "notice",
            status="failed",
            attempts=1,
            queued_at=subscriber.last_mail_attempt_at or subscriber.consented_at,
            last_attempt_at=subscriber.last_mail_attempt_at,
            last_error=subscriber.last_mail_error,
        )
        for subscriber in failed.exclude(status="unsubscribed")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('newsletter', '0003_rate_limit_counters'),
    ]

    operations = [
        migrations.CreateModel(
            name='Mail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('confirmation', 'Confirmation'), ('notice', '“Already subscribed” notice')], max_length=20, verbose_name='mail')),
                ('status', models.CharField(choices=[('queued', 'Queued'), ('retrying', 'Failed, will be retried'), ('sent', 'Sent'), ('failed', 'Failed'), ('cancelled', 'Not sent: no longer needed')], db_index=True, default='queued', max_length=20, verbose_name='status')),
                ('queued_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='queued at')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                ('last_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='last attempt')),
                ('next_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='next attempt')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                ('last_error', models.TextField(blank=True, help_text='What the mail server or the network answered.', verbose_name='last error')),
                ('subscriber', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='mails', to='newsletter.subscriber', verbose_name='subscriber')),
            ],
            options={
                'verbose_name': 'mail',
                'verbose_name_plural': 'mails',
                'ordering': ['-queued_at', '-pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('status', 'sent'), _negated=True), ('sent_at__isnull', False), _connector='OR'), name='newsletter_sent_mail_has_a_date')],
            },
        ),
        migrations.RunPython(failures_become_failed_mails, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='subscriber',
            name='last_mail_attempt_at',
        ),
        migrations.RemoveField(
            model_name='subscriber',
            name='last_mail_error',
        ),
    ]
