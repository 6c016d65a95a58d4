"""The labels that templates print, with their synonyms, mapped to the fields they introduce.

Header rows are found by these labels, never by position.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.domain.cache import memo
from jixiao.domain.values import unspaced

# compiled once: label_key and label_unit run for every cell of 12,500 tables' head blocks
_UNIT_ASIDE = re.compile(r"\((万元|元|亿元|%|分|盖章|公章|签章|签字|签名)\)")
MONEY_UNIT_ASIDE = re.compile(r"[(（](万元|元|亿元)[)）]")


@memo(1 << 16)
def label_key(text: str) -> str:
    """Compare labels without spaces, colons, brackets or the unit in brackets."""
    s = unicodedata.normalize("NFKC", text)
    s = unspaced(s)
    s = _UNIT_ASIDE.sub("", s)
    return s.strip(":：*")


# Table titles: "部门整体绩效目标表", "2024年项目支出绩效目标表", "部门专项绩效目标申报表" …
TITLE = re.compile(
    r"^(?P<year>\d{4}年(度)?)?.{0,30}?"
    r"(绩效目标(申报|审核|执行|运行)?(监控)?(情况)?(汇总|一览|公开|公示)?表|绩效(运行)?监控(情况)?(汇总)?表"
    r"|绩效自评(价)?(结果|情况)?(汇总)?表|支出绩效评价表)(\(.*\))?$"
)
DEPARTMENT_TITLE = re.compile(r"部门整体|整体支出|单位整体|部门\(单位\)整体")
SELF_EVALUATION_TITLE = re.compile(r"自评")
MONITORING_TITLE = re.compile(r"监控")

# Header fields of a table. Value: the field in TargetTable.
HEADER_FIELDS: dict[str, str] = {
    "业务主管部门": "department",
    "主管部门": "department",
    "部门名称": "department",
    "部门(单位)名称": "department",
    "单位名称": "department",
    "预算部门": "department",
    "主管部门及代码": "department",
    "编制单位": "preparer",
    "填报单位": "preparer",
    "申报单位": "preparer",
    "专项资金名称": "name",
    "专项名称": "name",
    "资金名称": "name",
    "项目名称(代码)": "name",
    "项目名称及编码": "name",
    "项目名称": "name",
    "项目支出名称": "name",
    "部门支出预算总量": "budget_total",
    "年度资金总额": "budget_total",
    "金额合计": "budget_total",  # the central department template's total of its tasks, as written back
    "资金总额": "budget_total",
    "预算总额": "budget_total",
    "年度预算": "budget_total",
    "本年预算": "budget_total",
    "预算金额": "budget_total",
    "项目金额": "budget_total",
    "申报金额": "budget_total",
    "项目总金额": "budget_total",
    "预算单位": "department",
    "项目资金总额": "budget_total",
    "年度预算数": "budget_total",
    "年度预算金额": "budget_total",
    "年度预算总额": "budget_total",
    "当年预算": "budget_total",
    "部门预算总额": "budget_total",
    "区级支出": "budget_line",
    "补助街镇": "budget_line",
    "财政拨款": "budget_line",
    "其中:财政拨款": "budget_line",
    "其他资金": "budget_line",
    "本级资金": "budget_line",
    "上级资金": "budget_line",
    "基本支出": "budget_line",
    "项目支出": "budget_line",
    "上年结转": "budget_line",
    "上年结余": "budget_line",
    "结转资金": "budget_line",
    "上年结转资金": "budget_line",
    "结转结余": "budget_line",
    "项目概况": "overview",
    "项目基本情况": "overview",
    "项目概述": "overview",
    "部门职能概述": "overview",
    "项目主要内容": "overview",
    "项目实施内容": "overview",
    "立项依据": "basis",
    "项目立项依据": "basis",
    "设立依据": "basis",
    "当年绩效目标": "goal",
    "年度绩效目标": "goal",
    "当年整体绩效目标": "goal",
    "年度整体绩效目标": "goal",
    "年度目标": "goal",
    "年度总体目标": "goal",
    "整体绩效目标": "goal",
    "部门整体绩效目标": "goal",
    "整体目标": "goal",
    "总体目标": "goal",
    "绩效目标": "goal",
    "项目绩效目标": "goal",
    "绩效目标(年度)": "goal",
    # a transfer payment or a policy declared as a project (转移支付 / 政策 绩效目标表)
    "转移支付名称": "name",
    "转移支付项目名称": "name",
    "政策名称": "name",
    "政策依据": "basis",
    "项目内容": "overview",
}
# Labels that only name a group of cells; read, nothing to store.
GROUP_LABELS = frozenset(
    ["年度预算安排", "资金情况", "年度资金情况", "项目资金", "资金投入", "预算情况", "绩效目标", "年度绩效指标", "绩效指标",
     "项目基本情况", "部门基本情况", "年度资金总额及构成", "年度预算申请", "部门预算安排", "资金来源",
     # a self-evaluation's money block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分)
     "年度预算执行情况", "预算执行情况", "资金执行情况", "年度资金执行情况", "部门预算执行情况"]
)  # fmt: skip

# Column labels of a block of duties or tasks inside a department table's header (宁德 2019 年度履职目标:
# 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额; 财政部 年度主要任务: 任务名称 | 主要内容 | 预算金额 over
# 总额 | 财政拨款 | 其他资金). A row with two of these, one of them naming a duty or a task, heads such a block.
TASK_COLUMNS = frozenset(
    ["部门职能", "职能", "主要职能", "职能职责", "年度目标任务", "目标任务", "年度任务", "任务名称", "主要任务",
     "主要内容", "任务内容", "实施内容", "支出项目名称", "对应项目", "对应项目名称", "项目名称", "预算金额",
     "金额", "预算数", "资金", "总额", "资金总额", "财政拨款", "其他资金", "绩效目标"]
)  # fmt: skip
TASK_NAMING = frozenset(
    ["部门职能", "职能", "主要职能", "职能职责", "年度目标任务", "目标任务", "年度任务", "任务名称", "主要任务",
     "主要内容", "任务内容", "实施内容", "支出项目名称", "对应项目", "对应项目名称"]
)  # fmt: skip

# A second header row under 指标值 that splits it by period (中长期 | 年度).
VALUE_PERIODS: dict[str, str] = {
    "年度": "value",
    "当年": "value",
    "本年度": "value",
    "年度目标值": "value",
    "中长期": "long_term",
    "长期": "long_term",
    "实施期": "long_term",
    "总体": "long_term",
}

# Labels over a group of indicator columns, in the first row of a two-row header.
INDICATOR_GROUPS = frozenset(["绩效指标", "年度绩效指标", "指标", "绩效目标指标", "指标值", "年度指标值"])
# the roles of a summary table's per-project columns
PROJECT_ROLES = ("project", "project_budget", "project_goal")

# Goals laid out side by side, labels over texts (总体目标 | 中长期目标 | 年度目标): the year's goal
# is the table's goal, the others are kept as printed in `extra`.
GOAL_COLUMNS: dict[str, str] = {
    "年度目标": "goal",
    "年度绩效目标": "goal",
    "当年绩效目标": "goal",
    "年度总体目标": "goal",
    "预期目标": "goal",
    "年度预期目标": "goal",
    "全年目标": "goal",
    "全年绩效目标": "goal",
    # a monitoring table's (财预〔2019〕136号): the target set at the start of the year
    "年初设定目标": "goal",
    "年初目标": "goal",
    # a self-evaluation's 预期目标 | 实际完成情况: what was achieved, kept as printed
    "实际完成情况": "extra",
    "目标完成情况": "extra",
    "年度目标完成情况": "extra",
    "中长期目标": "extra",
    "中期目标": "extra",  # the central template's: 中期目标（2025年—2027年）
    "长期目标": "extra",
    "中长期绩效目标": "extra",
    "实施期目标": "extra",
    "实施期绩效目标": "extra",
    "总体目标": "extra",
    "项目总体目标": "extra",
}

# The central template's money block: 中期资金总额 and its sources in a column of their own, beside
# 年度资金总额 and the year's sources; the mid-term's are kept in `extra`, the year's are the budget.
MID_TERM_TOTALS = frozenset(
    ["中期资金总额", "中长期资金总额", "中期资金", "实施期资金总额", "项目中期资金总额", "中期预算总额"]
)

# The central template prints the mid-term's indicators (二级 | 三级 | 指标值) and then the year's
# under one header: the first of each repeated column is the mid-term's, kept as printed.
MID_TERM_ROLES = {
    "level1": "long_term_level1",
    "level2": "long_term_level2",
    "name": "long_term_name",
    "value": "long_term",
}


def mid_term_columns(roles: list[str]) -> list[str]:
    """Header roles in order, the mid-term's set of indicator columns (where the header prints two,
    the mid-term's first) renamed for what they hold."""
    if roles.count("name") != 2 or roles.count("value") != 2:
        return roles
    twice = [role for role in MID_TERM_ROLES if roles.count(role) == 2]
    if any(roles.count(role) > 2 for role in MID_TERM_ROLES):
        return roles
    firsts = [roles.index(role) for role in twice]
    seconds = [len(roles) - 1 - roles[::-1].index(role) for role in twice]
    if max(firsts) > min(seconds):
        return roles  # the two sets are not side by side
    out = list(roles)
    for k in firsts:
        out[k] = MID_TERM_ROLES[roles[k]]
    return out


