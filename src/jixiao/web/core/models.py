"""Storage of documents, tables, budget lines and indicators.

Money is integer 分 (`*_fen`), weights and scores integer hundredths (`*_centi`): exact on SQLite
and PostgreSQL alike. Every cell as printed is kept beside its normalised value.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jixiao.domain.model import budget_cell
from jixiao.domain.money import from_fen


def centi(value: Decimal | None) -> int | None:
    """Decimal → integer hundredths, exact for the two decimals weights and scores carry."""
    return None if value is None else int((value * 100).to_integral_value())


def from_centi(value: int | None) -> Decimal | None:
    if value is None:
        return None
    d = Decimal(value) / 100
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


class FiscalYear(models.Model):
    year = models.PositiveIntegerField(_("年度"), unique=True)

    class Meta:
        verbose_name = _("预算年度")
        verbose_name_plural = _("预算年度")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年"


class Department(models.Model):
    name = models.CharField(_("部门名称"), max_length=200, unique=True)
    code = models.CharField(_("部门编码"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        ordering = ["code", "name"]

    def __str__(self) -> str:
        return self.name


class SourceDocument(models.Model):
    """One file as it arrived: where it came from, how it was read, and its content hash."""

    fiscal_year = models.ForeignKey(FiscalYear, models.PROTECT, verbose_name=_("年度"), null=True, blank=True)
    department = models.ForeignKey(Department, models.PROTECT, verbose_name=_("部门"), null=True, blank=True)
    source_path = models.CharField(_("来源文件"), max_length=500)
    reader = models.CharField(_("读取方式"), max_length=30)
    encoding = models.CharField(_("文字编码"), max_length=30, blank=True)
    sha256 = models.CharField(_("内容摘要"), max_length=64, unique=True)
    money_unit = models.CharField(_("金额单位"), max_length=10, default="万元")
    warnings = models.JSONField(_("读取提示"), default=list, blank=True)
    loaded_at = models.DateTimeField(_("导入时间"), auto_now_add=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=_("导入人")
    )
    # a later file with the same department, year and tables replaces this one; history is kept
    superseded_by = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="supersedes", verbose_name=_("被替换为")
    )

    class Meta:
        verbose_name = _("来源文件")
        verbose_name_plural = _("来源文件")
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return self.source_path


class TargetTable(models.Model):
    KIND_CHOICES = [("department", _("部门整体")), ("project", _("项目/专项"))]
    STAGE_CHOICES = [("target", _("目标")), ("monitoring", _("运行监控")), ("self_evaluation", _("自评"))]

    document = models.ForeignKey(
        SourceDocument, models.CASCADE, related_name="tables", verbose_name=_("来源文件")
    )
    position = models.PositiveIntegerField(_("顺序"))
    kind = models.CharField(_("类别"), max_length=20, choices=KIND_CHOICES)
    stage = models.CharField(_("阶段"), max_length=20, choices=STAGE_CHOICES, default="target")
    title = models.CharField(_("表名"), max_length=200)
    name = models.CharField(_("项目名称"), max_length=300, blank=True, null=True)
    department = models.ForeignKey(
        Department, models.PROTECT, verbose_name=_("业务主管部门"), null=True, blank=True
    )
    department_raw = models.CharField(_("业务主管部门（原文）"), max_length=300, blank=True, null=True)
    preparer = models.CharField(_("编制单位"), max_length=300, blank=True, null=True)
    fiscal_year = models.ForeignKey(FiscalYear, models.PROTECT, verbose_name=_("年度"), null=True, blank=True)
    budget_total_fen = models.BigIntegerField(_("预算总额（分）"), null=True, blank=True)
    budget_total_raw = models.CharField(_("预算总额（原文）"), max_length=50, blank=True, null=True)
    budget_label = models.CharField(_("预算总额栏目"), max_length=100, blank=True, null=True)
    overview = models.TextField(_("项目概况"), blank=True, null=True)
    basis = models.TextField(_("立项依据"), blank=True, null=True)
    goal = models.TextField(_("绩效目标"), blank=True, null=True)
    where = models.JSONField(_("原文位置"), default=dict, blank=True)
    # other header fields as printed (实施单位, 年度履职目标, 中长期目标, 监控期间 …)
    extra = models.JSONField(_("其他栏目"), default=dict, blank=True)
    # self-evaluation and monitoring
    budget_executed_fen = models.BigIntegerField(_("执行数（分）"), null=True, blank=True)
    budget_executed_raw = models.CharField(_("执行数（原文）"), max_length=50, blank=True, null=True)
    execution_rate_centi = models.BigIntegerField(_("执行率（百分之一）"), null=True, blank=True)
    execution_rate_raw = models.CharField(_("执行率（原文）"), max_length=20, blank=True, null=True)
    score_total_centi = models.BigIntegerField(_("总分（百分之一）"), null=True, blank=True)
    score_total_raw = models.CharField(_("总分（原文）"), max_length=20, blank=True, null=True)
    grade = models.CharField(_("自评等级"), max_length=20, blank=True, null=True)

    class Meta:
        verbose_name = _("绩效目标表")
        verbose_name_plural = _("绩效目标表")
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "position"], name="table_position_unique")]

    def __str__(self) -> str:
        return f"{self.title}{' — ' + self.name if self.name else ''}"

    def _amount(self, fen: int | None) -> Decimal | None:
        """Stored 分 as an amount in the document's money unit, two places."""
        return None if fen is None else from_fen(fen, self.document.money_unit, places=2)

    @property
    def budget_total(self) -> Decimal | None:
        return self._amount(self.budget_total_fen)

    @property
    def extra_columns(self) -> int:
        """Columns the form shows beyond a target table's: actual, score or forecast, deviation."""
        return 0 if self.stage == "target" else 3

    @property
    def budget_rows(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Budget lines by source of funds: a monitoring or self-evaluation table reads its money
        block by columns, so a line "财政拨款·1-7月执行数" is that source's cell in that column."""
        rows: dict[str, list[tuple[str, str]]] = {}
        for b in self.budget_lines.all():
            source, column = budget_cell(b.label)
            rows.setdefault(source, []).append((column, b.raw))
        return list(rows.items())

    @property
    def budget_executed(self) -> Decimal | None:
        return self._amount(self.budget_executed_fen)

    @property
    def execution_rate(self) -> Decimal | None:
        return (
            Decimal(self.execution_rate_raw)
            if self.execution_rate_raw
            else from_centi(self.execution_rate_centi)
        )

    @property
    def score_total(self) -> Decimal | None:
        return Decimal(self.score_total_raw) if self.score_total_raw else from_centi(self.score_total_centi)


class BudgetLine(models.Model):
    table = models.ForeignKey(
        TargetTable, models.CASCADE, related_name="budget_lines", verbose_name=_("绩效目标表")
    )
    position = models.PositiveIntegerField(_("顺序"))
    label = models.CharField(_("栏目"), max_length=100)
    amount_fen = models.BigIntegerField(_("金额（分）"), null=True, blank=True)
    raw = models.CharField(_("金额（原文）"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("预算明细")
        verbose_name_plural = _("预算明细")
        ordering = ["table", "position"]

    def __str__(self) -> str:
        return self.label


class Indicator(models.Model):
    table = models.ForeignKey(
        TargetTable, models.CASCADE, related_name="indicators", verbose_name=_("绩效目标表")
    )
    position = models.PositiveIntegerField(_("顺序"))
    level1 = models.CharField(_("一级指标"), max_length=20, blank=True, null=True)
    level2 = models.CharField(_("二级指标"), max_length=50, blank=True, null=True)
    name = models.CharField(_("指标名称"), max_length=500, blank=True)
    weight_centi = models.BigIntegerField(_("权重（百分之一）"), null=True, blank=True)
    operator = models.CharField(_("方向"), max_length=20, blank=True, null=True)
    value = models.CharField(_("指标值"), max_length=500, blank=True, null=True)
    unit = models.CharField(_("计量单位"), max_length=50, blank=True, null=True)
    raw = models.JSONField(_("原文"), default=dict, blank=True)
    where = models.JSONField(_("原文位置"), default=dict, blank=True)
    actual = models.CharField(_("实际完成值"), max_length=500, blank=True, null=True)
    score_centi = models.BigIntegerField(_("得分（百分之一）"), null=True, blank=True)
    deviation = models.TextField(_("偏差原因"), blank=True, null=True)

    class Meta:
        verbose_name = _("绩效指标")
        verbose_name_plural = _("绩效指标")
        ordering = ["table", "position"]

    def __str__(self) -> str:
        return self.name

    @property
    def weight(self) -> Decimal | None:
        return from_centi(self.weight_centi)


class AuditLog(models.Model):
    """Every state change, written by the service that made it, in the same transaction."""

    at = models.DateTimeField(_("时间"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=_("操作人")
    )
    action = models.CharField(_("操作"), max_length=100)
    object_type = models.CharField(_("对象类型"), max_length=50)
    object_id = models.BigIntegerField(_("对象编号"), null=True)
    data = models.JSONField(_("详情"), default=dict, blank=True)

    class Meta:
        verbose_name = _("操作记录")
        verbose_name_plural = _("操作记录")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


class Finding(models.Model):
    """A review finding on a stored document, with the reviewer's decision on it."""

    SEVERITY_CHOICES = [("error", _("错误")), ("warning", _("警告")), ("info", _("提示"))]
    STATUS_CHOICES = [("open", _("待处理")), ("accepted", _("已采纳")), ("dismissed", _("已驳回"))]

    document = models.ForeignKey(
        SourceDocument, models.CASCADE, related_name="findings", verbose_name=_("来源文件")
    )
    table = models.ForeignKey(TargetTable, models.CASCADE, null=True, blank=True, related_name="findings")
    indicator = models.ForeignKey(Indicator, models.CASCADE, null=True, blank=True, related_name="findings")
    code = models.CharField(_("规则代码"), max_length=60)
    severity = models.CharField(_("级别"), max_length=10, choices=SEVERITY_CHOICES)
    message = models.TextField(_("问题与修改建议"))
    basis = models.CharField(_("依据"), max_length=200)
    where = models.JSONField(_("原文位置"), default=dict, blank=True)
    status = models.CharField(_("处理状态"), max_length=10, choices=STATUS_CHOICES, default="open")
    reason = models.TextField(_("处理理由"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=_("处理人")
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("审核意见")
        verbose_name_plural = _("审核意见")
        ordering = ["document", "table__position", "indicator__position", "id"]
        permissions = [("decide_finding", _("可以采纳或驳回审核意见"))]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "table", "indicator", "code"], name="finding_unique_place"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.message[:40]}"


class ImportBatch(models.Model):
    """Files uploaded together: checked one by one (a dry run), then committed file by file."""

    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name=_("上传人")
    )

    class Meta:
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M}"


class ImportFile(models.Model):
    STATUS_CHOICES = [
        ("uploaded", _("待检查")),
        ("checked", _("可导入")),
        ("failed", _("无法读取")),
        ("stored", _("已导入")),
        ("duplicate", _("已存在")),
    ]

    batch = models.ForeignKey(ImportBatch, models.CASCADE, related_name="files", verbose_name=_("导入批次"))
    position = models.PositiveIntegerField(_("顺序"))
    name = models.CharField(_("文件名"), max_length=255)
    size = models.BigIntegerField(_("大小"))
    stored_path = models.CharField(_("保存位置"), max_length=500)
    status = models.CharField(_("状态"), max_length=10, choices=STATUS_CHOICES, default="uploaded")
    report = models.JSONField(_("检查结果"), default=dict, blank=True)
    document = models.ForeignKey(
        SourceDocument, models.SET_NULL, null=True, blank=True, verbose_name=_("导入的文件")
    )

    class Meta:
        verbose_name = _("导入文件")
        verbose_name_plural = _("导入文件")
        ordering = ["batch", "position"]

    def __str__(self) -> str:
        return self.name
