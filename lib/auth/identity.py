"""Who is acting: passed from the UI into every lib function that reads or writes data."""

from dataclasses import dataclass, field

from lib.models.enums import RoleName


@dataclass(frozen=True)
class Identity:
    id: int | None
    email: str
    full_name: str = ""
    roles: frozenset[RoleName] = field(default_factory=frozenset)

    @property
    def is_active_user(self) -> bool:
        return bool(self.roles)

    def has_any(self, *roles: RoleName) -> bool:
        return RoleName.ADMIN in self.roles or any(r in self.roles for r in roles)


# For work the system does itself (start-up, the one-time seed): never a logged-in person.
SYSTEM = Identity(id=None, email="system", full_name="System", roles=frozenset({RoleName.ADMIN}))