def mid_term_by_column(by_col: dict[int, str]) -> dict[int, str]:
    """Header roles by column, the mid-term's set renamed (`mid_term_columns`, columns left to right)."""
    if len(set(by_col.values())) == len(by_col):
        return by_col  # no role printed twice: the usual header
    places = sorted(by_col)
    return dict(zip(places, mid_term_columns([by_col[k] for k in places]), strict=True))


# Column labels of a money block laid out as a row of labels over a row of amounts.
AMOUNT_COLUMNS: dict[str, str] = {
    "资金总额": "total",
    "年度资金总额": "total",
    "预算总额": "total",
    "全年预算数": "total",
    "预算数": "total",
    "年初预算数": "line",
    "基本支出": "line",
    "项目支出": "line",
    "财政拨款": "line",
    "其他资金": "line",
    "本级资金": "line",
    "上级资金": "line",
    "财政资金": "line",
    "自有资金": "line",
    "自筹资金": "line",
    "单位自筹": "line",
    "债券资金": "line",
    "上年结转资金": "line",
    "全年执行数": "executed",
    "执行数": "executed",
    "执行率": "rate",
    "全年预计执行数": "forecast",
    "预计全年执行数": "forecast",
    "全年预计执行率": "forecast",
    "预算执行率": "rate",
    "分值": "points",
    "得分": "score",
}
# Fields kept as printed in `extra`.
WHOLE_PERIOD_TOTALS = ("项目总预算", "总预算", "项目总投资", "总投资")
EXTRA_FIELDS = frozenset(
    ["实施单位", "资金使用单位", "项目实施单位", "实施主体", "项目属性", "项目负责人", "联系电话", "项目期", "起止时间", "项目单位", "填报日期",
     # a multi-year project's total, beside the year's budget (taken as the budget only where a table
     # prints no other, see `assemble.TableBuilder.build_head`)
     "项目总预算", "总预算", "项目总投资", "总投资", "项目类别", "项目性质", "预算部门编码", "部门预算编码",
     # as other templates word them: who answers for the project, how long it runs, its codes
     "项目负责人及电话", "项目负责人及联系电话", "联系人", "联系人及电话", "联系人及联系电话", "项目联系人",
     "项目类型", "项目起止时间", "项目起止年限", "项目实施期", "项目实施期限", "实施期限", "项目期限",
     "项目周期", "项目编码", "项目代码", "项目编号", "资金性质", "功能科目", "预算科目",
     "预算编码", "单位编码", "支出功能分类", "归口处室", "主管处室", "业务处室", "实施地点", "受益对象",
     "项目起始年度", "项目终止年度", "政府采购"]
)  # fmt: skip
# a budget year is this century's: a bare 1000 is an amount, not a year
YEAR_ONLY = re.compile(r"^[(（]?(预算年度[:：]?|年度[:：]?)?(?P<year>20\d{2})年?度?[)）]?$")
MONITORING_PERIOD = re.compile(
    r"^\(?(监控(期间|时段)[:：]?)?(?P<period>(?P<year>\d{4})年\d{1,2}(-|—|–|~|～|至)\d{1,2}月(份)?)\)?$"
)
YEAR_BUDGET = re.compile(r"^(?P<year>\d{4})年(度)?(预算|预算数|资金|预算金额)$")
# a source of funds by who provides it: 中央资金, 其中:区级财政资金, 自筹资金, 上级补助 (not 项目资金)
BUDGET_LINE = re.compile(
    r"^(其中:?)?(中央|省级|省|市级|市|区级|区|县级|县|乡镇|镇级|本级|上级|自筹|社会|单位自有|一般公共预算"
    r"|政府性基金|国有资本经营预算)(财政)?(资金|拨款|补助|补助资金|预算|支出|安排)$"
    r"|^(其中:?)?(中央|省级|市级|区级|县级|乡镇|本级|上级)财政$"  # 其中：市级财政
    # a source named by its kind, with 其中 or without: 财政资金, 自有资金, 债券资金, 一般公共预算 …
    r"|^(其中:?)?(当年)?(财政资金|财政拨款资金|自有资金|单位自有资金|单位自筹(资金)?|自筹|单位资金|债券资金"
    r"|专项债券(资金)?|政府债券(资金)?|一般公共预算|政府性基金(预算)?|国有资本经营预算|财政专户管理资金"
    r"|事业收入|经营收入|其他收入|其他资金|财政拨款|上年结转(资金)?|本级财力|财政专户(资金)?)$"
)
MONEY_UNIT = re.compile(r"^(金额)?单位:(?P<unit>万元|元|亿元)$")

