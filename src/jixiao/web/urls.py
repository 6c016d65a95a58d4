from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from jixiao.web.declare import views as declare
from jixiao.web.public import views as public
from jixiao.web.review import views as review

admin.site.site_header = "jixiao 预算绩效目标管理"
admin.site.site_title = "jixiao 管理后台"
admin.site.index_title = "数据管理"

urlpatterns = [
    path("", public.home, name="home"),
    path("y/<int:year>/", public.home, name="year"),
    path("y/<int:year>/d/<int:department_id>/", public.department, name="department"),
    path("undated/<int:document_id>/", public.undated, name="undated"),
    path("y/<int:year>/d/<int:department_id>/print/", public.department_print, name="department_print"),
    path(
        "y/<int:year>/d/<int:department_id>/export.<str:fmt>",
        public.department_export,
        name="department_export",
    ),
    path("review/<int:year>/", review.overview, name="review_overview"),
    path("review/finding/<int:finding_id>/decide/", review.decide_finding, name="decide_finding"),
    path("import/", declare.upload, name="import_upload"),
    path("import/<int:batch_id>/", declare.batch, name="import_batch"),
    path("import/<int:batch_id>/check-next/", declare.check_next, name="import_check_next"),
    path("import/<int:batch_id>/commit-next/", declare.commit_next, name="import_commit_next"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
