"""The people of one document: every mention of a person merged into one record."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PersonMention(BaseModel):
    """One PERSON span: ``source_text[start:end] == name``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    name: str = Field(description="The name as written here: `Vàng A Lả`, or a short form `Lả`.")
    honorific: str | None = Field(default=None, description="`Ông`, `Đồng chí`, `Đ/c` ... as written.")
    role: str | None = Field(default=None, description="The title phrase bound to this mention, as written.")


class PersonRecord(BaseModel):
    """A person of the document, e.g. ``Vàng A Lả`` with roles ``Chủ tịch LĐLĐ tỉnh`` ...

    ``organisations`` are the canonical organisations the roles name
    (``Chủ tịch LĐLĐ tỉnh`` in a Sơn La report -> ``Liên đoàn Lao động tỉnh Sơn La``).
    """

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="The fullest form of the name in the document.")
    honorifics: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list, description="Every role seen, in order, without repeats.")
    organisations: list[str] = Field(default_factory=list)
    mentions: list[PersonMention] = Field(default_factory=list)
