"""Entity models: one pydantic model per label, joined in a discriminated union.

Every entity is grounded: ``start``/``end`` are character offsets (Unicode code points)
into the text exactly as the user passed it, and ``text == source_text[start:end]``.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Qualifier = Literal["approx", "over", "under"]
DatePrecision = Literal["day", "month", "year", "quarter", "half"]


class Evidence(BaseModel):
    """A stretch of the source text: ``source_text[start:end] == text``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Offset of the first character (code points).")
    end: int = Field(ge=0, description="Offset one past the last character.")
    text: str = Field(description="The characters between start and end, as written.")


class _Entity(Evidence):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MoneyEntity(_Entity):
    """An amount of money, e.g. ``3 tỷ 640 triệu đồng`` -> 3_640_000_000."""

    label: Literal["MONEY"] = "MONEY"
    value: int = Field(description="Amount in whole VND.")
    qualifier: Qualifier | None = Field(
        default=None, description="`gần` -> under, `trên`/`hơn` -> over, `khoảng` -> approx."
    )


class CountEntity(_Entity):
    """A number of counted things, e.g. ``127 đoàn viên``."""

    label: Literal["COUNT"] = "COUNT"
    value: int
    unit: str = Field(description="The counted noun phrase as written, e.g. `suất quà`.")
    qualifier: Qualifier | None = None


class PercentEntity(_Entity):
    """A percentage, e.g. ``72,2%`` -> 72.2."""

    label: Literal["PERCENT"] = "PERCENT"
    value: float
    qualifier: Qualifier | None = None


class DateEntity(_Entity):
    """A calendar date or period, with the precision the text gives.

    ``value`` is ISO-like: ``2021-07-28`` (day), ``2021-07`` (month), ``2021`` (year),
    ``2020-Q3`` (quarter), ``2017-H1`` (half year); ``null`` when the year is unknown.
    """

    label: Literal["DATE"] = "DATE"
    value: str | None
    precision: DatePrecision
    time: str | None = Field(default=None, description="Clock time `HH:MM` written with the date.")
    year_from_report: bool = Field(
        default=False, description="True when the year was taken from the report's own date."
    )


class DocRefEntity(_Entity):
    """A reference to a legal or administrative document, e.g. ``722/QĐ-LĐLĐ``."""

    label: Literal["DOC_REF"] = "DOC_REF"
    kind: str | None = Field(default=None, description="Quyết định, Nghị quyết, Nghị định ...")
    number: str | None = Field(default=None, description="`722`, `02`, `7c`.")
    symbol: str | None = Field(default=None, description="`QĐ-LĐLĐ`, `NQ/TW`, `NĐ-CP` (spaces removed).")
    issuer: str | None = Field(default=None, description="Issuer code read from the symbol: `LĐLĐ`, `TW`, `CP`.")
    date: str | None = Field(default=None, description="ISO date of the document when the reference gives it.")


class PersonEntity(_Entity):
    """A named individual: the span is the name only (``Đồng chí Vàng A Lả - Chủ tịch LĐLĐ tỉnh``
    -> ``Vàng A Lả``)."""

    label: Literal["PERSON"] = "PERSON"
    name: str | None = Field(default=None, description="The name as written: `Vàng A Lả`, or a short form `Lả`.")
    honorific: str | None = Field(default=None, description="The word before the name as written: `Ông`, `Đ/c`.")
    role: str | None = Field(
        default=None,
        description="Title phrase bound to the name, as written (`Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh`); "
        "the title lines of a signature are joined with `, `.",
    )


class OrgEntity(_Entity):
    """An organisation, state or Party body (``LĐLĐ tỉnh``, ``Ban Chấp hành Tổng LĐLĐ Việt Nam``)."""

    label: Literal["ORG"] = "ORG"
    canonical: str | None = Field(
        default=None,
        description="Full name, abbreviations expanded, place resolved: `LĐLĐ tỉnh` in a Sơn La report -> "
        "`Liên đoàn Lao động tỉnh Sơn La`.",
    )
    level: Literal["national", "province", "district", "grassroots"] | None = None
    province: str | None = Field(default=None, description="The province the body belongs to; null if national.")


class LocEntity(_Entity):
    """A place (``tỉnh Sơn La``, ``huyện Nậm Nhùn``, ``Hủa Phăn``)."""

    label: Literal["LOC"] = "LOC"
    canonical: str | None = Field(
        default=None, description="Administrative name, pre-2025 scheme, tone marks normalised: `Sơn La`."
    )
    unit_type: str | None = Field(
        default=None,
        description="province, city, district, commune, village, zone (industrial or export zone), "
        "foreign (a province abroad) or country.",
    )


Entity = Annotated[
    Union[
        MoneyEntity,
        CountEntity,
        PercentEntity,
        DateEntity,
        DocRefEntity,
        PersonEntity,
        OrgEntity,
        LocEntity,
    ],
    Field(discriminator="label"),
]

ENTITY_MODELS: dict[str, type[_Entity]] = {
    "MONEY": MoneyEntity,
    "COUNT": CountEntity,
    "PERCENT": PercentEntity,
    "DATE": DateEntity,
    "DOC_REF": DocRefEntity,
    "PERSON": PersonEntity,
    "ORG": OrgEntity,
    "LOC": LocEntity,
}
LABELS: tuple[str, ...] = tuple(ENTITY_MODELS)