# Indicator header columns → role. "note" columns are kept as printed; "seq" (序号) is read and dropped.
INDICATOR_COLUMNS: dict[str, str] = {
    "序号": "seq",
    "指标解释": "note",
    "指标说明": "note",
    "指标值说明": "note",
    "指标值确定依据": "note",
    "评分标准": "note",
    "评(扣)分标准": "note",
    "评扣分标准": "note",
    # how a target is scored or was set, as other templates word it
    "扣分标准": "note",
    "考核标准": "note",
    "评价标准": "note",
    "评分细则": "note",
    "指标值设定依据": "note",
    "设定依据": "note",
    "备注": "note",
    # the target for the whole period of a multi-year project, beside the year's (年度指标值)
    "中长期指标值": "long_term",
    "长期指标值": "long_term",
    "实施期指标值": "long_term",
    "总体指标值": "long_term",
    "中长期目标值": "long_term",
    "数据来源": "note",
    "取值方式": "note",
    "绩效指标": "group",
    "年度绩效指标": "group",
    "年度指标": "group",
    "一级指标": "level1",
    "一级目标": "level1",
    "二级指标": "level2",
    "二级目标": "level2",
    # a department table's indicators grouped by the duty or task they serve, merged down its rows
    "年度履职目标": "task",
    "履职目标": "task",
    "部门职能": "task",
    "职能职责": "task",
    "年度主要任务": "task",
    "重点任务": "task",
    "任务名称": "task",
    # a summary table of many projects, one block of rows each: the block's merged cells
    "项目名称": "project",
    "项目支出名称": "project",
    "专项资金名称": "project",
    "预算金额": "project_budget",
    "项目金额": "project_budget",
    "资金总额": "project_budget",
    "年度资金总额": "project_budget",
    "年度预算": "project_budget",
    "项目年度目标": "project_goal",
    "年度绩效目标": "project_goal",
    "绩效目标": "project_goal",
    "年度目标": "project_goal",
    "三级指标": "name",
    "指标": "name",
    "指标名称": "name",
    "指标内容": "name",
    "绩效指标名称": "name",
    "指标权重": "weight",
    "权重": "weight",
    "权重(%)": "weight",
    "分值": "weight",
    "指标分值": "weight",
    "权重分值": "weight",
    "计量单位": "unit",
    "度量单位": "unit",
    "指标单位": "unit",
    "单位": "unit",
    "指标性质": "nature",
    "指标方向": "nature",
    "指标属性": "nature",  # 定量 / 定性, or 正向 / 反向: decided by content as 指标性质
    "计算符号": "nature",
    "运算符号": "nature",
    "符号": "nature",
    "指标值": "value",
    "年度指标值": "value",
    "目标值": "value",
    "指标值及单位": "value",
    "预期指标值": "value",
    "绩效指标值": "value",
    "年度绩效指标值": "value",
    "指标目标值": "value",
    "预期目标值": "value",
    "全年目标值": "value",
    "预期值": "value",
    "年度预期值": "value",
    "期望值": "value",
    "年度目标值": "value",
    "计划值": "value",
    "计划目标值": "value",
    "标准值": "value",
    "实际完成值": "actual",
    "全年实际值": "actual",
    "全年实际完成值": "actual",
    "实际完成指标值": "actual",
    "实际值": "actual",
    "完成值": "actual",
    "年度完成值": "actual",
    "全年完成值": "actual",
    "得分": "score",
    "自评得分": "score",
    "实际得分": "score",
    "偏差原因分析及改进措施": "deviation",
    "偏差原因": "deviation",
    "偏差原因分析": "deviation",
    "偏差原因及改进措施": "deviation",
    "原因分析": "deviation",
    "未完成原因分析": "deviation",
    "未完成原因": "deviation",
    "偏差说明": "deviation",
    # monitoring (运行监控): progress so far, the year's forecast and how likely the target is met;
    # labels often start with the period ("1-7月执行情况"), which is dropped before matching
    "执行情况": "actual",
    "完成情况": "actual",
    "实际完成情况": "actual",
    "累计完成情况": "actual",
    "全年预计完成情况": "forecast",
    "全年预计完成值": "forecast",
    "预计全年完成情况": "forecast",
    "预计完成情况": "forecast",
    "完成目标可能性": "likelihood",
    "目标完成可能性": "likelihood",
    "全年完成目标可能性": "likelihood",
    # the central 监控表's wording (财预〔2019〕136号) and the budget system's
    "当前完成值": "actual",
    "完成可能性分析": "likelihood",
    "完成可能性": "likelihood",
    "全年指标预计完成情况": "forecast",
    "偏差原因说明": "deviation",
    "偏离度": "note",
    # as other provinces' templates word them
    "一级指标名称": "level1",
    "二级指标名称": "level2",
    "三级指标名称": "name",
    "指标值设定依据及数据来源": "note",
    "指标值设定依据及来源": "note",
    "改进措施": "deviation",
    "整改措施": "deviation",
}


