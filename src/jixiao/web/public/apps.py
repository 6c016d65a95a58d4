from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "jixiao.web.public"
    label = "public"
