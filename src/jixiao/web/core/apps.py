from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "jixiao.web.core"
    label = "core"
    verbose_name = _("绩效目标数据")
