"""Steps 2, 4 and 5: the local's locations, the organizations around it and their contacts."""

from lib.models import Location, Organization, OrganizationContact
from lib.models.enums import LocationKind, OrganizationType
from seed.names import Names
from seed.context import OrgInfo, SeedContext
from seed.steps.common import WA_CITIES, StepOutput, phone

LOCATIONS = (
    ("Local 46 Union Hall", LocationKind.UNION_HALL, "19802 62nd Ave S", "Kent", "98032"),
    ("Local 46 Training Center", LocationKind.TRAINING_CENTER, "550 SW 7th St", "Renton", "98057"),
    ("Local 46 Dispatch Office", LocationKind.DISPATCH_OFFICE, "19802 62nd Ave S", "Kent", "98032"),
    ("Local 46 Everett Office", LocationKind.SATELLITE_OFFICE, "2812 Lombard Ave", "Everett", "98201"),
)
# Per 100 organizations: who the local deals with.
ORG_MIX = ((OrganizationType.SIGNATORY_CONTRACTOR, 60), (OrganizationType.NON_UNION_TARGET, 25),
           (OrganizationType.TRAINING_PARTNER, 10), (OrganizationType.FUNDER, 5))
SUFFIXES = {
    OrganizationType.SIGNATORY_CONTRACTOR: ("Electric", "Electrical Contractors", "Power Systems", "Electric Co."),
    OrganizationType.NON_UNION_TARGET: ("Electrical Services", "Wiring LLC", "Electric Inc.", "Power Solutions"),
    OrganizationType.TRAINING_PARTNER: ("Technical College", "Career Academy", "Workforce Center"),
    OrganizationType.FUNDER: ("Workforce Development Council", "Community Foundation", "Labor Fund"),
}
CONTACT_TITLES = {
    OrganizationType.SIGNATORY_CONTRACTOR: ("Owner", "Project Manager", "Payroll Manager"),
    OrganizationType.NON_UNION_TARGET: ("Owner", "Site Supervisor", "Office Manager"),
    OrganizationType.TRAINING_PARTNER: ("Program Director", "Instructor Lead", "Admissions Coordinator"),
    OrganizationType.FUNDER: ("Program Officer", "Grants Manager", "Finance Director"),
}


def locations(ctx: SeedContext) -> StepOutput:
    columns = ["name", "kind", "address", "city", "state", "postal_code", "phone"]
    rng = ctx.rng()
    rows = [(name, kind, street, city, "WA", postal, phone(rng, "253"))
            for name, kind, street, city, postal in LOCATIONS]
    ctx.state.location_ids = ctx.get_or_create(Location, ["name"], columns, rows)
    return StepOutput({"locations": len(rows)})


def _org_types(scale: int) -> list[OrganizationType]:
    return [kind for kind, per_hundred in ORG_MIX for _ in range(per_hundred * scale)]


def _unique_name(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base} {n}", n + 1
    taken.add(name)
    return name


def organizations(ctx: SeedContext) -> StepOutput:
    rng, taken = ctx.rng(), set()
    fake = Names(rng)
    columns = ["name", "org_type", "address", "city", "state", "postal_code", "phone", "website", "is_active"]
    rows = []
    for kind in _org_types(ctx.scale):
        name = _unique_name(f"{fake.last()} {rng.choice(SUFFIXES[kind])}", taken)
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:30]
        rows.append((name, kind, fake.street(), rng.choice(WA_CITIES), "WA",
                     f"98{rng.randint(0, 199):03d}", phone(rng), f"https://www.{slug}.example",
                     rng.random() > 0.05))
    ids = ctx.get_or_create(Organization, ["name"], columns, rows)
    ctx.state.organizations = [OrgInfo(i, row[0], row[1]) for i, row in zip(ids, rows)]
    return StepOutput({"organizations": len(rows)})


def organization_contacts(ctx: SeedContext) -> StepOutput:
    rng = ctx.rng()
    fake = Names(rng)
    columns = ["organization_id", "name", "title", "email", "phone", "is_primary"]
    rows = []
    for org in ctx.state.organizations:
        domain = "".join(ch for ch in org.name.lower() if ch.isalnum())[:30] + ".example"
        for n, title in enumerate(CONTACT_TITLES[org.org_type]):
            first, last = fake.first(), fake.last()
            rows.append((org.id, f"{first} {last}", title, f"{first}.{last}@{domain}".lower(),
                         phone(rng), n == 0))
    written = ctx.insert(OrganizationContact, columns, rows)
    return StepOutput({"organization_contacts": written})