@memo(1 << 16)
def header_field(text: str) -> tuple[str, str | None, int | None] | None:
    """A header label cell → (field, inline value, year). "编制单位：X" carries X inline."""
    if len(text) > 40 and ":" not in text[:24] and "：" not in text[:24]:
        return None  # a goal or an overview, not a label: no label is that long
    if AMOUNT_ONLY.fullmatch(text) and not (len(text) == 4 and text.isdigit()):
        return None  # an amount; a bare year ("2024") does label the table's year
    s = unicodedata.normalize("NFKC", text).strip()
    inline: str | None = None
    if ":" in s:
        head, _, tail = s.partition(":")
        head_key = label_key(head)
        if head_key in HEADER_FIELDS or head_key in EXTRA_FIELDS or YEAR_BUDGET.match(head_key):
            s, inline = head, tail.strip() or None
    key = label_key(s)
    if MONEY_UNIT.match(label_key(text)):
        return ("money_unit", MONEY_UNIT.match(label_key(text))["unit"], None)  # type: ignore[index]
    m = YEAR_BUDGET.match(key)
    if m:
        return ("budget_total", inline, int(m["year"]))
    m = YEAR_ONLY.match(key)
    if m:
        return ("year", None, int(m["year"]))
    m = MONITORING_PERIOD.match(key)
    if m:  # "（2024年1-7月）" under a monitoring table's title
        return ("period", m["period"], int(m["year"]))
    if key in HEADER_FIELDS:
        return (HEADER_FIELDS[key], inline, None)
    if BUDGET_LINE.match(key):  # 其中:中央资金, 区级资金, 自筹资金 …
        return ("budget_line", inline, None)
    if key in EXTRA_FIELDS or key.partition("·")[0] in MID_TERM_TOTALS:  # 中期资金总额·其中:财政拨款
        return ("extra", inline, None)
    if key in GROUP_LABELS:
        return ("group", inline, None)
    return None


