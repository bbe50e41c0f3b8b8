from efus_conf.core.spreadsheets import ContentResource, localized_columns
from speakers.models import Speaker


class SpeakerResource(ContentResource):
    class Meta(ContentResource.Meta):
        model = Speaker
        fields = [
            "slug",
            "name",
            *localized_columns(Speaker),
            "country",
            "photo_credit",
            "website",
            "linkedin",
            "mastodon",
            "bluesky",
            "x",
            "featured",
            "featured_order",
            "published",
        ]
        export_order = fields
