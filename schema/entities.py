"""Named entities found in plan text: companies, institutions and technologies.

These are the non-agency actors and subjects a plan names ("支持华为、中兴通讯…", "依托国家超级计算
深圳中心", "推进IPv6的大规模部署"). Agencies (who owns a task) live in `schema.models`; the
entities here are what tasks are about or whom they support.
"""

from __future__ import annotations

# The models live in schema/models.py with the rest of the contract (Extraction carries the
# mentions); this module keeps the entity vocabulary importable under its own name.
from policykg.schema.models import EntityKind, EntityMention, GlossaryTerm

__all__ = ["EntityKind", "EntityMention", "GlossaryTerm"]