AMOUNT_ONLY = re.compile(r"[-+]?[\d,]+(\.\d+)?%?")


def _in_period(key: str) -> bool:
    """A label that starts with its period ("1-7月执行数", "截至6月底完成值", "上半年执行率")."""
    return key[:1].isdigit() or key[:2] in ("截至", "上半", "前三")


def _column_of(columns: dict[str, str], key: str) -> str | None:
    """A column label's role, with or without the period it starts with."""
    found = columns.get(key)
    if found is None and _in_period(key):
        found = columns.get(without_period(key))
    return found


@memo(1 << 14)
def goal_column(text: str) -> str | None:
    """ "年度目标", "预期目标" → "goal"; "中长期目标", "1-7月实际完成情况" → "extra"; else None."""
    if not text or len(text) > 24:
        return None
    key = label_key(text)
    found = _column_of(GOAL_COLUMNS, key)
    if found is None and key.endswith(")"):  # 中期目标（2025年—2027年）
        found = _column_of(GOAL_COLUMNS, _ASIDE.sub("", key))
    return found


@memo(1 << 12)
def amount_column(text: str) -> str | None:
    """ "资金总额", "全年预算数（万元）", "1-7月执行率" … → what the column holds (total, executed, rate …)."""
    if len(text) > 24:
        return None
    return _column_of(AMOUNT_COLUMNS, label_key(text))


