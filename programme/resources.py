from import_export import fields, widgets

from efus_conf.spreadsheets import ContentResource, default_language_column, localized_columns
from programme.models import Room, Session, Track
from speakers.models import Speaker


class LanguageListWidget(widgets.Widget):
    """Interpretation languages as "fr,nl", as the model stores them."""

    def clean(self, value, row=None, **kwargs):
        return [code.strip() for code in str(value or "").split(",") if code.strip()]

    def render(self, value, obj=None, **kwargs):
        return ",".join(value or [])


class SessionResource(ContentResource):
    room = fields.Field(
        attribute="room",
        column_name="room",
        widget=widgets.ForeignKeyWidget(Room, field=default_language_column("name")),
    )
    track = fields.Field(
        attribute="track",
        column_name="track",
        widget=widgets.ForeignKeyWidget(Track, field="slug"),
    )
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
