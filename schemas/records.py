"""Record schemas: the report, its meetings, its decisions and its support figures.

Every field read from the text is a :class:`Grounded` value: the normalised value plus
the span it was read from, so an analyst's spreadsheet cell can be traced back to the
characters of the report. Each record also carries the sentence span(s) it was built
from and a ``confidence`` the extractor can justify (see ``extractor/records``).
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from schemas.entities import Evidence, Qualifier

T = TypeVar("T")


class Grounded(BaseModel, Generic[T]):
    """A normalised value and its evidence: ``source_text[start:end] == text``."""

    model_config = ConfigDict(frozen=True)

    value: T
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class PersonRef(BaseModel):
    """A person named in a record, with the role the text gives them there."""

    name: Grounded[str]
    role: Grounded[str] | None = None


ReportKind = Literal[
    "báo cáo tháng",
    "báo cáo quý",
    "báo cáo 6 tháng",
    "báo cáo năm",
    "báo cáo",
    "tin hội nghị",
    "bài viết",
    "nghị quyết",
    "quyết định",
    "kế hoạch",
]


class Signer(BaseModel):
    """Who signed: ``TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH / Đồng Thị Nghĩa``."""

    name: Grounded[str]
    role: Grounded[str] | None = Field(default=None, description="`PHÓ CHỦ TỊCH`, as written.")
    on_behalf_of: Grounded[str] | None = Field(default=None, description="`BAN THƯỜNG VỤ` from `TM. BAN THƯỜNG VỤ`.")


class Report(BaseModel):
    """The report itself."""

    title: Grounded[str] | None = None
    kind: Grounded[ReportKind] | None = None
    issuer: Grounded[str] | None = Field(default=None, description="Canonical name of the issuing organisation.")
    date: Grounded[str] | None = Field(default=None, description="ISO date of the report (its dateline).")
    period: Grounded[str] | None = Field(
        default=None,
        description="Period covered: `2021-07`, `2020-Q3`, `2017-H1`, `2021`, or a term `2018/2023`.",
    )
    signer: Signer | None = None
    recipients: list[Grounded[str]] = Field(default_factory=list, description="The `Nơi nhận` list, one per line.")


class _Record(BaseModel):
    evidence: list[Evidence] = Field(default_factory=list, description="Sentence span(s) the record was built from.")
    confidence: float = Field(ge=0.0, le=1.0, description="Share of the record's key fields read from explicit cues.")


MeetingKind = Literal[
    "hội nghị Ban Chấp hành",
    "hội nghị Ban Thường vụ",
    "hội nghị tổng kết",
    "hội nghị sơ kết",
    "đại hội",
    "hội thảo",
    "tập huấn",
    "hội nghị",
]


class Meeting(_Record):
    """A meeting: who held it, when, where, who chaired and attended, what it decided."""

    kind: Grounded[MeetingKind]
    organiser: Grounded[str] | None = Field(default=None, description="Canonical name of the organising body.")
    date: Grounded[str] | None = None
    date_from_report: bool = Field(default=False, description="Date taken from the report because the text says it is this meeting's.")
    place: Grounded[str] | None = None
    session: Grounded[int] | None = Field(default=None, description="`lần thứ 10`, `kỳ thứ 10`, `lần thứ tám` -> 10 / 8.")
    term: Grounded[str] | None = Field(default=None, description="`khóa XV` -> `XV`; `nhiệm kỳ 2018 – 2023` -> `2018/2023`.")
    chair: PersonRef | None = None
    attendees: list[PersonRef] = Field(default_factory=list)
    agenda: list[Grounded[str]] = Field(default_factory=list)
    decisions: list[int] = Field(default_factory=list, description="Indexes into the document's `decisions`.")


DecisionAction = Literal[
    "thông qua",
    "ban hành",
    "bầu bổ sung",
    "sửa đổi bổ sung",
    "sáp nhập",
    "đổi tên",
    "điều động, luân chuyển",
    "phê duyệt",
    "khen thưởng",
    "công nhận",
    "kiện toàn",
    "thống nhất",
]


class Decision(_Record):
    """What was decided, about what, by whom, when, citing which documents."""

    action: Grounded[DecisionAction]
    object: Grounded[str] | None = Field(default=None, description="What the action applies to, as written.")
    people: list[PersonRef] = Field(default_factory=list, description="People elected/appointed, with their roles.")
    decided_by: Grounded[str] | None = None
    date: Grounded[str] | None = None
    doc_refs: list[Grounded[str]] = Field(default_factory=list, description="Cited documents, value = `number/symbol`.")
    status: Literal["adopted", "planned"] = "adopted"


SupportPurpose = Literal[
    "housing",
    "gifts",
    "covid",
    "disaster",
    "illness",
    "scholarship",
    "meals",
    "other",
]


class Beneficiaries(BaseModel):
    """Who received the support: ``127 đoàn viên có hoàn cảnh khó khăn``."""

    count: Grounded[int] | None = None
    who: Grounded[str] | None = None


class SupportFigure(_Record):
    """Support given or planned: giver, beneficiaries, amount, purpose, fund, period, status."""

    giver: Grounded[str] | None = None
    beneficiaries: Beneficiaries = Field(default_factory=Beneficiaries)
    items: Grounded[int] | None = Field(
        default=None, description="Number of things given: `10.283 suất quà`, `80 “Mái ấm Công đoàn”`."
    )
    amount: Grounded[int] | None = Field(default=None, description="Total amount in integer VND.")
    unit_amount: Grounded[int] | None = Field(
        default=None, description="Amount per beneficiary or item: `mỗi đoàn viên 1,5 triệu VNĐ`, `50 triệu đồng/nhà`."
    )
    qualifier: Qualifier | None = None
    purpose: Grounded[SupportPurpose] | None = None
    fund: Grounded[str] | None = Field(default=None, description="`Quỹ xã hội`, `ngân sách địa phương`.")
    period: Grounded[str] | None = None
    status: Grounded[Literal["actual", "planned"]] | None = None
    part_of: int | None = Field(default=None, description="Index of the total this figure is a part of.")
