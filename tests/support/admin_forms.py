"""Submit an admin change form as a browser would: every field with the value it shows."""

from html.parser import HTMLParser


class FormValues(HTMLParser):
    """The values of the first form with id `form_id`, as a browser would send them."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.values = {}
        self.select = None
        self.textarea = None

    def add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.add(attrs["name"], attrs.get("value", "on"))
            elif kind not in {"file", "submit", "button", "image", "reset"}:
                self.add(attrs["name"], attrs.get("value") or "")
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.add(self.textarea, "")

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # Browsers drop the newline Django's admin puts right after <textarea>.
            value = self.values[self.textarea][-1]
            self.values[self.textarea][-1] = value.removeprefix("\n")
            self.textarea = None


def change_form_data(html, model_name, **changes):
    """The POST data of an admin change page, with `changes` applied."""
    parser = FormValues(f"{model_name}_form")
    parser.feed(html)
    data = dict(parser.values)
    data.update({name: [value] for name, value in changes.items()})
    return data