def starts_an_amount_column(text: str) -> bool:
    """Whether a money column's label starts with this text and goes on (年初预算 of 年初预算数, a
    narrow column's label wrapped): three characters or more."""
    key = label_key(text)
    return len(key) >= 3 and any(label.startswith(key) and label != key for label in AMOUNT_COLUMNS)


def label_unit(text: str) -> str | None:
    """ "部门支出预算总量（万元）" → "万元"."""
    m = MONEY_UNIT_ASIDE.search(text)
    return m.group(1) if m else None


def with_money_unit(label: str, unit: str) -> str:
    """A money label with `unit` in brackets in place of the one it prints, if any: "年度预算（元）",
    万元 → "年度预算（万元）"."""
    return MONEY_UNIT_ASIDE.sub(f"（{unit}）", label, count=1)


@memo(1 << 12)
def is_title(text: str) -> bool:
    """Titles: 部门整体绩效目标表, 2024年项目支出绩效目标表, 项目支出绩效自评表 … (not a long sentence)."""
    if len(text) > 60:
        return False
    key = label_key(text)
    return bool(TITLE.match(key) or TITLE_NO_TABLE.match(key))


_CONTINUED = re.compile(r"[(（]\s*续(表)?\s*[)）]$|^续表|续表$")


def is_continuation(title: str) -> bool:
    """ "项目绩效目标表（续）", "续表": the table before goes on (a new page), it is not a new table."""
    return bool(_CONTINUED.search(label_key(title)))


# "2024年项目支出绩效目标" without 表: a title only when it starts with the year (labels never do)
TITLE_NO_TABLE = re.compile(r"^(附件\d*[:：]?)?\d{4}年(度)?.{0,30}?(项目|部门|整体|专项).{0,20}?绩效目标$")


_ASIDE = re.compile(r"\([^()]*\)$")


# A period in front of a monitoring label: "1-7月执行情况", "1—6月执行数", "截至6月底执行率", "上半年".
_PERIOD_PREFIX = re.compile(
    r"^(\d{4}年)?(\d{1,2}(-|—|–|~|～|至)\d{1,2}月(份)?|截至\d{1,2}月(底|末)?|\d{1,2}月(底|末)|上半年|前三季度)"
)


def without_period(key: str) -> str:
    return _PERIOD_PREFIX.sub("", key, count=1)


def starts_an_indicator_column(text: str) -> bool:
    """Whether an indicator column's label starts with this text ("偏差原因分析及改进" of 偏差原因分析及改进措施)."""
    key = label_key(text)
    return any(label.startswith(key) for label in INDICATOR_COLUMNS)


@memo(1 << 14)
def indicator_column(text: str) -> str | None:
    """ "三级指标（指标名称）", "年度指标值（A）", "分值（权重）" → the role of the part before the brackets."""
    if len(text) > 24:
        return None  # no column label is that long; names and goals are
    key = label_key(text)
    role = INDICATOR_COLUMNS.get(key)
    if role is None and key.endswith(")"):
        role = INDICATOR_COLUMNS.get(_ASIDE.sub("", key))
    if role is None and _in_period(key):
        role = INDICATOR_COLUMNS.get(without_period(key))
    if role is None and _YEAR_PREFIX.match(key):  # "2024年目标值", "本年度指标值"
        role = INDICATOR_COLUMNS.get(_YEAR_PREFIX.sub("", key, count=1))
    return role


_YEAR_PREFIX = re.compile(r"^(\d{4}年度?|本年度?|当年度?)(?=.)")
