"""Reference data of method.md §1 (framework "kominfo-2021"): the six pillars and their element slugs.

These slugs are part of the public interface (import/export files, API, ``analyze --json``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

FRAMEWORK = "kominfo-2021"

#: pillar slug -> its three element slugs, in the order of method.md §1.
ELEMENTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "governance": ("service", "bureaucracy", "policy"),
        "branding": ("tourism", "business", "appearance"),
        "economy": ("industry", "welfare", "transaction"),
        "living": ("harmony", "health", "mobility"),
        "society": ("community", "learning", "security"),
        "environment": ("protection", "waste", "energy"),
    }
)

PILLARS: tuple[str, ...] = tuple(ELEMENTS)

NAMES: Mapping[str, str] = MappingProxyType(
    {
        "governance": "Smart Governance",
        "branding": "Smart Branding",
        "economy": "Smart Economy",
        "living": "Smart Living",
        "society": "Smart Society",
        "environment": "Smart Environment",
    }
)
