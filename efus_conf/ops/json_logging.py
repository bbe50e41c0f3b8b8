"""JSON-lines log formatter: one object per line on stdout, for the log collector."""

import datetime
import json
import logging

# Attributes every LogRecord has; anything else was passed with `extra=` and is kept.
STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JSONFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key in STANDARD_ATTRIBUTES or key.startswith("_"):
                continue
            if key == "request":
                # django.request passes the HttpRequest itself: keep what identifies it.
                entry["method"] = getattr(value, "method", None)
                entry["path"] = getattr(value, "path", None)
            else:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)
