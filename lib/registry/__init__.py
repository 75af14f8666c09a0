"""The entity registry: importing this package registers every table's entry."""

from lib.auth.identity import Identity
from lib.auth.permissions import PermissionDenied, Action
from lib.registry.base import DOMAINS, REGISTRY, Entity, RegistryError
from lib.registry.entities import dues, grants, people, system, training, unionops  # noqa: F401

__all__ = ["DOMAINS", "REGISTRY", "Entity", "RegistryError", "entity_for", "visible_entities",
           "require_entity", "EntityPermissionDenied"]


class EntityPermissionDenied(PermissionDenied):
    """The person's roles do not allow this operation on this table."""

    def __init__(self, who: Identity | None, entity: type[Entity], operation: str):
        PermissionError.__init__(self, f"{(who.email if who else '') or 'nobody'} may not "
                                 f"{operation} {entity.title.lower()}")
        self.action = Action.VIEW_RECORDS if operation == "view" else Action.EDIT_RECORDS


class UnknownTable(KeyError):
    """A table name that no registry entry serves (e.g. from a hand-edited URL)."""


def entity_for(table: str) -> type[Entity]:
    try:
        return REGISTRY[table]
    except KeyError:
        raise UnknownTable(f"There is no table called {table!r} in the records.") from None


def require_entity(who: Identity | None, entity: type[Entity], operation: str) -> Identity:
    action = Action.VIEW_RECORDS if operation == "view" else Action.EDIT_RECORDS
    from lib.auth.permissions import can
    if not can(who, action) or not entity.can(who, operation):
        raise EntityPermissionDenied(who, entity, operation)
    return who


def visible_entities(who: Identity | None) -> dict[str, list[type[Entity]]]:
    """The tables this person may open, grouped by domain in the order of DOMAINS."""
    grouped: dict[str, list[type[Entity]]] = {d: [] for d in DOMAINS}
    for entity in REGISTRY.values():
        if entity.can(who, "view"):
            grouped[entity.domain].append(entity)
    return {d: es for d, es in grouped.items() if es}  # declaration order: the main table first
