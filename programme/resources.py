from django.utils.translation import gettext as _
from import_export import fields, widgets

from efus_conf.conference.models import Conference
from efus_conf.core.spreadsheets import ContentResource, default_language_column, localized_columns
from programme.models import Room, Session, Track
from programme.schedule_import import free_slug
from speakers.models import Speaker


class LanguageListWidget(widgets.Widget):
    """Interpretation languages as "fr,nl", as the model stores them."""

    def clean(self, value, row=None, **kwargs):
        return [code.strip() for code in str(value or "").split(",") if code.strip()]

    def render(self, value, obj=None, **kwargs):
        return ",".join(value or [])


class NamedWidget(widgets.ForeignKeyWidget):
    """A room or track by its name in the default language; one the site lacks is created,
    so that a programme can be imported into an empty site (in the preview too, where the
    import's transaction is rolled back)."""

    def __init__(self, model):
        super().__init__(model, field=default_language_column("name"))

    def clean(self, value, row=None, **kwargs):
        name = str(value or "").strip()
        if not name:
            return None
        found = self.get_queryset(value, row, **kwargs).filter(**{self.field: name}).first()
        if found is None:
            found = self.new(name)
            if hasattr(found, "slug"):
                found.slug = free_slug(self.model, name, max_length=80)
            found.save()
        return found

    def new(self, name):
        return self.model(**{self.field: name})


class RoomWidget(NamedWidget):
    """A room of the current conference's venue, by its name."""

    def __init__(self):
        super().__init__(Room)

    def venue(self):
        conference = Conference.objects.current()
        if conference is None:
            raise ValueError(_("The site has no conference yet."))
        return conference.venue

    def get_queryset(self, value, row, *args, **kwargs):
        return self.venue().rooms.all()

    def new(self, name):
        room = super().new(name)
        room.venue = self.venue()
        return room


class SessionResource(ContentResource):
    room = fields.Field(attribute="room", column_name="room", widget=RoomWidget())
    track = fields.Field(attribute="track", column_name="track", widget=NamedWidget(Track))
    speakers = fields.Field(
        attribute="speakers",
        column_name="speakers",
        widget=widgets.ManyToManyWidget(Speaker, field="slug", separator=","),
    )
    interpretation = fields.Field(
        attribute="interpretation", column_name="interpretation", widget=LanguageListWidget()
    )

    class Meta(ContentResource.Meta):
        model = Session
        fields = [
            "slug",
            *localized_columns(Session),
            "start",
            "end",
            "room",
            "track",
            "format",
            "language",
            "interpretation",
            "registration_url",
            "speakers",
            "published",
        ]
        export_order = fields
