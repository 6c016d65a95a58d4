from django.contrib import admin

from jixiao.web.core import models


class BudgetLineInline(admin.TabularInline):
    model = models.BudgetLine
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = models.Indicator
    extra = 0
    fields = ("position", "level1", "level2", "name", "weight_centi", "operator", "value", "unit")


@admin.register(models.FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):
    list_display = ("year",)


@admin.register(models.Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")


@admin.register(models.SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ("source_path", "department", "fiscal_year", "reader", "loaded_at")
    list_filter = ("fiscal_year", "reader")
    readonly_fields = ("sha256", "loaded_at")


@admin.register(models.TargetTable)
class TargetTableAdmin(admin.ModelAdmin):
    list_display = ("title", "name", "department", "fiscal_year", "kind")
    list_filter = ("kind", "fiscal_year")
    search_fields = ("name", "title")
    inlines = [BudgetLineInline, IndicatorInline]


@admin.register(models.AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ("at", "action", "actor", "object_type", "object_id")
    list_filter = ("action",)
    readonly_fields = ("at", "actor", "action", "object_type", "object_id", "data")


@admin.register(models.Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ("code", "severity", "status", "table", "indicator", "decided_by")
    list_filter = ("severity", "status", "code")
    search_fields = ("message", "code")
    readonly_fields = ("document", "table", "indicator", "code", "severity", "message", "basis", "where")
