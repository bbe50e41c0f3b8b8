from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo conference (`manage.py loaddemo`): content for development and benchmarks."""

    name = "efus_conf.demo"
    label = "demo"
