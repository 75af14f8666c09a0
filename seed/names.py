"""Realistic names and addresses from Faker's en_US data, drawn with the step's own generator.

Calling Faker per row costs about half a millisecond (it rebuilds its weights each call); at scale
100 that is minutes. Drawing from the same weighted lists with precomputed weights is ~100x faster
and just as deterministic.
"""

import random
from itertools import accumulate

from faker.providers.person.en_US import Provider as _Person

_FIRST = {**_Person.first_names_female, **_Person.first_names_male}
FIRST_NAMES = tuple(_FIRST)
_FIRST_CUM = tuple(accumulate(_FIRST.values()))
LAST_NAMES = tuple(_Person.last_names)
_LAST_CUM = tuple(accumulate(_Person.last_names.values()))
STREET_TYPES = ("St", "Ave", "Way", "Pl", "Blvd", "Dr", "Ln", "Ct", "Rd")
DIRECTIONS = ("S", "SW", "SE", "N", "NE", "NW", "")


class Names:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def first(self) -> str:
        return self.rng.choices(FIRST_NAMES, cum_weights=_FIRST_CUM)[0]

    def last(self) -> str:
        return self.rng.choices(LAST_NAMES, cum_weights=_LAST_CUM)[0]

    def street(self) -> str:
        """A Puget Sound style address: numbered streets with a direction, or named ones."""
        rng = self.rng
        if rng.random() < 0.6:
            number = rng.randint(1, 320)
            suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
            return f"{rng.randint(100, 39999)} {rng.choice(DIRECTIONS)} {number}{suffix} {rng.choice(STREET_TYPES)}".replace("  ", " ")
        return f"{rng.randint(100, 9999)} {self.last()} {rng.choice(STREET_TYPES)}"
