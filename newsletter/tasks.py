"""The newsletter's background work, run by `manage.py db_worker` (django-tasks-db)."""

from django.tasks import task


@task
def send_mail(mail_id):
    """Send one queued newsletter mail (newsletter.models.Mail)."""
    # Imported here: services imports this module to enqueue the task.
    from newsletter import services

    services.deliver(mail_id=mail_id)
