from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "jixiao.web.core"
    label = "core"
    verbose_name = _("绩效目标数据")

    def ready(self) -> None:
        from jixiao.web.core.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="jixiao-ensure-roles")
