"""JSON-lines logs (python-json-logger): one object per line on stdout, for the log collector.

Each line holds time (UTC, ISO 8601), level, logger and message, whatever was passed with
`extra=`, and the exception's traceback if there is one.
"""

from pythonjsonlogger.json import JsonFormatter


class JSONFormatter(JsonFormatter):
    def __init__(self):
        super().__init__(
            ["levelname", "name", "message"],
            rename_fields={"levelname": "level", "name": "logger", "exc_info": "exception"},
            timestamp="time",
            json_ensure_ascii=False,
        )

    def process_log_record(self, log_data):
        # django.request passes the HttpRequest itself: keep what identifies it.
        if (request := log_data.pop("request", None)) is not None:
            log_data["method"] = getattr(request, "method", None)
            log_data["path"] = getattr(request, "path", None)
        return log_data
