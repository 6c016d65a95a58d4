from django.apps import AppConfig


class DeclareConfig(AppConfig):
    name = "jixiao.web.declare"
    label = "declare"
